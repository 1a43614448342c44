/// Reads Grype JSON (placeholder: not implemented yet).
public enum GrypeJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Grype JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Grype JSON is not implemented yet")
    }
}
