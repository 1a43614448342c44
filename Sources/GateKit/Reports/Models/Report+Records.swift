/// How many records of one kind something holds: `files: 3`, `tests: 12`, `duplicates: 2`.
public struct RecordCount: Sendable, Equatable {
    /// A plural noun, also the key in JSON output: `files`, `suites`, `tests`, `findings`, `series`, `samples`.
    public let kind: String
    public let count: Int

    public init(_ kind: String, _ count: Int) {
        self.kind = kind
        self.count = count
    }

    /// `3 files`, `1 file`, `1 series`, `1 duplicate dropped`: the kind in words, its first word singular for one.
    public var text: String {
        var words = kind.split(separator: "_").map(String.init)
        if count == 1, let first = words.first, first != "series", first.hasSuffix("s") {
            words[0] = String(first.dropLast())
        }
        return "\(NumberFormatting.count(count)) " + words.joined(separator: " ")
    }
}

extension Report {
    /// What the report gave, counted: coverage source files; test suites and cases; findings (and those the tool
    /// itself does not count); benchmark series and raw samples; metric samples.
    public var recordCounts: [RecordCount] {
        switch self {
        case .coverage(let report):
            return [RecordCount("files", report.files.count)]
        case .tests(let report):
            let cases = report.suites.reduce(0) { $0 + $1.counts.total }
            return [RecordCount("suites", report.suites.count), RecordCount("tests", cases)]
        case .findings(let report):
            let notCounted = report.findings.count { $0.state != .open }
            return [RecordCount("findings", report.findings.count)]
                + (notCounted > 0 ? [RecordCount("not_counted", notCounted)] : [])
        case .benchmark(let report):
            let raw = report.series.compactMap(\.samples)
            return [RecordCount("series", report.series.count)]
                + (raw.isEmpty ? [] : [RecordCount("samples", raw.reduce(0) { $0 + $1.count })])
        case .metrics(let report):
            return [RecordCount("samples", report.samples.count)]
        }
    }

    /// The tools a findings report names (a SARIF file or a build log says who produced it only inside), sorted.
    public var tools: [String] {
        guard case .findings(let report) = self else { return [] }
        return Set(report.findings.map(\.tool)).sorted()
    }
}
