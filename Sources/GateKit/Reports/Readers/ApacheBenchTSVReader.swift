/// Reads ApacheBench -g TSV (placeholder: not implemented yet).
public enum ApacheBenchTSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "ApacheBench -g TSV"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading ApacheBench -g TSV is not implemented yet")
    }
}
