/// Reads the output of `mypy --output json` (mypy 1.11 and later): one JSON object per line, with `file`, `line`,
/// `column`, `message`, `hint`, `code` and `severity`.
///
/// One finding per line. mypy folds the notes that explain an error into that error's `hint`, so an object with
/// severity `error` is one of the errors of mypy's "Found N errors in M files", and an object with severity `note`
/// is a note of its own (`reveal_type`, a standalone note) at level note; `warning` is a warning. mypy has no
/// security severity, so every finding's severity is unknown. The rule is `code` (`arg-type`; none for some
/// notes); the tool is `mypy`; blank lines are skipped.
public enum MypyJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "mypy JSON lines"

    public static func recognizes(_ head: ContentHead) -> Bool {
        LinterJSON.firstObjectHas(["file", "hint", "severity"], in: head, inArray: false)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var findings: [Finding] = []
        while let line = try scanner.nextLine() {
            guard !line.trimmed().isEmpty else { continue }
            let json = JSONTokenizer(InputBuffer(source: MemoryByteSource(line.bytes), capacity: line.count))
            do {
                findings.append(try error(json))
                try json.expectEnd()
            } catch {
                throw InputError(error.message, line: scanner.lineNumber, column: error.column)
            }
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// Reads the object of one line.
    private static func error(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var path: String?
        var code: String?
        var message: String?
        var severity: String?
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "file" {
                path = try LinterJSON.optionalString(json, "file")
            } else if key == "line" {
                location.line = try LinterJSON.position(json, "line")
            } else if key == "column" {
                location.column = try LinterJSON.position(json, "column")
            } else if key == "message" {
                message = try LinterJSON.message(json, "message")
            } else if key == "code" {
                code = try LinterJSON.optionalString(json, "code")
            } else if key == "severity" {
                severity = try json.readString()
            }
        }
        guard let message else { throw InputError("a mypy error has no message", column: 1) }
        let level: FindingLevel
        switch severity {
        case "error": level = .error
        case "warning": level = .warning
        case "note": level = .note
        case nil: throw InputError("a mypy error has no severity", column: 1)
        case let other?: throw InputError("mypy severity \"\(other)\" is not error, warning or note", column: 1)
        }
        return Finding(
            tool: "mypy", rule: code, level: level, path: path, line: location.line, column: location.column,
            message: message)
    }
}
