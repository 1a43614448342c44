extension MetricStore {
    /// The findings a lint or scan condition counts, most severe first: filtered by the metric's level or severity
    /// (the waived findings for `vulns.waived`), then by the selector.
    func findingsEvidence(_ condition: Condition) -> (filters: [String], order: String, items: [WorstItem]) {
        let metric = condition.metric
        let isLint = metric.category == .lint
        let view = isLint ? lint : scan
        let severity = Severity(rawValue: String(metric.name.dropFirst("vulns.".count)))
        let kept: [Finding]
        var filters: [String] = []
        if isLint, let level = Self.level(of: metric) {
            kept = view.open.filter { $0.level == level }
            filters.append("level \(level.rawValue): \(kept.count) of \(view.open.count) open findings")
        } else if metric.name == "vulns.waived" {
            kept = view.waived
            filters.append("waived findings only: \(kept.count) of \(view.waived.count + view.open.count)")
        } else if !isLint, let severity {
            kept = view.open.filter { $0.severity == severity }
            filters.append("severity \(severity.rawValue): \(kept.count) of \(view.open.count) open findings")
        } else {
            kept = view.open
        }
        let selected = kept.filter { Self.selects(condition.selector, $0) }
        filters.append(Self.selection(condition.selector, selected.count, of: kept.count, "findings"))
        let ordered = selected.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if isLint { return (left.level, lhs.offset) < (right.level, rhs.offset) }
            guard left.severityOrder == right.severityOrder else { return left.severityOrder < right.severityOrder }
            return lhs.offset < rhs.offset
        }
        let items = ordered.map { _, finding in
            let message = finding.message.split(separator: "\n").first.map(String.init) ?? ""
            if isLint {
                let rule = finding.rule.map { " [\($0)]" } ?? ""
                return WorstItem(
                    name: finding.level.rawValue,
                    detail: "\(Self.location(of: finding))\(rule) \(message) — \(finding.tool)")
            }
            return WorstItem(
                name: finding.severity.rawValue,
                detail: Self.describe(finding) + (message.isEmpty ? "" : ": \(message)"))
        }
        return (filters, "most severe first", items)
    }
}
