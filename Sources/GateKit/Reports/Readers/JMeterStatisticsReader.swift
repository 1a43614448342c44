/// Reads JMeter dashboard statistics.json (placeholder: not implemented yet).
public enum JMeterStatisticsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter dashboard statistics.json"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading JMeter dashboard statistics.json is not implemented yet")
    }
}
