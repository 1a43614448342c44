import Testing

@testable import GateKit

@Suite struct GrypeJSONReaderTests {
    private let findings: [Finding]

    init() throws { findings = try scanFindings(path: fixture("grype-json/image.json")) }

    @Test func oneFindingPerMatchTheWordWinningOverTheScore() throws {
        // grype's table: log4j-core Critical, libssl3 Low (CVSS 8.2), gnupg Negligible, tar Unknown; 1 ignored match.
        // "Unknown" says nothing, so tar's CVSS v2 vector (10.0) makes it critical.
        #expect(try severityCounts(findings) == [2, 0, 0, 2, 0, 4])
        #expect(findings.map(\.severity) == [.critical, .low, .low, .critical, .medium])
        #expect(findings[1].cvssScore == 8.2 && findings[1].level == .note)
        #expect(findings[3].cvssScore == 10)
        #expect(findings.last?.state == .suppressed)
        #expect(findings.dropLast().allSatisfy { $0.state == .open && $0.tool == "grype" })
    }

    @Test func aliasesPackageAndFix() {
        let log4j = findings[0]
        #expect(log4j.rule == "GHSA-jfh8-c2jp-5v3q" && log4j.aliases == ["CVE-2021-44228"])
        #expect(log4j.cvssScore == 10)  // the newest CVSS version's score
        #expect(
            log4j.package
                == PackageReference(name: "log4j-core", installed: "2.14.1", fixed: "2.15.0", ecosystem: "java-archive")
        )
        #expect(log4j.path == "/app/lib/log4j-core-2.14.1.jar")
        #expect(log4j.message == "Remote code injection in Log4j")
        #expect(findings[1].package?.fixed == nil)  // not-fixed: its versions are not a fix
        #expect(findings[1].message.hasSuffix("X.509 certificate chains."))
        #expect(findings[2].message == "CVE-2022-3219")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["grype-json"]))
    func corpusCountsEqualGrypes(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .grypeJSON,
            sample: #"""
                {"matches": [{"vulnerability": {"id": "CVE-2024-1", "severity": "High", "description": "café"},
                "artifact": {"name": "x", "version": "1"}}], "source": {}, "descriptor": {"name": "grype"}}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"matches": [{"artifact": {"name": "x"}}]}"#, "has no vulnerability id"),
            (
                #"{"matches": [{"vulnerability": {"id": "x", "cvss": [{"metrics": {"baseScore": -1}}]}}]}"#,
                "cvss.baseScore must be a CVSS score"
            ),
            (
                #"{"matches": [{"vulnerability": {"id": "x", "fix": {"versions": "1.0"}}}]}"#,
                "fix.versions must be an array"
            ),
        ] {
            let error = #expect(throws: InputError.self) { try GrypeJSONReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        #expect(throws: InputError.self) { try GrypeJSONReader.read(inputBuffer("[]")) }
    }

    @Test func recognition() {
        #expect(recognizes(GrypeJSONReader.self, #"{"matches": [], "source": {"type": "directory"}}"#))
        #expect(!recognizes(GrypeJSONReader.self, #"{"matches": [], "other": 1}"#))
        #expect(!recognizes(GrypeJSONReader.self, #"{"matches": [{"id": 1}]}"#))
        #expect(!recognizes(GrypeJSONReader.self, #"{"matches": 3}"#))
    }
}
