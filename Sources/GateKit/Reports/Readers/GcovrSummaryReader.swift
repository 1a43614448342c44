/// Reads gcovr's JSON summary (`gcovr --json-summary`, `--json-summary-pretty`; `gcovr/summary_format_version` 0.x,
/// gcovr 5.0 to 8.8): counts per file, no line detail.
///
/// Each `files[]` entry gives one ``FileCoverage`` named by its `filename`, with the counts of gcovr's text report
/// for that file: **lines** `line_covered` of `line_total`, **branches** `branch_covered` of `branch_total` and
/// **functions** `function_covered` of `function_total` (written since gcovr 5.1). A total of 0 is no data of that
/// kind (nil), as the other readers say. Their sums are `gcovr --print-summary`'s figures.
///
/// The top-level `line_total`, `branch_total`… are gcovr's sums of the files: should they disagree with the files
/// (an edited or hand-merged summary), the files are trusted, since path selectors and per-file gates need them.
/// Percentages are not read (gcovr 5.0 wrote them from 0 to 1, later versions from 0 to 100, null for 0 of 0), nor
/// the `decision_`, `call_` and `condition_` counts, which protocol has no metric for. Nor is `root` made a source
/// root: it is relative to the folder the summary was written to, which a reader does not know, and the file names
/// are relative to gcovr's root, normally the project root gcovr ran in.
public enum GcovrSummaryReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "gcovr JSON summary"

    /// True for JSON naming `gcovr/summary_format_version`, or (gcovr 7 and earlier sorted the keys, which put the
    /// version after `files`) holding `filename`, `line_total` and `line_covered`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .json else { return false }
        return head.contains("\"gcovr/summary_format_version\"")
            || (head.contains("\"filename\"") && head.contains("\"line_total\"") && head.contains("\"line_covered\""))
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a gcovr JSON summary")
        var files: [FileCoverage]?
        try json.forEachMember { key throws(InputError) in
            if key == "gcovr/summary_format_version" {
                let version = try json.readString()
                guard version.prefix(while: { $0 != "." }) == "0" else {
                    throw InputError(
                        "gcovr JSON summary format version \(version) is not supported (protocol reads versions 0.x)",
                        line: json.line, column: json.column)
                }
            } else if key == "files" {
                var read: [FileCoverage] = []
                try json.forEachElement { () throws(InputError) in read.append(try readFile(json, index: read.count)) }
                files = read
            }
        }
        try json.expectEnd()
        guard let files else { throw InputError("not a gcovr JSON summary: no files") }
        return .coverage(CoverageReport(files: files))
    }

    /// Reads one `files[]` entry; errors name it by its `filename` when it has one, else by its index.
    private static func readFile(_ json: JSONTokenizer, index: Int) throws(InputError) -> FileCoverage {
        let (line, column) = (json.line, json.column)
        var filename: String?
        var counts: [String: Int] = [:]
        do {
            try json.forEachMember { key throws(InputError) in
                if key == "filename" {
                    filename = try json.readString()
                } else if case let field = key.description, countFields.contains(field) {
                    counts[field] = try CoverageJSONReading.count(json, field)
                }
            }
        } catch {
            let entry = filename.map { "the entry for \($0)" } ?? "files[\(index)]"
            throw InputError("\(entry): \(error.message)", line: error.line, column: error.column)
        }
        guard let filename else { throw InputError("files[\(index)] has no filename", line: line, column: column) }
        func count(_ kind: String) throws(InputError) -> CoverageCount? {
            let (total, covered) = (counts[kind + "_total"], counts[kind + "_covered"])
            if total == nil, covered == nil { return nil }
            guard let total, let covered else {
                let (has, lacks) = total == nil ? ("covered", "total") : ("total", "covered")
                throw InputError(
                    "the entry for \(filename) has \(kind)_\(has) but no \(kind)_\(lacks)", line: line, column: column)
            }
            guard covered <= total else {
                throw InputError(
                    "the entry for \(filename) has \(kind)_covered \(covered) larger than \(kind)_total \(total)",
                    line: line, column: column)
            }
            return CoverageCount(covered: covered, total: total)
        }
        guard let lines = try count("line") else {
            throw InputError("the entry for \(filename) has no line_total", line: line, column: column)
        }
        return FileCoverage(
            path: filename, lines: lines, branches: try count("branch").flatMap(nonzero),
            functions: try count("function").flatMap(nonzero))
    }

    /// The counts protocol reads.
    private static let countFields: Set<String> = [
        "line_total", "line_covered", "branch_total", "branch_covered", "function_total", "function_covered",
    ]

    private static func nonzero(_ count: CoverageCount) -> CoverageCount? { count.total > 0 ? count : nil }
}
