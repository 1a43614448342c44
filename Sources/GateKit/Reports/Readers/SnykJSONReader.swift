/// Reads Snyk JSON (placeholder: not implemented yet).
public enum SnykJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Snyk JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Snyk JSON is not implemented yet")
    }
}
