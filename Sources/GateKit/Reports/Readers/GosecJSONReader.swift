/// Reads gosec JSON (placeholder: not implemented yet).
public enum GosecJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "gosec JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading gosec JSON is not implemented yet")
    }
}
