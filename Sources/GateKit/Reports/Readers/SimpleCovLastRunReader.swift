/// Reads SimpleCov's `coverage/.last_run.json`: the overall percentages of the last run and nothing else.
///
/// `{"result": {"line": 90.12, "branch": 80.5}}` (SimpleCov 0.18 and later; percentages floored to two decimals), or
/// `{"result": {"covered_percent": 90.12}}` before. The percentages are taken as stated (``CoverageReport/
/// statedPercentages``): `coverage.lines`, `coverage.branches` (and `coverage.functions` from `method`) measure them
/// when the file is the only coverage report of a gate, without a path selector or `per="file"`. Counts,
/// selections and merging need the per-file `.resultset.json` that SimpleCov writes in the same folder, and a
/// `.last_run.json` can be stale: the corpus has one of 67.28% next to a resultset of the same commit that
/// recomputes to 90.12%.
public enum SimpleCovLastRunReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "SimpleCov .last_run.json"

    /// True for a JSON object whose first member is `result`, an object starting with `line`, `branch`, `method` or
    /// `covered_percent`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, json.bytes == "result",
                try json.next() == .beginObject, try json.next() == .key
            else { return false }
            return figureName(json.bytes) != nil
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        let first = try json.next()
        guard first == .beginObject else { throw SimpleCovData.unexpected(first, "an object", json) }
        var percentages: [String: Double] = [:]
        var hasResult = false
        try json.forEachMember { key throws(InputError) in
            guard key == "result" else { return }
            hasResult = true
            try json.forEachMember { name throws(InputError) in
                guard let item = figureName(name) else { return }
                let percent = try json.readDouble()
                guard (0...100).contains(percent) else {
                    throw InputError(
                        "result.\(name) is \(percent), not a percentage", line: json.line, column: json.column)
                }
                percentages[item] = percent
            }
        }
        try json.expectEnd()
        guard hasResult, !percentages.isEmpty else {
            throw InputError("not a SimpleCov .last_run.json: no result percentages")
        }
        return .coverage(CoverageReport(files: [], statedPercentages: percentages))
    }

    /// The coverage item a member of `result` states; nil for members that are not a coverage percentage.
    private static func figureName(_ key: ByteSpan) -> String? {
        if key == "line" || key == "covered_percent" { return "lines" }
        if key == "branch" { return "branches" }
        if key == "method" { return "functions" }
        return nil
    }
}
