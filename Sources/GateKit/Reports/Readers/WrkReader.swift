/// Reads wrk --latency text (placeholder: not implemented yet).
public enum WrkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "wrk --latency text"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading wrk --latency text is not implemented yet")
    }
}
