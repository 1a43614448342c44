/// Renders a ``GateExplanation`` as JSON, schema version 1 (documented in the README under "Explaining a gate").
public enum ExplainJSONRenderer {
    public static let schemaVersion = 1

    public static func render(_ explanation: GateExplanation) -> String {
        JSONOutput.object([
            ("version", .integer(schemaVersion)),
            ("gate", CheckJSONRenderer.gate(explanation.result)),
            ("sources", .array(explanation.reports.map(source))),
            (
                "problems",
                .array(
                    explanation.problems.map {
                        .object([("category", .string($0.category.rawValue)), ("message", .string($0.message))])
                    })
            ),
            ("merged", .array(explanation.merges.map(merge))),
            (
                "conditions",
                .array(
                    zip(explanation.result.conditions, explanation.conditions).map { result, evidence in
                        condition(result, evidence)
                    })
            ),
        ]).rendered()
    }

    private static func counts(_ counts: [RecordCount]) -> JSONOutput {
        .object(counts.map { ($0.kind, .integer($0.count)) })
    }

    private static func source(_ report: ReportUse) -> JSONOutput {
        .object([
            ("category", .string(report.category.rawValue)), ("path", .string(report.path)),
            ("format", .string(report.format.rawValue)), ("format_name", .string(report.format.displayName)),
            ("bytes", .integer(report.byteCount)), ("records", counts(report.records)),
            ("tools", .array(report.tools.map { .string($0) })), ("source_paths", .integer(report.sourcePaths)),
            ("unmatched_paths", .array(report.unmatchedPaths.map { .string($0) })),
        ])
    }

    private static func merge(_ merge: MergeEvidence) -> JSONOutput {
        let waivers = CheckJSONRenderer.waivers(Verdict(gates: [], reports: [], problems: [:], waivers: merge.waivers))
        return .object([
            ("category", .string(merge.category.rawValue)), ("method", .string(merge.method)),
            ("description", .string(merge.description)), ("counts", counts(merge.counts)), ("waivers", waivers),
        ])
    }

    private static func condition(_ result: ConditionResult, _ evidence: ConditionEvidence) -> JSONOutput {
        .object([
            ("text", .string(result.condition.text)),
            ("filters", .array(evidence.filters.map { .string($0) })),
            ("order", .string(evidence.order)),
            (
                "worst",
                .array(
                    evidence.worst.map { item in
                        .object([
                            ("name", .string(item.name)), ("value", .optional(item.value)),
                            ("unit", item.unit.map { .string(CheckJSONRenderer.unitSymbol($0)) } ?? .null),
                            ("detail", .string(item.detail)), ("breaks", item.breaks.map { .bool($0) } ?? .null),
                        ])
                    })
            ),
            ("more", .integer(evidence.more)),
        ])
    }
}
