/// Reads LCOV tracefiles (geninfo(1) format, lcov 1.x and 2.x), as written by lcov/geninfo, gcovr, llvm-cov
/// `export -format=lcov`, grcov, coverage.py `lcov`, Istanbul/jest, c8, coverlet, SimpleCov-lcov and others.
///
/// What is counted, per source file (`SF`), the way lcov itself merges what it reads:
/// - **lines**: distinct `DA` line numbers; a line is covered when any of its records has a count above zero.
///   A line repeated within a section or across sections (several `TN` test names, or the same `SF` twice) counts
///   once. A section without `DA` records but with `LF`/`LH` (cargo-llvm-cov `--summary-only`) uses those totals.
/// - **branches**: distinct `BRDA` entries by (line, block, branch); covered when taken more than zero times
///   (`-` means never reached). Sections without `BRDA` but with `BRF`/`BRH` use those totals.
/// - **functions**: distinct function names (`FN`/`FNDA`), or lcov 2.2 `FNL` leaders (a function is covered when
///   any of its `FNA` aliases ran). Sections without function records but with `FNF`/`FNH` use those totals.
/// Stated `LF`/`LH`/`BRF`/`BRH`/`FNF`/`FNH` never override detail records: some producers count repeated records.
///
/// Detail kept for merging with other reports and for `protocol explain`: each file's line map (2 bits a line,
/// unioned across sections) and its branches per line.
///
/// Memory: branch and function identities are kept only for the section being read; a finished section leaves its
/// counts. When a file's branches or functions appear in more than one section, a second pass over the tracefile
/// unions exactly those files, so memory follows the number of source files, not the size of the report.
public enum LCOVReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "LCOV tracefile"

    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        for line in head.lines(limit: 8) {
            let trimmed = line.trimmed()
            if trimmed.isEmpty { continue }
            return trimmed.hasPrefix("TN:") || trimmed.hasPrefix("SF:") || trimmed.hasPrefix("VER:")
        }
        return false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var files = try LCOVFirstPass.run(input)
        let repeated = Set(files.indices.filter { files[$0].needsUnion })
        if !repeated.isEmpty {
            try input.rewind()
            try LCOVUnionPass.run(input, files: &files, only: repeated)
        }
        return .coverage(CoverageReport(files: files.map(\.coverage)))
    }
}

/// A set of identities (function names, branches) with a "covered" flag each, kept as a plain array while a
/// section is read and deduplicated once at its end: records of one item usually arrive once, so this is cheaper
/// than hashing every record.
struct LCOVItemSet {
    /// Identity in the high 63 bits, covered in the lowest bit.
    private(set) var entries: [UInt64] = []

    var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    mutating func insert(_ identity: UInt64, covered: Bool) {
        entries.append(identity << 1 | (covered ? 1 : 0))
    }

    mutating func formUnion(_ other: LCOVItemSet) { entries += other.entries }

    /// Distinct identities, and how many of them are covered by any of their records; nil when empty.
    var count: CoverageCount? {
        guard !entries.isEmpty else { return nil }
        // Records usually arrive in order: sort only when they did not.
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { $0 <= $1 }
        let sorted = inOrder ? entries : entries.sorted()
        var total = 0
        var covered = 0
        var index = 0
        while index < sorted.count {
            let identity = sorted[index] >> 1
            var hit = false
            while index < sorted.count, sorted[index] >> 1 == identity {
                hit = hit || sorted[index] & 1 == 1
                index += 1
            }
            total += 1
            if hit { covered += 1 }
        }
        return CoverageCount(covered: covered, total: total)
    }
}

/// What one `SF` section holds, gathered while it is read.
struct LCOVSection {
    var lines = LineCoverageMap()
    var branches = LCOVItemSet()
    /// Branch records per line (repeated records of one branch count again: the item set has the exact count).
    var branchesPerLine: [UInt32: CoverageCount] = [:]
    var functions = LCOVItemSet()
    /// lcov 2.2 `FNL` leaders by index: start line, whether an alias ran, the first alias's name.
    var functionLeaders: [Int: (startLine: Int, hit: Bool, name: UInt64?)] = [:]
    var stated: [LCOVRecord.StatedTotal: Int] = [:]

