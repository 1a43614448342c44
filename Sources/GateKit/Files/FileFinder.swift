import Glibc

/// A file search that could not be done, with the reason in words for the user.
public struct FileFinderError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Finds the files a ``Glob`` names.
public enum FileFinder {
    /// The regular files under `root` whose root-relative path matches `glob`, sorted by path (byte order).
    ///
    /// Starts at the glob's literal prefix; does not follow symbolic links to directories (no loops), does not
    /// descend into dot-directories unless the pattern names them, stops at `limit` matches (default 100 000,
    /// throwing past it). A pattern without wildcards names one file: returned if it exists and is a regular file.
    /// An absolute pattern (`/tmp/x.info`) is allowed and returned as an absolute path.
    ///
    /// A symbolic link to a regular file counts as a file. A missing literal prefix gives no matches; an unreadable
    /// one is an error, while unreadable directories below it are skipped. Names that are not valid UTF-8 are skipped.
    public static func find(_ glob: Glob, under root: String, limit: Int = 100_000) throws(FileFinderError) -> [String]
    {
        let base = glob.isAbsolute ? "" : root
        if glob.namesOnePath {
            var info = stat()
            let exists = stat(join(base, glob.literalPrefix), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
            return exists ? [glob.literalPrefix] : []
        }
        let start = Directory(
            path: join(base, glob.literalPrefix), shownPath: glob.literalPrefix,
            states: glob.startStates(afterPrefix: true))
        guard let handle = opendir(start.path) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return [] }
            let name = start.shownPath.isEmpty ? root : start.shownPath
            throw FileFinderError("cannot read the directory '\(name)': \(FileByteSource.describe(errno: code))")
        }
        var search = Search(glob: glob)
        search.scan(handle, start)
        var found: [String] = []
        while let item = search.pending.popLast() {
            switch item {
            case .file(let path):
                guard found.count < limit else {
                    throw FileFinderError(
                        "more than \(limit) files match '\(glob.pattern)'; make the pattern more specific")
                }
                found.append(path)
            case .directory(let directory):
                guard let handle = opendir(directory.path) else { continue }
                search.scan(handle, directory)
            }
        }
        return found
    }

    /// `base/relative`, `relative` alone when the base is empty (absolute patterns), `.` when both are.
    fileprivate static func join(_ base: String, _ relative: String) -> String {
        if base.isEmpty { return relative.isEmpty ? "." : relative }
        if relative.isEmpty { return base }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }
}

/// A directory still to be read, with the pattern states reached at it.
private struct Directory {
    /// The path to open.
    var path: String
    /// The path as returned to the caller (relative to the root, or absolute).
    var shownPath: String
    var states: [Glob.State]
}

/// A depth-first walk that yields matches in byte order of their paths without sorting them all at the end.
///
/// Each directory's matching entries are sorted by name, a directory's name followed by `/` (the byte every path
/// below it continues with), and pushed on the stack in reverse: popping then visits the paths in order.
private struct Search {
    enum Item {
        case file(String)
        case directory(Directory)
    }

    let glob: Glob
    /// Files to return and directories to read, the next one last.
    var pending: [Item] = []

    init(glob: Glob) { self.glob = glob }

    /// Reads the entries of an open directory (closing it) and pushes those that match or may hold matches.
    mutating func scan(_ handle: OpaquePointer, _ directory: Directory) {
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var entries: [(key: [UInt8], item: Item)] = []
        var states: [Glob.State] = []
        while let entry = readdir(handle) {
            var nameField = entry.pointee.d_name
            let type = entry.pointee.d_type
            let match = withUnsafeBytes(of: &nameField) { raw -> (name: String, key: [UInt8], kind: mode_t)? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes.prefix { $0 != 0 })
                guard !GlobPath.isDotOrDotDot(name) else { return nil }
                glob.advance(directory.states, by: name, into: &states)
                guard !states.isEmpty, let text = String(validating: name, as: UTF8.self) else { return nil }
                return (text, Array(name), Search.kind(of: type, named: text, in: descriptor))
            }
            guard let match else { continue }
            let shownPath = FileFinder.join(directory.shownPath, match.name)
            if match.kind == S_IFREG, glob.isAccepting(states) {
                entries.append((match.key, .file(shownPath)))
            } else if match.kind == S_IFDIR, glob.expectsMore(states) {
                let path = FileFinder.join(directory.path, match.name)
                let subdirectory = Directory(path: path, shownPath: shownPath, states: states)
                entries.append((match.key + [UInt8(ascii: "/")], .directory(subdirectory)))
            }
        }
        entries.sort { $1.key.lexicographicallyPrecedes($0.key) }
        pending.append(contentsOf: entries.lazy.map(\.item))
    }

    /// `S_IFREG` for a regular file or a symbolic link to one, `S_IFDIR` for a directory (not a link to one),
    /// another type or 0 otherwise.
    private static func kind(of type: UInt8, named name: String, in descriptor: Int32) -> mode_t {
        switch Int(type) {
        case DT_REG: return S_IFREG
        case DT_DIR: return S_IFDIR
        default:
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return 0 }
            guard info.st_mode & S_IFMT == S_IFLNK else { return info.st_mode & S_IFMT }
            guard fstatat(descriptor, name, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
            return S_IFREG
        }
    }
}
