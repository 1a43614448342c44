/// Reads Semgrep JSON (placeholder: not implemented yet).
public enum SemgrepJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "Semgrep JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Semgrep JSON is not implemented yet")
    }
}
