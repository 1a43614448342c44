/// Renders a verdict as JSON, schema version 1 (documented in the README under "JSON output").
public enum CheckJSONRenderer {
    public static let schemaVersion = 1

    /// Where a check was recorded in the session log, for the output (`log`).
    public struct Record: Sendable, Equatable {
        public let path: String
        public let session: Int
        public let seq: Int
        public let hash: String

        public init(path: String, session: Int, seq: Int, hash: String) {
            self.path = path
            self.session = session
            self.seq = seq
            self.hash = hash
        }
    }

    /// The whole document; `record` is nil when the check was not recorded (`--no-log`).
    public static func render(_ verdict: Verdict, gateSet: GateSet, toolVersion: String, record: Record? = nil)
        -> String
    {
        JSONOutput.object([
            ("version", .integer(schemaVersion)),
            ("protocol", .string(toolVersion)),
            ("name", .optional(gateSet.name)),
            ("verdict", .string(verdict.passed ? "pass" : "fail")),
            ("summary", summary(verdict)),
            ("gates", .array(verdict.gates.map(gate))),
            (
                "reports",
                .array(
                    verdict.reports.map {
                        .object([
                            ("path", .string($0.path)), ("format", .string($0.format.rawValue)),
                            ("category", .string($0.category.rawValue)), ("bytes", .integer($0.byteCount)),
                            ("source_paths", .integer($0.sourcePaths)),
                            ("unmatched_paths", .array($0.unmatchedPaths.map { .string($0) })),
                        ])
                    })
            ),
            ("problems", problems(verdict)),
            ("waivers", waivers(verdict)),
            (
                "log",
                record.map {
                    .object([
                        ("path", .string($0.path)), ("session", .integer($0.session)), ("seq", .integer($0.seq)),
                        ("hash", .string($0.hash)),
                    ])
                } ?? .null
            ),
        ]).rendered()
    }

    static func summary(_ verdict: Verdict) -> JSONOutput {
        .object([
            ("gates", .integer(verdict.gates.count)), ("passed", .integer(verdict.count(.pass))),
            ("failed", .integer(verdict.count(.fail))), ("warned", .integer(verdict.count(.warn))),
        ])
    }

    static func waivers(_ verdict: Verdict) -> JSONOutput {
        .array(
            verdict.waivers.map { status in
                let waiver = status.waiver
                return .object([
                    ("id", .optional(waiver.id)), ("rule", .optional(waiver.rule)),
                    ("package", .optional(waiver.package)),
                    ("path", .optional(waiver.path?.pattern)), ("reason", .string(waiver.reason)),
                    ("expires", .string(waiver.expires.description)), ("approved_by", .optional(waiver.approvedBy)),
                    ("state", .string(status.state.rawValue)), ("matched", .integer(status.matched)),
                    ("expiring_soon", .bool(status.expiringSoon)), ("origin", .string(waiver.origin)),
                ])
            })
    }

    static func problems(_ verdict: Verdict) -> JSONOutput {
        .array(
            verdict.problems.sorted { $0.key < $1.key }.flatMap { category, messages in
                messages.map { .object([("category", .string(category.rawValue)), ("message", .string($0))]) }
            })
    }

    static func gate(_ result: GateResult) -> JSONOutput {
        let kind: String
        switch result.gate.kind {
        case .conditions: kind = "conditions"
        case .attestation: kind = "attestation"
        case .documents: kind = "documents"
        }
        return .object([
            ("id", .string(result.gate.id)),
            ("description", .optional(result.gate.description)),
            ("kind", .string(kind)),
            ("status", .string(result.status.rawValue)),
            ("level", .string(result.gate.level.rawValue)),
            ("phase", .optional(result.gate.phase)),
            ("file", .string(result.gate.declaredIn)),
            ("conditions", .array(result.conditions.map(condition))),
            ("attestation", result.attestation.map { attestation($0, statement: result.gate.attestation) } ?? .null),
            ("documents", .array(result.documents.map(document))),
        ])
    }

    private static func attestation(_ outcome: AttestationOutcome, statement: String?) -> JSONOutput {
        switch outcome {
        case .attested(let attestation):
            return .object([
                ("statement", .optional(statement)), ("attested", .bool(true)), ("by", .string(attestation.by)),
                ("time", .string(attestation.time)), ("note", .optional(attestation.note)),
                ("seq", .integer(attestation.seq)), ("reason", .null),
            ])
        case .missing(let reason):
            return .object([
                ("statement", .optional(statement)), ("attested", .bool(false)), ("by", .null), ("time", .null),
                ("note", .null), ("seq", .null), ("reason", .string(reason)),
            ])
        }
    }

    private static func document(_ result: DocumentResult) -> JSONOutput {
        .object([
            ("requirement", .string(result.requirement)), ("status", .string(result.satisfied ? "pass" : "fail")),
            ("files", .array(result.files.map { .string($0) })),
            ("problems", .array(result.problems.map { .string($0) })),
        ])
    }

    private static func condition(_ result: ConditionResult) -> JSONOutput {
        let condition = result.condition
        return .object([
            ("text", .string(condition.text)),
            ("metric", .string(condition.metric.name)),
            ("labels", .object(condition.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("op", .string(condition.comparison.rawValue)),
            ("threshold", .number(condition.threshold)),
            ("value", .optional(result.measurement?.value)),
            ("unit", .string(unitSymbol(condition.metric.unit))),
            ("status", .string(result.passed ? "pass" : "fail")),
            ("margin", .optional(MarginText.describe(result))),
            ("basis", .optional(result.measurement?.basis)),
            ("reason", .optional(result.reason)),
            ("offenders", .array((result.measurement?.offenders ?? []).map { .string($0) })),
        ])
    }

    /// The canonical unit of a kind as the JSON output writes it.
    public static func unitSymbol(_ kind: UnitKind) -> String {
        switch kind {
        case .percent: return "%"
        case .count: return "count"
        case .duration: return "s"
        case .bytes: return "B"
        case .rate: return "/s"
        }
    }

    /// The kind a unit symbol of ``unitSymbol(_:)`` stands for; a count for any other symbol.
    public static func unitKind(symbol: String) -> UnitKind {
        UnitKind.allCases.first { unitSymbol($0) == symbol } ?? .count
    }
}
