/// Renders a ``SessionSummary`` as JSON, schema version 1 (documented in the README, "For release managers").
public enum SummaryJSONRenderer {
    public static let schemaVersion = 1

    public static func render(_ summary: SessionSummary) -> String {
        let session = summary.session
        let counts = summary.counts
        return JSONOutput.object([
            ("version", .integer(schemaVersion)),
            ("name", .optional(summary.name)),
            (
                "session",
                .object([
                    ("number", .integer(session.number)), ("title", .string(session.title)),
                    ("status", .string(session.isOpen ? "open" : "closed")), ("started", .optional(session.started)),
                    ("closed", .optional(session.closed)), ("checks", .integer(session.checks.count)),
                ])
            ),
            (
                "latest_check",
                summary.latest.map { latest in
                    .object([
                        ("seq", .integer(latest.seq)), ("time", .string(latest.time)),
                        ("verdict", .optional(summary.verdict)),
                        (
                            "summary",
                            .object([
                                ("gates", .integer(counts.gates)), ("passed", .integer(counts.passed)),
                                ("failed", .integer(counts.failed)), ("warned", .integer(counts.warned)),
                            ])
                        ),
                        ("git", summary.git?.json ?? .null),
                        ("ci", summary.ci?.json ?? .null),
                    ])
                } ?? .null
            ),
            ("first_check", summary.first.map { entry($0.seq, $0.time) } ?? .null),
            (
                "previous_check",
                summary.previous.map {
                    .object([
                        ("session", .integer($0.session)), ("seq", .integer($0.check.seq)),
                        ("time", .string($0.check.time)),
                    ])
                } ?? .null
            ),
            ("gates", .array(summary.rows.map(row))),
            ("trend", .array(summary.trends.map(trend))),
            (
                "attestations",
                .array(
                    summary.attestations.map {
                        .object([
                            ("gate", .string($0.gate)), ("by", .string($0.by)), ("time", .string($0.time)),
                            ("note", .optional($0.note)), ("seq", .integer($0.seq)),
                        ])
                    })
            ),
            ("waivers", .array(summary.waivers.map(waiver))),
            (
                "reports",
                .array(
                    summary.reports.map {
                        .object([
                            ("path", .string($0.path)), ("format", .string($0.format)),
                            ("category", .string($0.category)), ("bytes", .integer($0.bytes)),
                            ("sha256", .optional($0.sha256)),
                        ])
                    })
            ),
            (
                "close",
                .object([
                    ("closed", .bool(!session.isOpen)), ("may_close", .bool(summary.mayClose)),
                    ("blockers", .array(summary.closeBlockers.map { .string($0) })),
                ])
            ),
        ]).rendered()
    }

    private static func entry(_ seq: Int, _ time: String) -> JSONOutput {
        .object([("seq", .integer(seq)), ("time", .string(time))])
    }

    private static func row(_ row: SummaryGateRow) -> JSONOutput {
        .object([
            ("gate", .string(row.gate)), ("status", .string(row.status)), ("metric", .string(row.metric)),
            ("requirement", .string(row.requirement)), ("value", .optional(row.value)),
            ("unit", row.unit.isEmpty ? .null : .string(row.unit)),
            ("op", row.comparison.isEmpty ? .null : .string(row.comparison)),
            ("threshold", .optional(row.threshold)), ("value_text", .string(row.valueText)),
            ("threshold_text", .string(row.thresholdShown)), ("margin", .string(row.margin)),
        ])
    }

    private static func trend(_ trend: SummaryTrend) -> JSONOutput {
        func observation(_ observation: SummaryTrend.Observation?, latest: Bool = false) -> JSONOutput {
            guard let observation else { return .null }
            let state: String
            switch observation {
            case .value: state = "value"
            case .noValue: state = "no_value"
            case .absent: state = "absent"
            }
            return .object([
                ("state", .string(state)), ("value", .optional(observation.value)),
                ("change", .optional(latest ? nil : trend.change(since: observation))),
            ])
        }
        return .object([
            ("gate", .string(trend.gate)), ("metric", .string(trend.metric)), ("unit", .string(trend.unit)),
            ("latest", observation(trend.latest, latest: true)), ("first", observation(trend.first)),
            ("previous", observation(trend.previous)),
        ])
    }

    private static func waiver(_ waiver: SummaryWaiver) -> JSONOutput {
        .object([
            ("name", .string(waiver.name)), ("id", .optional(waiver.id)), ("rule", .optional(waiver.rule)),
            ("package", .optional(waiver.package)), ("path", .optional(waiver.path)),
            ("reason", .string(waiver.reason)), ("expires", .string(waiver.expires)),
            ("approved_by", .optional(waiver.approvedBy)), ("state", .string(waiver.state)),
            ("in_force", .bool(waiver.inForce)), ("matched", .integer(waiver.matched)),
            ("expiring_soon", .bool(waiver.expiringSoon)),
        ])
    }
}
