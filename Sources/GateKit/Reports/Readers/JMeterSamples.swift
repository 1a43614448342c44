import Glibc

/// The samples of a JMeter results file (JTL, CSV or XML), tallied per label the way JMeter's HTML dashboard
/// counts them: every sample row is a sample (redirect sub-results `label-0`, `label-1` included, as the dashboard
/// and its `statistics.json` count them), its `elapsed` is its latency in whole milliseconds, `success` says
/// whether it failed, and a label's throughput is its samples over the time from its first start (`timeStamp`) to
/// its last end (`timeStamp + elapsed`).
///
/// Latencies are kept as a histogram of whole milliseconds per label, so memory does not grow with the number of
/// rows. The report has one series per label, in the order the labels first appear, and an aggregate series
/// `Total` over every sample (the dashboard's Total row).
struct JMeterSamples {
    /// More distinct labels than this is not a load test's results (a label per request id, say): an error.
    static let maximumLabels = 10_000
    /// A sample longer than a day is not a plausible latency: an error.
    static let maximumElapsed = 86_400_000
    /// Histogram buckets kept in an array; longer latencies go to a dictionary.
    static let denseLimit = 16_384

    private var names: [[UInt8]] = []
    private var labels: [String] = []
    private var tallies: [LabelTally] = []
    /// Label indexes by the FNV-1a hash of the label; labels of equal hash take the next free slot.
    private var indexByHash: [UInt64: Int] = [:]
    private var lastIndex = -1

    /// Adds one sample; `success` nil when the file does not say (the failures are then unknown), `start` its start
    /// time in epoch milliseconds, nil when the file does not say.
    @inline(__always)
    mutating func add(label: ByteSpan, elapsed: Int, success: Bool?, start: Int?, line: Int) throws(InputError) {
        guard elapsed >= 0, elapsed <= Self.maximumElapsed else {
            throw InputError(
                "the elapsed time of '\(label)' is \(elapsed) ms: "
                    + (elapsed < 0 ? "a latency cannot be negative" : "more than a day is not a plausible latency"),
                line: line)
        }
        let index = try self.index(of: label, line: line)
        tallies[index].add(elapsed, success: success, start: start)
    }

    @inline(__always)
    private mutating func index(of label: ByteSpan, line: Int) throws(InputError) -> Int {
        if lastIndex >= 0, Self.same(names[lastIndex], label) { return lastIndex }
        var hasher = FNV1a()
        for offset in 0..<label.count { hasher.add(label[offset]) }
        var slot = hasher.value
        while let index = indexByHash[slot] {
            if Self.same(names[index], label) {
                lastIndex = index
                return index
            }
            slot &+= 1
        }
        guard names.count < Self.maximumLabels else {
            throw InputError(
                "more than \(Self.maximumLabels) distinct labels: is this a load test's results?", line: line)
        }
        guard let name = label.string() else {
            throw InputError("the label '\(label)' is not valid UTF-8", line: line)
        }
        indexByHash[slot] = names.count
        names.append(label.bytes)
        labels.append(name)
        tallies.append(LabelTally())
        lastIndex = names.count - 1
        return lastIndex
    }

    @inline(__always)
    private static func same(_ name: [UInt8], _ label: ByteSpan) -> Bool {
        name.count == label.count
            && name.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { memcmp($0, label.base, label.count) == 0 } ?? true
            }
    }

    /// The series of every label and the aggregate `Total`; an error when there is no sample.
    func report(noSamples: String) throws(InputError) -> BenchmarkReport {
        guard !tallies.isEmpty else { throw InputError(noSamples) }
        var total = LabelTally()
        var series: [BenchmarkSeries] = []
        for (label, tally) in zip(labels, tallies) {
            total.merge(tally)
            series.append(tally.series(label: label))
        }
        var aggregate = total.series(label: "Total")
        aggregate.isAggregate = true
        return BenchmarkReport(series: series + [aggregate])
    }
}

/// One label's samples: a histogram of whole milliseconds, the failures and the time span.
private struct LabelTally {
    var dense: [Int] = []
    var sparse: [Int: Int] = [:]
    var count = 0
    var failures = 0
    /// False once a sample does not say whether it succeeded: the label's failures are then unknown.
    var judged = true
    var firstStart = Int.max
    var lastEnd = Int.min
    /// False once a sample has no start time: the label's duration is then unknown.
    var timed = true

    @inline(__always)
    mutating func add(_ elapsed: Int, success: Bool?, start: Int?) {
        if elapsed < JMeterSamples.denseLimit {
            if elapsed >= dense.count { dense.append(contentsOf: repeatElement(0, count: elapsed + 1 - dense.count)) }
            dense[elapsed] += 1
        } else {
            sparse[elapsed, default: 0] += 1
        }
        count += 1
        if let success {
            if !success { failures += 1 }
        } else {
            judged = false
        }
        if let start {
            firstStart = min(firstStart, start)
            lastEnd = max(lastEnd, start + elapsed)
        } else {
            timed = false
        }
    }

    mutating func merge(_ other: LabelTally) {
        if other.dense.count > dense.count {
            dense.append(contentsOf: repeatElement(0, count: other.dense.count - dense.count))
        }
        for (elapsed, times) in other.dense.enumerated() { dense[elapsed] += times }
        sparse.merge(other.sparse, uniquingKeysWith: +)
        count += other.count
        failures += other.failures
        firstStart = min(firstStart, other.firstStart)
        lastEnd = max(lastEnd, other.lastEnd)
        timed = timed && other.timed
        judged = judged && other.judged
    }

    func series(label: String) -> BenchmarkSeries {
        var samples = SampleDistribution()
        for (elapsed, times) in dense.enumerated() where times > 0 { samples.add(Double(elapsed) / 1000, times: times) }
        for (elapsed, times) in sparse.sorted(by: { $0.key < $1.key }) {
            samples.add(Double(elapsed) / 1000, times: times)
        }
        let duration = timed && lastEnd >= firstStart ? Double(lastEnd - firstStart) / 1000 : nil
        return BenchmarkSeries(
            label: label, samples: samples, requests: count, failures: judged ? failures : nil,
            duration: duration)
    }
}
