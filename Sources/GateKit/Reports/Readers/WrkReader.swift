/// Reads wrk's text output with `--latency` (wrk 4.x): `Running 30s test @ URL`, the `Thread Stats` table
/// (`Latency  20.75ms  25.69ms  331.27ms  88.63%`: average, standard deviation, maximum), the `Latency Distribution`
/// (`50%  12.82ms` … `99%`), `N requests in 30.06s, … read`, optional `Non-2xx or 3xx responses: N` and `Socket
/// errors: connect N, read N, write N, timeout N`, then `Requests/sec:`. Times carry wrk's units `us`, `ms`, `s`,
/// `m` or `h`; lines before `Running` (a command someone pasted) are ignored.
///
/// One aggregate series labelled with the URL: latency mean, standard deviation and max from Thread Stats, the
/// percentiles of the Latency Distribution, **requests** the `N requests` figure, **failures** Non-2xx or 3xx
/// responses plus every socket error (connect, read, write, timeout: requests that got no answer), **throughput**
/// Requests/sec (wrk divides by the exact runtime; the printed `in 30.06s` is rounded), **duration** that printed
/// runtime.
public enum WrkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "wrk --latency text"

    /// True for text with wrk's `Thread Stats` table and its `requests in` line.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .text && head.contains("Thread Stats") && head.contains(" requests in ")
            && head.contains("Latency")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        var series = BenchmarkSeries(label: "", isAggregate: true)
        var inDistribution = false
        var failures = 0
        while let line = try lines.nextLine() {
            let number = lines.lineNumber
            let text = line.trimmed()
            let words = LoadTestWords(text)
            if inDistribution, words.count == 2, words[0].hasSuffix("%"),
                let rank = LoadTestFigures.percentileRank(words[0])
            {
                series.stated.percentiles[rank] = try time(words[1], "the \(rank)% latency", line: number)
                continue
            }
            inDistribution = false
            if text.hasPrefix("Running "), let at = text.firstIndex(of: " @ ") {
                series.label = try text.dropFirst(at + 3).trimmed().string("the URL")
            } else if words.count >= 4, words[0] == "Latency" {
                series.stated.mean = try time(words[1], "the average latency", line: number)
                series.stated.standardDeviation = try time(words[2], "the latency's deviation", line: number)
                series.stated.maximum = try time(words[3], "the maximum latency", line: number)
            } else if text.hasPrefix("Latency Distribution") {
                inDistribution = true
            } else if words.count >= 4, words[1] == "requests", words[2] == "in" {
                series.requests = try LoadTestFigures.count(
                    LoadTestFigures.number(words[0], "the request count", line: number), "the request count",
                    line: number)
                var elapsed = words[3]
                if elapsed.hasSuffix(",") { elapsed = elapsed.slice(0, elapsed.count - 1) }
                series.duration = try time(elapsed, "the run's duration", line: number)
            } else if text.hasPrefix("Non-2xx or 3xx responses:") {
                failures += try count(words[words.count - 1], "Non-2xx or 3xx responses", line: number)
            } else if text.hasPrefix("Socket errors:") {
                // Socket errors: connect 0, read 12, write 0, timeout 3
                for index in stride(from: 3, to: words.count, by: 2) {
                    var figure = words[index]
                    if figure.hasSuffix(",") { figure = figure.slice(0, figure.count - 1) }
                    failures += try count(figure, "a socket error count", line: number)
                }
            } else if words.count == 2, words[0] == "Requests/sec:" {
                series.stated.throughput = try LoadTestFigures.rate(
                    LoadTestFigures.number(words[1], "Requests/sec", line: number), "Requests/sec", line: number)
            }
        }
        guard series.requests != nil, series.stated.throughput != nil else {
            throw InputError("the wrk output has no 'requests in' or 'Requests/sec:' line: is it cut off?")
        }
        series.failures = failures
        return .benchmark(BenchmarkReport(series: [series]))
    }

    private static func count(_ word: ByteSpan, _ what: String, line: Int) throws(InputError) -> Int {
        try LoadTestFigures.count(LoadTestFigures.number(word, what, line: line), what, line: line)
    }

    /// A wrk time (`812.00us`, `12.82ms`, `1.02s`, `2.00m`, `1.00h`) in seconds.
    private static func time(_ word: ByteSpan, _ what: String, line: Int) throws(InputError) -> Double {
        let units: [(StaticString, Double)] = [
            ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        for (suffix, scale) in units where word.hasSuffix(suffix) {
            let digits = word.slice(0, word.count - suffix.utf8CodeUnitCount)
            return try LoadTestFigures.seconds(
                LoadTestFigures.number(digits, what, line: line), unit: scale, what, line: line)
        }
        throw InputError("\(what) '\(XMLSyntax.shown(word))' has no unit (us, ms, s, m or h)", line: line)
    }
}
