/// Renders a verdict as JUnit XML for CI test reporters (GitLab, Jenkins, Azure DevOps, GitHub test-report actions).
///
/// Each phase is a `<testsuite>` (gates without a phase: `gates`), each gate a `<testcase classname="protocol.PHASE"
/// name="GATE">`; a failed gate holds one `<failure>` whose message lists every failed requirement with its value,
/// threshold and margin, and whose text adds the evidence. A failing `warn` gate is not a failure: it passes with
/// the warning in `<system-out>`, as the check itself passes. The layout is the common denominator of the reporters
/// (the Ant/Surefire schema): `tests`, `failures`, `errors`, `skipped` and `time` on every suite.
public enum CheckJUnitRenderer {
    public static func render(_ verdict: Verdict) -> String {
        var phases: [String] = []
        var byPhase: [String: [GateResult]] = [:]
        for result in verdict.gates {
            let phase = result.gate.phase ?? "gates"
            if byPhase[phase] == nil { phases.append(phase) }
            byPhase[phase, default: []].append(result)
        }
        let failures = verdict.gates.count { $0.status == .fail }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="protocol" tests="\#(verdict.gates.count)" failures="\#(failures)" errors="0" time="0">"#,
        ]
        for phase in phases {
            let gates = byPhase[phase] ?? []
            let failed = gates.count { $0.status == .fail }
            lines.append(
                #"  <testsuite name="\#(xml(phase))" tests="\#(gates.count)" failures="\#(failed)" errors="0" "#
                    + #"skipped="0" time="0">"#)
            for result in gates { lines += testCase(result, phase: phase) }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func testCase(_ result: GateResult, phase: String) -> [String] {
        let open = #"    <testcase classname="protocol.\#(xml(phase))" name="\#(xml(result.gate.id))" time="0""#
        let rows = GateRow.rows(of: result)
        let failed = rows.filter { !$0.passed }
        guard !failed.isEmpty else { return [open + "/>"] }
        let message = failed.map(\.summary).joined(separator: "; ")
        let evidence = failed.flatMap { row in [row.summary] + row.details.map { "  - \($0)" } }
        var lines = [open + ">"]
        if result.status == .fail {
            lines.append(
                #"      <failure type="gate" message="\#(xml(message))">\#(xml(evidence.joined(separator: "\n")))</failure>"#
            )
        } else {
            lines.append("      <system-out>warning only: \(xml(evidence.joined(separator: "\n")))</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    /// Text escaped for XML attributes and content; characters XML 1.0 cannot hold become U+FFFD.
    static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "\r": result += "&#13;"
            default:
                result.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }
}
