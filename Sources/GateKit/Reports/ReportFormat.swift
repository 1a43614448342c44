/// Every report format protocol reads, with the reader that reads it.
///
/// Content recognition tries the formats in this order, so a format whose files could also look like a later
/// one's comes first.
public enum ReportFormat: String, CaseIterable, Sendable {
    case lcov
    case llvmCovJSON = "llvm-cov-json"
    case cobertura
    case clover
    case jacoco
    case jacocoCSV = "jacoco-csv"
    case openCover = "opencover"
    case coveragePyJSON = "coveragepy-json"
    case istanbul
    case istanbulSummary = "istanbul-summary"
    case coveralls
    case goCoverprofile = "go-coverprofile"
    case simpleCov = "simplecov"
    case simpleCovLastRun = "simplecov-last-run"
    case simpleCovJSON = "simplecov-json"
    case sonarGeneric = "sonar-generic"
    case gcovrJSON = "gcovr-json"
    case gcovrSummary = "gcovr-summary"
    case junit
    case tap
    case trx
    case nunit
    case xunit2
    case ctest
    case sarif
    case checkstyle
    case codeClimate = "codeclimate"
    case eslintJSON = "eslint-json"
    case swiftLintJSON = "swiftlint-json"
    case pylintJSON = "pylint-json"
    case ruffJSON = "ruff-json"
    case golangciLintJSON = "golangci-lint-json"
    case mypyJSON = "mypy-json"
    case hadolintJSON = "hadolint-json"
    case gosecJSON = "gosec-json"
    case banditJSON = "bandit-json"
    case semgrepJSON = "semgrep-json"
    case checkovJSON = "checkov-json"
    case trivyJSON = "trivy-json"
    case grypeJSON = "grype-json"
    case npmAudit = "npm-audit"
    case yarnAudit = "yarn-audit"
    case pipAudit = "pip-audit"
    case osvScanner = "osv-scanner"
    case snykJSON = "snyk-json"
    case govulncheck
    case cargoAudit = "cargo-audit"
    case bundlerAudit = "bundler-audit"
    case bundlerAuditText = "bundler-audit-text"
    case dependencyCheckJSON = "dependency-check-json"
    case dependencyCheckXML = "dependency-check-xml"
    case cycloneDX = "cyclonedx"
    case gitleaks
    case trufflehog
    case zap
    case gitLabSecurity = "gitlab-security"
    case k6SummaryExport = "k6-summary-export"
    case k6Summary = "k6-summary"
    case k6JSON = "k6-json"
    case jmeterCSV = "jmeter-csv"
    case jmeterXML = "jmeter-xml"
    case jmeterStatistics = "jmeter-statistics"
    case locustStats = "locust-stats"
    case locustHistory = "locust-history"
    case gatlingStats = "gatling-stats"
    case gatlingLog = "gatling-log"
    case wrk
    case hyperfine
    case goBench = "go-bench"
    case googleBenchmark = "google-benchmark"
    case pytestBenchmark = "pytest-benchmark"
    case apacheBench = "ab"
    case apacheBenchCSV = "ab-csv"
    case apacheBenchTSV = "ab-tsv"
    case autocannon
    case artillery
    case openMetrics = "openmetrics"
    case metricsJSON = "metrics-json"
    case diagnostics

