/// Reads JMeter JTL XML (placeholder: not implemented yet).
public enum JMeterXMLReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter JTL XML"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading JMeter JTL XML is not implemented yet")
    }
}
