extension MetricStore {
    /// `lint.*`: findings of the selected tools, rules and paths at the metric's level.
    func measureLint(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let level: FindingLevel?
        switch metric.name {
        case "lint.errors": level = .error
        case "lint.warnings": level = .warning
        case "lint.notes": level = .note
        default: level = nil
        }
        let selected = findings.filter { finding in
            (level == nil || finding.level == level)
                && selector.allSatisfy { term in
                    switch term.key {
                    case "tool": return term.selects(finding.tool)
                    case "rule": return term.selects(finding.rule)
                    default: return term.selects(finding.path)
                    }
                }
        }
        let noun = level.map { "\($0.rawValue)s" } ?? "findings"
        let basis =
            "\(NumberFormatting.count(selected.count)) \(noun) in \(NumberFormatting.count(lintReportCount)) "
            + (lintReportCount == 1 ? "report" : "reports")
        let offenders = selected.prefix(10).map { finding in
            let location = [finding.path, finding.line.map(String.init), finding.column.map(String.init)]
                .compactMap { $0 }.joined(separator: ":")
            let rule = finding.rule.map { " [\($0)]" } ?? ""
            return "\(location.isEmpty ? finding.tool : location): \(finding.level.rawValue): \(finding.message)\(rule)"
        }
        return .measured(Measurement(value: Double(selected.count), basis: basis, offenders: Array(offenders)))
    }
}
