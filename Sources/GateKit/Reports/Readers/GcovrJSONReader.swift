/// Reads gcovr's JSON report (`gcovr --json`, `--json-pretty`; `gcovr/format_version` 0.1 to 0.15, gcovr 4.2 to
/// 8.8): one `files[]` entry per source file with its `lines` records (and their `branches`) and its `functions`.
///
/// What is counted, per file, the way gcovr's `--print-summary` (`lines: 76.6% (36 out of 47)`, `functions: …`,
/// `branches: …`) counts it for the same report read back with `--json-add-tracefile`:
/// - **lines**: distinct `line_number`s with a record that is neither `gcovr/excluded` nor `gcovr/noncode` (gcovr 5
///   and earlier wrote noncode lines), so a line is left out only when all its records are; covered when such a
///   record has a `count` above 0. gcovr 8.4 and later write one record per function for a line shared by several
///   (template instantiations, lambdas) and, without `--merge-lines`, count each; protocol counts source lines, as
///   gcovr up to 8.3 and with `--merge-lines` does (and as its own LCOV and Coveralls outputs do), so that the
///   count is the line map's and unions with other formats by line.
/// - **branches**: per line, distinct branches by gcovr's key (`branchno`, else the position in the line's list, as
///   gcovr 8.3 and earlier, which wrote none, numbered them; then the source and destination block), unioned over
///   the line's records: taken when any record's `count` is above 0, left out when any record excludes it or its
///   line is excluded or noncode. Exception branches (`"throw": true`) count, as in gcovr's summary:
///   `--exclude-throw-branches` already leaves them out of the JSON.
/// - **functions**: distinct functions by name (`demangled_name`, else `name`) and `lineno`, not `gcovr/excluded`;
///   covered when any record's `execution_count` is above 0 (gcovr 8.8 writes none for some excluded functions).
///   Format 0.2 and earlier have no functions: nil, as for a file without branches.
///
/// gcovr writes one entry per file, but concatenated reports hold several: they are merged as gcovr merges them
/// (lines, branches and functions by the keys above). Line maps merge as they are read; branches and functions of a
/// file with several entries are unioned by a second pass over the report that keeps only those files' records,
/// so memory follows the number of source files, not the size of the report. The format states no totals, so
/// there is nothing for the detail to disagree with.
public enum GcovrJSONReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "gcovr JSON"

    /// True for JSON naming `gcovr/format_version`, or (gcovr 7 and earlier sorted the keys, which put the version
    /// after `files`) holding `files`, `line_number` and either a `gcovr/` key or a function's `lineno`, which gcov's
    /// own JSON has not.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .json else { return false }
        if head.contains("\"gcovr/format_version\"") { return true }
        return head.contains("\"files\"") && head.contains("\"line_number\"")
            && (head.contains("\"gcovr/") || head.contains("\"lineno\""))
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var files: [GcovrFile] = []
        var indexByPath: [String: Int] = [:]
        try walk(input) { reader, index throws(InputError) in
            var entry = GcovrEntryCoverage()
            let path = try reader.read(into: &entry, index: index)
            entry.finish()
            if let known = indexByPath[path] {
                files[known].merge(entry)
            } else {
                indexByPath[path] = files.count
                files.append(GcovrFile(path: path, entry))
            }
        }
        let repeated = Set(files.indices.filter { files[$0].needsUnion })
        if !repeated.isEmpty {
            try input.rewind()
            try unionPass(input, files: &files, only: repeated, indexByPath: indexByPath)
        }
        return .coverage(CoverageReport(files: files.map(\.coverage)))
    }

    /// Checks the top level (an object, a 0.x `gcovr/format_version`, a `files` array) and calls `entry` for each
    /// element of `files`, with its index.
    private static func walk(
        _ input: InputBuffer, _ entry: (inout GcovrEntryReader, Int) throws(InputError) -> Void
    ) throws(InputError) {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a gcovr JSON report")
        var reader = GcovrEntryReader(json)
        var hasVersion = false
        var hasFiles = false
        try json.forEachMember { key throws(InputError) in
            if key == "gcovr/format_version" {
                let version = try json.readString()
                guard version.prefix(while: { $0 != "." }) == "0" else {
                    throw InputError(
                        "gcovr JSON format version \(version) is not supported (protocol reads versions 0.x)",
                        line: json.line, column: json.column)
                }
                hasVersion = true
            } else if key == "files" {
                hasFiles = true
                var index = 0
                try json.forEachElement { () throws(InputError) in
                    try entry(&reader, index)
                    index += 1
                }
            }
        }
        try json.expectEnd()
        guard hasVersion else { throw InputError("not a gcovr JSON report: no gcovr/format_version") }
        guard hasFiles else { throw InputError("not a gcovr JSON report: no files") }
    }

    /// The second pass: unions the branches and functions of the files in `wanted` over all their entries.
    private static func unionPass(
        _ input: InputBuffer, files: inout [GcovrFile], only wanted: Set<Int>, indexByPath: [String: Int]
    ) throws(InputError) {
        var unions: [Int: GcovrFileUnion] = [:]
        try walk(input) { reader, index throws(InputError) in
            var entry = GcovrFileUnion()
            let path = try reader.read(into: &entry, index: index)
            guard let file = indexByPath[path], wanted.contains(file) else { return }
            unions[file, default: GcovrFileUnion()].formUnion(entry)
        }
        for (file, union) in unions {
            files[file].branches = union.branchMap
            files[file].functions = union.functions.count
        }
    }
}

/// One source file's coverage over all its entries.
private struct GcovrFile {
    let path: String
    var lines: LineCoverageMap
    var branches: BranchCoverageMap
    var functions: CoverageCount?
    /// Branches or functions of this file need the second pass.
    var needsUnion: Bool

    init(path: String, _ entry: GcovrEntryCoverage) {
        self.path = path
        lines = entry.lines
        branches = entry.branches
        functions = entry.functions.count
        needsUnion = entry.needsUnion
    }

    /// Adds another entry of the same file. Lines merge exactly; branches and functions are left to the second pass.
    mutating func merge(_ entry: GcovrEntryCoverage) {
        lines.merge(entry.lines)
        needsUnion = true
    }

    var coverage: FileCoverage {
        FileCoverage(
            path: path, lineMap: lines, functions: functions, branchMap: branches.isEmpty ? nil : branches)
    }
}
