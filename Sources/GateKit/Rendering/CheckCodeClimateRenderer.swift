/// Renders a verdict as a GitLab Code Quality report (the Code Climate issue format GitLab's merge-request widget
/// reads): one issue per failed requirement, located at the gate file that declares it.
///
/// Fields: `description` (gate and failure), `check_name` (`protocol/GATE`), `fingerprint` (SHA-256 of gate id and
/// requirement, stable across runs so GitLab can tell new failures from old), `severity` (`major` for a failing
/// gate, `minor` for a warning), `location.path` with `lines.begin` 1. Passing gates are not issues.
public enum CheckCodeClimateRenderer {
    public static func render(_ verdict: Verdict) -> String {
        var issues: [JSONOutput] = []
        for row in GateRow.rows(of: verdict) where !row.passed {
            let gate = row.gate.gate
            issues.append(
                .object([
                    ("type", .string("issue")),
                    ("check_name", .string("protocol/\(gate.id)")),
                    (
                        "description",
                        .string("Gate \(gate.id) \(row.status == "warn" ? "warns" : "fails"): \(row.summary)")
                    ),
                    ("categories", .array([.string("Bug Risk")])),
                    ("severity", .string(row.status == "warn" ? "minor" : "major")),
                    ("fingerprint", .string(SHA256.digest(gate.id + "\n" + row.requirement).hex)),
                    (
                        "location",
                        .object([
                            ("path", .string(gate.declaredIn)), ("lines", .object([("begin", .integer(1))])),
                        ])
                    ),
                ]))
        }
        return JSONOutput.array(issues).rendered() + "\n"
    }
}
