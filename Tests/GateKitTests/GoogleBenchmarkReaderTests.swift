import Testing

@testable import GateKit

@Suite struct GoogleBenchmarkReaderTests {
    private func read(_ text: String) throws(InputError) -> Report {
        try GoogleBenchmarkReader.read(inputBuffer(text))
    }

    private static let sample = """
        {"context": {"date": "2026-11-21T10:02:11+00:00", "num_cpus": 2, "mhz_per_cpu": 2900},
         "benchmarks": [
          {"name": "BM_Copy/64", "run_name": "BM_Copy/64", "run_type": "iteration", "iterations": 1000,
           "real_time": 12.5, "cpu_time": 12.25, "time_unit": "ns"},
          {"name": "BM_Café", "run_name": "BM_Café", "run_type": "iteration", "iterations": 10,
           "real_time": 3.5, "cpu_time": 3.25, "time_unit": "ms"}
         ]}

        """

    @Test func iterationRunsAreSamplesAndAggregatesAreStated() throws {
        // The console table of the same run:
        //   BM_StringCopy/64               10.1 ns         10.1 ns     68923456
        //   BM_StringCopy/64               10.4 ns         10.3 ns     68923456
        //   BM_StringCopy/64               10.3 ns         10.2 ns     68923456
        //   BM_StringCopy/64_mean          10.2 ns         10.2 ns            3
        //   BM_StringCopy/64_median        10.2 ns         10.2 ns            3
        //   BM_StringCopy/64_stddev       0.125 ns        0.125 ns            3
        //   BM_StringCopy/64_cv            1.22 %          1.22 %             3
        //   BM_Sleep/10/real_time          10.1 ms        0.013 ms           56
        //   BM_Parse/café                ERROR OCCURRED: 'input file missing'
        //   BM_Decode/1024                  172 us          170 us         4096
        let loaded = try ReportLoader.load(path: fixture("google-benchmark/repetitions.json"))
        #expect(loaded.format == .googleBenchmark)
        let series = try Microbenchmark.series(loaded.report)
        #expect(
            series.map(\.label) == ["BM_StringCopy/64", "BM_Sleep/10/real_time", "BM_Parse/café", "BM_Decode/1024"])
        #expect(Microbenchmark.values(series[0]) == [10.125e-9, 10.25e-9, 10.375e-9])
        #expect(series[0].stated.mean == 10.25e-9)
        #expect(series[0].stated.median == 10.25e-9)
        #expect(series[0].stated.standardDeviation == 0.125e-9)
        #expect(Microbenchmark.close(Microbenchmark.figure("latency.mean", of: series[0]), 10.25e-9))
        #expect(series[0].requests == 3)
        #expect(series[0].failures == 0)
        #expect(Microbenchmark.values(series[1]) == [10.0625e-3])
        #expect(series[2].samples == nil)
        #expect(series[2].requests == 1)
        #expect(series[2].failures == 1)
        #expect(Microbenchmark.values(series[3]) == [171.5e-6])
    }

    @Test func theTimeUnitIsPerEntryAndNanosecondsWhenAbsent() throws {
        let text = """
            {"benchmarks": [{"name": "a", "real_time": 2}, {"name": "b", "real_time": 2, "time_unit": "s"},
              {"name": "c", "real_time": 2, "time_unit": "us"}, {"name": "d_RMS", "run_name": "d", "rms": 0.1,
              "run_type": "aggregate", "aggregate_name": "RMS"}]}
            """
        let series = try Microbenchmark.series(read(text))
        #expect(series.map { Microbenchmark.values($0) } == [[2e-9], [2], [2e-6], []])
        #expect(series[3].requests == nil)
    }

    @Test(
        arguments: [
            ("[1]", "not a Google Benchmark report: the JSON value is not an object", 1),
            (#"{"context": {}}"#, "not a Google Benchmark report: no benchmarks", nil),
            (#"{"benchmarks": [{"real_time": 1}]}"#, "a benchmarks[] entry has no name", 1),
            (
                #"{"benchmarks": [{"name": "a", "real_time": 1, "time_unit": "min"}]}"#,
                "a: unknown time_unit 'min' (expected ns, us, ms or s)", 1
            ),
            (#"{"benchmarks": [{"name": "a", "real_time": -1}]}"#, "a: real_time is negative (-1.0)", 1),
            (
                #"{"benchmarks": [{"name": "a", "real_time": 1e18, "time_unit": "ms"}]}"#,
                "a: real_time is absurdly large (1e+18, over 10000000 seconds)", 1
            ),
            (#"{"benchmarks": [{"name": "a", "error_occurred": 1}]}"#, "error_occurred is not true or false", 1),
            (#"{"benchmarks": [{"name": "a", "time_unit": 1}]}"#, "time_unit is not a string", 1),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .googleBenchmark, sample: Self.sample, truncated: "unexpected end of input").check()
    }

    @Test func recognisesGoogleBenchmarkAndNothingElse() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .googleBenchmark)
        #expect(
            Microbenchmark.recognized(#"{"benchmarks": [{"name": "a", "real_time": 1, "time_unit": "ns"}]}"#)
                == .googleBenchmark)
        for text in [#"{"context": {"num_cpus": 2}}"#, #"{"benchmarks": [{"name": "a", "stats": {}}]}"#] {
            withByteSpan(text) { #expect(!GoogleBenchmarkReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.googleBenchmark, folder: "google-benchmark")
    }

    @Test func corpusFiguresEqualTheConsole() throws {
        try Microbenchmark.expectCorpusAgrees(format: "google-benchmark-json", reads: .googleBenchmark)
    }
}
