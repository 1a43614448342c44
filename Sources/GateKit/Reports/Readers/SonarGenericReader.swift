/// Reads SonarQube's generic test coverage format (`sonar.coverageReportPaths`), as written by gcovr `--sonarqube`,
/// ReportGenerator `-reporttypes:SonarQube`, dotnet-sonarscanner converters and hand-made exporters:
/// `<coverage version="1"><file path="…"><lineToCover lineNumber="6" covered="true" branchesToCover="2"
/// coveredBranches="1"/></file></coverage>`.
///
/// What is counted, per `<file>`, as SonarQube counts it (the format states no totals):
/// - **lines**: the `<lineToCover>` elements, covered when `covered="true"`;
/// - **branches**: the sum of `branchesToCover`, and of `coveredBranches` for the covered ones, kept per line;
///   a file without any `branchesToCover` has no branch data;
/// - **functions**: the format has none.
///
/// The rules are SonarQube's: the root is `<coverage version="1">`, it holds only `<file>` elements with a `path`,
/// which hold only `<lineToCover>` elements with `lineNumber` (1 or more) and `covered` (`true` or `false`, in any
/// letter case); `coveredBranches` (0 when absent) may not exceed `branchesToCover`. A line listed twice, or a file
/// listed twice, is merged: a line is covered when any record covers it, and keeps the larger branch counts.
public enum SonarGenericReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Sonar generic coverage XML"

    /// True for a `<coverage>` root with `<lineToCover>` elements, or an empty report (`<coverage version="1"/>`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .xml, head.xmlRoot == "coverage" else { return false }
        return head.contains("<lineToCover") || head.contains("<coverage version=\"1\"/>")
            || head.contains("<coverage version=\"1\">") || head.contains("<coverage version='1'/>")
            || head.contains("<coverage version='1'>")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.localName == "coverage" else {
            throw InputError(
                "not a Sonar generic coverage report: the root element is <\(XMLSyntax.shown(xml.localName))>",
                line: xml.line)
        }
        guard let version = xml.attribute("version") else {
            throw InputError("<coverage> has no version (Sonar generic coverage is version=\"1\")", line: xml.line)
        }
        guard version == "1" else {
            throw InputError(
                "Sonar generic coverage version \"\(XMLSyntax.shown(version))\" is not supported (only version 1)",
                line: xml.line)
        }
        var reader = SonarGenericFiles(xml)
        return .coverage(CoverageReport(files: try reader.read()))
    }
}

/// The `<file>` elements of a report, merged by path.
private struct SonarGenericFiles {
    private struct File {
        var path: String
        var lines = LineCoverageMap()
        var branches = BranchCoverageMap()
    }

    private let xml: XMLTokenizer
    private var files: [File] = []
    private var indexByPath: [String: Int] = [:]

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) -> [FileCoverage] {
        while true {
            switch try xml.next() {
            case .startElement:
                guard xml.localName == "file" else { throw unexpected(in: "coverage", expected: "file") }
                try readFile()
            case .endElement, .text:
                continue
            case .end:
                return files.map { file in
                    FileCoverage(
                        path: file.path, lineMap: file.lines, branchMap: file.branches.isEmpty ? nil : file.branches)
                }
            }
        }
    }

    private mutating func readFile() throws(InputError) {
        guard let span = xml.attribute("path"), !span.isEmpty else {
            throw InputError("a <file> without a path", line: xml.line)
        }
        let path = try span.string("the path of a <file>")
        let index: Int
        if let known = indexByPath[path] {
            index = known
        } else {
            index = files.count
            indexByPath[path] = index
            files.append(File(path: path))
        }
        while true {
            switch try xml.next() {
            case .startElement:
                guard xml.localName == "lineToCover" else { throw unexpected(in: "file", expected: "lineToCover") }
                let (line, covered, branches) = try readLine()
                files[index].lines.record(line: line, hit: covered)
                if let branches { files[index].branches.record(line: line, branches) }
                try xml.skipElement()
            case .text:
                continue
            case .endElement, .end:
                return
            }
        }
    }

    /// The current `<lineToCover>`: its line, whether it is covered, and its branches when it has any.
    private func readLine() throws(InputError) -> (UInt32, Bool, CoverageCount?) {
        let line = try number("lineNumber", minimum: 1)
        guard let covered = xml.attribute("covered") else { throw missing("covered") }
        guard covered.equalsIgnoringCase("true") || covered.equalsIgnoringCase("false") else {
            throw InputError(
                "covered=\"\(XMLSyntax.shown(covered))\" is not true or false (line \(line))", line: xml.line)
        }
        let hit = covered.equalsIgnoringCase("true")
        guard xml.attribute("branchesToCover") != nil else { return (UInt32(line), hit, nil) }
        let total = try number("branchesToCover", minimum: 0)
        let taken = xml.attribute("coveredBranches") == nil ? 0 : try number("coveredBranches", minimum: 0)
        guard taken <= total else {
            throw InputError(
                "coveredBranches=\"\(taken)\" is more than branchesToCover=\"\(total)\" (line \(line))",
                line: xml.line)
        }
        return (UInt32(line), hit, total > 0 ? CoverageCount(covered: taken, total: total) : nil)
    }

    /// The attribute `name` of the current `<lineToCover>`, a whole number from `minimum` to 2³¹ − 1.
    private func number(_ name: StaticString, minimum: Int) throws(InputError) -> Int {
        guard let value = xml.attribute(name) else { throw missing(name) }
        guard let number = value.trimmed().int(), number >= minimum, number <= LCOVRecord.maximumLineNumber else {
            throw InputError(
                "\(name)=\"\(XMLSyntax.shown(value))\" is not a whole number of \(minimum) or more", line: xml.line)
        }
        return number
    }

    private func missing(_ name: StaticString) -> InputError {
        InputError("a <lineToCover> without \(name)", line: xml.line)
    }

    private func unexpected(in parent: String, expected: String) -> InputError {
        InputError(
            "unexpected <\(XMLSyntax.shown(xml.name))> in <\(parent)>: expected <\(expected)>", line: xml.line)
    }
}
