/// A session's verdict as an in-toto attestation: a Statement v1 whose subject is the commit the session's latest
/// check ran on, with protocol's own gate-verdict predicate, or a SLSA Verification Summary v1. Both are unsigned
/// JSON; sign them with existing tools (README, "Exporting a session").
public enum SessionExport {
    /// The type of protocol's predicate (its schema is in the README).
    public static let predicateType = "urn:protocol:predicate:gate-verdict:v1"
    public static let statementType = "https://in-toto.io/Statement/v1"
    public static let verificationSummaryType = "https://slsa.dev/verification_summary/v1"
    /// Who verified, for the VSA's `verifier.id`.
    public static let verifierID = "urn:protocol:verifier"

    /// The Statement with the gate-verdict predicate for `session`'s latest check.
    public static func statement(_ session: SessionRecord, logPath: String) throws(LogError) -> JSONOutput {
        let (check, subject) = try latestCheck(session)
        let data = check.data
        let gates = (data["gates"]?.arrayValue ?? []).map { gate in
            JSONOutput.object([
                ("id", JSONOutput(gate["id"] ?? JSON5Value(.null, at: gate.position))),
                ("kind", field(gate, "kind")), ("level", field(gate, "level")), ("status", field(gate, "status")),
                (
                    "conditions",
                    .array(
                        (gate["conditions"]?.arrayValue ?? []).map { condition in
                            .object([
                                ("metric", field(condition, "metric")), ("labels", field(condition, "labels")),
                                ("value", field(condition, "value")), ("unit", field(condition, "unit")),
                                ("comparator", field(condition, "op")), ("threshold", field(condition, "threshold")),
                                ("status", field(condition, "status")), ("reason", field(condition, "reason")),
                            ])
                        })
                ),
                ("attestation", field(gate, "attestation")), ("documents", field(gate, "documents")),
            ])
        }
        let predicate = JSONOutput.object([
            (
                "session",
                .object([
                    ("number", .integer(session.number)), ("title", .string(session.title)),
                    ("started", .optional(session.started)), ("closed", .optional(session.closed)),
                ])
            ),
            (
                "check",
                .object([
                    ("seq", .integer(check.seq)), ("time", .string(check.time)),
                    ("entry_hash", .string(check.lineHash)),
                    ("log", .string(logPath)),
                ])
            ),
            ("verdict", field(data, "verdict")),
            ("protocol_version", field(data, "protocol")),
            (
                "policy",
                .object([
                    ("files", field(data, "gate_files")),
                    ("digest", .object([("sha256", .string(policyDigest(data)))])),
                ])
            ),
            ("gates", .array(gates)),
            (
                "inputs",
                .array(
                    inputs(data).map {
                        .object([("uri", .string($0.path)), ("digest", .object([("sha256", .string($0.sha256))]))])
                    })
            ),
            ("git", field(data, "git")),
            ("ci", field(data, "ci")),
        ])
        return .object([
            ("_type", .string(statementType)), ("subject", .array([subject])),
            ("predicateType", .string(predicateType)), ("predicate", predicate),
        ])
    }

    /// The SLSA Verification Summary v1 for `session`'s latest check: PASSED or FAILED, the gate files as the
    /// policy, the report files as the input attestations.
    public static func verificationSummary(_ session: SessionRecord, logPath: String) throws(LogError) -> JSONOutput {
        let (check, subject) = try latestCheck(session)
        let data = check.data
        let passed = data["verdict"]?.stringValue == "pass"
        let commit = data["git"]?["commit"]?.stringValue ?? ""
        let policyFiles = (data["gate_files"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
        return .object([
            ("_type", .string(statementType)), ("subject", .array([subject])),
            ("predicateType", .string(verificationSummaryType)),
            (
                "predicate",
                .object([
                    (
                        "verifier",
                        .object([
                            ("id", .string(verifierID)), ("version", .object([("protocol", field(data, "protocol"))])),
                        ])
                    ),
                    ("timeVerified", .string(check.time)),
                    ("resourceUri", .string("git+commit:\(commit)")),
                    (
                        "policy",
                        .object([
                            ("uri", .string(policyFiles.joined(separator: ","))),
                            ("digest", .object([("sha256", .string(policyDigest(data)))])),
                        ])
                    ),
                    (
                        "inputAttestations",
                        .array(
                            inputs(data).map {
                                .object([
                                    ("uri", .string($0.path)), ("digest", .object([("sha256", .string($0.sha256))])),
                                ])
                            })
                    ),
                    ("verificationResult", .string(passed ? "PASSED" : "FAILED")),
                    ("verifiedLevels", .array([.string(passed ? "PROTOCOL_GATES_PASSED" : "FAILED")])),
                    ("slsaVersion", .string("1.0")),
                ])
            ),
        ])
    }

    /// The session's latest check and the subject it names (the commit).
    private static func latestCheck(_ session: SessionRecord) throws(LogError) -> (LoggedEntry, JSONOutput) {
        guard let check = session.checks.last else {
            throw LogError("session \(session.number) has no check to export: run protocol check")
        }
        guard let commit = check.data["git"]?["commit"]?.stringValue else {
            let why = check.data["git"]?["problem"]?.stringValue ?? "the commit is unknown"
            throw LogError(
                "session \(session.number)'s latest check (entry \(check.seq)) names no commit (\(why)); "
                    + "an attestation needs a subject: run the check in the git work tree")
        }
        let name = check.data["name"]?.stringValue ?? "git commit"
        let algorithm = commit.count == 64 ? "sha256" : "gitCommit"
        return (check, .object([("name", .string(name)), ("digest", .object([(algorithm, .string(commit))]))]))
    }

    private static func field(_ value: JSON5Value, _ key: String) -> JSONOutput {
        value[key].map(JSONOutput.init) ?? .null
    }

    private static func inputs(_ data: JSON5Value) -> [CheckRecord.DigestedFile] {
        (data["reports"]?.arrayValue ?? []).compactMap { report in
            guard let path = report["path"]?.stringValue, let sha = report["sha256"]?.stringValue else { return nil }
            return CheckRecord.DigestedFile(path: path, sha256: sha)
        }
    }

    private static func policyDigest(_ data: JSON5Value) -> String {
        CheckRecord.policyDigest(
            (data["gate_files"]?.arrayValue ?? []).compactMap { file in
                guard let path = file["path"]?.stringValue, let sha = file["sha256"]?.stringValue else { return nil }
                return CheckRecord.DigestedFile(path: path, sha256: sha)
            })
    }
}
