/// Reads the output of `swiftlint lint --reporter json`: an array with one object per violation (`rule_id`,
/// `reason`, `severity`, `file`, `line`, `character`, `type`).
///
/// One finding per violation, so the counts equal SwiftLint's "Found N violations, E serious" (serious = errors).
/// `severity` is `Warning` or `Error` (any case); `file`, `line` and `character` may be null (a violation without a
/// location). SwiftLint has no security severity, so every finding's severity is unknown. The rule is `rule_id`,
/// the message `reason`; the tool is `swiftlint`.
public enum SwiftLintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "SwiftLint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool {
        LinterJSON.firstObjectHas(["rule_id", "reason", "severity"], in: head)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try LinterJSON.readArray(input, "a SwiftLint JSON report") { json throws(InputError) in
            findings.append(try violation(json))
        }
        return .findings(FindingsReport(findings: findings))
    }

    private static func violation(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var rule: String?
        var reason: String?
        var severity: String?
        var path: String?
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "rule_id" {
                rule = try LinterJSON.optionalString(json, "rule_id")
            } else if key == "reason" {
                reason = try LinterJSON.message(json, "reason")
            } else if key == "severity" {
                severity = try json.readString()
            } else if key == "file" {
                path = try LinterJSON.optionalString(json, "file")
            } else if key == "line" {
                location.line = try LinterJSON.position(json, "line")
            } else if key == "character" {
                location.column = try LinterJSON.position(json, "character")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let reason else { throw InputError("a SwiftLint violation has no reason") }
            let level: FindingLevel
            switch severity?.lowercased() {
            case "error": level = .error
            case "warning": level = .warning
            case nil: throw InputError("a SwiftLint violation has no severity")
            case let other?: throw InputError("SwiftLint severity \"\(other)\" is neither Warning nor Error")
            }
            return Finding(
                tool: "swiftlint", rule: rule, level: level, path: path, line: location.line,
                column: location.column, message: reason)
        }
    }
}
