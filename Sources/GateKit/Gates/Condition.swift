/// A comparison operator of a condition.
public enum Comparison: String, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// Whether `value op threshold` holds.
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .less: return value < threshold
        case .lessOrEqual: return value <= threshold
        case .greater: return value > threshold
        case .greaterOrEqual: return value >= threshold
        case .equal: return value == threshold
        case .notEqual: return value != threshold
        }
    }
}

/// One term of a selector: `key="value"`, `key!="value"` or `key~"regex"`.
public struct SelectorTerm: Sendable {
    public enum Match: String, Sendable {
        case equals = "="
        case notEquals = "!="
        case regex = "~"
    }

    public let key: String
    public let match: Match
    public let value: String
    private let matcher: Matcher

    private enum Matcher: @unchecked Sendable {
        case exact
        case glob(Glob)
        case regex(Regex<AnyRegexOutput>)
    }

    /// Builds a term; `path` values compare as globs, other keys exactly; `~` compiles a regular expression.
    public init(key: String, match: Match, value: String) throws(ConditionSyntaxError) {
        self.key = key
        self.match = match
        self.value = value
        switch match {
        case .regex:
            do {
                matcher = .regex(try Regex(value))
            } catch {
                throw ConditionSyntaxError("\(key)~\"\(value)\" is not a valid regular expression", column: nil)
            }
        case .equals, .notEquals:
            if key == "path" {
                do {
                    matcher = .glob(try Glob(value))
                } catch {
                    throw ConditionSyntaxError("path=\"\(value)\" is not a valid glob: \(error.message)", column: nil)
                }
            } else {
                matcher = .exact
            }
        }
    }

    /// Whether `candidate` (the item's value for this key; nil when the item has none) is selected.
    public func selects(_ candidate: String?) -> Bool {
        let matched: Bool
        switch matcher {
        case .exact: matched = candidate == value
        case .glob(let glob): matched = candidate.map { glob.matches($0) } ?? false
        case .regex(let regex): matched = candidate.map { (try? regex.firstMatch(in: $0)) != nil } ?? false
        }
        return match == .notEquals ? !matched : matched
    }

    /// The term as it would be written in a condition.
    public var text: String { "\(key)\(match.rawValue)\"\(value)\"" }
}

/// A condition of a gate: `metric{selector} op value unit`, e.g. `coverage.lines{path="Sources/**"} >= 95%`.
public struct Condition: Sendable {
    /// The condition as written in the gate file.
    public let text: String
    public let metric: MetricDefinition
    public let selector: [SelectorTerm]
    public let comparison: Comparison
    /// The threshold in the metric's canonical unit (percent points, seconds, bytes, per second, count).
    public let threshold: Double
    /// The threshold as written (`95%`, `200ms`).
    public let thresholdText: String
    /// `per="file"`: the condition must hold for every selected file, not for their sum.
    public let perFile: Bool
    /// `min_lines="N"`: with `per="file"`, files with fewer instrumented lines are left out.
    public let minimumLines: Int

    public init(
        text: String, metric: MetricDefinition, selector: [SelectorTerm], comparison: Comparison, threshold: Double,
        thresholdText: String, perFile: Bool = false, minimumLines: Int = 0
    ) {
        self.text = text
        self.metric = metric
        self.selector = selector
        self.comparison = comparison
        self.threshold = threshold
        self.thresholdText = thresholdText
        self.perFile = perFile
        self.minimumLines = minimumLines
    }

    /// The condition with `options` added to its selector where it sets none of its own (a bench source's
    /// defaults).
    func defaulting(to options: BenchmarkOptions) -> Condition {
        let own = Set(selector.map(\.key))
        let added = options.terms.filter { !own.contains($0.key) }.compactMap {
            try? SelectorTerm(key: $0.key, match: .equals, value: $0.value)
        }
        guard metric.category == .bench, !added.isEmpty else { return self }
        return Condition(
            text: text, metric: metric, selector: selector + added, comparison: comparison, threshold: threshold,
            thresholdText: thresholdText, perFile: perFile, minimumLines: minimumLines)
    }

    /// True when `item`'s labels are selected by every term of the selector.
    public func selects(_ labels: (String) -> String?) -> Bool {
        selector.allSatisfy { $0.selects(labels($0.key)) }
    }

    /// The selector's terms as `key → value` (for the JSON output's `labels`).
    public var labels: [String: String] {
        var labels = Dictionary(
            selector.map { ($0.key, $0.match == .equals ? $0.value : "\($0.match.rawValue)\($0.value)") }
        ) { first, _ in first }
        if perFile { labels["per"] = "file" }
        if minimumLines > 0 { labels["min_lines"] = String(minimumLines) }
        return labels
    }
}

/// A condition that cannot be parsed or does not fit its metric; `column` is 1-based within the condition text.
public struct ConditionSyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var column: Int?

    public init(_ message: String, column: Int?) {
        self.message = message
        self.column = column
    }
}
