/// Reads ApacheBench -e CSV (placeholder: not implemented yet).
public enum ApacheBenchCSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench -e CSV"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading ApacheBench -e CSV is not implemented yet")
    }
}
