/// A 1-based line and column in a text file (column counted in Unicode scalars).
///
/// Lines end at a line feed, a carriage return followed by a line feed, or a lone carriage return, the way text
/// editors number them (U+2028 and U+2029 separate lines in the JSON5 grammar but not here).
public struct SourcePosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A JSON5 value and the position of its first character.
public struct JSON5Value: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        /// Members in file order.
        case object([JSON5Member])
        case array([JSON5Value])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// A short name of the kind for messages: "an object", "an array", "a string", "a number", "true", "null"…
    public var kindDescription: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// One `key: value` member of a JSON5 object.
public struct JSON5Member: Equatable, Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSON5Value

    public init(key: String, keyPosition: SourcePosition, value: JSON5Value) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A JSON5 document that is not well-formed: what is wrong, in words for the user, and where.
public struct JSON5SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}

/// A parser for JSON5 1.0 (https://spec.json5.org/) that keeps the position of every value.
///
/// Unlike `JSONDecoder.allowsJSON5`, it reports every error with its line and column and refuses duplicate keys.
/// Keys are compared as Swift strings (canonically equivalent spellings are the same key).
public enum JSON5 {
    /// The deepest nesting of objects and arrays accepted.
    public static let maximumDepth = 128

    /// Parses a whole JSON5 document (UTF-8 bytes; a UTF-8 BOM is skipped; invalid UTF-8 is an error).
    public static func parse(_ bytes: [UInt8]) throws(JSON5SyntaxError) -> JSON5Value {
        var parser = try JSON5Parser(bytes)
        return try parser.parseDocument()
    }
}

/// The text of a document as Unicode scalars, with the index where each line starts.
private struct JSON5Text {
    let scalars: [Unicode.Scalar]
    let lineStarts: [Int]

    /// Decodes UTF-8 `bytes`, skipping a leading byte order mark.
    init(_ bytes: [UInt8]) throws(JSON5SyntaxError) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var iterator = bytes.dropFirst(hasBOM ? 3 : 0).makeIterator()
        var decoder = UTF8()
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error:
                let partial = JSON5Text(scalars: scalars)
                throw JSON5SyntaxError("the file is not valid UTF-8", at: partial.position(of: scalars.count))
            }
        }
        self.init(scalars: scalars)
    }

    private init(scalars: [Unicode.Scalar]) {
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() {
            let endsLine =
                scalar == "\n" || (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n"))
            if endsLine { lineStarts.append(index + 1) }
        }
        self.scalars = scalars
        self.lineStarts = lineStarts
    }

    /// The line and column of the scalar at `index` (or of the end of the text).
    func position(of index: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: index - lineStarts[low] + 1)
    }
}

/// A recursive-descent JSON5 parser; recursion is bounded by ``JSON5/maximumDepth``.
private struct JSON5Parser {
    private let text: JSON5Text
    private var index = 0
    private var depth = 0

    init(_ bytes: [UInt8]) throws(JSON5SyntaxError) {
        text = try JSON5Text(bytes)
    }

