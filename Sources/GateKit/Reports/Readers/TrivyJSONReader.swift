/// Reads Trivy's JSON report (`trivy image|fs|repo|config -f json`, schema version 2): one finding per entry of
/// each result's `Vulnerabilities` (kind dependency), `Misconfigurations` (config) and `Secrets` (secret).
///
/// The counts per severity equal the totals of Trivy's table for the same scan ("Total: 2 (CRITICAL: 1, LOW: 1)"
/// under each target), secrets included: they are security findings of the scan (a gate can leave them out with
/// `kind != secret`). A misconfiguration whose `Status` is `PASS` (written with `--include-non-failures`) is
/// informational and `EXCEPTION` suppressed: Trivy's table counts failures only.
///
/// Severity: Trivy's `Severity` word (`UNKNOWN` → the CVSS score, else unknown); the score is NVD's `V3Score` (else
/// the first source's, computed from a `V3Vector` when no score is written). Level: critical/high → error, medium →
/// warning, low/unknown → note. Package: `PkgName`, `InstalledVersion`, `FixedVersion`, and the result's `Type`
/// as ecosystem; path: `PkgPath`, else the result's `Target`. Image metadata and layers are skipped unread.
public enum TrivyJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Trivy JSON"

    /// True for a JSON object whose first key is `SchemaVersion` and that has an `ArtifactName` or `Results` key
    /// among the first ones.
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("SchemaVersion", in: head) { json throws(InputError) in
            try json.skipValue()
            return try VulnerabilityJSONReading.findKey(
                json, skipping: ["Trivy", "ReportID", "CreatedAt", "ArtifactID"]
            ) { key in key == "ArtifactName" || key == "Results" }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError("not a Trivy JSON report: the JSON value is not an object", line: json.line, column: 1)
        }
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == "Results" else { return }
            guard try VulnerabilityJSONReading.openArray(json, "Results") else { return }
            try json.forEachElement { () throws(InputError) in try readResult(json, into: &findings) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// One target's findings; the target, class and type may come after the lists, so they are filled in after.
    private static func readResult(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        var target: String?
        var type: String?
        let first = findings.count
        try json.forEachMember { key throws(InputError) in
            if key == "Target" {
                target = try VulnerabilityJSONReading.text(json, "Target")
            } else if key == "Type" {
                type = try VulnerabilityJSONReading.text(json, "Type")
            } else if key == "Vulnerabilities" {
                try forEach(json, "Vulnerabilities") { () throws(InputError) in findings.append(try vulnerability(json))
                }
            } else if key == "Misconfigurations" {
                try forEach(json, "Misconfigurations") { () throws(InputError) in
                    findings.append(try misconfiguration(json))
                }
            } else if key == "Secrets" {
                try forEach(json, "Secrets") { () throws(InputError) in findings.append(try secret(json)) }
            }
        }
        for index in first..<findings.count {
            if findings[index].path == nil { findings[index].path = target }
            if findings[index].kind == .dependency, findings[index].package?.ecosystem == nil {
                findings[index].package?.ecosystem = type
            }
        }
    }

    private static func forEach(_ json: JSONTokenizer, _ what: String, _ body: () throws(InputError) -> Void)
        throws(InputError)
    {
        guard try VulnerabilityJSONReading.openArray(json, what) else { return }
        try json.forEachElement(body)
    }

    private static func vulnerability(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var id: String?
        var aliases: [String] = []
        var name: String?
        var installed: String?
        var fixed: String?
        var path: String?
        var word: String?
        var title: String?
        var score: Double?
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "VulnerabilityID": id = try VulnerabilityJSONReading.text(json, "VulnerabilityID")
            case "VendorIDs": aliases = try VulnerabilityJSONReading.strings(json, "VendorIDs")
            case "PkgName": name = try VulnerabilityJSONReading.text(json, "PkgName")
            case "PkgPath": path = try VulnerabilityJSONReading.text(json, "PkgPath")
            case "InstalledVersion": installed = try VulnerabilityJSONReading.text(json, "InstalledVersion")
            case "FixedVersion": fixed = try VulnerabilityJSONReading.text(json, "FixedVersion")
            case "Severity": word = try VulnerabilityJSONReading.text(json, "Severity")
            case "Title": title = try VulnerabilityJSONReading.text(json, "Title")
            case "CVSS": score = try cvssScore(json)
            default: return
            }
        }
        guard let id else { throw InputError("a vulnerability has no VulnerabilityID", line: line, column: column) }
        return VulnerabilityJSONReading.finding(
            tool: "trivy", id: id, aliases: aliases, severity: SeverityScale.severity(word: word, score: score),
            cvssScore: score, package: name.map { PackageReference(name: $0, installed: installed, fixed: fixed) },
            path: path, message: title)
    }

    /// NVD's v3 score, else the first source's; a vector without a score is computed.
    private static func cvssScore(_ json: JSONTokenizer) throws(InputError) -> Double? {
        var nvd: Double?
        var first: Double?
        try json.forEachMember { source throws(InputError) in
            var score: Double?
            var vector: String?
            try json.forEachMember { key throws(InputError) in
                if key == "V3Score" {
                    score = try VulnerabilityJSONReading.score(json, "CVSS.V3Score")
                } else if key == "V3Vector" {
                    vector = try VulnerabilityJSONReading.text(json, "CVSS.V3Vector")
                }
            }
            let value = score ?? vector.flatMap(SeverityScale.baseScore(ofVector:))
            if source == "nvd" { nvd = value } else if first == nil { first = value }
        }
        return nvd ?? first
    }

    private static func misconfiguration(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var id: String?
        var avdID: String?
        var word: String?
        var title: String?
        var message: String?
        var status: String?
        var line: Int?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "ID": id = try VulnerabilityJSONReading.text(json, "ID")
            case "AVDID": avdID = try VulnerabilityJSONReading.text(json, "AVDID")
            case "Severity": word = try VulnerabilityJSONReading.text(json, "Severity")
            case "Title": title = try VulnerabilityJSONReading.text(json, "Title")
            case "Message": message = try VulnerabilityJSONReading.text(json, "Message")
            case "Status": status = try VulnerabilityJSONReading.text(json, "Status")
            case "CauseMetadata":
                try json.forEachMember { key throws(InputError) in
                    if key == "StartLine" { line = try LinterJSON.position(json, "CauseMetadata.StartLine") }
                }
            default: return
            }
        }
        let state: FindingState =
            switch status?.uppercased() {
            case "PASS"?: .informational
            case "EXCEPTION"?: .suppressed
            default: .open
            }
        return VulnerabilityJSONReading.finding(
            tool: "trivy", id: id ?? avdID, aliases: [avdID].compactMap { $0 },
            severity: SeverityScale.severity(word: word, score: nil), kind: .config,
            line: line.flatMap { $0 > 0 ? $0 : nil },
            message: message ?? title, state: state)
    }

    private static func secret(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var id: String?
        var word: String?
        var title: String?
        var line: Int?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "RuleID": id = try VulnerabilityJSONReading.text(json, "RuleID")
            case "Severity": word = try VulnerabilityJSONReading.text(json, "Severity")
            case "Title": title = try VulnerabilityJSONReading.text(json, "Title")
            case "StartLine": line = try LinterJSON.position(json, "StartLine")
            default: return
            }
        }
        return VulnerabilityJSONReading.finding(
            tool: "trivy", id: id, severity: SeverityScale.severity(word: word, score: nil), kind: .secret,
            line: line.flatMap { $0 > 0 ? $0 : nil }, message: title)
    }
}
