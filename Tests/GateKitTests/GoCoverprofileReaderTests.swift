import Testing

@testable import GateKit

@Suite struct GoCoverprofileReaderTests {

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(GoCoverprofileReader.self, "go-coverprofile/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try GoCoverprofileReader.read(inputBuffer(text, capacity: 64)))
    }

    private func statements(_ covered: Int, of total: Int) -> CoverageCount {
        CoverageCount(covered: covered, total: total)
    }

    // MARK: What go test writes

    @Test func setModeCountsStatementsNotLines() throws {
        // go tool cover -func=set-mode.out: total: (statements) 81.8%; go test -cover: coverage: 81.8% of statements
        let files = try read(fixture: "set-mode.out")
        #expect(CoverageTotals(files) == CoverageTotals(lines: statements(9, of: 11)))
        #expect(files.map(\.path) == ["example.com/shop/cart.go", "example.com/shop/price.go"])
        #expect(files.map(\.lines) == [statements(4, of: 5), statements(5, of: 6)])
        #expect(files.allSatisfy { $0.lineMap == nil && $0.branchMap == nil }, "statements are not lines")
    }

    @Test func coverpkgRepeatsOfABlockAreOneBlock() throws {
        // go test -coverpkg=./... ./... writes every package once per test binary; go tool cover -func merges the
        // repeated blocks: total: (statements) 87.5%, i.e. 7 of 8 (the 16 records would say 9 of 16).
        let files = try read(fixture: "coverpkg-count.out")
        #expect(CoverageTotals(files) == CoverageTotals(lines: statements(7, of: 8)))
        #expect(files.map(\.lines) == [statements(4, of: 4), statements(3, of: 4)])
    }

