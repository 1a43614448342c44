import Glibc

/// The commit a project is at, read from its `.git` files without running git.
///
/// The commit and the branch come from the files alone: `.git` (a folder, or a `gitdir:` file for worktrees and
/// submodules), `HEAD`, loose refs, `packed-refs` and the object format in `config`. Only ``dirty`` asks git: it
/// runs `git status` when a `git` executable is on `PATH` (see ``read(root:)``).
public struct GitState: Equatable, Sendable {
    /// 40 (or 64 for SHA-256 repositories) lowercase hex digits; nil when unknown.
    public var commit: String?
    /// "main" for refs/heads/main; nil when HEAD is detached or unknown.
    public var branch: String?
    /// Why the commit is unknown, in words, when it is: "not a git work tree", "HEAD names refs/heads/x, which has
    /// no commit yet", "cannot read .git/HEAD: permission denied"…
    public var problem: String?
    /// Whether the work tree has changes to tracked files; nil when it could not be determined.
    public var dirty: Bool?

    public init(commit: String? = nil, branch: String? = nil, problem: String? = nil, dirty: Bool? = nil) {
        self.commit = commit
        self.branch = branch
        self.problem = problem
        self.dirty = dirty
    }

    /// The state of the repository holding `root`: the nearest `.git` at `root` or above it.
    ///
    /// The nearest `.git` wins even when it is broken: its problem is reported rather than a repository further up.
    /// Variables such as `GIT_DIR` are not consulted. The commit is read from the files; only the dirty flag runs
    /// `git --no-optional-locks -C root status --porcelain --untracked-files=no` (no shell, at most
    /// ``dirtyCheckTimeLimit`` seconds), and stays nil when git is not on `PATH` or does not answer in time.
    public static func read(root: String) -> GitState {
        read(root: root, git: executable(named: "git", searchPath: getenv("PATH").map { String(cString: $0) }))
    }

    /// ``read(root:)`` with the git executable (nil: none) and the time limit of the dirty check given.
    static func read(root: String, git: String?, timeLimit: Double = dirtyCheckTimeLimit) -> GitState {
        let found: GitRepository?
        do {
            found = try GitRepository.locate(from: root)
        } catch {
            return GitState(problem: error.message)
        }
        guard let repository = found else { return GitState(problem: "not a git work tree") }
        var state = repository.head()
        state.dirty = git.flatMap { isDirty(root: root, git: $0, timeLimit: timeLimit) }
        return state
    }

    /// `{"commit": …, "branch": …, "dirty": …, "problem": …}`, null where unknown.
    public var json: JSONOutput {
        .object([
            ("commit", .optional(commit)), ("branch", .optional(branch)), ("dirty", dirty.map { .bool($0) } ?? .null),
            ("problem", .optional(problem)),
        ])
    }

    /// `text` in lowercase when it is a commit hash: `length` hex digits, or 40 (SHA-1) or 64 (SHA-256) when nil.
    static func commitHash(_ text: some StringProtocol, length: Int? = nil) -> String? {
        let count = text.utf8.count
        guard length.map({ count == $0 }) ?? (count == 40 || count == 64),
            text.utf8.allSatisfy({ $0.isASCIIDigit || (0x61...0x66).contains($0 | 0x20) })
        else { return nil }
        return text.lowercased()
    }
}

/// Where a work tree's git files are: the `.git` folder, or the folders a `.git` file leads to.
struct GitRepository {
    /// The folder holding `.git`; paths under it are shown relative to it.
    let workTree: String
    /// The git directory: HEAD and the work tree's own refs.
    private(set) var gitDirectory: String
    /// The directory shared by all worktrees (the git directory itself, unless it has a `commondir` file): the
    /// branches, `packed-refs` and `config`.
    private(set) var commonDirectory: String
    /// Hex digits in a commit hash: 40, or 64 when `config` sets `extensions.objectformat = sha256`.
    private(set) var hashLength = 40

    /// A symbolic ref may name another; git stops following after this many.
    static let maximumSymbolicDepth = 5
    /// The largest HEAD, ref, `.git`, `commondir` file read whole.
    private static let smallFileLimit = 1024 * 1024

    /// What a ref file or HEAD holds.
    private enum Reference {
        case commit(String)
        case symbolic(String)
    }

