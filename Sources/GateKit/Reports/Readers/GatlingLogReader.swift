/// Reads Gatling 3.x's `simulation.log` (the text log of Gatling 3.0 to 3.11, tab-separated): a `RUN` record, then
/// `USER`, `REQUEST`, `GROUP` and `ERROR` records. A request is
/// `REQUEST\t[userId\t]groups\tname\tstart\tend\tOK|KO\tmessage` (the user id went away in Gatling 3.4), with
/// epoch-millisecond timestamps; fields are taken from the end of the record, so both layouts read the same.
///
/// Series per request, labelled like Gatling's report (`group / sub-group / name`, the bare name outside groups):
/// raw samples `end − start` (Gatling's response time), **requests** the REQUEST records, **failures** those with
/// `KO`. Other records are skipped. Gatling's report computes its percentiles from an HdrHistogram that matches
/// the nearest rank of these samples; protocol computes them from the samples with the gate's estimator (linear
/// interpolation unless `percentile: "nearest-rank"`). The log streams: one line at a time, the samples kept as
/// distinct values per label.
public enum GatlingLogReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Gatling simulation.log"

    /// True for text whose first line is Gatling's `RUN` record.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text, let first = head.lines(limit: 1).first, first.hasPrefix("RUN\t") else { return false }
        var tabs = 0
        for index in 0..<first.count where first[index] == UInt8(ascii: "\t") { tabs += 1 }
        return tabs >= 4
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        var labels = GatlingLabels()
        var tabs: [Int] = []
        while let line = try lines.nextLine() {
            guard line.hasPrefix("REQUEST\t") else { continue }
            let number = lines.lineNumber
            guard !lines.lastLineUnterminated else {
                throw InputError("the last REQUEST record has no line end: is the file truncated?", line: number)
            }
            tabs.removeAll(keepingCapacity: true)
            for index in 0..<line.count where line[index] == UInt8(ascii: "\t") { tabs.append(index) }
            guard tabs.count >= 6 else {
                throw InputError("the REQUEST record has \(tabs.count + 1) fields, not 7 or 8", line: number)
            }
            /// The field `fromEnd` from the end (1 is the message).
            func field(_ fromEnd: Int) -> ByteSpan {
                let first = tabs.count - fromEnd
                let end = first + 1 < tabs.count ? tabs[first + 1] : line.count
                return line.slice(tabs[first] + 1, end)
            }
            let status = field(2)
            guard status == "OK" || status == "KO" else {
                throw InputError(
                    "the REQUEST record's status is '\(XMLSyntax.shown(status))', not OK or KO", line: number)
            }
            guard let start = field(4).int(), let end = field(3).int() else {
                throw InputError("the REQUEST record's start and end are not timestamps", line: number)
            }
            let (elapsed, overflow) = end.subtractingReportingOverflow(start)
            guard !overflow, elapsed >= 0 else {
                throw InputError("the request ends (\(end)) before it starts (\(start))", line: number)
            }
            let seconds = try LoadTestFigures.milliseconds(Double(elapsed), "the response time", line: number)
            try labels.add(groups: field(6), name: field(5), seconds: seconds, failed: status == "KO", line: number)
        }
        guard !labels.series.isEmpty else {
            throw InputError(
                "the simulation.log has no REQUEST record: is the file truncated, or did the run make none?")
        }
        return .benchmark(BenchmarkReport(series: labels.series))
    }
}

/// The requests of a Gatling log by label, in the order labels first appear.
private struct GatlingLabels {
    private(set) var series: [BenchmarkSeries] = []
    private var index: [[UInt8]: Int] = [:]
    private var key: [UInt8] = []

    mutating func add(groups: ByteSpan, name: ByteSpan, seconds: Double, failed: Bool, line: Int) throws(InputError) {
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: UnsafeBufferPointer(start: groups.base, count: groups.count))
        key.append(0)
        key.append(contentsOf: UnsafeBufferPointer(start: name.base, count: name.count))
        let slot: Int
        if let found = index[key] {
            slot = found
        } else {
            // Gatling writes the groups comma-separated; its report shows them as a path.
            var label = try name.string("the request name on line \(line)")
            if !groups.isEmpty {
                let path = try groups.string("the groups on line \(line)").split(separator: ",").joined(
                    separator: " / ")
                label = path + " / " + label
            }
            slot = series.count
            index[key] = slot
            series.append(BenchmarkSeries(label: label, samples: SampleDistribution(), requests: 0, failures: 0))
        }
        series[slot].samples?.add(seconds)
        series[slot].requests? += 1
        if failed { series[slot].failures? += 1 }
    }
}
