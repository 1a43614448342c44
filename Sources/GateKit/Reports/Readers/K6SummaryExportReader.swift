/// Reads k6's `--summary-export` JSON (k6 0.x, the legacy export): `{"root_group": {…}, "metrics": {NAME: {…}}}`
/// with each metric's figures flat (`"http_req_duration": {"avg": …, "min": …, "med": …, "max": …, "p(90)": …,
/// "p(95)": …}`), durations in milliseconds.
///
/// One aggregate series (label `http_req_duration`, or `grpc_req_duration` for a gRPC test without HTTP requests):
/// latency min, max, mean (`avg`), median and p50 (`med`) and each `p(N)` the export holds (the run's
/// `summaryTrendStats`), as k6's end-of-test summary prints them; **requests** `http_reqs.count`, **throughput**
/// `http_reqs.rate`; **failures** `http_req_failed.passes`: `http_req_failed` is a Rate whose "passes" are the
/// requests that *failed* (its `value` is the failed fraction). Tagged sub-metrics (`http_req_duration{…}`) are not
/// the run's figures and are skipped. Thresholds (`"thresholds": {"p(95)<500": false}`, where `false` means the
/// threshold was *not* crossed) are never read: protocol evaluates its own gates.
public enum K6SummaryExportReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 --summary-export JSON"

    /// True for a JSON object whose `metrics` hold flat figures (`avg`, `count`, `passes`…), not handleSummary's
    /// `type`/`values` objects.
    public static func recognizes(_ head: ContentHead) -> Bool {
        K6Metrics.probe(head) == .flat
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var metrics = K6Metrics()
        guard try json.next() == .beginObject else {
            throw InputError("not a k6 summary export: the JSON value is not an object", line: json.line)
        }
        try json.forEachMember { key throws(InputError) in
            guard key == "metrics" else { return }
            try json.forEachMember { name throws(InputError) in
                guard let kind = K6Metrics.Kind(name) else { return }
                metrics.record(kind, try json.numericMembers(), line: json.line)
            }
        }
        try json.expectEnd()
        return .benchmark(BenchmarkReport(series: [try metrics.series(failedCount: "passes", duration: nil)]))
    }
}

/// The k6 metrics protocol reads from a summary (the export or handleSummary's data), by figure name.
struct K6Metrics {
    /// The metrics protocol uses.
    enum Kind {
        case httpDuration, grpcDuration, requests, failed

        init?(_ name: ByteSpan) {
            if name == "http_req_duration" {
                self = .httpDuration
            } else if name == "grpc_req_duration" {
                self = .grpcDuration
            } else if name == "http_reqs" {
                self = .requests
            } else if name == "http_req_failed" {
                self = .failed
            } else {
                return nil
            }
        }
    }

    /// The shape of a summary's metrics: flat figures (`--summary-export`) or `type`/`values` (handleSummary).
    enum Shape { case flat, typed }

    private var httpDuration: [String: Double]?
    private var grpcDuration: [String: Double]?
    private var requests: [String: Double]?
    private var failed: [String: Double]?
    private var line = 0

    mutating func record(_ kind: Kind, _ figures: [String: Double], line: Int) {
        self.line = line
        switch kind {
        case .httpDuration: httpDuration = figures
        case .grpcDuration: grpcDuration = figures
        case .requests: requests = figures
        case .failed: failed = figures
        }
    }

    /// The run as one aggregate series; `failedCount` names the figure of `http_req_failed` that counts failed
    /// requests (`passes` in both formats).
    func series(failedCount: String, duration: Double?) throws(InputError) -> BenchmarkSeries {
        let label = httpDuration != nil ? "http_req_duration" : "grpc_req_duration"
        guard let trend = httpDuration ?? grpcDuration else {
            throw InputError("the k6 summary has no http_req_duration nor grpc_req_duration metric: no request latency")
        }
        var stated = StatedStatistics()
        for (name, value) in trend {
            let seconds = try LoadTestFigures.milliseconds(value, "\(label) \(name)")
            switch name {
            case "min": stated.minimum = seconds
            case "max": stated.maximum = seconds
            case "avg": stated.mean = seconds
            case "med":
                stated.median = seconds
                stated.percentiles[50] = seconds
            default:
                var name = name
                if let rank = name.withUTF8({ bytes in
                    bytes.baseAddress.flatMap {
                        LoadTestFigures.percentileRank(ByteSpan(base: $0, count: bytes.count))
                    }
                }) {
                    stated.percentiles[rank] = seconds
                }
            }
        }
        var series = BenchmarkSeries(label: label, isAggregate: true, stated: stated, duration: duration)
        if let count = requests?["count"] {
            series.requests = try LoadTestFigures.count(count, "http_reqs count")
        }
        if let rate = requests?["rate"] {
            series.stated.throughput = try LoadTestFigures.rate(rate, "http_reqs rate")
        }
        if let passes = failed?[failedCount] {
            series.failures = try LoadTestFigures.count(passes, "http_req_failed \(failedCount) (failed requests)")
        }
        return series
    }

    /// Which shape the `metrics` of the JSON head have, or nil when the head is not a k6 summary.
    static func probe(_ head: ContentHead) -> Shape? {
        var shape: Shape?
        _ = head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                guard json.bytes == "metrics" else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginObject, try json.next() == .key, try json.next() == .beginObject,
                    try json.next() == .key
                else { return false }
                let key = json.bytes
                if key == "type" || key == "contains" || key == "values" {
                    shape = .typed
                } else if key == "avg" || key == "count" || key == "passes" || key == "value" || key == "min"
                    || key == "max" || key == "med" || key == "rate" || key == "fails"
                {
                    shape = .flat
                }
                return shape != nil
            }
            return false
        }
        return shape
    }
}
