/// Reads OWASP ZAP JSON (placeholder: not implemented yet).
public enum ZAPReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP ZAP JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading OWASP ZAP JSON is not implemented yet")
    }
}
