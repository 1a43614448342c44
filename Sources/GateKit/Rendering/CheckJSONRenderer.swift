/// Renders a verdict as JSON, schema version 1 (documented in the README under "JSON output").
public enum CheckJSONRenderer {
    public static let schemaVersion = 1

    public static func render(_ verdict: Verdict, gateSet: GateSet, toolVersion: String) -> String {
        JSONOutput.object([
            ("version", .integer(schemaVersion)),
            ("protocol", .string(toolVersion)),
            ("name", .optional(gateSet.name)),
            ("verdict", .string(verdict.passed ? "pass" : "fail")),
            (
                "summary",
                .object([
                    ("gates", .integer(verdict.gates.count)), ("passed", .integer(verdict.count(.pass))),
                    ("failed", .integer(verdict.count(.fail))), ("warned", .integer(verdict.count(.warn))),
                ])
            ),
            ("gates", .array(verdict.gates.map(gate))),
            (
                "reports",
                .array(
                    verdict.reports.map {
                        .object([
                            ("path", .string($0.path)), ("format", .string($0.format.rawValue)),
                            ("category", .string($0.category.rawValue)), ("bytes", .integer($0.byteCount)),
                        ])
                    })
            ),
            (
                "problems",
                .array(
                    verdict.problems.sorted { $0.key < $1.key }.flatMap { category, messages in
                        messages.map { .object([("category", .string(category.rawValue)), ("message", .string($0))]) }
                    })
            ),
        ]).rendered()
    }

    private static func gate(_ result: GateResult) -> JSONOutput {
        .object([
            ("id", .string(result.gate.id)),
            ("description", .optional(result.gate.description)),
            ("status", .string(result.status.rawValue)),
            ("level", .string(result.gate.level.rawValue)),
            ("phase", .optional(result.gate.phase)),
            ("file", .string(result.gate.declaredIn)),
            ("conditions", .array(result.conditions.map(condition))),
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
}
