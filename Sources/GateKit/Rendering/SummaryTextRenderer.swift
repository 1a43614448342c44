/// Renders a ``SessionSummary`` for the terminal: a header, the latest check's gate table, the trend of each value,
/// attestations, waivers in force and report digests, in aligned columns.
public enum SummaryTextRenderer {
    /// The summary laid out for `width` columns (tables wrap their cells to fit, as `check`'s table does).
    public static func render(_ summary: SessionSummary, colour: Bool = false, width: Int = 80) -> String {
        var lines = [
            "Session \(summary.session.number) “\(summary.session.title)”" + (summary.name.map { " — \($0)" } ?? "")
        ]
        var header = [("Status", status(summary))]
        guard let latest = summary.latest else {
            lines += table(header)
            lines += ["", "No check in this session yet: nothing to summarise (protocol check records one)."]
            return lines.joined(separator: "\n") + "\n"
        }
        header.append(("Latest check", "entry \(latest.seq) at \(latest.time)"))
        if let commit = commit(summary) { header.append(("Commit", commit)) }
        if let ci = ci(summary) { header.append(("CI run", ci)) }
        header.append(("Verdict", verdict(summary, colour: colour)))
        header.append(("Closing", closing(summary)))
        lines += table(header)
        lines += summary.closeBlockers.map { "  - \($0)" }

        lines += ["", "Gates at the latest check:"]
        let rows = summary.rows.map { [$0.gate, $0.status, $0.metric, $0.valueText, $0.thresholdShown, $0.margin] }
        lines += table([["gate", "status", "metric", "value", "threshold", "margin"]] + rows, width: width)

        if !summary.trends.isEmpty {
            lines += ["", "Trend:"]
            lines += table(trendBasis(summary)).map { "  " + $0 }
            let rows = summary.trends.map { [$0.gate, $0.metric, $0.latestShown, $0.againstFirst, $0.againstPrevious] }
            lines += table(
                [["gate", "metric", "latest", "first check", previousHeading(summary)]] + rows, width: width)
        }
        if !summary.attestations.isEmpty {
            lines += ["", "Attestations:"]
            lines += summary.attestations.map {
                "  \($0.gate): \($0.by) at \($0.time)" + ($0.note.map { " — \($0)" } ?? "")
            }
        }
        let inForce = summary.waivers.filter(\.inForce)
        if !summary.waivers.isEmpty {
            lines += ["", "Waivers in force at the latest check:"]
            lines += inForce.isEmpty ? ["  none"] : inForce.flatMap { ["  " + waiver($0).0, "    " + waiver($0).1] }
            let expired = summary.waivers.count - inForce.count
            if expired > 0 { lines.append("  (\(expired) expired, no longer waiving anything)") }
        }
        if !summary.reports.isEmpty {
            lines += ["", "Reports (SHA-256):"]
            for report in summary.reports {
                lines.append("  \(report.path) (\(report.format), \(NumberFormatting.count(report.bytes)) bytes)")
                lines.append("    " + (report.sha256 ?? "not hashed"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "open since …, 3 checks" or "closed …, opened …, 3 checks".
    static func status(_ summary: SessionSummary) -> String {
        let session = summary.session
        let count = session.checks.count
        let checks = count == 0 ? "no check" : "\(count) check\(count == 1 ? "" : "s")"
        guard let closed = session.closed else { return "open since \(session.started ?? "?"), \(checks)" }
        return "closed \(closed), opened \(session.started ?? "?"), \(checks)"
    }

    /// The commit with its branch and whether the work tree was dirty, or why it is unknown.
    static func commit(_ summary: SessionSummary) -> String? {
        guard let git = summary.git else { return nil }
        guard let commit = git.commit else { return git.problem.map { "unknown (\($0))" } }
        let branch = git.branch.map { " (\($0))" } ?? ""
        return commit + branch + (git.dirty == true ? ", with uncommitted changes" : "")
    }

    /// "github-actions run 123, https://…".
    static func ci(_ summary: SessionSummary) -> String? {
        guard let ci = summary.ci else { return nil }
        return ci.provider + (ci.runID.map { " run \($0)" } ?? "") + (ci.url.map { ", \($0)" } ?? "")
    }

    /// "FAIL: 1 of 3 gates failed, 1 warning" or "PASS: 3 of 3 gates passed".
    static func verdict(_ summary: SessionSummary, colour: Bool) -> String {
        let counts = summary.counts
        let passed = summary.verdict == "pass"
        var word = passed ? "PASS" : "FAIL"
        if colour { word = (passed ? "\u{1B}[32m" : "\u{1B}[1;31m") + word + "\u{1B}[0m" }
        let gates = "\(counts.gates) gate\(counts.gates == 1 ? "" : "s")"
        var text =
            passed ? "\(word): \(counts.passed) of \(gates) passed" : "\(word): \(counts.failed) of \(gates) failed"
        if counts.warned > 0 { text += ", \(counts.warned) warning\(counts.warned == 1 ? "" : "s")" }
        return text
    }

    /// Whether the session is closed, may close, or why not.
    static func closing(_ summary: SessionSummary) -> String {
        if let closed = summary.session.closed { return "closed at \(closed)" }
        return summary.mayClose ? "may close: protocol session close" : "cannot close yet:"
    }

    /// Which checks the trend compares with.
    static func trendBasis(_ summary: SessionSummary) -> [(String, String)] {
        [
            ("first check", summary.first.map { "entry \($0.seq) at \($0.time)" } ?? "the latest is the only check"),
            (
                previousHeading(summary),
                summary.previous.map { "latest check: entry \($0.check.seq) at \($0.check.time)" }
                    ?? "no earlier session has a check"
            ),
        ]
    }

    /// The heading of the previous-session column: "session 1".
    static func previousHeading(_ summary: SessionSummary) -> String {
        summary.previous.map { "session \($0.session)" } ?? "previous session"
    }

    /// "CVE-2024-1234 in lodash until 2026-12-31 (EXPIRES SOON): 2 findings waived", then who approved it and why.
    static func waiver(_ waiver: SummaryWaiver) -> (String, String) {
        let matched =
            waiver.matched == 0
            ? "matched no finding" : "\(waiver.matched) finding\(waiver.matched == 1 ? "" : "s") waived"
        return (
            "\(waiver.name) until \(waiver.expires)" + (waiver.expiringSoon ? " (EXPIRES SOON)" : "") + ": \(matched)",
            (waiver.approvedBy.map { "approved by \($0): " } ?? "") + waiver.reason
        )
    }

    private static func table(_ pairs: [(String, String)]) -> [String] {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { "\(($0.0 + ":").padding(toLength: width + 1))  \($0.1)" }
    }

    private static func table(_ rows: [[String]], width: Int) -> [String] {
        TextTable(rows: rows.map { TextTable.Row(cells: $0) }, notesColumn: 2).lines(width: width)
    }
}
