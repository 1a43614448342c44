import Testing

@testable import GateKit

@Suite struct SimpleCovLastRunReaderTests {
    private func stated(_ path: String) throws -> [String: Double] {
        guard case .coverage(let report) = try ReportLoader.load(path: path, category: .coverage).report else {
            Issue.record("not a coverage report")
            return [:]
        }
        #expect(report.files.isEmpty)
        return report.statedPercentages
    }

    @Test func aLastRunStatesItsPercentages() throws {
        // SimpleCov 0.22 printed "Line Coverage: 86.66% (13 / 15)" and "Branch Coverage: 50.0% (2 / 4)"; the
        // .last_run.json keeps the percentages only.
        #expect(try stated(fixture("simplecov/last_run.json")) == ["lines": 86.66, "branches": 50])
    }

    @Test func aLastRunOfSimpleCovBefore018StatesCoveredPercent() throws {
        #expect(try stated(fixture("simplecov/last_run-legacy.json")) == ["lines": 91.3])
    }

    @Test(
        arguments: [
            ("[]", "expected an object, found an array", 1),
            (#"{"result": {"line": 180.5}}"#, "result.line is 180.5, not a percentage", 1),
            (#"{"result": {"line": "90%"}}"#, "expected a number, found the string \"90%\"", 1),
            (#"{"result": {"strength": 3.2}}"#, "not a SimpleCov .last_run.json: no result percentages", nil),
            (#"{"status": "ok"}"#, "not a SimpleCov .last_run.json: no result percentages", nil),
            (#"{"result": {"line": 90.1}"#, "unexpected end of input inside an object", 1),
        ] as [(String, String, Int?)])
    func malformedInputIsAnError(_ text: String, _ message: String, _ line: Int?) {
        let error = JSONCoverageTest.error(SimpleCovLastRunReader.self, text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func recognisesTheResultObject() {
        for (text, expected) in [
            (#"{"result": {"line": 90.12}}"#, true), (#"{"result": {"branch": 50.0, "line": 86.66}}"#, true),
            (#"{"result": {"covered_percent": 91.3}}"#, true), (#"{"result": {"method": 75.0}}"#, true),
            (#"{"result": {"strength": 2.3}}"#, false), (#"{"status": {"line": 1}}"#, false),
            (#"{"result": [1]}"#, false), (#"[{"result": {"line": 1}}]"#, false),
        ] {
            #expect(JSONCoverageTest.recognizes(SimpleCovLastRunReader.self, text) == expected, "\(text)")
        }
        for other in JSONCoverageTest.otherJSONHeads where !other.hasPrefix(#"{"result""#) {
            #expect(!JSONCoverageTest.recognizes(SimpleCovLastRunReader.self, other), "\(other)")
        }
    }

    @Test func claimsOnlyLastRunsInTheCorpus() throws {
        try forEachCorpusHead(under: "coverage") { path, head in
            #expect(SimpleCovLastRunReader.recognizes(head) == path.hasSuffix("last_run.json"), "\(path)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["simplecov-last-run"]))
    func corpusLastRunsStateTheProducersFigure(_ entry: CorpusExpectation) throws {
        let expected = try #require(entry.expected("coverage.lines"))
        #expect(try stated(entry.absolutePath)["lines"] == expected.value)
    }
}
