import Testing

@testable import GateKit

@Suite struct MetricsJSONReaderTests {
    private func read(_ text: String) throws(InputError) -> [MetricSample] {
        try Microbenchmark.samples(MetricsJSONReader.read(inputBuffer(text)))
    }

    private static let sample = """
        {"rss_bytes": 123456000, "café": {"orders": 12, "latency_seconds": 0.25}}

        """

    @Test func nestedObjectsGiveDottedNames() throws {
        let loaded = try ReportLoader.load(path: fixture("metrics-json/resources.json"), format: .metricsJSON)
        let samples = try Microbenchmark.samples(loaded.report)
        // Strings, booleans and nulls ("unit", "healthy", "build") are not metrics.
        #expect(
            samples == [
                MetricSample(name: "rss_bytes", value: 123_456_000), MetricSample(name: "cpu_seconds", value: 3.5),
                MetricSample(name: "memory.heap_bytes", value: 5.2e7),
                MetricSample(name: "memory.gc.pauses", value: 14),
                MetricSample(name: "memory.gc.pause_seconds", value: 0.0125),
            ])
    }

    @Test func onlyObjectsOfNumbersAreRecognised() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .metricsJSON)
        #expect(Microbenchmark.recognized(#"{"a": {}, "b": -1.5e3}"#) == .metricsJSON)
        // The fixture has a string, a boolean and a null: it must be declared.
        let error = #expect(throws: ReportLoadError.self) {
            try ReportLoader.load(path: fixture("metrics-json/resources.json"), category: .metrics)
        }
        #expect(error?.reason.hasPrefix("not a recognised metrics report format") == true)
        for text in [
            "{}", #"{"a": {}}"#, #"{"a": "x"}"#, #"{"a": [1]}"#, #"{"a": 1,}"#, #"{"a" 1}"#, #"{"a": 1 "b": 2}"#,
            #"{"a": 1} x"#, #"{"a": 1"#, #"{"a\"b": 1, "c": true}"#, "[1]",
            #"{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}"#,
        ] {
            withByteSpan(text) { #expect(!MetricsJSONReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.metricsJSON, folder: nil)
    }

    @Test(
        arguments: [
            ("[1]", "not flat JSON metrics: the JSON value is not an object", 1),
            (#"{"a": [1, 2]}"#, "a is an array: metrics must be named numbers", 1),
            (#"{"": 1}"#, "a key is empty", 1),
            (#"{"a.b": 1, "a": {"b": 2}}"#, "two values are named a.b", 1),
            (#"{"a": 1e999}"#, "a is 1e999, not a finite number", 1),
            (
                #"{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}}"#,
                "a.b.c.d.e.f.g.h nests objects deeper than 8 levels", 1
            ),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .metricsJSON, sample: Self.sample, truncated: nil).check()
    }
}
