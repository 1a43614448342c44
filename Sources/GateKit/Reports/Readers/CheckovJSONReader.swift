/// Reads Checkov JSON (placeholder: not implemented yet).
public enum CheckovJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let categories: [ReportCategory] = [.scan, .lint]
    public static let displayName = "Checkov JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Checkov JSON is not implemented yet")
    }
}
