/// The reports of one check, merged per category, answering "what is this metric for this selection?".
///
/// Coverage files are keyed by their normalised path: a file listed by several reports is counted once, its
/// line and branch maps unioned (``FileCoverage/union(_:)``). Test suites and lint findings of several reports add
/// up; lint and scan findings are deduplicated and waived (``FindingsView``).
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
    /// How many of ``coverageFiles`` were listed by several reports (and their counts unioned).
    let coverageFilesInSeveralReports: Int
    /// Per category: the coverage files or findings that a source's `include`/`exclude` left out.
    let excluded: [ReportCategory: Int]
    /// The coverage reports that state overall percentages only, by report path.
    let statedCoverage: [(path: String, percentages: [String: Double])]
    let coverageReportCount: Int
    let suites: [TestSuiteResult]
    let testsDuration: Double?
    let testReportCount: Int
    let lint: FindingsView
    let scan: FindingsView
    let lintReportCount: Int
    let scanReportCount: Int
    /// The benchmark reports, in the order they were read, with their paths.
    let benchmarks: [(path: String, report: BenchmarkReport)]
    /// The metrics reports, in the order they were read, with their paths.
    let metricsReports: [(path: String, report: MetricsReport)]

    /// The store of `inputs`; `waivers` by category, checked against `today` (no date: waivers never expire).
    public init(_ inputs: [Input], waivers: [ReportCategory: [Waiver]] = [:], today: CalendarDate? = nil) {
        var coverage: [FileCoverage] = []
        var stated: [(path: String, percentages: [String: Double])] = []
        var benchmarks: [(path: String, report: BenchmarkReport)] = []
        var metricsReports: [(path: String, report: MetricsReport)] = []
        var suites: [TestSuiteResult] = []
        var durations: [Double] = []
        var findings: [ReportCategory: [[Finding]]] = [:]
        var counts: [ReportCategory: Int] = [:]
        var excluded: [ReportCategory: Int] = [:]
        for (index, input) in inputs.enumerated() {
            counts[input.report.category, default: 0] += 1
            switch input.report.report {
            case .coverage(let report):
                if !report.statedPercentages.isEmpty { stated.append((input.report.path, report.statedPercentages)) }
                for var file in report.files {
                    file.path = input.mapping.normalise(file.path)
                    if input.mapping.admits(file.path) {
                        coverage.append(file)
                    } else {
                        excluded[.coverage, default: 0] += 1
                    }
                }
            case .tests(let report):
                suites += report.suites
                if let duration = report.duration ?? Self.sum(report.suites.map(\.duration)) {
                    durations.append(duration)
                }
            case .findings(let report):
                let mapped = Self.mapped(report.findings, input.mapping)
                let category = input.report.category
                excluded[category, default: 0] += report.findings.count - mapped.count
                findings[category, default: []].append(mapped)
            case .benchmark(let report):
                benchmarks.append((input.report.path, report))
            case .metrics(let report):
                metricsReports.append((input.report.path, report))
            }
        }
        (coverageFiles, coverageFilesInSeveralReports) = Self.onePerPath(coverage)
        self.excluded = excluded
        statedCoverage = stated
        coverageReportCount = counts[.coverage] ?? 0
        self.suites = suites
        testsDuration = durations.count == counts[.tests] ? durations.reduce(0, +) : nil
        testReportCount = counts[.tests] ?? 0
        lint = FindingsView(
            reports: findings[.lint] ?? [], waivers: waivers[.lint] ?? [], today: today)
        scan = FindingsView(
            reports: findings[.scan] ?? [], waivers: waivers[.scan] ?? [], today: today)
        lintReportCount = counts[.lint] ?? 0
        scanReportCount = counts[.scan] ?? 0
        self.benchmarks = benchmarks
        self.metricsReports = metricsReports
    }

    /// How the waivers of the lint and scan findings fared.
    public var waiverStatuses: [WaiverStatus] { lint.waivers + scan.waivers }

    /// Measures `metric` over the items that `selector` selects; coverage per file with `perFile`.
    public func measure(
        _ metric: MetricDefinition, selector: [SelectorTerm] = [], perFile: Bool = false, minimumLines: Int = 0
    ) -> MetricOutcome {
        switch metric.category {
        case .coverage:
            return measureCoverage(metric, selector: selector, perFile: perFile, minimumLines: minimumLines)
        case .tests: return measureTests(metric, selector: selector)
        case .lint: return measureLint(metric, selector: selector)
        case .scan: return measureScan(metric, selector: selector)
        case .bench: return measureBenchmark(metric, selector: selector)
        case .metrics: return measureMetrics(metric, selector: selector)
        }
    }

    /// `findings` with their paths normalised and those the mapping does not admit left out; the same array, not a
    /// copy, when that changes nothing (a report of a million findings is then held once).
    static func mapped(_ findings: [Finding], _ mapping: PathMapping) -> [Finding] {
        var result: [Finding] = []
        var diverged = false
        for index in findings.indices {
            var finding = findings[index]
            var admitted = true
            if let path = finding.path {
                let normal = mapping.normalise(path)
                admitted = mapping.admits(normal)
                finding.path = normal
                if !diverged, admitted, normal == path { continue }
            } else if !diverged {
                continue
            }
            if !diverged {
                result = Array(findings[..<index])
                diverged = true
            }
            if admitted { result.append(finding) }
        }
        return diverged ? result : findings
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

    /// The files sorted by path (byte order), one per path: several entries for one path are merged by
    /// ``FileCoverage/union(_:)``, in the order they were read; and how many paths had several entries.
    private static func onePerPath(_ files: [FileCoverage]) -> (files: [FileCoverage], merged: Int) {
        let order = files.indices.sorted { lhs, rhs in
            let (left, right) = (files[lhs].path, files[rhs].path)
            return left == right ? lhs < rhs : left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        var result: [FileCoverage] = []
        var merged = 0
        var lastMerged = false
        result.reserveCapacity(order.count)
        for index in order {
            if let last = result.last, last.path == files[index].path {
                result[result.count - 1] = last.union(files[index])
                if !lastMerged { merged += 1 }
                lastMerged = true
            } else {
                result.append(files[index])
                lastMerged = false
            }
        }
        return (result, merged)
    }
}
