import Testing

@testable import GateKit

@Suite struct GitleaksReaderTests {
    @Test func v8LeaksAreHighSecretsWithoutTheSecret() throws {
        // gitleaks detect: "leaks found: 3".
        let found = try ScannerJSONTest.findings(fixture("gitleaks/v8.json"), .gitleaks)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error high aws-access-token deploy/settings.py:12:17 open Identified a pattern that may indicate AWS "
                    + "credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.",
                "error high aws-access-token deploy/settings.py:12:17 open Identified a pattern that may indicate AWS "
                    + "credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.",
                "error high private-key certs/déploiement.pem:1:1 open Identified a Private Key, which may "
                    + "compromise cryptographic security and sensitive data encryption.",
            ])
        #expect(found.allSatisfy { $0.tool == "gitleaks" && $0.kind == .secret })
        #expect(
            found.map(\.fingerprint) == [
                "0f3c9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b:deploy/settings.py:aws-access-token:12",
                "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b:deploy/settings.py:aws-access-token:12",
                "certs/déploiement.pem:private-key:1",
            ])
        #expect(!found.contains { $0.message.contains("AKIA") || $0.message.contains("BEGIN RSA") })
    }

    @Test func v7LeaksGetTheFingerprintGitleaksV8WouldWrite() throws {
        let found = try ScannerJSONTest.read(
            #"[{"line":"key = \"AKIAZZZZZZZZZZZZZZZZ\"","lineNumber":3,"offender":"AKIAZZZZZZZZZZZZZZZZ","#
                + #""commit":"6d12798","repo":".","rule":"AWS Access Key","commitMessage":"m","author":"a","#
                + #""email":"e","file":"keys.txt","date":"2021-07-15T22:00:32+07:00","tags":"key, AWS"}]"#, .gitleaks)
        #expect(ScannerJSONTest.summary(found) == ["error high AWS Access Key keys.txt:3:0 open AWS Access Key"])
        #expect(found.first?.fingerprint == "6d12798:keys.txt:AWS Access Key:3")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["gitleaks-json"]))
    func corpusFindingsEqualGitleaksLeaks(_ entry: CorpusExpectation) throws {
        let (format, found) = try ScannerJSONTest.load(entry.absolutePath, category: .scan)
        #expect(format == .gitleaks)
        #expect(Double(found.count) == entry.expected("vulns.total")?.value)
        #expect(Set(found.compactMap(\.fingerprint)).count == found.count, "every leak has its own fingerprint")
        #expect(found.allSatisfy { $0.severity == .high })
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .gitleaks,
            sample: #"[{"RuleID":"generic-api-key","StartLine":2,"StartColumn":5,"Match":"k = abc","Secret":"abc","#
                + #""Description":"Detected a Generic API Key, potentially exposing access to various services","#
                + #""File":"café.py","Commit":"","Fingerprint":"café.py:generic-api-key:2"}]"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedLeaks() {
        let cases = [
            (#"[{"Description":"d","StartLine":1}]"#, "no RuleID nor rule"),
            (#"[{"RuleID":"r","StartLine":"one"}]"#, "StartLine must be a whole number"),
            (#"{"RuleID":"r"}"#, "not an array"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .gitleaks) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
