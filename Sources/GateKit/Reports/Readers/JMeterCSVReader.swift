/// Reads JMeter JTL CSV (placeholder: not implemented yet).
public enum JMeterCSVReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter JTL CSV"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading JMeter JTL CSV is not implemented yet")
    }
}
