/// Reads k6's `--out json=FILE` output: one JSON object a line, `{"type": "Metric", "metric": NAME, "data": {…}}`
/// declaring a metric, then `{"type": "Point", "metric": NAME, "data": {"time": …, "value": …, "tags": {…}}}` for
/// every sample, durations in milliseconds.
///
/// Series per label (the point's `name` tag, which k6 sets to the URL unless the script names the request; else the
/// `url` tag): the raw samples of `http_req_duration` (or of `grpc_req_duration` in a file without HTTP requests),
/// **requests** the sum of the `http_reqs` points (1 each), **failures** the sum of the `http_req_failed` points
/// (1 for a failed request, 0 for a good one). Percentiles are computed from the raw samples, as k6's own summary
/// computes them. Other metrics' points are skipped. The file streams: one line at a time, the samples kept as
/// distinct values.
public enum K6JSONReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "k6 --out json NDJSON"

    /// True when the first line is a k6 `Metric` or `Point` object.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .json, let first = head.lines(limit: 1).first, first.hasPrefix("{") else { return false }
        let typed = first.firstIndex(of: #""type":"Metric""#) != nil || first.firstIndex(of: #""type":"Point""#) != nil
        return typed && first.firstIndex(of: #""metric":""#) != nil
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        var labels = K6Labels()
        let source = K6LineSource()
        let lineInput = InputBuffer(source: source, capacity: 4096, maximumCapacity: input.maximumCapacity)
        var point = K6Point()
        while let line = try lines.nextLine() {
            guard !line.trimmed().isEmpty else { continue }
            source.line = line
            try lineInput.rewind()
            do throws(InputError) {
                try point.read(JSONTokenizer(lineInput))
                try labels.add(point)
            } catch {
                let cut =
                    lines.lastLineUnterminated ? " (the last line, without a line end: is the file truncated?)" : ""
                throw InputError(error.message + cut, line: lines.lineNumber, column: error.column)
            }
        }
        return .benchmark(try labels.report())
    }
}

/// What protocol keeps of one line of k6's JSON output.
private struct K6Point {
    enum Metric { case httpDuration, grpcDuration, requests, failed, other }

    var isPoint = false
    var metric = Metric.other
    var value: Double?
    /// The label: the `name` tag, else the `url` tag.
    var label: [UInt8] = []
    private var url: [UInt8] = []

    mutating func read(_ json: JSONTokenizer) throws(InputError) {
        isPoint = false
        metric = .other
        value = nil
        label.removeAll(keepingCapacity: true)
        url.removeAll(keepingCapacity: true)
        try json.forEachMember { key throws(InputError) in
            if key == "type" {
                guard try json.next() == .string else { return }
                isPoint = json.bytes == "Point"
            } else if key == "metric" {
                guard try json.next() == .string else { return }
                metric = Self.metric(json.bytes)
            } else if key == "data" {
                guard try json.next() == .beginObject else { return }
                try readData(json)
            }
        }
        try json.expectEnd()
        if label.isEmpty { swap(&label, &url) }
    }

    private mutating func readData(_ json: JSONTokenizer) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "value" {
                guard try json.next() == .number else { return }
                guard let number = Double(json.bytes.description), number.isFinite else {
                    throw InputError("the point's value \(json.bytes) is not a finite number", column: json.column)
                }
                value = number
            } else if key == "tags" {
                guard try json.next() == .beginObject else { return }
                try json.forEachMember { tag throws(InputError) in
                    let isName = tag == "name"
                    guard isName || tag == "url", try json.next() == .string else { return }
                    let bytes = json.bytes
                    let copy = UnsafeBufferPointer(start: bytes.base, count: bytes.count)
                    if isName { label.append(contentsOf: copy) } else { url.append(contentsOf: copy) }
                }
            }
        }
    }

    private static func metric(_ name: ByteSpan) -> Metric {
        if name == "http_req_duration" { return .httpDuration }
        if name == "grpc_req_duration" { return .grpcDuration }
        if name == "http_reqs" { return .requests }
        if name == "http_req_failed" { return .failed }
        return .other
    }
}

/// The series of a k6 JSON output, by label, in the order labels first appear.
private struct K6Labels {
    private struct Label {
        var name: [UInt8]
        var http = SampleDistribution()
        var grpc = SampleDistribution()
        var requests: Int?
        var failures: Int?
    }

    private var index: [[UInt8]: Int] = [:]
    private var labels: [Label] = []

    mutating func add(_ point: K6Point) throws(InputError) {
        guard point.isPoint, point.metric != .other else { return }
        guard let value = point.value else { throw InputError("the point has no numeric data.value") }
        let slot: Int
        if let found = index[point.label] {
            slot = found
        } else {
            slot = labels.count
            index[point.label] = slot
            labels.append(Label(name: point.label))
        }
        switch point.metric {
        case .httpDuration:
            labels[slot].http.add(try LoadTestFigures.milliseconds(value, "the http_req_duration point"))
        case .grpcDuration:
            labels[slot].grpc.add(try LoadTestFigures.milliseconds(value, "the grpc_req_duration point"))
        case .requests:
            labels[slot].requests =
                (labels[slot].requests ?? 0) + (try LoadTestFigures.count(value, "the http_reqs point"))
        case .failed:
            guard value == 0 || value == 1 else {
                throw InputError("the http_req_failed point is \(value), not 0 or 1")
            }
            labels[slot].failures = (labels[slot].failures ?? 0) + Int(value)
        case .other:
            return
        }
    }

    func report() throws(InputError) -> BenchmarkReport {
        let useHTTP = labels.contains { $0.http.count > 0 }
        guard useHTTP || labels.contains(where: { $0.grpc.count > 0 }) else {
            throw InputError("the k6 output has no http_req_duration nor grpc_req_duration point: no request latency")
        }
        var series: [BenchmarkSeries] = []
        for label in labels {
            let samples = useHTTP ? label.http : label.grpc
            guard samples.count > 0 || label.requests != nil else { continue }
            series.append(
                BenchmarkSeries(
                    label: try LoadTestFigures.string(label.name, "a label"),
                    samples: samples.count > 0 ? samples : nil,
                    requests: label.requests, failures: label.failures))
        }
        return BenchmarkReport(series: series)
    }
}

/// A source that serves one line of a larger input, so that a tokenizer can read it as a document of its own.
final class K6LineSource: ByteSource {
    /// The line served; its bytes must stay valid while it is read.
    var line = ByteSpan(base: UnsafePointer(bitPattern: 1).unsafelyUnwrapped, count: 0)
    private var offset = 0

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, line.count - offset)
        guard count > 0, let base = buffer.baseAddress else { return 0 }
        base.copyMemory(from: line.base + offset, byteCount: count)
        offset += count
        return count
    }

    func rewind() throws(InputError) { offset = 0 }
}
