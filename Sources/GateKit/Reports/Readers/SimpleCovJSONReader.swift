/// Reads the `coverage/coverage.json` of SimpleCov's JSON formatter: the `simplecov_json_formatter` gem (SimpleCov
/// 0.18 to 0.22, `{"meta": {"simplecov_version"}, "coverage": {…}, "groups": {…}}`) and the formatter built into
/// SimpleCov 1.x (schema 1.1, with `total`, per-file totals, `groups` and `errors`).
///
/// What is counted, per `coverage` entry, from its detail, as SimpleCov computes its own totals:
/// - **lines**: entries of `lines` that are counts (relevant lines), covered when above zero; `null` (not relevant)
///   and `"ignored"` (inside `# :nocov:`) are not counted.
/// - **branches**: entries of `branches` whose `coverage` is a count, covered when above zero, each on its
///   `report_line` (the line SimpleCov shows it on) or, in the older formatter, its `start_line`.
/// - **functions**: entries of `methods` whose `coverage` is a count, covered when above zero.
/// The stated totals (`total`, a file's `covered_lines`, `total_lines`, `covered_branches`…) are not read: they are
/// computed from the same detail, and where an edited file makes them disagree the detail is what can be merged with
/// other reports and listed by line.
///
/// `meta.root`, the project folder of the run, becomes the report's source root: SimpleCov 1.x writes paths relative
/// to it; older versions write absolute paths.
public enum SimpleCovJSONReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "SimpleCov JSON formatter"

    /// True for JSON that names `simplecov_version` and has `coverage`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .json && head.contains("\"simplecov_version\"") && head.contains("\"coverage\"")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        let first = try json.next()
        guard first == .beginObject else { throw SimpleCovData.unexpected(first, "an object", json) }
        var files: [FileCoverage] = []
        var paths: Set<String> = []
        var roots: [String] = []
        var hasCoverage = false
        try json.forEachMember { key throws(InputError) in
            if key == "meta" {
                try json.forEachMember { key throws(InputError) in
                    if key == "root", try json.next() == .string { roots = [json.bytes.description] }
                }
            } else if key == "coverage" {
                hasCoverage = true
                try json.forEachMember { path throws(InputError) in
                    let file = try readFile(json, path: path)
                    guard paths.insert(file.path).inserted else {
                        throw InputError("the file \(path) appears twice", line: json.line, column: json.column)
                    }
                    files.append(file)
                }
            }
        }
        try json.expectEnd()
        guard hasCoverage else { throw InputError("not a SimpleCov JSON report: it has no coverage") }
        return .coverage(CoverageReport(files: files, sourceRoots: roots))
    }

    /// Reads one `coverage` entry; errors name the file.
    private static func readFile(_ json: JSONTokenizer, path: ByteSpan) throws(InputError) -> FileCoverage {
        var lines = LineCoverageMap()
        var branches = SimpleCovItems()
        var methods = SimpleCovItems()
        try CoverageJSONReading.entry(path.description, line: json.line, column: json.column) { () throws(InputError) in
            try json.forEachMember { key throws(InputError) in
                if key == "lines" {
                    try SimpleCovData.readLines(json, into: &lines)
                } else if key == "branches" {
                    try readItems(json, "branch", lineKey: "report_line", into: &branches)
                } else if key == "methods" {
                    try readItems(json, "method", lineKey: "start_line", into: &methods)
                }
            }
        }
        let branchCounts = branches.counted()
        return FileCoverage(
            path: path.description, lineMap: lines, branches: branchCounts?.count,
            functions: methods.counted()?.count, branchMap: branchCounts?.byLine)
    }

    /// Reads an array of branches or methods: objects with a `coverage` (a count, or `"ignored"`) and a line, from
    /// `lineKey` when present, else from `start_line`.
    private static func readItems(
        _ json: JSONTokenizer, _ what: String, lineKey: StaticString, into items: inout SimpleCovItems
    ) throws(InputError) {
        var index: UInt64 = 0
        try json.forEachElement { () throws(InputError) in
            let (line, column) = (json.line, json.column)
            var covered: Bool?
            var ignored = false
            var reportLine: Int?
            var startLine: Int?
            try json.forEachMember { key throws(InputError) in
                if key == "coverage" {
                    let token = try json.next()
                    if token == .number {
                        covered = try SimpleCovData.isHit(json)
                    } else if token == .string, json.bytes == "ignored" {
                        ignored = true
                    } else {
                        throw SimpleCovData.unexpected(token, "a count or \"ignored\" as the \(what)'s coverage", json)
                    }
                } else if key == lineKey {
                    reportLine = try readLine(json, key)
                } else if key == "start_line" {
                    startLine = try readLine(json, key)
                }
            }
            index += 1
            guard !ignored else { return }
            guard let covered else {
                throw InputError("a \(what) without its coverage", line: line, column: column)
            }
            guard let at = reportLine ?? startLine else {
                throw InputError("a \(what) without its line", line: line, column: column)
            }
            items.insert(line: UInt32(at), identity: index, covered: covered)
        }
    }

    private static func readLine(_ json: JSONTokenizer, _ key: ByteSpan) throws(InputError) -> Int {
        let line = try json.readInt()
        guard line >= 1, line <= LCOVRecord.maximumLineNumber else {
            throw InputError("\(key) \(line) is not a line number", line: json.line, column: json.column)
        }
        return line
    }
}
