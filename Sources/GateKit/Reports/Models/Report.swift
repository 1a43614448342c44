/// A report as a reader returns it: typed by category, knowing nothing of gates.
public enum Report: Equatable, Sendable {
    case coverage(CoverageReport)
    case tests(TestReport)
    case findings(FindingsReport)
    case benchmark(BenchmarkReport)
    case metrics(MetricsReport)
}
