/// Reads the statistics of Gatling's HTML report (Gatling 3.x): `js/stats.json`, `{"type": "GROUP", "name": "All
/// Requests", "stats": {…}, "contents": {"req_…": {"type": "REQUEST", "name": …, "path": …, "stats": {…}}}}`, or
/// `js/global_stats.json`, the `stats` object alone; times in milliseconds.
///
/// The top-level stats are the aggregate (`All Requests`), each `REQUEST` entry a series labelled by its `path`
/// (the request's name, after its groups' names). From each `stats`, the `total` of: **requests**
/// numberOfRequests, **failures** numberOfRequests.ko, latency minResponseTime, maxResponseTime, meanResponseTime
/// and standardDeviation (Gatling prints them in whole ms), percentiles1…4 as p50, p75, p95 and p99 (the ranks of
/// Gatling's default `gatling.charting.indicators.percentile1…4`: the file does not name them), **throughput**
/// meanNumberOfRequestsPerSecond. Figures Gatling writes as `-` (none) are left out. Groups' own stats (cumulated
/// times of their requests) are not series; their requests are. Groups nest at most 64 deep.
public enum GatlingStatsReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "Gatling stats.json"

    /// True for a JSON object with Gatling's `numberOfRequests`, at the top level (global_stats.json) or in its
    /// `stats` (stats.json).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                if json.bytes == "numberOfRequests" { return true }
                guard json.bytes == "stats" else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginObject else { return false }
                while try json.next() == .key {
                    if json.bytes == "numberOfRequests" { return true }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var series: [BenchmarkSeries] = []
        var aggregate = GatlingEntry()
        try aggregate.read(json, depth: 0, into: &series, topLevel: true)
        try json.expectEnd()
        guard let stats = aggregate.stats else {
            throw InputError("not a Gatling stats.json: it has no numberOfRequests")
        }
        series.insert(try stats.series(label: aggregate.name ?? "All Requests", isAggregate: true), at: 0)
        return .benchmark(BenchmarkReport(series: series))
    }
}

/// One entry of Gatling's stats.json: the whole run, a group or a request.
private struct GatlingEntry {
    static let maximumDepth = 64

    var name: String?
    var path: String?
    var isRequest = false
    var stats: GatlingStats?

    /// Reads the object that comes next; the series of the requests it contains go to `series`. At the top level,
    /// the object may be global_stats.json's bare stats.
    mutating func read(_ json: JSONTokenizer, depth: Int, into series: inout [BenchmarkSeries], topLevel: Bool = false)
        throws(InputError)
    {
        guard depth < Self.maximumDepth else {
            throw InputError("Gatling groups nest more than \(Self.maximumDepth) deep", line: json.line)
        }
        var bare = GatlingStats()
        try json.forEachMember { key throws(InputError) in
            if key == "name" {
                name = try json.readString()
            } else if key == "path" {
                path = try json.readString()
            } else if key == "type" {
                isRequest = try json.readString() == "REQUEST"
            } else if key == "stats" {
                var stats = GatlingStats()
                try json.forEachMember { figure throws(InputError) in try stats.read(figure, json) }
                self.stats = stats
            } else if key == "contents" {
                try json.forEachMember { _ throws(InputError) in
                    var entry = GatlingEntry()
                    try entry.read(json, depth: depth + 1, into: &series)
                    if entry.isRequest, let stats = entry.stats {
                        let label = entry.path.flatMap { $0.isEmpty ? nil : $0 } ?? entry.name ?? ""
                        series.append(try stats.series(label: label, isAggregate: false))
                    }
                }
            } else if topLevel {
                try bare.read(key, json)
            }
        }
        if stats == nil, bare.requests != nil { stats = bare }
    }
}

/// The `total` figures of one Gatling `stats` object.
private struct GatlingStats {
    var requests: Double?
    var failures: Double?
    var minimum: Double?
    var maximum: Double?
    var mean: Double?
    var deviation: Double?
    var percentiles: [Double: Double] = [:]
    var throughput: Double?

    /// Reads the member `key` when it is a figure protocol uses.
    mutating func read(_ key: ByteSpan, _ json: JSONTokenizer) throws(InputError) {
        let percentile: Double?
        if key == "percentiles1" {
            percentile = 50
        } else if key == "percentiles2" {
            percentile = 75
        } else if key == "percentiles3" {
            percentile = 95
        } else if key == "percentiles4" {
            percentile = 99
        } else {
            percentile = nil
        }
        let known =
            percentile != nil || key == "numberOfRequests" || key == "minResponseTime" || key == "maxResponseTime"
            || key == "meanResponseTime" || key == "standardDeviation" || key == "meanNumberOfRequestsPerSecond"
        guard known, try json.next() == .beginObject else { return }
        let name = key.description
        let figures = try json.numericMembers()
        let total = figures["total"]
        switch name {
        case "numberOfRequests":
            requests = total
            failures = figures["ko"]
        case "minResponseTime": minimum = total
        case "maxResponseTime": maximum = total
        case "meanResponseTime": mean = total
        case "standardDeviation": deviation = total
        case "meanNumberOfRequestsPerSecond": throughput = total
        default: if let percentile, let total { percentiles[percentile] = total }
        }
    }

    func series(label: String, isAggregate: Bool) throws(InputError) -> BenchmarkSeries {
        func time(_ value: Double?, _ what: String) throws(InputError) -> Double? {
            guard let value else { return nil }
            return try LoadTestFigures.milliseconds(value, "\(what) of '\(label)'")
        }
        var stated = StatedStatistics(
            minimum: try time(minimum, "minResponseTime"), maximum: try time(maximum, "maxResponseTime"),
            mean: try time(mean, "meanResponseTime"), standardDeviation: try time(deviation, "standardDeviation"),
            throughput: try throughput.map { v throws(InputError) in
                try LoadTestFigures.rate(v, "meanNumberOfRequestsPerSecond of '\(label)'")
            })
        for (rank, value) in percentiles { stated.percentiles[rank] = try time(value, "the p\(Int(rank)) percentile") }
        stated.median = stated.percentiles[50]
        return BenchmarkSeries(
            label: label, isAggregate: isAggregate, stated: stated,
            requests: try requests.map { v throws(InputError) in
                try LoadTestFigures.count(v, "numberOfRequests of '\(label)'")
            },
            failures: try failures.map { v throws(InputError) in
                try LoadTestFigures.count(v, "numberOfRequests.ko of '\(label)'")
            })
    }
}
