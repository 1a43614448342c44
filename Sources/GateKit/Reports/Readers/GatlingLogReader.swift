/// Reads Gatling simulation.log (placeholder: not implemented yet).
public enum GatlingLogReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Gatling simulation.log"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Gatling simulation.log is not implemented yet")
    }
}
