/// Reads ApacheBench's `-g FILE` gnuplot TSV: `starttime\tseconds\tctime\tdtime\tttime\twait`, then one row per
/// request (its start as a date and as epoch seconds, then connect, processing, total and waiting times in whole
/// milliseconds).
///
/// One series (label `ab`: the file names no URL) with the raw samples `ttime` (the request's total time, the
/// figure of ab's "Percentage of the requests served" table) and **requests** the number of rows. The file says
/// nothing of failures. It streams: one line at a time, the samples kept as distinct values.
public enum ApacheBenchTSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench -g TSV"

    /// True for text whose first line is ab's gnuplot header.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text, let first = head.lines(limit: 1).first else { return false }
        return first.trimmed().hasPrefix("starttime\tseconds\tctime\tdtime\tttime\twait")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        guard let header = try lines.nextLine(), header.trimmed().hasPrefix("starttime\tseconds\tctime") else {
            throw InputError("not an ab -g TSV: the first line is not its header", line: 1)
        }
        var samples = SampleDistribution()
        while let line = try lines.nextLine() {
            guard !line.trimmed().isEmpty else { continue }
            let number = lines.lineNumber
            var tabs = 0
            var from = 0
            var total: ByteSpan?
            for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: "\t") {
                if tabs == 4 { total = line.slice(from, index) }
                tabs += 1
                from = index + 1
            }
            guard !lines.lastLineUnterminated else {
                throw InputError("the last row has no line end: is the file truncated?", line: number)
            }
            guard tabs == 6, let total else { throw InputError("the row has \(tabs) fields, not 6", line: number) }
            // The start date is ASCII from ab; anything else must at least be text.
            if let tab = line.firstIndex(of: UInt8(ascii: "\t")), (0..<tab).contains(where: { line[$0] >= 0x80 }) {
                _ = try line.slice(0, tab).string("the starttime on line \(number)")
            }
            let milliseconds = try LoadTestFigures.number(total, "ttime", line: number)
            samples.add(try LoadTestFigures.milliseconds(milliseconds, "ttime", line: number))
        }
        guard samples.count > 0 else { throw InputError("the ab TSV has no request row") }
        return .benchmark(
            BenchmarkReport(series: [BenchmarkSeries(label: "ab", samples: samples, requests: samples.count)]))
    }
}
