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
