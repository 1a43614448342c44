/// Renders a verdict for people at a terminal or in a CI log: one line per gate with its value, the margin and
/// the reason, the reports read, and the verdict line.
public struct CheckTextRenderer {
    /// Use ANSI colours (only on a TTY and without `NO_COLOR`; the caller decides).
    public var colour: Bool
    /// Show the basis and the worst offenders of passing conditions too.
    public var verbose: Bool
    /// How many offenders to show under a failed condition.
    public var offenderLimit = 5

    public init(colour: Bool = false, verbose: Bool = false) {
        self.colour = colour
        self.verbose = verbose
    }

    /// The gate table, the reports read and the verdict; `recorded` says where the check was logged (or why not).
    public func render(_ verdict: Verdict, gateSet: GateSet, recorded: String? = nil) -> String {
        var rows: [[String]] = []
        var notes: [Int: [String]] = [:]
        for result in verdict.gates {
            let status = result.status.rawValue.uppercased()
            let warnOnly = !result.passed && result.gate.level == .warn ? " (warning only)" : ""
            if case .attestation(let statement) = result.gate.kind {
                switch result.attestation {
                case .attested(let attestation)?:
                    let note = attestation.note.map { ": \($0)" } ?? ""
                    rows.append([
                        status, result.gate.id, "attest: \(statement)", "by \(attestation.by)",
                        "at \(attestation.time)\(note)",
                    ])
                default:
                    let reason: String
                    if case .missing(let text)? = result.attestation { reason = text } else { reason = "" }
                    rows.append([status, result.gate.id, "attest: \(statement)", "not attested", reason + warnOnly])
                }
            } else if case .documents = result.gate.kind {
                let missing = result.documents.count { !$0.satisfied }
                let value = missing == 0 ? "present" : "\(missing) of \(result.documents.count) missing"
                rows.append([
                    status, result.gate.id, "documents: \(result.documents.count)", value, warnOnly.trimmingSpaces,
                ])
                notes[rows.count - 1] = result.documents.flatMap { document in
                    document.satisfied
                        ? (verbose ? ["- \(document.requirement): \(document.files.joined(separator: ", "))"] : [])
                        : document.problems.map { "- \($0)" }
                }
            } else if result.conditions.count == 1, let only = result.conditions.first {
                rows.append([status, result.gate.id] + cells(only, gate: result))
                notes[rows.count - 1] = details(only)
            } else {
                let failed = result.conditions.count { !$0.passed }
                rows.append([
                    status, result.gate.id, "\(result.conditions.count) conditions", "",
                    failed == 0 ? "" : "\(failed) failed",
                ])
                for condition in result.conditions {
                    rows.append(["", "  " + (condition.passed ? "pass" : "fail")] + cells(condition, gate: result))
                    notes[rows.count - 1] = details(condition)
                }
            }
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        let title = gateSet.name.map { " — \($0)" } ?? ""
        lines.append(
            "protocol check\(title): \(count(verdict.gates.count, "gate")) from \(gateSet.files.joined(separator: ", "))"
        )
        lines.append("")
        for (index, row) in rows.enumerated() {
            var line = "  "
            for column in 0..<4 {
                let cell = row[column].padding(toLength: widths[column])
                line += column == 0 ? paint(cell, row[column]) : cell
                line += "  "
            }
            line += row[4]
            lines.append(line.trimmingTrailingSpaces)
            let indent = String(repeating: " ", count: widths[0] + widths[1] + 8)
            lines += (notes[index] ?? []).map { indent + $0 }
        }
        lines.append("")
        lines += reportLines(verdict)
        lines.append(verdictLine(verdict))
        if let recorded { lines.append(recorded) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cells(_ result: ConditionResult, gate: GateResult) -> [String] {
        let condition = result.condition
        let value = result.measurement.map {
            NumberFormatting.quantity($0.value, condition.metric.unit, against: condition.threshold)
        }
        var remark: String
        if let reason = result.reason {
            remark = reason
        } else {
            remark = MarginText.describe(result) ?? ""
            if !result.passed, let basis = result.measurement?.basis { remark += remark.isEmpty ? basis : ": \(basis)" }
        }
        if !result.passed, gate.gate.level == .warn { remark += " (warning only)" }
        return [condition.text, value ?? "no value", remark]
    }

    private func details(_ result: ConditionResult) -> [String] {
        guard let measurement = result.measurement, !result.passed || verbose else { return [] }
        var lines: [String] = []
        if verbose, result.passed, let basis = measurement.basis { lines.append(basis) }
        lines += measurement.offenders.prefix(verbose ? measurement.offenders.count : offenderLimit).map { "- \($0)" }
        return lines
    }

    private func reportLines(_ verdict: Verdict) -> [String] {
        var lines: [String] = []
        if !verdict.reports.isEmpty {
            lines.append("Reports read:")
            let rows = verdict.reports.map {
                [
                    $0.category.rawValue, $0.path, $0.format.displayName,
                    NumberFormatting.quantity(Double($0.byteCount), .bytes),
                ]
            }
            let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for (report, row) in zip(verdict.reports, rows) {
                lines.append(
                    "  " + (0..<3).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ") + "  " + row[3]
                )
                if !report.unmatchedPaths.isEmpty {
                    let shown = report.unmatchedPaths.prefix(verbose ? report.unmatchedPaths.count : 3)
                    lines.append(
                        "    \(report.unmatchedPaths.count) of \(report.sourcePaths) source paths name no file under "
                            + "the root: \(shown.joined(separator: ", "))"
                            + (shown.count < report.unmatchedPaths.count ? ", …" : ""))
                }
            }
        }
        if !verdict.waivers.isEmpty {
            lines.append("Waivers:")
            lines += verdict.waivers.map { "  " + Self.describe($0) }
        }
        let problems = verdict.problems.sorted { $0.key < $1.key }.flatMap { category, messages in
            messages.map { "  \(category.rawValue): \($0)" }
        }
        if !problems.isEmpty {
            lines.append("Problems (each fails the gates that read the category):")
            lines += problems
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }

    /// The verdict line: `PASS: all 6 gates passed`, `FAIL: 2 of 6 gates failed, 1 warning`.
    func verdictLine(_ verdict: Verdict) -> String {
        let failed = verdict.count(.fail)
        let warned = verdict.count(.warn)
        let total = verdict.gates.count
        var text: String
        if verdict.passed {
            text = paint("PASS", "PASS") + ": \(total == 1 ? "the gate" : "all \(total) gates") passed"
            if warned > 0 { text = paint("PASS", "PASS") + ": \(total - warned) of \(total) gates passed" }
        } else {
            text = paint("FAIL", "FAIL") + ": \(failed) of \(count(total, "gate")) failed"
        }
        if warned > 0 { text += ", \(count(warned, "warning"))" }
        return text
    }

    /// One line about a waiver: what it did, until when, and why.
    static func describe(_ status: WaiverStatus) -> String {
        let waiver = status.waiver
        let findings = "\(status.matched) finding\(status.matched == 1 ? "" : "s")"
        switch status.state {
        case .expired:
            return
                "EXPIRED on \(waiver.expires): \(waiver.name) no longer waives (\(findings) count again) — \(waiver.origin)"
        case .stale:
            return "STALE: \(waiver.name) matched no finding: remove it from \(waiver.origin)?"
        case .active:
            return "\(waiver.name): \(findings) waived until \(waiver.expires)"
                + (status.expiringSoon ? " (EXPIRES SOON)" : "")
                + (waiver.approvedBy.map { ", approved by \($0)" } ?? "") + " — \(waiver.reason)"
        }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private func paint(_ text: String, _ status: String) -> String {
        guard colour else { return text }
        switch status {
        case "PASS": return "\u{1B}[32m\(text)\u{1B}[0m"
        case "FAIL": return "\u{1B}[1;31m\(text)\u{1B}[0m"
        case "WARN": return "\u{1B}[33m\(text)\u{1B}[0m"
        default: return text
        }
    }
}

extension String {
    /// The string padded with spaces to `length` characters (never cut).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
