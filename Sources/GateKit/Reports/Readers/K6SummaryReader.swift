/// Reads the JSON of k6's `handleSummary(data)` (`JSON.stringify(data)`, k6 ≥ 0.30, also written by k6-reporter):
/// `{"options": …, "state": {"testRunDurationMs": …}, "metrics": {NAME: {"type": "trend", "values": {…}}}}`,
/// durations in milliseconds.
///
/// The figures are those of ``K6SummaryExportReader`` read from each metric's `values`: latency from
/// `http_req_duration` (or `grpc_req_duration` for a gRPC test: the request latency, where `iteration_duration`
/// would add the script's own time), **requests** `http_reqs.count`, **throughput** `http_reqs.rate`, **failures**
/// `http_req_failed.passes` (the requests that failed), **duration** `state.testRunDurationMs`. Thresholds'
/// `ok` flags are never read.
public enum K6SummaryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 handleSummary JSON"

    /// True for a JSON object whose `metrics` hold `type`/`values` objects.
    public static func recognizes(_ head: ContentHead) -> Bool {
        K6Metrics.probe(head) == .typed
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var metrics = K6Metrics()
        var duration: Double?
        guard try json.next() == .beginObject else {
            throw InputError("not a k6 summary: the JSON value is not an object", line: json.line)
        }
        try json.forEachMember { key throws(InputError) in
            if key == "state" {
                if let milliseconds = try json.numericMembers()["testRunDurationMs"] {
                    duration = try LoadTestFigures.milliseconds(milliseconds, "state.testRunDurationMs")
                }
            } else if key == "metrics" {
                try json.forEachMember { name throws(InputError) in
                    guard let kind = K6Metrics.Kind(name) else { return }
                    try json.forEachMember { member throws(InputError) in
                        guard member == "values" else { return }
                        metrics.record(kind, try json.numericMembers(), line: json.line)
                    }
                }
            }
        }
        try json.expectEnd()
        return .benchmark(BenchmarkReport(series: [try metrics.series(failedCount: "passes", duration: duration)]))
    }
}
