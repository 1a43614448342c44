import Testing

@testable import GateKit

@Suite struct SimpleCovJSONReaderTests {

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(SimpleCovJSONReader.self, "simplecov/\(name)")
    }

    private func read(_ text: String) throws -> CoverageReport {
        guard case .coverage(let report) = try SimpleCovJSONReader.read(inputBuffer(text, capacity: 64)) else {
            throw InputError("not a coverage report")
        }
        return report
    }

    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    /// A formatter report whose one file has `entry` as its coverage.
    private func report(_ entry: String) -> String {
        #"{"meta": {"simplecov_version": "0.22.0"}, "coverage": {"/app/a.rb": \#(entry)}, "groups": {}}"#
    }

    @Test func theFormatterGemCountsRelevantLinesAndBranchesOnTheirStartLine() throws {
        // SimpleCov 0.22 + simplecov_json_formatter 0.1.4: Line Coverage: 86.66% (13 / 15),
        // Branch Coverage: 50.0% (1 / 2); a branch inside # :nocov: is "ignored".
        let files = try read(fixture: "coverage-formatter-gem.json")
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(13, of: 15), branches: count(1, of: 2)))
        #expect(files.map(\.lines) == [count(8, of: 9), count(5, of: 6)])
        #expect(files.map(\.branches) == [count(1, of: 2), nil])
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [8])
        #expect(files.first?.path == "/home/runner/work/shop/shop/lib/shop/cart.rb")
    }

    @Test func simpleCov1CountsMethodsAndReportsBranchesOnTheirReportLine() throws {
        // SimpleCov 1.1: Line Coverage: 77.77% (7 / 9), Branch Coverage: 50.0% (1 / 2), Method Coverage: 75.0% (3 / 4)
        let loaded = try ReportLoader.load(path: fixture("simplecov/coverage-simplecov-1.json"), category: .coverage)
        #expect(loaded.format == .simpleCovJSON)
        guard case .coverage(let report) = loaded.report else { throw InputError("not a coverage report") }
        #expect(
            CoverageTotals(report.files)
                == CoverageTotals(lines: count(7, of: 9), branches: count(1, of: 2), functions: count(3, of: 4)))
        #expect(report.sourceRoots == ["/home/runner/work/shop/shop"])
        #expect(report.files.map(\.path) == ["lib/shop/refund.rb"])
        #expect(report.files.first?.branchMap?.partiallyCovered.map(\.line) == [9])
        #expect(report.files.first?.lineMap?.uncoveredRanges == [10...10, 15...15])
        _ = try read(fixture: "coverage-simplecov-1.json")
    }

    @Test func theDetailWinsOverStatedTotals() throws {
        // An edited report: total and the file's own figures say 10 of 10; its lines say 1 of 2.
        let text =
            #"{"meta": {"simplecov_version": "1.1.1"}, "total": {"lines": {"covered": 10, "total": 10}}, "#
            + #""coverage": {"a.rb": {"lines": [1, 0], "covered_lines": 10, "total_lines": 10}}}"#
        #expect(try read(text).files.first?.lines == count(1, of: 2))
    }

    @Test func aFileWithoutBranchesOrMethodsHasNoSuchData() throws {
        let file = try read(report(#"{"lines": [1], "branches": [], "methods": []}"#)).files.first
        #expect(file?.branches == nil)
        #expect(file?.functions == nil)
        #expect(file?.branchMap == nil)
    }

    @Test(
        arguments: [
            ("[]", "expected an object, found an array", 1),
            (#"{"meta": {"simplecov_version": "1"}}"#, "not a SimpleCov JSON report: it has no coverage", nil),
            (
                #"{"coverage": {"a.rb": {"lines": [1]}, "a.rb": {"lines": [0]}}}"#,
                "the file a.rb appears twice", 1
            ),
            (
                #"{"coverage": {"a.rb": {"lines": [1, true]}}}"#,
                "the entry for a.rb: expected a count, null or \"ignored\" for line 2, found true", 1
            ),
            (
                #"{"coverage": {"a.rb": {"branches": [{"type": "then", "start_line": 3}]}}}"#,
                "the entry for a.rb: a branch without its coverage", 1
            ),
            (
                #"{"coverage": {"a.rb": {"branches": [{"type": "then", "coverage": 1}]}}}"#,
                "the entry for a.rb: a branch without its line", 1
            ),
            (
                #"{"coverage": {"a.rb": {"branches": [{"start_line": 3, "coverage": "skipped"}]}}}"#,
                "the entry for a.rb: expected a count or \"ignored\" as the branch's coverage, found the string "
                    + "\"skipped\"", 1
            ),
            (
                #"{"coverage": {"a.rb": {"methods": [{"start_line": 0, "coverage": 1}]}}}"#,
                "the entry for a.rb: start_line 0 is not a line number", 1
            ),
            (
                #"{"coverage": {"a.rb": {"methods": [{"start_line": 2, "coverage": -1}]}}}"#,
                "the entry for a.rb: -1 is a negative count", 1
            ),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = JSONCoverageTest.error(SimpleCovJSONReader.self, text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .simpleCovJSON,
            sample: report(
                #"{"lines": [null, 1, 0, "ignored"], "branches": [{"type": "then", "start_line": 2, "end_line": 2, "#
                    + #""coverage": 1}, {"type": "else", "start_line": 3, "end_line": 3, "coverage": 0}]}"#
            ).replacingOccurrences(of: "/app/a.rb", with: "/app/é.rb"),
            truncated: "unexpected end of input"
        ).check()
    }

    @Test func recognisesTheFormatterByItsVersionAndCoverage() {
        for (text, expected) in [
            (report(#"{"lines": [1]}"#), true),
            (#"{"$schema": "x", "meta": {"schema_version": "1.1", "simplecov_version": "1.1.1"}, "coverage": {"#, true),
            (#"{"meta": {"simplecov_version": "0.22.0"}}"#, false), (#"{"coverage": {"a.rb": {"lines": [1]}}}"#, false),
        ] {
            #expect(JSONCoverageTest.recognizes(SimpleCovJSONReader.self, text) == expected, "\(text)")
        }
        for other in JSONCoverageTest.otherJSONHeads where !other.contains("simplecov_version") {
            #expect(!JSONCoverageTest.recognizes(SimpleCovJSONReader.self, other), "\(other)")
        }
    }

    @Test func claimsOnlyFormatterReportsInTheCorpus() throws {
        try forEachCorpusHead(under: "coverage") { path, head in
            let isFormatterReport = path.hasPrefix("coverage/simplecov-json/")
            #expect(SimpleCovJSONReader.recognizes(head) == isFormatterReport, "\(path)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["simplecov-json"]))
    func corpusTotalsEqualSimpleCovsTotals(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .simpleCovJSON)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }
}