    private var scalars: [Unicode.Scalar] { text.scalars }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func scalar(at offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func parseDocument() throws(JSON5SyntaxError) -> JSON5Value {
        try skipTrivia()
        guard current != nil else { throw error("the document is empty; expected a value") }
        let value = try parseValue(named: nil)
        try skipTrivia()
        guard current == nil else { throw error("expected the end of the document after the value, found \(found)") }
        return value
    }

    // MARK: Values

    /// Parses the value that starts at the current scalar; `name` says what it is in messages (nil: the document).
    private mutating func parseValue(named name: ValueName?) throws(JSON5SyntaxError) -> JSON5Value {
        let start = index
        let expected = name?.expected ?? "a value"
        guard let first = current, first.canStartValue else { throw error("expected \(expected), found \(found)") }
        switch first {
        case "{": return try parseObject()
        case "[": return try parseArray(named: name)
        case "\"", "'": return JSON5Value(.string(try parseString(quote: first)), at: position(start))
        case "+", "-", ".", "0"..."9": return JSON5Value(.number(try parseNumber()), at: position(start))
        default:
            let word = scanWord()
            let kind: JSON5Value.Kind
            switch word {
            case "true": kind = .bool(true)
            case "false": kind = .bool(false)
            case "null": kind = .null
            case "Infinity": kind = .number(.infinity)
            case "NaN": kind = .number(.nan)
            default:
                throw error(
                    "expected \(expected), found the word \(word.debugDescription) (text values need quotes)",
                    at: start)
            }
            return JSON5Value(kind, at: position(start))
        }
    }

    private mutating func parseObject() throws(JSON5SyntaxError) -> JSON5Value {
        let open = index
        try enterContainer()
        defer { depth -= 1 }
        var members: [JSON5Member] = []
        var firstPositions: [String: SourcePosition] = [:]
        while true {
            let next = try skipTrivia(insideContainerOpenedAt: open, "object")
            if next == "}" { break }
            let keyStart = index
            let key = try parseKey(startingWith: next)
            let name = ValueName.member(key)
            let keyPosition = position(keyStart)
            if let first = firstPositions[key] {
                throw error("duplicate key \(name) (first at line \(first.line))", at: keyStart)
            }
            firstPositions[key] = keyPosition
            guard try skipTrivia(insideContainerOpenedAt: open, "object") == ":" else {
                throw error("expected ':' after the key \(name), found \(found)")
            }
            index += 1
            try skipTrivia(insideContainerOpenedAt: open, "object")
            let value = try parseValue(named: name)
            members.append(JSON5Member(key: key, keyPosition: keyPosition, value: value))
            let separator = try skipTrivia(insideContainerOpenedAt: open, "object")
            if separator == "}" { break }
            guard separator == "," else {
                throw error("expected ',' or '}' after the value of \(name), found \(found)")
            }
            index += 1
        }
        index += 1
        return JSON5Value(.object(members), at: position(open))
    }

    private mutating func parseArray(named owner: ValueName?) throws(JSON5SyntaxError) -> JSON5Value {
        let open = index
        try enterContainer()
        defer { depth -= 1 }
        var elements: [JSON5Value] = []
        while true {
            let next = try skipTrivia(insideContainerOpenedAt: open, "array")
            if next == "]" { break }
            let name = ValueName.element(elements.count + 1, of: owner)
            guard next.canStartValue else { throw error("expected \(name) or ']', found \(found)") }
            elements.append(try parseValue(named: name))
            let separator = try skipTrivia(insideContainerOpenedAt: open, "array")
            if separator == "]" { break }
            guard separator == "," else { throw error("expected ',' or ']' after \(name), found \(found)") }
            index += 1
        }
        index += 1
        return JSON5Value(.array(elements), at: position(open))
    }

    /// Steps over `{` or `[`, refusing to nest deeper than ``JSON5/maximumDepth``.
    private mutating func enterContainer() throws(JSON5SyntaxError) {
        guard depth < JSON5.maximumDepth else {
            throw error("objects and arrays are nested deeper than \(JSON5.maximumDepth) levels")
        }
        depth += 1
        index += 1
    }

    /// A quoted key or an ECMAScript IdentifierName (which may contain `\uXXXX` escapes).
    private mutating func parseKey(startingWith first: Unicode.Scalar) throws(JSON5SyntaxError) -> String {
        if first == "\"" || first == "'" { return try parseString(quote: first) }
        guard first.isIdentifierStart || first == "\\" else {
            let hint = first.isDecimalDigit ? " (a key that is not a name needs quotes)" : ""
            throw error("expected a key or '}', found \(found)\(hint)")
        }
        var key = String.UnicodeScalarView()
        while let next = current {
            if next == "\\" {
                let escapeStart = index
                guard scalar(at: 1) == "u", let escaped = hexValue(digits: 4, from: index + 2),
                    let decoded = Unicode.Scalar(escaped),
                    key.isEmpty ? decoded.isIdentifierStart : decoded.isIdentifierPart
                else { throw error("invalid escape in a key; only \\u followed by a letter's code is allowed") }
                key.append(decoded)
                index = escapeStart + 6
            } else if key.isEmpty ? next.isIdentifierStart : next.isIdentifierPart {
                key.append(next)
                index += 1
            } else {
                break
            }
        }
        return String(key)
    }

    /// The identifier-like word at the current scalar (for `true`, `null`, `Infinity` and mistyped values).
    private mutating func scanWord() -> String {
        var word = String.UnicodeScalarView()
        while let next = current, next.isIdentifierPart {
            word.append(next)
            index += 1
        }
        return String(word)
    }

    // MARK: Strings

    /// Reads the string that starts at the current scalar, `quote`.
    private mutating func parseString(quote: Unicode.Scalar) throws(JSON5SyntaxError) -> String {
        let open = index
        index += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let next = current else { throw error("the string that starts at \(position(open)) is never closed") }
            switch next {
            case quote:
                index += 1
                return String(result)
            case "\n", "\r":
                throw error(
                    "the string that starts at \(position(open)) is not closed before the end of the line "
                        + "(write \\n for a line break)")
            case "\\":
                guard index + 1 < scalars.count else {
                    throw error("the string that starts at \(position(open)) is never closed")
                }
                if let escaped = try parseEscape() { result.append(escaped) }
            default:
                result.append(next)
                index += 1
            }
        }
    }

