import Testing

@testable import GateKit

@Suite struct DependencyCheckJSONReaderTests {
    private func summary(_ findings: [Finding]) -> [String] {
        findings.map {
            let package = $0.package.map { "\($0.ecosystem ?? "-"):\($0.name)@\($0.installed ?? "-")" } ?? "-"
            return "\($0.rule ?? "-") \($0.severity.rawValue) \($0.level.rawValue) \($0.state.rawValue) \(package)"
        }
    }

    @Test func oneFindingPerDependencyAndVulnerability() throws {
        let found = try SCAReaderSupport.findings(path: fixture("dependency-check-json/log4j-babel.json"))
        // The HTML report of this run: 3 vulnerabilities (2 critical, 1 moderate) and 1 suppressed, in 2 of 3
        // dependencies.
        #expect(
            summary(found) == [
                "CVE-2021-44228 critical error open maven:org.apache.logging.log4j:log4j-core@2.14.1",
                "CVE-2021-45046 critical error open maven:org.apache.logging.log4j:log4j-core@2.14.1",
                "CVE-2021-44832 medium warning suppressed maven:org.apache.logging.log4j:log4j-core@2.14.1",
                "GHSA-67hx-6x53-jw92 medium warning open npm:@babel/traverse@7.22.5",
            ])
        #expect(
            try SCAReaderSupport.vulns(found)
                == ["critical": 2, "high": 0, "medium": 1, "low": 0, "unknown": 0, "total": 3])
        let first = try #require(found.first)
        #expect(first.tool == "dependency-check")
        #expect(first.kind == .dependency)
        #expect(first.cvssScore == 10)
        #expect(first.path == "/build/shop/lib/log4j-core-2.14.1.jar")
        #expect(
            first.message
                == "Apache Log4j2 2.0-beta9 through 2.15.0 JNDI features do not protect against attacker controlled LDAP endpoints."
        )
        #expect(found[3].message.hasSuffix("(reported by Jérôme)"))
        #expect(found[3].cvssScore == nil)
    }

    @Test func theSeverityWordWinsOverTheScoresAndScoresStandInWhenThereIsNoKnownWord() throws {
        func severity(_ vulnerability: String) throws -> Severity? {
            let text =
                #"{"reportSchema":"1.1","scanInfo":{},"dependencies":[{"fileName":"a.jar","filePath":"/a.jar","vulnerabilities":["#
                + vulnerability + "]}]}"
            return try SCAReaderSupport.findings(text, .dependencyCheckJSON).first?.severity
        }
        // Dependency-Check's word HIGH with a CVSS v2 "MEDIUM" rating: the word wins.
        #expect(
            try severity(#"{"name":"CVE-1","severity":"HIGH","cvssv2":{"score":5.0,"severity":"MEDIUM"}}"#) == .high)
        // An OSS Index "Unknown" (unscored 0.0) falls back to the CVSS v3 rating's word, then to the scores.
        #expect(
            try severity(#"{"name":"CVE-2","severity":"Unknown","cvssv3":{"baseScore":7.5,"baseSeverity":"HIGH"}}"#)
                == .high)
        #expect(try severity(#"{"name":"CVE-3","severity":"0.0","cvssv2":{"score":9.1}}"#) == .critical)
        #expect(try severity(#"{"name":"CVE-4","cvssv4":{"baseScore":2.0},"cvssv3":{"baseScore":9.8}}"#) == .low)
        #expect(try severity(#"{"name":"CVE-5"}"#) == .unknown)
    }

    @Test func aDependencyWithoutPackageURLIsNamedByItsFile() throws {
        let text =
            #"{"reportSchema":"1.1","scanInfo":{},"dependencies":[{"fileName":"struts.jar","filePath":"/lib/struts.jar","#
            + #""vulnerabilities":[{"name":"CVE-2017-5638","severity":"CRITICAL","description":""}]}]}"#
        let finding = try #require(try SCAReaderSupport.findings(text, .dependencyCheckJSON).first)
        #expect(finding.package == PackageReference(name: "struts.jar"))
        #expect(finding.message == "CVE-2017-5638")
    }

    // MARK: - A scan that failed

    @Test func analysisExceptionsRefuseTheReport() throws {
        let text = """
            {"reportSchema":"1.1","scanInfo":{"engineVersion":"8.2.1","analysisExceptions":[{"exception":{
            "message":"SearchException: Could not perform Node Audit analysis.","stackTrace":["a.b(C.java:1)"],
            "cause":{"message":"inner"}}},{"exception":{"message":"second"}}]},"dependencies":[]}
            """
        let error = try #require(SCAReaderSupport.error(text, .dependencyCheckJSON))
        #expect(
            error.message
                == "Dependency-Check reports 2 analysis exceptions: the scan partially failed, so its vulnerabilities "
                + "are not a complete result (SearchException: Could not perform Node Audit analysis.)")
        #expect(error.line == 1)
        let none = #"{"reportSchema":"1.1","scanInfo":{"analysisExceptions":[]},"dependencies":[]}"#
        #expect(try SCAReaderSupport.findings(none, .dependencyCheckJSON).isEmpty)
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["dependency-check-json"]))
    func corpusCountsEqualTheReport(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    /// Disputed: 0 vulnerabilities from a scan whose Node Audit analyzer failed. protocol fails closed: the
    /// report is refused with the analyzer's error, so no gate can pass on it.
    @Test func theCorpusReportOfAFailedScanIsRefused() throws {
        guard let corpusDirectory else { return }
        let path = corpusDirectory + "/scan/dependency-check/depcheck-8.2.1-npm-audit-error.json"
        let error = #expect(throws: ReportLoadError.self) { try ReportLoader.load(path: path, category: .scan) }
        #expect(error?.reason.contains("1 analysis exception") == true)
        #expect(error?.reason.contains("Could not perform Node Audit analysis") == true)
    }

    @Test func recognition() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .dependencyCheckJSON, folder: "scan/dependency-check", extensions: ["json"])
        #expect(
            SCAReaderSupport.withHead(#"{"reportSchema":"1.1","scanInfo":{}}"#, SCAReaderSupport.recognised)
                == .dependencyCheckJSON)
        #expect(
            !SCAReaderSupport.withHead(#"{"scanInfo":{},"reportSchema":"1.1"}"#, DependencyCheckJSONReader.recognizes))
        #expect(!SCAReaderSupport.withHead(#"{"dependencies":[]}"#, DependencyCheckJSONReader.recognizes))
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .dependencyCheckJSON,
            sample: """
                {"reportSchema":"1.1","scanInfo":{"engineVersion":"9.0.9"},"dependencies":[{"fileName":"é.jar",
                "filePath":"/lib/é.jar","vulnerabilities":[{"name":"CVE-2021-44228","severity":"CRITICAL"}]}]}
                """, truncated: "unexpected end of input"
        ).check()
    }

    @Test func malformedReportsAreRefused() {
        let cases: [(String, String)] = [
            ("[]", "not a Dependency-Check JSON report: the JSON value is not an object"),
            (#"{"reportSchema":"1.1","scanInfo":{}}"#, "not a Dependency-Check JSON report: no dependencies"),
            (#"{"dependencies":[{"vulnerabilities":[{"severity":"HIGH"}]}]}"#, "a vulnerability has no name"),
            (#"{"dependencies":[{"vulnerabilities":[{"name":7}]}]}"#, "expected a string, found the number 7"),
            (
                #"{"dependencies":[{"vulnerabilities":[{"name":"C","cvssv3":{"baseScore":1e400}}]}]}"#,
                "1e400 is not a finite number"
            ),
            (
                #"{"dependencies":[{"vulnerabilities":[{"name":"C","cvssv2":{"score":99}}]}]}"#,
                "a CVSS score must be between 0 and 10, not 99.0"
            ),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .dependencyCheckJSON)?.message == message, "\(text)")
        }
    }
}
