extension MetricStore {
    /// `coverage.lines`, `.branches`, `.functions` and their `.covered`/`.total` counts over the selected files;
    /// per file (each file a measured item) with `perFile`, leaving out files with fewer than `minimumLines`
    /// instrumented lines.
    func measureCoverage(_ metric: MetricDefinition, selector: [SelectorTerm], perFile: Bool, minimumLines: Int)
        -> MetricOutcome
    {
        let parts = metric.name.split(separator: ".").map(String.init)
        let item = parts[safe: 1] ?? "lines"
        if let stated = statedCoverage.first {
            return measureStated(stated, item: item, metric: metric, selected: !selector.isEmpty || perFile)
        }
        guard !coverageFiles.isEmpty else {
            // Nothing is instrumented: the counts are 0, a percentage would be "100% of nothing".
            if selector.isEmpty, !perFile, parts.count == 3 {
                return .measured(Measurement(value: 0, basis: "the coverage reports list no source files"))
            }
            return .unavailable("the coverage reports list no source files")
        }
        let selected = coverageFiles(selectedBy: selector)
        guard !selected.isEmpty else {
            let examples = coverageFiles.prefix(3).map(\.path).joined(separator: ", ")
            let terms = selector.map(\.text).joined(separator: ", ")
            return .unavailable(
                "no file in the coverage reports matches \(terms) (their paths look like: \(examples))")
        }
        let counts = selected.compactMap { file in
            file.count(of: item).map { FileCount(path: file.path, lines: file.lines.total, count: $0) }
        }
        let noun = FileCoverage.noun(item)
        guard !counts.isEmpty else { return .unavailable("the coverage reports have no \(noun) data") }
        if perFile {
            return Self.perFile(counts, metric: metric, item: noun, minimumLines: minimumLines)
        }
        let total = counts.reduce(CoverageCount.zero) { $0 + $1.count }
        let basis =
            "\(NumberFormatting.count(total.total - total.covered)) of \(NumberFormatting.count(total.total)) \(noun) uncovered"
        // One selected file is its own evidence; the worst files are worth listing when there are several.
        let offenders = Self.worst(counts.count > 1 ? counts : [], limit: 5).map { file in
            "\(file.path): \(NumberFormatting.count(file.count.total - file.count.covered)) of "
                + "\(NumberFormatting.count(file.count.total)) \(noun) uncovered"
        }
        switch parts.last {
        case "covered":
            return .measured(Measurement(value: Double(total.covered), basis: basis, offenders: Array(offenders)))
        case "total":
            return .measured(Measurement(value: Double(total.total), basis: basis, offenders: Array(offenders)))
        default:
            guard let percent = total.percent else {
                return .unavailable("the selected files have no instrumented \(noun): 0 of 0 is not a percentage")
            }
            return .measured(Measurement(value: percent, basis: basis, offenders: Array(offenders)))
        }
    }
}

extension MetricStore {
    /// The percentage a report states without counts, when it is the only coverage report and the metric asks for
    /// the overall percentage; anything else would invent counts.
    private func measureStated(
        _ stated: (path: String, percentages: [String: Double]), item: String, metric: MetricDefinition,
        selected: Bool
    ) -> MetricOutcome {
        guard coverageReportCount == 1, !selected, metric.unit == .percent else {
            return .unavailable(
                "\(stated.path) states overall percentages only (no counts, no files): it cannot be combined with "
                    + "other reports, selected by path or counted; read the detailed report beside it instead")
        }
        guard let percent = stated.percentages[item] else {
            return .unavailable("\(stated.path) states no \(FileCoverage.noun(item)) percentage")
        }
        return .measured(
            Measurement(value: percent, basis: "as stated by \(stated.path), which holds percentages only"))
    }

    /// The coverage files a selector selects, in path order.
    public func coverageFiles(selectedBy selector: [SelectorTerm]) -> [FileCoverage] {
        selector.isEmpty
            ? coverageFiles : coverageFiles.filter { file in selector.allSatisfy { $0.selects(file.path) } }
    }

    /// Each file's value as a measured item; the evaluator checks every one.
    static func perFile(
        _ counts: [FileCount], metric: MetricDefinition, item: String, minimumLines: Int
    ) -> MetricOutcome {
        let guarded = counts.filter { $0.lines >= minimumLines }
        guard !guarded.isEmpty else {
            return .unavailable("no selected file has at least \(minimumLines) instrumented lines (min_lines)")
        }
        let kind = metric.name.split(separator: ".").last
        var items: [MeasuredItem] = []
        for file in guarded {
            let count = file.count
            let basis =
                "\(NumberFormatting.count(count.total - count.covered)) of \(NumberFormatting.count(count.total)) \(item) uncovered"
            switch kind {
            case "covered": items.append(MeasuredItem(name: file.path, value: Double(count.covered), basis: basis))
            case "total": items.append(MeasuredItem(name: file.path, value: Double(count.total), basis: basis))
            default:
                // A file with nothing of this kind to cover has no percentage: it is left out, not counted as 100%.
                if let percent = count.percent {
                    items.append(MeasuredItem(name: file.path, value: percent, basis: basis))
                }
            }
        }
        guard !items.isEmpty else { return .unavailable("no selected file has instrumented \(item)") }
        let skipped = counts.count - guarded.count
        let basis =
            "\(NumberFormatting.count(items.count)) files"
            + (skipped > 0
                ? " (\(NumberFormatting.count(skipped)) with fewer than \(minimumLines) lines left out)" : "")
        return .measured(Measurement(value: items[0].value, basis: basis, items: items))
    }

    /// The `limit` files with the most uncovered items, most first (ties in path order), in one pass.
    static func worst(_ counts: [FileCount], limit: Int) -> [FileCount] {
        var worst: [FileCount] = []
        for entry in counts where entry.missed > 0 {
            let missed = entry.missed
            guard worst.count < limit || missed > worst[worst.count - 1].missed else { continue }
            let position = worst.firstIndex { $0.missed < missed } ?? worst.count
            worst.insert(entry, at: position)
            if worst.count > limit { worst.removeLast() }
        }
        return worst
    }
}

/// One selected file's count of the measured item, with its instrumented lines for `min_lines`.
struct FileCount {
    var path: String
    var lines: Int
    var count: CoverageCount

    var missed: Int { count.total - count.covered }
}

extension Array {
    /// The element at `index`, or nil when the index is out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension FileCoverage {
    /// The count of one coverage item: `lines`, `branches`, `functions` or `lines_and_branches` (lines plus
    /// branches, coverage.py's TOTAL); nil when the report has no data of that kind for this file.
    func count(of item: String) -> CoverageCount? {
        switch item {
        case "branches": branches
        case "functions": functions
        case "lines_and_branches": lines + (branches ?? .zero)
        default: lines
        }
    }

    /// How an item is named in messages.
    static func noun(_ item: String) -> String { item == "lines_and_branches" ? "lines and branches" : item }
}
