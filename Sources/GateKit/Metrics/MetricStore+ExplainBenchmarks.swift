extension MetricStore {
    /// A bench condition's label selection and options, and the statistic per label (pooled across reports),
    /// worst first: with no label selector every label, so that the slowest show even when the value is a report's
    /// overall row.
    func benchmarkEvidence(_ condition: Condition) -> (filters: [String], order: String, items: [WorstItem]) {
        let order = "labels, worst first"
        guard let statistic = BenchmarkStatistic(condition.metric.name) else { return ([], order, []) }
        let (options, terms) = BenchmarkOptions.split(condition.selector)
        let all = benchmarks.flatMap { path, report in report.series.map { SelectedSeries(path: path, series: $0) } }
        let labelled = all.contains { !$0.series.isAggregate } ? all.filter { !$0.series.isAggregate } : all
        let selected = labelled.filter { item in terms.allSatisfy { $0.selects(item.series.label) } }
        var groups: [(label: String, series: [SelectedSeries])] = []
        for item in selected {
            if let index = groups.firstIndex(where: { $0.label == item.series.label }) {
                groups[index].series.append(item)
            } else {
                groups.append((item.series.label, [item]))
            }
        }
        let labels = Set(labelled.map(\.series.label)).count
        var filters = [
            terms.isEmpty
                ? "no label selector: each report's overall row where it has one, else its labels pooled "
                    + "(\(labels) \(labels == 1 ? "label" : "labels"))"
                : Self.selection(terms, groups.count, of: labels, "labels")
        ]
        if statistic.isPercentile {
            let definition = options.percentile ?? .linear
            filters.append(
                "percentile=\"\(definition.rawValue)\": \(definition.description) over raw samples"
                    + (options.percentile == nil ? " (the default); stated percentiles used as stated" : ""))
        }
        if let minimum = options.minimumSamples {
            filters.append("min_samples=\"\(minimum)\": a value on fewer samples fails the condition")
        }
        if let aggregate = options.aggregate {
            filters.append("aggregate=\"\(aggregate.rawValue)\": each report one run, the \(aggregate.rawValue) run")
        }
        let items = groups.map { label, series -> WorstItem in
            switch Self.measure(statistic, series, options) {
            case .failure(let error): return WorstItem(name: label, detail: error.message)
            case .success(let value):
                let reports = Set(series.map(\.path)).count
                var detail =
                    value.samples.map { "\(NumberFormatting.count($0)) \($0 == 1 ? "sample" : "samples")" }
                    ?? "sample count unknown"
                if reports > 1 { detail += " in \(reports) reports" }
                if let minimum = options.minimumSamples, (value.samples ?? 0) < minimum { detail += ", too few" }
                return WorstItem(
                    name: label, value: value.value, unit: condition.metric.unit, detail: detail,
                    breaks: !condition.comparison.holds(value.value, condition.threshold))
            }
        }
        return (filters, order, Self.worstFirst(items, condition))
    }

    /// A `metrics.NAME` condition's label selection and the matching series, worst first.
    func metricsEvidence(_ condition: Condition) -> (filters: [String], order: String, items: [WorstItem]) {
        let name = String(condition.metric.name.dropFirst(MetricDefinition.metricsPrefix.count))
        let all = metricsReports.flatMap { path, report in
            report.samples.filter { $0.name == name }.map { (path: path, sample: $0) }
        }
        let matches = all.filter { match in condition.selector.allSatisfy { $0.selects(match.sample.label($0.key)) } }
        let items = matches.map { match in
            WorstItem(
                name: Self.describe(match.sample), value: match.sample.value, unit: condition.metric.unit,
                detail: metricsReports.count == 1 ? "" : match.path,
                breaks: !condition.comparison.holds(match.sample.value, condition.threshold))
        }
        return (
            ["\(name): " + Self.selection(condition.selector, matches.count, of: all.count, "series")],
            "series, worst first", Self.worstFirst(items, condition)
        )
    }

    /// Items with a value, furthest on the wrong side of the threshold first (ties by name), then those without.
    private static func worstFirst(_ items: [WorstItem], _ condition: Condition) -> [WorstItem] {
        items.sorted { lhs, rhs in
            switch (lhs.value, rhs.value) {
            case (let left?, let right?):
                let (leftGap, rightGap) = (condition.shortfall(left), condition.shortfall(right))
                return leftGap == rightGap ? lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) : leftGap > rightGap
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
        }
    }
}
