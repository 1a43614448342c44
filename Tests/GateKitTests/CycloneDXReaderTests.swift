import Testing

@testable import GateKit

@Suite struct CycloneDXReaderTests {
    private func summary(_ findings: [Finding]) -> [String] {
        findings.map {
            let package = $0.package.map { "\($0.name)@\($0.installed ?? "-") \($0.ecosystem ?? "-")" } ?? "-"
            return "\($0.tool) \($0.rule ?? "-") \($0.severity.rawValue) \($0.state.rawValue) \(package)"
        }
    }

    @Test func oneFindingPerVulnerabilityAndAffectedComponentResolvedAtTheEnd() throws {
        let found = try SCAReaderSupport.findings(path: fixture("cyclonedx/grype-vex.json"))
        // grype's table for this image: commons-text CVE-2022-42889 Critical (two locations), netty-codec-http2
        // CVE-2023-44487 High; jackson-databind is not affected (VEX) and postgresql is marked unaffected.
        #expect(
            summary(found) == [
                "grype CVE-2022-42889 critical open org.apache.commons:commons-text@1.9 maven",
                "grype CVE-2023-44487 high open io.netty:netty-codec-http2@4.1.97.Final -",
                "grype GHSA-jjjh-jjxp-wpff medium suppressed com.fasterxml.jackson.core:jackson-databind@2.13.4 maven",
                "grype CVE-2024-1597 critical informational org.postgresql:postgresql@42.6.0 maven",
            ])
        // The same vulnerability of the same package in two places is one finding.
        #expect(
            try SCAReaderSupport.vulns(found) == [
                "critical": 1, "high": 1, "medium": 0, "low": 0, "unknown": 0, "total": 2,
            ])
        #expect(found[0].aliases == ["GHSA-599f-7c49-w659"])
        #expect(found[0].cvssScore == 9.8)
        #expect(found[0].level == .error)
        #expect(found[0].kind == .dependency)
        #expect(found[1].cvssScore == 7.5)  // computed from the vector
        #expect(found[1].message.hasPrefix("The HTTP/2 protocol allows a denial of service"))
        #expect(found[2].message == "Uncontrolled Resource Consumption in Jackson-databind (é)")
    }

    @Test func theHighestRatingWins() throws {
        func severity(_ ratings: String) throws -> Severity? {
            let text =
                #"{"bomFormat":"CycloneDX","specVersion":"1.4","vulnerabilities":[{"id":"CVE-1","ratings":["#
                + ratings + "]}]}"
            return try SCAReaderSupport.findings(text, .cycloneDX).first?.severity
        }
        #expect(try severity(#"{"severity":"low"},{"severity":"critical"},{"severity":"medium"}"#) == .critical)
        #expect(try severity(#"{"score":4.2},{"severity":"none"}"#) == .medium)
        #expect(try severity(#"{"severity":"info"}"#) == .low)
        #expect(try severity("") == .unknown)
    }

    @Test func toolsOfSpecification14AndAVulnerabilityWithoutAffects() throws {
        let text = """
            {"bomFormat":"CycloneDX","specVersion":"1.4","metadata":{"tools":[{"vendor":"aquasecurity","name":"Trivy"}]},
            "vulnerabilities":[{"id":"CVE-2021-44228","ratings":[{"severity":"critical"}]}]}
            """
        let finding = try #require(try SCAReaderSupport.findings(text, .cycloneDX).first)
        #expect(finding.tool == "trivy")
        #expect(finding.package == nil)
        #expect(finding.message == "CVE-2021-44228")
        let anonymous = #"{"bomFormat":"CycloneDX","vulnerabilities":[{"id":"X-1","affects":[{"ref":"lib-a"}]}]}"#
        let unnamed = try #require(try SCAReaderSupport.findings(anonymous, .cycloneDX).first)
        #expect(unnamed.tool == "cyclonedx")
        #expect(unnamed.package == PackageReference(name: "lib-a"))
    }

    /// Fail closed: an SBOM without `vulnerabilities` never scanned anything, so it is not a clean result.
    @Test func aBOMWithoutVulnerabilitiesIsRefusedAndAnEmptyListIsClean() throws {
        let sbom = #"{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"bom-ref":"a","name":"a"}]}"#
        let error = try #require(SCAReaderSupport.error(sbom, .cycloneDX))
        #expect(error.message.hasPrefix("this CycloneDX BOM has no vulnerabilities: it is an SBOM"))
        let clean = #"{"bomFormat":"CycloneDX","specVersion":"1.5","vulnerabilities":[]}"#
        #expect(try SCAReaderSupport.findings(clean, .cycloneDX).isEmpty)
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["cyclonedx-json"]))
    func corpusCountsEqualTheScannersTable(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    /// Disputed: CVE-2020-9548 is rated critical (GHSA, NVD v3.1), medium (NVD v2) and high (Red Hat); the
    /// highest rating is taken, so the corpus file has 1 critical vulnerability.
    @Test func theCorpusDisputeIsSettledByTheHighestRating() throws {
        guard let corpusDirectory else { return }
        let found = try SCAReaderSupport.findings(
            path: corpusDirectory + "/scan/cyclonedx-vulns/trivy-pom-cyclonedx.json")
        #expect(try SCAReaderSupport.vulns(found)["critical"] == 1)
        #expect(found.first { $0.rule == "CVE-2020-9548" }?.severity == .critical)
        #expect(found.first?.package?.name == "com.fasterxml.jackson.core:jackson-databind")
        #expect(found.first?.tool == "trivy")
    }

    @Test func recognition() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .cycloneDX, folder: "scan/cyclonedx-vulns", extensions: ["json"])
        #expect(!SCAReaderSupport.withHead(#"{"bomFormat":"SPDX"}"#, CycloneDXReader.recognizes))
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .cycloneDX,
            sample: """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"bom-ref":"c1","name":"é","version":"1.0"}],
                "vulnerabilities":[{"id":"CVE-2024-0001","ratings":[{"severity":"high"}],"affects":[{"ref":"c1"}]}]}
                """, truncated: "unexpected end of input"
        ).check()
    }

    @Test func malformedReportsAreRefused() {
        let nested =
            String(repeating: #"{"bom-ref":"x","name":"x","components":["#, count: 70)
            + String(repeating: "]}", count: 70)
        let cases: [(String, String)] = [
            ("[]", "not a CycloneDX BOM: the JSON value is not an object"),
            (#"{"vulnerabilities":[]}"#, "not a CycloneDX BOM: no bomFormat"),
            (#"{"bomFormat":"SPDX"}"#, "not a CycloneDX BOM: bomFormat is \"SPDX\""),
            (#"{"bomFormat":"CycloneDX","vulnerabilities":[{"ratings":[]}]}"#, "a vulnerability has no id"),
            (
                #"{"bomFormat":"CycloneDX","vulnerabilities":[{"id":"A","ratings":[{"score":11}]}]}"#,
                "a rating's score must be between 0 and 10, not 11.0"
            ),
            (
                #"{"bomFormat":"CycloneDX","metadata":{"tools":"grype"}}"#,
                "metadata.tools must be an array or an object"
            ),
            (
                #"{"bomFormat":"CycloneDX","components":[\#(nested)],"vulnerabilities":[]}"#,
                "components are nested deeper than 64 levels"
            ),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .cycloneDX)?.message == message, "\(text.prefix(80))")
        }
    }
}
