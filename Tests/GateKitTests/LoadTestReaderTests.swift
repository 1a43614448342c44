import Foundation
import Testing

@testable import GateKit

/// The figures a gate would see in a benchmark report, computed here independently of the metric store: the
/// aggregate series when the report has one, else every series pooled; percentiles of raw samples by linear
/// interpolation between closest ranks.
struct LoadTestFigureCheck {
    let series: [BenchmarkSeries]

    init(_ report: Report) throws {
        guard case .benchmark(let benchmark) = report else { throw InputError("not a benchmark report") }
        series = benchmark.series
    }

    var selected: [BenchmarkSeries] {
        let aggregate = series.filter(\.isAggregate)
        return aggregate.isEmpty ? series : aggregate
    }

    /// The value of `metric` in the corpus's units (ms, count, %, /s).
    func value(_ metric: String) -> Double? {
        let chosen = selected
        var pooled = SampleDistribution()
        for item in chosen { if let samples = item.samples { pooled.add(samples) } }
        let requests = chosen.compactMap(\.requests).reduce(0, +)
        let failures = chosen.compactMap(\.failures).reduce(0, +)
        let stated = chosen.count == 1 ? chosen[0].stated : StatedStatistics()
        func samplePercentile(_ rank: Double) -> Double? {
            let values = pooled.distinctValues().flatMap { Array(repeating: $0.value, count: $0.count) }
            guard !values.isEmpty else { return nil }
            let position = rank / 100 * Double(values.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, values.count - 1)
            return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
        }
        func latency(_ statedValue: Double?, _ fromSamples: Double?) -> Double? {
            (pooled.count > 0 ? fromSamples : statedValue).map { $0 * 1000 }
        }
        let distinct = pooled.distinctValues()
        switch metric {
        case "requests.total": return chosen.contains { $0.requests != nil } ? Double(requests) : nil
        case "requests.failed": return chosen.contains { $0.failures != nil } ? Double(failures) : nil
        case "error_rate": return requests > 0 ? Double(failures) / Double(requests) * 100 : nil
        case "throughput":
            if let rate = stated.throughput { return rate }
            return chosen.count == 1 ? chosen[0].duration.map { Double(requests) / $0 } : nil
        case "latency.min": return latency(stated.minimum, distinct.first?.value)
        case "latency.max": return latency(stated.maximum, distinct.last?.value)
        case "latency.mean": return latency(stated.mean, pooled.count > 0 ? pooled.sum / Double(pooled.count) : nil)
        default:
            guard metric.hasPrefix("latency.p"), let rank = Double(metric.dropFirst("latency.p".count)) else {
                return nil
            }
            return latency(stated.percentiles[rank] ?? (rank == 50 ? stated.median : nil), samplePercentile(rank))
        }
    }
}

@Suite struct LoadTestCorpusTests {
    static let formats: Set<String> = [
        "k6-summary-export", "k6-summary-json", "k6-json", "locust-stats-csv", "locust-stats-history-csv",
        "gatling-stats-json", "gatling-simulation-log", "ab-text", "wrk-text", "autocannon-json", "artillery-json",
    ]

    static let readerOf: [String: ReportFormat] = [
        "k6-summary-export": .k6SummaryExport, "k6-summary-json": .k6Summary, "k6-json": .k6JSON,
        "locust-stats-csv": .locustStats, "locust-stats-history-csv": .locustHistory,
        "gatling-stats-json": .gatlingStats, "gatling-simulation-log": .gatlingLog, "ab-text": .apacheBench,
        "wrk-text": .wrk, "autocannon-json": .autocannon, "artillery-json": .artillery,
    ]

    @Test(arguments: CorpusExpectation.entries(formats: formats))
    func corpusFiguresAreTheToolsFigures(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .bench)
        #expect(loaded.format == Self.readerOf[entry.format], "\(entry)")
        let figures = try LoadTestFigureCheck(loaded.report)
        for check in entry.checks where check.labels.isEmpty {
            let value = try #require(figures.value(check.metric), "\(entry): \(check.metric)")
            let tolerance = max(check.tolerance, abs(check.value) * 1e-9)
            #expect(abs(value - check.value) <= tolerance, "\(entry): \(check.metric) \(value) vs \(check.value)")
        }
    }

    @Test func everyBenchCorpusFileIsClaimedByItsOwnReaderOnly() throws {
        let owned: [String: ReportFormat] = [
            "k6-summary-export": .k6SummaryExport, "k6-handlesummary": .k6Summary, "k6-out-json": .k6JSON,
            "ab": .apacheBench, "wrk": .wrk, "autocannon": .autocannon, "artillery": .artillery,
        ]
        let mine: [ReportFormat] = [
            .k6SummaryExport, .k6Summary, .k6JSON, .locustStats, .locustHistory, .gatlingStats, .gatlingLog,
            .apacheBench, .apacheBenchCSV, .apacheBenchTSV, .wrk, .autocannon, .artillery,
        ]
        for category in ["bench", "coverage", "tests", "lint", "scan"] {
            try forEachCorpusHead(under: category) { path, head in
                let claimed = mine.filter { $0.reader.recognizes(head) }
                let folder = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
                var expected = owned[folder].map { [$0] } ?? []
                if folder == "locust" {
                    expected =
                        path.hasSuffix("_stats.csv")
                        ? [.locustStats] : path.hasSuffix("_stats_history.csv") ? [.locustHistory] : []
                }
                if folder == "gatling" {
                    expected =
                        path.hasSuffix(".log") ? [.gatlingLog] : path.hasSuffix("stats.json") ? [.gatlingStats] : []
                }
                #expect(claimed == expected, "\(path) claimed by \(claimed)")
            }
        }
    }
}
