/// A metric of the vocabulary (DESIGN §5): its name, category, unit and the selector keys it accepts.
public struct MetricDefinition: Sendable, Equatable {
    public let name: String
    public let category: ReportCategory
    public let unit: UnitKind
    /// Selector keys a condition may use with this metric, e.g. `path` for coverage.
    public let selectorKeys: [String]
    /// One line saying what the metric counts, for `--help` and the README.
    public let meaning: String
    /// True for `metrics.NAME`: any label of the metric may be a selector key.
    public let acceptsAnyLabel: Bool

    public init(
        name: String, category: ReportCategory, unit: UnitKind, selectorKeys: [String], meaning: String,
        acceptsAnyLabel: Bool = false
    ) {
        self.name = name
        self.category = category
        self.unit = unit
        self.selectorKeys = selectorKeys
        self.meaning = meaning
        self.acceptsAnyLabel = acceptsAnyLabel
    }

    /// Every metric protocol knows, in display order (`metrics.NAME` aside: any name after `metrics.` is one).
    public static let all: [MetricDefinition] = coverage + tests + lint + scan + bench

    /// The metric called `name`, if it exists; `metrics.` followed by any name is a metric of the metrics category.
    public static func named(_ name: String) -> MetricDefinition? {
        all.first { $0.name == name } ?? metrics(name)
    }

    /// `metrics.NAME` (OpenMetrics/Prometheus names, `[a-zA-Z_:][a-zA-Z0-9_:]*`). Its unit follows the OpenMetrics
    /// base-unit suffix: `_bytes` is a size, `_seconds` a duration, anything else a plain number.
    static func metrics(_ name: String) -> MetricDefinition? {
        guard name.hasPrefix(metricsPrefix) else { return nil }
        let metric = name.dropFirst(metricsPrefix.count)
        guard let first = metric.unicodeScalars.first, !("0"..."9").contains(first),
            metric.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == ":"
            })
        else { return nil }
        let unit: UnitKind =
            metric.hasSuffix("_bytes") ? .bytes : metric.hasSuffix("_seconds") ? .duration : .count
        return MetricDefinition(
            name: name, category: .metrics, unit: unit, selectorKeys: [],
            meaning: "the value of \(metric) in a metrics report", acceptsAnyLabel: true)
    }

    /// The prefix of the metrics category's metric names.
    public static let metricsPrefix = "metrics."

    /// Selector keys of the bench metrics: `label`, and the options of ``BenchmarkOptions``.
    static let benchSelectorKeys = ["label"] + BenchmarkOptions.keys

    private static let bench: [MetricDefinition] =
        [
            ("p50", "median latency (50th percentile)"), ("p90", "90th-percentile latency"),
            ("p95", "95th-percentile latency"), ("p99", "99th-percentile latency"), ("min", "fastest sample"),
            ("max", "slowest sample"), ("mean", "mean latency"),
        ].map { statistic, meaning in
            MetricDefinition(
                name: "latency.\(statistic)", category: .bench, unit: .duration, selectorKeys: benchSelectorKeys,
                meaning: meaning)
        } + [
            MetricDefinition(
                name: "requests.total", category: .bench, unit: .count, selectorKeys: benchSelectorKeys,
                meaning: "requests (samples, iterations) made"),
            MetricDefinition(
                name: "requests.failed", category: .bench, unit: .count, selectorKeys: benchSelectorKeys,
                meaning: "requests that failed"),
            MetricDefinition(
                name: "error_rate", category: .bench, unit: .percent, selectorKeys: benchSelectorKeys,
                meaning: "failed requests as a percentage of all requests"),
            MetricDefinition(
                name: "throughput", category: .bench, unit: .rate, selectorKeys: benchSelectorKeys,
                meaning: "requests per second, as stated, else requests over the run's duration"),
        ]

    private static let coverage: [MetricDefinition] =
        ["lines", "branches", "functions"].flatMap { item in
            [
                MetricDefinition(
                    name: "coverage.\(item)", category: .coverage, unit: .percent,
                    selectorKeys: ["path", "per", "min_lines"],
                    meaning: "covered \(item) as a percentage of instrumented \(item)"),
                MetricDefinition(
                    name: "coverage.\(item).covered", category: .coverage, unit: .count,
                    selectorKeys: ["path", "per", "min_lines"],
                    meaning: "covered \(item)"),
                MetricDefinition(
                    name: "coverage.\(item).total", category: .coverage, unit: .count,
                    selectorKeys: ["path", "per", "min_lines"],
                    meaning: "instrumented \(item)"),
            ]
        } + [
            MetricDefinition(
                name: "coverage.lines_and_branches", category: .coverage, unit: .percent,
                selectorKeys: ["path", "per", "min_lines"],
                meaning: "covered lines and branches as a percentage of both (coverage.py's TOTAL with branch coverage)"
            )
        ]

    private static let tests: [MetricDefinition] = [
        MetricDefinition(
            name: "tests.total", category: .tests, unit: .count, selectorKeys: ["suite"], meaning: "test cases"),
        MetricDefinition(
            name: "tests.passed", category: .tests, unit: .count, selectorKeys: ["suite"], meaning: "passed test cases"),
        MetricDefinition(
            name: "tests.failed", category: .tests, unit: .count, selectorKeys: ["suite"],
            meaning: "failed test cases (assertion failures)"),
        MetricDefinition(
            name: "tests.errors", category: .tests, unit: .count, selectorKeys: ["suite"],
            meaning: "test cases that ended in an error (unexpected exception, crash)"),
        MetricDefinition(
            name: "tests.skipped", category: .tests, unit: .count, selectorKeys: ["suite"],
            meaning: "skipped or disabled test cases"),
        MetricDefinition(
            name: "tests.pass_rate", category: .tests, unit: .percent, selectorKeys: ["suite"],
            meaning: "passed as a percentage of the cases that ran (passed + failed + errors)"),
        MetricDefinition(
            name: "tests.duration", category: .tests, unit: .duration, selectorKeys: ["suite"],
            meaning: "time the tests took, as the reports state it"),
    ]

    private static let lint: [MetricDefinition] = [
        MetricDefinition(
            name: "lint.errors", category: .lint, unit: .count, selectorKeys: ["tool", "rule", "path"],
            meaning: "findings at level error"),
        MetricDefinition(
            name: "lint.warnings", category: .lint, unit: .count, selectorKeys: ["tool", "rule", "path"],
            meaning: "findings at level warning"),
        MetricDefinition(
            name: "lint.notes", category: .lint, unit: .count, selectorKeys: ["tool", "rule", "path"],
            meaning: "findings at level note"),
        MetricDefinition(
            name: "lint.total", category: .lint, unit: .count, selectorKeys: ["tool", "rule", "path"],
            meaning: "all findings"),
    ]

    private static let scan: [MetricDefinition] =
        Severity.allCases.map { severity in
            MetricDefinition(
                name: "vulns.\(severity.rawValue)", category: .scan, unit: .count,
                selectorKeys: ["tool", "kind", "id", "package", "path"],
                meaning: "open \(severity.rawValue)-severity findings after deduplication and waivers")
        } + [
            MetricDefinition(
                name: "vulns.total", category: .scan, unit: .count,
                selectorKeys: ["tool", "kind", "id", "package", "path"],
                meaning: "all open findings after deduplication and waivers"),
            MetricDefinition(
                name: "vulns.waived", category: .scan, unit: .count,
                selectorKeys: ["tool", "kind", "id", "package", "path"],
                meaning: "findings an active waiver covers"),
        ]
}
