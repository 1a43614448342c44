/// Reads yarn audit JSON (placeholder: not implemented yet).
public enum YarnAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "yarn audit JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading yarn audit JSON is not implemented yet")
    }
}
