extension MetricStore {
    /// The most values of one label that `protocol metrics` breaks a metric down by; a report with more suites (or
    /// rules) lists the overall values only: thousands of lines would hide what a user is looking for.
    public static let breakdownLimit = 50

    /// Every metric the store can measure, for `protocol metrics`: each metric of the categories present, overall,
    /// then broken down by suite (tests), by tool and rule (lint) or by label (bench), then every `metrics.NAME`
    /// sample with its own labels. Metrics without a value are left out.
    public func allValues() -> [MetricValue] {
        var values: [MetricValue] = []
        func add(_ metric: MetricDefinition, _ selector: [SelectorTerm], labels: [String: String]) {
            if case .measured(let measurement) = measure(metric, selector: selector) {
                values.append(
                    MetricValue(name: metric.name, labels: labels, value: measurement.value, unit: metric.unit))
            }
        }
        for metric in MetricDefinition.all where count(of: metric.category) > 0 {
            add(metric, [], labels: [:])
        }
        for key in ["suite", "tool", "rule", "label"] {
            for label in labelValues(key) {
                guard let term = try? SelectorTerm(key: key, match: .equals, value: label) else { continue }
                for metric in MetricDefinition.all
                where metric.selectorKeys.contains(key) && count(of: metric.category) > 0 {
                    add(metric, [term], labels: [key: label])
                }
            }
        }
        for (_, report) in metricsReports {
            for sample in report.samples {
                let name = MetricDefinition.metricsPrefix + sample.name
                values.append(
                    MetricValue(
                        name: name, labels: sample.labels, value: sample.value,
                        unit: MetricDefinition.named(name)?.unit ?? .count))
            }
        }
        return values
    }

    func count(of category: ReportCategory) -> Int {
        switch category {
        case .coverage: return coverageReportCount
        case .tests: return testReportCount
        case .lint: return lintReportCount
        case .scan: return scanReportCount
        case .bench: return benchmarks.count
        case .metrics: return metricsReports.count
        }
    }

    /// The distinct values of a label, sorted; a single value is not worth breaking down.
    private func labelValues(_ key: String) -> [String] {
        let values: Set<String>
        switch key {
        case "suite": values = Set(suites.map(\.name))
        case "tool": values = Set(lint.open.lazy.map(\.tool)).union(scan.open.lazy.map(\.tool))
        case "label": values = Set(benchmarks.flatMap { $0.report.series.filter { !$0.isAggregate }.map(\.label) })
        default: values = Set(lint.open.lazy.compactMap(\.rule))
        }
        guard values.count <= Self.breakdownLimit, values.count > 1 || key == "rule" || key == "label" else {
            return []
        }
        return values.sorted()
    }
}
