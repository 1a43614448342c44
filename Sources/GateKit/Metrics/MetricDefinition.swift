/// A metric of the vocabulary (DESIGN §5): its name, category, unit and the selector keys it accepts.
public struct MetricDefinition: Sendable, Equatable {
    public let name: String
    public let category: ReportCategory
    public let unit: UnitKind
    /// Selector keys a condition may use with this metric, e.g. `path` for coverage.
    public let selectorKeys: [String]
    /// One line saying what the metric counts, for `--help` and the README.
    public let meaning: String

    /// Every metric protocol knows, in display order.
    public static let all: [MetricDefinition] = coverage + tests + lint + scan

    /// The metric called `name`, if it exists.
    public static func named(_ name: String) -> MetricDefinition? { all.first { $0.name == name } }

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
