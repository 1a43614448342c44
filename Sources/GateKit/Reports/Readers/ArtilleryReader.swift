/// Reads Artillery 2.x's `artillery run --output FILE` JSON: `{"aggregate": {"counters": {"http.requests": …,
/// "http.responses": …, "http.codes.200": …, "errors.ETIMEDOUT": …, "vusers.failed": …}, "summaries":
/// {"http.response_time": {"min", "max", "mean", "median", "p50", "p75", "p90", "p95", "p99", "p999", "count"}},
/// "firstCounterAt": ms, "lastCounterAt": ms, …}, "intermediate": […]}`; response times in milliseconds.
///
/// One aggregate series (label `aggregate`), then one per endpoint of the metrics-by-endpoint plugin
/// (`plugins.metrics-by-endpoint.response_time./path`), each with its summary's min, max, mean, median and `pN`
/// percentiles as stated (`p999` is p99.9), as Artillery's end-of-run report prints them. **Requests** the
/// `http.requests` counter: every request sent, answered or not. **Failures** the sum of the `errors.*` counters
/// (requests that got no response: ETIMEDOUT, ECONNRESET…) plus the responses with a status of 400 or more
/// (`http.codes.4xx`/`5xx`, the rule of k6's `http_req_failed`), at most the requests. In a run where most
/// requests time out, the latency summaries describe only the requests that were answered (`http.responses`).
/// **Duration** lastCounterAt − firstCounterAt. The `intermediate` snapshots are not read (the aggregate sums them).
public enum ArtilleryReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Artillery JSON"

    /// True for a JSON object whose `aggregate` has Artillery's `counters` or `summaries`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                guard json.bytes == "aggregate" else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginObject else { return false }
                while try json.next() == .key {
                    if json.bytes == "counters" || json.bytes == "summaries" { return true }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    private static let endpointSummary = "plugins.metrics-by-endpoint.response_time."
    private static let endpointCounter = "plugins.metrics-by-endpoint."

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var counters: [String: Double] = [:]
        var summaries: [(name: String, figures: [String: Double])] = []
        var times: [String: Double] = [:]
        var sawAggregate = false
        guard try json.next() == .beginObject else {
            throw InputError("not an Artillery report: the JSON value is not an object", line: json.line)
        }
        try json.forEachMember { key throws(InputError) in
            guard key == "aggregate" else { return }
            sawAggregate = true
            try json.forEachMember { member throws(InputError) in
                if member == "counters" {
                    counters = try json.numericMembers()
                } else if member == "summaries" {
                    try json.forEachMember { name throws(InputError) in
                        let name = try name.string("a summary name")
                        guard name == "http.response_time" || name.hasPrefix(endpointSummary) else { return }
                        summaries.append((name, try json.numericMembers()))
                    }
                } else if member == "firstCounterAt" || member == "lastCounterAt" {
                    if try json.next() == .number, let value = Double(json.bytes.description) {
                        times[member.description] = value
                    }
                }
            }
        }
        try json.expectEnd()
        guard sawAggregate, let total = summaries.first(where: { $0.name == "http.response_time" }) else {
            throw InputError("the Artillery report has no aggregate http.response_time summary: no HTTP latency")
        }
        var aggregate = try series(label: "aggregate", total.figures, counters: counters, prefix: "")
        aggregate.isAggregate = true
        if let first = times["firstCounterAt"], let last = times["lastCounterAt"], last >= first {
            aggregate.duration = try LoadTestFigures.milliseconds(last - first, "lastCounterAt − firstCounterAt")
        }
        var result = [aggregate]
        for summary in summaries where summary.name != "http.response_time" {
            let path = String(summary.name.dropFirst(endpointSummary.count))
            result.append(
                try series(label: path, summary.figures, counters: counters, prefix: endpointCounter + path + "."))
        }
        return .benchmark(BenchmarkReport(series: result))
    }

    /// The series of one summary; its counts are the counters under `prefix` (`http.` ones for the aggregate,
    /// whose errors are `errors.*`).
    private static func series(
        label: String, _ summary: [String: Double], counters: [String: Double], prefix: String
    ) throws(InputError) -> BenchmarkSeries {
        var stated = StatedStatistics()
        for (name, value) in summary where name != "count" {
            let seconds = { () throws(InputError) -> Double in
                try LoadTestFigures.milliseconds(value, "\(label) response_time \(name)")
            }
            switch name {
            case "min": stated.minimum = try seconds()
            case "max": stated.maximum = try seconds()
            case "mean": stated.mean = try seconds()
            case "median": stated.median = try seconds()
            default:
                var name = name
                let rank = name.withUTF8 { bytes in
                    bytes.baseAddress.flatMap { LoadTestFigures.percentileRank(ByteSpan(base: $0, count: bytes.count)) }
                }
                if let rank { stated.percentiles[rank] = try seconds() }
            }
        }
        if stated.percentiles[50] == nil, let median = stated.median { stated.percentiles[50] = median }
        var answered = 0
        var unanswered = 0
        var failures = 0
        for (name, value) in counters {
            let key = prefix.isEmpty ? name : (name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : "")
            let isCode = key.hasPrefix(prefix.isEmpty ? "http.codes." : "codes.")
            let isError = key.hasPrefix("errors.")
            guard isCode || isError else { continue }
            let count = try LoadTestFigures.count(value, "the counter \(name)")
            if isError {
                unanswered += count
                failures += count
            } else {
                answered += count
                if let code = Int(key.split(separator: ".").last ?? ""), code >= 400 { failures += count }
            }
        }
        let requests =
            prefix.isEmpty
            ? try counters["http.requests"].map { v throws(InputError) in
                try LoadTestFigures.count(v, "the counter http.requests")
            } : answered + unanswered
        var series = BenchmarkSeries(label: label, stated: stated, requests: requests)
        if let requests { series.failures = min(failures, requests) }
        return series
    }
}
