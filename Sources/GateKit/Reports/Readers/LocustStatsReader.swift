/// Reads Locust's `--csv PREFIX` statistics, `PREFIX_stats.csv` (Locust ≥ 1.0): a header row `Type,Name,Request
/// Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content
/// Size,Requests/s,Failures/s,50%,66%,…,100%`, one row per request name, then the `Aggregated` row; times in
/// milliseconds. Locust < 1.0 headers (`# requests`, `# failures`, `Method`) are read too.
///
/// A series per row, labelled `Type Name` (`GET /users`; the bare name when the type is empty), the `Aggregated` row
/// as the aggregate: **requests** Request Count, **failures** Failure Count, latency min, max, mean (Average Response
/// Time), median (Median Response Time) and each percentile column as stated (`50%` is p50: Locust rounds the
/// percentile columns, as its console table prints them, while the Median column is unrounded; p50 is the
/// percentile column so that every percentile comes from one table), **throughput** Requests/s. `N/A` (no request
/// yet) leaves a figure out. Percentile columns are found by their `N%` names, so custom `PERCENTILES_TO_REPORT`
/// read the same.
public enum LocustStatsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Locust stats CSV"

    /// True for text whose first line is Locust's stats header.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text, let first = head.lines(limit: 1).first else { return false }
        let line = first.trimmed()
        return
            (line.hasPrefix("Type,Name,Request Count,Failure Count,")
            || line.hasPrefix("\"Method\",\"Name\",\"# requests\""))
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = CSVScanner(input)
        guard try scanner.nextRecord() else { throw InputError("not a Locust stats CSV: the file has no header row") }
        let columns = try LocustColumns(scanner, history: false)
        var series: [BenchmarkSeries] = []
        while try scanner.nextRecord() {
            series.append(try columns.series(of: scanner))
        }
        guard series.last?.isAggregate == true else {
            throw InputError("the stats end before Locust's Aggregated row: is the file truncated?")
        }
        return .benchmark(BenchmarkReport(series: series))
    }
}

/// The columns of a Locust stats or stats-history CSV, found by name in the header row.
struct LocustColumns {
    private let count: Int
    private let type: Int?
    private let name: Int
    private let requests: Int
    private let failures: Int
    private let median: Int?
    private let mean: Int?
    private let minimum: Int?
    private let maximum: Int?
    private let throughput: Int?
    /// The percentile columns with their ranks (none for the history, whose percentiles are of the last window).
    private let percentiles: [(column: Int, rank: Double)]

    /// The history's figures are the `Total …` columns (the run so far); its percentile and Requests/s columns
    /// describe the last few seconds only, and are not read.
    init(_ scanner: CSVScanner, history: Bool) throws(InputError) {
        let header = CSVHeader(scanner)
        func column(_ names: StaticString...) -> Int? { names.lazy.compactMap { header.column($0) }.first }
        func required(_ names: StaticString...) throws(InputError) -> Int {
            guard let index = names.lazy.compactMap({ header.column($0) }).first else {
                throw InputError("not a Locust stats CSV: the header row has no \(names[0]) column", line: 1)
            }
            return index
        }
        count = header.count
        type = column("Type", "Method")
        name = try required("Name")
        if history {
            requests = try required("Total Request Count")
            failures = try required("Total Failure Count")
            median = column("Total Median Response Time")
            mean = column("Total Average Response Time")
            minimum = column("Total Min Response Time")
            maximum = column("Total Max Response Time")
            throughput = nil
            percentiles = []
        } else {
            requests = try required("Request Count", "# requests")
            failures = try required("Failure Count", "# failures")
            median = column("Median Response Time", "Median response time")
            mean = column("Average Response Time", "Average response time")
            minimum = column("Min Response Time", "Min response time", "Min")
            maximum = column("Max Response Time", "Max response time", "Max")
            throughput = column("Requests/s")
            percentiles = (0..<scanner.fieldCount).compactMap { index in
                LoadTestFigures.percentileRank(scanner.field(index)).map { (index, $0) }
            }
        }
    }

    /// The series of the scanner's current record.
    /// Locust ends every row with a line end: a last row without one is cut off.
    func series(of scanner: CSVScanner) throws(InputError) -> BenchmarkSeries {
        guard !scanner.lastRecordUnterminated else {
            throw InputError("the last row has no line end: is the file truncated?", line: scanner.lineNumber)
        }
        return try read(scanner)
    }

    private func read(_ scanner: CSVScanner) throws(InputError) -> BenchmarkSeries {
        let line = scanner.lineNumber
        guard scanner.fieldCount == count else {
            throw InputError("the row has \(scanner.fieldCount) fields where the header has \(count)", line: line)
        }
        let typeField = type.map { scanner.field($0).trimmed() }
        let nameField = scanner.field(name).trimmed()
        let isAggregate = nameField == "Aggregated" && (typeField?.isEmpty ?? true)
        var label = try nameField.string("the Name on line \(line)")
        if let typeField, !typeField.isEmpty { label = try typeField.string("the Type on line \(line)") + " " + label }
        func figure(_ column: Int?, _ what: String) throws(InputError) -> Double? {
            guard let column else { return nil }
            let field = scanner.field(column).trimmed()
            if field == "N/A" || field.isEmpty { return nil }
            return try LoadTestFigures.number(field, "\(what) of '\(label)'", line: line)
        }
        func duration(_ column: Int?, _ what: String) throws(InputError) -> Double? {
            guard let value = try figure(column, what) else { return nil }
            return try LoadTestFigures.milliseconds(value, "\(what) of '\(label)'", line: line)
        }
        var series = BenchmarkSeries(label: label, isAggregate: isAggregate)
        series.requests = try figure(requests, "Request Count").map { v throws(InputError) in
            try LoadTestFigures.count(v, "Request Count of '\(label)'", line: line)
        }
        series.failures = try figure(failures, "Failure Count").map { v throws(InputError) in
            try LoadTestFigures.count(v, "Failure Count of '\(label)'", line: line)
        }
        // With no request, Locust writes 0 for every time: no figure.
        guard series.requests != 0 else { return series }
        series.stated.median = try duration(median, "Median Response Time")
        series.stated.mean = try duration(mean, "Average Response Time")
        series.stated.minimum = try duration(minimum, "Min Response Time")
        series.stated.maximum = try duration(maximum, "Max Response Time")
        series.stated.throughput = try figure(throughput, "Requests/s").map { v throws(InputError) in
            try LoadTestFigures.rate(v, "Requests/s of '\(label)'", line: line)
        }
        for (column, rank) in percentiles {
            series.stated.percentiles[rank] = try duration(column, "the \(rank)% percentile")
        }
        return series
    }
}
