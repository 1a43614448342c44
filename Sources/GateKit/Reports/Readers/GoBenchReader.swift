/// Reads the text `go test -bench` prints (the Go benchmark data format): result lines such as
/// `BenchmarkEncode/format=json-48   714387   1423 ns/op   128 B/op   2 allocs/op`, between `goos:`, `goarch:`,
/// `pkg:`, `cpu:` configuration lines, `PASS`/`ok` lines, `-v` logs and anything else, which is ignored.
///
/// Each result line is one run of one benchmark: its `ns/op` (the mean time of an iteration, as `go test` prints
/// it) is one raw sample in seconds, so `-count=N` gives N samples per benchmark and the mean of the samples is
/// benchstat's mean of the runs. `requests` counts the runs, `failures` the `--- FAIL: BenchmarkX` lines (a failed
/// run prints no result). The iteration count, `B/op`, `allocs/op`, `MB/s` and custom units are not used: they are
/// not latencies, and a benchmark report carries no other metrics.
///
/// Labels are the benchmark names as printed (`Benchmark` prefix and sub-benchmarks kept), without the
/// `-GOMAXPROCS` suffix when every result line of the file ends in the same one (a run without `-cpu`), so that a
/// gate written on one machine holds on another; with several `-cpu` values the names are kept whole. A name that
/// occurs under two `pkg:` headers is qualified as `package.BenchmarkName`.
public enum GoBenchReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "go test -bench text"

    /// True when one of the head's lines is a benchmark result with an `ns/op` figure.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        return head.lines(limit: 4096).contains { line in
            guard let result = try? ResultLine(line) else { return false }
            return result.nanosecondsPerOperation != nil
        }
    }

    /// One benchmark's runs so far.
    private struct Runs {
        var package: String
        var name: String
        var samples = SampleDistribution()
        var failures = 0
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var package = ""
        var runs: [Runs] = []
        var index: [String: [String: Int]] = [:]
        func entry(_ name: String) -> Int {
            if let found = index[package]?[name] { return found }
            runs.append(Runs(package: package, name: name))
            index[package, default: [:]][name] = runs.count - 1
            return runs.count - 1
        }
        while let line = try scanner.nextLine() {
            do throws(InputError) {
                if line.hasPrefix("pkg: ") {
                    package = try line.dropFirst(5).trimmed().string("the package name")
                } else if let failed = failedBenchmark(line) {
                    runs[entry(try failed.string("a benchmark name"))].failures += 1
                } else if let result = try ResultLine(line), let time = result.nanosecondsPerOperation {
                    let name = try result.name.string("a benchmark name")
                    runs[entry(name)].samples.add(
                        try MicrobenchmarkFigures.seconds(time, perSecond: 1e9, "the ns/op of \(name)"))
                }
            } catch {
                let cut =
                    scanner.lastLineUnterminated ? " (the last line, without a line end: is the file truncated?)" : ""
                throw InputError(error.message + cut, line: scanner.lineNumber)
            }
        }
        let suffix = commonProcessorSuffix(runs.filter { $0.samples.count > 0 }.map(\.name))
        let names = runs.map { runs in
            let short = suffix.map { String(runs.name.dropLast($0.count)) } ?? runs.name
            return (short, runs.package.isEmpty ? short : "\(runs.package).\(short)")
        }
        let labels = MicrobenchmarkFigures.labels(names)
        return .benchmark(
            BenchmarkReport(
                series: zip(runs, labels).map { runs, label in
                    BenchmarkSeries(
                        label: label, samples: runs.samples.count > 0 ? runs.samples : nil,
                        requests: runs.samples.count + runs.failures, failures: runs.failures)
                }))
    }

    /// The `-N` suffix every name ends in, when they all end in the same one.
    private static func commonProcessorSuffix(_ names: [String]) -> String? {
        var common: String?
        for name in names {
            guard let dash = name.lastIndex(of: "-") else { return nil }
            let suffix = name[dash...]
            guard suffix.count > 1, suffix.dropFirst().allSatisfy(\.isASCII), suffix.dropFirst().allSatisfy(\.isNumber),
                common == nil || common == String(suffix)
            else { return nil }
            common = String(suffix)
        }
        return common
    }

    /// The name in a `--- FAIL: BenchmarkX-8 (…)` line, or nil.
    private static func failedBenchmark(_ line: ByteSpan) -> ByteSpan? {
        let trimmed = line.trimmed()
        guard trimmed.hasPrefix("--- FAIL: Benchmark") else { return nil }
        let name = trimmed.dropFirst(10)
        return name.slice(0, name.firstIndex(of: UInt8(ascii: " ")) ?? name.count)
    }

    /// A benchmark result line: a name starting with `Benchmark` (not followed by a lower-case letter), an
    /// iteration count, then value–unit pairs.
    struct ResultLine {
        var name: ByteSpan
        var nanosecondsPerOperation: Double?

        /// Nil when the line is not a result line; an error when it starts like one but its figures are broken.
        init?(_ line: ByteSpan) throws(InputError) {
            guard line.hasPrefix("Benchmark"), line.count == 9 || !(97...122).contains(line[9]) else { return nil }
            var fields = Fields(line)
            guard let name = fields.next(), let iterations = fields.next(), let count = iterations.int(), count > 0
            else { return nil }
            self.name = name
            while let value = fields.next() {
                guard let unit = fields.next() else {
                    throw InputError("the figure '\(value)' of \(name) has no unit")
                }
                guard unit == "ns/op" else { continue }
                guard let number = value.double() else {
                    throw InputError("the ns/op of \(name) is '\(value)', not a number")
                }
                nanosecondsPerOperation = number
            }
        }
    }

    /// The fields of a line, separated by spaces and tabs.
    struct Fields {
        let line: ByteSpan
        var position = 0

        init(_ line: ByteSpan) { self.line = line }

        mutating func next() -> ByteSpan? {
            while position < line.count, line[position].isASCIIWhitespace { position += 1 }
            guard position < line.count else { return nil }
            let start = position
            while position < line.count, !line[position].isASCIIWhitespace { position += 1 }
            return line.slice(start, position)
        }
    }
}
