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
        let replay = ReplayingSource(prefix: Array(head[skip...]), skipped: skip, rest: raw)
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
    private let original: [UInt8]
    private let skipped: Int
    private var prefix: [UInt8]
    private let rest: ByteSource

    /// `prefix` are the bytes to give back, which followed `skipped` bytes (a byte-order mark) at the source's start.
    init(prefix: [UInt8], skipped: Int, rest: ByteSource) {
        self.original = prefix
        self.skipped = skipped
        self.prefix = prefix
        self.rest = rest
    }

    func rewind() throws(InputError) {
        try rest.rewind()
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, skipped + original.count), alignment: 1)
        defer { scratch.deallocate() }
        var discarded = 0
        while discarded < skipped + original.count {
            let count = try rest.read(
                into: UnsafeMutableRawBufferPointer(rebasing: scratch[discarded..<(skipped + original.count)]))
            guard count > 0 else { throw InputError("the file changed while it was being read") }
            discarded += count
        }
        prefix = original
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
    /// Transcoded bytes not yet handed out.
    private var output: [UInt8] = []
    private var delivered = 0
    private var finished = false
    private var unitsRead = 0

    init(source: ByteSource, bigEndian: Bool) {
        self.source = source
        self.bigEndian = bigEndian
    }

    deinit { raw.deallocate() }

    func rewind() throws(InputError) {
        try source.rewind()
        pending = []
        output = []
        delivered = 0
        finished = false
        unitsRead = 0
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while delivered == output.count {
            guard !finished else { return 0 }
            try transcodeChunk()
        }
        let count = min(buffer.count, output.count - delivered)
        output.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[delivered..<delivered + count]))
        }
        delivered += count
        return count
    }

    /// Reads one raw chunk and transcodes every complete character in it to `output`.
    private func transcodeChunk() throws(InputError) {
        let count = try source.read(into: raw)
        var input = pending + raw[0..<count]
        if count == 0 {
            finished = true
            guard input.isEmpty else {
                if input.count >= 2, (0xD800..<0xDC00).contains(unitAt(input, 0)) { throw surrogateError() }
                throw InputError("the UTF-16 text ends in the middle of a character")
            }
        }
        output.removeAll(keepingCapacity: true)
        delivered = 0
        var index = 0
        while index + 1 < input.count {
            let unit = unitAt(input, index)
            var scalarValue = UInt32(unit)
            var consumed = 2
            if unit >= 0xD800, unit < 0xDC00 {
                guard index + 3 < input.count else { break }
                let low = unitAt(input, index + 2)
                guard low >= 0xDC00, low < 0xE000 else { throw surrogateError() }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                consumed = 4
            } else if unit >= 0xDC00, unit < 0xE000 {
                throw surrogateError()
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw surrogateError() }
            UTF8.encode(scalar) { output.append($0) }
            index += consumed
            unitsRead += 1
        }
        input.removeFirst(index)
        pending = input
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
