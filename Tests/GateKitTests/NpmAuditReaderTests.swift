import Testing

@testable import GateKit

@Suite struct NpmAuditReaderTests {
    @Test func npm7CountsVulnerablePackages() throws {
        // npm 10: "3 vulnerabilities (1 moderate, 2 high)"
        let findings = try scanFindings(path: fixture("npm-audit/npm10.json"))
        #expect(try severityCounts(findings) == [0, 2, 1, 0, 0, 3])
        let express = findings[0]
        #expect(express.rule == nil && express.message == "vulnerable through body-parser, path-to-regexp")
        #expect(express.package == PackageReference(name: "express", ecosystem: "npm"))
        #expect(express.path == "node_modules/express")
        let bodyParser = findings[1]
        #expect(bodyParser.rule == "GHSA-qwcr-r2fm-qrc7" && bodyParser.cvssScore == 7.5 && bodyParser.level == .error)
        #expect(bodyParser.package?.fixed == "express@4.21.1")
        let regexp = findings[2]
        #expect(regexp.rule == "GHSA-9wv6-86v2-598j" && regexp.aliases == ["GHSA-rhx6-c78j-4q9w"])
        #expect(regexp.severity == .medium && regexp.cvssScore == 3.7)  // the word wins; a 0 score is no score
        #expect(regexp.package?.fixed == "path-to-regexp@0.1.12")
        #expect(findings.allSatisfy { $0.tool == "npm" && $0.kind == .dependency })
    }

    @Test func npm6CountsAdvisoriesPerInstalledVersionNotPaths() throws {
        // npm 6: "found 4 vulnerabilities (1 low, 3 critical)" counts paths: lodash 4.17.15 by 2 paths, 4.17.19 by 1.
        let findings = try scanFindings(path: fixture("npm-audit/npm6.json"))
        #expect(try severityCounts(findings) == [2, 0, 0, 1, 0, 3])
        let lodash = findings[0]
        #expect(lodash.rule == "GHSA-jf85-cpcp-j695" && lodash.aliases == ["CVE-2019-10744"])
        #expect(
            lodash.package
                == PackageReference(name: "lodash", installed: "4.17.15", fixed: ">=4.17.21", ecosystem: "npm"))
        #expect(lodash.message == "Prototype Pollution in lodash (2 paths)" && lodash.path == "a>lodash")
        #expect(findings[1].package?.installed == "4.17.19" && findings[1].message == "Prototype Pollution in lodash")
        #expect(findings[2].rule == "1179" && findings[2].severity == .low)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["npm-audit-json"]))
    func corpusCountsEqualNpms(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    /// Disputed: npm 6's metadata counts 15 paths (7 low, 2 moderate, 6 high); the reader counts the 5 advisories
    /// (each at one installed version).
    @Test func npm6CorpusCountsAdvisoriesNotPaths() throws {
        guard let corpusDirectory else { return }
        let findings = try scanFindings(path: corpusDirectory + "/scan/npm-audit/defectdojo-npm-audit-v1-many.json")
        #expect(try severityCounts(findings) == [0, 3, 1, 1, 0, 5])
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .npmAudit,
            sample: #"""
                {"auditReportVersion": 2, "vulnerabilities": {"x": {"name": "x", "severity": "low", "via": [
                {"title": "café", "url": "https://github.com/advisories/GHSA-1"}]}}, "metadata": {}}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"auditReportVersion": 2, "vulnerabilities": {"x": {"severity": "low"}}}"#, "has no name"),
            (#"{"auditReportVersion": 2, "vulnerabilities": []}"#, "vulnerabilities must be an object"),
            (#"{"auditReportVersion": 2, "vulnerabilities": {"x": {"name": "x", "via": [1]}}}"#, "via: expected"),
            (#"{"advisories": {"1": {"id": 1, "severity": "low"}}}"#, "has no module_name"),
        ] {
            let error = #expect(throws: InputError.self) { try NpmAuditReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        #expect(throws: InputError.self) { try NpmAuditReader.read(inputBuffer("[]")) }
        let empty = try NpmAuditReader.read(inputBuffer(#"{"auditReportVersion": 2, "vulnerabilities": null}"#))
        #expect(empty == .findings(FindingsReport(findings: [])))
    }

    @Test func recognition() {
        #expect(recognizes(NpmAuditReader.self, #"{"advisories": {"1": {"module_name": "x"}}}"#))
        #expect(!recognizes(NpmAuditReader.self, #"{"actions": []}"#))
    }
}
