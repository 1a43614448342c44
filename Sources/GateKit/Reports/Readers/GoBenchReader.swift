/// Reads go test -bench text (placeholder: not implemented yet).
public enum GoBenchReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "go test -bench text"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading go test -bench text is not implemented yet")
    }
}
