/// Reads ApacheBench's `-e FILE` CSV: `Percentage served,Time in ms`, then one row per percentage 0 to 100 with the
/// time (ms, fractional) within which that share of the requests was served.
///
/// One aggregate series (label `ab`: the file names no URL) with the stated percentiles of every row, **min** the 0%
/// row and **max** the 100% row; the file holds no counts. These are the figures ab prints in its "Percentage of
/// the requests served" table, unrounded.
public enum ApacheBenchCSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench -e CSV"

    /// True for text whose first line is ab's CSV header.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text, let first = head.lines(limit: 1).first else { return false }
        return first.trimmed() == "Percentage served,Time in ms"
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = CSVScanner(input)
        guard try scanner.nextRecord(), scanner.field(0).trimmed() == "Percentage served" else {
            throw InputError("not an ab -e CSV: the first line is not 'Percentage served,Time in ms'", line: 1)
        }
        var stated = StatedStatistics()
        while try scanner.nextRecord() {
            let line = scanner.lineNumber
            guard !scanner.lastRecordUnterminated else {
                throw InputError("the last row has no line end: is the file truncated?", line: line)
            }
            guard scanner.fieldCount == 2 else {
                throw InputError("the row has \(scanner.fieldCount) fields, not 2", line: line)
            }
            let rank = try LoadTestFigures.number(scanner.field(0), "the percentage", line: line)
            guard rank >= 0, rank <= 100 else { throw InputError("the percentage \(rank) is not 0 to 100", line: line) }
            let time = try LoadTestFigures.number(scanner.field(1), "the time of \(rank)%", line: line)
            stated.percentiles[rank] = try LoadTestFigures.milliseconds(time, "the time of \(rank)%", line: line)
        }
        guard stated.percentiles[100] != nil else {
            throw InputError("the ab CSV stops before its 100% row: is the file truncated?")
        }
        stated.minimum = stated.percentiles[0]
        stated.maximum = stated.percentiles[100]
        stated.median = stated.percentiles[50]
        return .benchmark(BenchmarkReport(series: [BenchmarkSeries(label: "ab", isAggregate: true, stated: stated)]))
    }
}
