/// Reads gitleaks JSON (placeholder: not implemented yet).
public enum GitleaksReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "gitleaks JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading gitleaks JSON is not implemented yet")
    }
}
