/// Reads the JSON report of coverage.py (`coverage json`, `pytest --cov-report=json`): formats 1 (coverage.py 5.x,
/// no `meta.format`), 2 and 3 (7.5 and later, with `functions` and `classes` regions per file).
///
/// Each `files` member gives one ``FileCoverage``, its path the member's key as written:
/// - **lines** are statements: `summary.covered_lines` of `summary.num_statements`, the Stmts and Stmts − Miss of
///   `coverage report`, whose TOTAL is their sum (as is the file's `totals`). The line map comes from
///   `executed_lines` (covered) and `missing_lines`, and is kept only when it counts the same as the summary:
///   coverage.py before the fix of its issue #2105 (late 2025) may list executed lines that are not statements (a
///   module docstring), and then the summary, which is what `coverage report` prints, is kept without a map.
/// - **branches** (when measured, `meta.branch_coverage`): `summary.covered_branches` of `summary.num_branches`,
///   `coverage report`'s Branch column and Branch − BrPart misses. The per-line map counts the `executed_branches`
///   and `missing_branches` arcs by their source line, kept under the same rule as the line map.
/// - **functions** (format 3): the named `functions` regions with at least one statement; a function is covered
///   when any of its statements ran (its `summary.covered_lines` is above 0). These are the FNF/FNH that
///   `coverage lcov` writes for the same data. The unnamed region `""` (code outside any function) is not one.
/// A file without branches or functions has no data of that kind (nil, not 0 of 0).
///
/// `coverage report`'s own TOTAL percentage with branch coverage on mixes both kinds:
/// (Σ lines.covered + Σ branches.covered) / (Σ lines.total + Σ branches.total) over these files.
///
/// Without a `summary` (never written by coverage.py), the counts come from the line and arc lists. `totals`,
/// `classes`, `excluded_lines` and `contexts` are skipped.
public enum CoveragePyJSONReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "coverage.py JSON"

    /// True for a JSON object whose first member is coverage.py's `meta`, naming `branch_coverage` or
    /// `show_contexts` (which every version writes).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, json.bytes == "meta",
                try json.next() == .beginObject
            else { return false }
            while try json.next() == .key {
                if json.bytes == "branch_coverage" || json.bytes == "show_contexts" { return true }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a coverage.py JSON report")
        var files: [FileCoverage]?
        try json.forEachMember { key throws(InputError) in
            if key == "meta" {
                try readMeta(json)
            } else if key == "files" {
                var read: [FileCoverage] = []
                try json.forEachMember { path throws(InputError) in
                    let name = path.description
                    let file = try CoverageJSONReading.entry(name, line: json.line, column: json.column) {
                        () throws(InputError) in try CoveragePyFile.read(json, path: name)
                    }
                    read.append(file)
                }
                files = read
            }
        }
        try json.expectEnd()
        guard let files else { throw InputError("not a coverage.py JSON report: no files") }
        return .coverage(CoverageReport(files: files))
    }

    /// Checks `meta.format`: 2 and 3 are read (1 has none); a later format may mean something else.
    private static func readMeta(_ json: JSONTokenizer) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            guard key == "format" else { return }
            let format = try CoverageJSONReading.count(json, "meta.format")
            guard format <= 3 else {
                throw InputError(
                    "coverage.py JSON format \(format) is not supported (protocol reads formats 1 to 3)",
                    line: json.line, column: json.column)
            }
        }
    }
}

/// One `files` entry of a coverage.py JSON report, gathered while it is read.
struct CoveragePyFile {
    /// The counts of a `summary` that protocol uses, and where the summary starts.
    struct Summary {
        var statements: Int?
        var coveredLines: Int?
        var branches: Int?
        var coveredBranches: Int?
        var line: Int
        var column: Int

        /// `covered_lines` of `num_statements`, checked.
        func lines(_ field: @autoclosure () -> String) throws(InputError) -> CoverageCount {
            guard let statements, let coveredLines else {
                let missing = statements == nil ? "num_statements" : "covered_lines"
                throw InputError("\(field()) has no \(missing)", line: line, column: column)
            }
            return try CoverageJSONReading.count(
                covered: coveredLines, total: statements, "\(field()).covered_lines", line: line, column: column)
                ?? .zero
        }

        /// `covered_branches` of `num_branches`, checked (nil when there are none); `detail` when the summary has no
        /// branch counts (branch coverage was off).
        func branches(_ field: String, detail: CoverageCount?) throws(InputError) -> CoverageCount? {
            guard let branches else { return detail }
            guard let coveredBranches else {
                throw InputError("\(field) has no covered_branches", line: line, column: column)
            }
            return try CoverageJSONReading.count(
                covered: coveredBranches, total: branches, "\(field).covered_branches", line: line, column: column)
        }
    }

