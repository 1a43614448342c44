import Testing

@testable import GateKit

@Suite struct OpenMetricsReaderTests {
    private func read(_ text: String) throws(InputError) -> [MetricSample] {
        try Microbenchmark.samples(OpenMetricsReader.read(inputBuffer(text)))
    }

    private static let sample = """
        # HELP process_resident_memory_bytes Resident memory size in bytes.
        # TYPE process_resident_memory_bytes gauge
        process_resident_memory_bytes{instance="café-1"} 1.2e+08
        process_resident_memory_bytes{instance="café-2"} 9.5e+07

        """

    @Test func thePrometheusDocumentationsExampleReads() throws {
        let loaded = try ReportLoader.load(path: fixture("openmetrics/prometheus-0.0.4.prom"))
        #expect(loaded.format == .openMetrics)
        #expect(loaded.category == .metrics)
        let samples = try Microbenchmark.samples(loaded.report)
        #expect(samples.count == 14)
        #expect(
            samples[0]
                == MetricSample(name: "http_requests_total", labels: ["method": "post", "code": "200"], value: 1027))
        #expect(samples[1].value == 3)
        #expect(
            samples[2].labels == ["path": #"C:\DIR\FILE.TXT"#, "error": "Cannot find file:\n\"FILE.TXT\""])
        #expect(samples[2].value == 1.458255915e9)
        #expect(samples[3] == MetricSample(name: "metric_without_timestamp_and_labels", value: 12.47))
        #expect(samples[4].value == .infinity)
        #expect(
            samples[7]
                == MetricSample(name: "http_request_duration_seconds_bucket", labels: ["le": "+Inf"], value: 144320))
        // The NaN quantile is left out: rpc_duration_seconds{quantile="0.99"} NaN.
        #expect(samples[10] == MetricSample(name: "rpc_duration_seconds", labels: ["quantile": "0.5"], value: 4773))
        #expect(samples[11].name == "rpc_duration_seconds_sum")
        #expect(!samples.contains { $0.value.isNaN })
        // A trailing comma in the labels is allowed.
        #expect(
            samples[13]
                == MetricSample(name: "process_resident_memory_bytes", labels: ["instance": "café-1"], value: 1.23456e8)
        )
    }

    @Test func openMetricsWithExemplarsAndEOFReads() throws {
        let loaded = try ReportLoader.load(path: fixture("openmetrics/openmetrics-1.0.txt"), category: .metrics)
        #expect(loaded.format == .openMetrics)
        let samples = try Microbenchmark.samples(loaded.report)
        #expect(samples.map(\.name).filter { $0 == "foo_bucket" }.count == 3)
        #expect(samples.first { $0.name == "foo_bucket" && $0.labels["le"] == "0.1" }?.value == 8)
        #expect(samples.last == MetricSample(name: "process_cpu_seconds_total", value: 4.20072246e+06))
    }

    @Test func quotedUTF8NamesAndBlanksRead() throws {
        let samples = try read(
            """
              {"my.metric", "label.name"="v", other = "w" }   -Inf
            plain\t7\t1395066363000
            # TYPE x UNTYPED
            lower nan
            x +infinity

            """)
        #expect(
            samples == [
                MetricSample(name: "my.metric", labels: ["label.name": "v", "other": "w"], value: -.infinity),
                MetricSample(name: "plain", value: 7), MetricSample(name: "x", value: .infinity),
            ])
    }

    @Test(
        arguments: [
            ("m 1\n# EOF\nm 2\n", "text after '# EOF'", 3, nil),
            ("# TYPE m counterz\n", "unknown metric type 'counterz' for m", 1, 10),
            ("# HELP 9m help\n", "expected a metric name, found '9'", 1, 8),
            ("# HELP m+ help\n", "expected a space after the metric name 'm'", 1, 9),
            ("m{a=1} 2\n", "the value of label a is not in double quotes", 1, 5),
            ("m{a\"x\"} 2\n", "expected '=' after label name a", 1, 4),
            ("m{a=\"x\" b=\"y\"} 2\n", "expected ',' or '}' in the labels, found 'b'", 1, 9),
            ("m{a=\"x\"\n", "expected ',' or '}' in the labels, found the end of the line", 1, 8),
            ("m{a=\"x\",a=\"y\"} 2\n", "label a is given twice", 1, 9),
            ("m{a=\"x\\t\"} 2\n", "invalid escape in a label value (only \\\\, \\\" and \\n)", 1, 7),
            ("m{a=\"x} 2\n", "a label value has no closing double quote", 1, 5),
            ("{a=\"x\"} 2\n", "the sample has no metric name", 1, 1),
            ("m{a=\"x\"}2\n", "expected a space and a value after m", 1, 9),
            ("m one\n", "the value of m is 'one', not a number", 1, 3),
            ("m 1 soon\n", "the timestamp of m is 'soon', not a number", 1, 5),
            ("m 1 2 3\n", "unexpected text after the value of m", 1, 7),
            (
                "m 1\nm",
                "expected a space and a value after m (the last line, without a line end: is the file truncated?)", 2, 2
            ),
        ] as [(String, String, Int, Int?)])
    func malformedLinesAreAnErrorWithTheirPlace(_ text: String, _ message: String, _ line: Int, _ column: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test func labelValuesThatAreNotUTF8AreAnError() {
        let bytes = Array("m{a=\"".utf8) + [0xFF] + Array("\"} 1\n".utf8)
        let error = #expect(throws: InputError.self) {
            try OpenMetricsReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "a label value is not valid UTF-8")
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .openMetrics, sample: Self.sample, truncated: nil).check()
    }

    @Test func recognisesTheExpositionFormatAndNothingElse() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .openMetrics)
        #expect(Microbenchmark.recognized("\n# a comment\nup 1\nup{job=\"x\"} 0\n") == .openMetrics)
        for text in [
            "# Title\n\nSome prose here.\n", "ok 1 - test passes\n", "up 1\nnot a sample line\n", "# HELP\n",
            "main.swift:3:1: error: bad\n",
        ] {
            withByteSpan(text) { #expect(!OpenMetricsReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.openMetrics, folder: nil)
    }
}
