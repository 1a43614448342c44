/// Reads JMeter's CSV results file (JTL: `jmeter -n -t plan.jmx -l results.jtl`, the Simple Data Writer, the
/// dashboard's input), one row per sample.
///
/// - With a header row (`timeStamp,elapsed,label,…`, JMeter's `print_field_names=true`, the default since 3.0),
///   columns are found by name; without one, JMeter's default column order is assumed (`timeStamp`, `elapsed`,
///   `label`, `responseCode`, `responseMessage`, `threadName`, `dataType`, `success`, …).
/// - The delimiter (`jmeter.save.saveservice.default_delimiter`) is sniffed from the first line: `,`, `;`, tab or
///   `|`. Quoted fields (a label or message holding the delimiter, quotes or line breaks) are read as RFC 4180.
/// - Each row is one sample (``JMeterSamples``): redirect and embedded-resource sub-results, which JMeter writes
///   as rows of their own labelled `label-0`, `label-1`, count as samples, as in the dashboard's statistics.
///   `elapsed` is whole milliseconds (0 to a day), `success` is `true`/`false` (any case; without the column the
///   failures are unknown), `timeStamp` is the start in epoch milliseconds (a formatted time leaves the duration,
///   and so the computed throughput, unknown).
/// - Figures equal the dashboard's Statistics table for the same file: `# Samples`, `FAIL`, `Error %`, min, max,
///   mean and throughput per label and Total; percentiles with `percentile: "jmeter"` (its estimator).
/// - JMeter ends every row with a line end: a last row without one is a file cut off while JMeter was writing it,
///   an error.
public enum JMeterCSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter JTL CSV"

    /// True for text whose first line is a JTL header (`timeStamp` then a delimiter, with an `elapsed` column, or
    /// `elapsed` then a delimiter and `label`) or a
    /// headerless JTL row (epoch milliseconds, elapsed, label, …, `true`/`false` in the eighth field).
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        for line in head.lines(limit: 4) where !line.trimmed().isEmpty {
            guard let layout = JMeterCSVLayout.sniff(line) else { return false }
            if layout.hasHeader { return line.firstIndex(of: "elapsed") != nil && line.firstIndex(of: "label") != nil }
            return JMeterCSVLayout.looksLikeDefaultRow(line, delimiter: layout.delimiter)
        }
        return false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        guard let layout = try JMeterCSVLayout.sniff(input) else {
            throw InputError(
                "not a JMeter CSV results file: the first line is neither a header (timeStamp,elapsed,label,…) nor a "
                    + "row starting with a timestamp and a delimiter (, ; tab |)", line: 1)
        }
        var scanner = CSVScanner(input, delimiter: layout.delimiter)
        guard try scanner.nextRecord() else { throw InputError("the JMeter results file has no rows") }
        let columns = layout.hasHeader ? try JMeterCSVColumns(CSVHeader(scanner)) : JMeterCSVColumns.defaultOrder
        var samples = JMeterSamples()
        if !layout.hasHeader { try columns.add(scanner, to: &samples) }
        while try scanner.nextRecord() { try columns.add(scanner, to: &samples) }
        return .benchmark(try samples.report(noSamples: "the JMeter results file has a header but no sample rows"))
    }
}

/// The delimiter of a JTL and whether it starts with a header row.
struct JMeterCSVLayout {
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    var delimiter: UInt8
    var hasHeader: Bool

    /// The layout of the file's first line, read from the buffer without consuming it.
    static func sniff(_ input: InputBuffer) throws(InputError) -> JMeterCSVLayout? {
        while input.unconsumed.firstIndex(of: UInt8(ascii: "\n")) == nil, input.available < 4096 {
            if !(try input.refill()) { break }
        }
        var line = input.unconsumed
        while !line.isEmpty, line[0].isASCIIWhitespace { line = line.dropFirst(1) }
        return sniff(line)
    }

