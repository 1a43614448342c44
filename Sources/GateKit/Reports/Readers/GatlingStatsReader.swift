/// Reads Gatling stats.json (placeholder: not implemented yet).
public enum GatlingStatsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Gatling stats.json"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Gatling stats.json is not implemented yet")
    }
}
