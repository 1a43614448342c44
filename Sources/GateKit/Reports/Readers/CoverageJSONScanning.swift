import Glibc

/// A fast path of ``JSONTokenizer`` for the long arrays of numbers that coverage reports are made of (line lists,
/// hit counts): a plain integer that lies whole in the buffer is read straight from it; anything else (a refill, a
/// fraction, a syntax error, `null`) goes through ``JSONTokenizer/next()``, which keeps every check and message.
extension JSONTokenizer {
    /// What the fast path found at the cursor.
    private enum CoverageNumberStep {
        case number(Int)
        case end
        /// Not a plain integer whole in the buffer: the tokenizer reads it.
        case slow
    }

    /// Calls `body` with each element of the array that comes next, a whole number; `field` names the array.
    func forEachCoverageNumber(_ field: @autoclosure () -> String, _ body: (Int) throws(InputError) -> Void)
        throws(InputError)
    {
        try forEachCoverageNumberOrNull(field()) { value throws(InputError) in
            guard let value else {
                throw InputError("\(field()): expected a whole number, found null", line: line, column: column)
            }
            try body(value)
        }
    }

    /// Calls `body` with each element of the array that comes next, a whole number or nil for `null`.
    ///
    /// `body` must not read from the tokenizer: the fast path counts on the array's elements coming one by one.
    func forEachCoverageNumberOrNull(_ field: @autoclosure () -> String, _ body: (Int?) throws(InputError) -> Void)
        throws(InputError)
    {
        let opening = try next()
        guard opening == .beginArray else {
            throw InputError(
                "\(field()): expected an array, found \(CoverageJSONReading.describe(opening, self))", line: line,
                column: column)
        }
        while true {
            switch nextCoverageNumber() {
            case .number(let value):
                try body(value)
            case .end:
                return
            case .slow:
                let token = try next()
                if token == .endArray { return }
                try body(token == .null ? nil : try CoverageJSONReading.wholeNumber(after: token, self, field()))
            }
        }
    }

    /// Reads the separator before the next element and the element, or the closing bracket, when they are plain and
    /// whole in the buffer; commits nothing otherwise. The tokenizer is inside the array, just after its opening
    /// bracket or after an element.
    private func nextCoverageNumber() -> CoverageNumberStep {
        let expectation = expect
        let base = state.pointee.base
        let end = state.pointee.end
        var newlines = 0
        var lineStart = 0
        var index = Self.skipBlanks(base, from: position, to: end, &newlines, &lineStart)
        guard index < end else { return .slow }
        if base[index] == UInt8(ascii: "]") {
            commitLines(newlines, lineStart)
            position = index + 1
            depth -= 1
            expect = .separator
            return .end
        }
        if expectation == .separator {
            guard base[index] == UInt8(ascii: ",") else { return .slow }
            index = Self.skipBlanks(base, from: index + 1, to: end, &newlines, &lineStart)
        }
        let start = index
        let negative = index < end && base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end, base[index].isASCIIDigit else { return .slow }
        var value = Int(base[index] &- UInt8(ascii: "0"))
        index += 1
        if value != 0 {
            // At most 18 digits, which no Int overflows: longer numbers take the slow path.
            let limit = min(end, index + 17)
            while index < limit, base[index].isASCIIDigit {
                value = value &* 10 &+ Int(base[index] &- UInt8(ascii: "0"))
                index += 1
            }
        }
        guard index < end else { return .slow }
        let after = base[index]
        guard !after.isASCIIDigit, after != UInt8(ascii: "."), after != UInt8(ascii: "e"), after != UInt8(ascii: "E")
        else { return .slow }
        commitLines(newlines, lineStart)
        position = start
        markToken()
        state.pointee.bytes = ByteSpan(base: base + start, count: index - start)
        position = index
        expect = .separator
        return .number(negative ? -value : value)
    }

    /// Skips spaces, tabs, carriage returns and line feeds, counting the line feeds and where the last line starts.
    @inline(__always)
    private static func skipBlanks(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, _ newlines: inout Int, _ lineStart: inout Int
    ) -> Int {
        var index = start
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "\n") {
                index += 1
                newlines += 1
                lineStart = index
            } else {
                break
            }
        }
        return index
    }

    /// Counts the line feeds the fast path passed over.
    @inline(__always)
    private func commitLines(_ newlines: Int, _ lineStart: Int) {
        guard newlines > 0 else { return }
        state.pointee.currentLine += newlines
        state.pointee.lineStart = state.pointee.consumedBefore + lineStart
    }
}

extension JSONTokenizer {
    /// Reads the `start.line` of the location that is the value of the key just read, `{"start": {"line": N, …}, …}`
    /// (Istanbul's statement locations), and skips the rest of it, when it is written in that order and lies whole
    /// in the buffer up to the number; nil, having read nothing, otherwise.
    func coverageLocationStartLine() throws(InputError) -> Int? {
        let base = state.pointee.base
        let end = state.pointee.end
        var newlines = 0
        var lineStart = 0
        var index = position
        func skip(_ part: StaticString) -> Bool {
            index = Self.skipBlanks(base, from: index, to: end, &newlines, &lineStart)
            let length = part.utf8CodeUnitCount
            guard end - index >= length, memcmp(base + index, part.utf8Start, length) == 0 else { return false }
            index += length
            return true
        }
        guard skip(":"), skip("{"), skip("\"start\""), skip(":"), skip("{"), skip("\"line\""), skip(":")
        else { return nil }
        index = Self.skipBlanks(base, from: index, to: end, &newlines, &lineStart)
        let start = index
        var value = 0
        while index < end, index - start < 18, base[index].isASCIIDigit {
            value = value &* 10 &+ Int(base[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, index < end, !(base[start] == UInt8(ascii: "0") && index > start + 1) else { return nil }
        let after = base[index]
        guard !after.isASCIIDigit, after != UInt8(ascii: "."), after != UInt8(ascii: "e"), after != UInt8(ascii: "E")
        else { return nil }
        commitLines(newlines, lineStart)
        let outer = depth
        try push(Self.objectKind)
        try push(Self.objectKind)
        position = start
        markToken()
        state.pointee.bytes = ByteSpan(base: base + start, count: index - start)
        position = index
        try skipContainers(downTo: outer)
        return value
    }
}
