/// Reads Google Benchmark JSON (placeholder: not implemented yet).
public enum GoogleBenchmarkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Google Benchmark JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Google Benchmark JSON is not implemented yet")
    }
}
