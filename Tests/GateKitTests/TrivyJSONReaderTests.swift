import Testing

@testable import GateKit

@Suite struct TrivyJSONReaderTests {
    private let findings: [Finding]

    init() throws { findings = try scanFindings(path: fixture("trivy-json/image-config-secrets.json")) }

    @Test func countsEqualTrivysTable() throws {
        // Trivy's table: alpine "Total: 3 (UNKNOWN: 1, LOW: 1, HIGH: 1)", package-lock.json "Total: 1 (CRITICAL: 1)",
        // Dockerfile "Failures: 1 (HIGH: 1)", settings.py secrets "Total: 1 (CRITICAL: 1)". The UNKNOWN one has a
        // CVSS vector (5.3): by the severity rule, the score gives medium.
        #expect(try severityCounts(findings) == [2, 2, 1, 1, 0, 6])
        #expect(findings.map(\.state) == [.open, .open, .open, .open, .open, .informational, .suppressed, .open])
    }

    @Test func vulnerabilitiesCarryPackageScoreAndTarget() throws {
        let first = findings[0]
        #expect(first.tool == "trivy")
        #expect(first.rule == "CVE-2023-5363")
        #expect(first.severity == .high && first.level == .error)
        #expect(first.cvssScore == 7.5)  // NVD's score, not Red Hat's
        #expect(first.kind == .dependency)
        #expect(
            first.package
                == PackageReference(name: "libcrypto3", installed: "3.1.3-r0", fixed: "3.1.4-r0", ecosystem: "alpine"))
        #expect(first.path == "registry.example.com/shop/api:1.4.2 (alpine 3.18.4)")
        #expect(first.message == "openssl: Incorrect cipher key and IV length processing")
        #expect(findings[1].cvssScore == 5.3 && findings[1].severity == .medium)  // computed from the vector
        #expect(findings[2].package?.fixed == nil && findings[2].cvssScore == nil && findings[2].level == .note)
        let npm = findings[3]
        #expect(npm.aliases == ["CVE-2024-4068"])
        #expect(npm.path == "app/node_modules/braces/package.json")
        #expect(npm.package?.ecosystem == "npm")
    }

    @Test func misconfigurationsAndSecrets() {
        let failed = findings[4]
        #expect(failed.kind == .config && failed.rule == "DS002" && failed.aliases == ["AVD-DS-0002"])
        #expect(failed.path == "Dockerfile" && failed.line == 12 && failed.package == nil)
        #expect(failed.message == "Specify at least 1 USER command in Dockerfile with non-root user as argument")
        let secret = findings[7]
        #expect(secret.kind == .secret && secret.rule == "github-pat" && secret.severity == .critical)
        #expect(secret.path == "config/settings.py" && secret.line == 4)
        #expect(secret.message == "GitHub Personal Access Token")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["trivy-json"]))
    func corpusCountsEqualTrivysTable(_ entry: CorpusExpectation) throws {
        try expectCorpusChecks(entry)
    }

    /// Disputed: a secrets-only scan counts its secrets (Trivy's table lists them with their severities).
    @Test func theSecretsOfASecretScanCount() throws {
        guard let corpusDirectory else { return }
        let found = try scanFindings(path: corpusDirectory + "/scan/trivy-json/trivy-secrets.json")
        #expect(try severityCounts(found) == [1, 1, 0, 0, 0, 2])
        #expect(found.allSatisfy { $0.kind == .secret })
        #expect(try vulns("vulns.total", found.filter { $0.kind != .secret }) == 0)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .trivyJSON,
            sample: #"""
                {"SchemaVersion": 2, "ArtifactName": "café", "Results": [{"Target": "go.sum", "Type": "gomod",
                "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-1", "PkgName": "x", "Severity": "LOW"}]}]}
                """#,
            truncated: "unexpected end of input"
        ).check()
        for (text, message) in [
            (
                #"{"SchemaVersion": 2, "ArtifactName": "a", "Results": [{"Vulnerabilities": [{"PkgName": "x"}]}]}"#,
                "has no VulnerabilityID"
            ),
            (#"{"SchemaVersion": 2, "ArtifactName": "a", "Results": {"Target": "x"}}"#, "Results must be an array"),
            (
                #"{"SchemaVersion": 2, "ArtifactName": "a", "Results": [{"Secrets": [{"StartLine": 1e99}]}]}"#,
                "StartLine must be a whole number"
            ),
            (
                #"{"SchemaVersion": 2, "ArtifactName": "a", "Results": [{"Vulnerabilities": [{"CVSS": {"nvd": {"V3Score": 99}}}]}]}"#,
                "CVSS.V3Score must be a CVSS score"
            ),
        ] {
            let error = #expect(throws: ReportLoadError.self) {
                try ReportLoader.load(path: try temporaryFile(text), format: .trivyJSON, category: .scan)
            }
            #expect(error?.reason.contains(message) == true, "\(error?.reason ?? "")")
        }
        let notObject = #expect(throws: InputError.self) { try TrivyJSONReader.read(inputBuffer("[]")) }
        #expect(notObject?.message.contains("not an object") == true)
    }

    @Test func recognition() throws {
        #expect(
            try recognisedFormat(#"{"SchemaVersion": 2, "Trivy": {"Version": "0.50.1"}, "ArtifactName": "x"}"#)
                == .trivyJSON)
        #expect(!recognizes(TrivyJSONReader.self, #"{"SchemaVersion": 2, "Other": 1}"#))
    }
}
