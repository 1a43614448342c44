/// Renders a ``GateExplanation`` for people, in one frame for every kind of gate: a label column (`gate`,
/// `sources`, `merged`, then per condition `condition`, `filtered`, `value`, `worst`) and text wrapped to 80
/// columns where it can be.
public struct ExplainRenderer {
    /// The width text is wrapped to.
    static let width = 80
    /// Where the text after a label starts.
    static let indent = String(repeating: " ", count: 12)

    public init() {}

    public func render(_ explanation: GateExplanation) -> String {
        let result = explanation.result
        let gate = result.gate
        var lines = [
            "\(gate.id): \(result.status.rawValue.uppercased())" + (gate.description.map { " — \($0)" } ?? "")
        ]
        lines += labelled(
            "gate", [gate.declaredIn + ", level \(gate.level.rawValue)" + (gate.phase.map { ", phase \($0)" } ?? "")])
        let rows = GateRow.rows(of: result)
        switch gate.kind {
        case .attestation(let statement):
            var log = "session log \(explanation.log)"
            if case .attested(let attestation)? = result.attestation { log += ", entry \(attestation.seq)" }
            lines += labelled("sources", [log])
            lines += labelled("merged", ["the gate's latest attestation in the open session counts"])
            lines += requirement(rows.first, filters: ["none: “\(statement)” is attested as a whole"])
            var worst = ["none"]
            if case .missing? = result.attestation { worst = ["no attestation of this gate in the open session"] }
            lines += labelled("worst", worst)
        case .documents(let requirements):
            lines += labelled(
                "sources",
                result.documents.map { document in
                    "\(document.requirement): "
                        + (document.files.isEmpty ? "no file" : document.files.joined(separator: ", "))
                })
            lines += labelled("merged", ["each requirement on its own: every one must be met"])
            lines += requirement(
                rows.first,
                filters: requirements.map { requirement in
                    requirement.pattern.pattern + ": "
                        + (requirement.sections.isEmpty
                            ? "each file present and not empty"
                            : "each file with the sections " + requirement.sections.joined(separator: ", "))
                })
            let problems = result.documents.flatMap(\.problems)
            lines += labelled("worst", problems.isEmpty ? ["none"] : problems)
        case .conditions:
            lines += labelled("sources", sources(explanation))
            lines += labelled("merged", explanation.merges.flatMap(merged))
            for (index, condition) in result.conditions.enumerated() {
                let evidence = explanation.conditions[safe: index]
                lines += requirement(rows[safe: index], filters: evidence?.filters ?? [])
                if let basis = condition.measurement?.basis { lines += labelled("", [basis]) }
                lines += worst(evidence)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per report (path, format, size, what it gave, its tools), its unmatched source paths, and the
    /// problems of the gate's categories.
    private func sources(_ explanation: GateExplanation) -> [String] {
        var lines: [String] = []
        for report in explanation.reports {
            let records = report.records.map { ", " + $0.text }.joined()
            let tools = report.tools.isEmpty ? "" : "; by " + report.tools.joined(separator: ", ")
            let size = NumberFormatting.quantity(Double(report.byteCount), .bytes)
            lines.append(
                "\(report.path): \(report.format.displayName) (\(report.format.rawValue)), \(size)\(records)\(tools)")
            guard !report.unmatchedPaths.isEmpty else { continue }
            let shown = report.unmatchedPaths.prefix(3).joined(separator: ", ")
            lines.append(
                "  \(report.unmatchedPaths.count) of \(report.sourcePaths) source paths name no file under the root: "
                    + shown + (report.unmatchedPaths.count > 3 ? ", …" : ""))
        }
        lines += explanation.problems.map { "problem (\($0.category.rawValue), fails closed): \($0.message)" }
        return lines.isEmpty ? ["none read"] : lines
    }

    private func merged(_ merge: MergeEvidence) -> [String] {
        ["\(merge.category.rawValue): \(merge.description)", merge.counts.map(\.text).joined(separator: ", ")]
            + merge.waivers.map { "waiver " + CheckTextRenderer.describe($0) }
    }

    /// The requirement's heading, its filters and its value against the threshold, in the words of `check`.
    private func requirement(_ row: GateRow?, filters: [String]) -> [String] {
        guard let row else { return [] }
        var value = row.value + (row.threshold.isEmpty ? "" : " (\(row.threshold))")
        if !row.margin.isEmpty { value += (row.threshold.isEmpty ? " — " : ": ") + row.margin }
        return [""] + labelled("condition", ["\(row.requirement): \(row.status.uppercased())"])
            + labelled("filtered", filters.isEmpty ? ["none"] : filters) + labelled("value", [value])
    }

    private func worst(_ evidence: ConditionEvidence?) -> [String] {
        guard let evidence, !evidence.worst.isEmpty else { return labelled("worst", ["none"]) }
        let values = evidence.worst.map { item in
            item.value.map { NumberFormatting.quantity($0, item.unit ?? .count) } ?? ""
        }
        let nameWidth = evidence.worst.map(\.name.count).max() ?? 0
        let valueWidth = values.map(\.count).max() ?? 0
        var rows = [evidence.order + ":"]
        for (item, value) in zip(evidence.worst, values) {
            var row = item.name.padding(toLength: nameWidth) + "  "
            if valueWidth > 0 { row += value.padding(toLength: valueWidth) + "  " }
            if let breaks = item.breaks { row += breaks ? "fail  " : "pass  " }
            rows.append(row + item.detail)
        }
        if evidence.more > 0 { rows.append("… \(NumberFormatting.count(evidence.more)) more (--limit)") }
        return labelled("worst", rows)
    }

    /// `label` in the label column before the first entry; each entry wrapped to ``width``, its continuation lines
    /// indented two more.
    private func labelled(_ label: String, _ entries: [String]) -> [String] {
        var lines: [String] = []
        for (index, entry) in entries.enumerated() {
            let first = index == 0 ? "  " + label.padding(toLength: Self.indent.count - 2) : Self.indent
            lines += Self.wrap(entry, first: first, rest: Self.indent + "  ")
        }
        return lines
    }

    /// Unit symbols that stay on the line of the number before them.
    private static let units: Set<Substring> = ["B", "KB", "MB", "GB", "ns", "µs", "ms", "s", "min"]

    /// `text` after `first`, broken at spaces into lines of at most ``width`` columns (a longer word stays whole,
    /// a unit stays with its number), the following lines starting with `rest`.
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let bare = word.prefix { $0 != "," && $0 != ";" && $0 != ":" && $0 != ")" }
            if let last = words.last, !last.isEmpty, units.contains(bare) {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(String(word))
            }
        }
        var lines: [String] = []
        var line = first
        var empty = true
        for word in words {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest + word
            } else {
                line += (empty ? "" : " ") + word
            }
            empty = false
        }
        lines.append(line)
        return lines.map(\.trimmingTrailingSpaces)
    }
}
