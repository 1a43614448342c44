/// Reads GitLab security report JSON (placeholder: not implemented yet).
public enum GitLabSecurityReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "GitLab security report JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading GitLab security report JSON is not implemented yet")
    }
}
