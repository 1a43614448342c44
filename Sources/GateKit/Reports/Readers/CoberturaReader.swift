/// Reads Cobertura XML (DTD coverage-04) as written by coverage.py `coverage xml`, gcovr `--cobertura`, coverlet,
/// Microsoft.CodeCoverage (`dotnet test --collect "Code Coverage;Format=cobertura"`), istanbul/jest (`cobertura`
/// reporter), gocover-cobertura, luacov-cobertura, Cobertura itself and other converters.
///
/// What is counted, per source file — the `filename` of the `<class>` elements, wherever they sit under the root
/// (istanbul puts them straight into `<packages>`), all classes of one file merged:
/// - **lines**: distinct line numbers of the classes' own `<lines>`; a line is covered when any of its records has
///   `hits` above zero. A class without class-level lines uses the lines of its methods instead (some converters
///   write lines only there); otherwise method-level lines, which repeat the class's lines, are not counted again.
///   This is the TOTAL of coverage.py's `coverage report` (statements and missing), gcovr's lines summary and
///   ReportGenerator's line coverage.
/// - **branches**: per line, the `(covered/total)` of `condition-coverage` (`50% (1/2)`), on lines whose `branch`
///   is `true` in any letter case (coverlet writes `True`) or absent; a line that several classes list counts once,
///   with its largest figures. This is coverage.py's branch count and gcovr's branches summary. A file without
///   `condition-coverage` has no branch data.
/// - **functions**: `<method>` elements (of every class of the file). A method is covered when its `hits`
///   attribute (istanbul's function call count) is above zero or, without one, when any of its lines ran; a method
///   with neither lines nor `hits` (coverlet's generated members) is not counted. A file without methods has no
///   function data.
///
/// The root's stated totals (`line-rate`, `lines-valid`, `lines-covered`, `branches-valid`…) are never used: they
/// are the sums of the detail for most producers, and where they disagree with it the detail wins.
/// Microsoft.CodeCoverage states 163 of 235 lines where its classes list 158 of 221 distinct lines, so 158 of 221 is
/// read; a Swift converter states `branches-valid="1.0"` without any `condition-coverage`, so it has no branch data.
///
/// Numbers: `number` and `hits` must be whole numbers of 0 or more; whole numbers written as decimals (`1.0`) are
/// accepted, and a count too large for an integer still means covered. Anything else, a `<class>` without
/// `filename` or a `<line>` without `number` or `hits`, and a `condition-coverage` whose covered exceeds its total
/// are errors naming the class's file.
///
/// Paths are the `filename` as written; the `<source>` folders (trimmed, empty ones left out, in order) become the
/// report's ``CoverageReport/sourceRoots``. The DOCTYPE most files carry
/// (`http://cobertura.sourceforge.net/xml/coverage-04.dtd`) is skipped, never fetched.
public enum CoberturaReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Cobertura XML"

    /// True for a `<coverage>` root with `line-rate` (the attribute the DTD requires), or followed by `<sources>` or
    /// `<packages>`: Clover and Sonar's generic coverage also have a `<coverage>` root, with neither.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .xml, head.xmlRoot == "coverage" else { return false }
        if let root = head.coverageRootTag, root.firstIndex(of: "line-rate") != nil { return true }
        return head.contains("<packages") || head.contains("<sources")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var document = CoberturaDocument(XMLTokenizer(input))
        return .coverage(try document.read())
    }
}

/// One pass over a Cobertura document.
private struct CoberturaDocument {
    private typealias Part = CoberturaFileTable.Part

