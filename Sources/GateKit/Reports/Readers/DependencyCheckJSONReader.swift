/// Reads OWASP Dependency-Check JSON (placeholder: not implemented yet).
public enum DependencyCheckJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP Dependency-Check JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading OWASP Dependency-Check JSON is not implemented yet")
    }
}
