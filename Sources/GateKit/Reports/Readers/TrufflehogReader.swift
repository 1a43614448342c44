/// Reads the output of TruffleHog v3 with `--json`: one JSON object per line and per secret found
/// (`{"SourceMetadata": {"Data": {"Git": {"commit", "file", "line", …}}}, "DetectorName", "Verified", "Raw",
/// "Redacted", …}`; the source may be `Git`, `Github`, `Filesystem`, `Docker`, `S3`…, each with its own keys).
///
/// One finding per line with a `DetectorName`, so the count equals the secrets TruffleHog prints ("verified_secrets"
/// plus "unverified_secrets" in its closing log line); other JSON lines (TruffleHog's own log, when stderr is
/// redirected too) are skipped. A verified secret (TruffleHog logged in with it) is critical, an unverified one
/// high, as a gitleaks leak is; the level is error for both. The rule is `DetectorName`, the location the source's
/// `file` (or `path`) at `line`; the secret (`Raw`, `RawV2`, `Redacted`) is never kept. The kind is secret, the
/// tool `trufflehog`.
public enum TrufflehogReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "TruffleHog JSON"

    /// True for JSON whose head has the keys `SourceMetadata` and `DetectorName` (log lines may come first).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .json && head.contains("\"SourceMetadata\":") && head.contains("\"DetectorName\":")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var findings: [Finding] = []
        try ScannerJSON.readLines(input) { json throws(InputError) in
            if let finding = try secret(json) { findings.append(finding) }
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// The secret of one line, or nil for a line that is not a secret (a log line).
    private static func secret(_ json: JSONTokenizer) throws(InputError) -> Finding? {
        var finding = Finding(tool: "trufflehog", level: .error, severity: .high, kind: .secret, message: "")
        var verified = false
        try json.forEachMember { key throws(InputError) in
            if key == "DetectorName" {
                finding.rule = try LinterJSON.optionalString(json, "DetectorName")
            } else if key == "Verified" {
                verified = try LinterJSON.bool(json, "Verified")
            } else if key == "SourceMetadata" {
                try json.forEachMember { key throws(InputError) in
                    guard key == "Data" else { return }
                    try json.forEachMember { _ throws(InputError) in try readSource(json, into: &finding) }
                }
            }
        }
        guard let rule = finding.rule else { return nil }
        finding.severity = verified ? .critical : .high
        finding.message = ScannerJSON.oneLine("\(rule) secret, \(verified ? "verified" : "unverified")")
        return finding
    }

    /// Reads the location in a source's metadata (`{"file", "line", …}`).
    private static func readSource(_ json: JSONTokenizer, into finding: inout Finding) throws(InputError) {
        guard try json.next() == .beginObject else { return }
        try json.forEachMember { key throws(InputError) in
            if key == "file" || key == "path" {
                finding.path = try LinterJSON.optionalString(json, "the source's \(key)")
            } else if key == "line" {
                finding.line = try LinterJSON.position(json, "the source's line")
            }
        }
    }
}
