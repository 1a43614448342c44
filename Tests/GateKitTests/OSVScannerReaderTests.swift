import Testing

@testable import GateKit

@Suite struct OSVScannerReaderTests {
    private let findings: [Finding]

    init() throws { findings = try scanFindings(path: fixture("osv-scanner/lockfile.json")) }

    @Test func oneFindingPerGroup() throws {
        // osv-scanner's table: 4 rows — jinja2 GHSA-h5c8-rqwp-cp95 + PYSEC-2024-39 (one group), jinja2
        // GHSA-q2x7-8rv6-6q7h, left-pad-café MAL-2024-1, oldtool PYSEC-2020-1 (written without groups).
        #expect(findings.map(\.rule) == ["GHSA-h5c8-rqwp-cp95", "GHSA-q2x7-8rv6-6q7h", "MAL-2024-1", "PYSEC-2020-1"])
        #expect(try severityCounts(findings) == [0, 1, 1, 1, 1, 4])
        #expect(findings.allSatisfy { $0.tool == "osv-scanner" && $0.path == "/src/app/requirements.txt" })
    }

    @Test func severityFromTheWordThenTheVectorThenMaxSeverity() {
        let moderate = findings[0]
        #expect(moderate.severity == .medium && moderate.cvssScore == 4.3)  // MODERATE wins; score from the vector
        #expect(moderate.aliases == ["PYSEC-2024-39", "CVE-2024-22195"])
        #expect(
            moderate.package == PackageReference(name: "jinja2", installed: "3.1.2", fixed: "3.1.3", ecosystem: "PyPI"))
        #expect(
            moderate.message
                == "Jinja vulnerable to HTML attribute injection when passing user input as keys to xmlattr filter")
        #expect(findings[1].severity == .high && findings[1].cvssScore == 8.1 && findings[1].package?.fixed == "3.1.5")
        #expect(findings[2].severity == .unknown && findings[2].cvssScore == nil)
        #expect(findings[3].severity == .low && findings[3].aliases == ["CVE-2020-1"])
    }

    @Test func maxSeverityWhenTheEntriesHaveNone() throws {
        let found = try scanFindings(
            text: #"{"results": [{"source": {"path": "go.mod"}, "packages": [{"package": {"name": "x"},"#
                + #" "vulnerabilities": [{"id": "GO-1"}], "groups": [{"ids": ["GO-1"], "max_severity": "9.8"}]}]}]}"#)
        #expect(found.map(\.severity) == [.critical] && found.first?.cvssScore == 9.8)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["osv-scanner-json"]))
    func corpusCountsEqualOSVScanners(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .osvScanner,
            sample: #"""
                {"results": [{"source": {"path": "café/go.mod"}, "packages": [{"package": {"name": "x"},
                "vulnerabilities": [{"id": "GO-1"}], "groups": [{"ids": ["GO-1"]}]}]}]}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (#"{"results": [{"packages": [{"vulnerabilities": [{"summary": "s"}]}]}]}"#, "has no id"),
            (
                #"{"results": [{"packages": [{"groups": [{"max_severity": "high"}]}]}]}"#,
                "max_severity must be a number"
            ),
            (
                #"{"results": [{"packages": [{"vulnerabilities": [{"id": "a", "severity": [{"score": []}]}]}]}]}"#,
                "a score must be a string"
            ),
        ] {
            let error = #expect(throws: InputError.self) { try OSVScannerReader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        #expect(throws: InputError.self) { try OSVScannerReader.read(inputBuffer("[]")) }
    }

    @Test func recognition() {
        #expect(recognizes(OSVScannerReader.self, #"{"results": [], "experimental_config": {}}"#))
        #expect(!recognizes(OSVScannerReader.self, #"{"results": [{"check_id": "x"}]}"#))
        #expect(!recognizes(OSVScannerReader.self, #"{"results": [], "errors": []}"#))
        #expect(!recognizes(OSVScannerReader.self, #"{"results": 1}"#))
    }
}
