/// A verdict flattened to one row per requirement — each condition of a gate, or the gate itself for attestation
/// and document gates — with its value, threshold and margin as words. Shared by the text, JUnit, Markdown, Code
/// Climate and GitHub renderers.
struct GateRow {
    let gate: GateResult
    /// The condition as written, `attest: …`, or `documents: N`.
    let requirement: String
    /// The measured value with its unit, "no value", "attested", "present"…
    let value: String
    /// `>= 95%`, or empty when the requirement has no threshold.
    let threshold: String
    /// "short by 1.59 points", "2 too many", or the reason there is no value.
    let margin: String
    /// What the value is made of, in words: "8 of 21 lines uncovered" (failed or passed).
    let basis: String?
    /// The items behind the value, worst first: uncovered files, findings, the missing (or, when passed, the
    /// found) documents.
    let offenders: [String]
    let passed: Bool

    /// What explains a failure: the basis, then the worst offenders; nothing for a requirement that holds.
    var details: [String] { passed ? [] : (basis.map { [$0] } ?? []) + offenders }

    /// The gate's status word; a failed requirement of a warn gate is a warning.
    var status: String { passed ? "pass" : gate.gate.level == .warn ? "warn" : "fail" }

    /// The rows of every gate of `verdict`, in gate order.
    static func rows(of verdict: Verdict) -> [GateRow] {
        verdict.gates.flatMap(rows(of:))
    }

    /// The rows of one gate.
    static func rows(of result: GateResult) -> [GateRow] {
        switch result.gate.kind {
        case .attestation(let statement):
            switch result.attestation {
            case .attested(let attestation)?:
                let note = attestation.note.map { ": \($0)" } ?? ""
                return [
                    GateRow(
                        gate: result, requirement: "attest: \(statement)", value: "attested by \(attestation.by)",
                        threshold: "", margin: "at \(attestation.time)\(note)", basis: nil, offenders: [],
                        passed: true)
                ]
            case .missing(let reason)?:
                return [
                    GateRow(
                        gate: result, requirement: "attest: \(statement)", value: "not attested", threshold: "",
                        margin: reason, basis: nil, offenders: [], passed: false)
                ]
            case nil:
                return []
            }
        case .documents:
            let missing = result.documents.count { !$0.satisfied }
            return [
                GateRow(
                    gate: result, requirement: "documents: \(result.documents.count)",
                    value: missing == 0 ? "present" : "\(missing) of \(result.documents.count) missing", threshold: "",
                    margin: "", basis: nil, offenders: result.documents.flatMap(evidence), passed: missing == 0)
            ]
        default:
            return result.conditions.map { row(of: $0, in: result) }
        }
    }

    private static func row(of result: ConditionResult, in gate: GateResult) -> GateRow {
        let condition = result.condition
        let value = result.measurement.map {
            NumberFormatting.quantity($0.value, condition.metric.unit, against: condition.threshold)
        }
        return GateRow(
            gate: gate, requirement: condition.text, value: value ?? "no value",
            threshold: "\(condition.comparison.rawValue) \(condition.thresholdText)",
            margin: result.reason ?? MarginText.describe(result) ?? "", basis: result.measurement?.basis,
            offenders: result.measurement?.offenders ?? [], passed: result.passed)
    }

    /// A document requirement's problems, or the files that satisfy it.
    private static func evidence(_ document: DocumentResult) -> [String] {
        document.satisfied ? ["\(document.requirement): \(document.files.joined(separator: ", "))"] : document.problems
    }

    /// One line for a failure message: `coverage.lines >= 95%: 93.41% (short by 1.59 points)`.
    var summary: String {
        let margin = self.margin.isEmpty ? "" : " (\(self.margin))"
        return "\(requirement): \(value)\(margin)"
    }
}
