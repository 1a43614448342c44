/// Reads Locust's `PREFIX_stats_history.csv` (Locust ≥ 1.0, `--csv-full-history` for per-name rows): a time series,
/// one row per name (and an `Aggregated` row) every few seconds, `Timestamp,User Count,Type,Name,Requests/s,
/// Failures/s,50%,…,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response
/// Time,Total Min Response Time,Total Max Response Time,Total Average Content Size`; times in milliseconds.
///
/// The `Total …` columns are cumulative, so each label's **last** row holds the run as far as the history goes:
/// **requests** Total Request Count, **failures** Total Failure Count, latency median, mean, min and max from the
/// `Total …` columns. The percentile and Requests/s columns describe only the last window of a few seconds, not the
/// run, and are not read: for the run's percentiles, read the `_stats.csv` of the same run. The history may stop
/// before the run ends (its last snapshot is then short of the `_stats.csv` figures).
public enum LocustHistoryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Locust stats history CSV"

    /// True for text whose first line is Locust's stats-history header.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text, let first = head.lines(limit: 1).first else { return false }
        return first.trimmed().hasPrefix("Timestamp,User Count,Type,Name,")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = CSVScanner(input)
        guard try scanner.nextRecord() else {
            throw InputError("not a Locust stats history CSV: the file has no header row")
        }
        let columns = try LocustColumns(scanner, history: true)
        var series: [BenchmarkSeries] = []
        var index: [String: Int] = [:]
        while try scanner.nextRecord() {
            let row = try columns.series(of: scanner)
            if let slot = index[row.label] {
                series[slot] = row
            } else {
                index[row.label] = series.count
                series.append(row)
            }
        }
        guard series.contains(where: \.isAggregate) else {
            throw InputError("the history has no Aggregated row: is the file truncated?")
        }
        return .benchmark(BenchmarkReport(series: series))
    }
}
