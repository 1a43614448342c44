/// Reads npm audit JSON (placeholder: not implemented yet).
public enum NpmAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "npm audit JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading npm audit JSON is not implemented yet")
    }
}
