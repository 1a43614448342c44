/// Reads Ruff JSON (placeholder: not implemented yet).
public enum RuffJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "Ruff JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Ruff JSON is not implemented yet")
    }
}
