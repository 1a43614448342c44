/// ESLint's default "stylish" text output: a file's path on a line of its own, then one indented row per problem,
/// then a blank line; the run ends with "✖ N problems (E errors, W warnings)".
///
/// ```
/// /src/app.js
///   2:10  error    'x' is defined but never used  no-unused-vars
///   3:11  warning  Strings must use singlequote   quotes
/// ```
///
/// A row counts only right under its path line or under another row of the same file, so an indented
/// `12:30  error  …` elsewhere in a log is not a problem. Fed every line in order, ``row(_:)`` returns the rows with
/// their file's path.
struct DiagnosticStylishRows {
    /// One problem row: `line:col  error|warning  message  rule` (the rule is missing for a parsing error).
    struct Row {
        var line: Int
        var column: Int
        var level: FindingLevel
        var message: ByteSpan
        var rule: ByteSpan?
    }

    /// The last line when it could be a path line, copied (the line's bytes do not outlive the next line).
    private var candidate: [UInt8] = []
    private var previousIsCandidate = false
    /// The path of the file whose rows are being read.
    private var path: String?

    /// The row `text` is, with its file's path, or nil when it is not a row under a path.
    mutating func row(_ text: ByteSpan) throws(InputError) -> (path: String, row: Row)? {
        guard let row = Self.parse(text) else {
            path = nil
            previousIsCandidate = Self.couldBePath(text)
            if previousIsCandidate {
                candidate.removeAll(keepingCapacity: true)
                candidate.append(contentsOf: UnsafeBufferPointer(start: text.base, count: text.count))
            }
            return nil
        }
        if path == nil, previousIsCandidate {
            guard let name = String(validating: candidate, as: UTF8.self) else {
                throw InputError("the file name is not valid UTF-8")
            }
            path = name
        }
        previousIsCandidate = false
        return path.map { ($0, row) }
    }

    /// A path line starts and ends with something else than white space and has neither `: ` nor two spaces.
    private static func couldBePath(_ text: ByteSpan) -> Bool {
        !text.isEmpty && !text[0].isASCIIWhitespace && !text[text.count - 1].isASCIIWhitespace
            && text[text.count - 1] != UInt8(ascii: ":") && text.firstIndex(of: ": ") == nil
            && text.firstIndex(of: "  ") == nil
    }

    /// Parses `  line:col  level  message  rule`; the columns are separated by two spaces or more.
    static func parse(_ text: ByteSpan) -> Row? {
        guard !text.isEmpty, text[0] == UInt8(ascii: " ") else { return nil }
        var rest = text.trimmed()
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")), let line = rest.slice(0, colon).int(), line >= 0,
            let gap = rest.firstIndex(of: "  ", from: colon), let column = rest.slice(colon + 1, gap).int(),
            column >= 0
        else { return nil }
        rest = rest.dropFirst(gap).trimmed()
        let level: FindingLevel
        if rest.hasPrefix("error  ") {
            level = .error
        } else if rest.hasPrefix("warning  ") {
            level = .warning
        } else {
            return nil
        }
        rest = rest.dropFirst(level == .error ? 5 : 7).trimmed()
        guard !rest.isEmpty else { return nil }
        guard let lastGap = rest.lastIndex(of: "  ") else {
            return Row(line: line, column: column, level: level, message: rest, rule: nil)
        }
        let rule = rest.dropFirst(lastGap).trimmed()
        guard rule.firstIndex(of: UInt8(ascii: " ")) == nil else {
            return Row(line: line, column: column, level: level, message: rest, rule: nil)
        }
        return Row(line: line, column: column, level: level, message: rest.slice(0, lastGap).trimmed(), rule: rule)
    }
}

extension ByteSpan {
    /// The index where the last occurrence of `needle` starts, or nil.
    fileprivate func lastIndex(of needle: StaticString) -> Int? {
        var found: Int?
        var from = 0
        while let index = firstIndex(of: needle, from: from) {
            found = index
            from = index + 1
        }
        return found
    }
}
