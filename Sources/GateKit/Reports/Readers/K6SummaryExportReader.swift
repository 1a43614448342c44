/// Reads k6 --summary-export JSON (placeholder: not implemented yet).
public enum K6SummaryExportReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 --summary-export JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading k6 --summary-export JSON is not implemented yet")
    }
}
