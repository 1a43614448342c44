/// Reads OpenCover XML: what `OpenCover.Console` 4.x writes, and coverlet's and AltCover's `opencover` format.
///
/// One ``FileCoverage`` per `<File fullPath>` (as written, e.g. `C:\src\App\Program.cs`) that a sequence or branch
/// point refers to. A file compiled into several modules is one file: its lines are unioned, while its branch points
/// and methods count once per module, as in OpenCover's Summary. Points name their file by `fileid` (the `uid` of
/// a `<File>` of their `<Module>`), or by their method's `<FileRef>` when older OpenCover versions leave it out;
/// `fileid="0"` means no source file and is skipped. `<Module>`s, `<Class>`es and `<Method>`s with a
/// `skippedDueTo` attribute (filtered out, excluded by attribute…) count nothing.
/// - **lines**: one per `<SequencePoint>` (a statement), covered when its `vc` > 0: the figure of OpenCover's own
///   `<Summary numSequencePoints visitedSequencePoints>`, and for coverlet (one point per line) also a count of
///   lines. The line map behind `protocol explain` and merging holds every line a point spans, `sl` to `el`, covered
///   when any of its points was visited (ReportGenerator's line coverage): where a line holds several statements or
///   a statement spans several lines the two differ (124 of 199 points on 121 of 190 lines in one sample), and a
///   file merged with another report of it is counted in lines. A point spanning more than 10 000 lines is an
///   error.
/// - **branches**: one per `<BranchPoint>`, covered when `vc` > 0, kept per line (`sl`) for merging (not for a file
///   with branch points that have no `sl`, as OpenCover before 4.5 wrote): the figure ReportGenerator and coverlet
///   report. OpenCover's `<Summary numBranchPoints>` also counts each method's entry as a branch point (54 methods
///   + 8 branch points = 62 in one sample), so protocol never reads it.
/// - **functions**: the methods with sequence points, covered when any of them has `vc` > 0, in the file of their
///   first point: the Summary's `numMethods`/`visitedMethods`.
///
/// Visit counts of any size are read (only whether they are 0 matters); line numbers must be from 0 to 2³¹ − 1.
public enum OpenCoverReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "OpenCover XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "CoverageSession"
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.localName == "CoverageSession" else {
            throw InputError(
                "not an OpenCover report: the root element is <\(XMLSyntax.shown(xml.localName))>, "
                    + "not <CoverageSession>", line: xml.line)
        }
        var document = OpenCoverDocument(xml)
        try document.read()
        return .coverage(CoverageReport(files: document.files.filter(\.hasPoints).map(\.coverage)))
    }
}

/// One source file's points, gathered over the whole document.
private struct OpenCoverFile {
    var path: String
    var lines = LineCoverageMap()
    /// Sequence points, as OpenCover's Summary counts them.
    var statements = CoverageCount.zero
    /// Branch points per line, added up over every method and module.
    var branchesPerLine: [UInt32: CoverageCount] = [:]
    var branches = CoverageCount.zero
    /// Some branch point has no line (OpenCover before 4.5.3207): the branches cannot be given per line.
    var hasUnplacedBranches = false
    var functions = CoverageCount.zero

    var hasPoints: Bool { !lines.isEmpty || branches.total > 0 }

    var coverage: FileCoverage {
        var branchMap = BranchCoverageMap()
        for line in branchesPerLine.keys.sorted() { branchMap.record(line: line, branchesPerLine[line] ?? .zero) }
        return FileCoverage(
            path: path, lines: statements, branches: branches, functions: functions,
            lineMap: lines.isEmpty ? nil : lines, branchMap: hasUnplacedBranches || branchMap.isEmpty ? nil : branchMap)
    }
}

/// The `<Method>` being read.
private struct OpenCoverMethod {
    /// The `uid` of its `<FileRef>`.
    var fileRef: Int?
    /// The file of its first sequence point.
    var file: Int?
    /// Some sequence point of it was visited.
    var visited = false
}

/// One pass over an OpenCover document.
private struct OpenCoverDocument {
    /// The most lines one sequence point may span.
    static let maximumSpan = 10_000

