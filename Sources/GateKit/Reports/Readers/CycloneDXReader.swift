/// Reads CycloneDX JSON (placeholder: not implemented yet).
public enum CycloneDXReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "CycloneDX JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading CycloneDX JSON is not implemented yet")
    }
}
