/// How one gate's measured value moved: its value at the session's latest check against the session's first check
/// and against the previous session's latest check. One trend per gate and metric (with its selector).
public struct SummaryTrend: Sendable, Equatable {
    /// What one check recorded for the metric.
    public enum Observation: Sendable, Equatable {
        case value(Double)
        /// The gate checked the metric and found no value (no report, unreadable report).
        case noValue
        /// The check did not check it: the gate (or its condition) was added or removed since.
        case absent

        public var value: Double? {
            if case .value(let number) = self { return number }
            return nil
        }
    }

    public let gate: String
    public let metric: String
    /// The unit symbol the log records (`%`, `count`, `s`, `B`, `/s`).
    public let unit: String
    public let latest: Observation
    /// Nil when the latest check is the session's only check.
    public let first: Observation?
    /// Nil when no earlier session has a check.
    public let previous: Observation?

    public init(
        gate: String, metric: String, unit: String, latest: Observation, first: Observation?, previous: Observation?
    ) {
        self.gate = gate
        self.metric = metric
        self.unit = unit
        self.latest = latest
        self.first = first
        self.previous = previous
    }

    /// The change from `earlier` to the latest value, when both have one, rounded to 9 decimals (96.1 − 93 is
    /// 3.1, not 3.0999999999999943).
    public func change(since earlier: Observation?) -> Double? {
        guard let now = latest.value, let then = earlier?.value else { return nil }
        return ((now - then) * 1e9).rounded() / 1e9
    }

    /// "+3.10 points", "-2", "+12 ms", "unchanged"; nil when either side has no value.
    public func changeText(since earlier: Observation?) -> String? {
        guard let change = change(since: earlier), let now = latest.value, let then = earlier?.value else {
            return nil
        }
        guard change != 0 else { return "unchanged" }
        let amount = MarginText.amount(
            abs(change), CheckJSONRenderer.unitKind(symbol: unit), value: now, threshold: then)
        return (change > 0 ? "+" : "-") + amount
    }

    /// An observation's value for people: `93.00%`, "no value", "not checked".
    public func shown(_ observation: Observation) -> String {
        switch observation {
        case .value(let number):
            let other = [latest, first, previous].compactMap { $0?.value }.first { $0 != number }
            return NumberFormatting.quantity(number, CheckJSONRenderer.unitKind(symbol: unit), against: other)
        case .noValue: return "no value"
        case .absent: return "not checked"
        }
    }

    /// The latest value for people: `96.10%`, "no value", "not checked" (the gate or condition was removed).
    public var latestShown: String { latest == .absent ? "not checked (removed)" : shown(latest) }

    /// Against the session's first check: "93.00%, +3.10 points", "not checked (added since)", "only check".
    public var againstFirst: String {
        guard let first else { return "only check" }
        return comparison(first, absent: "not checked (added since)")
    }

    /// Against the previous session's latest check: "95.20%, +0.90 points", "not checked (new)", "none".
    public var againstPrevious: String {
        guard let previous else { return "none" }
        return comparison(previous, absent: "not checked (new)")
    }

    private func comparison(_ earlier: Observation, absent: String) -> String {
        guard earlier != .absent else { return latest == .absent ? "not checked" : absent }
        return shown(earlier) + (changeText(since: earlier).map { ", \($0)" } ?? "")
    }

    /// The trends of the latest check's metrics, then of those only the first or previous check had (removed
    /// since), each once per gate and metric.
    static func trends(latest: [JSON5Value], first: [JSON5Value]?, previous: [JSON5Value]?) -> [SummaryTrend] {
        let now = observations(latest)
        let then = first.map(observations)
        let before = previous.map(observations)
        var keys: [Key] = []
        for list in [now, then ?? [], before ?? []] {
            for (key, _) in list where !keys.contains(key) { keys.append(key) }
        }
        func find(_ key: Key, in list: [(Key, Observation)]?) -> Observation? {
            list.map { list in list.first { $0.0 == key }?.1 ?? .absent }
        }
        return keys.map { key in
            SummaryTrend(
                gate: key.gate, metric: key.metric, unit: key.unit, latest: find(key, in: now) ?? .absent,
                first: find(key, in: then), previous: find(key, in: before))
        }
    }

    private struct Key: Equatable {
        let gate: String
        let metric: String
        let unit: String
    }

    /// Each metric row of the gates, once.
    private static func observations(_ gates: [JSON5Value]) -> [(Key, Observation)] {
        var result: [(Key, Observation)] = []
        for row in gates.flatMap(SummaryGateRow.rows(of:)) where !row.unit.isEmpty {
            let key = Key(gate: row.gate, metric: row.metric, unit: row.unit)
            guard !result.contains(where: { $0.0 == key }) else { continue }
            result.append((key, row.value.map { .value($0) } ?? .noValue))
        }
        return result
    }
}
