import Testing

@testable import GateKit

@Suite struct HyperfineReaderTests {
    private func read(_ text: String) throws(InputError) -> Report { try HyperfineReader.read(inputBuffer(text)) }

    private static let sample = """
        {"results": [{"command": "sleep 0.1 && echo café", "mean": 0.1025, "stddev": 0.0005, "median": 0.1025,
          "user": 0.001, "system": 0.002, "min": 0.102, "max": 0.103, "times": [0.102, 0.103], "exit_codes": [0, 0]}]}

        """

    @Test func timesAreTheSamplesAndTheFiguresAreHyperfines() throws {
        // hyperfine --export-json printed for the same run:
        //   Benchmark 1: fd -e jpg               Time (mean ± σ):  20.7 ms ±  0.8 ms   Range (min … max): 19.8 ms … 22.1 ms  8 runs
        //   Benchmark 2: find . -iname '*.jpg'   Time (mean ± σ): 160.2 ms ±  1.9 ms   Range (min … max): 158.0 ms … 163.0 ms  5 runs
        //   Benchmark 3: grep -r café src        Time (mean ± σ):  41.2 ms ±  0.6 ms   Range (min … max): 40.5 ms … 42.0 ms  4 runs
        //   Warning: Ignoring non-zero exit code.
        let loaded = try ReportLoader.load(path: fixture("hyperfine/fd-find-grep.json"))
        #expect(loaded.format == .hyperfine)
        #expect(loaded.category == .bench)
        let series = try Microbenchmark.series(loaded.report)
        #expect(series.map(\.label) == ["fd -e jpg", "find . -iname '*.jpg'", "grep -r café src"])
        #expect(Microbenchmark.close(Microbenchmark.figure("latency.mean", of: series[0]), 0.02065625))
        #expect(Microbenchmark.values(series[0]).count == 8)
        #expect(series[0].stated.mean == 0.02065625)
        #expect(series[0].stated.median == 0.0205625)
        #expect(series[0].stated.minimum == 0.01975)
        #expect(series[0].stated.maximum == 0.022125)
        #expect(series[0].stated.standardDeviation == 0.0007898632340927309)
        #expect(series[0].requests == 8)
        #expect(series[0].failures == 0)
        #expect(Microbenchmark.values(series[1]) == [0.158, 0.159, 0.16, 0.161, 0.163])
        // Exit codes 0, 1, null (killed by a signal), 0: two failed runs of four.
        #expect(series[2].requests == 4)
        #expect(series[2].failures == 2)
        #expect(series.allSatisfy { !$0.isAggregate && $0.duration == nil })
    }

    @Test func aSingleRunHasANullStandardDeviation() throws {
        let series = try Microbenchmark.series(
            read(#"{"results": [{"command": "true", "mean": 0.5, "stddev": null, "times": [0.5]}]}"#))
        #expect(series.first?.stated.standardDeviation == nil)
        #expect(series.first?.stated.mean == 0.5)
        // Without exit_codes (hyperfine before 1.12) the failures are not stated.
        #expect(series.first?.failures == nil)
        #expect(series.first?.requests == 1)
    }

    @Test func exitCodesAloneCountTheRuns() throws {
        let series = try Microbenchmark.series(
            read(#"{"results": [{"command": "x", "mean": 1, "exit_codes": [0, 2, 0]}]}"#))
        #expect(series.first?.requests == 3)
        #expect(series.first?.failures == 1)
        #expect(series.first?.samples == nil)
    }

    @Test func anErrorCommandIsReadAsWritten() throws {
        // The corpus's disputed file: a command string ending in "[ERROR]", times 0, no exit codes. hyperfine exported
        // it as a measured run, so it is read as written (mean 3.02201e-06 s) and states no failures.
        guard let corpusDirectory else { return }
        let loaded = try ReportLoader.load(
            path: corpusDirectory + "/bench/hyperfine/dandavison-hyperfine-ERROR-command.json")
        let series = try Microbenchmark.series(loaded.report)
        #expect(series.count == 1)
        #expect(series.first?.label.hasSuffix("[ERROR]") == true)
        #expect(Microbenchmark.close(series.first?.stated.mean, 3.0220133333329403e-6))
        #expect(Microbenchmark.values(series.first) == [0, 0, 9.066039999998821e-6])
        #expect(series.first?.failures == nil)
    }

    @Test(
        arguments: [
            ("[]", "not a hyperfine export: the JSON value is not an object", 1),
            ("{}", "not a hyperfine export: no results", nil),
            (#"{"results": [{"mean": 1}]}"#, "a results[] entry has no command", 1),
            (
                #"{"results": [{"command": "a", "times": [0.1, -0.2]}]}"#,
                "the result of 'a': a time is negative (-0.2)", 1
            ),
            (
                #"{"results": [{"mean": 2e9, "command": "b"}]}"#,
                "the result of 'b': the mean is absurdly large (2000000000.0, over 10000000 seconds)", 1
            ),
            (
                #"{"results": [{"command": "c", "median": "x"}]}"#,
                "the result of 'c': expected a number, found string", 1
            ),
            (#"{"results": [{"command": "d", "max": 1e999}]}"#, "the result of 'd': 1e999 is not a finite number", 1),
            (
                #"{"results": [{"command": "e", "exit_codes": [0, "x"]}]}"#,
                "the result of 'e': an exit code is not an integer", 1
            ),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .hyperfine, sample: Self.sample, truncated: "unexpected end of input").check()
    }

    @Test func recognisesHyperfineExportsAndNothingElse() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .hyperfine)
        #expect(Microbenchmark.recognized(#"{"results": [{"command": "x"}]}"#) == .hyperfine)
        for text in [
            #"{"results": [{"mean": 1, "command": "x"}]}"#, #"{"results": []}"#, #"{"command": "x", "mean": 1}"#,
            #"{"version": 1, "results": [{"command": "x"}]}"#,
        ] {
            withByteSpan(text) { #expect(!HyperfineReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.hyperfine, folder: "hyperfine")
    }

    @Test func corpusFiguresEqualHyperfines() throws {
        try Microbenchmark.expectCorpusAgrees(format: "hyperfine-json", reads: .hyperfine)
    }
}
