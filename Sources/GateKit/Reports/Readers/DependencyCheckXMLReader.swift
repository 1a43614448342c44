/// Reads OWASP Dependency-Check XML (placeholder: not implemented yet).
public enum DependencyCheckXMLReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP Dependency-Check XML"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading OWASP Dependency-Check XML is not implemented yet")
    }
}
