import Testing

@testable import GateKit

@Suite struct SemgrepJSONReaderTests {
    @Test func severitiesIgnoredResultsAndFingerprints() throws {
        // semgrep: "Ran 4 rules on 4 files: 5 findings" (one of them nosemgrep'd, kept by --disable-nosem).
        let found = try ScannerJSONTest.findings(fixture("semgrep-json/severities.json"), .semgrepJSON)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error high python.lang.security.audit.dangerous-subprocess-use.dangerous-subprocess-use "
                    + "app/run.py:12:5 open Detected subprocess function 'call' without a static string. If this "
                    + "data can be controlled by a malicious actor, it may be an instance of command injection.",
                "warning medium python.flask.security.audit.debug-enabled.debug-enabled app/main.py:30:5 open "
                    + "Detected Flask app with debug=True.",
                "note low python.lang.maintainability.useless-eqeq.useless-eqeq app/main.py:41:8 open This "
                    + "expression is always True: `x == x`.",
                "error critical javascript.express.security.audit.xss.direct-response-write web/server.js:8:3 open "
                    + "Detected directly writing to a Response object from user-defined input.",
                "warning medium python.lang.security.audit.eval-detected.eval-detected app/main.py:50:12 suppressed "
                    + "Detected the use of eval().",
            ])
        // "requires login" is semgrep OSS's placeholder, not a fingerprint: it would merge every finding into one.
        #expect(found.map(\.fingerprint) == [nil, "3f1c0d2e8a9b7c6d5e4f3a2b1c0d9e8f", nil, nil, nil])
        #expect(found.allSatisfy { $0.tool == "semgrep" && $0.kind == .code })
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .lint)
        #expect(try metrics.value("lint.total") == 4)
    }

    @Test func wordsSemgrepDoesNotRateAreUnknown() throws {
        let found = try ScannerJSONTest.read(
            #"{"results":[{"check_id":"r","path":"a","start":{"line":1,"col":1},"extra":{"severity":"INVENTORY"}},"#
                + #"{"check_id":"r","path":"a","start":{"line":2,"col":1},"extra":{}}],"errors":[]}"#, .semgrepJSON)
        #expect(found.map(\.severity) == [.unknown, .unknown])
        #expect(found.map(\.level) == [.note, .note])
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["semgrep-json"]))
    func corpusCountsEqualSemgreps(_ entry: CorpusExpectation) throws {
        try ScannerJSONTest.checkCorpus(entry, .semgrepJSON, category: .lint)
    }

    @Test func recognisesAReportWithoutResults() {
        let empty = #"{"version": "1.72.0", "results": [], "errors": [], "paths": {"scanned": []}}"#
        #expect(withByteSpan(empty) { SemgrepJSONReader.recognizes(ContentHead($0)) })
        #expect(!withByteSpan(#"{"results": [], "errors": []}"#) { SemgrepJSONReader.recognizes(ContentHead($0)) })
        #expect(!withByteSpan(#"{"results": {}}"#) { SemgrepJSONReader.recognizes(ContentHead($0)) })
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .semgrepJSON,
            sample: #"{"results":[{"check_id":"python.eval","extra":{"message":"eval of user input — évitez","#
                + #""severity":"ERROR"},"path":"app.py","start":{"line":3,"col":1},"end":{"line":3,"col":9}}],"#
                + #""errors":[],"paths":{"scanned":["app.py"]}}"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedResults() {
        let cases = [
            (#"{"results":[{"path":"a"}]}"#, "no check_id"),
            (#"{"results":[{"check_id":"r","extra":{"is_ignored":1}}]}"#, "extra.is_ignored must be true or false"),
            (#"{"results":[{"check_id":"r","extra":[]}]}"#, "expected an object"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .semgrepJSON) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