    @Test func concatenatedProfilesMergeWhenTheirModesAgree() throws {
        // Two atomic profiles one after the other; tax.go comes back after rates.go, its blocks in another order.
        // gocovmerge then go tool cover -func: tax.go 75.0%, rates.go 0.0%, total: (statements) 50.0%
        let files = try read(fixture: "concatenated-atomic.out")
        #expect(
            files.map(\.path) == ["example.com/shop/internal/tax/tax.go", "example.com/shop/internal/tax/rates.go"])
        #expect(files.map(\.lines) == [statements(3, of: 4), statements(0, of: 2)])
    }

    @Test func windowsPathsAndCRLFAreReadAsWritten() throws {
        let files = try JSONCoverageTest.files(
            ReportLoader.load(path: fixture("go-coverprofile/windows-crlf.out"), category: .coverage).report)
        #expect(files.map(\.path) == [#"C:\Users\dev\shop\cart.go"#])
        #expect(files.first?.lines == statements(2, of: 3))
    }

    @Test func blankLinesAreSkippedAndAProfileWithoutBlocksHasNoFiles() throws {
        #expect(try read("\nmode: count\n\n").isEmpty)
        #expect(try read("mode: set\na.go:1.1,2.2 1 1\n\n  \na.go:3.1,4.2 1 0\n").first?.lines == statements(1, of: 2))
    }

    @Test func hugeCountsStillMeanCovered() throws {
        let files = try read("mode: count\na.go:1.1,2.2 3 184467440737095516160000\na.go:3.1,4.2 2 0000\n")
        #expect(files.first?.lines == statements(3, of: 5))
    }

    @Test func aProfileRepeatedThousandsOfTimesMergesInBoundedMemory() throws {
        // Each repetition is a separate run of the same two files: the union pass folds records as they pile up.
        let body = "x/a.go:1.1,2.2 2 0\nx/a.go:3.1,4.2 1 1\nx/b.go:1.1,9.2 4 0\n"
        var text = "mode: set\n" + String(repeating: body, count: 3000)
        text += "x/a.go:1.1,2.2 2 1\n"
        let files = try read(text)
        #expect(files.map(\.lines) == [statements(3, of: 3), statements(0, of: 4)])
    }

    // MARK: Malformed input

    @Test(
        arguments: [
            (
                "a.go:1.1,2.2 1 1\n",
                "expected 'mode: set', 'mode: count' or 'mode: atomic' first, found 'a.go:1.1,2.2 1 1'", 1
            ),
            ("mode: sometimes\n", "unknown coverage mode 'sometimes' (expected set, count or atomic)", 1),
            (
                "mode: set\na.go:1.1,2.2 1 1\nmode: count\n",
                "this profile's mode is 'set' but this line says 'count': profiles of different modes cannot be merged",
                3
            ),
            (
                "mode: set\nhello world\n",
                "not a coverage block: 'hello world' (expected file.go:line.column,line.column statements count)", 2
            ),
            ("mode: set\na.go:1.1,2.2 1 -1\n", "'-1' is a negative execution count", 2),
            ("mode: set\na.go:1.1,2.2 1 1.5\n", "'1.5' is not an execution count", 2),
            ("mode: set\na.go:1.1,2.2 x 1\n", "'x' is not a number of statements", 2),
            ("mode: set\na.go:1.1,2.2 99999999999 1\n", "'99999999999' is not a number of statements", 2),
            ("mode: set\na.go:1.1,2.2 -3 1\n", "'-3' is not a number of statements", 2),
            (
                "mode: set\na.go:1.1-2.2 1 1\n", "'1.1-2.2' is not a block position (expected line.column,line.column)",
                2
            ),
            ("mode: set\na.go:1.1,2 1 1\n", "'1.1,2' is not a block position (expected line.column,line.column)", 2),
            (
                "mode: set\na.go:3000000000.1,2.2 1 1\n",
                "'3000000000.1,2.2' is not a block position (expected line.column,line.column)", 2
            ),
            (
                "mode: set\n:1.1,2.2 1 1\n",
                "not a coverage block: ':1.1,2.2 1 1' (expected file.go:line.column,line.column statements count)", 2
            ),
            (
                "mode: set\na.go:1.1,2.2 1 1\na.go:1.1,2.2 2 0\n",
                "a.go: the block at 1.1,2.2 is recorded with 1 and with 2 statements: "
                    + "are these profiles of different sources?", nil
            ),
            ("", "no 'mode:' line: not a Go coverage profile", nil),
        ] as [(String, String, Int?)])
    func malformedInputIsAnErrorWithItsLine(_ text: String, _ message: String, _ line: Int?) {
        let error = JSONCoverageTest.error(GoCoverprofileReader.self, text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func inconsistentRepeatsAreFoundAcrossRunsToo() {
        let error = JSONCoverageTest.error(
            GoCoverprofileReader.self, "mode: set\na.go:1.1,2.2 1 1\nb.go:1.1,2.2 1 1\na.go:1.1,2.2 5 1\n")
        #expect(error?.message.hasPrefix("a.go: the block at 1.1,2.2 is recorded with 1 and with 5 statements") == true)
    }

    @Test func aCutOffLastLineSaysTheFileMayBeTruncated() {
        let error = JSONCoverageTest.error(GoCoverprofileReader.self, "mode: set\na.go:1.1,2.2 1 1\na.go:3.1,4")
        #expect(
            error?.message == "not a coverage block: 'a.go:3.1,4' (expected file.go:line.column,line.column "
                + "statements count) (the last line, without a line end: is the file truncated?)")
        #expect(error?.line == 3)
    }

    @Test func invalidUTF8InAPathIsAnError() {
        let bytes = Array("mode: set\na".utf8) + [0xFF] + Array(".go:1.1,2.2 1 1\n".utf8)
        let error = #expect(throws: InputError.self) {
            try GoCoverprofileReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the file path is not valid UTF-8")
        #expect(error?.line == 2)
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .goCoverprofile,
            sample: "mode: set\nexample.com/é/a.go:10.32,12.16 2 1\nexample.com/é/a.go:12.16,14.3 1 0\n",
            truncated: "truncated"
        ).check()
    }

    // MARK: Recognition and the corpus

    @Test func recognisesAProfileByItsModeLine() {
        for (text, expected) in [
            ("mode: set\na.go:1.1,2.2 1 1\n", true), ("\n  mode: atomic\n", true), ("mode: count", true),
            ("mode: sometimes\n", false), ("mode:set\n", false), ("a.go:1.1,2.2 1 1\nmode: set\n", false),
            ("TN:\nSF:a.go\n", false), (#"{"mode": "set"}"#, false),
        ] {
            #expect(JSONCoverageTest.recognizes(GoCoverprofileReader.self, text) == expected, "\(text)")
        }
    }

    @Test func claimsOnlyProfilesInTheCorpus() throws {
        try forEachCorpusHead(under: "coverage") { path, head in
            let isProfile = path.hasPrefix("coverage/go-coverprofile/")
            #expect(GoCoverprofileReader.recognizes(head) == isProfile, "\(path)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["go-coverprofile"]))
    func corpusTotalsEqualGoToolCover(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .goCoverprofile)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }
}
