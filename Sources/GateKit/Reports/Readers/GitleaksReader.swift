/// Reads gitleaks JSON reports: v8 (`gitleaks detect --report-format json`: an array of `{"RuleID",
/// "Description", "File", "StartLine", "StartColumn", "Secret", "Match", "Commit", "Fingerprint", …}`) and v7
/// (`--format json`: an array of `{"rule", "file", "lineNumber", "offender", "line", "commit", …}`).
///
/// One finding per leak, so the count equals gitleaks' "leaks found: N". Gitleaks rates no severity: every leak
/// is high (a credential in the repository is exposed to everyone who can read it; verified secrets — TruffleHog —
/// are critical), so error. The rule is `RuleID` (v7: `rule`), the message `Description` (v7: the rule), the
/// location `File` at `StartLine`/`StartColumn` (v7: `file` at `lineNumber`). The fingerprint is gitleaks'
/// `Fingerprint`, else the one gitleaks v8 would write (`commit:file:rule:line`, without `commit:` when there is
/// no commit), so that the same leak in two commits stays two findings, as gitleaks counts it. The secret itself
/// (`Secret`, `Match`, `offender`, `line`) is never kept. The kind is secret, the tool `gitleaks`.
public enum GitleaksReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "gitleaks JSON"

    /// True for an array whose first element has `RuleID` and `StartLine` (v8) or `offender` and `lineNumber`
    /// (v7).
    public static func recognizes(_ head: ContentHead) -> Bool {
        LinterJSON.firstObjectHas(["RuleID", "StartLine"], in: head)
            || LinterJSON.firstObjectHas(["offender", "lineNumber"], in: head)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try LinterJSON.readArray(input, "a gitleaks JSON report") { json throws(InputError) in
            findings.append(try leak(json))
        }
        return .findings(FindingsReport(findings: findings))
    }

    private static func leak(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "gitleaks", level: .error, severity: .high, kind: .secret, message: "")
        var description: String?
        var commit: String?
        try json.forEachMember { key throws(InputError) in
            if key == "RuleID" || key == "rule" {
                finding.rule = try LinterJSON.optionalString(json, key.description)
            } else if key == "Description" {
                description = try LinterJSON.optionalString(json, "Description")
            } else if key == "File" || key == "file" {
                finding.path = try LinterJSON.optionalString(json, key.description)
            } else if key == "StartLine" || key == "lineNumber" {
                finding.line = try LinterJSON.position(json, key.description)
            } else if key == "StartColumn" {
                finding.column = try LinterJSON.position(json, "StartColumn")
            } else if key == "Commit" || key == "commit" {
                commit = try LinterJSON.optionalString(json, key.description)
            } else if key == "Fingerprint" {
                finding.fingerprint = try LinterJSON.optionalString(json, "Fingerprint")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let rule = finding.rule else { throw InputError("a gitleaks finding has no RuleID nor rule") }
            finding.message = ScannerJSON.oneLine(description.flatMap { $0.isEmpty ? nil : $0 } ?? rule)
            if finding.fingerprint?.isEmpty ?? true {
                let location = "\(finding.path ?? ""):\(rule):\(finding.line ?? 0)"
                finding.fingerprint = commit.flatMap { $0.isEmpty ? nil : "\($0):\(location)" } ?? location
            }
            return finding
        }
    }
}
