import Testing

@testable import GateKit

@Suite struct IstanbulSummaryReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(IstanbulSummaryReader.self, "istanbul/\(name)")
    }

    private func error(_ text: String) -> InputError? { JSONCoverageTest.error(IstanbulSummaryReader.self, text) }

    /// A summary of one file `/src/a.js` whose entry holds `members`.
    private func summary(_ members: String) -> String { #"{"/src/a.js": {\#(members)}}"# }

    // MARK: Fixtures

    @Test func readsJestsSummaryPerFile() throws {
        let files = try read(fixture: "jest-coverage-summary.json")
        // The same run as nyc-coverage-final.json; text-summary: Statements 75% (9/12), Branches 71.42% (5/7),
        // Functions 50% (2/4), Lines 80% (8/10). index.js has nothing to cover (pct 100 of 0).
        #expect(
            CoverageTotals(files)
                == CoverageTotals(lines: count(8, of: 10), branches: count(5, of: 7), functions: count(2, of: 4)))
        #expect(files.map(\.path).last == "/home/runner/work/shop/shop/src/index.js")
        #expect(
            files.last == FileCoverage(path: "/home/runner/work/shop/shop/src/index.js", lines: count(0, of: 0)))
        #expect(files.allSatisfy { $0.lineMap == nil && $0.branchMap == nil })
        let final = try JSONCoverageTest.readFixture(IstanbulReader.self, "istanbul/nyc-coverage-final.json")
        #expect(Array(files.prefix(2).map(\.lines)) == final.map(\.lines), "coverage-final.json of the same run")
    }

    @Test func trustsTheFilesWhenTheTotalDisagrees() throws {
        let files = try read(fixture: "coverage-summary-stale-total.json")
        // Its "total" says lines 30/40, branches 6/12, functions 7/10; the three files add up to more.
        #expect(
            CoverageTotals(files)
                == CoverageTotals(
                    lines: count(42, of: 52), branches: count(7, of: 14), functions: count(10, of: 13)))
        #expect(files.map(\.path).first == #"C:\Users\ci\app\src\api.ts"#)
    }

    @Test func isChosenByTheReportLoader() throws {
        for name in ["jest-coverage-summary.json", "coverage-summary-stale-total.json"] {
            #expect(try ReportLoader.load(path: fixture("istanbul/\(name)")).format == .istanbulSummary, "\(name)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["istanbul-summary-json"]))
    func matchesTheCorpus(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .istanbulSummary)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }

    // MARK: Recognition

    @Test func recognisesAFirstEntryWithLinesAndStatements() {
        let recognizes = { (text: String) in JSONCoverageTest.recognizes(IstanbulSummaryReader.self, text) }
        #expect(recognizes(#"{"total": {"lines":{"total":3,"covered":2,"skipped":0,"pct":66.66},"statements":{"#))
        #expect(recognizes(#"{"/a.js": {"statements": {"total": 1}, "lines": {"total": 1}"#))
        #expect(!recognizes(#"{"total": {"lines": {"total": 3}, "functions": {"total": 1}}}"#))
        #expect(!recognizes(#"{"total": 3, "lines": {}, "statements": {}}"#))
        for sample in JSONCoverageTest.samples where sample.format != .istanbulSummary {
            #expect(!recognizes(sample.text), "\(sample.format)")
        }
        for head in JSONCoverageTest.otherJSONHeads { #expect(!recognizes(head), "\(head)") }
    }

    // MARK: Bad input

    @Test func theBadInputMatrixHolds() throws {
        let sample = try #require(JSONCoverageTest.samples.first { $0.format == .istanbulSummary })
        try BadInputMatrix(format: .istanbulSummary, sample: sample.text, truncated: "unexpected end of input").check()
    }

    @Test func namesTheFileEntryOfABadCount() {
        let cases: [(String, String)] = [
            (#""lines": {"total": 3, "covered": 4}"#, "lines: 4 covered of only 3"),
            (#""lines": {"total": 3}"#, "lines has no covered"),
            (#""lines": {"covered": 3, "pct": 100}"#, "lines has no total"),
            (
                #""lines": {"total": -3, "covered": 0}"#,
                "lines.total: expected a count of 0 or more, found -3"
            ),
            (
                #""lines": {"total": 3, "covered": 1}, "branches": {"total": 2, "covered": 2.5}"#,
                "branches.covered: expected a whole number, found 2.5"
            ),
            (
                #""lines": {"total": 3, "covered": 1}, "functions": {"total": 1, "covered": 2}"#,
                "functions: 2 covered of only 1"
            ),
            (#""statements": {"total": 3, "covered": 1}"#, "the entry has no lines"),
            (#""lines": [3, 1]"#, "expected an object, found an array"),
        ]
        for (members, message) in cases {
            let found = error(summary(members))
            #expect(found?.message == "the entry for /src/a.js: \(message)", "\(members)")
            #expect(found?.line == 1, "\(members)")
        }
    }

    @Test func refusesJSONThatIsNotASummary() {
        #expect(
            error(#"["total"]"#)
                == InputError(
                    "not an Istanbul coverage-summary.json: the JSON value is not an object", line: 1, column: 1))
        #expect(
            error(#"{"total": {}, "/a.js": {"lines": }}"#)?.message
                == "the entry for /a.js: expected a JSON value, found '}'")
    }
}
