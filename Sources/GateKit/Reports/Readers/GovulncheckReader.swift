/// Reads govulncheck JSON (placeholder: not implemented yet).
public enum GovulncheckReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "govulncheck JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading govulncheck JSON is not implemented yet")
    }
}