    var lineMap = LineCoverageMap()
    var branches = CoverageJSONReading.BranchTally()
    var summary: Summary?
    var functions: CoverageCount?

    static func read(_ json: JSONTokenizer, path: String) throws(InputError) -> FileCoverage {
        var file = CoveragePyFile()
        try json.forEachMember { key throws(InputError) in
            if key == "executed_lines" || key == "missing_lines" {
                let hit = key == "executed_lines"
                let field = hit ? "executed_lines" : "missing_lines"
                try json.forEachCoverageNumber(field) { value throws(InputError) in
                    file.lineMap.record(line: try CoverageJSONReading.lineNumber(value, json, field), hit: hit)
                }
            } else if key == "executed_branches" || key == "missing_branches" {
                let taken = key == "executed_branches"
                let field = taken ? "executed_branches" : "missing_branches"
                try json.forEachElement { () throws(InputError) in
                    file.branches.add(line: try readArc(json, field), covered: taken ? 1 : 0, total: 1)
                }
            } else if key == "summary" {
                file.summary = try readSummary(json, "summary")
            } else if key == "functions" {
                file.functions = try readFunctions(json)
            }
        }
        return try file.coverage(path: path)
    }

    /// The file's coverage: the summary's counts, with the maps when they count the same.
    private func coverage(path: String) throws(InputError) -> FileCoverage {
        let detailBranches = branches.count.total > 0 ? branches.count : nil
        guard let summary else {
            return FileCoverage(
                path: path, lineMap: lineMap, branches: detailBranches, functions: functions, branchMap: branches.map)
        }
        let lines = try summary.lines("summary")
        let branchCount = try summary.branches("summary", detail: detailBranches)
        let branchMap = branchCount == detailBranches ? branches.map : nil
        guard lineMap.count == lines else {
            return FileCoverage(
                path: path, lines: lines, branches: branchCount, functions: functions, branchMap: branchMap)
        }
        return FileCoverage(
            path: path, lineMap: lineMap, branches: branchCount, functions: functions, branchMap: branchMap)
    }

    /// Reads an arc `[from, to]` and returns its source line (`to` is negative for an exit from the code object).
    private static func readArc(_ json: JSONTokenizer, _ field: String) throws(InputError) -> UInt32 {
        let (line, column) = (json.line, json.column)
        var numbers = 0
        var source: UInt32 = 0
        try json.forEachCoverageNumber(field) { value throws(InputError) in
            numbers += 1
            if numbers == 1 {
                source = try CoverageJSONReading.lineNumber(value, json, field)
            } else if numbers > 2 {
                throw InputError(
                    "\(field): an arc has more than two line numbers", line: json.line, column: json.column)
            }
        }
        guard numbers == 2 else {
            throw InputError("\(field): an arc needs two line numbers, [from, to]", line: line, column: column)
        }
        return source
    }

    private static func readSummary(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError)
        -> Summary
    {
        var summary = Summary(line: json.line, column: json.column)
        try json.forEachMember { key throws(InputError) in
            if key == "num_statements" {
                summary.statements = try CoverageJSONReading.count(json, "\(field()).num_statements")
            } else if key == "covered_lines" {
                summary.coveredLines = try CoverageJSONReading.count(json, "\(field()).covered_lines")
            } else if key == "num_branches" {
                summary.branches = try CoverageJSONReading.count(json, "\(field()).num_branches")
            } else if key == "covered_branches" {
                summary.coveredBranches = try CoverageJSONReading.count(json, "\(field()).covered_branches")
            }
        }
        return summary
    }

    /// Counts the named function regions with statements, and those of them with a statement that ran.
    private static func readFunctions(_ json: JSONTokenizer) throws(InputError) -> CoverageCount? {
        var total = 0
        var covered = 0
        try json.forEachMember { name throws(InputError) in
            guard !name.isEmpty else { return }
            let (line, column) = (json.line, json.column)
            var summary: Summary?
            try json.forEachMember { key throws(InputError) in
                if key == "summary" { summary = try readSummary(json, "functions[\"\(name)\"].summary") }
            }
            guard let summary else {
                throw InputError("functions[\"\(name)\"] has no summary", line: line, column: column)
            }
            let lines = try summary.lines("functions[\"\(name)\"].summary")
            if lines.total > 0 {
                total += 1
                if lines.covered > 0 { covered += 1 }
            }
        }
        return total > 0 ? CoverageCount(covered: covered, total: total) : nil
    }
}
