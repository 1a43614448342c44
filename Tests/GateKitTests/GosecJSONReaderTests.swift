import Testing

@testable import GateKit

@Suite struct GosecJSONReaderTests {
    @Test func severitiesLinesAndSuppressions() throws {
        // gosec summary: Files 2, Lines 61, Nosec 1, Issues 2.
        let found = try ScannerJSONTest.findings(fixture("gosec-json/suppressed.json"), .gosecJSON)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error high G101 /src/app/config.go:14:7 open Potential hardcoded credentials",
                "warning medium G304 /src/app/files.go:30:13 open Potential file inclusion via variable",
                "note low G104 /src/app/files.go:42:2 suppressed Errors unhandled",
            ])
        #expect(found.allSatisfy { $0.tool == "gosec" && $0.kind == .code })
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try metrics.value("vulns.total") == 2)  // Stats.found
    }

    @Test func nosecFlagSuppressesAndNullIssuesAreNone() throws {
        let found = try ScannerJSONTest.read(
            #"{"Issues":[{"severity":"LOW","rule_id":"G104","details":"d","file":"a.go","line":"3","nosec":true}],"#
                + #""Stats":{"found":0}}"#, .gosecJSON)
        #expect(found.map(\.state) == [.suppressed])
        #expect(try ScannerJSONTest.read(#"{"Issues":null,"Stats":{"found":0}}"#, .gosecJSON).isEmpty)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["gosec-json"]))
    func corpusCountsEqualStatsFound(_ entry: CorpusExpectation) throws {
        try ScannerJSONTest.checkCorpus(entry, .gosecJSON, category: .lint)
    }

    @Test func recognisesAReportWithoutIssues() {
        let empty = #"{"Issues": [], "Stats": {"files": 3, "lines": 90, "nosec": 0, "found": 0}}"#
        #expect(withByteSpan(empty) { GosecJSONReader.recognizes(ContentHead($0)) })
        #expect(!withByteSpan(#"{"Issues": [1], "Stats": {}}"#) { GosecJSONReader.recognizes(ContentHead($0)) })
        #expect(!withByteSpan(#"{"Issues": 3}"#) { GosecJSONReader.recognizes(ContentHead($0)) })
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .gosecJSON,
            sample: #"{"Golang errors":{},"Issues":[{"severity":"LOW","confidence":"HIGH","rule_id":"G104","#
                + #""details":"Errors unhandled: café","file":"main.go","line":"3","column":"2"}],"#
                + #""Stats":{"files":1,"lines":9,"nosec":0,"found":1}}"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedIssues() {
        let cases = [
            (#"{"Issues":[{"severity":"LOW","details":"d"}]}"#, "no rule_id"),
            (#"{"Issues":[{"rule_id":"G1","line":"x-2"}]}"#, "line must be a whole number"),
            (#"{"Issues":[{"rule_id":"G1","line":"-4"}]}"#, "line must be a whole number"),
            (#"{"Issues":[{"rule_id":"G1","line":[1]}]}"#, "line must be a number"),
            (#"{"Issues":[{"rule_id":"G1","suppressions":{}}]}"#, "suppressions must be an array"),
            (#"{"Issues":[{"rule_id":"G1","nosec":"yes"}]}"#, "nosec must be true or false"),
            (#"[]"#, "not an object"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .gosecJSON) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
