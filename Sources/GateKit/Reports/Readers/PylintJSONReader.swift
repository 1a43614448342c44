/// Reads pylint's JSON output in both layouts: `--output-format=json` (an array of messages with `type`, `symbol`,
/// `message-id`, `path`, `line`, `column`, `message`) and `--output-format=json2` (pylint 3: an object whose
/// `messages` use `messageId`, beside `statistics`).
///
/// One finding per message, so `lint.total` equals the number of messages pylint printed (json2's
/// `statistics.messageTypeCount` summed). Levels follow pylint's message types: `fatal` and `error` (pylint's
/// "probable bugs", and a module it could not analyse) are errors, `warning` is a warning, and `convention`,
/// `refactor` and `info` (style, design smells and information) are notes. pylint has no security severity, so
/// every finding's severity is unknown. The rule is the `symbol` (`line-too-long`), with the message id (`C0301`) as
/// its alias; the tool is `pylint`. Multi-line messages keep their first line.
public enum PylintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "pylint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool {
        if LinterJSON.firstObjectHas(["symbol", "message-id"], in: head) { return true }
        // json2: `messages` whose first element has `messageId`, or `statistics` with `messageTypeCount`.
        return head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                let wanted: StaticString
                let first: JSONTokenizer.Token
                if json.bytes == "statistics" {
                    wanted = "messageTypeCount"
                    first = try json.next()
                } else if json.bytes == "messages", try json.next() == .beginArray {
                    wanted = "messageId"
                    first = try json.next()
                    if first == .endArray { continue }
                } else {
                    return false
                }
                guard first == .beginObject else { return false }
                while try json.next() == .key {
                    if json.bytes == wanted { return true }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var findings: [Finding] = []
        switch try json.next() {
        case .beginArray:
            try json.forEachElement { () throws(InputError) in findings.append(try message(json)) }
        case .beginObject:
            var hasMessages = false
            try json.forEachMember { key throws(InputError) in
                guard key == "messages" else { return }
                hasMessages = true
                try json.forEachElement { () throws(InputError) in findings.append(try message(json)) }
            }
            guard hasMessages else { throw InputError("not a pylint json2 report: no messages") }
        default:
            throw InputError(
                "not a pylint JSON report: the JSON value is neither an array nor an object", line: json.line,
                column: json.column)
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// Reads one message of either layout.
    private static func message(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var type: String?
        var symbol: String?
        var identifier: String?
        var text: String?
        var path: String?
        var location: (line: Int?, column: Int?) = (nil, nil)
        try json.forEachMember { key throws(InputError) in
            if key == "type" {
                type = try json.readString()
            } else if key == "symbol" {
                symbol = try LinterJSON.optionalString(json, "symbol")
            } else if key == "message-id" || key == "messageId" {
                identifier = try LinterJSON.optionalString(json, "the message id")
            } else if key == "message" {
                text = try LinterJSON.message(json, "message")
            } else if key == "path" {
                path = try LinterJSON.optionalString(json, "path")
            } else if key == "line" {
                location.line = try LinterJSON.position(json, "line")
            } else if key == "column" {
                location.column = try LinterJSON.position(json, "column")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let text else { throw InputError("a pylint message has no message") }
            let level: FindingLevel
            switch type {
            case "fatal", "error": level = .error
            case "warning": level = .warning
            case "convention", "refactor", "info": level = .note
            case nil: throw InputError("a pylint message has no type")
            case let other?:
                throw InputError(
                    "pylint message type \"\(other)\" is not one of fatal, error, warning, convention, refactor, info")
            }
            return Finding(
                tool: "pylint", rule: symbol ?? identifier,
                aliases: symbol == nil ? [] : [identifier].compactMap { $0 },
                level: level, path: path, line: location.line, column: location.column,
                message: text)
        }
    }
}
