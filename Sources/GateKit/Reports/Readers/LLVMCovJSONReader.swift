/// Reads the JSON of `llvm-cov export -format=text` ("llvm.coverage.json.export", versions 2.x and 3.x): what
/// `swift test --enable-code-coverage` writes to `.build/debug/codecov/<package>.json` and what
/// `cargo llvm-cov --json` (with or without `--summary-only`) prints.
///
/// Each `data[].files[]` entry gives one ``FileCoverage`` from its `summary`: `lines` (required), `functions`, and
/// `branches` when its count is above 0 (llvm-cov writes 0 when branch coverage was not collected). Segments,
/// branch and MC/DC records, expansions, the data-level `functions` and `totals` are skipped unread: the totals
/// protocol uses are sums over the files, which is how llvm-cov computes `totals` (the TOTAL row of
/// `llvm-cov report`). Should an export's `totals` disagree with the sum of its files (an edited or merged file), the
/// per-file summaries are trusted, since path selectors and per-file gates need them.
public enum LLVMCovJSONReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "llvm-cov export JSON"

    /// True for JSON that names the export type, or whose head has `"data"`, then `"files"`, then `"filename"` and
    /// a `"summary"` or `"segments"` (the type is written last, beyond the head of a large export).
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .json else { return false }
        if head.contains("\"llvm.coverage.json.export\"") { return true }
        let bytes = head.bytes
        guard let data = bytes.firstIndex(of: "\"data\""), let files = bytes.firstIndex(of: "\"files\"", from: data),
            bytes.firstIndex(of: "\"filename\"", from: files) != nil
        else { return false }
        return bytes.firstIndex(of: "\"summary\"", from: files) != nil
            || bytes.firstIndex(of: "\"segments\"", from: files) != nil
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "an llvm-cov export")
        var files: [FileCoverage] = []
        var hasData = false
        try json.forEachMember { key throws(InputError) in
            if key == "data" {
                hasData = true
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        guard key == "files" else { return }
                        try json.forEachElement { () throws(InputError) in files.append(try readFile(json)) }
                    }
                }
            } else if key == "type" {
                let type = try json.readString()
                guard type == "llvm.coverage.json.export" else {
                    throw InputError(
                        "not an llvm-cov export: the type is \"\(type)\", not \"llvm.coverage.json.export\"",
                        line: json.line, column: json.column)
                }
            } else if key == "version" {
                let version = try json.readString()
                guard ["2", "3"].contains(version.prefix { $0 != "." }) else {
                    throw InputError(
                        "llvm-cov export version \(version) is not supported (protocol reads versions 2.x and 3.x)",
                        line: json.line, column: json.column)
                }
            }
        }
        try json.expectEnd()
        guard hasData else { throw InputError("not an llvm-cov export: no data") }
        return .coverage(CoverageReport(files: files))
    }

    /// The counts of one file's `summary` that protocol uses.
    private struct Summary {
        var lines: CoverageCount?
        var functions: CoverageCount?
        var branches: CoverageCount?
    }

    /// Reads one `files[]` entry. A problem in its summary is reported once the whole entry is read, so that the
    /// message can name the file even when `filename` comes after `summary`.
    private static func readFile(_ json: JSONTokenizer) throws(InputError) -> FileCoverage {
        let (line, column) = (json.line, json.column)
        var filename: String?
        var summary: Summary?
        var problem: InputError?
        try json.forEachMember { key throws(InputError) in
            if key == "filename" {
                filename = try json.readString()
            } else if key == "summary" {
                do throws(InputError) {
                    summary = try readSummary(json)
                } catch {
                    problem = problem ?? error
                }
            }
        }
        let entry = filename.map { "the entry for \($0)" } ?? "a files[] entry without a filename"
        if let problem { throw InputError("\(entry): \(problem.message)", line: problem.line, column: problem.column) }
        guard let filename else { throw InputError("a files[] entry has no filename", line: line, column: column) }
        guard let summary else { throw InputError("\(entry) has no summary", line: line, column: column) }
        guard let lines = summary.lines else {
            throw InputError("\(entry): the summary has no lines", line: line, column: column)
        }
        let branches = summary.branches.flatMap { $0.total > 0 ? $0 : nil }
        return FileCoverage(path: filename, lines: lines, branches: branches, functions: summary.functions)
    }

    private static func readSummary(_ json: JSONTokenizer) throws(InputError) -> Summary {
        var summary = Summary()
        try json.forEachMember { key throws(InputError) in
            if key == "lines" {
                summary.lines = try readCount(json, "lines")
            } else if key == "functions" {
                summary.functions = try readCount(json, "functions")
            } else if key == "branches" {
                summary.branches = try readCount(json, "branches")
            }
        }
        return summary
    }

    /// Reads `{"count": …, "covered": …}` (other members, such as `percent`, are skipped).
    private static func readCount(_ json: JSONTokenizer, _ name: String) throws(InputError) -> CoverageCount {
        let (line, column) = (json.line, json.column)
        var count: Int?
        var covered: Int?
        var field: String?
        do throws(InputError) {
            try json.forEachMember { key throws(InputError) in
                guard key == "count" || key == "covered" else { return }
                field = key.description
                let value = try json.readInt()
                guard value >= 0 else {
                    throw InputError(
                        "expected a count of 0 or more, found \(value)", line: json.line, column: json.column)
                }
                if key == "count" { count = value } else { covered = value }
                field = nil
            }
        } catch {
            let path = "summary.\(name)" + (field.map { ".\($0)" } ?? "")
            throw InputError("\(path): \(error.message)", line: error.line, column: error.column)
        }
        guard let count, let covered else {
            let missing = count == nil ? "count" : "covered"
            throw InputError("summary.\(name) has no \(missing)", line: line, column: column)
        }
        guard covered <= count else {
            throw InputError(
                "summary.\(name) has covered \(covered) larger than count \(count)", line: line, column: column)
        }
        return CoverageCount(covered: covered, total: count)
    }
}
