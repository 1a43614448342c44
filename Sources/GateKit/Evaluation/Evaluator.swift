/// Evaluates gates against a metric store. Knows nothing of report formats.
public enum Evaluator {
    /// Evaluates `gates`; a condition whose category has a problem, or whose metric has no value, fails (fail closed).
    public static func evaluate(
        _ gates: [Gate], store: MetricStore, problems: [ReportCategory: [String]], reports: [ReportUse]
    ) -> Verdict {
        let results = gates.map { gate in
            GateResult(
                gate: gate,
                conditions: gate.conditions.map { condition in
                    evaluate(condition, store: store, problems: problems[condition.metric.category] ?? [])
                })
        }
        return Verdict(gates: results, reports: reports, problems: problems)
    }

    static func evaluate(_ condition: Condition, store: MetricStore, problems: [String]) -> ConditionResult {
        if !problems.isEmpty {
            return ConditionResult(
                condition: condition, measurement: nil, reason: problems.joined(separator: "; "), passed: false)
        }
        switch store.measure(condition.metric, selector: condition.selector) {
        case .unavailable(let reason):
            return ConditionResult(condition: condition, measurement: nil, reason: reason, passed: false)
        case .measured(let measurement):
            if let vacuous = measurement.vacuous {
                return ConditionResult(condition: condition, measurement: measurement, reason: vacuous, passed: false)
            }
            return ConditionResult(
                condition: condition, measurement: measurement, reason: nil,
                passed: condition.comparison.holds(measurement.value, condition.threshold))
        }
    }
}
