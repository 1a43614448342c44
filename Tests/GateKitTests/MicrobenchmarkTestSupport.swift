import Foundation
import Testing

@testable import GateKit

/// Helpers for the tests of the microbenchmark and metrics readers.
enum Microbenchmark {
    /// The series of a benchmark report.
    static func series(_ report: Report) throws(InputError) -> [BenchmarkSeries] {
        guard case .benchmark(let benchmark) = report else { throw InputError("not a benchmark report: \(report)") }
        return benchmark.series
    }

    /// The samples of a metrics report.
    static func samples(_ report: Report) throws(InputError) -> [MetricSample] {
        guard case .metrics(let metrics) = report else { throw InputError("not a metrics report: \(report)") }
        return metrics.samples
    }

    /// The distinct sample values of a series, each repeated by its count, ascending.
    static func values(_ series: BenchmarkSeries?) -> [Double] {
        (series?.samples?.distinctValues() ?? []).flatMap { Array(repeating: $0.value, count: $0.count) }
    }

    /// The first format, in recognition order, that claims the head of `text`.
    static func recognized(_ text: String) -> ReportFormat? {
        withByteSpan(text) { span in ReportFormat.allCases.first { $0.reader.recognizes(ContentHead(span)) } }
    }

    /// True when `a` and `b` differ by at most `tolerance` plus a relative 1e-12.
    static func close(_ a: Double?, _ b: Double, tolerance: Double = 0) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance + 1e-12 * max(abs(a), abs(b))
    }

    /// A figure of the corpus (expectations.json) for one of the labels it accepts.
    struct CorpusCheck: CustomStringConvertible {
        var metric: String
        var labels: [String]
        /// In seconds.
        var seconds: Double
        var tolerance: Double
        var description: String { "\(metric){label=\(labels)}" }
    }

    /// The bench entries of `format` in the corpus expectations: path and checks, labels given as one or several.
    static func corpusChecks(format: String) -> [(path: String, checks: [CorpusCheck])] {
        guard let corpusDirectory,
            let data = FileManager.default.contents(atPath: corpusDirectory + "/expectations.json"),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = document["expectations"] as? [[String: Any]]
        else { return [] }
        let scales = ["ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0]
        return entries.compactMap { entry in
            guard entry["format"] as? String == format, let path = entry["path"] as? String,
                let checks = entry["checks"] as? [[String: Any]]
            else { return nil }
            return (
                corpusDirectory + "/" + path,
                checks.compactMap { check in
                    guard let metric = check["metric"] as? String,
                        let value = (check["value"] as? NSNumber)?.doubleValue,
                        let scale = scales[check["unit"] as? String ?? ""],
                        let labels = check["labels"] as? [String: Any]
                    else { return nil }
                    let accepted = labels["label"] as? [String] ?? (labels["label"] as? String).map { [$0] } ?? []
                    let tolerance = (check["tol"] as? NSNumber)?.doubleValue ?? 0
                    return CorpusCheck(
                        metric: metric, labels: accepted, seconds: value * scale, tolerance: tolerance * scale)
                }
            )
        }
    }

    /// The figure the model gives for a latency metric of a series: from the raw samples when there are some (the
    /// mean, the extremes, the median), else as stated.
    static func figure(_ metric: String, of series: BenchmarkSeries) -> Double? {
        let values = self.values(series)
        switch metric {
        case "latency.mean": return values.isEmpty ? series.stated.mean : values.reduce(0, +) / Double(values.count)
        case "latency.min": return values.first ?? series.stated.minimum
        case "latency.max": return values.last ?? series.stated.maximum
        case "latency.p50":
            guard !values.isEmpty else { return series.stated.median }
            let middle = values.count / 2
            return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
        default: return nil
        }
    }

    /// Reads every corpus file of `format` and checks its figures against the model.
    static func expectCorpusAgrees(format: String, reads expected: ReportFormat) throws {
        for (path, checks) in corpusChecks(format: format) {
            let loaded = try ReportLoader.load(path: path, category: .bench)
            #expect(loaded.format == expected, "\(path)")
            let series = try self.series(loaded.report)
            for check in checks {
                let match = series.first { check.labels.contains($0.label) }
                let value = match.flatMap { figure(check.metric, of: $0) }
                #expect(
                    close(value, check.seconds, tolerance: check.tolerance),
                    "\(path): \(check) expected \(check.seconds), got \(value.map { "\($0)" } ?? "none")")
            }
        }
    }

    /// Checks that `format` claims every corpus file under `bench/<folder>` (none when folder is nil) and that
    /// recognition, in its order, gives it no other corpus file.
    static func expectRecognizesOnly(_ format: ReportFormat, folder: String?) throws {
        for category in ["bench", "coverage", "tests", "lint", "scan"] {
            try forEachCorpusHead(under: category) { path, head in
                let first = ReportFormat.allCases.first { $0.reader.recognizes(head) }
                if let folder, path.hasPrefix("bench/\(folder)/") {
                    let claimed = format.reader.recognizes(head)
                    #expect(claimed, "\(path)")
                } else {
                    #expect(first != format, "\(path)")
                }
            }
        }
    }
}