    /// Adds a line, function, branch or stated-total record; other records are not the section's to hold.
    @inline(__always)
    mutating func add(_ record: LCOVRecord) {
        switch record {
        case .line(let number, let hit):
            lines.record(line: number, hit: hit)
        case .branch(let line, let key, let taken):
            branches.insert(key, covered: taken)
            let known = branchesPerLine[line] ?? .zero
            branchesPerLine[line] = CoverageCount(covered: known.covered + (taken ? 1 : 0), total: known.total + 1)
        case .function(let name):
            functions.insert(FNV1a.hash(name), covered: false)
        case .functionHit(let name, let hit):
            functions.insert(FNV1a.hash(name), covered: hit)
        case .functionLeader(let index, let startLine):
            let known = functionLeaders[index]
            functionLeaders[index] = (startLine, known?.hit ?? false, known?.name)
        case .functionAlias(let index, let hit, let name):
            let known = functionLeaders[index]
            functionLeaders[index] = (
                known?.startLine ?? 0, (known?.hit ?? false) || hit, known?.name ?? FNV1a.hash(name)
            )
        case .stated(let kind, let value):
            stated[kind] = value
        default:
            break
        }
    }

    /// Function identities and whether each ran: by name, with `FNL` leaders named by their first alias.
    var allFunctions: LCOVItemSet {
        var result = functions
        for (index, leader) in functionLeaders {
            result.insert(leader.name ?? FNV1a.hash(index: index, line: leader.startLine), covered: leader.hit)
        }
        return result
    }

    /// The totals the section states, or nil when it states none or zero found (nothing of that kind to cover).
    func statedCount(found: LCOVRecord.StatedTotal, hit: LCOVRecord.StatedTotal) throws(InputError) -> CoverageCount? {
        guard let total = stated[found], total > 0 else { return nil }
        let covered = stated[hit] ?? 0
        guard covered <= total else {
            throw InputError("the stated totals say \(covered) of \(total) are hit, more than were found")
        }
        return CoverageCount(covered: covered, total: total)
    }
}

/// One source file's coverage across all its sections.
struct LCOVFile {
    var path: String
    /// Every `DA` line of every section, unioned.
    var lines = LineCoverageMap()
    var branchMap = BranchCoverageMap()
    var statedLines: CoverageCount?
    var branches: CoverageCount?
    var functions: CoverageCount?
    /// Branches or functions of this file appear in several sections: the union pass must count them.
    var needsUnion = false

    var coverage: FileCoverage {
        if lines.isEmpty {
            return FileCoverage(path: path, lines: statedLines ?? .zero, branches: branches, functions: functions)
        }
        return FileCoverage(
            path: path, lineMap: lines, branches: branches, functions: functions,
            branchMap: branchMap.isEmpty ? nil : branchMap)
    }

    /// Folds a finished section in. Branch and function counts of a second section cannot be unioned from counts:
    /// the file is marked for the union pass, which counts its records again.
    mutating func fold(_ section: LCOVSection) throws(InputError) {
        let statedBranches = try section.statedCount(found: .branchesFound, hit: .branchesHit)
        let statedFunctions = try section.statedCount(found: .functionsFound, hit: .functionsHit)
        if let statedLines = try section.statedCount(found: .linesFound, hit: .linesHit) {
            self.statedLines = self.statedLines.map { Self.larger($0, statedLines) } ?? statedLines
        }
        lines.merge(section.lines)
        for (line, count) in section.branchesPerLine { branchMap.record(line: line, count) }
        branches = fold(section.branches.count ?? statedBranches, into: branches)
        functions = fold(section.allFunctions.count ?? statedFunctions, into: functions)
    }

    /// The count known after a section adds `count` to `known`; a second count marks the file for the union pass.
    private mutating func fold(_ count: CoverageCount?, into known: CoverageCount?) -> CoverageCount? {
        guard let count else { return known }
        guard let known else { return count }
        needsUnion = true
        return Self.larger(known, count)
    }

    private static func larger(_ lhs: CoverageCount, _ rhs: CoverageCount) -> CoverageCount {
        (lhs.total, lhs.covered) >= (rhs.total, rhs.covered) ? lhs : rhs
    }
}

/// Reads the records of a tracefile one by one, checking the section structure (`SF` … `end_of_record`,
/// nothing outside a section but `TN`) and giving errors their line number.
struct LCOVWalker {
    private var scanner: LineScanner
    /// The file of the open section, decoded from its `SF` record.
    private(set) var sectionPath: String?
    private var sectionStartLine = 0

