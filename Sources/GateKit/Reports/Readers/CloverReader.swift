/// Reads Clover XML as written by OpenClover (and Atlassian Clover), PHPUnit (`--coverage-clover`,
/// `--coverage-openclover`), istanbul/jest's `clover` reporter and gcovr `--clover`.
///
/// Each `<file>` in the `<project>` is one source file — in `<package>` elements, directly in the project, or (older
/// istanbul) inside the project's `<metrics>` — named by its `path`, else its `name` (PHPUnit's legacy writer puts
/// the path there); a path listed twice is merged. `<testproject>` (test code; gcovr writes a dummy file there) is
/// skipped. What is counted, per file:
/// - **lines**: distinct line numbers of `type="stmt"` lines, covered when `count` is above zero: the `statements`
///   and `coveredstatements` of OpenClover, PHPUnit and gcovr, which write one `stmt` line per line of statements.
///   Istanbul writes a line that has branches as `type="cond"` in place of its `stmt` line, with the line's `count`:
///   such a `cond` line is a line too, as istanbul's `statements` (its line count) counts it. OpenClover's `cond`
///   lines carry no `count` and sit beside the `stmt` line of their statement: they are not lines.
/// - **branches**: `type="cond"` lines. OpenClover counts both outcomes of a condition, 2 branches, covered =
///   (`truecount` > 0) + (`falsecount` > 0): its `conditionals` and `coveredconditionals`. Istanbul's `cond` lines
///   (those with a `count`) hold the line's branches instead: `truecount` covered, `falsecount` not, as its
///   `conditionals` count them. Several `cond` lines with one line number add up.
/// - **functions**: `type="method"` lines, covered when `count` is above zero: OpenClover's `methods` and
///   `coveredmethods`. PHPUnit's own `coveredmethods` counts only methods whose every line ran, so it may be lower.
///
/// Stated totals are used only for a kind a file has no line elements of, and only from the file's own `<metrics>`
/// (`statements`, `conditionals`, `methods` and their covered counts) when they count something: istanbul writes no
/// method lines but states `methods` per file, which are then its functions. Project and package metrics are never
/// used: the report's totals are sums over its files. So a trimmed fixture whose project states 161 statements over
/// files that hold 11 `stmt` lines reads as 11 lines, and a project without files (a stale jest clover.xml) is a
/// valid report with no files. A kind neither listed nor stated (gcovr writes `conditionals="0"`) gives lines 0 of 0,
/// no branch data, no function data.
///
/// Numbers: `num`, `count`, `truecount` and `falsecount` must be whole numbers of 0 or more (whole decimals such as
/// `1.0` accepted; an execution count too large for an integer still means covered), istanbul's branch counts at
/// most a million a line, metrics' counts at most a billion, covered no more than the total. Anything else, a
/// `<file>` without `path` or `name`, or a `<line>` without `num`, `type` or the counts its type needs, is an error
/// naming the file. Other line types are ignored.
public enum CloverReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Clover XML"

    /// True for a `<coverage>` root without Cobertura's `line-rate`, with a `<project>` in the head.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .xml, head.xmlRoot == "coverage", head.contains("<project") else { return false }
        return head.coverageRootTag.map { $0.firstIndex(of: "line-rate") == nil } ?? false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var document = CloverDocument(XMLTokenizer(input))
        return .coverage(try document.read())
    }
}

/// One pass over a Clover document.
private struct CloverDocument {
    private typealias Part = CoberturaFileTable.Part

    /// The largest count a `<metrics>` attribute may state.
    private static let maximumStated = 1_000_000_000

