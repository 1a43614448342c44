/// Reads k6 --out json points (placeholder: not implemented yet).
public enum K6JSONReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 --out json points"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading k6 --out json points is not implemented yet")
    }
}
