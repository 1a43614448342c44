/// Renders how a gate's value was computed: the reports and formats read, how they were combined and selected,
/// the value, and the worst offenders — for coverage, the least-covered files with their uncovered line ranges.
public struct ExplainRenderer {
    /// How many files or items to list.
    public var limit: Int

    public init(limit: Int = 10) { self.limit = limit }

    public func render(
        _ result: GateResult, reports: [ReportUse], problems: [ReportCategory: [String]], store: MetricStore
    )
        -> String
    {
        var lines = [
            "\(result.gate.id): \(result.status.rawValue.uppercased())"
                + (result.gate.description.map { " — \($0)" } ?? "")
        ]
        switch result.gate.kind {
        case .attestation(let statement):
            lines.append("Attestation required: “\(statement)”")
            switch result.attestation {
            case .attested(let attestation)?:
                lines.append(
                    "Attested by \(attestation.by) at \(attestation.time) (log entry \(attestation.seq))"
                        + (attestation.note.map { ": \($0)" } ?? ""))
            case .missing(let reason)?: lines.append("Not attested: \(reason)")
            case nil: break
            }
        case .documents:
            for document in result.documents {
                lines.append("\(document.satisfied ? "present" : "missing"): \(document.requirement)")
                lines += document.files.map { "  \($0)" } + document.problems.map { "  - \($0)" }
            }
        case .conditions(let conditions):
            let categories = Set(conditions.map(\.metric.category))
            let used = reports.filter { categories.contains($0.category) }
            lines.append("")
            lines.append("Reports read (\(used.count)), combined \(combination(categories)):")
            lines += used.map { report in
                "  \(report.path)  \(report.format.displayName)"
                    + (report.sourcePaths > 0 ? ", \(report.sourcePaths) source files" : "")
                    + (report.unmatchedPaths.isEmpty
                        ? "" : ", \(report.unmatchedPaths.count) naming no file under the root")
            }
            for category in categories.sorted() {
                lines += (problems[category] ?? []).map { "  problem: \($0)" }
            }
            for condition in result.conditions { lines += explain(condition, store: store) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func combination(_ categories: Set<ReportCategory>) -> String {
        categories.map { category -> String in
            switch category {
            case .coverage: return "coverage by file path (a line is covered if any report covers it)"
            case .tests: return "tests by adding up the suites"
            case .lint: return "lint findings deduplicated across reports"
            case .scan: return "security findings deduplicated by id or alias, package and version"
            case .bench: return "benchmark samples pooled per label, stated statistics used as stated"
            case .metrics: return "metric values by name and labels"
            }
        }.sorted().joined(separator: "; ")
    }

    private func explain(_ result: ConditionResult, store: MetricStore) -> [String] {
        let condition = result.condition
        var lines = ["", "\(condition.text): \(result.passed ? "pass" : "fail")"]
        if let measurement = result.measurement {
            lines.append(
                "  value: \(NumberFormatting.quantity(measurement.value, condition.metric.unit, against: condition.threshold))"
                    + (measurement.basis.map { " (\($0))" } ?? "")
                    + (MarginText.describe(result).map { "; \($0)" } ?? ""))
        }
        if let reason = result.reason { lines.append("  reason: \(reason)") }
        if condition.metric.category == .coverage {
            lines += leastCovered(condition, store: store)
        } else if let offenders = result.measurement?.offenders, !offenders.isEmpty {
            lines.append("  worst:")
            lines += offenders.prefix(limit).map { "    \($0)" }
        }
        return lines
    }

    /// The selected files, least covered first, with their uncovered lines.
    private func leastCovered(_ condition: Condition, store: MetricStore) -> [String] {
        let item = condition.metric.name.split(separator: ".").dropFirst().first.map(String.init) ?? "lines"
        let files = store.coverageFiles(selectedBy: condition.selector)
        let counted = files.compactMap { file -> (FileCoverage, CoverageCount)? in
            guard let count = file.count(of: item), count.total > 0 else { return nil }
            return (file, count)
        }
        let sorted = counted.sorted { lhs, rhs in
            let (left, right) = (lhs.1.percent ?? 0, rhs.1.percent ?? 0)
            return left == right ? lhs.0.path.utf8.lexicographicallyPrecedes(rhs.0.path.utf8) : left < right
        }
        guard !sorted.isEmpty else { return [] }
        var lines = ["  \(files.count) file\(files.count == 1 ? "" : "s") selected; least covered first:"]
        let shown = sorted.prefix(limit)
        let width = shown.map(\.0.path.count).max() ?? 0
        for (file, count) in shown {
            var line =
                "    \(file.path.padding(toLength: width))  "
                + NumberFormatting.quantity(count.percent ?? 0, .percent).padding(toLength: 8)
                + "  \(NumberFormatting.count(count.total - count.covered)) of \(NumberFormatting.count(count.total)) \(FileCoverage.noun(item)) uncovered"
            if item == "lines", let ranges = file.lineMap?.uncoveredRanges, !ranges.isEmpty {
                line += ": lines " + Self.describe(ranges)
            } else if item == "branches", let partial = file.branchMap?.partiallyCovered, !partial.isEmpty {
                line +=
                    ": lines "
                    + partial.prefix(12).map { "\($0.line) (\($0.count.covered)/\($0.count.total))" }
                    .joined(separator: ", ") + (partial.count > 12 ? ", …" : "")
            }
            lines.append(line)
        }
        if sorted.count > shown.count { lines.append("    … \(sorted.count - shown.count) more (--limit)") }
        return lines
    }

    /// `12–18, 22, 40–41` (at most 12 ranges).
    static func describe(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.prefix(12).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ") + (ranges.count > 12 ? ", …" : "")
    }
}
