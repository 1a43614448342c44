/// Reads SwiftLint JSON (placeholder: not implemented yet).
public enum SwiftLintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "SwiftLint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading SwiftLint JSON is not implemented yet")
    }
}
