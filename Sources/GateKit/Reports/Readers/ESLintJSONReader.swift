/// Reads ESLint JSON (placeholder: not implemented yet).
public enum ESLintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "ESLint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading ESLint JSON is not implemented yet")
    }
}
