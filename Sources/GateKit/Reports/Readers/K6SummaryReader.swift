/// Reads k6 handleSummary JSON (placeholder: not implemented yet).
public enum K6SummaryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 handleSummary JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading k6 handleSummary JSON is not implemented yet")
    }
}
