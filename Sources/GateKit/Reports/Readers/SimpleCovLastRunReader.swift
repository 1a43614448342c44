/// Placeholder while the reader is written.
public enum SimpleCovLastRunReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "SimpleCov .last run.json"
    public static func recognizes(_ head: ContentHead) -> Bool { false }
    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("not yet implemented")
    }
}
