/// What a `check` entry of the session log holds: the verdict, every gate and condition with value, threshold and
/// status, the gate files and report files with their SHA-256, where the check ran (commit, CI run) and protocol's
/// version.
public struct CheckRecord: Sendable {
    /// A file the check read, with its digest.
    public struct DigestedFile: Sendable {
        public let path: String
        public let sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public let verdict: Verdict
    /// The project's name, from the gate files.
    public let name: String?
    public let gateFiles: [DigestedFile]
    /// The reports' digests by path (the paths of ``Verdict/reports``).
    public let reportDigests: [String: String]
    public let phase: String?
    public let git: GitState
    public let ci: CIRun?
    /// Whether the report files were stored as evidence.
    public let evidence: Bool

    public init(
        verdict: Verdict, name: String?, gateFiles: [DigestedFile], reportDigests: [String: String], phase: String?,
        git: GitState,
        ci: CIRun?, evidence: Bool
    ) {
        self.verdict = verdict
        self.name = name
        self.gateFiles = gateFiles
        self.reportDigests = reportDigests
        self.phase = phase
        self.git = git
        self.ci = ci
        self.evidence = evidence
    }

    /// The entry's `data`.
    public var json: JSONOutput {
        .object([
            ("protocol", .string(ProtocolTool.version)),
            ("name", .optional(name)),
            ("verdict", .string(verdict.passed ? "pass" : "fail")),
            ("phase", .optional(phase)),
            ("summary", CheckJSONRenderer.summary(verdict)),
            ("gates", .array(verdict.gates.map(CheckJSONRenderer.gate))),
            (
                "gate_files",
                .array(gateFiles.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })
            ),
            (
                "reports",
                .array(
                    verdict.reports.map { report in
                        .object([
                            ("path", .string(report.path)), ("format", .string(report.format.rawValue)),
                            ("category", .string(report.category.rawValue)), ("bytes", .integer(report.byteCount)),
                            ("sha256", .optional(reportDigests[report.path])),
                        ])
                    })
            ),
            ("problems", CheckJSONRenderer.problems(verdict)),
            ("waivers", CheckJSONRenderer.waivers(verdict)),
            ("git", git.json),
            ("ci", ci?.json ?? .null),
            ("evidence", .bool(evidence)),
        ])
    }

    /// The digest of a set of gate files as `sha256sum` prints it, one `<hex>  <path>` line per file sorted by
    /// path, hashed again: `sha256sum gates/*.json5 | sha256sum` computes the same for the files of one folder.
    public static func policyDigest(_ files: [DigestedFile]) -> String {
        let listing = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { "\($0.sha256)  \($0.path)\n" }.joined()
        return SHA256.digest(listing).hex
    }
}
