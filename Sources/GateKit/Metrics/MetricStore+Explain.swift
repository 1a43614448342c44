extension MetricStore {
    /// How the reports of `category` were combined: the method and the numbers behind it.
    public func merge(of category: ReportCategory) -> MergeEvidence {
        func optional(_ kind: String, _ count: Int) -> [RecordCount] { count > 0 ? [RecordCount(kind, count)] : [] }
        let reports = RecordCount("reports", count(of: category))
        let leftOut = optional("left_out", excluded[category] ?? 0)
        switch category {
        case .coverage:
            return MergeEvidence(
                category: category, method: "union",
                description: "union by path; a line is covered if any report covers it",
                counts: [reports, RecordCount("files", coverageFiles.count)]
                    + optional("files_in_several_reports", coverageFilesInSeveralReports) + leftOut,
                waivers: [])
        case .tests:
            return MergeEvidence(
                category: category, method: "sum", description: "the suites of every report added up",
                counts: [
                    reports, RecordCount("suites", suites.count),
                    RecordCount("tests", suites.reduce(0) { $0 + $1.counts.total }),
                ], waivers: [])
        case .lint, .scan:
            let view = category == .lint ? lint : scan
            let same =
                category == .lint
                ? "same fingerprint, or same rule at the same line and column"
                : "same id or alias in the same package version, or same fingerprint"
            return MergeEvidence(
                category: category, method: "deduplicate",
                description: "deduplicated across reports (\(same)); then waived",
                counts: [reports, RecordCount("findings", view.read)] + optional("not_counted", view.notCounted.count)
                    + optional("duplicates_dropped", view.duplicates) + leftOut
                    + optional("waived", view.waived.count) + [RecordCount("open", view.open.count)],
                waivers: view.waivers)
        case .bench:
            let series = benchmarks.flatMap(\.report.series)
            let raw = series.compactMap(\.samples)
            return MergeEvidence(
                category: category, method: "pool",
                description: "raw samples pooled per label; stated percentiles used as stated, never averaged",
                counts: [reports, RecordCount("series", series.count)]
                    + optional("samples", raw.reduce(0) { $0 + $1.count }),
                waivers: [])
        case .metrics:
            return MergeEvidence(
                category: category, method: "by-name", description: "samples by name and labels, as stated",
                counts: [reports, RecordCount("samples", metricsReports.reduce(0) { $0 + $1.report.samples.count })],
                waivers: [])
        }
    }

    /// How `result`'s condition filtered the merged reports of its category (after `sources`' path mapping), and
    /// its items worst first, at most `limit` of them.
    public func evidence(for result: ConditionResult, sources: [ReportSource], limit: Int) -> ConditionEvidence {
        let condition = result.condition
        let mapping = sources.filter { $0.category == condition.metric.category }.compactMap { source in
            source.mappingTerms.isEmpty
                ? nil : "source in \(source.declaredIn): " + source.mappingTerms.joined(separator: ", ")
        }
        let evidence: (filters: [String], order: String, items: [WorstItem])
        switch condition.metric.category {
        case .coverage: evidence = coverageEvidence(condition)
        case .tests: evidence = testsEvidence(condition)
        case .lint, .scan: evidence = findingsEvidence(condition)
        case .bench: evidence = benchmarkEvidence(condition)
        case .metrics: evidence = metricsEvidence(condition)
        }
        let leftOut = (excluded[condition.metric.category] ?? 0)
        let noun = condition.metric.category == .coverage ? "files" : "findings"
        let mappingNote = leftOut == 0 ? [] : [RecordCount(noun, leftOut).text + " left out by include/exclude"]
        return ConditionEvidence(
            filters: mapping + mappingNote + evidence.filters, order: evidence.order, items: evidence.items,
            limit: limit)
    }

    /// `terms: 2 of 3 files`, or `no selector: all of 3 files` without terms.
    static func selection(_ terms: [SelectorTerm], _ selected: Int, of total: Int, _ noun: String) -> String {
        guard !terms.isEmpty else { return "no selector: all of " + RecordCount(noun, total).text }
        return terms.map(\.text).joined(separator: ", ")
            + ": \(NumberFormatting.count(selected)) of \(NumberFormatting.count(total)) \(noun)"
    }

    private func coverageEvidence(_ condition: Condition) -> (filters: [String], order: String, items: [WorstItem]) {
        let item = condition.metric.name.split(separator: ".").dropFirst().first.map(String.init) ?? "lines"
        let selected = coverageFiles(selectedBy: condition.selector)
        var filters = [Self.selection(condition.selector, selected.count, of: coverageFiles.count, "files")]
        if condition.perFile {
            filters.append(
                "per=\"file\": the condition must hold for each file"
                    + (condition.minimumLines > 0
                        ? ", files with fewer than \(condition.minimumLines) lines left out (min_lines)" : ""))
        }
        if let stated = statedCoverage.first {
            filters.append("\(stated.path) states percentages only: no files to list")
        }
        let noun = FileCoverage.noun(item)
        let counted = selected.compactMap { file -> (FileCoverage, CoverageCount)? in
            guard let count = file.count(of: item), count.total > 0,
                !condition.perFile || file.lines.total >= condition.minimumLines
            else { return nil }
            return (file, count)
        }
        let sorted = counted.sorted { lhs, rhs in
            let (left, right) = (lhs.1.percent ?? 0, rhs.1.percent ?? 0)
            return left == right ? lhs.0.path.utf8.lexicographicallyPrecedes(rhs.0.path.utf8) : left < right
        }
        let items = sorted.map { file, count -> WorstItem in
            var detail =
                "\(NumberFormatting.count(count.total - count.covered)) of \(NumberFormatting.count(count.total)) "
                + "\(noun) uncovered"
            if item == "lines", let ranges = file.lineMap?.uncoveredRanges, !ranges.isEmpty {
                detail += ": lines " + Self.describe(ranges)
            } else if item == "branches", let partial = file.branchMap?.partiallyCovered, !partial.isEmpty {
                detail +=
                    ": lines "
                    + partial.prefix(12).map { "\($0.line) (\($0.count.covered)/\($0.count.total))" }
                    .joined(separator: ", ") + (partial.count > 12 ? ", …" : "")
            }
            let percent = count.percent ?? 0
            let breaks =
                condition.perFile && condition.metric.unit == .percent
                ? !condition.comparison.holds(percent, condition.threshold) : nil
            return WorstItem(name: file.path, value: percent, unit: .percent, detail: detail, breaks: breaks)
        }
        return (filters, "least covered first", items)
    }

    /// `12–18, 22, 40–41` (at most 12 ranges).
    static func describe(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.prefix(12).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ") + (ranges.count > 12 ? ", …" : "")
    }

    private func testsEvidence(_ condition: Condition) -> (filters: [String], order: String, items: [WorstItem]) {
        let selected = suites.filter { suite in condition.selector.allSatisfy { $0.selects(suite.name) } }
        let items = selected.flatMap(\.problems).map { problem in
            WorstItem(
                name: problem.name,
                detail: problem.kind.rawValue + (problem.message.isEmpty ? "" : ": \(problem.message)"))
        }
        let kept = selected.reduce(0) { $0 + $1.counts.failed + $1.counts.errors } - items.count
        return (
            [Self.selection(condition.selector, selected.count, of: suites.count, "suites")]
                + (kept > 0
                    ? [
                        "\(NumberFormatting.count(kept)) more failed tests not kept by the reader "
                            + "(at most \(TestReport.problemLimit) per suite)"
                    ]
                    : []),
            "failed and errored tests, in report order", items
        )
    }
}
