/// Reads flat JSON metrics (placeholder: not implemented yet).
public enum MetricsJSONReader: ReportReader {
    public static let category = ReportCategory.metrics
    public static let displayName = "flat JSON metrics"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading flat JSON metrics is not implemented yet")
    }
}
