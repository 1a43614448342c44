/// Reads Code Climate / GitLab Code Quality JSON (placeholder: not implemented yet).
public enum CodeClimateReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "Code Climate / GitLab Code Quality JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Code Climate / GitLab Code Quality JSON is not implemented yet")
    }
}
