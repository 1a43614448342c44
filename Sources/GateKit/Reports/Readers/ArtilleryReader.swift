/// Reads Artillery JSON (placeholder: not implemented yet).
public enum ArtilleryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Artillery JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading Artillery JSON is not implemented yet")
    }
}
