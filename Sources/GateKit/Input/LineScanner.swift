import Glibc

/// Splits an ``InputBuffer`` into lines without copying them.
///
/// Lines end at `\n`; a `\r` before it is dropped, so CRLF files read like LF files. The last line needs no
/// terminator. Each line is handed out as a ``ByteSpan`` that is valid until the next call.
public struct LineScanner {
    private let input: InputBuffer
    /// The 1-based number of the line last returned (0 before the first).
    public private(set) var lineNumber = 0

    public init(_ input: InputBuffer) { self.input = input }

    /// The next line, or nil at the end of the input.
    public mutating func nextLine() throws(InputError) -> ByteSpan? {
        var searched = 0
        while true {
            let available = input.available
            if available > searched {
                let from = input.base + input.start
                if let found = memchr(from + searched, Int32(UInt8(ascii: "\n")), available - searched) {
                    let newline = found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: from)
                    input.start += newline + 1
                    lineNumber += 1
                    return Self.dropCarriageReturn(ByteSpan(base: from, count: newline))
                }
                searched = available
            }
            if input.available >= input.maximumCapacity {
                throw InputError("line \(lineNumber + 1) is longer than \(input.limitDescription)")
            }
            if !(try input.refill()) {
                guard input.available > 0 else { return nil }
                let line = input.unconsumed
                input.start = input.end
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
