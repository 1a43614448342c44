import Glibc

/// A forward-only source of bytes, read in chunks.
///
/// Every reader in protocol pulls its input through a `ByteSource` wrapped in an ``InputBuffer``:
/// no report is ever loaded whole into a `String` or `Data`.
public protocol ByteSource: AnyObject {
    /// Copies up to `buffer.count` bytes into `buffer` and returns how many were copied; 0 means the end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// Starts again from the first byte (a reader that needs a second pass over a file uses this).
    func rewind() throws(InputError)
}

/// An error of the input layer: the file could not be opened or read, or its bytes are not well-formed.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong, in words for the user (without the file name, which the caller adds).
    public var message: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    /// 1-based column (in bytes) of the problem, when known.
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let line else { return message }
        guard let column else { return "line \(line): \(message)" }
        return "line \(line), column \(column): \(message)"
    }
}

/// Reads a file with `open(2)`/`read(2)`; the descriptor is closed when the source is released.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32

    /// Opens `path` for reading; a directory, a missing file or a permission problem throws.
    public init(path: String) throws(InputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(FileByteSource.describe(errno: errno)) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError("is a directory, not a report file")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw InputError(FileByteSource.describe(errno: errno))
        }
    }

    public func rewind() throws(InputError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw InputError(FileByteSource.describe(errno: errno)) }
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, not a report file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// Bytes held in memory: for gate-file snippets, sniffing and tests.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
        }
        offset += count
        return count
    }

    public func rewind() throws(InputError) { offset = 0 }
}
