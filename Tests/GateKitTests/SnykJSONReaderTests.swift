import Testing

@testable import GateKit

@Suite struct SnykJSONReaderTests {
    @Test func issuesCountOncePerPackageVersionWhateverTheirPaths() throws {
        // snyk test --all-projects: web "found 1 issue, 2 vulnerable paths" (plus a license issue and an ignored
        // one), api "found 2 issues, 2 vulnerable paths"; lodash 4.17.15's issue is the same in both projects.
        let findings = try scanFindings(path: fixture("snyk-json/all-projects.json"))
        #expect(findings.map(\.state) == [.open, .open, .informational, .suppressed])
        #expect(try severityCounts(findings) == [0, 1, 1, 0, 0, 2])
        let lodash = findings[0]
        #expect(lodash.tool == "snyk" && lodash.rule == "SNYK-JS-LODASH-567746")
        #expect(lodash.aliases == ["CVE-2020-8203", "GHSA-p6mc-m468-83gw"] && lodash.cvssScore == 7.2)
        #expect(
            lodash.package == PackageReference(name: "lodash", installed: "4.17.15", fixed: "4.17.19", ecosystem: "npm")
        )
        #expect(lodash.path == "web/package-lock.json" && lodash.message == "Prototype Pollution")
        #expect(findings[1].path == "api/package-lock.json")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["snyk-json"]))
    func corpusCountsEqualSnyks(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    /// Disputed: the sum of the projects' uniqueCount (4) or the distinct ids (2)? One per id and package version:
    /// guava 29.0-jre's advisory in two projects counts once, guava 22.0's two advisories twice: 3.
    @Test func allProjectsCorpusCountsIdsPerPackageVersion() throws {
        guard let corpusDirectory else { return }
        let found = try scanFindings(path: corpusDirectory + "/scan/snyk/defectdojo-snyk-all-projects-many.json")
        #expect(found.count == 3)
        #expect(try severityCounts(found) == [0, 0, 3, 0, 0, 3])
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .snykJSON,
            sample: #"""
                {"vulnerabilities": [{"packageName": "x", "id": "SNYK-1", "title": "café", "severity": "low",
                "version": "1", "from": ["a"]}], "ok": false, "uniqueCount": 1, "projectName": "p"}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"vulnerabilities": [{"id": "SNYK-1"}]}"#, "has no id or packageName"),
            (#"{"vulnerabilities": [{"id": "SNYK-1", "cvssScore": "high"}]}"#, "cvssScore must be a number"),
            (#"{"vulnerabilities": [{"id": "SNYK-1", "identifiers": {"CVE": "x"}}]}"#, "identifiers must be an array"),
            ("true", "neither an object nor an array"),
        ] {
            let error = #expect(throws: InputError.self) { try SnykJSONReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
    }

    @Test func recognition() {
        #expect(recognizes(SnykJSONReader.self, #"{"vulnerabilities": [], "ok": true}"#))
        #expect(!recognizes(SnykJSONReader.self, #"{"vulnerabilities": [], "version": "15"}"#))
        #expect(!recognizes(SnykJSONReader.self, #"{"vulnerabilities": [{"id": "x", "ratings": []}]}"#))
        #expect(!recognizes(SnykJSONReader.self, #"{"vulnerabilities": {}}"#))
    }
}
