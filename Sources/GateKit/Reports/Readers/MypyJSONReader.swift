/// Reads mypy JSON lines (placeholder: not implemented yet).
public enum MypyJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "mypy JSON lines"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading mypy JSON lines is not implemented yet")
    }
}
