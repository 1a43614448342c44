/// Every report format protocol reads, with the reader that reads it.
public enum ReportFormat: String, CaseIterable, Sendable {
    case lcov
    case llvmCovJSON = "llvm-cov-json"
    case junit
    case diagnostics

    /// The reader type for this format.
    public var reader: ReportReader.Type {
        switch self {
        case .lcov: return LCOVReader.self
        case .llvmCovJSON: return LLVMCovJSONReader.self
        case .junit: return JUnitXMLReader.self
        case .diagnostics: return DiagnosticsReader.self
        }
    }

    /// The category this format's reports feed.
    public var category: ReportCategory { reader.category }

    /// A human name with the producing tools, for output and help.
    public var displayName: String { reader.displayName }
}

/// Reads one report format. One type per format, in `Reports/Readers/`.
///
/// A reader pulls bytes from an ``InputBuffer`` (already decoded to UTF-8, byte-order mark removed),
/// streams through them once, and returns a typed ``Report``. It throws an ``InputError`` with the line
/// (and column where it knows it) for anything it cannot read; it never crashes on bad input.
public protocol ReportReader {
    /// The category of the reports this reader returns.
    static var category: ReportCategory { get }
    /// A human name, e.g. "LCOV tracefile".
    static var displayName: String { get }
    /// True when the first bytes of a file look like this format.
    static func recognizes(_ head: ContentHead) -> Bool
    /// Reads the whole report.
    static func read(_ input: InputBuffer) throws(InputError) -> Report
}
