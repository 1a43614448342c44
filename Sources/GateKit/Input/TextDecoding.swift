/// Opens report files as UTF-8 byte streams, whatever Unicode encoding they were written in.
///
/// A UTF-8 byte-order mark is skipped. UTF-16 (little or big endian, with a byte-order mark, or without one
/// when the file starts with an ASCII character) is transcoded to UTF-8 on the fly, chunk by chunk, so that
/// every reader sees UTF-8. UTF-32 is refused with a message saying how to convert it.
public enum TextDecoding {
    /// The encoding a file was found to be in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    /// Opens `path` and returns a buffer of UTF-8 bytes, with the encoding the file was in.
    public static func open(path: String) throws(InputError) -> (InputBuffer, Encoding) {
        try open(source: FileByteSource(path: path))
    }

    /// Wraps `raw` (for instance a ``MemoryByteSource``) the same way ``open(path:)`` wraps a file.
    public static func open(source raw: ByteSource) throws(InputError) -> (InputBuffer, Encoding) {
        var head: [UInt8] = []
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 4, alignment: 1)
        defer { scratch.deallocate() }
        while head.count < 4 {
            let count = try raw.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<(4 - head.count)]))
            if count == 0 { break }
            head += scratch[0..<count]
        }
        let encoding: Encoding
        var skip = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8WithBOM
            skip = 3
        } else if head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw InputError("the file is UTF-32; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)")
        } else if head.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LittleEndian
            skip = 2
        } else if head.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BigEndian
            skip = 2
        } else if head.count >= 4, head[0] != 0, head[0] < 0x80, head[1] == 0, head[2] != 0, head[3] == 0 {
            encoding = .utf16LittleEndian
        } else if head.count >= 4, head[0] == 0, head[1] != 0, head[1] < 0x80, head[2] == 0, head[3] != 0 {
            encoding = .utf16BigEndian
        } else {
            encoding = .utf8
        }
        let replay = ReplayingSource(prefix: Array(head[skip...]), rest: raw)
        switch encoding {
        case .utf8, .utf8WithBOM:
            return (InputBuffer(source: replay), encoding)
        case .utf16LittleEndian, .utf16BigEndian:
            let transcoder = UTF16TranscodingSource(source: replay, bigEndian: encoding == .utf16BigEndian)
            return (InputBuffer(source: transcoder), encoding)
        }
    }
}

/// Gives back bytes that were already read from a source, then the rest of that source.
final class ReplayingSource: ByteSource {
    private var prefix: [UInt8]
    private let rest: ByteSource

    init(prefix: [UInt8], rest: ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !prefix.isEmpty else { return try rest.read(into: buffer) }
        let count = min(prefix.count, buffer.count)
        prefix.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        prefix.removeFirst(count)
        return count
    }
}

/// Transcodes a UTF-16 byte stream to UTF-8, chunk by chunk. Unpaired surrogates are an error.
final class UTF16TranscodingSource: ByteSource {
    private let source: ByteSource
    private let bigEndian: Bool
    private let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
    /// Raw bytes read but not yet transcoded (an odd byte, or a high surrogate waiting for its pair).
    private var pending: [UInt8] = []
    private var finished = false
    private var unitsRead = 0

    init(source: ByteSource, bigEndian: Bool) {
        self.source = source
        self.bigEndian = bigEndian
    }

    deinit { raw.deallocate() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        // Each 2-byte unit yields at most 3 bytes of UTF-8 (a 4-byte pair yields 4): read 2/3 of the room.
        let room = buffer.count / 3 * 2
        guard room >= 4 else { return 0 }
        var input = pending
        pending = []
        while !finished, input.count < 4 {
            let want = min(raw.count, room - input.count)
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<want]))
            if count == 0 { finished = true } else { input += raw[0..<count] }
        }
        var written = 0
        var index = 0
        while index + 1 < input.count {
            let unit = unitAt(input, index)
            var scalarValue = UInt32(unit)
            var consumed = 2
            if unit >= 0xD800, unit < 0xDC00 {
                guard index + 3 < input.count else {
                    if finished { throw surrogateError() }
                    break
                }
                let low = unitAt(input, index + 2)
                guard low >= 0xDC00, low < 0xE000 else { throw surrogateError() }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                consumed = 4
            } else if unit >= 0xDC00, unit < 0xE000 {
                throw surrogateError()
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw surrogateError() }
            for byte in UTF8.encode(scalar).unsafelyUnwrapped {
                buffer[written] = byte
                written += 1
            }
            index += consumed
            unitsRead += consumed / 2
        }
        pending = Array(input[index...])
        if finished, !pending.isEmpty, written == 0 {
            throw InputError("the UTF-16 text ends in the middle of a character")
        }
        return written
    }

    private func unitAt(_ bytes: [UInt8], _ index: Int) -> UInt16 {
        bigEndian
            ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
    }

    private func surrogateError() -> InputError {
        InputError("invalid UTF-16 (an unpaired surrogate after \(unitsRead) characters)")
    }
}
