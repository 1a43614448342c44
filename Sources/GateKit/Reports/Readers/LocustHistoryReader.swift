/// Reads Locust stats history CSV (placeholder: not implemented yet).
public enum LocustHistoryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Locust stats history CSV"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Locust stats history CSV is not implemented yet")
    }
}
