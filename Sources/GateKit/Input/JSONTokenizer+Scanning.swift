import Glibc

/// The byte-level scanners of ``JSONTokenizer``: white space, strings, numbers, literals and the skipping loop.
///
/// Scanners keep their indices relative to `position` (the token's first byte), which stays put until the token is
/// complete, and re-read `base` after every refill.
extension JSONTokenizer {
    // MARK: Byte classes

    static let quoteClass: UInt8 = 1
    static let backslashClass: UInt8 = 2
    static let controlClass: UInt8 = 3
    static let nonASCIIClass: UInt8 = 4
    static let openArrayClass: UInt8 = 5
    static let openObjectClass: UInt8 = 6
    static let closeArrayClass: UInt8 = 7
    static let closeObjectClass: UInt8 = 8
    static let newlineClass: UInt8 = 9

    /// Classes of the bytes that end a run of plain characters inside a string.
    nonisolated(unsafe) static let stringClasses = table([
        (0x00...0x1F, controlClass), (0x22...0x22, quoteClass), (0x5C...0x5C, backslashClass),
        (0x80...0xFF, nonASCIIClass),
    ])

    /// Classes of the bytes that matter when skipping: quotes, brackets and line feeds; 0 for all others.
    nonisolated(unsafe) static let skipClasses = table([
        (0x22...0x22, quoteClass), (0x5B...0x5B, openArrayClass), (0x7B...0x7B, openObjectClass),
        (0x5D...0x5D, closeArrayClass), (0x7D...0x7D, closeObjectClass), (0x0A...0x0A, newlineClass),
    ])