    private let xml: XMLTokenizer
    private(set) var files: [OpenCoverFile] = []
    private var indexByPath: [String: Int] = [:]
    /// The files of the current module by `uid`.
    private var fileByUID: [Int: Int] = [:]

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) {
        while true {
            switch try xml.next() {
            case .startElement:
                let name = xml.localName
                let skippable = name == "Module" || name == "Class" || name == "Method"
                if skippable, xml.attribute("skippedDueTo") != nil {
                    try xml.skipElement()
                } else if name == "Module" {
                    fileByUID.removeAll(keepingCapacity: true)
                } else if name == "File" {
                    try readFile()
                } else if name == "Method" {
                    try readMethod()
                } else if !(name == "Class" || name == "Modules" || name == "Files" || name == "Classes"
                    || name == "Methods")
                {
                    try xml.skipElement()  // <Summary>, <ModulePath>, <FullName>, <TrackedMethods>…
                }
            case .endElement, .text:
                continue
            case .end:
                return
            }
        }
    }

    private mutating func readFile() throws(InputError) {
        let uid = try number("uid", of: "<File>")
        guard let fullPath = xml.attribute("fullPath"), !fullPath.isEmpty else {
            throw InputError("a <File> without a fullPath attribute", line: xml.line)
        }
        let path = try fullPath.string("the fullPath of a <File>")
        if let index = indexByPath[path] {
            fileByUID[uid] = index
        } else {
            fileByUID[uid] = files.count
            indexByPath[path] = files.count
            files.append(OpenCoverFile(path: path))
        }
        if !xml.isSelfClosing { try xml.skipElement() }
    }

    /// Reads a `<Method>`: its points, and the method itself as a function of the file of its first point.
    private mutating func readMethod() throws(InputError) {
        let depth = xml.depth
        var method = OpenCoverMethod()
        while true {
            switch try xml.next() {
            case .startElement:
                let name = xml.localName
                if name == "SequencePoint" {
                    try readSequencePoint(of: &method)
                } else if name == "BranchPoint" {
                    try readBranchPoint(of: method)
                } else if name == "FileRef" {
                    method.fileRef = try number("uid", of: "<FileRef>")
                    if !xml.isSelfClosing { try xml.skipElement() }
                } else if !(name == "SequencePoints" || name == "BranchPoints") {
                    try xml.skipElement()  // <Summary>, <Name>, <MethodPoint>…
                }
            case .endElement, .end:  // The tokenizer reports the document's end only after every element's.
                guard xml.depth > depth else {
                    if let file = method.file {
                        files[file].functions =
                            files[file].functions + CoverageCount(covered: method.visited ? 1 : 0, total: 1)
                    }
                    return
                }
            case .text:
                continue
            }
        }
    }

    private mutating func readSequencePoint(of method: inout OpenCoverMethod) throws(InputError) {
        if let file = try pointFile(method.fileRef, "<SequencePoint>") {
            let hit = try visits()
            let (first, last) = try span()
            for line in first...last { files[file].lines.record(line: line, hit: hit) }
            files[file].statements = files[file].statements + CoverageCount(covered: hit ? 1 : 0, total: 1)
            if method.file == nil { method.file = file }
            method.visited = method.visited || hit
        }
        if !xml.isSelfClosing { try xml.skipElement() }  // <TrackedMethodRefs>
    }

    private mutating func readBranchPoint(of method: OpenCoverMethod) throws(InputError) {
        if let file = try pointFile(method.fileRef, "<BranchPoint>") {
            let count = CoverageCount(covered: try visits() ? 1 : 0, total: 1)
            files[file].branches = files[file].branches + count
            if let line = try lineNumber("sl", of: "<BranchPoint>", required: false) {
                files[file].branchesPerLine[line] = (files[file].branchesPerLine[line] ?? .zero) + count
            } else {
                files[file].hasUnplacedBranches = true
            }
        }
        if !xml.isSelfClosing { try xml.skipElement() }
    }

    /// The file of the current point: its `fileid`, else its method's `<FileRef>`; nil for `fileid="0"`.
    private func pointFile(_ fileRef: Int?, _ element: StaticString) throws(InputError) -> Int? {
        let uid: Int
        if xml.attribute("fileid") != nil {
            uid = try number("fileid", of: element)
            if uid == 0 { return nil }
        } else if let fileRef {
            uid = fileRef
        } else {
            throw InputError("a \(element) without a fileid attribute, in a method without a <FileRef>", line: xml.line)
        }
        guard let file = fileByUID[uid] else {
            throw InputError("a \(element) refers to file \(uid), which no <File> of its module lists", line: xml.line)
        }
        return file
    }

    /// Whether the current point was visited: its `vc` is a whole number of any size other than 0.
    private func visits() throws(InputError) -> Bool {
        guard let count = xml.attribute("vc"), !count.isEmpty else {
            throw InputError("a <\(xml.localName)> without a vc attribute", line: xml.line)
        }
        var hit = false
        for index in 0..<count.count {
            let byte = count[index]
            guard byte.isASCIIDigit else {
                throw InputError(
                    "a <\(xml.localName)> has vc=\"\(XMLSyntax.shown(count))\": expected a visit count",
                    line: xml.line)
            }
            hit = hit || byte != UInt8(ascii: "0")
        }
        return hit
    }

    /// The lines the current sequence point spans: `sl` to `el` (`sl` alone when `el` is absent or before it).
    private func span() throws(InputError) -> (UInt32, UInt32) {
        let first = try lineNumber("sl", of: "<SequencePoint>", required: true) ?? 0
        let last = max(try lineNumber("el", of: "<SequencePoint>", required: false) ?? first, first)
        guard Int(last - first) < Self.maximumSpan else {
            throw InputError(
                "a <SequencePoint> spans lines \(first) to \(last): more than \(Self.maximumSpan) lines is not "
                    + "a statement", line: xml.line)
        }
        return (first, last)
    }

    /// The line number in `attribute`; nil when it is absent and not `required`.
    private func lineNumber(_ attribute: StaticString, of element: StaticString, required: Bool) throws(InputError)
        -> UInt32?
    {
        guard let span = xml.attribute(attribute) else {
            guard required else { return nil }
            throw InputError("a \(element) without a \(attribute) attribute", line: xml.line)
        }
        guard let value = span.int(), value >= 0, value <= Int(Int32.max) else {
            throw InputError(
                "a \(element) has \(attribute)=\"\(XMLSyntax.shown(span))\": expected a line number", line: xml.line)
        }
        return UInt32(value)
    }

    /// The whole number in `attribute`, which must be there.
    private func number(_ attribute: StaticString, of element: StaticString) throws(InputError) -> Int {
        guard let span = xml.attribute(attribute) else {
            throw InputError("a \(element) without a \(attribute) attribute", line: xml.line)
        }
        guard let value = span.int(), value >= 0 else {
            throw InputError(
                "a \(element) has \(attribute)=\"\(XMLSyntax.shown(span))\": expected a whole number", line: xml.line)
        }
        return value
    }
}
