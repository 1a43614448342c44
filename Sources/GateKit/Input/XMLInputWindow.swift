import Glibc

/// The bytes of an ``InputBuffer`` that ``XMLTokenizer`` is looking at, with the loops that read more input and
/// the line counting for messages.
///
/// It reads the buffer's window once per refill (it changes only then) and keeps its own read position, handed back
/// to the buffer before each refill and by ``handBack()``. Used from one thread and never re-entered, its state
/// opts out of runtime exclusivity checks, which would otherwise cost more than the tokenizing itself.
final class XMLInputWindow {
    private let input: InputBuffer
    /// The window's first byte, valid until the next refill.
    @exclusivity(unchecked) private(set) var bytes: UnsafePointer<UInt8>
    /// Index of the first unconsumed byte.
    @exclusivity(unchecked) var cursor: Int
    /// Index one past the last valid byte.
    @exclusivity(unchecked) private(set) var limit: Int
    @exclusivity(unchecked) private(set) var sourceEnded: Bool
    /// Bytes discarded before the window: `released + i` is the file offset of index `i`.
    @exclusivity(unchecked) private var released: Int
    /// Lines are counted lazily: `countedLine` is the line at file offset `countedOffset`.
    @exclusivity(unchecked) private var countedOffset: Int
    @exclusivity(unchecked) private var countedLine = 1

    init(_ input: InputBuffer) {
        self.input = input
        bytes = input.base
        cursor = input.start
        limit = input.end
        sourceEnded = input.reachedEndOfSource
        released = input.consumedBefore
        countedOffset = input.offset
    }

    /// Unconsumed bytes in the window.
    var available: Int { limit - cursor }

    var unconsumed: ByteSpan { ByteSpan(base: bytes + cursor, count: limit - cursor) }

    /// Tells the buffer how far the document was read.
    func handBack() { input.start = cursor }

    /// Reads more input, counting the lines of the bytes it releases first. False at the end of the input.
    ///
    /// Never inlined: the optimizer would otherwise hoist the buffer's exclusivity checks into the hot paths.
    @inline(never)
    func refill() throws(InputError) -> Bool {
        let line = lineAt(cursor)
        input.start = cursor
        defer {
            bytes = input.base
            cursor = input.start
            limit = input.end
            sourceEnded = input.reachedEndOfSource
            released = input.consumedBefore
        }
        do throws(InputError) {
            return try input.refill()
        } catch {
            throw InputError(error.message, line: line)
        }
    }

    /// Ensures at least `count` unconsumed bytes; false when the input ends first.
    func ensure(_ count: Int) throws(InputError) -> Bool {
        while available < count {
            guard try refill() else { return false }
        }
        return true
    }

    /// True when the unconsumed bytes start with `prefix`.
    func hasPrefix(_ prefix: StaticString) throws(InputError) -> Bool {
        try ensure(prefix.utf8CodeUnitCount) && unconsumed.hasPrefix(prefix)
    }

    /// Runs `attempt` on the unconsumed bytes until it finds a whole token, reading more input between tries.
    ///
    /// `attempt` returns nil when the window ends inside the token. Each retry waits until the window has at least
    /// doubled, so a token that spans many chunks is scanned O(its size) times in total, not O(size²).
    @inline(__always)
    func complete<Token>(inside what: String, _ attempt: () throws(InputError) -> Token?) throws(InputError) -> Token {
        var tried = 0
        while true {
            if available >= 2 * tried || sourceEnded {
                tried = available
                if let token = try attempt() { return token }
                if sourceEnded { throw unexpectedEnd(inside: what) }
            }
            _ = try refill()
        }
    }

    /// Consumes up to and including `terminator`, searching from `offset` and releasing bytes as it goes.
    func skipPast(_ terminator: StaticString, from offset: Int, inside what: String) throws(InputError) {
        let line = lineAt(cursor)
        let length = terminator.utf8CodeUnitCount
        var from = offset
        while true {
            let window = unconsumed
            if let found = window.firstIndex(of: terminator, from: from) {
                cursor += found + length
                return
            }
            // Keep the bytes that may begin a terminator completed by the next chunk.
            cursor += max(from, window.count - length + 1)
            from = 0
            guard try refill() else { throw unexpectedEnd(inside: what, startedAt: line) }
        }
    }

    /// Consumes bytes up to the next `<` (or the end of the input), without looking at them.
    func skipToMarkup() throws(InputError) {
        repeat {
            if let found = memchr(bytes + cursor, Int32(UInt8(ascii: "<")), available) {
                cursor = found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: bytes)
                return
            }
            cursor = limit
        } while try refill()
    }

    /// Consumes white space up to the next `<` (or the end of the input); anything else is the error `message`.
    func skipWhiteSpace(orFail message: String) throws(InputError) {
        repeat {
            while cursor < limit, bytes[cursor].isASCIIWhitespace { cursor += 1 }
            if cursor < limit {
                if bytes[cursor] == UInt8(ascii: "<") { return }
                throw error(message, at: 0)
            }
        } while try refill()
    }

    /// The length of the DOCTYPE at the cursor, or nil when the window ends inside it.
    ///
    /// The internal subset is scanned only to find its end and to refuse entity declarations: protocol never
    /// expands an entity, and never reads an external subset.
    func doctypeLength() throws(InputError) -> Int? {
        let window = unconsumed
        var quote: UInt8 = 0
        var inSubset = false
        var index = 9
        while index < window.count {
            let byte = window[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if byte == UInt8(ascii: ">"), !inSubset {
                return index + 1
            } else if byte == UInt8(ascii: "<"), inSubset {
                let rest = window.dropFirst(index)
                if rest.hasPrefix("<!ENTITY") {
                    throw error("entity declarations are not allowed: protocol does not expand XML entities", at: index)
                }
                if rest.count < 8 { return nil }
                if rest.hasPrefix("<!--") {
                    guard let end = rest.firstIndex(of: "-->", from: 4) else { return nil }
                    index += end + 2
                }
            }
            index += 1
        }
        return nil
    }

    /// The line of the byte at window index `index` (never before the last one asked for).
    func lineAt(_ index: Int) -> Int {
        let from = countedOffset - released
        guard index > from else { return countedLine }
        countedLine += XMLSyntax.countNewlines(bytes, from: from, to: index)
        countedOffset = released + index
        return countedLine
    }

    /// An error at `offset` bytes from the cursor, with its line and (when the line starts in the window) column.
    func error(_ message: String, at offset: Int) -> InputError {
        let index = cursor + offset
        let line = lineAt(index)
        var lineStart = index
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let known = lineStart > 0 || released == 0
        return InputError(message, line: line, column: known ? index - lineStart + 1 : nil)
    }

    /// The input ended inside `what`, which started on `line` (by default the cursor's).
    func unexpectedEnd(inside what: String, startedAt line: Int? = nil) -> InputError {
        let started = line ?? lineAt(cursor)
        return InputError("unexpected end of file inside \(what) started at line \(started)", line: lineAt(limit))
    }
}
