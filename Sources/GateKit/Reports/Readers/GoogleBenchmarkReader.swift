/// Reads Google Benchmark `--benchmark_format=json` (or `--benchmark_out=FILE`): `{"context": {…}, "benchmarks":
/// [{"name", "run_name", "run_type", "aggregate_name", "iterations", "real_time", "cpu_time", "time_unit",
/// "error_occurred", "error_message"}]}`.
///
/// Series are labelled with `run_name` (the `name` without the aggregate suffix; `name` in schemas before it). Each
/// iteration run's `real_time` (the console's "Time" column: wall time per iteration, in the entry's own
/// `time_unit`, `ns` when absent) is one raw sample in seconds, so `--benchmark_repetitions=N` gives N samples; the
/// `mean`, `median` and `stddev` aggregates are kept as stated (the console's `_mean`, `_median`, `_stddev` rows).
/// `cpu_time`, the `cv` aggregate (a percentage), the complexity fits (`BigO`, `RMS`) and user counters are not
/// used. `requests` counts the iteration runs, `failures` those with `error_occurred` (their times are not samples).
public enum GoogleBenchmarkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Google Benchmark JSON"

    /// True for a JSON object whose `benchmarks` start with an entry having a `name`, a `real_time` and a
    /// `time_unit`, or whose `context` names `num_cpus` and `mhz_per_cpu`, as Google Benchmark writes first.
    public static func recognizes(_ head: ContentHead) -> Bool {
        MicrobenchmarkFigures.firstElement(of: head, in: "benchmarks", has: ["name", "real_time", "time_unit"])
            || head.probeJSON { json throws(InputError) in
                guard try json.next() == .beginObject, try json.next() == .key, json.bytes == "context",
                    try json.next() == .beginObject
                else { return false }
                var (cpus, frequency) = (false, false)
                while try json.next() == .key {
                    cpus = cpus || json.bytes == "num_cpus"
                    frequency = frequency || json.bytes == "mhz_per_cpu"
                    if cpus && frequency { return true }
                    try json.skipValue()
                }
                return false
            }
    }

    /// One run name's entries so far.
    private struct Runs {
        var samples = SampleDistribution()
        var stated = StatedStatistics()
        var runs = 0
        var failures = 0
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a Google Benchmark report")
        var labels: [String] = []
        var runs: [String: Runs] = [:]
        var hasBenchmarks = false
        try json.forEachMember { key throws(InputError) in
            guard key == "benchmarks" else { return }
            hasBenchmarks = true
            try json.forEachElement { () throws(InputError) in
                let entry = try Entry(json)
                if runs[entry.label] == nil { labels.append(entry.label) }
                entry.add(to: &runs[entry.label, default: Runs()])
            }
        }
        try json.expectEnd()
        guard hasBenchmarks else { throw InputError("not a Google Benchmark report: no benchmarks") }
        return .benchmark(
            BenchmarkReport(
                series: labels.compactMap { label in
                    guard let runs = runs[label] else { return nil }
                    let total = runs.runs + runs.failures
                    return BenchmarkSeries(
                        label: label, samples: runs.samples.count > 0 ? runs.samples : nil, stated: runs.stated,
                        requests: total > 0 ? total : nil, failures: total > 0 ? runs.failures : nil)
                }))
    }

    /// One `benchmarks[]` entry.
    private struct Entry {
        var label: String
        var aggregate: String?
        var failed = false
        /// `real_time` in seconds.
        var time: Double?

        init(_ json: JSONTokenizer) throws(InputError) {
            let (line, column) = (json.line, json.column)
            var name: String?
            var runName: String?
            var aggregate: String?
            var failed = false
            var realTime: (value: Double, line: Int, column: Int)?
            var unit: (perSecond: Double?, text: String)?
            try json.forEachMember { key throws(InputError) in
                if key == "name" {
                    name = try json.readString()
                } else if key == "run_name" {
                    runName = try json.readString()
                } else if key == "aggregate_name" {
                    aggregate = try json.readString()
                } else if key == "error_occurred" {
                    guard try json.next() == .bool else {
                        throw InputError("error_occurred is not true or false", line: json.line, column: json.column)
                    }
                    failed = json.boolValue
                } else if key == "real_time" {
                    realTime = (try json.readDouble(), json.line, json.column)
                } else if key == "time_unit" {
                    guard try json.next() == .string else {
                        throw InputError("time_unit is not a string", line: json.line, column: json.column)
                    }
                    unit = (MicrobenchmarkFigures.perSecond(ofTimeUnit: json.bytes), json.bytes.description)
                }
            }
            guard let label = runName ?? name else {
                throw InputError("a benchmarks[] entry has no name", line: line, column: column)
            }
            self.label = label
            self.aggregate = aggregate
            self.failed = failed
            guard let realTime, !failed else { return }
            guard let perSecond = unit.map({ $0.perSecond }) ?? 1e9 else {
                throw InputError(
                    "\(name ?? label): unknown time_unit '\(unit?.text ?? "")' (expected ns, us, ms or s)", line: line,
                    column: column)
            }
            time = try MicrobenchmarkFigures.seconds(
                realTime.value, perSecond: perSecond, "\(name ?? label): real_time", line: realTime.line,
                column: realTime.column)
        }

        func add(to runs: inout Runs) {
            guard let aggregate else {
                if failed {
                    runs.failures += 1
                } else if let time {
                    runs.runs += 1
                    runs.samples.add(time)
                }
                return
            }
            switch aggregate {
            case "mean": runs.stated.mean = time
            case "median": runs.stated.median = time
            case "stddev": runs.stated.standardDeviation = time
            default: break
            }
        }
    }
}
