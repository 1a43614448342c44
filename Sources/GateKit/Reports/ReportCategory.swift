/// What a report is evidence of; each category feeds its own family of metrics (DESIGN §5).
public enum ReportCategory: String, CaseIterable, Sendable, Comparable {
    case coverage
    case tests
    case lint
    /// Security findings: vulnerable dependencies, code weaknesses, secrets, misconfigurations.
    case scan
    /// Benchmarks and load tests: latency, requests, errors, throughput per label.
    case bench
    /// Named values with labels (OpenMetrics, flat JSON), for resource gates such as memory and CPU.
    case metrics

    public static func < (lhs: ReportCategory, rhs: ReportCategory) -> Bool {
        allCases.firstIndex(of: lhs).unsafelyUnwrapped < allCases.firstIndex(of: rhs).unsafelyUnwrapped
    }
}
