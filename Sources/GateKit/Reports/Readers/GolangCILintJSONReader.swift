/// Reads golangci-lint JSON (placeholder: not implemented yet).
public enum GolangCILintJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "golangci-lint JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading golangci-lint JSON is not implemented yet")
    }
}