    /// Reads the escape sequence at the current backslash; nil for a line continuation.
    private mutating func parseEscape() throws(JSON5SyntaxError) -> Unicode.Scalar? {
        let start = index
        let letter = scalars[index + 1]
        index += 2
        switch letter {
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r":
            return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        case "0":
            if let next = current, next.isDecimalDigit {
                throw error("'\\0' cannot be followed by a digit (write \\x00 instead)", at: start)
            }
            return "\0"
        case "1"..."9":
            throw error("invalid escape '\\\(letter)' (a digit cannot be escaped)", at: start)
        case "x":
            guard let value = hexValue(digits: 2, from: index), let scalar = Unicode.Scalar(value) else {
                throw error("'\\x' must be followed by two hexadecimal digits", at: start)
            }
            index += 2
            return scalar
        case "u":
            return try parseUnicodeEscape(startingAt: start)
        case "\r":
            if current == "\n" { index += 1 }
            return nil
        case "\n", "\u{2028}", "\u{2029}":
            return nil
        default:
            return letter
        }
    }

    /// Reads `\uXXXX` (after the `u`), joining a UTF-16 surrogate pair written as two escapes.
    private mutating func parseUnicodeEscape(startingAt start: Int) throws(JSON5SyntaxError) -> Unicode.Scalar {
        guard let unit = hexValue(digits: 4, from: index) else {
            throw error("'\\u' must be followed by four hexadecimal digits", at: start)
        }
        index += 4
        if let scalar = Unicode.Scalar(unit) { return scalar }
        guard unit < 0xDC00, current == "\\", scalar(at: 1) == "u", let low = hexValue(digits: 4, from: index + 2),
            (0xDC00...0xDFFF).contains(low),
            let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        else {
            throw error(
                "'\\u\(hex(unit))' is half of a UTF-16 surrogate pair without its other half", at: start)
        }
        index += 6
        return scalar
    }

    /// The value of `digits` hexadecimal digits at `offset`, or nil when there are not that many.
    private func hexValue(digits: Int, from offset: Int) -> UInt32? {
        guard offset + digits <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[offset..<offset + digits] {
            guard let digit = scalar.hexDigitValue else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Numbers

    /// A JSON5 number: optional sign, then a decimal or `0x` hexadecimal literal, `Infinity` or `NaN`.
    private mutating func parseNumber() throws(JSON5SyntaxError) -> Double {
        var sign = 1.0
        if let first = current, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            index += 1
        }
        let start = index
        let magnitude: Double
        if let next = current, next.isIdentifierStart {
            switch scanWord() {
            case "Infinity": magnitude = .infinity
            case "NaN": magnitude = .nan
            default: throw error("expected a number after the sign, found \(describe(at: start))", at: start)
            }
        } else if current == "0", let letter = scalar(at: 1), letter == "x" || letter == "X" {
            index += 2
            let digitsStart = index
            while current?.hexDigitValue != nil { index += 1 }
            guard index > digitsStart else {
                throw error("expected hexadecimal digits after '0\(letter)', found \(found)")
            }
            magnitude = number(from: start)
        } else {
            magnitude = try parseDecimal()
        }
        if let next = current, next.isIdentifierPart {
            throw error("unexpected \(found) after the number")
        }
        return sign * magnitude
    }

    /// `123`, `1.5`, `.5`, `5.`, each with an optional exponent; leading zeros are refused.
    private mutating func parseDecimal() throws(JSON5SyntaxError) -> Double {
        let start = index
        let integerDigits = scanDigits()
        if integerDigits > 1, scalars[start] == "0" {
            throw error("a number cannot start with 0 (leading zeros are not allowed)", at: start)
        }
        var fractionDigits = 0
        if current == "." {
            index += 1
            fractionDigits = scanDigits()
        }
        guard integerDigits + fractionDigits > 0 else {
            throw error("expected a digit, found \(describe(at: start))", at: start)
        }
        if let letter = current, letter == "e" || letter == "E" {
            index += 1
            if let sign = current, sign == "+" || sign == "-" { index += 1 }
            guard scanDigits() > 0 else { throw error("expected the digits of the exponent, found \(found)") }
        }
        return number(from: start)
    }

    /// The value of the checked decimal or hexadecimal literal from `start` to the current scalar.
    private func number(from start: Int) -> Double {
        Double(String(String.UnicodeScalarView(scalars[start..<index]))) ?? .nan
    }

    private mutating func scanDigits() -> Int {
        let start = index
        while let next = current, next.isDecimalDigit { index += 1 }
        return index - start
    }

    // MARK: White space and comments

    /// Skips white space and comments inside the object or array opened at `open` and returns the scalar after
    /// them; the end of the file there is an error naming the container.
    @discardableResult
    private mutating func skipTrivia(
        insideContainerOpenedAt open: Int, _ name: String
    ) throws(JSON5SyntaxError) -> Unicode.Scalar {
        try skipTrivia()
        guard let next = current else { throw error("the \(name) that starts at \(position(open)) is never closed") }
        return next
    }

    private mutating func skipTrivia() throws(JSON5SyntaxError) {
        while let next = current {
            if next.isJSON5Whitespace {
                index += 1
            } else if next == "/", scalar(at: 1) == "/" {
                while let skipped = current, !skipped.isLineTerminator { index += 1 }
            } else if next == "/", scalar(at: 1) == "*" {
                let open = index
                index += 2
                while current != nil, !(current == "*" && scalar(at: 1) == "/") { index += 1 }
                guard current != nil else {
                    throw error("the comment that starts at \(position(open)) is never closed")
                }
                index += 2
            } else if next == "/" {
                throw error("unexpected '/' (a comment starts with // or /*)")
            } else {
                return
            }
        }
    }

    // MARK: Errors

    private func position(_ index: Int) -> SourcePosition { text.position(of: index) }

    private func error(_ message: String, at index: Int? = nil) -> JSON5SyntaxError {
        JSON5SyntaxError(message, at: position(index ?? self.index))
    }

    /// The current scalar in words: "'x'", "the end of the line", "the end of the file", "U+00A0".
    private var found: String { describe(at: index) }

    private func describe(at index: Int) -> String {
        guard index < scalars.count else { return "the end of the file" }
        let scalar = scalars[index]
        if scalar.isLineTerminator { return "the end of the line" }
        if scalar == " " { return "a space" }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned,
            .nonspacingMark, .enclosingMark, .spacingMark:
            return "U+\(hex(scalar.value))"
        default:
            return "'\(scalar)'"
        }
    }
}

