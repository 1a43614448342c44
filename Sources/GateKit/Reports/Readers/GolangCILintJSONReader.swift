/// Reads the output of `golangci-lint run --out-format json` (v1; `--output.json.path` in v2): an object with
/// `Issues` (each with `FromLinter`, `Text`, `Severity`, `Pos` {`Filename`, `Line`, `Column`}) and `Report`.
///
/// One finding per issue, so `lint.total` equals golangci-lint's "N issues" (`Issues` may be null when there are
/// none). `Severity` is empty unless the configuration sets `severity` rules, and golangci-lint fails the run on
/// every issue whatever its severity, so an empty severity is an error. Other words: `error` is an error, `warning`
/// a warning, `info` a note; security words (gosec's `low`, `medium`, `high` through golangci-lint) give both the
/// severity and the level (high and critical → error, medium → warning, low → note); any other word is an error.
/// Otherwise the severity is unknown. The rule is `FromLinter` (`gocritic`); the tool is `golangci-lint`. A column
/// of 0 means none. A `Report.Error` (the run failed, e.g. the code did not type-check) fails the read.
public enum GolangCILintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "golangci-lint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, json.bytes == "Issues" else {
                return false
            }
            let first = try json.next()
            guard first == .beginArray else { return first == .null }
            guard try json.next() == .beginObject else { return true }
            return try json.next() == .key && json.bytes == "FromLinter"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a golangci-lint JSON report")
        var findings: [Finding] = []
        var hasIssues = false
        try json.forEachMember { key throws(InputError) in
            if key == "Issues" {
                hasIssues = true
                if try json.next() == .null { return }
                try json.forEachElement { () throws(InputError) in findings.append(try issue(json)) }
            } else if key == "Report" {
                try json.forEachMember { key throws(InputError) in
                    guard key == "Error", let error = try LinterJSON.optionalString(json, "Report.Error"),
                        !error.trimmingSpaces.isEmpty
                    else { return }
                    throw InputError(
                        "golangci-lint did not finish: \(LinterJSON.firstLine(error))", line: json.line,
                        column: json.column)
                }
            }
        }
        try json.expectEnd()
        guard hasIssues else { throw InputError("not a golangci-lint JSON report: no Issues") }
        return .findings(FindingsReport(findings: findings))
    }

    private static func issue(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var linter: String?
        var text: String?
        var severity = ""
        var path: String?
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "FromLinter" {
                linter = try json.readString()
            } else if key == "Text" {
                text = try LinterJSON.message(json, "Text")
            } else if key == "Severity" {
                severity = try LinterJSON.optionalString(json, "Severity") ?? ""
            } else if key == "Pos" {
                try json.forEachMember { key throws(InputError) in
                    if key == "Filename" {
                        path = try json.readString()
                    } else if key == "Line" {
                        location.line = try LinterJSON.position(json, "Pos.Line")
                    } else if key == "Column" {
                        location.column = try LinterJSON.position(json, "Pos.Column")
                    }
                }
            }
        }
        guard let text else { throw InputError("a golangci-lint issue has no Text", line: line, column: column) }
        let (level, securitySeverity) = rating(severity)
        return Finding(
            tool: "golangci-lint", rule: linter, level: level, severity: securitySeverity, path: path,
            line: location.line, column: location.column == 0 ? nil : location.column,
            message: text)
    }

    /// The level and severity of a `Severity` word (see the type's description).
    static func rating(_ word: String) -> (FindingLevel, Severity) {
        switch word.trimmingSpaces.lowercased() {
        case "", "error": return (.error, .unknown)
        case "warning", "warn": return (.warning, .unknown)
        case "info", "information", "note", "hint": return (.note, .unknown)
        default:
            switch SeverityScale.severity(ofWord: word) {
            case .critical?: return (.error, .critical)
            case .high?: return (.error, .high)
            case .medium?: return (.warning, .medium)
            case .low?: return (.note, .low)
            case .unknown?, nil: return (.error, .unknown)
            }
        }
    }
}
