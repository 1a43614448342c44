/// Reads `snyk test --json`: one project (an object) or, with `--all-projects`, an array of projects.
///
/// Snyk lists a vulnerability once per dependency path (`from`) and prints "found N issues, M vulnerable paths":
/// one finding here is an issue, a vulnerability id in one package version of one project, so that the entries of
/// its several paths count once (its `uniqueCount`). The same issue in several projects is one finding per
/// project, and those with the same package version merge in the `vulns.*` metrics (as findings of different tools
/// do): with `--all-projects`, guava 29.0-jre's advisory found in two projects counts once, guava 22.0's once more.
/// License issues (`type: "license"`) are not vulnerabilities: informational. Ignored issues
/// (`filtered.ignore`) are suppressed.
///
/// Severity: Snyk's word (`severity`); its `cvssScore` is kept beside it. Level: critical/high → error, medium →
/// warning, low → note. Rule: the Snyk id; aliases: `identifiers.CVE` and `GHSA`. Package: name, version, the
/// `fixedIn` versions, the package manager; path: the project's `displayTargetFile`.
public enum SnykJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Snyk JSON"

    /// True for a JSON object (or an array of them) whose first key is `vulnerabilities`, an array whose first entry
    /// has Snyk's `packageName`, `from` or `upgradePath` (or that is empty and followed by `ok`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("vulnerabilities", in: head, inArray: true) { json throws(InputError) in
            guard try json.next() == .beginArray else { return false }
            switch try json.next() {
            case .beginObject:
                return try VulnerabilityJSONReading.findKey(json, skipping: nil) { key in
                    key == "packageName" || key == "from" || key == "upgradePath"
                }
            case .endArray: return try json.next() == .key && json.bytes == "ok"
            default: return false
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var findings: [Finding] = []
        switch try json.next() {
        case .beginObject:
            try project(json, into: &findings)
        case .beginArray:
            try json.forEachElement { () throws(InputError) in try project(json, into: &findings) }
        default:
            throw InputError(
                "not a Snyk JSON report: the JSON value is neither an object nor an array", line: json.line, column: 1)
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: FindingsView.collapsingRepeats(findings)))
    }

    private static func project(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        var found: [Finding] = []
        var target: String?
        try json.forEachMember { key throws(InputError) in
            if key == "vulnerabilities" {
                try issues(json, into: &found, state: .open)
            } else if key == "filtered" {
                try json.forEachMember { key throws(InputError) in
                    if key == "ignore" { try issues(json, into: &found, state: .suppressed) }
                }
            } else if key == "displayTargetFile" {
                target = try VulnerabilityJSONReading.text(json, "displayTargetFile")
            }
        }
        var seen = Set<String>()
        for var finding in found {
            let key = [finding.rule ?? "", finding.package?.name ?? "", finding.package?.installed ?? ""]
                .joined(separator: "\u{0}")
            guard seen.insert(key + finding.state.rawValue).inserted else { continue }
            finding.path = target
            findings.append(finding)
        }
    }

    private static func issues(_ json: JSONTokenizer, into found: inout [Finding], state: FindingState)
        throws(InputError)
    {
        guard try VulnerabilityJSONReading.openArray(json, "vulnerabilities") else { return }
        try json.forEachElement { () throws(InputError) in found.append(try issue(json, state: state)) }
    }

    private static func issue(_ json: JSONTokenizer, state: FindingState) throws(InputError) -> Finding {
        var id: String?
        var aliases: [String] = []
        var title: String?
        var word: String?
        var score: Double?
        var package = PackageReference(name: "")
        var fixes: [String] = []
        var license = false
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "id": id = try VulnerabilityJSONReading.text(json, "id")
            case "title": title = try VulnerabilityJSONReading.text(json, "title")
            case "severity": word = try VulnerabilityJSONReading.text(json, "severity")
            case "cvssScore": score = try VulnerabilityJSONReading.score(json, "cvssScore")
            case "packageName": package.name = try VulnerabilityJSONReading.text(json, "packageName") ?? ""
            case "version": package.installed = try VulnerabilityJSONReading.text(json, "version")
            case "packageManager": package.ecosystem = try VulnerabilityJSONReading.text(json, "packageManager")
            case "fixedIn": fixes = try VulnerabilityJSONReading.strings(json, "fixedIn")
            case "type": license = try VulnerabilityJSONReading.text(json, "type") == "license"
            case "identifiers":
                try json.forEachMember { key throws(InputError) in
                    if key == "CVE" || key == "GHSA" {
                        aliases += try VulnerabilityJSONReading.strings(json, "identifiers")
                    }
                }
            default: return
            }
        }
        guard let id, !package.name.isEmpty else {
            throw InputError("a vulnerability has no id or packageName", line: line, column: column)
        }
        package.fixed = fixes.isEmpty ? nil : fixes.joined(separator: ", ")
        return VulnerabilityJSONReading.finding(
            tool: "snyk", id: id, aliases: aliases, severity: SeverityScale.severity(word: word, score: score),
            cvssScore: score, package: package, message: title,
            state: license && state == .open ? .informational : state)
    }
}
