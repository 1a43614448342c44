import Testing

@testable import GateKit

@Suite struct GovulncheckReaderTests {
    @Test func onlyCalledVulnerabilitiesCount() throws {
        // govulncheck: "Your code is affected by 1 vulnerability from 1 module"; GO-2023-2382 is only imported.
        let findings = try scanFindings(path: fixture("govulncheck/stream.json"))
        #expect(findings.map(\.state) == [.open, .informational])
        #expect(try severityCounts(findings) == [0, 0, 0, 0, 1, 1])
        let called = findings[0]
        #expect(called.tool == "govulncheck" && called.rule == "GO-2024-2687")
        #expect(called.aliases == ["CVE-2023-45288", "GHSA-4v7x-pqxf-cx7m"] && called.level == .note)
        #expect(
            called.package
                == PackageReference(name: "golang.org/x/net", installed: "v0.20.0", fixed: "v0.23.0", ecosystem: "go"))
        #expect(called.path == "server/serve.go" && called.line == 48)
        #expect(called.message == "HTTP/2 CONTINUATION flood in net/http (café)")
        #expect(findings[1].package?.name == "stdlib" && findings[1].path == nil)
    }

    @Test func anArrayOfMessagesReadsTheSameAsTheStream() throws {
        let stream = try String(contentsOfFile: fixture("govulncheck/stream.json"), encoding: .utf8)
        let array = "[" + stream.replacingOccurrences(of: "}\n{", with: "},\n{") + "]"
        #expect(try recognisedFormat(array) == .govulncheck)
        #expect(try scanFindings(text: array) == (try scanFindings(text: stream)))
    }

    @Test func severityFromAnOSVVector() throws {
        let found = try scanFindings(
            text:
                #"{"config": {"protocol_version": "v1.0.0"}} {"finding": {"osv": "GO-1", "trace": [{"function": "F"}]}}"#
                + #" {"osv": {"id": "GO-1", "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}}"#
        )
        #expect(found.map(\.severity) == [.critical] && found.first?.cvssScore == 9.8)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["govulncheck-json"]))
    func corpusCountsEqualGovulnchecks(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .govulncheck,
            sample: #"""
                {"config": {"protocol_version": "v1.0.0"}}
                {"osv": {"id": "GO-1", "summary": "café"}}
                {"finding": {"osv": "GO-1", "trace": [{"module": "m", "function": "F"}]}}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"finding": {"trace": []}}"#, "has no osv id"),
            ("[1]", "expected a govulncheck message object"),
            ("1", "expected a JSON object"),
            (#"{"finding": {"osv": "GO-1", "trace": [{"position": {"line": 1e99}}]}}"#, "position.line must be"),
        ] {
            let error = #expect(throws: InputError.self) { try GovulncheckReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
    }

    @Test func recognition() {
        #expect(recognizes(GovulncheckReader.self, #"[{"config": {"scanner_name": "govulncheck"}}]"#))
        #expect(!recognizes(GovulncheckReader.self, #"{"config": {"name": "x"}}"#))
        #expect(!recognizes(GovulncheckReader.self, #"{"config": 1}"#))
    }
}
