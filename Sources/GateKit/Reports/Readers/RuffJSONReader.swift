/// Reads the output of `ruff check --output-format json`: an array with one object per violation (`code`,
/// `message`, `filename`, `location` {`row`, `column`}, `end_location`, `fix`, `noqa_row`, `url`).
///
/// One finding per violation, so `lint.total` equals ruff's own "Found N errors". Ruff has no severity levels:
/// every violation fails `ruff check`, and ruff calls each one an error, so every finding is an error (a `severity`
/// field, which recent versions write as `"error"`, is read when it says `warning` or `info`). Ruff has no security
/// severity, so every finding's severity is unknown. The rule is `code` (`F401`; `invalid-syntax` or none for a
/// syntax error); the tool is `ruff`.
public enum RuffJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "Ruff JSON"

    public static func recognizes(_ head: ContentHead) -> Bool {
        LinterJSON.firstObjectHas(["code", "filename", "location"], in: head)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try LinterJSON.readArray(input, "a Ruff JSON report") { json throws(InputError) in
            findings.append(try violation(json))
        }
        return .findings(FindingsReport(findings: findings))
    }

    private static func violation(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var code: String?
        var message: String?
        var path: String?
        var level = FindingLevel.error
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "code" {
                code = try LinterJSON.optionalString(json, "code")
            } else if key == "message" {
                message = try LinterJSON.message(json, "message")
            } else if key == "filename" {
                path = try LinterJSON.optionalString(json, "filename")
            } else if key == "severity" {
                switch try LinterJSON.optionalString(json, "severity") {
                case "warning": level = .warning
                case "info": level = .note
                default: level = .error
                }
            } else if key == "location" {
                try json.forEachMember { key throws(InputError) in
                    if key == "row" {
                        location.line = try LinterJSON.position(json, "location.row")
                    } else if key == "column" {
                        location.column = try LinterJSON.position(json, "location.column")
                    }
                }
            }
        }
        guard let message else { throw InputError("a Ruff violation has no message", line: line, column: column) }
        return Finding(
            tool: "ruff", rule: code, level: level, path: path, line: location.line, column: location.column,
            message: message)
    }
}
