/// Renders a verdict as GitHub-flavoured Markdown: the verdict line, the gate table (gate, status, requirement,
/// value, threshold, margin) and, for each failed or warning gate, a collapsible section with the evidence. Used for
/// `--format markdown`, pull-request comments and `$GITHUB_STEP_SUMMARY`.
public enum CheckMarkdownRenderer {
    public static func render(_ verdict: Verdict, gateSet: GateSet) -> String {
        let rows = GateRow.rows(of: verdict)
        let failed = verdict.gates.count { $0.status == .fail }
        let warned = verdict.gates.count { $0.status == .warn }
        let title = gateSet.name.map { " — \(cell($0))" } ?? ""
        var lines = [
            "## protocol check\(title): \(verdict.passed ? "passed" : "failed")", "",
            "\(verdict.gates.count - failed - warned) passed, \(failed) failed, \(warned) warning\(warned == 1 ? "" : "s")"
                + " of \(verdict.gates.count) gate\(verdict.gates.count == 1 ? "" : "s").", "",
            "| Gate | Status | Requirement | Value | Threshold | Margin |",
            "|---|---|---|---|---|---|",
        ]
        for row in rows {
            let status =
                switch row.status {
                case "pass": "✅ pass"
                case "warn": "⚠️ warn"
                default: "❌ fail"
                }
            lines.append(
                "| \(cell(row.gate.gate.id)) | \(status) | \(code(row.requirement)) | \(cell(row.value)) | "
                    + "\(row.threshold.isEmpty ? "" : code(row.threshold)) | \(cell(row.margin)) |")
        }
        for result in verdict.gates where result.status != .pass {
            let failing = GateRow.rows(of: result).filter { !$0.passed }
            let evidence = failing.flatMap { row in row.details.map { "- \(cell($0))" } }
            guard !evidence.isEmpty || result.gate.description != nil else { continue }
            lines += ["", "<details><summary>\(cell(result.gate.id)): \(result.status.rawValue)</summary>", ""]
            if let description = result.gate.description { lines += [cell(description), ""] }
            lines += evidence
            lines += ["", "</details>"]
        }
        if !verdict.reports.isEmpty {
            lines += [
                "",
                "Reports read: "
                    + verdict.reports.map { "`\(cell($0.path))` (\($0.format.rawValue))" }.joined(separator: ", "),
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell: pipes escaped, line breaks and HTML angle brackets neutralised.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r": result += " "
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A condition as inline code (backticks inside are doubled around).
    static func code(_ text: String) -> String {
        let escaped = text.replacingPipes
        return escaped.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }
}

extension String {
    fileprivate var replacingPipes: String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
