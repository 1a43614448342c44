/// Placeholder while the reader is written.
public enum DiagnosticsReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "compiler diagnostics"
    public static func recognizes(_ head: ContentHead) -> Bool { false }
    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("not yet implemented")
    }
}