    /// The repository whose `.git` is nearest at or above `root`; nil when there is none.
    static func locate(from root: String) throws(InputError) -> GitRepository? {
        guard let resolved = realpath(root, nil) else {
            throw InputError("cannot read \(root): \(FileByteSource.describe(errno: errno))")
        }
        var directory = String(cString: resolved)
        free(resolved)
        while true {
            let marker = joined(directory, ".git")
            if let kind = FileSystem.kind(of: marker) {
                return try GitRepository(workTree: directory, marker: marker, kind: kind)
            }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    private init(workTree: String, marker: String, kind: FileSystem.Kind) throws(InputError) {
        self.workTree = workTree
        gitDirectory = marker
        commonDirectory = marker
        switch kind {
        case .directory: break
        case .file: gitDirectory = try linkedDirectory(marker)
        case .other: throw InputError("\(shown(marker)) is neither a folder nor a file")
        }
        commonDirectory = gitDirectory
        if let common = try text(of: joined(gitDirectory, "commondir")) {
            let path = String(common.trimmingWhiteSpace())
            commonDirectory = try existingFolder(path, relativeTo: gitDirectory, namedBy: "commondir")
        }
        if try objectFormatIsSHA256() { hashLength = 64 }
    }

    /// The commit and branch HEAD leads to, or the problem that stops it.
    func head() -> GitState {
        var branch: String?
        do throws(InputError) {
            guard FileSystem.kind(of: joined(commonDirectory, "reftable")) != .directory else {
                throw InputError("the repository keeps its refs in the reftable format, which protocol does not read")
            }
            let path = joined(gitDirectory, "HEAD")
            guard let text = try text(of: path) else { throw InputError("cannot read \(shown(path)): no such file") }
            switch try reference(in: text, of: path) {
            case .commit(let hash):
                return GitState(commit: hash)
            case .symbolic(let ref):
                if ref.hasPrefix("refs/heads/") { branch = String(ref.dropFirst("refs/heads/".count)) }
                return GitState(commit: try commit(of: ref), branch: branch)
            }
        } catch {
            return GitState(branch: branch, problem: error.message)
        }
    }

    /// The commit `ref` (named by HEAD) leads to, through symbolic refs.
    private func commit(of start: String) throws(InputError) -> String {
        var ref = start
        var namer = "HEAD"
        for _ in 0..<Self.maximumSymbolicDepth {
            let loose = try looseReference(ref)
            switch loose == nil ? try packedReference(ref) : loose {
            case .commit(let hash):
                return hash
            case .symbolic(let next):
                namer = ref
                ref = next
            case nil:
                throw InputError("\(namer) names \(ref), which has no commit yet")
            }
        }
        throw InputError("\(start) leads through more than \(Self.maximumSymbolicDepth) symbolic refs")
    }

    /// What the file of `ref` holds, in the git directory or else in the common directory; nil when neither has one.
    private func looseReference(_ ref: String) throws(InputError) -> Reference? {
        for directory in gitDirectory == commonDirectory ? [gitDirectory] : [gitDirectory, commonDirectory] {
            let path = joined(directory, ref)
            if let text = try text(of: path) { return try reference(in: text, of: path) }
        }
        return nil
    }

    /// The commit `packed-refs` gives `ref`: lines `<hash> <ref>`, `#` comments, `^<hash>` peeled tags.
    private func packedReference(_ ref: String) throws(InputError) -> Reference? {
        let path = joined(commonDirectory, "packed-refs")
        guard try regularFile(path) else { return nil }
        let found: (line: Int, hash: String?)?
        do {
            var lines = LineScanner(try Self.lineBuffer(path))
            found = try withByteSpan(ref) { name in
                while let line = try lines.nextLine() {
                    guard !line.isEmpty, line[0] != UInt8(ascii: "#"), line[0] != UInt8(ascii: "^"),
                        let space = line.firstIndex(of: UInt8(ascii: " ")), line.dropFirst(space + 1) == name
                    else { continue }
                    return (lines.lineNumber, line.slice(0, space).string())
                }
                return nil
            }
        } catch {
            throw InputError("cannot read \(shown(path)): \(error)")
        }
        guard let found else { return nil }
        guard let hash = found.hash.flatMap({ commitHash($0) }) else {
            throw InputError("\(shown(path)) line \(found.line) gives \(ref) no valid \(hashDescription)")
        }
        return .commit(hash)
    }

    /// A ref or a commit hash, as HEAD and ref files hold them (`ref: refs/heads/main` or the hash).
    private func reference(in text: String, of path: String) throws(InputError) -> Reference {
        let content = text.trimmingWhiteSpace()
        if content.hasPrefix("ref:") {
            let ref = content.dropFirst(4).trimmingWhiteSpace()
            guard Self.isValidRefName(ref) else {
                throw InputError("\(shown(path)) names '\(ref)', which is not a valid ref name")
            }
            return .symbolic(String(ref))
        }
        guard let hash = commitHash(content) else {
            throw InputError("\(shown(path)) holds neither 'ref: refs/…' nor a \(hashDescription)")
        }
        return .commit(hash)
    }

    private func commitHash(_ text: some StringProtocol) -> String? { GitState.commitHash(text, length: hashLength) }

    private var hashDescription: String { "commit hash of \(hashLength) hex digits" }

    /// Whether `ref` is a name git could have written: under `refs/`, no `..`, no component starting with `.` or
    /// ending with `.lock`, no control characters, spaces or `~^:?*[\`, no `@{` (git's `check-ref-format` rules).
    /// Checking it also keeps every ref file lookup inside the git directories.
    static func isValidRefName(_ ref: some StringProtocol) -> Bool {
        guard ref.hasPrefix("refs/"), !ref.hasSuffix("."), !ref.contains(".."), !ref.contains("@{") else {
            return false
        }
        let components = ref.split(separator: "/", omittingEmptySubsequences: false)
        guard components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.hasSuffix(".lock") }) else {
            return false
        }
        return ref.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F && !"~^:?*[\\".utf8.contains($0) }
    }

    /// The git directory a `.git` file (`gitdir: <path>`) leads to.
    private func linkedDirectory(_ marker: String) throws(InputError) -> String {
        let content = try text(of: marker)?.trimmingWhiteSpace() ?? ""
        guard content.hasPrefix("gitdir: ") else {
            throw InputError("\(shown(marker)) is a file, but does not start with 'gitdir: '")
        }
        return try existingFolder(String(content.dropFirst("gitdir: ".count)), relativeTo: workTree, namedBy: ".git")
    }

    /// `path` (relative to `base` unless absolute) when it is a folder.
    private func existingFolder(_ path: String, relativeTo base: String, namedBy file: String) throws(InputError)
        -> String
    {
        let folder = path.hasPrefix("/") ? path : joined(base, path)
        guard FileSystem.kind(of: folder) == .directory else {
            throw InputError("\(shown(joined(base, file))) names \(path), which is not a folder")
        }
        return folder
    }

    /// Whether the common `config` sets `objectformat = sha256` in its `[extensions]` section.
    private func objectFormatIsSHA256() throws(InputError) -> Bool {
        let path = joined(commonDirectory, "config")
        guard try regularFile(path) else { return false }
        do {
            var lines = LineScanner(try Self.lineBuffer(path))
            var inExtensions = false
            while let line = try lines.nextLine() {
                let text = line.trimmed()
                if !text.isEmpty, text[0] == UInt8(ascii: "[") {
                    inExtensions = text.equalsIgnoringCase("[extensions]")
                } else if inExtensions, let equals = text.firstIndex(of: UInt8(ascii: "=")),
                    text.slice(0, equals).trimmed().equalsIgnoringCase("objectformat")
                {
                    var value = text.dropFirst(equals + 1)
                    if let comment = value.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: ";") }) {
                        value = value.slice(0, comment)
                    }
                    value = value.trimmed()
                    if value.count >= 2, value[0] == UInt8(ascii: "\""), value[value.count - 1] == value[0] {
                        value = value.slice(1, value.count - 1)
                    }
                    return value.equalsIgnoringCase("sha256")
                }
            }
            return false
        } catch {
            throw InputError("cannot read \(shown(path)): \(error)")
        }
    }

    /// A buffer over a file read line by line (`packed-refs`, `config`): lines longer than 64 KiB are refused.
    private static func lineBuffer(_ path: String) throws(InputError) -> InputBuffer {
        InputBuffer(source: try FileByteSource(path: path), capacity: 16 * 1024, maximumCapacity: 64 * 1024)
    }

    /// The text of a small file; nil when there is nothing at `path`.
    private func text(of path: String) throws(InputError) -> String? {
        guard try regularFile(path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: path, limit: Self.smallFileLimit)
        } catch {
            throw InputError("cannot read \(shown(path)): \(error.message)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError("\(shown(path)) is not valid UTF-8")
        }
        return text
    }

    /// Whether `path` is a file: false when nothing is there, an error when something else is.
    private func regularFile(_ path: String) throws(InputError) -> Bool {
        switch FileSystem.kind(of: path) {
        case nil: return false
        case .file: return true
        case .directory, .other: throw InputError("cannot read \(shown(path)): not a file")
        }
    }

    /// `path` relative to the work tree when it lies under it.
    private func shown(_ path: String) -> String {
        let prefix = joined(workTree, "")
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private func joined(_ directory: String, _ name: String) -> String { Self.joined(directory, name) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, carriage returns and line feeds.
    fileprivate func trimmingWhiteSpace() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let start = firstIndex { !isSpace($0) } ?? endIndex
        let end = lastIndex { !isSpace($0) }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}

extension ByteSpan {
    /// The first index of a byte that satisfies `predicate`.
    fileprivate func firstIndex(where predicate: (UInt8) -> Bool) -> Int? {
        (0..<count).first { predicate(base[$0]) }
    }
}
