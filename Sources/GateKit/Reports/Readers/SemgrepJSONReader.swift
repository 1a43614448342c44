/// Reads the output of `semgrep --json` (also `semgrep scan --json` and `semgrep ci --json`): `{"version",
/// "results": [...], "errors": [...], "paths": {…}, …}`.
///
/// One finding per element of `results`, so the count equals the number of findings semgrep prints ("Ran N rules
/// on M files: K findings"). `extra.severity` gives both severity and level: ERROR (and CRITICAL, HIGH) → high or
/// critical and error, WARNING (MEDIUM) → medium and warning, INFO (LOW) → low and note; another word
/// (INVENTORY, EXPERIMENT) or none → unknown and note. A result with `extra.is_ignored: true` (a `nosemgrep`
/// comment, kept with `--disable-nosem`) is suppressed. The rule is `check_id`, the location `path` at
/// `start.line`/`start.col`, the message `extra.message` on one line, the fingerprint `extra.fingerprint` unless
/// it is the placeholder `requires login`; the kind is code, the tool `semgrep`. `errors` (rules or files semgrep
/// could not run) are not findings.
public enum SemgrepJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "Semgrep JSON"

    /// True for an object whose `results` array starts with an object with `check_id` and `extra`, or whose
    /// `results` array is empty and that has `errors` and `paths`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            var seen: Set<String> = []
            return try ScannerJSON.scanKeys(json) { key throws(InputError) in
                if key == "results" {
                    guard try json.next() == .beginArray else { return false }
                    switch try json.next() {
                    case .beginObject: return try ScannerJSON.hasKeys(json, ["check_id", "extra"])
                    case .endArray: seen.insert("results")
                    default: return false
                    }
                } else if key == "errors" || key == "paths" {
                    seen.insert(key.description)
                }
                return seen.count == 3 ? true : nil
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        .findings(
            FindingsReport(
                findings: try ScannerJSON.findings(input, of: "a Semgrep JSON report", in: "results", result)))
    }

    private static func result(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "semgrep", level: .note, kind: .code, message: "")
        var severity: String?
        try json.forEachMember { key throws(InputError) in
            if key == "check_id" {
                finding.rule = try LinterJSON.optionalString(json, "check_id")
            } else if key == "path" {
                finding.path = try LinterJSON.optionalString(json, "path")
            } else if key == "start" {
                try json.forEachMember { key throws(InputError) in
                    if key == "line" {
                        finding.line = try LinterJSON.position(json, "start.line")
                    } else if key == "col" {
                        finding.column = try LinterJSON.position(json, "start.col")
                    }
                }
            } else if key == "extra" {
                try json.forEachMember { key throws(InputError) in
                    if key == "severity" {
                        severity = try LinterJSON.optionalString(json, "extra.severity")
                    } else if key == "message" {
                        finding.message = ScannerJSON.oneLine(
                            try LinterJSON.optionalString(json, "extra.message") ?? "")
                    } else if key == "fingerprint" {
                        let fingerprint = try LinterJSON.optionalString(json, "extra.fingerprint")
                        finding.fingerprint = fingerprint == "requires login" ? nil : fingerprint
                    } else if key == "is_ignored" {
                        if try LinterJSON.bool(json, "extra.is_ignored") { finding.state = .suppressed }
                    }
                }
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard finding.rule != nil else { throw InputError("a semgrep result has no check_id") }
            finding.severity = SeverityScale.severity(word: severity, score: nil)
            finding.level = ScannerJSON.level(for: finding.severity)
            return finding
        }
    }
}
