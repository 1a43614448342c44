/// Everything `protocol explain` shows of one gate, gathered once for the text and JSON renderings: the reports
/// read and the problems met for the gate's categories, how each category was merged, and for each condition how
/// it filtered the merged reports and the items behind its value.
public struct GateExplanation: Sendable {
    public let result: GateResult
    /// The reports of the gate's categories, in the order they were read.
    public let reports: [ReportUse]
    /// Problems finding or reading those reports (each fails the conditions of its category: fail closed).
    public let problems: [(category: ReportCategory, message: String)]
    /// How each category the gate reads was merged, in category order.
    public let merges: [MergeEvidence]
    /// Parallel to `result.conditions`.
    public let conditions: [ConditionEvidence]
    /// The session log, shown as the source of attestations.
    public let log: String

    /// The explanation of `result`, a gate evaluated against `store`; `sources` are the gate files' report sources,
    /// `limit` bounds the items listed per condition.
    public init(
        _ result: GateResult, reports: [ReportUse], problems: [ReportCategory: [String]], store: MetricStore,
        sources: [ReportSource], log: String, limit: Int
    ) {
        let categories = result.gate.categories
        self.result = result
        self.reports = reports.filter { categories.contains($0.category) }
        self.problems = categories.sorted().flatMap { category in
            (problems[category] ?? []).map { (category, $0) }
        }
        merges = categories.sorted().map(store.merge(of:))
        conditions = result.conditions.map { store.evidence(for: $0, sources: sources, limit: limit) }
        self.log = log
    }
}
