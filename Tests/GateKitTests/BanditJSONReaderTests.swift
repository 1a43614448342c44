import Testing

@testable import GateKit

@Suite struct BanditJSONReaderTests {
    @Test func severitiesGiveLevelsAndColumnsCountFromOne() throws {
        // bandit: Total issues (by severity): Undefined 0, Low 1, Medium 1, High 1; errors[] is not a finding.
        let found = try ScannerJSONTest.findings(fixture("bandit-json/severities.json"), .banditJSON)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error high B602 app/views.py:12:12 open subprocess call with shell=True identified, security issue.",
                "warning medium B324 app/views.py:21:12 open Use of weak MD5 hash for security. Consider "
                    + "usedforsecurity=False",
                "note low B404 app/views.py:1:1 open Consider possible security implications associated with the "
                    + "subprocess module.",
            ])
        #expect(found.allSatisfy { $0.tool == "bandit" && $0.kind == .code })
    }

    @Test func undefinedSeverityIsUnknown() throws {
        let found = try ScannerJSONTest.read(
            #"{"results":[{"issue_severity":"UNDEFINED","test_id":"B000","issue_text":"t","filename":"a.py","#
                + #""line_number":1}]}"#, .banditJSON)
        #expect(found.map(\.severity) == [.unknown])
        #expect(found.map(\.level) == [.note])
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["bandit-json"]))
    func corpusCountsEqualMetricsTotals(_ entry: CorpusExpectation) throws {
        try ScannerJSONTest.checkCorpus(entry, .banditJSON, category: .lint)
        // _totals: SEVERITY.MEDIUM 36, SEVERITY.LOW 11, SEVERITY.HIGH 0.
        let (_, found) = try ScannerJSONTest.load(entry.absolutePath, category: .scan)
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try metrics.value("vulns.medium") == 36)
        #expect(try metrics.value("vulns.low") == 11)
        #expect(try metrics.value("vulns.high") == 0)
    }

    @Test func recognisesResultsBeforeMetrics() {
        let head = #"{"results": [{"test_id": "B101", "issue_severity": "LOW"}]}"#
        #expect(withByteSpan(head) { BanditJSONReader.recognizes(ContentHead($0)) })
        #expect(
            !withByteSpan(#"{"generated_at": "x", "metrics": []}"#) { BanditJSONReader.recognizes(ContentHead($0)) })
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .banditJSON,
            sample: #"{"errors":[],"generated_at":"2024-05-02T09:14:27Z","metrics":{"_totals":{"CONFIDENCE.HIGH":1,"#
                + #""SEVERITY.HIGH":0,"SEVERITY.LOW":1,"loc":3,"nosec":0}},"results":[{"col_offset":0,"#
                + #""filename":"café.py","issue_confidence":"HIGH","issue_severity":"LOW","issue_text":"assert used","#
                + #""line_number":2,"test_id":"B101","test_name":"assert_used"}]}"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedResults() {
        let cases = [
            (#"{"results":[{"issue_severity":"LOW"}]}"#, "no test_id"),
            (#"{"results":[{"test_id":"B1","line_number":"12"}]}"#, "line_number must be a whole number"),
            (#"{"results":[{"test_id":"B1","col_offset":1e400}]}"#, "col_offset must be a whole number"),
            (#"{"results":{}}"#, "expected an array"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .banditJSON) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
