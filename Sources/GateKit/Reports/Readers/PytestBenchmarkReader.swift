/// Reads pytest-benchmark `--benchmark-json` (and `--benchmark-autosave` storage files): `{"machine_info",
/// "commit_info", "benchmarks": [{"group", "name", "fullname", "stats": {"min", "max", "mean", "stddev", "rounds",
/// "median", "iqr", "q1", "q3", "ops", "total", "data"}, "options"}]}`, times in seconds.
///
/// Each benchmark is one series labelled with its `name` (the console table's Name column), or its `fullname`
/// (`tests/test_x.py::test_y[1]`) where two benchmarks of the file share a name. `min`, `max`, `mean`, `stddev`,
/// `median` and `ops` (throughput) are kept as stated, so they equal the console table's Min, Max, Mean, StdDev,
/// Median and OPS; `rounds` is the request count. `data` (written with `--benchmark-save-data`) holds the time of
/// each round, the raw samples. Quartiles, IQR and outlier counts are not used; pytest-benchmark exports no failed
/// benchmarks, so no failures are stated.
public enum PytestBenchmarkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "pytest-benchmark JSON"

    /// True for a JSON object whose `benchmarks` start with an entry having a `name` and `stats`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        MicrobenchmarkFigures.firstElement(of: head, in: "benchmarks", has: ["name", "stats"])
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a pytest-benchmark report")
        var benchmarks: [(name: String, fullname: String, series: BenchmarkSeries)] = []
        var hasBenchmarks = false
        try json.forEachMember { key throws(InputError) in
            guard key == "benchmarks" else { return }
            hasBenchmarks = true
            try json.forEachElement { () throws(InputError) in benchmarks.append(try readBenchmark(json)) }
        }
        try json.expectEnd()
        guard hasBenchmarks else { throw InputError("not a pytest-benchmark report: no benchmarks") }
        let labels = MicrobenchmarkFigures.labels(benchmarks.map { ($0.name, $0.fullname) })
        return .benchmark(
            BenchmarkReport(
                series: zip(benchmarks, labels).map { benchmark, label in
                    var series = benchmark.series
                    series.label = label
                    return series
                }))
    }

    /// Reads one `benchmarks[]` entry. A bad figure is reported once the entry is read, naming the benchmark.
    private static func readBenchmark(_ json: JSONTokenizer) throws(InputError) -> (
        name: String, fullname: String, series: BenchmarkSeries
    ) {
        let (line, column) = (json.line, json.column)
        var name: String?
        var fullname: String?
        var series = BenchmarkSeries(label: "")
        var problem: InputError?
        try json.forEachMember { key throws(InputError) in
            do throws(InputError) {
                if key == "name" {
                    name = try json.readString()
                } else if key == "fullname" {
                    fullname = try json.readString()
                } else if key == "stats" {
                    try readStats(json, into: &series)
                }
            } catch {
                problem = problem ?? error
            }
        }
        let entry = (name ?? fullname).map { "benchmark \($0)" } ?? "a benchmarks[] entry without a name"
        if let problem { throw InputError("\(entry): \(problem.message)", line: problem.line, column: problem.column) }
        guard let name = name ?? fullname else {
            throw InputError("a benchmarks[] entry has no name", line: line, column: column)
        }
        return (name, fullname ?? name, series)
    }

    private static func readStats(_ json: JSONTokenizer, into series: inout BenchmarkSeries) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "min" {
                series.stated.minimum = try seconds(json, "stats.min")
            } else if key == "max" {
                series.stated.maximum = try seconds(json, "stats.max")
            } else if key == "mean" {
                series.stated.mean = try seconds(json, "stats.mean")
            } else if key == "median" {
                series.stated.median = try seconds(json, "stats.median")
            } else if key == "stddev" {
                series.stated.standardDeviation = try seconds(json, "stats.stddev")
            } else if key == "ops" {
                let ops = try json.readDouble()
                guard ops >= 0 else {
                    throw InputError("stats.ops is negative (\(ops))", line: json.line, column: json.column)
                }
                series.stated.throughput = ops
            } else if key == "rounds" {
                let rounds = try json.readInt()
                guard rounds >= 0 else {
                    throw InputError("stats.rounds is negative (\(rounds))", line: json.line, column: json.column)
                }
                series.requests = rounds
            } else if key == "data" {
                var samples = SampleDistribution()
                try json.forEachElement { () throws(InputError) in
                    samples.add(try seconds(json, "a stats.data time"))
                }
                series.samples = samples
            }
        }
    }

    private static func seconds(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Double {
        let value = try json.readDouble()
        return try MicrobenchmarkFigures.seconds(value, what, line: json.line, column: json.column)
    }
}
