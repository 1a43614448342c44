/// Reads TruffleHog JSON (placeholder: not implemented yet).
public enum TrufflehogReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "TruffleHog JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading TruffleHog JSON is not implemented yet")
    }
}
