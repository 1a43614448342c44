/// One row of a logged check's gate table: a condition of a gate, or the gate itself for attestation and document
/// gates, read back from a `check` entry (what ``CheckRecord/json`` wrote).
public struct SummaryGateRow: Sendable {
    public let gate: String
    /// "pass", "fail", or "warn" (a failed requirement of a `level: "warn"` gate).
    public let status: String
    /// `coverage.lines`, `latency.p95{label="GET /"}`; "attestation" or "documents" for those gates.
    public let metric: String
    /// The condition as written, `attest: …`, or `documents: N`.
    public let requirement: String
    public let value: Double?
    /// The unit symbol the log records: `%`, `count`, `s`, `B`, `/s`; empty for attestation and document rows.
    public let unit: String
    /// The comparison (`>=`) and the threshold as written (`95%`); empty without a threshold.
    public let comparison: String
    public let thresholdText: String
    public let threshold: Double?
    /// The value for people: `96.10%`, "no value", "attested by alice", "present".
    public let valueText: String
    /// "1.10 points to spare", the reason there is no value, when and why an attestation was given.
    public let margin: String

    /// `>= 95%`, or empty.
    public var thresholdShown: String { comparison.isEmpty ? "" : "\(comparison) \(thresholdText)" }

    /// The logged gates of a check entry, as JSON values.
    static func loggedGates(of check: LoggedEntry) -> [JSON5Value] {
        (check.data["gates"]?.arrayValue ?? []).filter { $0["id"]?.stringValue != nil }
    }

    /// The rows of one logged gate.
    static func rows(of gate: JSON5Value) -> [SummaryGateRow] {
        let id = gate["id"]?.stringValue ?? "?"
        let warns = gate["level"]?.stringValue == "warn"
        func status(_ passed: Bool) -> String { passed ? "pass" : warns ? "warn" : "fail" }
        func row(_ metric: String, _ requirement: String, _ passed: Bool, value: String, margin: String)
            -> SummaryGateRow
        {
            SummaryGateRow(
                gate: id, status: status(passed), metric: metric, requirement: requirement, value: nil, unit: "",
                comparison: "", thresholdText: "", threshold: nil, valueText: value, margin: margin)
        }
        switch gate["kind"]?.stringValue {
        case "attestation":
            let attestation = gate["attestation"]
            let requirement = "attest: " + (attestation?["statement"]?.stringValue ?? "")
            guard attestation?["attested"]?.kind == .bool(true) else {
                return [
                    row(
                        "attestation", requirement, false, value: "not attested",
                        margin: attestation?["reason"]?.stringValue ?? "")
                ]
            }
            let note = attestation?["note"]?.stringValue.map { ": \($0)" } ?? ""
            return [
                row(
                    "attestation", requirement, true, value: "attested by \(attestation?["by"]?.stringValue ?? "?")",
                    margin: "at \(attestation?["time"]?.stringValue ?? "?")\(note)")
            ]
        case "documents":
            let documents = gate["documents"]?.arrayValue ?? []
            let missing = documents.filter { $0["status"]?.stringValue != "pass" }
            let problems = missing.flatMap { ($0["problems"]?.arrayValue ?? []).compactMap(\.stringValue) }
            return [
                row(
                    "documents", "documents: \(documents.count)", missing.isEmpty,
                    value: missing.isEmpty ? "present" : "\(missing.count) of \(documents.count) missing",
                    margin: problems.joined(separator: "; "))
            ]
        default:
            return (gate["conditions"]?.arrayValue ?? []).map { condition in
                let text = condition["text"]?.stringValue ?? ""
                let parts = Self.split(text)
                let unit = condition["unit"]?.stringValue ?? "count"
                let kind = CheckJSONRenderer.unitKind(symbol: unit)
                let value = condition["value"]?.numberValue
                let threshold = condition["threshold"]?.numberValue
                let passed = condition["status"]?.stringValue == "pass"
                return SummaryGateRow(
                    gate: id, status: status(passed),
                    metric: parts?.metric ?? condition["metric"]?.stringValue ?? text, requirement: text,
                    value: value, unit: unit, comparison: condition["op"]?.stringValue ?? "",
                    thresholdText: parts?.threshold ?? threshold.map { NumberFormatting.quantity($0, kind) } ?? "",
                    threshold: threshold,
                    valueText: value.map { NumberFormatting.quantity($0, kind, against: threshold) } ?? "no value",
                    margin: condition["reason"]?.stringValue ?? condition["margin"]?.stringValue ?? "")
            }
        }
    }

    /// A condition's text cut at its comparison: the metric with its selector, and the threshold as written;
    /// nil when there is no comparison outside the selector.
    static func split(_ text: String) -> (metric: String, threshold: String)? {
        let comparisons: Set<Character> = ["<", ">", "=", "!", "≤", "≥", "≠"]
        var depth = 0
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                quoted.toggle()
            } else if !quoted, character == "{" {
                depth += 1
            } else if !quoted, character == "}" {
                depth -= 1
            } else if !quoted, depth == 0, comparisons.contains(character) {
                let rest = text[index...].drop { comparisons.contains($0) }
                return (String(text[..<index]).trimmingSpaces, String(rest).trimmingSpaces)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
