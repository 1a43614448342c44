/// Reads Locust stats CSV (placeholder: not implemented yet).
public enum LocustStatsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Locust stats CSV"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Locust stats CSV is not implemented yet")
    }
}
