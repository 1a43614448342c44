/// Reads ApacheBench's text output (`ab -n N -c C URL`, ab 2.3): the `Server …`/`Document Path:` header, the run's
/// figures (`Time taken for tests:`, `Complete requests:`, `Failed requests:`, `Non-2xx responses:`, `Requests per
/// second:`), the `Connection Times (ms)` table and the `Percentage of the requests served within a certain time
/// (ms)` table; times in milliseconds (ab prints whole ms in both tables).
///
/// One aggregate series labelled with the Document Path: **requests** Complete requests, **failures** Failed
/// requests plus Non-2xx responses (ab counts connection, length and exception failures as "failed" and reports
/// HTTP errors apart; both are failed requests for a gate), **throughput** Requests per second, **duration** Time
/// taken for tests; latency p50…p99 from the percentage table, **max** its 100% row (the longest request), min,
/// mean, median and standard deviation from the `Total:` row of Connection Times. `Time per request` is not a
/// latency (it is scaled by the concurrency) and is not read.
public enum ApacheBenchReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench text"

    /// True for text with ab's banner, or with both its `Complete requests:` and `Requests per second:` lines.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        return head.contains("This is ApacheBench")
            || (head.contains("\nComplete requests:") && head.contains("\nRequests per second:"))
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        var series = BenchmarkSeries(label: "", isAggregate: true)
        var inPercentages = false
        var nonSuccess = 0
        var sawComplete = false
        while let line = try lines.nextLine() {
            let number = lines.lineNumber
            let text = line.trimmed()
            if inPercentages, let percent = text.firstIndex(of: UInt8(ascii: "%")) {
                guard let rank = LoadTestFigures.percentileRank(text.slice(0, percent + 1)) else {
                    throw InputError("'\(XMLSyntax.shown(text))' is not a percentage row", line: number)
                }
                var value = text.dropFirst(percent + 1).trimmed()
                if let space = value.firstIndex(of: UInt8(ascii: " ")) { value = value.slice(0, space) }
                let seconds = try LoadTestFigures.milliseconds(
                    LoadTestFigures.number(value, "the \(rank)% time", line: number), "the \(rank)% time", line: number)
                series.stated.percentiles[rank] = seconds
                if rank == 100 { series.stated.maximum = seconds }
                continue
            }
            inPercentages = false
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else {
                inPercentages = text.hasPrefix("Percentage of the requests served")
                continue
            }
            let key = text.slice(0, colon)
            let value = text.dropFirst(colon + 1).trimmed()
            func first(_ what: String) throws(InputError) -> Double {
                let word = value.firstIndex(of: UInt8(ascii: " ")).map { value.slice(0, $0) } ?? value
                return try LoadTestFigures.number(word, what, line: number)
            }
            if key == "Document Path" {
                series.label = try value.string("the Document Path")
            } else if key == "Complete requests" {
                series.requests = try LoadTestFigures.count(
                    try first(key.description), "Complete requests", line: number)
                sawComplete = true
            } else if key == "Failed requests" {
                series.failures = try LoadTestFigures.count(try first(key.description), "Failed requests", line: number)
            } else if key == "Non-2xx responses" {
                nonSuccess = try LoadTestFigures.count(try first(key.description), "Non-2xx responses", line: number)
            } else if key == "Requests per second" {
                series.stated.throughput = try LoadTestFigures.rate(
                    try first("Requests per second"), "Requests per second", line: number)
            } else if key == "Time taken for tests" {
                series.duration = try LoadTestFigures.seconds(
                    try first(key.description), unit: 1, "Time taken for tests", line: number)
            } else if key == "Total" {
                try readTotalRow(value, into: &series.stated, line: number)
            }
        }
        guard sawComplete else {
            throw InputError("the ab output has no 'Complete requests:' line: is it cut off before the results?")
        }
        series.failures = (series.failures ?? 0) + nonSuccess
        if let maximum = series.stated.maximum { series.stated.percentiles[100] = maximum }
        return .benchmark(BenchmarkReport(series: [series]))
    }

    /// `Total:  min  mean  [+/-sd]  median  max` of Connection Times (ms).
    private static func readTotalRow(_ row: ByteSpan, into stated: inout StatedStatistics, line: Int) throws(InputError)
    {
        let words = LoadTestWords(row)
        var fields: [Double] = []
        for index in 0..<words.count {
            let value = try LoadTestFigures.number(words[index], "a Connection Times Total figure", line: line)
            fields.append(try LoadTestFigures.milliseconds(value, "a Connection Times Total figure", line: line))
        }
        guard fields.count == 5 else {
            throw InputError("the Connection Times Total row has \(fields.count) figures, not 5", line: line)
        }
        stated.minimum = fields[0]
        stated.mean = fields[1]
        stated.standardDeviation = fields[2]
        stated.median = fields[3]
        if stated.maximum == nil { stated.maximum = fields[4] }
    }
}
