/// Evaluates gates against a metric store. Knows nothing of report formats.
public enum Evaluator {
    /// What a check knows beyond the reports: where the project is, and the attestations of the session.
    public struct Context: Sendable {
        /// The project root that document globs are relative to.
        public var root: String
        /// The latest attestation of each gate in the current session.
        public var attestations: [String: Attestation]
        /// Why there are no attestations to look at (no session log, `--no-log` without a log), if so.
        public var attestationsUnavailable: String?

        public init(root: String, attestations: [String: Attestation] = [:], attestationsUnavailable: String? = nil) {
            self.root = root
            self.attestations = attestations
            self.attestationsUnavailable = attestationsUnavailable
        }
    }

    /// Evaluates `gates`; a condition whose category has a problem, or whose metric has no value, fails (fail closed),
    /// an attestation gate needs an attestation in the session, a document gate needs every document it names.
    public static func evaluate(
        _ gates: [Gate], store: MetricStore, problems: [ReportCategory: [String]], reports: [ReportUse],
        context: Context
    ) -> Verdict {
        let results = gates.map { gate in
            switch gate.kind {
            case .conditions(let conditions):
                return GateResult(
                    gate: gate,
                    conditions: conditions.map { condition in
                        evaluate(condition, store: store, problems: problems[condition.metric.category] ?? [])
                    })
            case .attestation:
                if let attestation = context.attestations[gate.id] {
                    return GateResult(gate: gate, attestation: .attested(attestation))
                }
                let reason =
                    context.attestationsUnavailable
                    ?? "not attested in this session: protocol attest \(gate.id) --by NAME"
                return GateResult(gate: gate, attestation: .missing(reason))
            case .documents(let requirements):
                return GateResult(
                    gate: gate, documents: requirements.map { DocumentCheck.check($0, root: context.root) })
            }
        }
        return Verdict(gates: results, reports: reports, problems: problems, waivers: store.waiverStatuses)
    }

    /// A per-item condition holds when it holds for every item. Its value is the worst item's (the lowest for
    /// `>`/`>=`, the highest for `<`/`<=`, the first failing one for `==`/`!=`); the failing items, worst first,
    /// are the offenders.
    static func evaluate(_ condition: Condition, items: [MeasuredItem], _ measurement: Measurement) -> ConditionResult {
        let distance = { (item: MeasuredItem) in condition.shortfall(item.value) }
        let failing = items.filter { !condition.comparison.holds($0.value, condition.threshold) }
            .sorted { (distance($0), $1.name) > (distance($1), $0.name) }
        let worst = failing.first ?? items.max { distance($0) < distance($1) } ?? items[0]
        var result = measurement
        result.value = worst.value
        result.basis =
            failing.isEmpty
            ? "\(measurement.basis ?? ""); all hold, the closest: \(worst.name)"
            : "\(failing.count) of \(measurement.basis ?? "") fail; the worst: \(worst.name) (\(worst.basis))"
        result.offenders = failing.map {
            "\($0.name): \(NumberFormatting.quantity($0.value, condition.metric.unit, against: condition.threshold)) "
                + "(\($0.basis))"
        }
        return ConditionResult(condition: condition, measurement: result, reason: nil, passed: failing.isEmpty)
    }

    static func evaluate(_ condition: Condition, store: MetricStore, problems: [String]) -> ConditionResult {
        if !problems.isEmpty {
            return ConditionResult(
                condition: condition, measurement: nil, reason: problems.joined(separator: "; "), passed: false)
        }
        switch store.measure(
            condition.metric, selector: condition.selector, perFile: condition.perFile,
            minimumLines: condition.minimumLines)
        {
        case .unavailable(let reason):
            return ConditionResult(condition: condition, measurement: nil, reason: reason, passed: false)
        case .measured(let measurement):
            if let vacuous = measurement.vacuous {
                return ConditionResult(condition: condition, measurement: measurement, reason: vacuous, passed: false)
            }
            if let items = measurement.items { return evaluate(condition, items: items, measurement) }
            return ConditionResult(
                condition: condition, measurement: measurement, reason: nil,
                passed: condition.comparison.holds(measurement.value, condition.threshold))
        }
    }
}
