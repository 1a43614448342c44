/// Reads hyperfine JSON (placeholder: not implemented yet).
public enum HyperfineReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "hyperfine JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading hyperfine JSON is not implemented yet")
    }
}
