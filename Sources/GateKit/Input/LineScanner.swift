import Glibc

/// Splits an ``InputBuffer`` into lines without copying them.
///
/// Lines end at `\n`; a `\r` before it is dropped, so CRLF files read like LF files. The last line needs no
/// terminator. Each line is handed out as a ``ByteSpan`` that is valid until the next call. The scanner keeps its
/// own cursor into the buffer's window and only goes back to the buffer to refill it, so the per-line cost is a
/// `memchr` and nothing else.
public struct LineScanner {
    private let input: InputBuffer
    private var cursor: UnsafePointer<UInt8>
    private var limit: UnsafePointer<UInt8>
    /// The 1-based number of the line last returned (0 before the first).
    public private(set) var lineNumber = 0
    /// True when the line last returned ended the input without a line feed (a cut-off file ends so).
    public private(set) var lastLineUnterminated = false

    public init(_ input: InputBuffer) {
        self.input = input
        cursor = input.base + input.start
        limit = input.base + input.end
    }

    /// The next line, or nil at the end of the input.
    @inline(__always)
    public mutating func nextLine() throws(InputError) -> ByteSpan? {
        if let found = memchr(cursor, Int32(UInt8(ascii: "\n")), limit - cursor) {
            let newline = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            let line = ByteSpan(base: cursor, count: newline - cursor)
            cursor = newline + 1
            lineNumber += 1
            return Self.dropCarriageReturn(line)
        }
        return try nextLineAfterRefill()
    }

    /// The slow path: the window holds no complete line, so read more (or hand out the unterminated last line).
    private mutating func nextLineAfterRefill() throws(InputError) -> ByteSpan? {
        while true {
            input.start = cursor - input.base
            let searched = input.available
            if searched >= input.maximumCapacity {
                throw InputError("line \(lineNumber + 1) is longer than \(input.limitDescription)")
            }
            let more = try input.refill()
            cursor = input.base + input.start
            limit = input.base + input.end
            if !more {
                guard cursor < limit else { return nil }
                let line = ByteSpan(base: cursor, count: limit - cursor)
                cursor = limit
                input.start = input.end
                lineNumber += 1
                lastLineUnterminated = true
                return Self.dropCarriageReturn(line)
            }
            if let found = memchr(cursor + searched, Int32(UInt8(ascii: "\n")), limit - cursor - searched) {
                let newline = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
                let line = ByteSpan(base: cursor, count: newline - cursor)
                cursor = newline + 1
                lineNumber += 1
                return Self.dropCarriageReturn(line)
            }
        }
    }

    @inline(__always)
    private static func dropCarriageReturn(_ line: ByteSpan) -> ByteSpan {
        line.count > 0 && line[line.count - 1] == UInt8(ascii: "\r") ? line.slice(0, line.count - 1) : line
    }
}
