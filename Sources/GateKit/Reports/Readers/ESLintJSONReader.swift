/// Reads the output of `eslint --format json` (ESLint 1 to 9): an array with one object per linted file, each with
/// `filePath` and `messages`.
///
/// One finding per entry of `messages`: severity 2 is an error, 1 a warning, and a message with `fatal: true` (a
/// parsing error) is an error whatever its severity. Entries of `suppressedMessages` (inline `eslint-disable`
/// comments) are kept with state suppressed and do not count. `lint.errors` and `lint.warnings` therefore equal
/// ESLint's own `errorCount` and `warningCount` summed over the files, which ESLint computes from the same
/// messages. When a file states counts that its messages contradict (an edited report saying `errorCount: 6` beside
/// two messages), the messages win: they are what can be listed, located and waived.
///
/// ESLint has no security severity, so every finding's severity is unknown. The rule is `ruleId` (none for a
/// parsing error); the tool is `eslint`. A bare `[]`, which ESLint and most JSON linters print for a clean run,
/// is recognised here as a report without findings.
public enum ESLintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "ESLint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool {
        let isEmptyArray = head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginArray else { return false }
            return try json.next() == .endArray
        }
        return isEmptyArray || LinterJSON.firstObjectHas(["filePath", "messages"], in: head)
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try LinterJSON.readArray(input, "an ESLint JSON report") { json throws(InputError) in
            let first = findings.count
            var path: String?
            try json.forEachMember { key throws(InputError) in
                if key == "filePath" {
                    path = try json.readString()
                } else if key == "messages" || key == "suppressedMessages" {
                    let state: FindingState = key == "messages" ? .open : .suppressed
                    try json.forEachElement { () throws(InputError) in
                        findings.append(try message(json, state: state))
                    }
                }
            }
            for index in first..<findings.count { findings[index].path = path }
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// Reads one entry of `messages` or `suppressedMessages`.
    private static func message(_ json: JSONTokenizer, state: FindingState) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var rule: String?
        var severity: Int?
        var fatal = false
        var text: String?
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "ruleId" {
                rule = try LinterJSON.optionalString(json, "ruleId")
            } else if key == "severity" {
                severity = try json.readInt()
            } else if key == "fatal" {
                fatal = try LinterJSON.bool(json, "fatal")
            } else if key == "message" {
                text = try LinterJSON.message(json, "message")
            } else if key == "line" {
                location.line = try LinterJSON.position(json, "line")
            } else if key == "column" {
                location.column = try LinterJSON.position(json, "column")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let text else { throw InputError("an ESLint message has no message") }
            let level: FindingLevel
            switch (fatal, severity) {
            case (true, _), (false, 2): level = .error
            case (false, 1): level = .warning
            case (false, nil): throw InputError("an ESLint message has no severity")
            case (false, let other?): throw InputError("ESLint severity \(other) is neither 1 (warning) nor 2 (error)")
            }
            return Finding(
                tool: "eslint", rule: rule, level: level, path: nil, line: location.line, column: location.column,
                message: text, state: state)
        }
    }
}
