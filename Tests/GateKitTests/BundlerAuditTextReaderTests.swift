import Testing

@testable import GateKit

@Suite struct BundlerAuditTextReaderTests {
    @Test func oneFindingPerAdvisoryBlockAsInTheJSONOfTheSameRun() throws {
        let text = try SCAReaderSupport.findings(path: fixture("bundler-audit-text/rails-app.txt"))
        var json = try SCAReaderSupport.findings(path: fixture("bundler-audit/rails-app.json"))
        // The text report prints no CVSS score; everything else is the same.
        for index in json.indices { json[index].cvssScore = nil }
        #expect(text == json)
        // 1 insecure source, 3 advisories: Criticality High, Unknown, Medium; "Vulnerabilities found!".
        #expect(
            try SCAReaderSupport.vulns(text) == [
                "critical": 0, "high": 1, "medium": 1, "low": 0, "unknown": 2, "total": 4,
            ])
    }

    @Test func olderAdvisoryLinesVerboseDescriptionsAndNone() throws {
        let text = """
            Updating ruby-advisory-db ...
            From https://github.com/rubysec/ruby-advisory-db
             * branch            master     -> FETCH_HEAD
            Already up to date.
            Updated ruby-advisory-db
            ruby-advisory-db:
              advisories:\t912 advisories
            Name: json
            Version: 1.8.6
            Advisory: OSVDB-101157
            Criticality: None
            URL: https://example.org/advisory
            Description:

              A possible denial of service.

              Second paragraph.

            Solution: upgrade to >= 2.3.0

            Vulnerabilities found!

            """
        let finding = try #require(try SCAReaderSupport.findings(text, .bundlerAuditText).first)
        #expect(finding.rule == "OSVDB-101157")
        #expect(finding.severity == .low)
        #expect(finding.message == "A possible denial of service.")
        #expect(finding.package?.fixed == ">= 2.3.0")
    }

    @Test func aCleanReport() throws {
        #expect(try SCAReaderSupport.findings("No vulnerabilities found\n", .bundlerAuditText).isEmpty)
        #expect(
            SCAReaderSupport.withHead("No vulnerabilities found\n", SCAReaderSupport.recognised) == .bundlerAuditText)
        let updated = "Updating ruby-advisory-db ...\nAlready up to date.\nNo vulnerabilities found\n"
        #expect(SCAReaderSupport.withHead(updated, BundlerAuditTextReader.recognizes))
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["bundler-audit-text"]))
    func corpusCountsEqualTheReport(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    @Test func recognitionIsPrecise() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .bundlerAuditText, folder: "scan/bundler-audit", extensions: ["txt"])
        for text in [
            "Name: Alice\nVersion: 2\nAge: 30\n", "No vulnerabilities found\nin 3 packages\n",
            "Scanning...\nNo vulnerabilities found\n", "Insecure Source URI\n",
        ] {
            #expect(!SCAReaderSupport.withHead(text, BundlerAuditTextReader.recognizes), "\(text)")
        }
        #expect(
            SCAReaderSupport.withHead(
                "Insecure Source URI found: git://github.com/a/b.git\n", BundlerAuditTextReader.recognizes))
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .bundlerAuditText,
            sample: """
                Name: rack
                Version: 2.2.6
                CVE: CVE-2023-27530
                Criticality: Unknown
                URL: https://example.org
                Title: Possible DoS in é
                Solution: upgrade to >= 2.2.6.3

                Vulnerabilities found!

                """, truncated: "the report is cut short"
        ).check()
    }

    @Test func malformedReportsAreRefused() {
        let block = "Name: rack\nVersion: 2.2.6\nCVE: CVE-1\nCriticality: Low\n"
        let cases: [(String, String)] = [
            (
                block + "Solution: upgrade to >= 3\n",
                "the report is cut short: it does not end with \"Vulnerabilities found!\" or \"No vulnerabilities found\""
            ),
            (block + "Vulnerabilities found!\n", "the advisory of rack has no Solution line"),
            (block + block, "the advisory of rack has no Solution line"),
            (block, "the report is cut short: the advisory of rack has no Solution line"),
            (
                "Name: rack\nCVE: CVE-1\nSolution: x\nVulnerabilities found!\n",
                "the advisory of rack has no Version line"
            ),
            (
                "Name: rack\nVersion: 1\nSolution: x\nVulnerabilities found!\n",
                "the advisory of rack names no CVE, GHSA or advisory id"
            ),
            ("Vulnerabilities found!\n", "the report says \"Vulnerabilities found!\" but lists none"),
            (
                block + "Solution: x\nNo vulnerabilities found\n",
                "the report says \"No vulnerabilities found\" but lists 1"
            ),
            ("No vulnerabilities found\nName: x\n", "unexpected text after the closing line of the report"),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .bundlerAuditText)?.message == message, "\(text)")
        }
    }
}