    private let xml: XMLTokenizer
    private var files = CoberturaFileTable()
    private var sourceRoots: [String] = []

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) -> CoverageReport {
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.name == "coverage" else {
            throw InputError(
                "not a Cobertura report: the root element is <\(XMLSyntax.shown(xml.name))>, not <coverage>",
                line: xml.line)
        }
        var hasPackages = false
        while true {
            switch try xml.next() {
            case .startElement:
                // Other elements (<package>, <classes>) are entered: a <class> counts wherever it is.
                let name = xml.name
                if name == "class" {
                    try readClass()
                } else if name == "sources" {
                    try readSources()
                } else if name == "packages" {
                    hasPackages = true
                }
            case .endElement, .text:
                continue
            case .end:
                guard hasPackages else { throw InputError("not a Cobertura report: there is no <packages> element") }
                return CoverageReport(files: files.files, sourceRoots: sourceRoots)
            }
        }
    }

    /// Reads the `<source>` folders of `<sources>`.
    private mutating func readSources() throws(InputError) {
        try xml.forEachCoverageChild { () throws(InputError) in
            guard xml.name == "source" else { return try xml.skipElement() }
            let line = xml.line
            var folder: [UInt8] = []
            reading: while true {
                switch try xml.next() {
                case .text:
                    folder.append(contentsOf: UnsafeBufferPointer(start: xml.text.base, count: xml.text.count))
                case .startElement:
                    try xml.skipElement()
                case .endElement, .end:
                    break reading
                }
            }
            var start = 0
            var end = folder.count
            while start < end, folder[start].isASCIIWhitespace { start += 1 }
            while end > start, folder[end - 1].isASCIIWhitespace { end -= 1 }
            guard start < end else { return }
            guard let root = String(validating: folder[start..<end], as: UTF8.self) else {
                throw InputError("a <source> folder is not valid UTF-8", line: line)
            }
            sourceRoots.append(root)
        }
    }

    /// Reads one `<class>` into the file it belongs to.
    private mutating func readClass() throws(InputError) {
        guard let filename = xml.attribute("filename"), !filename.isEmpty else {
            throw InputError("a <class> has no filename attribute", line: xml.line)
        }
        let path = try CoberturaValues.text(filename, "the filename of a <class>", line: xml.line)
        var part = Part()
        var methodLines = Part()
        try xml.forEachCoverageChild { () throws(InputError) in
            let name = xml.name
            if name == "lines" {
                _ = try readLines(into: &part, of: path)
            } else if name == "methods" {
                try xml.forEachCoverageChild { () throws(InputError) in
                    guard xml.name == "method" else { return try xml.skipElement() }
                    try readMethod(lines: &methodLines, functions: &part, of: path)
                }
            } else {
                try xml.skipElement()
            }
        }
        if part.lines.isEmpty {
            part.lines = methodLines.lines
            part.branches = methodLines.branches
        }
        files.add(part, path: path)
    }

    /// Reads one `<method>`: its lines into `lines`, the method itself into the functions of `part`.
    private func readMethod(lines: inout Part, functions part: inout Part, of path: String) throws(InputError) {
        var called: Bool?
        if let hits = xml.attribute("hits") {
            guard let hit = CoberturaValues.isHit(hits) else {
                throw problem("a <method> has hits=\"\(XMLSyntax.shown(hits))\": \(Self.expectedCount)", path)
            }
            called = hit
        }
        var seen = (count: 0, ran: false)
        try xml.forEachCoverageChild { () throws(InputError) in
            guard xml.name == "lines" else { return try xml.skipElement() }
            let more = try readLines(into: &lines, of: path)
            seen = (seen.count + more.count, seen.ran || more.ran)
        }
        if called != nil || seen.count > 0 { part.addFunction(covered: called ?? seen.ran) }
    }

    /// Reads the `<line>` elements of a `<lines>` into `part`; returns how many there were and whether any ran.
    private func readLines(into part: inout Part, of path: String) throws(InputError) -> (count: Int, ran: Bool) {
        var count = 0
        var ran = false
        try xml.forEachCoverageChild { () throws(InputError) in
            if xml.name == "line" {
                if try readLine(into: &part, of: path) { ran = true }
                count += 1
            }
            try xml.skipElement()  // A <line> may hold <conditions>.
        }
        return (count, ran)
    }

    /// Records the `<line>` just started; returns whether it ran.
    @inline(__always)
    private func readLine(into part: inout Part, of path: String) throws(InputError) -> Bool {
        guard let numberValue = xml.attribute("number") else { throw problem("a <line> has no number attribute", path) }
        guard let number = CoberturaValues.lineNumber(numberValue) else {
            throw problem("<line number=\"\(XMLSyntax.shown(numberValue))\"> is not a line number", path)
        }
        guard let hits = xml.attribute("hits") else { throw problem("line \(number) has no hits attribute", path) }
        guard let hit = CoberturaValues.isHit(hits) else {
            throw problem("line \(number) has hits=\"\(XMLSyntax.shown(hits))\": \(Self.expectedCount)", path)
        }
        part.lines.record(line: number, hit: hit)
        if let condition = xml.attribute("condition-coverage"),
            !(xml.attribute("branch")?.equalsIgnoringCase("false") ?? false)
        {
            guard let branches = CoberturaValues.conditionCoverage(condition) else {
                throw problem(
                    "line \(number) has condition-coverage=\"\(XMLSyntax.shown(condition))\": expected a percentage "
                        + "and (covered/total) branches, such as \"50% (1/2)\"", path)
            }
            if branches.total > 0 { part.branches.record(line: number, branches) }
        }
        return hit
    }

    private static let expectedCount = "expected a whole number of executions, 0 or more"

    /// An error about the class for `path`, at the current element.
    private func problem(_ message: String, _ path: String) -> InputError {
        InputError("in the class for '\(path)': \(message)", line: xml.line)
    }
}
