/// Reads pylint JSON (placeholder: not implemented yet).
public enum PylintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "pylint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading pylint JSON is not implemented yet")
    }
}
