/// Renders a verdict for people at a terminal or in a CI log: the gate table (status, gate, condition, value, margin
/// or reason, with the evidence of failures under each row), the reports read, and the verdict line — in lines that
/// fit `width` columns.
public struct CheckTextRenderer {
    /// Use ANSI colours (only on a TTY and without `NO_COLOR`; the caller decides).
    public var colour: Bool
    /// Show the basis and the offenders of passing conditions too, and every offender of failed ones.
    public var verbose: Bool
    /// The columns the output fits in (``Invocation/outputWidth``).
    public var width: Int
    /// How many offenders to show under a failed condition.
    public var offenderLimit = 5

    public init(colour: Bool = false, verbose: Bool = false, width: Int = 80) {
        self.colour = colour
        self.verbose = verbose
        self.width = width
    }

    /// The gate table, the reports read and the verdict; `recorded` says where the check was logged (or why not).
    public func render(_ verdict: Verdict, gateSet: GateSet, recorded: String? = nil) -> String {
        var table = TextTable(notesColumn: 2, style: { self.paint($0, $0) })
        for result in verdict.gates { table.rows += rows(of: result) }
        let title = gateSet.name.map { " — \($0)" } ?? ""
        var lines = TextTable.hanging(
            "protocol check\(title): \(count(verdict.gates.count, "gate")) from "
                + gateSet.files.joined(separator: ", "), indent: 0, width: width)
        lines.append("")
        lines += table.lines(width: width)
        lines.append("")
        lines += reportLines(verdict)
        lines.append(verdictLine(verdict))
        if let recorded { lines.append(recorded) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A gate's rows: one for a gate of one requirement; for several, a heading row then one row per condition.
    private func rows(of result: GateResult) -> [TextTable.Row] {
        let status = result.status.rawValue.uppercased()
        let requirements = GateRow.rows(of: result)
        guard requirements.count > 1 else {
            guard let only = requirements.first else { return [TextTable.Row(cells: [status, result.gate.id])] }
            return [row(only, status: status, gate: result.gate.id)]
        }
        let failed = requirements.count { !$0.passed }
        let heading = TextTable.Row(cells: [
            status, result.gate.id, "\(count(requirements.count, "condition"))", "",
            failed == 0 ? "" : "\(NumberFormatting.count(failed)) failed",
        ])
        return [heading] + requirements.map { row($0, status: "", gate: "  " + $0.status) }
    }

    /// A requirement's row: its margin (with the basis when it failed, or with `verbose`) and its offenders.
    private func row(_ row: GateRow, status: String, gate: String) -> TextTable.Row {
        let shown = !row.passed || verbose
        var remark = row.margin
        if shown, let basis = row.basis { remark += remark.isEmpty ? basis : ": \(basis)" }
        return TextTable.Row(cells: [status, gate, row.requirement, row.value, remark], notes: offenders(row))
    }

    /// The worst offenders of a failed requirement (all of them, and those of passing ones too, with `verbose`).
    private func offenders(_ row: GateRow) -> [String] {
        guard !row.passed || verbose else { return [] }
        let shown = verbose ? row.offenders.count : offenderLimit
        var lines = row.offenders.prefix(shown).map { "- \($0)" }
        if row.offenders.count > shown {
            lines.append("- … \(NumberFormatting.count(row.offenders.count - shown)) more (--verbose shows all)")
        }
        return lines
    }

    /// The reports read (with the source paths that name no file), the waivers and the problems.
    private func reportLines(_ verdict: Verdict) -> [String] {
        var lines: [String] = []
        if !verdict.reports.isEmpty {
            lines.append("Reports read:")
            var table = TextTable(notesColumn: 1)
            for report in verdict.reports {
                var row = TextTable.Row(cells: [
                    report.category.rawValue, report.path, report.format.displayName,
                    NumberFormatting.quantity(Double(report.byteCount), .bytes),
                ])
                if !report.unmatchedPaths.isEmpty {
                    let shown = report.unmatchedPaths.prefix(verbose ? report.unmatchedPaths.count : 3)
                    row.notes.append(
                        "\(NumberFormatting.count(report.unmatchedPaths.count)) of "
                            + "\(NumberFormatting.count(report.sourcePaths)) source paths name no file under the root: "
                            + shown.joined(separator: ", ") + (shown.count < report.unmatchedPaths.count ? ", …" : ""))
                }
                table.rows.append(row)
            }
            lines += table.lines(width: width)
        }
        if !verdict.waivers.isEmpty {
            lines.append("Waivers:")
            lines += verdict.waivers.flatMap { TextTable.hanging(Self.describe($0), indent: 2, width: width) }
        }
        let problems = verdict.problems.sorted { $0.key < $1.key }.flatMap { category, messages in
            messages.map { "\(category.rawValue): \($0)" }
        }
        if !problems.isEmpty {
            lines.append("Problems (each fails the gates that read the category):")
            lines += problems.flatMap { TextTable.hanging($0, indent: 2, width: width) }
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
            text = paint("PASS", "PASS") + ": \(total == 1 ? "the gate" : "all \(count(total, "gate"))") passed"
            if warned > 0 {
                text =
                    paint("PASS", "PASS")
                    + ": \(NumberFormatting.count(total - warned)) of \(count(total, "gate")) passed"
            }
        } else {
            text = paint("FAIL", "FAIL") + ": \(NumberFormatting.count(failed)) of \(count(total, "gate")) failed"
        }
        if warned > 0 { text += ", \(count(warned, "warning"))" }
        return text
    }

    /// One line about a waiver: what it did, until when, and why.
    static func describe(_ status: WaiverStatus) -> String {
        let waiver = status.waiver
        let findings = "\(NumberFormatting.count(status.matched)) finding\(status.matched == 1 ? "" : "s")"
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

    private func count(_ number: Int, _ noun: String) -> String {
        "\(NumberFormatting.count(number)) \(noun)\(number == 1 ? "" : "s")"
    }

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
