/// The reports of one check, merged per category, answering "what is this metric for this selection?".
///
/// Coverage files are keyed by their normalised path: a file listed by several reports is counted once (the entry
/// with more instrumented lines, then more covered lines, wins; line-level merging comes with the coverage readers
/// that keep line maps). Test suites and lint findings of several reports add up.
public struct MetricStore: Sendable {
    /// A report and the path mapping of the source that declared it.
    public struct Input: Sendable {
        public var report: LoadedReport
        public var mapping: PathMapping

        public init(report: LoadedReport, mapping: PathMapping) {
            self.report = report
            self.mapping = mapping
        }
    }

    /// Coverage per normalised path, in path order.
    let coverageFiles: [FileCoverage]
    let coverageReportCount: Int
    let suites: [TestSuiteResult]
    let testsDuration: Double?
    let testReportCount: Int
    let findings: [Finding]
    let lintReportCount: Int

    public init(_ inputs: [Input]) {
        var coverage: [FileCoverage] = []
        var suites: [TestSuiteResult] = []
        var durations: [Double] = []
        var findings: [Finding] = []
        var counts: [ReportCategory: Int] = [:]
        for input in inputs {
            counts[input.report.category, default: 0] += 1
            switch input.report.report {
            case .coverage(let report):
                for var file in report.files {
                    file.path = input.mapping.normalise(file.path)
                    if input.mapping.admits(file.path) { coverage.append(file) }
                }
            case .tests(let report):
                suites += report.suites
                if let duration = report.duration ?? Self.sum(report.suites.map(\.duration)) {
                    durations.append(duration)
                }
            case .findings(let report):
                for var finding in report.findings {
                    finding.path = finding.path.map(input.mapping.normalise)
                    if let path = finding.path, !input.mapping.admits(path) { continue }
                    findings.append(finding)
                }
            }
        }
        coverageFiles = Self.onePerPath(coverage)
        coverageReportCount = counts[.coverage] ?? 0
        self.suites = suites
        testsDuration = durations.count == counts[.tests] ? durations.reduce(0, +) : nil
        testReportCount = counts[.tests] ?? 0
        self.findings = findings
        lintReportCount = counts[.lint] ?? 0
    }

    /// Measures `metric` over the items that `selector` selects.
    public func measure(_ metric: MetricDefinition, selector: [SelectorTerm] = []) -> MetricOutcome {
        switch metric.category {
        case .coverage: return measureCoverage(metric, selector: selector)
        case .tests: return measureTests(metric, selector: selector)
        case .lint: return measureLint(metric, selector: selector)
        }
    }

    /// The sum of `values` when every one is known.
    static func sum(_ values: [Double?]) -> Double? {
        var total = 0.0
        for value in values {
            guard let value else { return nil }
            total += value
        }
        return values.isEmpty ? nil : total
    }

    /// The files sorted by path (byte order), one per path: of several entries for one path, the one with more
    /// instrumented lines, then more covered lines, then the first read.
    private static func onePerPath(_ files: [FileCoverage]) -> [FileCoverage] {
        let order = files.indices.sorted { lhs, rhs in
            let (left, right) = (files[lhs], files[rhs])
            if left.path != right.path { return left.path.utf8.lexicographicallyPrecedes(right.path.utf8) }
            if left.lines.total != right.lines.total { return left.lines.total > right.lines.total }
            if left.lines.covered != right.lines.covered { return left.lines.covered > right.lines.covered }
            return lhs < rhs
        }
        var result: [FileCoverage] = []
        result.reserveCapacity(order.count)
        for index in order where result.last?.path != files[index].path { result.append(files[index]) }
        return result
    }
}
