/// Reads Checkstyle XML (placeholder: not implemented yet).
public enum CheckstyleReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "Checkstyle XML"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Checkstyle XML is not implemented yet")
    }
}
