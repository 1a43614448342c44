/// Reads OSV-Scanner JSON (placeholder: not implemented yet).
public enum OSVScannerReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OSV-Scanner JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading OSV-Scanner JSON is not implemented yet")
    }
}
