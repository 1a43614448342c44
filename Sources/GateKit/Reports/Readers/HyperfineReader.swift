/// Reads hyperfine `--export-json` (`{"results": [{"command", "mean", "stddev", "median", "user", "system", "min",
/// "max", "times", "exit_codes"}]}`, all in seconds).
///
/// Each result is one series labelled with its `command` (as hyperfine prints it after "Benchmark N:"): `times`
/// are the raw samples, so the mean of the samples is hyperfine's printed "Time (mean ± σ)" and min/max its
/// "Range (min … max)"; `mean`, `median`, `min`, `max` and `stddev` are kept as stated. `requests` is the number of
/// runs, `failures` the runs whose exit code is not 0 (or null: killed by a signal), which hyperfine only records
/// with `--ignore-failure`; an export without `exit_codes` (hyperfine before 1.12) states no failures. `user` and
/// `system` (CPU time) and `parameters` are not used. A result is read as written, even when its command string
/// says `[ERROR]` and its times are 0: hyperfine exported it as a measured run.
public enum HyperfineReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "hyperfine JSON"

    /// True for a JSON object whose first member is `results`, an array that starts with an object whose first
    /// member is `command` (the order hyperfine writes; the command itself is not looked at).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, json.bytes == "results",
                try json.next() == .beginArray, try json.next() == .beginObject, try json.next() == .key
            else { return false }
            return json.bytes == "command"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a hyperfine export")
        var series: [BenchmarkSeries] = []
        var hasResults = false
        try json.forEachMember { key throws(InputError) in
            guard key == "results" else { return }
            hasResults = true
            try json.forEachElement { () throws(InputError) in series.append(try readResult(json)) }
        }
        try json.expectEnd()
        guard hasResults else { throw InputError("not a hyperfine export: no results") }
        return .benchmark(BenchmarkReport(series: series))
    }

    /// Reads one `results[]` entry. A bad figure is reported once the entry is read, naming its command.
    private static func readResult(_ json: JSONTokenizer) throws(InputError) -> BenchmarkSeries {
        let (line, column) = (json.line, json.column)
        var command: String?
        var stated = StatedStatistics()
        var samples: SampleDistribution?
        var exitCodes: (runs: Int, failed: Int)?
        var problem: InputError?
        try json.forEachMember { key throws(InputError) in
            do throws(InputError) {
                if key == "command" {
                    command = try json.readString()
                } else if key == "mean" {
                    stated.mean = try statedSeconds(json, "the mean")
                } else if key == "median" {
                    stated.median = try statedSeconds(json, "the median")
                } else if key == "min" {
                    stated.minimum = try statedSeconds(json, "the min")
                } else if key == "max" {
                    stated.maximum = try statedSeconds(json, "the max")
                } else if key == "stddev" {
                    stated.standardDeviation = try statedSeconds(json, "the stddev")
                } else if key == "times" {
                    samples = try readTimes(json)
                } else if key == "exit_codes" {
                    exitCodes = try readExitCodes(json)
                }
            } catch {
                problem = problem ?? error
            }
        }
        let entry = command.map { "the result of '\($0)'" } ?? "a results[] entry without a command"
        if let problem { throw InputError("\(entry): \(problem.message)", line: problem.line, column: problem.column) }
        guard let command else { throw InputError("a results[] entry has no command", line: line, column: column) }
        return BenchmarkSeries(
            label: command, samples: samples, stated: stated, requests: samples?.count ?? exitCodes?.runs,
            failures: exitCodes?.failed)
    }

    /// A stated figure in seconds (hyperfine writes null for the stddev of a single run).
    private static func statedSeconds(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Double? {
        guard let value = try MicrobenchmarkFigures.optionalNumber(json) else { return nil }
        return try MicrobenchmarkFigures.seconds(value, what, line: json.line, column: json.column)
    }

    private static func readTimes(_ json: JSONTokenizer) throws(InputError) -> SampleDistribution {
        var samples = SampleDistribution()
        try json.forEachElement { () throws(InputError) in
            let time = try json.readDouble()
            samples.add(try MicrobenchmarkFigures.seconds(time, "a time", line: json.line, column: json.column))
        }
        return samples
    }

    private static func readExitCodes(_ json: JSONTokenizer) throws(InputError) -> (runs: Int, failed: Int) {
        var counts = (runs: 0, failed: 0)
        try json.forEachElement { () throws(InputError) in
            counts.runs += 1
            let token = try json.next()
            if token == .null {
                counts.failed += 1
                return
            }
            guard token == .number, let code = json.bytes.int() else {
                throw InputError("an exit code is not an integer", line: json.line, column: json.column)
            }
            if code != 0 { counts.failed += 1 }
        }
        return counts
    }
}