    /// The layout of `line`: a header starting `timeStamp` (or `elapsed`, when time stamps are not saved) and a
    /// delimiter, or digits (epoch milliseconds) and a delimiter.
    static func sniff(_ line: ByteSpan) -> JMeterCSVLayout? {
        for name: StaticString in ["timeStamp", "elapsed"] where line.hasPrefix(name) {
            let length = name.utf8CodeUnitCount
            guard line.count > length, delimiters.contains(line[length]) else { return nil }
            return JMeterCSVLayout(delimiter: line[length], hasHeader: true)
        }
        var index = 0
        while index < line.count, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > 0, index < line.count, delimiters.contains(line[index]) else { return nil }
        return JMeterCSVLayout(delimiter: line[index], hasHeader: false)
    }

    /// True when the unquoted fields of `line` look like a default JTL row: digits, digits, a label, …, and
    /// `true`/`false` eighth.
    static func looksLikeDefaultRow(_ line: ByteSpan, delimiter: UInt8) -> Bool {
        var fields: [ByteSpan] = []
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == delimiter {
            fields.append(line.slice(start, index))
            start = index + 1
            if fields.count == 8 { break }
        }
        guard fields.count == 8, fields[1].int() != nil else { return false }
        let success = fields[7].trimmed()
        return success == "true" || success == "false"
    }
}

/// Where the columns protocol reads are.
struct JMeterCSVColumns {
    var timeStamp: Int?
    var elapsed: Int
    var label: Int
    var success: Int?
    /// The header's number of columns (nil without a header).
    var count: Int?

    /// JMeter's default column order, for a file without a header row.
    static let defaultOrder = JMeterCSVColumns(timeStamp: 0, elapsed: 1, label: 2, success: 7, count: nil)

    init(timeStamp: Int?, elapsed: Int, label: Int, success: Int?, count: Int?) {
        self.timeStamp = timeStamp
        self.elapsed = elapsed
        self.label = label
        self.success = success
        self.count = count
    }

    init(_ header: CSVHeader) throws(InputError) {
        guard let elapsed = header.column("elapsed"), let label = header.column("label") else {
            throw InputError("the JMeter results header has no \"elapsed\" and \"label\" columns", line: 1)
        }
        self.init(
            timeStamp: header.column("timeStamp"), elapsed: elapsed, label: label, success: header.column("success"),
            count: header.count)
    }

    /// Adds the scanner's current row to `samples`.
    @inline(__always)
    func add(_ scanner: CSVScanner, to samples: inout JMeterSamples) throws(InputError) {
        let line = scanner.lineNumber
        if scanner.lastRecordUnterminated {
            throw InputError(
                "the last row has no line end: JMeter ends every row with one; is the file truncated?", line: line)
        }
        if let count, scanner.fieldCount != count {
            throw InputError(
                "the row has \(scanner.fieldCount) fields where the header has \(count)", line: line)
        }
        let elapsedField = scanner.field(elapsed)
        guard let milliseconds = elapsedField.int() else {
            throw InputError(
                "elapsed is '\(XMLSyntax.shown(elapsedField))', not a whole number of milliseconds", line: line)
        }
        let succeeded = try success.map { column throws(InputError) in try Self.success(scanner.field(column), line) }
        let start = timeStamp.flatMap { scanner.field($0).int() }
        try samples.add(
            label: scanner.field(label), elapsed: milliseconds, success: succeeded, start: start, line: line)
    }

    /// `true` or `false`, in any case.
    @inline(__always)
    static func success(_ field: ByteSpan, _ line: Int) throws(InputError) -> Bool {
        if isTrue(field) { return true }
        if isFalse(field) { return false }
        throw InputError("success is '\(XMLSyntax.shown(field))', not true or false", line: line)
    }

    @inline(__always)
    static func isTrue(_ field: ByteSpan) -> Bool {
        field.count == 4 && field[0] | 0x20 == UInt8(ascii: "t") && field[1] | 0x20 == UInt8(ascii: "r")
            && field[2] | 0x20 == UInt8(ascii: "u") && field[3] | 0x20 == UInt8(ascii: "e")
    }

    @inline(__always)
    static func isFalse(_ field: ByteSpan) -> Bool {
        field.count == 5 && field[0] | 0x20 == UInt8(ascii: "f") && field[1] | 0x20 == UInt8(ascii: "a")
            && field[2] | 0x20 == UInt8(ascii: "l") && field[3] | 0x20 == UInt8(ascii: "s")
            && field[4] | 0x20 == UInt8(ascii: "e")
    }
}
