/// Reads Istanbul's `coverage-summary.json` (the `json-summary` reporter of nyc, jest, c8 and vitest): a `total`
/// member, then one member per source file keyed by path, each with `lines`, `statements`, `functions` and
/// `branches` as `{"total", "covered", "skipped", "pct"}`.
///
/// Each file member gives one ``FileCoverage`` with counts only (the summary has no line detail): **lines** are
/// Istanbul's Lines (statement start lines), **branches** its Branches (branch locations) and **functions** its
/// Functions, `covered` of `total` as the text-summary reporter prints them. A file without branches or functions
/// has no data of that kind (nil, not 0 of 0). `statements` (no metric of its own), `branchesTrue` and `pct`
/// (the string "Unknown" when the total is 0) are skipped.
///
/// The `total` member is skipped: the report's totals are the sums over the files, which is what Istanbul writes
/// there. Should an edited or merged summary's `total` disagree with its files, the files are trusted, since path
/// selectors and per-file gates need them.
public enum IstanbulSummaryReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Istanbul coverage-summary.json"

    /// True for a JSON object whose first member is an object with both `lines` and `statements`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, try json.next() == .beginObject else {
                return false
            }
            var seenLines = false
            var seenStatements = false
            while try json.next() == .key {
                seenLines = seenLines || json.bytes == "lines"
                seenStatements = seenStatements || json.bytes == "statements"
                if seenLines && seenStatements { return true }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "an Istanbul coverage-summary.json")
        var files: [FileCoverage] = []
        try json.forEachMember { key throws(InputError) in
            guard !(key == "total") else { return }
            let path = key.description
            let file = try CoverageJSONReading.entry(path, line: json.line, column: json.column) {
                () throws(InputError) in try readFile(json, path: path)
            }
            files.append(file)
        }
        try json.expectEnd()
        return .coverage(CoverageReport(files: files))
    }

    private static func readFile(_ json: JSONTokenizer, path: String) throws(InputError) -> FileCoverage {
        var lines: CoverageCount?
        var branches: CoverageCount?
        var functions: CoverageCount?
        try json.forEachMember { key throws(InputError) in
            if key == "lines" {
                lines = try readCount(json, "lines") ?? .zero
            } else if key == "branches" {
                branches = try readCount(json, "branches")
            } else if key == "functions" {
                functions = try readCount(json, "functions")
            }
        }
        guard let lines else { throw InputError("the entry has no lines") }
        return FileCoverage(path: path, lines: lines, branches: branches, functions: functions)
    }

    /// Reads `{"total": …, "covered": …}` (`skipped` and `pct` are skipped); nil when the total is 0.
    private static func readCount(_ json: JSONTokenizer, _ name: String) throws(InputError) -> CoverageCount? {
        let (line, column) = (json.line, json.column)
        var total: Int?
        var covered: Int?
        try json.forEachMember { key throws(InputError) in
            if key == "total" {
                total = try CoverageJSONReading.count(json, "\(name).total")
            } else if key == "covered" {
                covered = try CoverageJSONReading.count(json, "\(name).covered")
            }
        }
        guard let total, let covered else {
            throw InputError("\(name) has no \(total == nil ? "total" : "covered")", line: line, column: column)
        }
        return try CoverageJSONReading.count(covered: covered, total: total, name, line: line, column: column)
    }
}
