/// How several runs of one benchmark (several matching reports) combine into one value, as in Lighthouse CI.
public enum RunAggregate: String, Sendable, CaseIterable {
    /// The median of the runs' values (the mean of the two middle runs when their number is even).
    case median
    /// The best run's value: the lowest latency, failure count or error rate, the highest throughput or count.
    case best
    /// The worst run's value.
    case worst
}

/// The options of a benchmark condition: `percentile`, `min_samples`, `aggregate`.
///
/// They are written like selector terms (`latency.p95{label="GET /", percentile="nearest-rank"} < 200ms`), or on
/// the bench report source (`bench: { paths: "…", min_samples: 100 }`) for every bench condition that does not say.
public struct BenchmarkOptions: Sendable, Equatable {
    /// The selector keys that are options, not labels.
    public static let keys = ["percentile", "min_samples", "aggregate"]

    /// The percentile definition chosen; nil means the default (linear), and lets stated percentiles stand.
    public var percentile: PercentileDefinition?
    /// Fewer samples behind a value than this fails the condition.
    public var minimumSamples: Int?
    /// How several matching reports combine; nil pools them.
    public var aggregate: RunAggregate?

    public init(percentile: PercentileDefinition? = nil, minimumSamples: Int? = nil, aggregate: RunAggregate? = nil) {
        self.percentile = percentile
        self.minimumSamples = minimumSamples
        self.aggregate = aggregate
    }

    /// The options among `selector`'s terms (validated when the condition was parsed), and the other terms.
    public static func split(_ selector: [SelectorTerm]) -> (options: BenchmarkOptions, labels: [SelectorTerm]) {
        var options = BenchmarkOptions()
        var labels: [SelectorTerm] = []
        for term in selector {
            if (try? options.set(term.key, term.value)) != true { labels.append(term) }
        }
        return (options, labels)
    }

    /// Sets the option `key` to `value`; returns false when `key` is not an option; throws when the value is wrong.
    @discardableResult
    public mutating func set(_ key: String, _ value: String) throws(OptionError) -> Bool {
        switch key {
        case "percentile":
            percentile = try Self.choice(key, value)
        case "min_samples":
            guard let count = Int(value), count >= 0 else {
                throw OptionError("min_samples takes a whole number of samples, e.g. 100, not '\(value)'")
            }
            minimumSamples = count
        case "aggregate":
            aggregate = try Self.choice(key, value)
        default:
            return false
        }
        return true
    }

    /// The case of `Choice` named `value`, else an error naming every case (with a did-you-mean).
    private static func choice<Choice: CaseIterable & RawRepresentable<String>>(_ key: String, _ value: String)
        throws(OptionError) -> Choice
    {
        if let choice = Choice(rawValue: value) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        throw OptionError(
            "\(key) is one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), not '\(value)'"
                + Suggestions.didYouMean(value, in: names))
    }

    /// The options as `key → value`, in ``keys`` order, for those that are set.
    public var terms: [(key: String, value: String)] {
        [
            percentile.map { ("percentile", $0.rawValue) }, minimumSamples.map { ("min_samples", String($0)) },
            aggregate.map { ("aggregate", $0.rawValue) },
        ].compactMap { $0 }
    }

    /// A wrong option value, with the message to show.
    public struct OptionError: Error, Sendable {
        public let message: String
        init(_ message: String) { self.message = message }
    }
}