    /// The reader type for this format.
    public var reader: ReportReader.Type {
        switch self {
        case .lcov: return LCOVReader.self
        case .llvmCovJSON: return LLVMCovJSONReader.self
        case .cobertura: return CoberturaReader.self
        case .clover: return CloverReader.self
        case .jacoco: return JaCoCoReader.self
        case .jacocoCSV: return JaCoCoCSVReader.self
        case .openCover: return OpenCoverReader.self
        case .coveragePyJSON: return CoveragePyJSONReader.self
        case .istanbul: return IstanbulReader.self
        case .istanbulSummary: return IstanbulSummaryReader.self
        case .coveralls: return CoverallsReader.self
        case .goCoverprofile: return GoCoverprofileReader.self
        case .simpleCov: return SimpleCovReader.self
        case .simpleCovLastRun: return SimpleCovLastRunReader.self
        case .simpleCovJSON: return SimpleCovJSONReader.self
        case .sonarGeneric: return SonarGenericReader.self
        case .gcovrJSON: return GcovrJSONReader.self
        case .gcovrSummary: return GcovrSummaryReader.self
        case .junit: return JUnitXMLReader.self
        case .tap: return TAPReader.self
        case .trx: return TRXReader.self
        case .nunit: return NUnitXMLReader.self
        case .xunit2: return XUnitV2Reader.self
        case .ctest: return CTestReader.self
        case .sarif: return SARIFReader.self
        case .checkstyle: return CheckstyleReader.self
        case .codeClimate: return CodeClimateReader.self
        case .eslintJSON: return ESLintJSONReader.self
        case .swiftLintJSON: return SwiftLintJSONReader.self
        case .pylintJSON: return PylintJSONReader.self
        case .ruffJSON: return RuffJSONReader.self
        case .golangciLintJSON: return GolangCILintJSONReader.self
        case .mypyJSON: return MypyJSONReader.self
        case .hadolintJSON: return HadolintJSONReader.self
        case .gosecJSON: return GosecJSONReader.self
        case .banditJSON: return BanditJSONReader.self
        case .semgrepJSON: return SemgrepJSONReader.self
        case .checkovJSON: return CheckovJSONReader.self
        case .trivyJSON: return TrivyJSONReader.self
        case .grypeJSON: return GrypeJSONReader.self
        case .npmAudit: return NpmAuditReader.self
        case .yarnAudit: return YarnAuditReader.self
        case .pipAudit: return PipAuditReader.self
        case .osvScanner: return OSVScannerReader.self
        case .snykJSON: return SnykJSONReader.self
        case .govulncheck: return GovulncheckReader.self
        case .cargoAudit: return CargoAuditReader.self
        case .bundlerAudit: return BundlerAuditReader.self
        case .bundlerAuditText: return BundlerAuditTextReader.self
        case .dependencyCheckJSON: return DependencyCheckJSONReader.self
        case .dependencyCheckXML: return DependencyCheckXMLReader.self
        case .cycloneDX: return CycloneDXReader.self
        case .gitleaks: return GitleaksReader.self
        case .trufflehog: return TrufflehogReader.self
        case .zap: return ZAPReader.self
        case .gitLabSecurity: return GitLabSecurityReader.self
        case .k6SummaryExport: return K6SummaryExportReader.self
        case .k6Summary: return K6SummaryReader.self
        case .k6JSON: return K6JSONReader.self
        case .jmeterCSV: return JMeterCSVReader.self
        case .jmeterXML: return JMeterXMLReader.self
        case .jmeterStatistics: return JMeterStatisticsReader.self
        case .locustStats: return LocustStatsReader.self
        case .locustHistory: return LocustHistoryReader.self
        case .gatlingStats: return GatlingStatsReader.self
        case .gatlingLog: return GatlingLogReader.self
        case .wrk: return WrkReader.self
        case .hyperfine: return HyperfineReader.self
        case .goBench: return GoBenchReader.self
        case .googleBenchmark: return GoogleBenchmarkReader.self
        case .pytestBenchmark: return PytestBenchmarkReader.self
        case .apacheBench: return ApacheBenchReader.self
        case .apacheBenchCSV: return ApacheBenchCSVReader.self
        case .apacheBenchTSV: return ApacheBenchTSVReader.self
        case .autocannon: return AutocannonReader.self
        case .artillery: return ArtilleryReader.self
        case .openMetrics: return OpenMetricsReader.self
        case .metricsJSON: return MetricsJSONReader.self
        case .diagnostics: return DiagnosticsReader.self
        }
    }

    /// The category this format's reports feed by default.
    public var category: ReportCategory { reader.category }

    /// Every category this format's reports can be declared under (SARIF: lint or scan).
    public var categories: [ReportCategory] { reader.categories }

    /// A human name with the producing tools, for output and help.
    public var displayName: String { reader.displayName }
}

/// Reads one report format. One type per format, in `Reports/Readers/`.
///
/// A reader pulls bytes from an ``InputBuffer`` (already decoded to UTF-8, byte-order mark removed),
/// streams through them once, and returns a typed ``Report``. It throws an ``InputError`` with the line
/// (and column where it knows it) for anything it cannot read; it never crashes on bad input.
public protocol ReportReader {
    /// The category of the reports this reader returns, when nothing else is declared.
    static var category: ReportCategory { get }
    /// Every category a report of this format may be declared under (findings feed `lint` or `scan`).
    static var categories: [ReportCategory] { get }
    /// A human name, e.g. "LCOV tracefile".
    static var displayName: String { get }
    /// True when the first bytes of a file look like this format.
    static func recognizes(_ head: ContentHead) -> Bool
    /// Reads the whole report.
    static func read(_ input: InputBuffer) throws(InputError) -> Report
}

extension ReportReader {
    public static var categories: [ReportCategory] { [category] }
}
