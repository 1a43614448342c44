/// How the reports of one category were combined, for `protocol explain`.
public struct MergeEvidence: Sendable, Equatable {
    public let category: ReportCategory
    /// The method as a key: `union` (coverage), `sum` (tests), `deduplicate` (lint, scan), `pool` (bench),
    /// `by-name` (metrics).
    public let method: String
    /// The method in words.
    public let description: String
    /// The numbers behind it: reports, files, files in several reports, duplicates dropped, findings waived…
    /// (counts that are 0 and only qualify the first ones are left out).
    public let counts: [RecordCount]
    /// How each waiver of the category fared (lint and scan).
    public let waivers: [WaiverStatus]
}

/// One item behind a condition's value: a file, a failed test, a finding, a benchmark label, a metric series.
public struct WorstItem: Sendable, Equatable {
    public let name: String
    /// Its own value (a file's coverage, a label's p95) and that value's unit, when it has one.
    public let value: Double?
    public let unit: UnitKind?
    /// What it is, in words: `3 of 5 lines uncovered: lines 2–3, 9`, `failure: expected 2`.
    public let detail: String
    /// Whether this item alone breaks the threshold, when that can be said (labels, series, files per file).
    public let breaks: Bool?

    public init(name: String, value: Double? = nil, unit: UnitKind? = nil, detail: String, breaks: Bool? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
        self.detail = detail
        self.breaks = breaks
    }
}

/// What `protocol explain` shows of a condition beyond its value: how the merged reports were filtered, and the
/// items behind the value, worst first.
public struct ConditionEvidence: Sendable, Equatable {
    /// The filters in words, in the order they apply: the source's `include`/`exclude`/`strip`/`map`, the selector
    /// (`path="src/**": 2 of 3 files`), `per="file"`, benchmark options (`percentile`, `min_samples`, `aggregate`).
    public let filters: [String]
    /// How the items are ordered, in words: `least covered first`.
    public let order: String
    /// The worst items, at most the limit asked for.
    public let worst: [WorstItem]
    /// How many more items there are than ``worst`` lists.
    public let more: Int

    init(filters: [String], order: String, items: [WorstItem], limit: Int) {
        self.filters = filters
        self.order = order
        worst = Array(items.prefix(limit))
        more = max(0, items.count - limit)
    }
}

extension Condition {
    /// How far `value` is on the wrong side of the threshold (negative: on the right side); the larger, the worse.
    func shortfall(_ value: Double) -> Double {
        switch comparison {
        case .greater, .greaterOrEqual: return threshold - value
        case .less, .lessOrEqual: return value - threshold
        case .equal, .notEqual: return abs(value - threshold)
        }
    }
}

extension ReportSource {
    /// The source's path rewriting and filtering in words (`strip "/ci/"`, `exclude "vendor/**"`); empty when it
    /// has none.
    var mappingTerms: [String] {
        strip.map { "strip \"\($0)\"" } + map.map { "map \"\($0.from)\" → \"\($0.to)\"" }
            + include.map { "include \"\($0.pattern)\"" } + exclude.map { "exclude \"\($0.pattern)\"" }
    }
}