    private static func table(_ entries: [(ClosedRange<UInt8>, UInt8)]) -> UnsafePointer<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for (range, byteClass) in entries {
            for byte in range { table[Int(byte)] = byteClass }
        }
        return UnsafePointer(table)
    }

    // MARK: Reading input

    /// Reads more input behind the bytes from `position` on; an input error stops the tokenizer like a syntax error.
    ///
    /// Kept out of line so that the accesses to `input`, a class, are checked here only, not in the scanning loops.
    @inline(never)
    func refill() throws(InputError) -> Bool {
        input.start = position
        defer {
            state.pointee.base = input.base
            state.pointee.end = input.end
            state.pointee.consumedBefore = input.consumedBefore
            position = input.start
        }
        do {
            return try input.refill()
        } catch {
            throw fail(error.message)
        }
    }

    /// Skips white space, counting lines; returns the next byte without consuming it, or nil at the end of input.
    func skipWhitespace() throws(InputError) -> UInt8? {
        while true {
            let (base, end) = (state.pointee.base, state.pointee.end)
            var index = position
            while index < end {
                let byte = base[index]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                    index += 1
                } else if byte == UInt8(ascii: "\n") {
                    index += 1
                    state.pointee.currentLine += 1
                    state.pointee.lineStart = state.pointee.consumedBefore + index
                } else {
                    position = index
                    return byte
                }
            }
            position = end
            guard try refill() else { return nil }
        }
    }

    // MARK: Scalars

    /// Reads the string whose opening quote is at `position` and returns its decoded bytes.
    func scanString() throws(InputError) -> ByteSpan {
        let classes = Self.stringClasses
        var index = 1
        var hasEscapes = false
        var hasNonASCII = false
        while true {
            let base = state.pointee.base + position
            let count = state.pointee.end - position
            while index < count {
                let byteClass = classes[Int(base[index])]
                if byteClass == 0 {
                    index += 1
                } else if byteClass == Self.quoteClass {
                    let raw = ByteSpan(base: base + 1, count: index - 1)
                    position += index + 1
                    if hasNonASCII, let invalid = Self.firstInvalidUTF8(raw) {
                        throw fail("invalid UTF-8 in a string (\(Self.describe(raw[invalid])))", at: invalid + 1)
                    }
                    return hasEscapes ? try unescape(raw) : raw
                } else if byteClass == Self.backslashClass {
                    hasEscapes = true
                    index += 2
                } else if byteClass == Self.nonASCIIClass {
                    hasNonASCII = true
                    index += 1
                } else {
                    throw fail(
                        "a control character (\(Self.describe(base[index]))) in a string must be escaped", at: index)
                }
            }
            guard try refill() else { throw fail("unexpected end of input inside a string") }
        }
    }

    /// Resolves the escapes of a string's raw bytes into `scratch`.
    ///
    /// A backslash is never the last raw byte (it would have escaped the closing quote), and the result is never
    /// longer than the raw bytes.
    private func unescape(_ raw: ByteSpan) throws(InputError) -> ByteSpan {
        if raw.count > state.pointee.scratchCapacity {
            state.pointee.scratch.deallocate()
            state.pointee.scratchCapacity = max(raw.count, state.pointee.scratchCapacity * 2)
            state.pointee.scratch = .allocate(capacity: state.pointee.scratchCapacity)
        }
        let scratch = state.pointee.scratch
        var written = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                scratch[written] = byte
                written += 1
                index += 1
                continue
            }
            let escaped: UInt8
            switch raw[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped = raw[index + 1]
            case UInt8(ascii: "b"): escaped = 0x08
            case UInt8(ascii: "f"): escaped = 0x0C
            case UInt8(ascii: "n"): escaped = 0x0A
            case UInt8(ascii: "r"): escaped = 0x0D
            case UInt8(ascii: "t"): escaped = 0x09
            case UInt8(ascii: "u"):
                let (scalar, length) = try unicodeEscape(raw, at: index)
                written += Self.encodeUTF8(scalar, into: scratch + written)
                index += length
                continue
            default:
                throw fail(
                    "invalid escape in a string: a backslash before \(Self.describe(raw[index + 1]))", at: index + 1)
            }
            scratch[written] = escaped
            written += 1
            index += 2
        }
        return ByteSpan(base: scratch, count: written)
    }

    /// The scalar of the `\uXXXX` escape (or surrogate pair of escapes) at `index`, and the escape's length.
    private func unicodeEscape(_ raw: ByteSpan, at index: Int) throws(InputError) -> (UInt32, Int) {
        guard let unit = Self.hexQuad(raw, at: index + 2) else {
            throw fail("'\\u' must be followed by four hexadecimal digits", at: index + 1)
        }
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 12 <= raw.count, raw[index + 6] == UInt8(ascii: "\\"), raw[index + 7] == UInt8(ascii: "u"),
                let low = Self.hexQuad(raw, at: index + 8), (0xDC00...0xDFFF).contains(low)
            else { throw fail("a lone surrogate in a string (a high surrogate without a low one)", at: index + 1) }
            return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
        case 0xDC00...0xDFFF:
            throw fail("a lone surrogate in a string (a low surrogate without a high one)", at: index + 1)
        default:
            return (unit, 6)
        }
    }

    /// The value of the four hexadecimal digits at `index`, or nil.
    private static func hexQuad(_ raw: ByteSpan, at index: Int) -> UInt32? {
        guard index + 4 <= raw.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Writes the UTF-8 form of `scalar` (not a surrogate, at most 0x10FFFF) and returns its length.
    private static func encodeUTF8(_ scalar: UInt32, into output: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            output[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            output[0] = UInt8(0xC0 | scalar >> 6)
            output[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[0] = UInt8(0xE0 | scalar >> 12)
            output[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            output[0] = UInt8(0xF0 | scalar >> 18)
            output[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    /// The index where the first invalid UTF-8 sequence of `bytes` starts, or nil when they are valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ByteSpan) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The length of the sequence and the range of its second byte (which excludes overlong forms,
            // surrogates and scalars beyond 0x10FFFF).
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return index
            }
            guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return index }
            index += length
        }
        return nil
    }

    /// Reads the number that starts at `position`, checking it against the JSON grammar.
    func scanNumber() throws(InputError) -> ByteSpan {
        var index = 0
        while true {
            let base = state.pointee.base + position
            let count = state.pointee.end - position
            while index < count, Self.isNumberByte(base[index]) { index += 1 }
            if index < count { break }
            guard try refill() else { break }
        }
        let number = ByteSpan(base: state.pointee.base + position, count: index)
        try checkNumber(number)
        position += index
        return number
    }

    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// Checks `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private func checkNumber(_ number: ByteSpan) throws(InputError) {
        var index = 0
        func digits() -> Int {
            let first = index
            while index < number.count, number[index].isASCIIDigit { index += 1 }
            return index - first
        }
        if number[0] == UInt8(ascii: "-") { index = 1 }
        let integerStart = index
        guard digits() > 0 else { throw fail("expected a digit after '-'", at: index) }
        if number[integerStart] == UInt8(ascii: "0"), index > integerStart + 1 {
            throw fail("leading zeros are not allowed in a number", at: integerStart)
        }
        if index < number.count, number[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("expected a digit after '.' in a number", at: index) }
        }
        if index < number.count, number[index] == UInt8(ascii: "e") || number[index] == UInt8(ascii: "E") {
            index += 1
            if index < number.count, number[index] == UInt8(ascii: "+") || number[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw fail("expected a digit in the exponent of a number", at: index) }
        }
        guard index == number.count else {
            throw fail("unexpected \(Self.describe(number[index])) in a number", at: index)
        }
    }

    /// Reads `true`, `false` or `null` at `position`.
    func scanLiteral(_ word: StaticString) throws(InputError) {
        let length = word.utf8CodeUnitCount
        while state.pointee.end - position < length {
            guard try refill() else { break }
        }
        guard state.pointee.end - position >= length, memcmp(state.pointee.base + position, word.utf8Start, length) == 0
        else {
            throw fail("expected a JSON value, found an unknown word (did you mean '\(word)'?)")
        }
        position += length
        expect = .separator
    }

    // MARK: Skipping

    /// Passes over bytes until the containers nest only `target` deep again, looking at nothing but brackets,
    /// string boundaries (with their backslash escapes) and line feeds.
    func skipContainers(downTo target: Int) throws(InputError) {
        let classes = Self.skipClasses
        let stack = self.stack
        let maxDepth = self.maxDepth
        var depth = self.depth
        defer { self.depth = depth }
        var inString = false
        var escaped = false
        while true {
            let (base, end) = (state.pointee.base, state.pointee.end)
            var index = position
            while index < end {
                if inString {
                    if escaped {
                        escaped = false
                        index += 1
                        continue
                    }
                    while index < end, base[index] != UInt8(ascii: "\""), base[index] != UInt8(ascii: "\\") {
                        index += 1
                    }
                    guard index < end else { break }
                    if base[index] == UInt8(ascii: "\\") { escaped = true } else { inString = false }
                    index += 1
                    continue
                }
                while index < end, classes[Int(base[index])] == 0 { index += 1 }
                guard index < end else { break }
                let byteClass = classes[Int(base[index])]
                index += 1
                switch byteClass {
                case Self.quoteClass:
                    inString = true
                case Self.newlineClass:
                    state.pointee.currentLine += 1
                    state.pointee.lineStart = state.pointee.consumedBefore + index
                case Self.openArrayClass, Self.openObjectClass:
                    guard depth < maxDepth else {
                        position = index - 1
                        markToken()
                        throw fail("arrays and objects are nested deeper than \(maxDepth) levels")
                    }
                    stack[depth] = byteClass == Self.openObjectClass ? Self.objectKind : Self.arrayKind
                    depth += 1
                default:
                    let isObject = byteClass == Self.closeObjectClass
                    guard stack[depth - 1] == (isObject ? Self.objectKind : Self.arrayKind) else {
                        position = index - 1
                        markToken()
                        throw fail(
                            isObject
                                ? "expected ']' to close an array, found '}'"
                                : "expected '}' to close an object, found ']'")
                    }
                    depth -= 1
                    if depth == target {
                        position = index
                        expect = .separator
                        return
                    }
                }
            }
            position = end
            guard try refill() else {
                markToken()
                let inside = inString ? "a string" : stack[depth - 1] == Self.objectKind ? "an object" : "an array"
                throw fail("unexpected end of input inside \(inside)")
            }
        }
    }
}

extension JSONTokenizer {
    /// Reads the opening brace of a report that must be a JSON object; anything else is "not `what`".
    func openObject(of what: String) throws(InputError) {
        guard try next() == .beginObject else {
            throw InputError("not \(what): the JSON value is not an object", line: line, column: column)
        }
    }
}