    init(_ input: InputBuffer) { scanner = LineScanner(input) }

    /// The next record, or nil at the end of the file.
    @inline(__always)
    mutating func next() throws(InputError) -> LCOVRecord? {
        guard let line = try scanner.nextLine() else {
            if let open = sectionPath {
                throw InputError(
                    "the file ends inside the section for '\(open)' started at line \(sectionStartLine) "
                        + "(no end_of_record): is it truncated?")
            }
            return nil
        }
        do throws(InputError) {
            let record = try LCOVRecord.parse(line)
            switch record {
            case .line, .branch, .function, .functionHit, .functionLeader, .functionAlias, .stated:
                guard sectionPath != nil else { throw InputError("record before any SF (source file) record") }
            case .sourceFile(let path):
                if let open = sectionPath {
                    throw InputError("SF record inside the section for '\(open)', which has no end_of_record")
                }
                guard !path.isEmpty else { throw InputError("SF record without a file name") }
                sectionPath = try path.string("the source file name")
                sectionStartLine = scanner.lineNumber
            case .endOfRecord:
                guard sectionPath != nil else { throw InputError("end_of_record without an SF record before it") }
            case .testName, .ignored:
                break
            }
            return record
        } catch {
            // A file cut off in the middle of a record usually fails on its last, unterminated line.
            let hint =
                scanner.lastLineUnterminated ? " (the last line, without a line end: is the file truncated?)" : ""
            throw InputError(error.message + hint, line: error.line ?? scanner.lineNumber)
        }
    }

    /// Marks the open section closed (after its `end_of_record` was handled).
    mutating func closeSection() { sectionPath = nil }

    var lineNumber: Int { scanner.lineNumber }
}

/// The first pass: the counts of every file, exact for files seen in one section.
enum LCOVFirstPass {
    static func run(_ input: InputBuffer) throws(InputError) -> [LCOVFile] {
        var files: [LCOVFile] = []
        var indexByPath: [String: Int] = [:]
        var current = 0
        var section = LCOVSection()
        var walker = LCOVWalker(input)
        while let record = try walker.next() {
            switch record {
            case .sourceFile:
                let path = walker.sectionPath ?? ""
                if let known = indexByPath[path] {
                    current = known
                } else {
                    current = files.count
                    indexByPath[path] = current
                    files.append(LCOVFile(path: path))
                }
                section = LCOVSection()
            case .endOfRecord:
                do throws(InputError) {
                    try files[current].fold(section)
                } catch {
                    throw InputError(error.message, line: walker.lineNumber)
                }
                walker.closeSection()
            default:
                section.add(record)
            }
        }
        return files
    }
}

/// The second pass, over files whose branches or functions appear in several sections: unions them exactly.
enum LCOVUnionPass {
    static func run(_ input: InputBuffer, files: inout [LCOVFile], only wanted: Set<Int>) throws(InputError) {
        var indexByPath: [String: Int] = [:]
        for index in wanted { indexByPath[files[index].path] = index }
        var unions: [Int: LCOVSection] = [:]
        var current: Int?
        var section = LCOVSection()
        var walker = LCOVWalker(input)
        while let record = try walker.next() {
            switch record {
            case .sourceFile:
                current = walker.sectionPath.flatMap { indexByPath[$0] }
                // The union so far is moved out of the dictionary while the section adds to it.
                section = current.flatMap { unions.removeValue(forKey: $0) } ?? LCOVSection()
                section.functionLeaders = [:]
            case .endOfRecord:
                walker.closeSection()
                guard let file = current else { continue }
                section.functions = section.allFunctions
                section.functionLeaders = [:]
                unions[file] = section
            case .line:
                break
            default:
                if current != nil { section.add(record) }
            }
        }
        for (index, union) in unions {
            if let count = union.branches.count { files[index].branches = count }
            if let count = union.functions.count { files[index].functions = count }
        }
    }
}

extension FNV1a {
    /// The identity of an `FNL` function that has no alias name: its index and start line.
    static func hash(index: Int, line: Int) -> UInt64 {
        var hasher = FNV1a()
        for byte in "#\(index)@\(line)".utf8 { hasher.add(byte) }
        return hasher.value
    }
}
