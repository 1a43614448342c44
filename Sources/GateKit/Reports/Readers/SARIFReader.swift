/// Reads SARIF 2.1.0 (placeholder: not implemented yet).
public enum SARIFReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "SARIF 2.1.0"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading SARIF 2.1.0 is not implemented yet")
    }
}
