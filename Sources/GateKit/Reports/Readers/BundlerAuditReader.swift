/// Reads bundler-audit (placeholder: not implemented yet).
public enum BundlerAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "bundler-audit JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading bundler-audit JSON is not implemented yet")
    }
}