/// What a value inside an object or array is called in messages (built only when a message needs it).
private indirect enum ValueName: CustomStringConvertible {
    case member(String)
    /// The element's 1-based number and the name of its array (nil for the document itself).
    case element(Int, of: ValueName?)

    /// `"gates"`, `element 2 of "gates"`, `element 1 of the array`.
    var description: String {
        switch self {
        case .member(let key): return key.debugDescription
        case .element(let number, let owner): return "element \(number) of \(owner?.description ?? "the array")"
        }
    }

    /// What a missing value is called: `a value for "gates"`, `element 2 of "gates"`.
    var expected: String {
        switch self {
        case .member: return "a value for \(self)"
        case .element: return description
        }
    }
}

extension Unicode.Scalar {
    /// JSON5 white space: ECMAScript WhiteSpace (incl. U+00A0, U+FEFF and every space separator) and line ends.
    fileprivate var isJSON5Whitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0xA0, 0xFEFF, 0x2028, 0x2029: return true
        case 0...0x7F: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }

    fileprivate var isLineTerminator: Bool {
        self == "\n" || self == "\r" || self == "\u{2028}" || self == "\u{2029}"
    }

    /// ECMAScript IdentifierStart: `$`, `_` or a Unicode letter (categories Lu, Ll, Lt, Lm, Lo, Nl).
    fileprivate var isIdentifierStart: Bool {
        switch value {
        case 0x24, 0x41...0x5A, 0x5F, 0x61...0x7A: return true
        case 0...0x7F: return false
        default: break
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    /// ECMAScript IdentifierPart: an IdentifierStart, a combining mark, a decimal digit, a connector, ZWNJ or ZWJ.
    fileprivate var isIdentifierPart: Bool {
        if isIdentifierStart || isDecimalDigit || self == "\u{200C}" || self == "\u{200D}" { return true }
        guard !isASCII else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    fileprivate var isDecimalDigit: Bool { ("0"..."9").contains(self) }

    /// True for the first scalar of any JSON5 value (the words `true`, `null`… start like identifiers).
    fileprivate var canStartValue: Bool {
        switch self {
        case "{", "[", "\"", "'", "+", "-", ".", "0"..."9": return true
        default: return isIdentifierStart
        }
    }

    /// The value of an ASCII hexadecimal digit, or nil.
    fileprivate var hexDigitValue: UInt32? {
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46: return value - 0x41 + 10
        case 0x61...0x66: return value - 0x61 + 10
        default: return nil
        }
    }
}
