/// Reads OWASP ZAP's traditional JSON report (`-J` of the baseline and full scans, "Traditional JSON Report"):
/// `{"@programName", "@version", "@generated", "site": [{"@name", "alerts": [{"pluginid", "alert", "riskcode",
/// "confidence", "riskdesc", "instances": [{"uri", "method", "param", …}], "count", "cweid", …}]}]}`.
///
/// One finding per alert per site (not per instance), so the count equals the rows of the "Summary of Alerts" of
/// ZAP's HTML report. `riskcode` gives the severity: 3 → high (error), 2 → medium (warning), 1 → low (note);
/// 0 is ZAP's Informational risk, which is no vulnerability: such an alert is kept as informational, with
/// severity low, and does not count (as SARIF results of kind other than `fail`). An alert of `confidence` 0
/// (marked a False Positive in ZAP) is suppressed. The rule is `pluginid`, the message the alert's name with its
/// number of instances, the path the site's `@name` (the URL scanned); the kind is dast, the tool `zap`.
public enum ZAPReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP ZAP JSON"

    /// True for an object with `@version` or `@generated` followed by `site`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            var stamped = false
            return try ScannerJSON.scanKeys(json) { key in
                if key == "@version" || key == "@generated" { stamped = true }
                return key == "site" ? stamped : nil
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "an OWASP ZAP JSON report")
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == "site" else { return }
            try json.forEachElement { () throws(InputError) in try readSite(json, into: &findings) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    private static func readSite(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        var site: String?
        try json.forEachMember { key throws(InputError) in
            if key == "@name" {
                site = try LinterJSON.optionalString(json, "@name")
            } else if key == "alerts" {
                try json.forEachElement { () throws(InputError) in findings.append(try alert(json, site: site)) }
            }
        }
    }

    private static func alert(_ json: JSONTokenizer, site: String?) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "zap", level: .note, kind: .dast, path: site, message: "")
        var name: String?
        var risk: Int?
        var instances: Int?
        try json.forEachMember { key throws(InputError) in
            if key == "pluginid" {
                finding.rule = try LinterJSON.optionalString(json, "pluginid")
            } else if key == "alert" || (key == "name" && name == nil) {
                name = try LinterJSON.optionalString(json, key.description)
            } else if key == "riskcode" {
                risk = try ScannerJSON.number(json, "riskcode")
            } else if key == "confidence" {
                if try ScannerJSON.number(json, "confidence") == 0 { finding.state = .suppressed }
            } else if key == "instances" {
                instances = try ScannerJSON.count(json, "instances")
            } else if key == "count", instances == nil {
                instances = try ScannerJSON.number(json, "count")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let rule = finding.rule else { throw InputError("a ZAP alert has no pluginid") }
            switch risk {
            case 3?: finding.severity = .high
            case 2?: finding.severity = .medium
            case 1?: finding.severity = .low
            case 0?:
                finding.severity = .low
                if finding.state == .open { finding.state = .informational }
            default: throw InputError("a ZAP alert has no riskcode from 0 to 3")
            }
            finding.level = ScannerJSON.level(for: finding.severity)
            let count = instances.map { $0 == 1 ? ", 1 instance" : ", \($0) instances" } ?? ""
            finding.message = ScannerJSON.oneLine((name ?? "alert \(rule)") + count)
            return finding
        }
    }
}
