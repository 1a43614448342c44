/// Renders a ``SessionSummary`` as GitHub-flavoured Markdown for a release ticket: a header list, the gate table,
/// the trend table, then attestations, waivers and report digests as sections.
public enum SummaryMarkdownRenderer {
    public static func render(_ summary: SessionSummary) -> String {
        let session = summary.session
        let name = summary.name.map { " — \(cell($0))" } ?? ""
        var lines = [
            "## protocol summary\(name): session \(session.number) “\(cell(session.title))”", "",
            "- **Session:** \(SummaryTextRenderer.status(summary))",
        ]
        guard let latest = summary.latest else {
            lines += ["", "No check in this session yet: nothing to summarise (`protocol check` records one)."]
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("- **Latest check:** entry \(latest.seq) at \(latest.time)")
        if let commit = SummaryTextRenderer.commit(summary) { lines.append("- **Commit:** \(cell(commit))") }
        if let ci = SummaryTextRenderer.ci(summary) { lines.append("- **CI run:** \(cell(ci))") }
        let icon = summary.verdict == "pass" ? "✅" : "❌"
        lines.append("- **Verdict:** \(icon) \(SummaryTextRenderer.verdict(summary, colour: false))")
        lines.append("- **Closing:** \(SummaryTextRenderer.closing(summary))")
        lines += summary.closeBlockers.map { "  - \(cell($0))" }

        lines += [
            "", "### Gates at the latest check", "", "| Gate | Status | Metric | Value | Threshold | Margin |",
            "|---|---|---|---|---|---|",
        ]
        for row in summary.rows {
            let status =
                switch row.status {
                case "pass": "✅ pass"
                case "warn": "⚠️ warn"
                default: "❌ fail"
                }
            let threshold = row.thresholdShown.isEmpty ? "" : code(row.thresholdShown)
            lines.append(
                "| \(cell(row.gate)) | \(status) | \(code(row.metric)) | \(cell(row.valueText)) | \(threshold) | "
                    + "\(cell(row.margin)) |")
        }
        if !summary.trends.isEmpty {
            let first = summary.first.map { "the first check (entry \($0.seq), \($0.time))" } ?? "the only check"
            let previous =
                summary.previous.map {
                    "session \($0.session)'s latest check (entry \($0.check.seq), \($0.check.time))"
                }
                ?? "no earlier session (none has a check)"
            lines += [
                "", "### Trend", "", "Against \(first) and \(previous).", "",
                "| Gate | Metric | Latest | First check | \(cell(SummaryTextRenderer.previousHeading(summary).capitalisedFirst)) |",
                "|---|---|---|---|---|",
            ]
            lines += summary.trends.map { trend in
                "| \(cell(trend.gate)) | \(code(trend.metric)) | \(cell(trend.latestShown)) | "
                    + "\(cell(trend.againstFirst)) | \(cell(trend.againstPrevious)) |"
            }
        }
        if !summary.attestations.isEmpty {
            lines += ["", "### Attestations", ""]
            lines += summary.attestations.map {
                "- **\(cell($0.gate))**: \(cell($0.by)) at \($0.time)" + ($0.note.map { " — \(cell($0))" } ?? "")
            }
        }
        if !summary.waivers.isEmpty {
            let inForce = summary.waivers.filter(\.inForce)
            lines += ["", "### Waivers in force", ""]
            lines +=
                inForce.isEmpty
                ? ["None."]
                : inForce.map { waiver in
                    let (what, why) = SummaryTextRenderer.waiver(waiver)
                    return "- **\(cell(what))** — \(cell(why))"
                }
            let expired = summary.waivers.count - inForce.count
            if expired > 0 { lines += ["", "\(expired) expired, no longer waiving anything."] }
        }
        if !summary.reports.isEmpty {
            lines += ["", "### Report digests", "", "| Report | Format | Bytes | SHA-256 |", "|---|---|---|---|"]
            lines += summary.reports.map {
                "| \(code($0.path)) | \(cell($0.format)) | \(NumberFormatting.count($0.bytes)) | "
                    + "\($0.sha256.map(code) ?? "not hashed") |"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String { CheckMarkdownRenderer.cell(text) }
    private static func code(_ text: String) -> String { CheckMarkdownRenderer.code(text) }
}

extension String {
    /// The string with its first character in upper case: "session 1" → "Session 1".
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
