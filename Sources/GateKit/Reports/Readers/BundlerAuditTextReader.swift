/// Reads bundler-audit's text output (placeholder: not implemented yet).
public enum BundlerAuditTextReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "bundler-audit text"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading bundler-audit text is not implemented yet")
    }
}
