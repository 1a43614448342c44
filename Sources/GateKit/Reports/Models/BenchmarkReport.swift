/// A benchmark or load-test report: one series per label (endpoint, scenario, benchmark name), in report order.
public struct BenchmarkReport: Equatable, Sendable {
    public var series: [BenchmarkSeries]

    public init(series: [BenchmarkSeries]) {
        self.series = series
    }
}

/// What one label of a benchmark report holds: raw samples, or the statistics the report states, or both.
///
/// Durations are in seconds everywhere (readers convert from the tool's unit). A reader fills what the format has
/// and leaves the rest nil; the metrics compute what they can from `samples` and otherwise use `stated`.
public struct BenchmarkSeries: Equatable, Sendable {
    /// The label as the report names it (Locust's `Name`, k6's scenario or URL, hyperfine's command…).
    public var label: String
    /// True for the report's own overall row (Locust's `Aggregated`, k6's totals, ab's whole run): it stands for
    /// every label when no `label` selector is given, instead of the labels being pooled.
    public var isAggregate: Bool
    /// The raw latency samples, when the report has them.
    public var samples: SampleDistribution?
    /// The statistics the report states for this label.
    public var stated: StatedStatistics
    /// Requests (or iterations) made, when the report says.
    public var requests: Int?
    /// Requests that failed, when the report says.
    public var failures: Int?
    /// How long the run of this label took, in seconds, when the report says (for throughput).
    public var duration: Double?

    public init(
        label: String, isAggregate: Bool = false, samples: SampleDistribution? = nil,
        stated: StatedStatistics = StatedStatistics(), requests: Int? = nil, failures: Int? = nil,
        duration: Double? = nil
    ) {
        self.label = label
        self.isAggregate = isAggregate
        self.samples = samples
        self.stated = stated
        self.requests = requests
        self.failures = failures
        self.duration = duration
    }
}

/// Statistics a report states (not computed from samples): durations in seconds, throughput per second.
public struct StatedStatistics: Equatable, Sendable {
    /// Percentiles by rank (50, 90, 95, 99, 99.9…) in seconds.
    public var percentiles: [Double: Double]
    public var minimum: Double?
    public var maximum: Double?
    public var mean: Double?
    public var median: Double?
    public var standardDeviation: Double?
    /// Requests (or iterations) per second, as the report states it.
    public var throughput: Double?

    public init(
        percentiles: [Double: Double] = [:], minimum: Double? = nil, maximum: Double? = nil, mean: Double? = nil,
        median: Double? = nil, standardDeviation: Double? = nil, throughput: Double? = nil
    ) {
        self.percentiles = percentiles
        self.minimum = minimum
        self.maximum = maximum
        self.mean = mean
        self.median = median
        self.standardDeviation = standardDeviation
        self.throughput = throughput
    }
}

/// Raw latency samples, kept as distinct values with their counts so that percentiles are exact while memory
/// grows with the number of distinct values, not of samples (JMeter's whole milliseconds: a few thousand values
/// for any number of rows).
public struct SampleDistribution: Equatable, Sendable {
    /// Distinct sample values in seconds, ascending, with how many times each occurred (after ``compact()``).
    private var values: [Double] = []
    private var counts: [Int] = []
    /// Samples added since the last compaction, not yet sorted.
    private var pending: [Double] = []
    public private(set) var count = 0
    public private(set) var sum = 0.0

    public init() {}

    /// Adds one sample in seconds; the caller has checked that it is finite and not negative.
    public mutating func add(_ seconds: Double) {
        pending.append(seconds)
        count += 1
        sum += seconds
        if pending.count >= 1 << 16 { compact() }
    }

