/// Reads JaCoCo XML reports (`report.dtd` 1.0 and 1.1): `jacoco.xml` from the Maven plugin, Gradle's
/// `jacocoTestReport`, `jacococli report --xml`, and what gcovr (`--jacoco`), grcov and ReportGenerator write in the
/// same format. The DOCTYPE is skipped, never fetched.
///
/// One ``FileCoverage`` per `<sourcefile>`, at `package/name` (the package's `name` is a folder path such as
/// `com/example`, or empty for the unnamed package, which adds nothing). Packages may sit in nested `<group>`s.
/// - **lines**: the `<line>` elements with instructions (`mi` + `ci` > 0), covered when `ci` > 0: JaCoCo's own
///   definition, so the sums are the LINE totals of its HTML report. When the lines carry no `mi`/`ci` (gcovr lists
///   `<line nr>` only, with nothing that says whether it ran), the sourcefile's LINE counter is used, without a line
///   map. Should a file's counter disagree with its line detail, the detail wins.
/// - **branches**: `mb` + `cb` per line, covered `cb` (kept per line for merging); lines without `mb`/`cb` at all →
///   the BRANCH counter; neither → no branch data.
/// - **functions**: the sourcefile's METHOD counter, else the METHOD counters of the package's `<class>`es whose
///   `sourcefilename` is this file.
/// - A `<class sourcefilename>` with no `<sourcefile>` of that name in its package (gcovr 7.0–8.3 writes only
///   classes, with their `<lines>` inside) is a file of its own, at its `sourcefilename` when that is a path with `/`,
///   else at `package/sourcefilename`; classes naming one file add up. Classes without `sourcefilename` (DTD 1.0, or
///   classes compiled without debug information) only count through their source file: code without one has no
///   lines, and its methods and branches are not in any file's figures.
///
/// Counter values must be whole numbers from 0 to 10¹²; per-line values and line numbers from 0 to 2³¹ − 1.
public enum JaCoCoReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "JaCoCo XML"

    /// True for a `<report>` root whose head names JaCoCo or holds its elements.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .xml, head.xmlRoot == "report" else { return false }
        return head.contains("JACOCO") || head.contains("jacoco") || head.contains("<package")
            || head.contains("<sessioninfo")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.localName == "report" else {
            throw InputError(
                "not a JaCoCo XML report: the root element is <\(XMLSyntax.shown(xml.localName))>, not <report>",
                line: xml.line)
        }
        var document = JaCoCoDocument(xml)
        return .coverage(CoverageReport(files: try document.read()))
    }
}

/// Limits on the numbers of JaCoCo reports.
enum JaCoCoCounts {
    /// The largest counter value accepted: sums over any number of files stay far from overflowing.
    static let maximum = 1_000_000_000_000
}

/// What one `<sourcefile>`, or the `<class>`es naming one source file, says about that file.
private struct JaCoCoSource {
    var lineMap = LineCoverageMap()
    var branchMap = BranchCoverageMap()
    /// Some `<line>` has `mi` or `ci`.
    var hasInstructionDetail = false
    /// Some `<line>` has `mb` or `cb`.
    var hasBranchDetail = false
    var lineCounter: CoverageCount?
    var branchCounter: CoverageCount?
    var methodCounter: CoverageCount?

    /// The file's coverage; `methods` stands in for a missing METHOD counter.
    func coverage(path: String, methods: CoverageCount?) -> FileCoverage {
        let branches = hasBranchDetail ? branchMap.count : branchCounter
        let functions = methodCounter ?? methods
        let branchDetail = branchMap.isEmpty ? nil : branchMap
        let fromDetail = hasInstructionDetail || lineCounter == nil
        if fromDetail, !lineMap.isEmpty {
            return FileCoverage(
                path: path, lineMap: lineMap, branches: branches, functions: functions, branchMap: branchDetail)
        }
        return FileCoverage(
            path: path, lines: fromDetail ? .zero : lineCounter ?? .zero, branches: branches, functions: functions,
            branchMap: branchDetail)
    }
}

/// The source files and classes of one `<package>`, turned into files at its end.
private struct JaCoCoPackage {
    let name: String
    var sources: [(name: String, source: JaCoCoSource)] = []
    /// The classes by `sourcefilename`, with the names in the order they first appear.
    var classes: [String: JaCoCoSource] = [:]
    private var classOrder: [String] = []

    init(name: String) { self.name = name }

    /// `name` inside the package's folder.
    func path(_ file: String) -> String { name.isEmpty ? file : name + "/" + file }

    /// What the classes naming `file` said so far (taken out, to be put back with more).
    mutating func removeClasses(of file: String) -> JaCoCoSource {
        if let known = classes.removeValue(forKey: file) { return known }
        classOrder.append(file)
        return JaCoCoSource()
    }

    /// A file per `<sourcefile>`, then per source file that only classes name.
    var files: [FileCoverage] {
        let named = Set(sources.map(\.name))
        var files = sources.map { file, source in
            source.coverage(path: path(file), methods: classes[file]?.methodCounter)
        }
        for file in classOrder where !named.contains(file) {
            files.append(
                classes[file, default: JaCoCoSource()].coverage(
                    path: file.contains("/") ? file : path(file), methods: nil))
        }
        return files
    }
}

