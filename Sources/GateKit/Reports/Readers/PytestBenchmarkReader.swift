/// Reads pytest-benchmark JSON (placeholder: not implemented yet).
public enum PytestBenchmarkReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "pytest-benchmark JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading pytest-benchmark JSON is not implemented yet")
    }
}
