/// One line of compiler-style output that is a diagnostic, parsed in place.
///
/// These layouts are recognised:
/// - GNU style, as printed by gcc, clang, swiftc, `swift format lint` and `cargo --message-format short`:
///   `path:line:col: error|warning|note|remark|fatal error: message` (the column may be missing);
/// - MSBuild style, as printed by MSBuild, `dotnet build` and `tsc`: `path(line,col): error|warning CODE: message`;
/// - Go tools (golangci-lint's line-number format, `go vet`, `go build`): `file.go:line[:col]: message`, with the
///   linter in parentheses at the end when golangci-lint names it;
/// - Ruff's concise and pylint formats: `file.py:line:col: CODE [*] message`, `file.py:line: [CODE] message`, and
///   `file.py:line:col: invalid-syntax: message`.
///
/// The last two layouts have no severity word; they are recognised only for Go and Python files with (for Python)
/// a Ruff code, so that a log line that merely starts with a location (`tests/a.py:12: AssertionError`) is not a
/// diagnostic. Anything else (source excerpts, `In file included from`, "2 errors generated.") is not one either.
struct DiagnosticLine {
    enum Severity {
        case error
        case warning
        /// A note or remark: in compiler output it explains the diagnostic before it.
        case note
    }

    enum Layout {
        case gnu
        case msbuild
        /// A Go tool's line without a severity word: each one fails the tool, so it is an error.
        case go
        /// A Ruff line without a severity word: ruff calls every violation an error.
        case ruff
    }

    var path: ByteSpan
    var line: Int
    var column: Int?
    var severity: Severity
    var layout: Layout
    /// The MSBuild/tsc code (`CS0618`, `TS7006`) or Ruff code (`F401`), when the layout has one.
    var code: ByteSpan?
    var message: ByteSpan

    /// Parses `text`, or returns nil when it is not a diagnostic line.
    static func parse(_ text: ByteSpan) -> DiagnosticLine? {
        var searchFrom = 0
        while let separator = text.firstIndex(of: ": ", from: searchFrom) {
            searchFrom = separator + 1
            let after = text.dropFirst(separator + 2)
            guard let (severity, wordLength) = severityWord(after) else { continue }
            let before = text.slice(0, separator)
            if let gnu = gnuLocation(before), after.count > wordLength, after[wordLength] == UInt8(ascii: ":") {
                let message = after.dropFirst(wordLength + 1).trimmed()
                return DiagnosticLine(
                    path: gnu.path, line: gnu.line, column: gnu.column, severity: severity, layout: .gnu, code: nil,
                    message: message)
            }
            if let msbuild = msbuildLocation(before), after.count > wordLength, after[wordLength] == UInt8(ascii: " ") {
                let rest = after.dropFirst(wordLength + 1)
                guard let colon = rest.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { continue }
                let code = rest.slice(0, colon)
                guard (0..<code.count).allSatisfy({ code[$0].isCodeCharacter }) else { continue }
                return DiagnosticLine(
                    path: msbuild.path, line: msbuild.line, column: msbuild.column, severity: severity,
                    layout: .msbuild, code: code, message: rest.dropFirst(colon + 1).trimmed())
            }
        }
        return withoutSeverity(text)
    }

    /// A Go or Ruff line: `path:line[:col]: message`, for a `.go` file, or a `.py`/`.pyi` file with a Ruff code.
    private static func withoutSeverity(_ text: ByteSpan) -> DiagnosticLine? {
        guard let separator = text.firstIndex(of: ": "), let location = gnuLocation(text.slice(0, separator)),
            location.path.firstIndex(of: UInt8(ascii: " ")) == nil
        else { return nil }
        let message = text.dropFirst(separator + 2).trimmed()
        guard !message.isEmpty else { return nil }
        var line = DiagnosticLine(
            path: location.path, line: location.line, column: location.column, severity: .error, layout: .go,
            code: nil, message: message)
        if location.path.hasSuffix(".go") { return line }
        guard location.path.hasSuffix(".py") || location.path.hasSuffix(".pyi"),
            let (code, rest) = ruffCode(message)
        else { return nil }
        (line.layout, line.code, line.message) = (.ruff, code, rest)
        return line
    }

