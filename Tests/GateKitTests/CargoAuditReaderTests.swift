import Testing

@testable import GateKit

@Suite struct CargoAuditReaderTests {
    @Test func vulnerabilitiesCountWarningsAreInformational() throws {
        // cargo audit: "error: 2 vulnerabilities found!", "warning: 2 allowed warnings found"
        let findings = try scanFindings(path: fixture("cargo-audit/report.json"))
        #expect(findings.map(\.state) == [.open, .open, .informational, .informational])
        #expect(try severityCounts(findings) == [0, 1, 0, 0, 1, 2])
        let h2 = findings[0]
        #expect(h2.tool == "cargo-audit" && h2.rule == "RUSTSEC-2024-0332" && h2.aliases == ["GHSA-q6cp-qfwq-4gcv"])
        #expect(h2.cvssScore == 7.5 && h2.level == .error)  // computed from the advisory's vector
        #expect(
            h2.package
                == PackageReference(name: "h2", installed: "0.3.24", fixed: "^0.3.26, >=0.4.4", ecosystem: "crates.io"))
        #expect(h2.message == "Degradation of service in h2 servers with CONTINUATION Flood")
        #expect(findings[1].severity == .unknown && findings[1].package?.fixed == nil)
        #expect(findings[2].rule == "RUSTSEC-2021-0139" && findings[2].message == "ansi_term is Unmaintained")
        #expect(findings[3].rule == "yanked" && findings[3].message == "futures-util is yanked")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["cargo-audit-json"]))
    func corpusCountsEqualCargoAudits(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .cargoAudit,
            sample: #"""
                {"database": {"advisory-count": 1}, "vulnerabilities": {"found": true, "count": 1, "list": [
                {"advisory": {"id": "RUSTSEC-1", "title": "café"}, "package": {"name": "x", "version": "1"}}]}}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"vulnerabilities": {"list": [{"advisory": {"id": "R"}}]}}"#, "has no advisory id or package"),
            (#"{"vulnerabilities": {"list": [{"advisory": {"aliases": 1}}]}}"#, "advisory.aliases must be an array"),
            (#"{"warnings": {"yanked": {}}}"#, "warnings.yanked must be an array"),
        ] {
            let error = #expect(throws: InputError.self) { try CargoAuditReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        #expect(throws: InputError.self) { try CargoAuditReader.read(inputBuffer("[]")) }
    }

    @Test func recognition() {
        #expect(recognizes(CargoAuditReader.self, #"{"database": {"last-commit": "a"}}"#))
        #expect(!recognizes(CargoAuditReader.self, #"{"database": {"host": "a"}}"#))
    }
}
