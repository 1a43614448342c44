extension MetricStore {
    /// `tests.*` over the selected suites. No test case at all is not a pass: the counts are measured (0), but
    /// vacuous, so a gate on them fails.
    func measureTests(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let selected = suites.filter { suite in selector.allSatisfy { $0.selects(suite.name) } }
        let counts = selected.reduce(TestCounts()) { $0 + $1.counts }
        if counts.total == 0, !selector.isEmpty {
            let names = Set(suites.map(\.name)).sorted().prefix(5).joined(separator: ", ")
            return .unavailable(
                "no test suite matches \(selector.map(\.text).joined(separator: ", ")) (suites: \(names))")
        }
        let vacuous = counts.total == 0 ? "the test reports hold no test cases" : nil
        let ran = counts.passed + counts.failed + counts.errors
        let basis =
            "\(RecordCount("tests", counts.total).text): \(NumberFormatting.count(counts.passed)) passed, "
            + "\(NumberFormatting.count(counts.failed)) failed, \(RecordCount("errors", counts.errors).text), "
            + "\(NumberFormatting.count(counts.skipped)) skipped"
        let problems = selected.flatMap(\.problems)
        let offenders = problems.prefix(10).map {
            "\($0.kind.rawValue): \($0.name)" + ($0.message.isEmpty ? "" : ": \($0.message)")
        }
        func measured(_ value: Double) -> MetricOutcome {
            .measured(Measurement(value: value, basis: basis, offenders: Array(offenders), vacuous: vacuous))
        }
        switch metric.name {
        case "tests.total": return measured(Double(counts.total))
        case "tests.passed": return measured(Double(counts.passed))
        case "tests.failed": return measured(Double(counts.failed))
        case "tests.errors": return measured(Double(counts.errors))
        case "tests.skipped": return measured(Double(counts.skipped))
        case "tests.pass_rate":
            guard ran > 0 else {
                return .unavailable(
                    counts.total == 0
                        ? "the test reports hold no test cases" : "no test ran: all \(counts.total) were skipped")
            }
            return measured(Double(counts.passed) * 100 / Double(ran))
        default:
            let duration = selector.isEmpty ? testsDuration : Self.sum(selected.map(\.duration))
            guard let duration else { return .unavailable("the test reports do not state how long the tests took") }
            return .measured(Measurement(value: duration, basis: basis, vacuous: vacuous))
        }
    }
}
