/// Placeholder while the reader is written.
public enum SonarGenericReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Sonar generic coverage XML"
    public static func recognizes(_ head: ContentHead) -> Bool { false }
    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("not yet implemented")
    }
}
