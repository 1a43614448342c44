import Testing

@testable import GateKit

@Suite struct TrufflehogReaderTests {
    @Test func verifiedSecretsAreCriticalAndLogLinesAreSkipped() throws {
        // trufflehog: "finished scanning" verified_secrets 1, unverified_secrets 1.
        let found = try ScannerJSONTest.findings(fixture("trufflehog/filesystem.ndjson"), .trufflehog)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error critical Github config/prod.env:4:0 open Github secret, verified",
                "error high Slack config/dev.env:9:0 open Slack secret, unverified",
            ])
        #expect(found.allSatisfy { $0.tool == "trufflehog" && $0.kind == .secret })
        #expect(!found.contains { $0.message.contains("ghp_") || $0.message.contains("xoxb") })
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["trufflehog-json"]))
    func corpusFindingsEqualTrufflehogs(_ entry: CorpusExpectation) throws {
        let (format, found) = try ScannerJSONTest.load(entry.absolutePath, category: .scan)
        #expect(format == .trufflehog)
        #expect(Double(found.count) == entry.expected("vulns.total")?.value)
        #expect(found.allSatisfy { $0.severity == .critical })  // all verified
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .trufflehog,
            sample:
                #"{"DetectorName":"AWS","SourceMetadata":{"Data":{"Git":{"commit":"abc","file":"café.txt","line":2}}},"#
                + #""Verified":false,"Raw":"AKIAZZZZ"}"# + "\n"
                + #"{"DetectorName":"URI","SourceMetadata":{"Data":{"Filesystem":{"file":"b.txt","line":5}}},"#
                + #""Verified":true,"Raw":"https://u:p@h"}"# + "\n",
            truncated: "end of input"
        ).check()
    }

    @Test func malformedLines() {
        let cases = [
            ("{\"DetectorName\":\"AWS\",\"Verified\":\"yes\"}", "Verified must be true or false", 1),
            ("{\"DetectorName\":\"AWS\"}\n{\"DetectorName\":\"AWS\"} {}", "after the end of the JSON value", 2),
        ]
        for (text, message, line) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .trufflehog) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
            #expect(error?.line == line)
        }
    }
}
