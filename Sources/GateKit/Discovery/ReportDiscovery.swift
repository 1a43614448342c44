import Glibc

/// A report found in the project tree: where it is, what it is, and how it was found.
public struct DiscoveredReport: Equatable, Sendable {
    /// Relative to the project root.
    public let path: String
    public let format: ReportFormat
    public let category: ReportCategory
    /// The tool that writes this file name by default, when the name is a known one.
    public let writtenBy: String?
}

/// Finds the reports already present in a project: every file whose name is a known report name or whose
/// extension reports have is sniffed, and its format recognised from its first bytes, as `check` recognises it.
///
/// Bounded and deterministic: folders of dependencies, build output, version control and test fixtures are
/// skipped, the walk stops after ``Limits/entries`` directory entries, at most ``Limits/sniffedFiles`` files are
/// opened and ``Limits/headBytes`` bytes read from each, and everything is visited in byte order of names.
public struct ReportDiscovery: Sendable {
    /// The bounds of one discovery.
    public struct Limits: Sendable {
        public var entries = 50_000
        public var sniffedFiles = 2_000
        public var headBytes = ContentHead.size
        public var depth = 12

        public init() {}
    }

    /// Folder names never entered (besides every folder whose name begins with `.`).
    public static let skippedFolders: Set<String> = [
        "node_modules", "bower_components", "vendor", "Pods", "Carthage", "DerivedData", "venv", "__pycache__",
        "site-packages", "fixtures", "Fixtures", "__fixtures__", "testdata", "gates",
    ]
    /// The extensions of files sniffed by content even when their name is not a known report name.
    public static let sniffedExtensions: Set<String> = [
        "xml", "json", "jsonl", "ndjson", "info", "lcov", "out", "txt", "log", "csv", "tsv", "sarif", "jtl", "trx",
        "tap",
    ]

    /// The reports found, sorted by path.
    public private(set) var reports: [DiscoveredReport] = []
    /// Directory entries looked at.
    public private(set) var visited = 0
    /// Files opened and sniffed.
    public private(set) var sniffed = 0
    /// True when a limit stopped the walk or the sniffing early.
    public private(set) var truncated = false

    private let root: String
    private let limits: Limits

    private init(root: String, limits: Limits) {
        self.root = root
        self.limits = limits
    }

    /// Discovers the reports under `root`.
    public static func discover(root: String, limits: Limits = Limits()) -> ReportDiscovery {
        var discovery = ReportDiscovery(root: root, limits: limits)
        for known in KnownReportName.insideSkippedFolders {
            for path in (try? FileFinder.find(known.glob, under: root, limit: 100)) ?? [] {
                discovery.consider(path, known: true)
            }
        }
        discovery.walk("", depth: 0)
        discovery.reports.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return discovery
    }

    /// The categories at least one report was found for.
    public var categories: Set<ReportCategory> { Set(reports.map(\.category)) }

    private mutating func walk(_ folder: String, depth: Int) {
        let path = folder.isEmpty ? root : root + "/" + folder
        guard depth <= limits.depth, let names = FileSystem.names(in: path) else { return }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard visited < limits.entries else {
                truncated = true
                return
            }
            visited += 1
            let relative = folder.isEmpty ? name : folder + "/" + name
            switch Self.kind(of: root + "/" + relative) {
            case S_IFDIR:
                if !name.hasPrefix("."), !Self.skippedFolders.contains(name) { walk(relative, depth: depth + 1) }
            case S_IFREG:
                let known = KnownReportName.writer(of: relative) != nil
                let sniffable = Self.sniffedExtensions.contains(Self.extensionOf(name))
                if known || (sniffable && !name.hasPrefix(".")) { consider(relative, known: known) }
            default:
                continue
            }
        }
    }

    /// Sniffs the file and keeps it when its content is a report of a category gates read.
    private mutating func consider(_ path: String, known: Bool) {
        guard sniffed < limits.sniffedFiles else {
            truncated = true
            return
        }
        sniffed += 1
        guard let (format, category) = Self.recognise(root + "/" + path, headBytes: limits.headBytes) else { return }
        reports.append(
            DiscoveredReport(
                path: path, format: format, category: category, writtenBy: KnownReportName.writer(of: path)))
    }

    /// The format and category of the file at `path`, from its first `headBytes` bytes; nil when it is not a
    /// report, cannot be read, or holds only named metrics (which no built-in gate reads).
    static func recognise(_ path: String, headBytes: Int) -> (ReportFormat, ReportCategory)? {
        guard let bytes = try? Self.prefix(of: path, count: headBytes),
            let (input, _) = try? TextDecoding.open(source: MemoryByteSource(bytes)),
            (try? input.ensure(headBytes)) != nil
        else { return nil }
        let head = ContentHead(input.unconsumed.slice(0, min(input.available, ContentHead.size)))
        guard head.kind != .empty, head.kind != .binary,
            let format = ReportFormat.allCases.first(where: { $0.reader.recognizes(head) }),
            format.category != .metrics
        else { return nil }
        let security = [.banditJSON, .gosecJSON].contains(format) || head.contains("security-severity")
        return (format, format.categories.contains(.scan) && security ? .scan : format.category)
    }

    /// The file type of `path` without following a symbolic link to a folder (no loops); a link to a regular
    /// file is a regular file.
    private static func kind(of path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        guard info.st_mode & S_IFMT == S_IFLNK else { return info.st_mode & S_IFMT }
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
        return S_IFREG
    }

    /// The first `count` bytes of the file (fewer when it is shorter).
    private static func prefix(of path: String, count: Int) throws(InputError) -> [UInt8] {
        let source = try FileByteSource(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if read == 0 { break }
            filled += read
        }
        return Array(buffer[..<filled])
    }

    private static func extensionOf(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}
