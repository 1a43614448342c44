/// Reads JaCoCo's CSV report (`jacoco.csv` from `jacoco:report`, Gradle's `jacocoTestReport` with `csv.required`,
/// or `java -jar jacococli.jar report --csv`): a header row, then one row per class with the columns GROUP, PACKAGE,
/// CLASS and the missed/covered pairs of INSTRUCTION, BRANCH, LINE, COMPLEXITY and METHOD.
///
/// The CSV names no source files, so rows are keyed by class: the package with `.` turned into `/` (JaCoCo writes
/// `default` for the unnamed package, which adds nothing), then `/` and the top-level class name, without an
/// extension (`hu/bme/mit/spaceship/GT4500`). Nested and anonymous classes (`Outer.Inner`,
/// `Outer.new Runnable() {...}`) count for their top-level class, which is usually their source file; rows of one
/// key in several groups (modules) add up. Per key: **lines** LINE_COVERED of LINE_MISSED + LINE_COVERED,
/// **branches** BRANCH_…, **functions** METHOD_…; the sums over all rows are the totals of JaCoCo's HTML report
/// and of the XML report of the same run. The file has no per-line detail, so no line or branch maps.
///
/// Columns are found by name in the header, in any order; every row must have as many fields as the header.
/// Counts must be whole numbers from 0 to 10¹².
public enum JaCoCoCSVReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "JaCoCo CSV"

    /// True for text whose first non-blank line starts like JaCoCo's header row.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        for line in head.lines(limit: 8) where !line.trimmed().isEmpty {
            return line.trimmed().hasPrefix("GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED")
        }
        return false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = CSVScanner(input)
        guard try scanner.nextRecord() else { throw InputError("not a JaCoCo CSV report: the file has no header row") }
        let columns = try JaCoCoCSVColumns(CSVHeader(scanner))
        var files: [FileCoverage] = []
        // Files by the FNV-1a hash of their key; keys of equal hash take the next free value.
        var indexByHash: [UInt64: Int] = [:]
        var key: [UInt8] = []
        while try scanner.nextRecord() {
            let row = try columns.row(of: scanner)
            key.removeAll(keepingCapacity: true)
            appendKey(package: scanner.field(columns.package), type: scanner.field(columns.type), to: &key)
            var slot = FNV1a.hash(key)
            while let index = indexByHash[slot], !same(files[index].path, key) { slot &+= 1 }
            if let index = indexByHash[slot] {
                files[index].lines = files[index].lines + row.lines
                files[index].branches = files[index].branches.map { $0 + row.branches }
                files[index].functions = files[index].functions.map { $0 + row.methods }
            } else {
                guard let path = String(validating: key, as: UTF8.self) else {
                    throw InputError("the package or class name is not valid UTF-8", line: scanner.lineNumber)
                }
                indexByHash[slot] = files.count
                files.append(FileCoverage(path: path, lines: row.lines, branches: row.branches, functions: row.methods))
            }
        }
        return .coverage(CoverageReport(files: files))
    }

    /// True when `path` is made of the bytes `key`.
    private static func same(_ path: String, _ key: [UInt8]) -> Bool {
        var path = path
        return path.withUTF8 { $0.elementsEqual(key) }
    }

    /// `package/with/slashes/TopLevelClass`: the unnamed package (`default`, or empty) adds no folder.
    private static func appendKey(package: ByteSpan, type: ByteSpan, to key: inout [UInt8]) {
        if !package.isEmpty, !(package == "default") {
            for index in 0..<package.count {
                key.append(package[index] == UInt8(ascii: ".") ? UInt8(ascii: "/") : package[index])
            }
            key.append(UInt8(ascii: "/"))
        }
        let topLevel = type.firstIndex(of: UInt8(ascii: ".")) ?? type.count
        key.append(contentsOf: UnsafeBufferPointer(start: type.base, count: topLevel))
    }
}

/// The counts of one class row.
private struct JaCoCoCSVRow {
    var lines: CoverageCount
    var branches: CoverageCount
    var methods: CoverageCount
}

/// Where the columns protocol uses are, found by name in the header row.
private struct JaCoCoCSVColumns {
    let count: Int
    let package: Int
    let type: Int
    let lineMissed: Int
    let lineCovered: Int
    let branchMissed: Int
    let branchCovered: Int
    let methodMissed: Int
    let methodCovered: Int

    init(_ header: CSVHeader) throws(InputError) {
        func column(_ name: StaticString) throws(InputError) -> Int {
            guard let index = header.column(name) else {
                throw InputError("not a JaCoCo CSV report: the header row has no \(name) column", line: 1)
            }
            return index
        }
        count = header.count
        package = try column("PACKAGE")
        type = try column("CLASS")
        lineMissed = try column("LINE_MISSED")
        lineCovered = try column("LINE_COVERED")
        branchMissed = try column("BRANCH_MISSED")
        branchCovered = try column("BRANCH_COVERED")
        methodMissed = try column("METHOD_MISSED")
        methodCovered = try column("METHOD_COVERED")
    }

    /// The counts of the scanner's current record, which must have a field for every column of the header. A problem
    /// in a last line without a line end says the file may be cut off.
    func row(of scanner: CSVScanner) throws(InputError) -> JaCoCoCSVRow {
        do throws(InputError) {
            return try counts(of: scanner)
        } catch {
            guard scanner.lastRecordUnterminated else { throw error }
            throw InputError(
                error.message + " (the last line, without a line end: is the file truncated?)", line: error.line)
        }
    }

    private func counts(of scanner: CSVScanner) throws(InputError) -> JaCoCoCSVRow {
        guard scanner.fieldCount == count else {
            throw InputError(
                "the row has \(scanner.fieldCount) fields where the header has \(count)", line: scanner.lineNumber)
        }
        guard !scanner.field(type).isEmpty else {
            throw InputError("the row has no CLASS name", line: scanner.lineNumber)
        }
        func pair(_ missed: Int, _ missedName: StaticString, _ covered: Int, _ coveredName: StaticString)
            throws(InputError) -> CoverageCount
        {
            let missedCount = try number(scanner, missed, missedName)
            let coveredCount = try number(scanner, covered, coveredName)
            return CoverageCount(covered: coveredCount, total: missedCount + coveredCount)
        }
        return JaCoCoCSVRow(
            lines: try pair(lineMissed, "LINE_MISSED", lineCovered, "LINE_COVERED"),
            branches: try pair(branchMissed, "BRANCH_MISSED", branchCovered, "BRANCH_COVERED"),
            methods: try pair(methodMissed, "METHOD_MISSED", methodCovered, "METHOD_COVERED"))
    }

    private func number(_ scanner: CSVScanner, _ column: Int, _ name: StaticString) throws(InputError) -> Int {
        let field = scanner.field(column)
        guard let value = field.int(), value >= 0, value <= JaCoCoCounts.maximum else {
            throw InputError(
                "\(name) of class '\(scanner.field(type))' is '\(XMLSyntax.shown(field))', not a count",
                line: scanner.lineNumber)
        }
        return value
    }
}

extension FNV1a {
    /// The hash of `bytes`.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte) }
        return hasher.value
    }
}
