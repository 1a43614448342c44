import Testing

@testable import GateKit

@Suite struct BundlerAuditReaderTests {
    @Test func oneFindingPerResult() throws {
        let found = try SCAReaderSupport.findings(path: fixture("bundler-audit/rails-app.json"))
        // bundle-audit check: 1 insecure source and 3 advisories (High, Unknown, Medium), "Vulnerabilities found!".
        #expect(found.map(\.rule) == ["insecure-source", "CVE-2023-22795", "CVE-2023-27530", "GHSA-pxvg-2qj5-37jq"])
        #expect(found.map(\.severity) == [.unknown, .high, .unknown, .medium])
        #expect(found.map(\.level) == [.warning, .error, .note, .warning])
        #expect(found.map(\.kind) == [.config, .dependency, .dependency, .dependency])
        #expect(
            try SCAReaderSupport.vulns(found) == [
                "critical": 0, "high": 1, "medium": 1, "low": 0, "unknown": 2, "total": 4,
            ])
        #expect(found[0].message == "Insecure Source URI found: http://rubygems.org/")
        let actionpack = found[1]
        #expect(actionpack.tool == "bundler-audit")
        #expect(actionpack.aliases == ["GHSA-8xww-x3g3-6jcv"])
        #expect(actionpack.cvssScore == 7.5)
        #expect(
            actionpack.package
                == PackageReference(
                    name: "actionpack", installed: "6.1.7", fixed: "~> 6.1.7, >= 6.1.7.1, >= 7.0.4.1",
                    ecosystem: "rubygems"))
        #expect(actionpack.message == "ReDoS based DoS vulnerability in Action Dispatch")
        #expect(found[3].aliases.isEmpty)
        #expect(found[3].package?.fixed == nil)
    }

    @Test func criticalityNoneIsAZeroScoreAndScoresStandInForAMissingWord() throws {
        func severity(_ advisory: String) throws -> Severity? {
            let text =
                #"{"version":"0.9.1","created_at":"x","results":[{"type":"unpatched_gem","gem":{"name":"g","version":"1"},"advisory":{"id":"CVE-1",\#(advisory)}}]}"#
            return try SCAReaderSupport.findings(text, .bundlerAudit).first?.severity
        }
        #expect(try severity(#""criticality":"none","cvss_v3":0.0"#) == .low)
        #expect(try severity(#""criticality":"critical""#) == .critical)
        #expect(try severity(#""criticality":null,"cvss_v2":7.2,"cvss_v3":null"#) == .high)
        #expect(try severity(#""cvss_v2":5.0,"cvss_v3":9.1"#) == .critical)
    }

    @Test func aVulnerableRubyEngine() throws {
        let text = """
            {"version":"0.9.2","created_at":"2024-05-01 10:00:00 +0000","results":[{"type":"unpatched_engine",
            "engine":{"name":"ruby","version":"3.2.2"},"advisory":{"id":"CVE-2023-36617","cve":"2023-36617",
            "title":"ReDoS vulnerability in URI","criticality":"medium","patched_versions":[">= 3.2.3"]}}]}
            """
        let finding = try #require(try SCAReaderSupport.findings(text, .bundlerAudit).first)
        #expect(finding.package == PackageReference(name: "ruby", installed: "3.2.2", fixed: ">= 3.2.3"))
        #expect(finding.severity == .medium)
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["bundler-audit-json"]))
    func corpusCountsEqualTheReport(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    /// Disputed: every advisory has `"criticality": null`. Null is unknown, as the text report of the same run
    /// prints `Criticality: Unknown`, so vulns.unknown is 4 (and no null advisory goes uncounted).
    @Test func theCorpusDisputeIsSettledAsUnknown() throws {
        guard let corpusDirectory else { return }
        let found = try SCAReaderSupport.findings(
            path: corpusDirectory + "/scan/bundler-audit/defectdojo-bundler-audit-0.9.0.json")
        #expect(try SCAReaderSupport.vulns(found)["unknown"] == 4)
        let text = try SCAReaderSupport.findings(
            path: corpusDirectory + "/scan/bundler-audit/defectdojo-bundler-audit-0.9.0.txt")
        #expect(found.map(\.rule) == text.map(\.rule))
        #expect(found.map(\.aliases) == text.map(\.aliases))
        #expect(found.map(\.package) == text.map(\.package))
    }

    @Test func recognition() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .bundlerAudit, folder: "scan/bundler-audit", extensions: ["json"])
        #expect(
            SCAReaderSupport.withHead(
                #"{"version":"0.9.1","created_at":"x","results":[]}"#, SCAReaderSupport.recognised)
                == .bundlerAudit)
        #expect(!SCAReaderSupport.withHead(#"{"version":"1","results":[]}"#, BundlerAuditReader.recognizes))
        #expect(
            !SCAReaderSupport.withHead(#"{"created_at":"x","version":"1","results":[]}"#, BundlerAuditReader.recognizes)
        )
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .bundlerAudit,
            sample: """
                {"version":"0.9.1","created_at":"2024-02-14 09:12:44 +0100","results":[{"type":"unpatched_gem",
                "gem":{"name":"rack","version":"2.2.6"},"advisory":{"id":"CVE-2023-27530","title":"DoS in é",
                "criticality":null,"patched_versions":[">= 2.2.6.3"]}}]}
                """, truncated: "unexpected end of input"
        ).check()
    }

    @Test func malformedReportsAreRefused() {
        let gem = #""gem":{"name":"g","version":"1"}"#
        let cases: [(String, String)] = [
            ("[]", "not a bundler-audit JSON report: the JSON value is not an object"),
            (#"{"version":"0.9.1"}"#, "not a bundler-audit JSON report: no results"),
            (#"{"results":[{"type":"outdated"}]}"#, "unknown bundler-audit result type \"outdated\""),
            (#"{"results":[{}]}"#, "unknown bundler-audit result type (none)"),
            (#"{"results":[{"type":"insecure_source"}]}"#, "an insecure_source result has no source"),
            (#"{"results":[{"type":"unpatched_gem",\#(gem)}]}"#, "an unpatched_gem result needs both gem and advisory"),
            (#"{"results":[{"type":"unpatched_gem","gem":{},"advisory":{"id":"C"}}]}"#, "a gem has no name"),
            (#"{"results":[{"type":"unpatched_gem",\#(gem),"advisory":{"title":"t"}}]}"#, "an advisory has no id"),
            (
                #"{"results":[{"type":"unpatched_gem",\#(gem),"advisory":{"id":"C","cvss_v3":1e3}}]}"#,
                "cvss_v3 must be a CVSS score between 0 and 10"
            ),
            (
                #"{"results":[{"type":"unpatched_gem",\#(gem),"advisory":{"id":"C","cve":7}}]}"#,
                "expected a string or null"
            ),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .bundlerAudit)?.message == message, "\(text)")
        }
    }
}
