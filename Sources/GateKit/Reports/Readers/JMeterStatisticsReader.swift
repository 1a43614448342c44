/// Reads `statistics.json` of JMeter's HTML dashboard (`jmeter -g results.jtl -o report/`): one member per label
/// and `Total`, each `{transaction, sampleCount, errorCount, errorPct, meanResTime, medianResTime, minResTime,
/// maxResTime, pct1ResTime, pct2ResTime, pct3ResTime, throughput, receivedKBytesPerSec, sentKBytesPerSec}`.
///
/// Each member is a series labelled by its `transaction` (the key when absent); `Total` is the aggregate series.
/// The figures are the dashboard's Statistics table as stated: `# Samples` (sampleCount, redirect sub-results
/// included), `FAIL` (errorCount), average, median, min, max, the 90th, 95th and 99th percentiles (pct1–pct3:
/// JMeter's defaults `aggregate_rpt_pct1..3` = 90, 95, 99; the file does not say if they were changed) and
/// `Transactions/s` (throughput). Times are milliseconds, converted to seconds. Counts must be whole numbers
/// from 0 to 10¹² with errorCount ≤ sampleCount; times finite, from 0 to a day; anything else is an error.
public enum JMeterStatisticsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter dashboard statistics.json"

    /// True for a JSON object whose first member is an object starting with `transaction` and `sampleCount`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, try json.next() == .beginObject,
                try json.next() == .key, json.bytes == "transaction"
            else { return false }
            try json.skipValue()
            return try json.next() == .key && json.bytes == "sampleCount"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a JMeter statistics.json")
        var series: [BenchmarkSeries] = []
        try json.forEachMember { key throws(InputError) in
            let name = try key.string("the label")
            var entry = try readEntry(json, key: name)
            entry.isAggregate = name == "Total"
            series.append(entry)
        }
        try json.expectEnd()
        guard !series.isEmpty else { throw InputError("the JMeter statistics.json lists no label") }
        return .benchmark(BenchmarkReport(series: series))
    }

    private static func readEntry(_ json: JSONTokenizer, key: String) throws(InputError) -> BenchmarkSeries {
        guard try json.next() == .beginObject else {
            throw InputError(
                "the statistics of '\(key)' are not an object", line: json.line, column: json.column)
        }
        var series = BenchmarkSeries(label: key)
        try json.forEachMember { member throws(InputError) in
            func time() throws(InputError) -> Double {
                let (line, column) = (json.line, json.column)
                let value = try json.readDouble()
                guard value >= 0, value <= Double(JMeterSamples.maximumElapsed) else {
                    throw InputError(
                        "\(member) of '\(key)' is \(value) ms: not a plausible latency", line: line, column: column)
                }
                return value / 1000
            }
            func count() throws(InputError) -> Int {
                let (line, column) = (json.line, json.column)
                let value = try json.readInt()
                guard value >= 0, value <= 1_000_000_000_000 else {
                    throw InputError("\(member) of '\(key)' is \(value), not a count", line: line, column: column)
                }
                return value
            }
            switch member.description {
            case "transaction": series.label = try json.readString()
            case "sampleCount": series.requests = try count()
            case "errorCount": series.failures = try count()
            case "meanResTime": series.stated.mean = try time()
            case "medianResTime":
                series.stated.median = try time()
                series.stated.percentiles[50] = series.stated.median
            case "minResTime": series.stated.minimum = try time()
            case "maxResTime": series.stated.maximum = try time()
            case "pct1ResTime": series.stated.percentiles[90] = try time()
            case "pct2ResTime": series.stated.percentiles[95] = try time()
            case "pct3ResTime": series.stated.percentiles[99] = try time()
            case "throughput":
                let (line, column) = (json.line, json.column)
                let value = try json.readDouble()
                guard value >= 0 else {
                    throw InputError("throughput of '\(key)' is negative", line: line, column: column)
                }
                series.stated.throughput = value
            default: try json.skipValue()
            }
        }
        if let failures = series.failures, let requests = series.requests, failures > requests {
            throw InputError("'\(key)' states \(failures) errors in \(requests) samples")
        }
        return series
    }
}