    private let xml: XMLTokenizer
    private var files = CoberturaFileTable()

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) -> CoverageReport {
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.name == "coverage" else {
            throw InputError(
                "not a Clover report: the root element is <\(XMLSyntax.shown(xml.name))>, not <coverage>",
                line: xml.line)
        }
        var hasProject = false
        try xml.forEachCoverageChild { () throws(InputError) in
            guard xml.name == "project" else { return try xml.skipElement() }
            hasProject = true
            try readProject()
        }
        _ = try xml.next()  // The end of the document, after checking that nothing follows the root.
        guard hasProject else { throw InputError("not a Clover report: <coverage> holds no <project> element") }
        return CoverageReport(files: files.files)
    }

    /// Reads every `<file>` of the `<project>` just started, wherever it is inside.
    private mutating func readProject() throws(InputError) {
        let depth = xml.depth
        while true {
            switch try xml.next() {
            case .startElement:
                if xml.name == "file" { try readFile() }
            case .endElement:
                if xml.depth == depth { return }
            case .text, .end:
                continue
            }
        }
    }

    /// Reads one `<file>`.
    private mutating func readFile() throws(InputError) {
        guard let name = xml.attribute("path") ?? xml.attribute("name"), !name.isEmpty else {
            throw InputError("a <file> has no path or name attribute", line: xml.line)
        }
        let path = try CoberturaValues.text(name, "the path of a <file>", line: xml.line)
        var part = Part()
        var conditions: [(line: UInt32, count: CoverageCount)] = []
        try xml.forEachCoverageChild { () throws(InputError) in
            let element = xml.name
            if element == "line" {
                try readLine(into: &part, conditions: &conditions, of: path)
            } else if element == "metrics" {
                part.stated = try statedMetrics(of: path)
            }
            try xml.skipElement()
        }
        // Condition lines of one number add up; recorded in order, the map only appends.
        conditions.sort { $0.line < $1.line }
        var index = 0
        while index < conditions.count {
            let line = conditions[index].line
            var count = conditions[index].count
            index += 1
            while index < conditions.count, conditions[index].line == line {
                count = count + conditions[index].count
                index += 1
            }
            part.branches.record(line: line, count)
        }
        files.add(part, path: path)
    }

    /// Records the `<line>` just started: a statement, a method or a condition (into `conditions`).
    @inline(__always)
    private func readLine(
        into part: inout Part, conditions: inout [(line: UInt32, count: CoverageCount)], of path: String
    )
        throws(InputError)
    {
        guard let numberValue = xml.attribute("num") else { throw problem("a <line> has no num attribute", path) }
        guard let number = CoberturaValues.lineNumber(numberValue) else {
            throw problem("<line num=\"\(XMLSyntax.shown(numberValue))\"> is not a line number", path)
        }
        guard let type = xml.attribute("type") else { throw problem("line \(number) has no type attribute", path) }
        if type == "stmt" {
            part.lines.record(line: number, hit: try executed("count", line: number, of: path))
        } else if type == "cond" {
            let branches: CoverageCount
            if xml.attribute("count") != nil {
                // Istanbul: the line itself, with the numbers of its covered and uncovered branches.
                part.lines.record(line: number, hit: try executed("count", line: number, of: path))
                let covered = try branchCount("truecount", line: number, of: path)
                let missed = try branchCount("falsecount", line: number, of: path)
                branches = CoverageCount(covered: covered, total: covered + missed)
            } else {
                // OpenClover: how often the condition was true and how often false.
                let whenTrue = try executed("truecount", line: number, of: path)
                let whenFalse = try executed("falsecount", line: number, of: path)
                branches = CoverageCount(covered: (whenTrue ? 1 : 0) + (whenFalse ? 1 : 0), total: 2)
            }
            if branches.total > 0 { conditions.append((number, branches)) }
        } else if type == "method" {
            part.addFunction(covered: try executed("count", line: number, of: path))
        }
    }

    /// Whether the execution count `attribute` of the current line is above zero.
    @inline(__always)
    private func executed(_ attribute: StaticString, line number: UInt32, of path: String) throws(InputError) -> Bool {
        guard let value = xml.attribute(attribute) else {
            throw problem("line \(number) has no \(attribute) attribute", path)
        }
        guard let hit = CoberturaValues.isHit(value) else {
            throw problem(
                "line \(number) has \(attribute)=\"\(XMLSyntax.shown(value))\": "
                    + "expected a whole number of executions, 0 or more", path)
        }
        return hit
    }

    /// The number of branches `attribute` of the current (istanbul) line states.
    private func branchCount(_ attribute: StaticString, line number: UInt32, of path: String) throws(InputError)
        -> Int
    {
        guard let value = xml.attribute(attribute) else {
            throw problem("line \(number) has no \(attribute) attribute", path)
        }
        guard let count = CoberturaValues.count(value, limit: CoberturaValues.maximumBranchesPerLine) else {
            throw problem(
                "line \(number) has \(attribute)=\"\(XMLSyntax.shown(value))\": expected a number of branches "
                    + "from 0 to \(CoberturaValues.maximumBranchesPerLine)", path)
        }
        return count
    }

    /// The totals the `<metrics>` just started states.
    private func statedMetrics(of path: String) throws(InputError) -> CoberturaFileTable.Stated {
        func number(_ name: StaticString) throws(InputError) -> Int? {
            guard let value = xml.attribute(name) else { return nil }
            guard let count = CoberturaValues.count(value, limit: Self.maximumStated) else {
                throw problem("<metrics \(name)=\"\(XMLSyntax.shown(value))\"> is not a plausible count", path)
            }
            return count
        }
        func stated(_ total: StaticString, _ covered: StaticString) throws(InputError) -> CoverageCount? {
            guard let all = try number(total) else { return nil }
            let hit = try number(covered) ?? 0
            guard hit <= all else { throw problem("<metrics> states \(hit) \(covered) of \(all) \(total)", path) }
            return CoverageCount(covered: hit, total: all)
        }
        return CoberturaFileTable.Stated(
            lines: try stated("statements", "coveredstatements"),
            branches: try stated("conditionals", "coveredconditionals"),
            functions: try stated("methods", "coveredmethods"))
    }

    /// An error about the file entry for `path`, at the current element.
    private func problem(_ message: String, _ path: String) -> InputError {
        InputError("in the file entry for '\(path)': \(message)", line: xml.line)
    }
}
