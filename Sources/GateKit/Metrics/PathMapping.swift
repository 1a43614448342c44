/// Turns the source paths written inside reports into paths relative to the project root, and filters them.
///
/// In order: backslashes become `/` (reports written on Windows); the first matching `strip` prefix is removed;
/// the first matching `map` prefix is replaced; an absolute path under the project root becomes relative to it; a
/// leading `./` is dropped. The result is what `path` selectors and `include`/`exclude` globs are matched against
/// (``PathResolver`` goes further, with the file system: source roots and CI checkouts elsewhere).
public struct PathMapping: Sendable {
    public let root: String
    public let strip: [String]
    public let map: [(from: String, to: String)]
    public let include: [Glob]
    public let exclude: [Glob]
    /// `root` and a slash: what an absolute path under the root starts with.
    private let rootPrefix: String

    public init(
        root: String, strip: [String] = [], map: [(from: String, to: String)] = [], include: [Glob] = [],
        exclude: [Glob] = []
    ) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        rootPrefix = self.root + "/"
        self.strip = strip.map { $0.replacingBackslashes }
        self.map = map.map { ($0.from.replacingBackslashes, $0.to) }
        self.include = include
        self.exclude = exclude
    }

    /// The mapping of a declared report source under `root`.
    public init(source: ReportSource, root: String) {
        self.init(root: root, strip: source.strip, map: source.map, include: source.include, exclude: source.exclude)
    }

    /// The same filters without any rewriting: for paths that are already normalised.
    public var filtersOnly: PathMapping { PathMapping(root: root, include: include, exclude: exclude) }

    /// The normalised form of `path`.
    public func normalise(_ path: String) -> String {
        var result = path.replacingBackslashes
        if let prefix = strip.first(where: { result.hasPrefix($0) }) {
            result = String(result.dropFirst(prefix.count))
            while result.hasPrefix("/") { result.removeFirst() }
        }
        if let rewrite = map.first(where: { result.hasPrefix($0.from) }) {
            result = rewrite.to + result.dropFirst(rewrite.from.count)
        }
        if result.hasPrefix(rootPrefix) { result = String(result.dropFirst(rootPrefix.count)) }
        while result.hasPrefix("./") { result = String(result.dropFirst(2)) }
        return result
    }

    /// Whether a normalised path counts: it matches an `include` glob (when there are any) and no `exclude` glob.
    public func admits(_ normalisedPath: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(normalisedPath) })
            && !exclude.contains { $0.matches(normalisedPath) }
    }
}

extension String {
    var replacingBackslashes: String {
        utf8.contains(UInt8(ascii: "\\"))
            ? String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self) : self
    }
}
