/// Reads autocannon's `--json` output (autocannon 7.x): `{"url": …, "duration": s, "errors": N, "timeouts": N,
/// "non2xx": N, "2xx": N, "4xx": N, "5xx": N, "latency": {"average", "mean", "stddev", "min", "max", "p50", "p90",
/// "p97_5", "p99", …}, "requests": {"total", "average", "sent", …}}`; latencies in milliseconds.
///
/// One aggregate series labelled with the URL: latency min, max, mean, standard deviation and every `pN` / `pN_M`
/// percentile as stated (`p97_5` is p97.5), **throughput** `requests.average` (requests per second), **duration**
/// `duration`. **Requests** `requests.total` (the responses, autocannon's "N requests") plus `errors` (connection
/// errors and timeouts: requests that got no response); **failures** those `errors` plus the responses with a status
/// of 400 or more (`4xx` + `5xx`; `non2xx` when the file has no per-class counts). autocannon itself reports a run of
/// 403s as "0 errors", but a request answered with an HTTP error failed: this is the rule of k6's
/// `http_req_failed`, Gatling's KO and JMeter's success flag, so that `error_rate` means the same for every tool.
/// 1xx and 3xx responses are not failures.
public enum AutocannonReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "autocannon JSON"

    /// True for a JSON object whose `latency` has autocannon's `p97_5` or `p2_5` percentiles.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                guard json.bytes == "latency" else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginObject else { return false }
                while try json.next() == .key {
                    if json.bytes == "p97_5" || json.bytes == "p2_5" { return true }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var label = ""
        var top: [String: Double] = [:]
        var latency: [String: Double]?
        var requests: [String: Double] = [:]
        guard try json.next() == .beginObject else {
            throw InputError("not an autocannon result: the JSON value is not an object", line: json.line)
        }
        try json.forEachMember { key throws(InputError) in
            if key == "url" {
                if try json.next() == .string { label = try json.bytes.string("the url") }
            } else if key == "latency" {
                latency = try json.numericMembers()
            } else if key == "requests" {
                requests = try json.numericMembers()
            } else if try json.next() == .number {
                guard let value = Double(json.bytes.description), value.isFinite else {
                    throw InputError("\(key) is \(json.bytes), not a finite number", line: json.line)
                }
                top[key.description] = value
            }
        }
        try json.expectEnd()
        guard let latency else { throw InputError("the autocannon result has no latency object") }
        var series = BenchmarkSeries(label: label, isAggregate: true)
        for (name, value) in latency {
            let seconds = { () throws(InputError) -> Double in
                try LoadTestFigures.milliseconds(value, "latency.\(name)")
            }
            switch name {
            case "min": series.stated.minimum = try seconds()
            case "max": series.stated.maximum = try seconds()
            case "mean": series.stated.mean = try seconds()
            case "stddev": series.stated.standardDeviation = try seconds()
            default:
                var name = name
                let rank = name.withUTF8 { bytes in
                    bytes.baseAddress.flatMap { LoadTestFigures.percentileRank(ByteSpan(base: $0, count: bytes.count)) }
                }
                if let rank { series.stated.percentiles[rank] = try seconds() }
            }
        }
        series.stated.median = series.stated.percentiles[50]
        if series.stated.mean == nil, let average = latency["average"] {
            series.stated.mean = try LoadTestFigures.milliseconds(average, "latency.average")
        }
        func count(_ value: Double?, _ what: String) throws(InputError) -> Int {
            try value.map { v throws(InputError) in try LoadTestFigures.count(v, what) } ?? 0
        }
        let errors = try count(top["errors"], "errors")
        let answered = try count(requests["total"], "requests.total")
        let httpErrors =
            top["4xx"] != nil || top["5xx"] != nil
            ? try count(top["4xx"], "4xx") + count(top["5xx"], "5xx") : try count(top["non2xx"], "non2xx")
        series.requests = answered + errors
        series.failures = min(httpErrors, answered) + errors
        if let average = requests["average"] {
            series.stated.throughput = try LoadTestFigures.rate(average, "requests.average")
        }
        if let duration = top["duration"] {
            series.duration = try LoadTestFigures.seconds(duration, unit: 1, "duration")
        }
        return .benchmark(BenchmarkReport(series: [series]))
    }
}
