/// Placeholder while the reader is written.
public enum CloverReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Clover XML"
    public static func recognizes(_ head: ContentHead) -> Bool { false }
    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("not yet implemented")
    }
}
