import Testing

@testable import GateKit

@Suite struct PipAuditReaderTests {
    @Test func oneFindingPerVulnerabilityWithoutSeverity() throws {
        // pip-audit: "Found 3 known vulnerabilities in 2 packages"; internal-lib was skipped.
        let findings = try scanFindings(path: fixture("pip-audit/dependencies.json"))
        #expect(try severityCounts(findings) == [0, 0, 0, 0, 3, 3])
        let requests = findings[0]
        #expect(requests.tool == "pip-audit" && requests.rule == "GHSA-9wx4-h78v-vm56")
        #expect(requests.aliases == ["CVE-2024-35195"] && requests.level == .note)
        #expect(
            requests.package
                == PackageReference(name: "requests", installed: "2.31.0", fixed: "2.32.0", ecosystem: "pypi"))
        #expect(requests.message.hasPrefix("When making requests through a Requests `Session`"))
        #expect(findings[2].message == "PYSEC-2024-39" && findings[2].package?.fixed == nil)
    }

    @Test func theLegacyListReadsTheSame() throws {
        let current = try scanFindings(path: fixture("pip-audit/dependencies.json"))
        let text = try String(contentsOfFile: fixture("pip-audit/dependencies.json"), encoding: .utf8)
        let list = String(text.drop { $0 != "[" }).replacingOccurrences(of: "],\n  \"fixes\": []\n}", with: "]")
        #expect(try recognisedFormat(list) == .pipAudit)
        #expect(try scanFindings(text: list) == current)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["pip-audit-json"]))
    func corpusCountsEqualPipAudits(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .pipAudit,
            sample: #"""
                {"dependencies": [{"name": "x", "vulns": [{"id": "PYSEC-1", "description": "café"}]},
                {"name": "y", "version": "2.0.1", "vulns": [{"id": "GHSA-1", "fix_versions": ["2.0.2"], "aliases": []}]}],
                "fixes": []}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"dependencies": [{"version": "1", "vulns": []}]}"#, "has no name"),
            (#"[{"name": "x", "vulns": [{"description": "d"}]}]"#, "has no id"),
            (#"[{"name": "x", "vulns": [{"id": "a", "fix_versions": "1"}]}]"#, "fix_versions must be an array"),
            ("3", "neither an object nor an array"),
        ] {
            let error = #expect(throws: InputError.self) { try PipAuditReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
    }

    @Test func recognition() {
        #expect(recognizes(PipAuditReader.self, #"{"dependencies": [], "fixes": []}"#))
        #expect(recognizes(PipAuditReader.self, #"[{"name": "x", "skip_reason": "not on PyPI"}]"#))
        #expect(!recognizes(PipAuditReader.self, #"{"dependencies": [{"ref": "x"}]}"#))
        #expect(!recognizes(PipAuditReader.self, #"{"dependencies": [], "other": 1}"#))
        #expect(!recognizes(PipAuditReader.self, #"["x"]"#))
    }
}
