/// Reads the output of `hadolint --format json`: an array with one object per rule violation (`line`, `code`,
/// `message`, `column`, `file`, `level`).
///
/// One finding per violation, so the counts equal the lines hadolint prints in its default `tty` format. The level
/// is hadolint's own: `error` → error, `warning` → warning, `info` and `style` → note (hadolint's
/// `--failure-threshold` ranks them error > warning > info > style). Hadolint rates no security severity, so the
/// severity is unknown, also when the report is declared under `scan`. The rule is `code` (`DL3008`, or a
/// ShellCheck `SC2086`), the kind config, the tool `hadolint`.
public enum HadolintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "hadolint JSON"

    /// True for an array whose first element has `code`, `level` and `file`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        LinterJSON.firstObjectHas(["code", "level", "file"], in: head)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try LinterJSON.readArray(input, "a hadolint JSON report") { json throws(InputError) in
            findings.append(try violation(json))
        }
        return .findings(FindingsReport(findings: findings))
    }

    private static func violation(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "hadolint", level: .warning, kind: .config, message: "")
        var level: String?
        try json.forEachMember { key throws(InputError) in
            if key == "code" {
                finding.rule = try LinterJSON.optionalString(json, "code")
            } else if key == "message" {
                finding.message = ScannerJSON.oneLine(try LinterJSON.optionalString(json, "message") ?? "")
            } else if key == "level" {
                level = try LinterJSON.optionalString(json, "level")
            } else if key == "file" {
                finding.path = try LinterJSON.optionalString(json, "file")
            } else if key == "line" {
                finding.line = try LinterJSON.position(json, "line")
            } else if key == "column" {
                finding.column = try LinterJSON.position(json, "column")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            switch level?.lowercased() {
            case "error": finding.level = .error
            case "warning": finding.level = .warning
            case "info", "style": finding.level = .note
            default: throw InputError("a hadolint violation has no level error, warning, info or style")
            }
            return finding
        }
    }
}
