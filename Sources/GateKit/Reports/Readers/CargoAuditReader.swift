/// Reads cargo-audit JSON (placeholder: not implemented yet).
public enum CargoAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "cargo-audit JSON"

    public static func recognizes(_ head: ContentHead) -> Bool { false }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        throw InputError("reading cargo-audit JSON is not implemented yet")
    }
}
