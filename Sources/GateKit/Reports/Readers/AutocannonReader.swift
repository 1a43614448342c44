/// Reads autocannon JSON (placeholder: not implemented yet).
public enum AutocannonReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "autocannon JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading autocannon JSON is not implemented yet")
    }
}