    /// The Ruff code that starts `message` and the message after it: `F401 [*] text` (the fix mark dropped),
    /// `[F401] text`, or `invalid-syntax: text`.
    private static func ruffCode(_ message: ByteSpan) -> (ByteSpan, ByteSpan)? {
        if message[0] == UInt8(ascii: "["), let close = message.firstIndex(of: UInt8(ascii: "]")), close > 1,
            (1..<close).allSatisfy({ message[$0].isCodeCharacter })
        {
            return (message.slice(1, close), message.dropFirst(close + 1).trimmed())
        }
        var letters = 0
        while letters < message.count, message[letters] >= UInt8(ascii: "A"), message[letters] <= UInt8(ascii: "Z") {
            letters += 1
        }
        var end = letters
        while end < message.count, message[end].isASCIIDigit { end += 1 }
        if (1...5).contains(letters), (1...4).contains(end - letters), end < message.count,
            message[end] == UInt8(ascii: " ")
        {
            var rest = message.dropFirst(end).trimmed()
            if rest.hasPrefix("[*] ") { rest = rest.dropFirst(4) }
            return (message.slice(0, end), rest)
        }
        if message.hasPrefix("invalid-syntax: ") { return (message.slice(0, 14), message.dropFirst(16).trimmed()) }
        return nil
    }

    /// The severity word at the start of `text` and its length.
    private static func severityWord(_ text: ByteSpan) -> (Severity, Int)? {
        if text.hasPrefix("error") { return (.error, 5) }
        if text.hasPrefix("warning") { return (.warning, 7) }
        if text.hasPrefix("note") { return (.note, 4) }
        if text.hasPrefix("fatal error") { return (.error, 11) }
        if text.hasPrefix("remark") { return (.note, 6) }
        return nil
    }

    /// `path:line:col` or `path:line`, reading the numbers from the right so Windows drive letters stay in the path.
    private static func gnuLocation(_ text: ByteSpan) -> (path: ByteSpan, line: Int, column: Int?)? {
        guard let (last, lastStart) = trailingNumber(text), lastStart > 1, text[lastStart - 1] == UInt8(ascii: ":")
        else { return nil }
        let beforeLast = text.slice(0, lastStart - 1)
        if let (first, firstStart) = trailingNumber(beforeLast), firstStart > 1,
            beforeLast[firstStart - 1] == UInt8(ascii: ":")
        {
            return validPath(beforeLast.slice(0, firstStart - 1)).map { ($0, first, last) }
        }
        return validPath(beforeLast).map { ($0, last, nil) }
    }

    /// `path(line,col)` or `path(line)`.
    private static func msbuildLocation(_ text: ByteSpan) -> (path: ByteSpan, line: Int, column: Int?)? {
        guard text.count > 3, text[text.count - 1] == UInt8(ascii: ")"),
            let open = text.lastIndex(of: UInt8(ascii: "("))
        else { return nil }
        let inside = text.slice(open + 1, text.count - 1)
        let comma = inside.firstIndex(of: UInt8(ascii: ","))
        guard let line = inside.slice(0, comma ?? inside.count).int(), line >= 0 else { return nil }
        var column: Int?
        if let comma {
            guard let value = inside.dropFirst(comma + 1).int(), value >= 0 else { return nil }
            column = value
        }
        return validPath(text.slice(0, open)).map { ($0, line, column) }
    }

    /// The decimal number that ends `text` and where it starts.
    private static func trailingNumber(_ text: ByteSpan) -> (Int, Int)? {
        var start = text.count
        while start > 0, text[start - 1].isASCIIDigit { start -= 1 }
        guard start < text.count, text.count - start <= 9, let value = text.dropFirst(start).int() else { return nil }
        return (value, start)
    }

    /// A path does not start with white space (that is a source excerpt) and is not empty.
    private static func validPath(_ path: ByteSpan) -> ByteSpan? {
        guard !path.isEmpty, !path[0].isASCIIWhitespace, path[0] != UInt8(ascii: "|") else { return nil }
        return path
    }
}

extension UInt8 {
    fileprivate var isCodeCharacter: Bool {
        isASCIIDigit || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || self == UInt8(ascii: "-")
            || self == UInt8(ascii: "_")
    }
}
