import Testing

@testable import GateKit

@Suite struct YarnAuditReaderTests {
    @Test func classicCountsAdvisoriesPerInstalledVersion() throws {
        // yarn audit: "4 vulnerabilities found - Packages audited: 412; Severity: 1 Moderate | 3 Critical" counts one
        // per resolved path; two paths reach lodash 4.17.15, so that advisory counts once here.
        let findings = try scanFindings(path: fixture("yarn-audit/yarn1.ndjson"))
        #expect(findings.count == 3)
        #expect(try severityCounts(findings) == [2, 0, 1, 0, 0, 3])
        #expect(findings.map(\.package?.installed) == ["4.17.15", "4.17.19", "0.0.8"])
        #expect(findings.map(\.path) == ["webpack>lodash", "babel>lodash", "mkdirp>minimist"])
        let lodash = findings[0]
        #expect(lodash.tool == "yarn" && lodash.rule == "GHSA-jf85-cpcp-j695" && lodash.aliases == ["CVE-2019-10744"])
        #expect(lodash.message == "Prototype Pollution in lodash" && lodash.package?.fixed == ">=4.17.21")
        #expect(findings[2].rule == "1179" && findings[2].severity == .medium)
    }

    @Test func berryDeprecationsDoNotCount() throws {
        // yarn npm audit: semver (moderate), ws (high); the request deprecation notice is not a vulnerability.
        let findings = try scanFindings(path: fixture("yarn-audit/berry.ndjson"))
        #expect(try severityCounts(findings) == [0, 1, 1, 0, 0, 2])
        #expect(findings.map(\.state) == [.open, .informational, .open])
        let semver = findings[0]
        #expect(semver.rule == "GHSA-c2qf-rxjj-qqgw")
        #expect(semver.package == PackageReference(name: "semver", installed: "7.3.8, 7.5.1", ecosystem: "npm"))
        #expect(semver.message == "semver vulnerable to Regular Expression Denial of Service")
        #expect(findings[1].rule == "request (deprecation)")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["yarn-audit-json"]))
    func corpusCountsEqualYarns(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func berryCorpusCountsTheAdvisoryNotTheDeprecations() throws {
        guard let corpusDirectory else { return }
        let found = try scanFindings(path: corpusDirectory + "/scan/yarn-audit/defectdojo-yarn-berry-npm-audit.ndjson")
        #expect(found.count == 4)
        #expect(try severityCounts(found) == [0, 0, 0, 1, 0, 1])
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .yarnAudit,
            sample: #"""
                {"type":"auditAdvisory","data":{"resolution":{"path":"a"},"advisory":{"module_name":"a","title":"café","severity":"low","findings":[{"version":"1","paths":["a"]}]}}}
                {"type":"auditSummary","data":{"vulnerabilities":{"low":1}}}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            ("[1]", "expected a JSON object"),
            (#"{"type":"auditAdvisory","data":{"advisory":{"severity":"low"}}}"#, "has no module_name"),
            (
                #"{"type":"auditAdvisory","data":{"advisory":{"module_name":"a","findings":{}}}}"#,
                "findings must be an array"
            ),
            ("{\"value\":\"a\",\"children\":{\"ID\":1}}\n{\"value\": }", "expected a JSON value"),
        ] {
            let error = #expect(throws: InputError.self) { try YarnAuditReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        let unresolved = try scanFindings(
            text: #"{"type":"auditAdvisory","data":{"advisory":{"module_name":"a","findings":[]}}}"#)
        #expect(unresolved.map(\.package?.installed) == [nil] && unresolved[0].path == nil)
    }

    @Test func recognition() {
        #expect(recognizes(YarnAuditReader.self, "{\"type\":\"info\",\"data\":\"x\"}\n{\"type\":\"auditSummary\"}"))
        #expect(!recognizes(YarnAuditReader.self, #"{"type":"info","data":"x"}"#))
        #expect(!recognizes(YarnAuditReader.self, #"{"value":"a","children":{"Other":1}}"#))
        #expect(!recognizes(YarnAuditReader.self, #"{"type":1}"#))
    }
}
