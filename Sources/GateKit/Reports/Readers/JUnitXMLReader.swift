/// Placeholder while the reader is written.
public enum JUnitXMLReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "JUnit XML"
    public static func recognizes(_ head: ContentHead) -> Bool { false }
    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("not yet implemented")
    }
}
