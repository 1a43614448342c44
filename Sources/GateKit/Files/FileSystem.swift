import Glibc

/// The few file-system calls protocol needs beyond reading reports, on Glibc directly (no Foundation: it would
/// add a dozen megabytes of memory to every run).
public enum FileSystem {
    /// What a path names.
    public enum Kind: Equatable, Sendable {
        case file
        case directory
        case other
    }

    /// What `path` is (following symbolic links), or nil when nothing is there.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The names in a directory (without `.` and `..`), unsorted; nil when it cannot be read.
    public static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The whole contents of a small file (gate files, not reports), at most `limit` bytes.
    public static func contents(of path: String, limit: Int = 16 * 1024 * 1024) throws(InputError) -> [UInt8] {
        let source = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            guard bytes.count <= limit else { throw InputError("larger than \(limit / 1024 / 1024) MiB") }
        }
    }

    /// Creates `path` and any missing parent folders (like `mkdir -p`); the error says which one failed and why.
    public static func createDirectories(_ path: String) throws(InputError) {
        var folder = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw InputError("cannot create the folder \(folder): \(FileByteSource.describe(errno: errno))")
            }
        }
    }

    /// Writes `text` to `path`, replacing the file (or appending to it with `append`), creating missing folders.
    public static func write(_ text: String, to path: String, append: Bool = false) throws(InputError) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createDirectories(String(path[..<slash]))
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
        guard descriptor >= 0 else {
            throw InputError("cannot write \(path): \(FileByteSource.describe(errno: errno))")
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw InputError("cannot write \(path): \(FileByteSource.describe(errno: errno))")
            }
            offset += written
        }
    }

    /// The current working directory.
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
