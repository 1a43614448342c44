/// Reads a Coveralls API job (`POST /api/v1/jobs`, the `json_file` that coveralls clients write with a dry run or
/// `--output`: node-coveralls, coveralls-python, php-coveralls, coveralls-lcov, cargo-tarpaulin's Coveralls output).
///
/// Each `source_files[]` entry gives one ``FileCoverage``, its path the entry's `name` as written:
/// - **lines**: the `coverage` array, item `i` for line `i + 1`: every number is a relevant line, covered when
///   above 0; `null` is not relevant. These are the Relevant and Covered lines Coveralls shows. The line map
///   holds them.
/// - **branches**: the flat `branches` array of quadruples `[line, block, branch, hits]`, one branch each,
///   covered when `hits` is above 0, counted per line for the branch map. A file without branches has none
///   (nil, not 0 of 0).
/// - **functions**: the format has none.
///
/// Everything else is skipped unread, `source` (the embedded source code) and `repo_token` (a secret, never kept)
/// included.
public enum CoverallsReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Coveralls JSON"

    /// True for a JSON object with a `source_files` array whose first entry has a `name`, `coverage` or
    /// `source_digest`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                guard json.bytes == "source_files" else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginArray, try json.next() == .beginObject else { return false }
                while try json.next() == .key {
                    let key = json.bytes
                    if key == "name" || key == "coverage" || key == "source_digest" { return true }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a Coveralls job")
        var files: [FileCoverage]?
        try json.forEachMember { key throws(InputError) in
            guard key == "source_files" else { return }
            var read: [FileCoverage] = []
            try json.forEachElement { () throws(InputError) in
                read.append(try readSourceFile(json, index: read.count))
            }
            files = read
        }
        try json.expectEnd()
        guard let files else { throw InputError("not a Coveralls job: no source_files") }
        return .coverage(CoverageReport(files: files))
    }

    /// Reads one `source_files[]` entry; errors name it by its `name` once known, else by its index.
    private static func readSourceFile(_ json: JSONTokenizer, index: Int) throws(InputError) -> FileCoverage {
        let (line, column) = (json.line, json.column)
        var name: String?
        var lineMap: LineCoverageMap?
        var branches = CoverageJSONReading.BranchTally()
        do throws(InputError) {
            try json.forEachMember { key throws(InputError) in
                if key == "name" {
                    name = try json.readString()
                } else if key == "coverage" {
                    lineMap = try readCoverage(json)
                } else if key == "branches" {
                    branches = try readBranches(json)
                }
            }
        } catch {
            let entry = name.map { "the entry for \($0)" } ?? "source_files[\(index)]"
            throw InputError("\(entry): \(error.message)", line: error.line, column: error.column)
        }
        guard let name else { throw InputError("source_files[\(index)] has no name", line: line, column: column) }
        guard let lineMap else { throw InputError("the entry for \(name) has no coverage", line: line, column: column) }
        let branchCount = branches.count.total > 0 ? branches.count : nil
        return FileCoverage(path: name, lineMap: lineMap, branches: branchCount, branchMap: branches.map)
    }

    /// Reads `[null, 1, 0, …]`: item `i` is line `i + 1`.
    private static func readCoverage(_ json: JSONTokenizer) throws(InputError) -> LineCoverageMap {
        var map = LineCoverageMap()
        var index = 0
        try json.forEachCoverageNumberOrNull("coverage") { hits throws(InputError) in
            index += 1
            guard let hits else { return }
            let line = try CoverageJSONReading.lineNumber(index, json, "coverage[\(index - 1)]")
            map.record(line: line, hit: try CoverageJSONReading.count(hits, json, "coverage[\(index - 1)]") > 0)
        }
        return map
    }

    /// Reads the flat `[line, block, branch, hits, …]` quadruples.
    private static func readBranches(_ json: JSONTokenizer) throws(InputError) -> CoverageJSONReading.BranchTally {
        var tally = CoverageJSONReading.BranchTally()
        var position = 0
        var line: UInt32 = 0
        try json.forEachCoverageNumber("branches") { value throws(InputError) in
            switch position % 4 {
            case 0: line = try CoverageJSONReading.lineNumber(value, json, "branches[\(position)] (a line)")
            case 3:
                let hits = try CoverageJSONReading.count(value, json, "branches[\(position)] (hits)")
                tally.add(line: line, covered: hits > 0 ? 1 : 0, total: 1)
            default: _ = try CoverageJSONReading.count(value, json, "branches[\(position)]")
            }
            position += 1
        }
        guard position % 4 == 0 else {
            throw InputError(
                "branches has \(position) numbers, not quadruples [line, block, branch, hits]", line: json.line,
                column: json.column)
        }
        return tally
    }
}
