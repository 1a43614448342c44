import Glibc

/// Reads Go coverage profiles: what `go test -coverprofile=cover.out` writes (`-covermode` set, count or atomic),
/// also with `-coverpkg`, and profiles concatenated or merged by tools such as gocovmerge.
///
/// A profile is a `mode:` line, then one line per basic block: `file.go:startLine.startColumn,endLine.endColumn
/// statements count`. Go's coverage is statement coverage, and so is protocol's `coverage.lines` for Go: a file's
/// `lines` counts **statements**, each block weighing its number of statements, covered when its count is above zero.
/// The totals equal the `total: (statements)` line of `go tool cover -func` and the `coverage: …% of statements` of
/// `go test -cover`. They differ from a line count of the same run: the gorilla/mux profile of the corpus is 87.59%
/// of statements, while gocover-cobertura's conversion of it counts 84.36% of lines. So there is no line map, no
/// branch and no function data.
///
/// Blocks recorded more than once (each test binary of a `-coverpkg` run writes every covered package again;
/// concatenated profiles repeat everything) are one block, as `go tool cover` merges them: covered when any record
/// counts above zero. A block recorded with two different statement counts is an error, as it is for Go. Several
/// `mode:` lines are accepted when they agree.
///
/// Paths are written as Go writes them, usually import paths (`github.com/gorilla/mux/mux.go`): the module path is
/// for the path mapping to strip.
///
/// Memory: a file's blocks are kept only while its consecutive lines are read. When a file's blocks come back later
/// in the profile, a second pass merges exactly those files' blocks.
public enum GoCoverprofileReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Go coverprofile"

    /// True when the first line that is not blank is `mode: set`, `mode: count` or `mode: atomic`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        for line in head.lines(limit: 8) where !line.trimmed().isEmpty {
            return GoCoverprofileWalker.mode(of: line.trimmed()).map(GoCoverprofileWalker.isKnown) ?? false
        }
        return false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var files = try GoCoverprofileFirstPass.run(input)
        let repeated = Set(files.indices.filter { files[$0].needsUnion })
        if !repeated.isEmpty {
            try input.rewind()
            try GoCoverprofileUnionPass.run(input, files: &files, only: repeated)
        }
        return .coverage(CoverageReport(files: files.map { FileCoverage(path: $0.path, lines: $0.statements) }))
    }
}

/// One source file of a profile.
struct GoCoverprofileFile {
    var path: String
    var statements = CoverageCount.zero
    var seen = false
    /// The file's blocks appear in more than one run of lines: the union pass counts them.
    var needsUnion = false
}

/// Reads the blocks of a profile one by one, checking the `mode:` lines and following which file the lines are of.
struct GoCoverprofileWalker {
    /// One block, and the path of its file when it starts a run (a file other than the previous line's).
    struct Step {
        var newFile: String?
        var block: GoCoverprofileBlock
    }

    private var scanner: LineScanner
    private var mode: [UInt8]?
    private var runPath: [UInt8] = []

    init(_ input: InputBuffer) { scanner = LineScanner(input) }

    /// The next block, or nil at the end of the profile.
    @inline(__always)
    mutating func next() throws(InputError) -> Step? {
        while let line = try scanner.nextLine() {
            do throws(InputError) {
                if let step = try parse(line) { return step }
            } catch {
                let hint =
                    scanner.lastLineUnterminated ? " (the last line, without a line end: is the file truncated?)" : ""
                throw InputError(error.message + hint, line: scanner.lineNumber)
            }
        }
        guard mode != nil else { throw InputError("no 'mode:' line: not a Go coverage profile") }
        return nil
    }

    /// The step of a block line; nil for a `mode:` line or a blank one.
    @inline(__always)
    private mutating func parse(_ line: ByteSpan) throws(InputError) -> Step? {
        if let value = Self.mode(of: line) {
            try check(mode: value)
            return nil
        }
        if line.trimmed().isEmpty { return nil }
        guard mode != nil else {
            throw InputError(
                "expected 'mode: set', 'mode: count' or 'mode: atomic' first, found '\(line.prefixForMessage)'")
        }
        let (path, block) = try GoCoverprofileBlock.parse(line)
        guard !runPath.holds(path) else { return Step(block: block) }
        runPath = path.bytes
        return Step(newFile: try path.string("the file path"), block: block)
    }

    private mutating func check(mode value: ByteSpan) throws(InputError) {
        guard Self.isKnown(value) else {
            throw InputError("unknown coverage mode '\(value.prefixForMessage)' (expected set, count or atomic)")
        }
        guard let mode else {
            mode = value.bytes
            return
        }
        guard mode.holds(value) else {
            throw InputError(
                "this profile's mode is '\(String(decoding: mode, as: UTF8.self))' but this line says '\(value)': "
                    + "profiles of different modes cannot be merged")
        }
    }

    /// The mode named by a `mode: …` line, or nil when the line is not one.
    static func mode(of line: ByteSpan) -> ByteSpan? {
        guard line.hasPrefix("mode: ") else { return nil }
        let value = line.dropFirst(6)
        return value.firstIndex(of: UInt8(ascii: " ")) == nil ? value : nil
    }

    static func isKnown(_ mode: ByteSpan) -> Bool { mode == "set" || mode == "count" || mode == "atomic" }
}

extension Array where Element == UInt8 {
    /// True when the array holds the bytes of `span`.
    @inline(__always)
    fileprivate func holds(_ span: ByteSpan) -> Bool {
        count == span.count
            && withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memcmp($0, span.base, count) == 0 } ?? true
            }
    }
}

/// The first pass: every file's statements, exact for the files whose blocks all come in one run of lines.
enum GoCoverprofileFirstPass {
    static func run(_ input: InputBuffer) throws(InputError) -> [GoCoverprofileFile] {
        var files: [GoCoverprofileFile] = []
        var indexByPath: [String: Int] = [:]
        var current: Int?
        var blocks = GoCoverprofileBlocks()
        var walker = GoCoverprofileWalker(input)
        while let step = try walker.next() {
            if let path = step.newFile {
                if let current { try fold(&blocks, into: &files[current]) }
                if let known = indexByPath[path] {
                    current = known
                } else {
                    current = files.count
                    indexByPath[path] = files.count
                    files.append(GoCoverprofileFile(path: path))
                }
            }
            blocks.append(step.block)
        }
        if let current { try fold(&blocks, into: &files[current]) }
        return files
    }

    /// Counts a finished run of blocks; a file seen in an earlier run is left to the union pass.
    private static func fold(_ blocks: inout GoCoverprofileBlocks, into file: inout GoCoverprofileFile)
        throws(InputError)
    {
        defer { blocks.removeAll() }
        guard !file.seen else {
            file.needsUnion = true
            return
        }
        file.seen = true
        file.statements = try blocks.count(of: file.path)
    }
}

/// The second pass, over files whose blocks appear in several runs of lines: merges all their blocks.
enum GoCoverprofileUnionPass {
    static func run(_ input: InputBuffer, files: inout [GoCoverprofileFile], only wanted: Set<Int>)
        throws(InputError)
    {
        var indexByPath: [String: Int] = [:]
        for index in wanted { indexByPath[files[index].path] = index }
        var unions: [Int: GoCoverprofileBlocks] = [:]
        var current: Int?
        var walker = GoCoverprofileWalker(input)
        while let step = try walker.next() {
            if let path = step.newFile { current = indexByPath[path] }
            if let current { unions[current, default: GoCoverprofileBlocks()].append(step.block) }
        }
        for (index, var blocks) in unions { files[index].statements = try blocks.count(of: files[index].path) }
    }
}
