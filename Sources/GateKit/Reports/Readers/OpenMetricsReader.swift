/// Reads OpenMetrics / Prometheus text (placeholder: not implemented yet).
public enum OpenMetricsReader: ReportReader {
    public static let category = ReportCategory.metrics
    public static let displayName = "OpenMetrics / Prometheus text"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading OpenMetrics / Prometheus text is not implemented yet")
    }
}