/// One pass over a JaCoCo XML document.
private struct JaCoCoDocument {
    private let xml: XMLTokenizer
    private var files: [FileCoverage] = []

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) -> [FileCoverage] {
        while true {
            switch try xml.next() {
            case .startElement:
                let name = xml.localName
                if name == "package" {
                    try readPackage()
                } else if !(name == "group") {
                    try xml.skipElement()  // <sessioninfo>, the totals' <counter>s
                }
            case .endElement, .text:
                continue
            case .end:
                return files
            }
        }
    }

    /// Reads a `<package>` and adds its files.
    private mutating func readPackage() throws(InputError) {
        let depth = xml.depth
        guard let name = xml.attribute("name") else {
            throw InputError("a <package> without a name attribute", line: xml.line)
        }
        var package = JaCoCoPackage(name: try name.string("the package name"))
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "sourcefile" {
                    let name = try fileName("name", of: "<sourcefile>")
                    var source = JaCoCoSource()
                    try readDetail(into: &source, entry: "sourcefile '\(package.path(name))'")
                    package.sources.append((name, source))
                } else if element == "class", xml.attribute("sourcefilename") != nil {
                    let name = try fileName("sourcefilename", of: "<class>")
                    var source = package.removeClasses(of: name)
                    try readDetail(
                        into: &source, entry: "<class sourcefilename=\"\(name)\"> of package '\(package.name)'")
                    package.classes[name] = source
                } else {
                    try xml.skipElement()
                }
            case .endElement, .end:  // The tokenizer reports the document's end only after every element's.
                if xml.depth <= depth {
                    files += package.files
                    return
                }
            case .text:
                continue
            }
        }
    }

    /// The value of the attribute that names a source file, which must be there and not be empty.
    private func fileName(_ attribute: StaticString, of element: String) throws(InputError) -> String {
        guard let name = xml.attribute(attribute), !name.isEmpty else {
            throw InputError("a \(element) without a \(attribute) attribute", line: xml.line)
        }
        return try name.string("the \(attribute) of a \(element)")
    }

    /// Reads the `<line>`s and `<counter>`s of the element just started (a `<sourcefile>` or a `<class>`, whose
    /// `<method>`s are skipped: the class's own counters already add them up) into `source`.
    private func readDetail(into source: inout JaCoCoSource, entry: @autoclosure () -> String) throws(InputError) {
        let depth = xml.depth
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "line" {
                    try readLine(into: &source, entry: entry())
                } else if element == "counter" {
                    try readCounter(into: &source, entry: entry())
                } else if !(element == "lines") {
                    try xml.skipElement()
                }
            case .endElement, .end:
                if xml.depth <= depth { return }
            case .text:
                continue
            }
        }
    }

    private func readLine(into source: inout JaCoCoSource, entry: @autoclosure () -> String) throws(InputError) {
        guard let number = xml.attribute("nr"), let line = number.int(), line >= 0, line <= Int(Int32.max) else {
            let found = xml.attribute("nr").map { "nr=\"\(XMLSyntax.shown($0))\"" } ?? "no nr attribute"
            throw InputError("a <line> of \(entry()) has \(found): expected a line number", line: xml.line)
        }
        let missedInstructions = try lineValue("mi", entry())
        let coveredInstructions = try lineValue("ci", entry())
        if missedInstructions != nil || coveredInstructions != nil {
            source.hasInstructionDetail = true
            let covered = coveredInstructions ?? 0
            if (missedInstructions ?? 0) + covered > 0 { source.lineMap.record(line: UInt32(line), hit: covered > 0) }
        }
        let missedBranches = try lineValue("mb", entry())
        let coveredBranches = try lineValue("cb", entry())
        if missedBranches != nil || coveredBranches != nil {
            source.hasBranchDetail = true
            let covered = coveredBranches ?? 0
            let total = (missedBranches ?? 0) + covered
            if total > 0 { source.branchMap.record(line: UInt32(line), CoverageCount(covered: covered, total: total)) }
        }
        if !xml.isSelfClosing { try xml.skipElement() }
    }

    /// The per-line count `attribute` of the current `<line>`, nil when absent.
    private func lineValue(_ attribute: StaticString, _ entry: @autoclosure () -> String) throws(InputError) -> Int? {
        guard let span = xml.attribute(attribute) else { return nil }
        guard let value = span.int(), value >= 0, value <= Int(Int32.max) else {
            throw InputError(
                "a <line> of \(entry()) has \(attribute)=\"\(XMLSyntax.shown(span))\": expected a count",
                line: xml.line)
        }
        return value
    }

    private func readCounter(into source: inout JaCoCoSource, entry: @autoclosure () -> String) throws(InputError) {
        guard let type = xml.attribute("type") else {
            throw InputError("a <counter> of \(entry()) without a type attribute", line: xml.line)
        }
        let keyPath: WritableKeyPath<JaCoCoSource, CoverageCount?>
        if type == "LINE" {
            keyPath = \.lineCounter
        } else if type == "BRANCH" {
            keyPath = \.branchCounter
        } else if type == "METHOD" {
            keyPath = \.methodCounter
        } else {
            if !xml.isSelfClosing { try xml.skipElement() }
            return
        }
        func value(_ attribute: StaticString) throws(InputError) -> Int {
            guard let span = xml.attribute(attribute), let value = span.int(), value >= 0,
                value <= JaCoCoCounts.maximum
            else {
                let found = xml.attribute(attribute).map { "\"\(XMLSyntax.shown($0))\"" } ?? "missing"
                throw InputError(
                    "the \(type) counter of \(entry()) has \(attribute) \(found): expected a count", line: xml.line)
            }
            return value
        }
        let missed = try value("missed")
        let covered = try value("covered")
        let count = CoverageCount(covered: covered, total: missed + covered)
        source[keyPath: keyPath] = source[keyPath: keyPath].map { $0 + count } ?? count
        if !xml.isSelfClosing { try xml.skipElement() }
    }
}
