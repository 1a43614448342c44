/// Reads pip-audit JSON (placeholder: not implemented yet).
public enum PipAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "pip-audit JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading pip-audit JSON is not implemented yet")
    }
}
