/// Reads Trivy JSON (placeholder: not implemented yet).
public enum TrivyJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Trivy JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Trivy JSON is not implemented yet")
    }
}
