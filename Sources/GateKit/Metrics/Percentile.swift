/// How a percentile is computed from raw samples. Each is exact: it reads the sorted samples, never a sketch.
///
/// With `n` samples sorted ascending as `x[0] … x[n-1]` and a rank `p` between 0 and 100:
/// - `linear` (the default; numpy's default, k6, Hyndman & Fan R7): `h = p/100 · (n − 1)`, then
///   `x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])`;
/// - `nearest-rank`: `x[⌈p/100 · n⌉ − 1]` (the smallest sample with at least p% of the samples at or below it);
/// - `jmeter` (JMeter's HTML dashboard: Apache Commons Math's default estimator, R6): `pos = p/100 · (n + 1)`,
///   `x[0]` when `pos < 1`, `x[n-1]` when `pos ≥ n`, else linear between the `⌊pos⌋`-th and the next sample
///   (1-based). The dashboard applies it to its last 20,000 samples per label (`statistic_window`), so it equals
///   the dashboard's figures for runs of up to 20,000 samples per label.
public enum PercentileDefinition: String, Sendable, CaseIterable {
    case linear
    case nearestRank = "nearest-rank"
    case jmeter

    /// The definition in words, for a measurement's basis.
    public var description: String {
        switch self {
        case .linear: return "linear interpolation"
        case .nearestRank: return "nearest rank"
        case .jmeter: return "JMeter dashboard estimator (R6)"
        }
    }

    /// The `rank`-th percentile (0–100) of `samples`; nil when there are none.
    public func percentile(_ rank: Double, of samples: SampleDistribution) -> Double? {
        let values = OrderStatistics(samples.distinctValues())
        let count = values.count
        guard count > 0 else { return nil }
        switch self {
        case .linear:
            return values.interpolated(at: rank * Double(count - 1) / 100)
        case .nearestRank:
            let position = (rank * Double(count) / 100).rounded(.up)
            return values.value(at: min(count - 1, max(0, Int(position) - 1)))
        case .jmeter:
            let position = rank * Double(count + 1) / 100
            if position < 1 { return values.value(at: 0) }
            if position >= Double(count) { return values.value(at: count - 1) }
            return values.interpolated(at: position - 1)
        }
    }
}

/// Sorted samples kept as distinct values with counts, read by 0-based position.
private struct OrderStatistics {
    let values: [(value: Double, count: Int)]
    let count: Int

    init(_ values: [(value: Double, count: Int)]) {
        self.values = values
        count = values.reduce(0) { $0 + $1.count }
    }

    /// The sample at 0-based `position` (clamped to the samples).
    func value(at position: Int) -> Double {
        var seen = 0
        for entry in values {
            seen += entry.count
            if position < seen { return entry.value }
        }
        return values.last?.value ?? 0
    }

    /// Linear interpolation between the samples around the fractional 0-based `position`.
    func interpolated(at position: Double) -> Double {
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let low = value(at: lower)
        guard fraction > 0, lower + 1 < count else { return low }
        return low + fraction * (value(at: lower + 1) - low)
    }
}
