/// Reads ApacheBench text (placeholder: not implemented yet).
public enum ApacheBenchReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench text"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading ApacheBench text is not implemented yet")
    }
}