    /// Adds `times` samples of one value in seconds (a histogram's bucket); the caller has checked that it is finite
    /// and not negative.
    public mutating func add(_ seconds: Double, times: Int) {
        guard times > 0 else { return }
        compact()
        count += times
        sum += seconds * Double(times)
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < seconds { low = middle + 1 } else { high = middle }
        }
        if low < values.count, values[low] == seconds {
            counts[low] += times
        } else {
            values.insert(seconds, at: low)
            counts.insert(times, at: low)
        }
    }

    /// Adds every sample of `other`.
    public mutating func add(_ other: SampleDistribution) {
        var other = other
        other.compact()
        compact()
        var mergedValues: [Double] = []
        var mergedCounts: [Int] = []
        mergedValues.reserveCapacity(values.count + other.values.count)
        mergedCounts.reserveCapacity(values.count + other.values.count)
        var (mine, theirs) = (0, 0)
        while mine < values.count || theirs < other.values.count {
            if theirs == other.values.count || (mine < values.count && values[mine] < other.values[theirs]) {
                mergedValues.append(values[mine])
                mergedCounts.append(counts[mine])
                mine += 1
            } else if mine < values.count, values[mine] == other.values[theirs] {
                mergedValues.append(values[mine])
                mergedCounts.append(counts[mine] + other.counts[theirs])
                mine += 1
                theirs += 1
            } else {
                mergedValues.append(other.values[theirs])
                mergedCounts.append(other.counts[theirs])
                theirs += 1
            }
        }
        values = mergedValues
        counts = mergedCounts
        count += other.count
        sum += other.sum
    }

    /// Folds the pending samples into the sorted distinct values.
    public mutating func compact() {
        guard !pending.isEmpty else { return }
        pending.sort()
        var mergedValues: [Double] = []
        var mergedCounts: [Int] = []
        mergedValues.reserveCapacity(values.count + pending.count)
        mergedCounts.reserveCapacity(values.count + pending.count)
        func append(_ value: Double, _ times: Int) {
            if let last = mergedValues.last, last == value {
                mergedCounts[mergedCounts.count - 1] += times
            } else {
                mergedValues.append(value)
                mergedCounts.append(times)
            }
        }
        var (old, new) = (0, 0)
        while old < values.count || new < pending.count {
            if new == pending.count || (old < values.count && values[old] <= pending[new]) {
                append(values[old], counts[old])
                old += 1
            } else {
                append(pending[new], 1)
                new += 1
            }
        }
        values = mergedValues
        counts = mergedCounts
        pending.removeAll(keepingCapacity: true)
    }

    /// The distinct values, ascending, with their counts.
    public func distinctValues() -> [(value: Double, count: Int)] {
        var copy = self
        copy.compact()
        return Array(zip(copy.values, copy.counts)).map { (value: $0.0, count: $0.1) }
    }

    public static func == (lhs: SampleDistribution, rhs: SampleDistribution) -> Bool {
        lhs.distinctValues().elementsEqual(rhs.distinctValues()) { $0.value == $1.value && $0.count == $1.count }
    }
}

/// A metrics report (OpenMetrics/Prometheus text exposition, flat JSON): named values with labels.
public struct MetricsReport: Equatable, Sendable {
    public var samples: [MetricSample]

    public init(samples: [MetricSample]) {
        self.samples = samples
    }
}

/// One value of a metrics report: `process_resident_memory_bytes{instance="a"} 1.2e8`.
///
/// An exposition can hold millions of samples, so the labels are kept as one string (each name and value prefixed by
/// its length in UTF-8 bytes, sorted by name) rather than as a dictionary per sample: about 100 bytes a sample
/// instead of 400.
public struct MetricSample: Equatable, Sendable {
    public var name: String
    private var encodedLabels: String
    public var value: Double

    public init(name: String, labels: [String: String] = [:], value: Double) {
        self.name = name
        encodedLabels = Self.encode(labels)
        self.value = value
    }

    /// The labels by name.
    public var labels: [String: String] {
        get {
            var result: [String: String] = [:]
            forEachLabel { result[Self.text($0)] = Self.text($1) }
            return result
        }
        set { encodedLabels = Self.encode(newValue) }
    }

    /// The value of the label `key`, if the sample has it.
    public func label(_ key: String) -> String? {
        var found: String?
        forEachLabel { name, value in if found == nil, name.elementsEqual(key.utf8) { found = Self.text(value) } }
        return found
    }

    /// `key="value"` for every label, sorted by name, joined by ",".
    public var labelText: String {
        var parts: [String] = []
        forEachLabel { parts.append("\(Self.text($0))=\"\(Self.text($1))\"") }
        return parts.joined(separator: ",")
    }

    private func forEachLabel(_ body: (Substring.UTF8View, Substring.UTF8View) -> Void) {
        var rest = encodedLabels.utf8[...]
        while let name = Self.field(&rest), let value = Self.field(&rest) { body(name, value) }
    }

    private static func text(_ bytes: Substring.UTF8View) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func encode(_ labels: [String: String]) -> String {
        var encoded = ""
        guard !labels.isEmpty else { return encoded }
        let sorted = labels.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        // Reserved exactly: the string is kept for the report's lifetime.
        encoded.reserveCapacity(
            sorted.reduce(0) { total, label in
                let (key, value) = (label.key.utf8.count, label.value.utf8.count)
                return total + key + value + String(key).utf8.count + String(value).utf8.count + 2
            })
        for (key, value) in sorted {
            encoded += String(key.utf8.count)
            encoded += ":"
            encoded += key
            encoded += String(value.utf8.count)
            encoded += ":"
            encoded += value
        }
        return encoded
    }

    /// The next length-prefixed field of `rest` (as ``encode(_:)`` wrote it), which it then no longer holds.
    private static func field(_ rest: inout Substring.UTF8View) -> Substring.UTF8View? {
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let count = rest[..<colon].reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
        let start = rest.index(after: colon)
        guard let end = rest.index(start, offsetBy: count, limitedBy: rest.endIndex) else { return nil }
        defer { rest = rest[end...] }
        return rest[start..<end]
    }
}
