/// Reads the output of `bandit -f json`: `{"errors": [...], "generated_at", "metrics": {"_totals": {…}, <file>:
/// {…}}, "results": [...]}`.
///
/// One finding per element of `results`, so the counts equal the sum of bandit's `metrics._totals`
/// `SEVERITY.HIGH`, `SEVERITY.MEDIUM`, `SEVERITY.LOW` and `SEVERITY.UNDEFINED` (lines marked `# nosec` are left
/// out of `results` by bandit itself). The severity is `issue_severity` (HIGH/MEDIUM/LOW; UNDEFINED → unknown),
/// and the level follows it: high → error, medium → warning, low and unknown → note. The rule is `test_id`
/// (`B303`), the message `issue_text`, the line `line_number`, the column `col_offset` + 1 (bandit's offset
/// counts from 0, columns here from 1, as in bandit's SARIF output); the kind is code, the tool `bandit`.
/// `errors` (files bandit could not parse) are not findings.
public enum BanditJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "Bandit JSON"

    /// True for an object with `generated_at` and a `metrics` object whose first entry has `SEVERITY.HIGH` and
    /// `CONFIDENCE.HIGH`, or a `results` array whose first element has `test_id` and `issue_severity`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            var generated = false
            return try ScannerJSON.scanKeys(json) { key throws(InputError) in
                if key == "generated_at" {
                    generated = true
                } else if key == "metrics", generated {
                    guard try json.next() == .beginObject, try json.next() == .key,
                        try json.next() == .beginObject
                    else { return false }
                    return try ScannerJSON.hasKeys(json, ["SEVERITY.HIGH", "CONFIDENCE.HIGH"])
                } else if key == "results" {
                    guard try json.next() == .beginArray, try json.next() == .beginObject else { return false }
                    return try ScannerJSON.hasKeys(json, ["test_id", "issue_severity"])
                }
                return nil
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        .findings(
            FindingsReport(findings: try ScannerJSON.findings(input, of: "a Bandit JSON report", in: "results", result))
        )
    }

    private static func result(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "bandit", level: .note, kind: .code, message: "")
        var severity: String?
        try json.forEachMember { key throws(InputError) in
            if key == "issue_severity" {
                severity = try LinterJSON.optionalString(json, "issue_severity")
            } else if key == "test_id" {
                finding.rule = try LinterJSON.optionalString(json, "test_id")
            } else if key == "issue_text" {
                finding.message = ScannerJSON.oneLine(try LinterJSON.optionalString(json, "issue_text") ?? "")
            } else if key == "filename" {
                finding.path = try LinterJSON.optionalString(json, "filename")
            } else if key == "line_number" {
                finding.line = try LinterJSON.position(json, "line_number")
            } else if key == "col_offset" {
                finding.column = try LinterJSON.position(json, "col_offset").map { $0 + 1 }
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard finding.rule != nil else { throw InputError("a bandit result has no test_id") }
            finding.severity = SeverityScale.severity(word: severity, score: nil)
            finding.level = ScannerJSON.level(for: finding.severity)
            return finding
        }
    }
}
