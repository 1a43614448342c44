import Testing

@testable import GateKit

@Suite struct GitLabSecurityReaderTests {
    @Test func oneFindingPerVulnerabilityNamedByTheScanWrittenLast() throws {
        let found = try SCAReaderSupport.findings(path: fixture("gitlab-security/gemnasium-dependency-scanning.json"))
        // GitLab's vulnerability report for this pipeline: 1 Critical, 1 Info.
        #expect(found.map(\.rule) == ["CVE-2019-10744", "CVE-2017-16137"])
        #expect(found.map(\.severity) == [.critical, .low])
        #expect(found.map(\.level) == [.error, .note])
        #expect(
            try SCAReaderSupport.vulns(found) == [
                "critical": 1, "high": 0, "medium": 0, "low": 1, "unknown": 0, "total": 2,
            ])
        let lodash = try #require(found.first)
        #expect(lodash.tool == "gemnasium")
        #expect(lodash.kind == .dependency)
        #expect(lodash.aliases == ["5b3b9d1e-23f5-4d2e-8d2e-b3c1f6b6b0a1", "GHSA-jf85-cpcp-j695"])
        #expect(lodash.package == PackageReference(name: "lodash", installed: "4.17.11"))
        #expect(lodash.path == "web/yarn.lock")
        #expect(lodash.message == "Prototype Pollution in lodash")
    }

    @Test func olderSchemasNameTheCategoryAndScannerOnEachVulnerability() throws {
        let text = """
            {"version":"2.3","vulnerabilities":[
            {"category":"sast","name":"Use of insecure MD2, MD4, or MD5 hash function.","message":"MD5 is weak\\nsecond line",
             "cve":"app/crypto.py:4a5b:B303","severity":"Medium","confidence":"High",
             "scanner":{"id":"bandit","name":"Bandit"},"location":{"file":"app/crypto.py","start_line":12},
             "identifiers":[{"type":"bandit_test_id","name":"Bandit Test ID B303","value":"B303"}]},
            {"category":"secret_detection","severity":"Unknown","cve":"k1","scanner":{"id":"gitleaks","name":"Gitleaks"},
             "location":{"file":"config/.env","start_line":3},"identifiers":[]},
            {"category":"container_scanning","id":"c1","severity":"High","location":{"image":"registry/app:1",
             "dependency":{"package":{"name":"openssl"},"version":"1.1.1k"}},
             "identifiers":[{"type":"cve","name":"CVE-2021-3711","value":"CVE-2021-3711"}]}],
            "remediations":[]}
            """
        let found = try SCAReaderSupport.findings(text, .gitLabSecurity)
        #expect(found.map(\.tool) == ["bandit", "gitleaks", "gitlab"])
        #expect(found.map(\.kind) == [.code, .secret, .dependency])
        #expect(found.map(\.rule) == ["B303", "k1", "CVE-2021-3711"])
        #expect(found.map(\.severity) == [.medium, .unknown, .high])
        #expect(found[0].line == 12)
        #expect(found[0].message == "MD5 is weak")
        #expect(found[2].path == "registry/app:1")
        #expect(SCAReaderSupport.withHead(text, SCAReaderSupport.recognised) == .gitLabSecurity)
    }

    @Test func theKindComesFromTheScanType() throws {
        for (type, kind) in [("dast", FindingKind.dast), ("coverage_fuzzing", .code), ("api_fuzzing", .dast)] {
            let text =
                #"{"version":"15.0.0","scan":{"type":"\#(type)","status":"success"},"vulnerabilities":[{"id":"1","severity":"Low","identifiers":[]}]}"#
            #expect(try SCAReaderSupport.findings(text, .gitLabSecurity).first?.kind == kind)
        }
        let other = #"{"version":"15.0.0","scan":{"type":"new_kind"},"vulnerabilities":[{"id":"1"}]}"#
        #expect(try SCAReaderSupport.findings(other, .gitLabSecurity).first?.kind == nil)
    }

    /// A failed scan is not a clean result.
    @Test func aFailedScanIsRefused() throws {
        let text =
            #"{"version":"15.0.0","vulnerabilities":[],"scan":{"scanner":{"name":"Semgrep"},"status":"failure"}}"#
        let error = try #require(SCAReaderSupport.error(text, .gitLabSecurity))
        #expect(error.message.hasPrefix("the GitLab security report says the scan failed"))
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["gitlab-dependency-scanning"]))
    func corpusCountsEqualTheReport(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    @Test func theCorpusReportIsTrivys() throws {
        guard let corpusDirectory else { return }
        let found = try SCAReaderSupport.findings(
            path: corpusDirectory + "/scan/gitlab-dependency-scanning/trivy-npm-gitlab.json")
        #expect(found.map(\.tool) == ["trivy"])
        #expect(found.first?.package == PackageReference(name: "jquery", installed: "3.3.9"))
        #expect(found.first?.kind == .dependency)
    }

    @Test func recognitionIsNotConfusedWithCodeQualityOrSnyk() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .gitLabSecurity, folder: "scan/gitlab-dependency-scanning", extensions: ["json"])
        let codeQuality = #"[{"description":"x","check_name":"c","fingerprint":"f","severity":"major","location":{}}]"#
        let snyk = #"{"version":"1","vulnerabilities":[{"id":"SNYK-1","identifiers":{"CVE":[]}}],"ok":false}"#
        for text in [codeQuality, snyk, #"{"vulnerabilities":[],"scan":{"type":"sast"}}"#] {
            #expect(!SCAReaderSupport.withHead(text, GitLabSecurityReader.recognizes), "\(text)")
        }
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .gitLabSecurity,
            sample: """
                {"version":"15.0.7","scan":{"scanner":{"id":"trivy","name":"Trivy"},"type":"dependency_scanning",
                "status":"success"},"vulnerabilities":[{"id":"CVE-2019-11358","name":"jquery: é","severity":"Medium",
                "location":{"dependency":{"package":{"name":"jquery"},"version":"3.3.9"}},
                "identifiers":[{"type":"cve","name":"CVE-2019-11358","value":"CVE-2019-11358"}]}]}
                """, truncated: "unexpected end of input"
        ).check()
    }

    @Test func malformedReportsAreRefused() {
        let cases: [(String, String)] = [
            ("[]", "not a GitLab security report: the JSON value is not an object"),
            (#"{"version":"15.0.0","scan":{}}"#, "not a GitLab security report: no vulnerabilities"),
            (
                #"{"vulnerabilities":[{"severity":"High","identifiers":[]}]}"#,
                "a vulnerability has no identifier nor id"
            ),
            (
                #"{"vulnerabilities":[{"id":"1","location":{"start_line":99999999999}}]}"#,
                "start_line 99999999999 is not a line number"
            ),
            (#"{"vulnerabilities":[{"id":"1","location":{"start_line":1.5}}]}"#, "expected an integer, found 1.5"),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .gitLabSecurity)?.message == message, "\(text)")
        }
    }
}
