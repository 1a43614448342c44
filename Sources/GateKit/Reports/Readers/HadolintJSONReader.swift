/// Reads hadolint JSON (placeholder: not implemented yet).
public enum HadolintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "hadolint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading hadolint JSON is not implemented yet")
    }
}
