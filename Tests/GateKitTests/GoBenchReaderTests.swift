import Testing

@testable import GateKit

@Suite struct GoBenchReaderTests {
    private func read(_ text: String) throws(InputError) -> Report { try GoBenchReader.read(inputBuffer(text)) }

    private static let sample = """
        goos: linux
        goarch: amd64
        pkg: example.com/menu
        BenchmarkCafé-4   \t 1000000\t      1052 ns/op\t      64 B/op\t       1 allocs/op
        BenchmarkCafé-4   \t 1000000\t      1048 ns/op\t      64 B/op\t       1 allocs/op
        PASS
        ok  \texample.com/menu\t2.311s

        """

    @Test func eachResultLineIsOneRunOfItsBenchmark() throws {
        // go test -bench . -benchmem -count 3 printed these lines; benchstat gives Total 500.0n ± 0.7%,
        // Encode/format=json 1.422µ ± 0.3%.
        let loaded = try ReportLoader.load(path: fixture("go-bench/cart-count3.txt"))
        #expect(loaded.format == .goBench)
        let series = try Microbenchmark.series(loaded.report)
        #expect(
            series.map(\.label) == [
                "BenchmarkTotal", "BenchmarkEncode/format=json", "BenchmarkDiscount/café", "BenchmarkCheckout",
            ])
        #expect(Microbenchmark.values(series[0]).map { ($0 * 1e10).rounded() } == [4982, 5000, 5018])
        #expect(Microbenchmark.close(Microbenchmark.figure("latency.mean", of: series[0]), 500e-9))
        #expect(Microbenchmark.close(Microbenchmark.figure("latency.p50", of: series[1]), 1422e-9))
        #expect(series[0].requests == 3)
        #expect(series[0].failures == 0)
        // A custom unit (hits/op) beside ns/op is ignored.
        #expect(Microbenchmark.values(series[2]) == [12000e-9])
        // A failed benchmark prints no result: one failed run, no samples.
        #expect(series[3].samples == nil)
        #expect(series[3].requests == 1)
        #expect(series[3].failures == 1)
    }

    @Test func theProcessorSuffixStaysWhenTheRunUsedSeveral() throws {
        // go test -bench . -cpu 1,4: without a suffix for 1, "-4" for 4; stripping would pool both.
        let text = """
            BenchmarkSort/size=10-2  \t 500\t 2000 ns/op
            BenchmarkSort/size=10-4  \t 900\t 1100 ns/op
            BenchmarkSort/size=10    \t 300\t 3900 ns/op

            """
        let series = try Microbenchmark.series(read(text))
        #expect(series.map(\.label) == ["BenchmarkSort/size=10-2", "BenchmarkSort/size=10-4", "BenchmarkSort/size=10"])
    }

    @Test func oneNameInTwoPackagesIsQualified() throws {
        let text = """
            pkg: example.com/a
            BenchmarkParse-8   \t 100\t 10 ns/op
            BenchmarkOnlyA-8   \t 100\t 30 ns/op
            pkg: example.com/b
            BenchmarkParse-8   \t 100\t 20 ns/op

            """
        let series = try Microbenchmark.series(read(text))
        #expect(
            series.map(\.label) == ["example.com/a.BenchmarkParse", "BenchmarkOnlyA", "example.com/b.BenchmarkParse"])
    }

    @Test func linesThatAreNotResultsAreIgnored() throws {
        let text = """
            === RUN   TestOne
            --- PASS: TestOne (0.00s)
            BenchmarkOne
                bench_test.go:13: benchmark log (1)
            Benchmarking is fun 12 ns/op
            Benchmarks   \t 100\t 5 ns/op
            BenchmarkTwo-8 \t 10\t 2 MB/s
            BenchmarkOne-8   \t1000000000\t         0.2642 ns/op
            --- SKIP: BenchmarkThree
            PASS

            """
        let series = try Microbenchmark.series(read(text))
        // "Benchmarks" is not a benchmark name (a lower-case letter follows "Benchmark"); BenchmarkTwo has no ns/op.
        #expect(series.map(\.label) == ["BenchmarkOne"])
        #expect(Microbenchmark.values(series.first) == [0.2642e-9])
    }

    @Test(
        arguments: [
            ("BenchmarkA-8 \t 100\t -5 ns/op\n", "the ns/op of BenchmarkA-8 is negative (-5.0)", 1),
            ("BenchmarkA-8 \t 100\t NaN ns/op\n", "the ns/op of BenchmarkA-8 is 'NaN', not a number", 1),
            (
                "BenchmarkA-8 \t 100\t 1e20 ns/op\n",
                "the ns/op of BenchmarkA-8 is absurdly large (1e+20, over 10000000 seconds)", 1
            ),
            ("PASS\nBenchmarkA-8 \t 100\t 5 ns/op\t 12\n", "the figure '12' of BenchmarkA-8 has no unit", 2),
            (
                "BenchmarkA-8 \t 100\t 5 ns/op\nBenchmarkA-8 \t 100\t 5",
                "the figure '5' of BenchmarkA-8 has no unit (the last line, without a line end: is the file truncated?)",
                2
            ),
        ] as [(String, String, Int?)])
    func malformedResultsAreAnErrorWithTheirLine(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func namesThatAreNotUTF8AreAnError() {
        let bytes = Array("BenchmarkX".utf8) + [0xFF] + Array("-8 \t 10\t 5 ns/op\n".utf8)
        let error = #expect(throws: InputError.self) {
            try GoBenchReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "a benchmark name is not valid UTF-8")
        #expect(error?.line == 1)
    }

    @Test func badInputMatrix() throws {
        try BadInputMatrix(format: .goBench, sample: Self.sample, truncated: nil).check()
    }

    @Test func recognisesResultLinesAndNothingElse() throws {
        #expect(Microbenchmark.recognized(Self.sample) == .goBench)
        #expect(Microbenchmark.recognized("some notes\n\nBenchmarkX 10 5 ns/op\n") == .goBench)
        for text in ["BenchmarkX\nPASS\n", "BenchmarkX-8 10 5 MB/s\n", "Benchmarks 10 5 ns/op\n", "goos: linux\n"] {
            withByteSpan(text) { #expect(!GoBenchReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try Microbenchmark.expectRecognizesOnly(.goBench, folder: "go-bench-text")
    }

    @Test func corpusFiguresEqualGoTests() throws {
        try Microbenchmark.expectCorpusAgrees(format: "go-bench-text", reads: .goBench)
    }
}
