import Testing

@testable import GateKit

@Suite struct DependencyCheckXMLReaderTests {
    @Test func theXMLReportGivesTheFindingsOfTheJSONReportOfTheSameRun() throws {
        let xml = try SCAReaderSupport.findings(path: fixture("dependency-check-xml/log4j-babel.xml"))
        let json = try SCAReaderSupport.findings(path: fixture("dependency-check-json/log4j-babel.json"))
        // The HTML report of this run: 3 vulnerabilities (2 critical, 1 moderate) and 1 suppressed.
        #expect(xml == json)
        #expect(xml.count == 4)
        #expect(xml.map(\.state) == [.open, .open, .suppressed, .open])
        #expect(
            try SCAReaderSupport.vulns(xml) == [
                "critical": 2, "high": 0, "medium": 1, "low": 0, "unknown": 0, "total": 3,
            ])
    }

    @Test func oldSchemasWithAPrefixAndACVSSScore() throws {
        let text = """
            <?xml version="1.0"?>
            <dc:analysis xmlns:dc="https://jeremylong.github.io/DependencyCheck/dependency-check.1.3.xsd">
              <dc:dependencies>
                <dc:dependency>
                  <dc:fileName>commons-collections-3.2.1.jar</dc:fileName>
                  <dc:filePath>/app/lib/commons-collections-3.2.1.jar</dc:filePath>
                  <dc:vulnerabilities>
                    <dc:vulnerability>
                      <dc:name>CVE-2015-6420</dc:name>
                      <dc:cvssScore>7.5</dc:cvssScore>
                      <dc:severity></dc:severity>
                      <dc:description><![CDATA[Serialized-object interfaces in certain Cisco products]]></dc:description>
                    </dc:vulnerability>
                  </dc:vulnerabilities>
                </dc:dependency>
              </dc:dependencies>
            </dc:analysis>
            """
        let finding = try #require(try SCAReaderSupport.findings(text, .dependencyCheckXML).first)
        #expect(finding.rule == "CVE-2015-6420")
        #expect(finding.severity == .high)
        #expect(finding.cvssScore == 7.5)
        #expect(finding.package == PackageReference(name: "commons-collections-3.2.1.jar"))
        #expect(finding.message == "Serialized-object interfaces in certain Cisco products")
        #expect(SCAReaderSupport.withHead(text, SCAReaderSupport.recognised) == .dependencyCheckXML)
    }

    @Test func analysisExceptionsRefuseTheReport() throws {
        let text = """
            <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.4.1.xsd">
              <scanInfo>
                <engineVersion>10.0.3</engineVersion>
                <analysisExceptions>
                  <exception><message>SearchException: Could not perform Node Audit analysis.</message>
                    <stackTrace><trace>a.b(C.java:1)</trace></stackTrace>
                    <cause><message>inner</message></cause>
                  </exception>
                </analysisExceptions>
              </scanInfo>
              <dependencies/>
            </analysis>
            """
        let error = try #require(SCAReaderSupport.error(text, .dependencyCheckXML))
        #expect(
            error.message
                == "Dependency-Check reports 1 analysis exception: the scan partially failed, so its vulnerabilities "
                + "are not a complete result (SearchException: Could not perform Node Audit analysis.)")
        #expect(error.line == 4)
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["dependency-check-xml"]))
    func corpusCountsEqualTheReport(_ entry: CorpusExpectation) throws {
        try SCAReaderSupport.expectCorpusChecks(entry)
    }

    @Test func theCorpusXMLAndJSONOfTheSameRunAgree() throws {
        guard let corpusDirectory else { return }
        let folder = corpusDirectory + "/scan/dependency-check/depcheck-6.4.1-golang."
        let xml = try SCAReaderSupport.findings(path: folder + "xml")
        let json = try SCAReaderSupport.findings(path: folder + "json")
        #expect(xml.count == 34)
        #expect(xml == json)
    }

    @Test func recognition() throws {
        try SCAReaderSupport.expectCorpusRecognition(
            of: .dependencyCheckXML, folder: "scan/dependency-check", extensions: ["xml"])
        #expect(!SCAReaderSupport.withHead("<analysis><dependencies/></analysis>", DependencyCheckXMLReader.recognizes))
    }

    // MARK: - Bad input

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .dependencyCheckXML,
            sample: """
                <?xml version="1.0"?>
                <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
                  <dependencies>
                    <dependency isVirtual="false">
                      <fileName>é.jar</fileName>
                      <vulnerabilities>
                        <vulnerability source="NVD"><name>CVE-2021-44228</name><severity>CRITICAL</severity></vulnerability>
                      </vulnerabilities>
                    </dependency>
                  </dependencies>
                </analysis>
                """, truncated: "unexpected end of file"
        ).check()
    }

    @Test func malformedAndHostileReportsAreRefused() {
        let namespace = #"xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd""#
        let cases: [(String, String)] = [
            ("<report/>", "not a Dependency-Check XML report: root element is <report>"),
            ("<analysis \(namespace)><scanInfo/></analysis>", "not a Dependency-Check XML report: no <dependencies>"),
            (
                "<analysis><dependencies><dependency><vulnerabilities><vulnerability><severity>HIGH</severity>"
                    + "</vulnerability></vulnerabilities></dependency></dependencies></analysis>",
                "a vulnerability has no name"
            ),
            (
                "<analysis><dependencies><dependency><vulnerabilities><vulnerability><name>C</name><cvssV2>"
                    + "<score>NaN</score></cvssV2></vulnerability></vulnerabilities></dependency></dependencies></analysis>",
                "a CVSS score must be a number between 0 and 10, not \"NaN\""
            ),
        ]
        for (text, message) in cases {
            #expect(SCAReaderSupport.error(text, .dependencyCheckXML)?.message == message, "\(text)")
        }
        let entity = """
            <!DOCTYPE analysis [<!ENTITY x "boom">]>
            <analysis><dependencies><dependency><fileName>&x;</fileName></dependency></dependencies></analysis>
            """
        #expect(SCAReaderSupport.error(entity, .dependencyCheckXML) != nil)
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(
            SCAReaderSupport.error("<analysis><dependencies>\(deep)</dependencies></analysis>", .dependencyCheckXML)
                != nil)
    }
}
