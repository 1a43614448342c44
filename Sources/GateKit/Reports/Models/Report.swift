/// A report as a reader returns it: typed by category, knowing nothing of gates.
public enum Report: Equatable, Sendable {
    case coverage(CoverageReport)
    case tests(TestReport)
    case findings(FindingsReport)

    /// The category whose metrics this report feeds.
    public var category: ReportCategory {
        switch self {
        case .coverage: return .coverage
        case .tests: return .tests
        case .findings: return .lint
        }
    }
}
