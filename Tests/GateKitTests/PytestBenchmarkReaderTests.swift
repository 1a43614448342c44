import Testing

@testable import GateKit

@Suite struct PytestBenchmarkReaderTests {
    private func read(_ text: String) throws(InputError) -> Report {
        try PytestBenchmarkReader.read(inputBuffer(text))
    }

    private static let sample = """
        {"machine_info": {"node": "ci"}, "benchmarks": [
          {"group": null, "name": "test_a", "fullname": "tests/test_a.py::test_a",
           "stats": {"min": 0.001, "max": 0.003, "mean": 0.002, "stddev": 0.001, "rounds": 3, "median": 0.002,
            "ops": 500.0, "data": [0.001, 0.002, 0.003]}},
          {"group": null, "name": "test_café", "fullname": "tests/test_a.py::test_café",
           "stats": {"min": 0.5, "max": 0.5, "mean": 0.5, "stddev": 0, "rounds": 1, "median": 0.5, "ops": 2.0}}
        ], "version": "4.0.0"}

        """

    @Test func statsAreAsStatedAndDataAreTheSamples() throws {
        // pytest-benchmark's console table for the same run (times in us):
        //   Name (time in us)            Min       Max      Mean   StdDev   Median     IQR  Outliers  OPS   Rounds
        //   test_orders.py::test_parse  10.10   11.00   10.45    0.40    10.35 ...                95.69K     4
        //   test_total[café]           248.00  300.00  258.38   17.39   251.50 ...                 3.87K     8
        //   test_cart.py::test_parse  1180.00 1250.00 1210.00   27.39  1210.00 ...               826.45      5
        let loaded = try ReportLoader.load(path: fixture("pytest-benchmark/save-data.json"))
        #expect(loaded.format == .pytestBenchmark)
        let series = try Microbenchmark.series(loaded.report)
        #expect(
            series.map(\.label) == [
                "test_total[café]", "tests/test_cart.py::test_parse", "tests/test_orders.py::test_parse",
            ])
        #expect(series[0].stated.mean == 0.000258375)
        #expect(series[0].stated.median == 0.0002515)
        #expect(series[0].stated.minimum == 0.000248)
        #expect(series[0].stated.maximum == 0.0003)
        #expect(series[0].stated.throughput == 3870.3434929850027)
        #expect(series[0].requests == 8)
        #expect(Microbenchmark.values(series[0]).count == 8)
        #expect(Microbenchmark.close(Microbenchmark.figure("latency.mean", of: series[0]), 0.000258375))
        #expect(series[1].samples == nil)
        #expect(series[1].stated.standardDeviation == 2.738612787525828e-05)
        #expect(series[2].stated.mean == 1.045e-05)
        #expect(series.allSatisfy { $0.failures == nil })
    }

    @Test(
        arguments: [
            ("[]", "not a pytest-benchmark report: the JSON value is not an object", 1),
            ("{}", "not a pytest-benchmark report: no benchmarks", nil),
            (#"{"benchmarks": [{"stats": {}}]}"#, "a benchmarks[] entry has no name", 1),
            (
                #"{"benchmarks": [{"name": "t", "stats": {"mean": -1}}]}"#,
                "benchmark t: stats.mean is negative (-1.0)", 1
            ),
            (#"{"benchmarks": [{"name": "t", "stats": {"ops": -1}}]}"#, "benchmark t: stats.ops is negative (-1.0)", 1),
            (
                #"{"benchmarks": [{"name": "t", "stats": {"rounds": -1}}]}"#,
                "benchmark t: stats.rounds is negative (-1)", 1
            ),
            (
                #"{"benchmarks": [{"name": "t", "stats": {"data": [1, 1e8]}}]}"#,
                "benchmark t: a stats.data time is absurdly large (100000000.0, over 10000000 seconds)", 1
            ),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .pytestBenchmark, sample: Self.sample, truncated: "unexpected end of input").check()
    }

    @Test func recognisesPytestBenchmarkAndNothingElse() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .pytestBenchmark)
        for text in [#"{"benchmarks": [{"name": "a"}]}"#, #"{"benchmarks": [{"stats": {}}]}"#] {
            withByteSpan(text) { #expect(!PytestBenchmarkReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.pytestBenchmark, folder: "pytest-benchmark")
    }

    @Test func corpusFiguresEqualTheConsole() throws {
        try Microbenchmark.expectCorpusAgrees(format: "pytest-benchmark-json", reads: .pytestBenchmark)
    }
}
