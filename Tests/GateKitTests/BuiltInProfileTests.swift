import Foundation
import Testing

@testable import GateKit

/// Each gate's id and status in `check --format json` output.
func gateStatuses(_ json: String) throws -> [String: String] {
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let gates = document?["gates"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: gates.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
}

/// A project with a report of every category the profiles read.
func projectWithEveryReport() throws -> String {
    try temporaryProject([
        "coverage/lcov.info": "SF:src/a.js\nDA:1,1\nDA:2,1\nend_of_record\n",
        "junit.xml": junitText,
        "reports/lint.sarif": lintSARIFText,
        "reports/trivy.json":
            #"{"SchemaVersion": 2, "ArtifactName": ".", "ArtifactType": "filesystem", "Results": []}"#,
        "load/summary.json": try String(
            contentsOfFile: fixture("k6-summary-export/thresholds.json"), encoding: .utf8),
        "src/a.js": "let a = 1\nlet b = 2\n",
    ])
}

@Suite struct BuiltInProfileTests {
    @Test(arguments: BuiltInProfile.allCases)
    func everyGateParsesAndReadsTheCategoryItDeclares(_ profile: BuiltInProfile) throws {
        let reports = #"reports: {coverage: "c", tests: "t", lint: "l", scan: "s", bench: "b"}"#
        for entry in profile.entries {
            let text = "{protocol: 1, \(reports), gates: [\n\(entry.json5)\n]}"
            let file = try GateFileParser.parse(Array(text.utf8), file: "entry")
            #expect(file.gates.count == 1)
            #expect(file.gates.first?.categories == Set([entry.reads].compactMap { $0 }), "\(entry.json5)")
        }
    }

    @Test func bothProfilesEvaluateAgainstTheReportsFound() throws {
        let root = try projectWithEveryReport()
        let standards = run(["check", "--profile", "standards", "--no-log", "--format", "json"], in: root)
        #expect(standards.error == "")
        #expect(
            try gateStatuses(standards.output) == [
                "tests_pass": "pass", "coverage": "pass", "lint_clean": "pass", "type_check": "pass",
                "security_scan": "pass", "performance": "fail",
            ])
        #expect(standards.status == 1)
        let production = run(["check", "--profile", "protocol", "--no-log", "--format", "json"], in: root)
        #expect(
            try gateStatuses(production.output) == [
                "tests_pass": "pass", "coverage": "pass", "lint_clean": "pass", "code_review": "fail",
                "security": "pass", "performance": "fail", "design_docs": "fail",
            ])
        #expect(production.output.contains(#""file": "--profile protocol""#))
        #expect(ProfileGateFile.discover(.protocol, root: root).missing.isEmpty)
    }

    @Test func aCategoryWithoutReportsFailsClosedSayingWhatWasLookedFor() throws {
        let root = try temporaryProject(["coverage/lcov.info": "SF:a.js\nDA:1,1\nend_of_record\n"])
        let result = run(["check", "--profile", "standards", "--no-log", "--format", "json"], in: root)
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "no tests report found under the root (known names such as junit.xml, "
                    + "build/test-results/**/*.xml, target/surefire-reports/*.xml, *.trx; 1 files sniffed by "
                    + "content); generate one, e.g. pytest --junitxml=junit.xml"))
        #expect(ProfileGateFile.discover(.standards, root: root).missing == [.tests, .lint, .scan, .bench])
    }

    @Test func theProfileReplacesGateFilesButNotTogetherWithGates() throws {
        let root = try temporaryProject([
            "gates/broken.json5": "{ protocol: 1, gates: [ { id: 'x' ",
            "coverage/lcov.info": "SF:a.js\nDA:1,1\nend_of_record\n",
        ])
        let replaced = run(["check", "--profile", "standards", "--no-log", "--format", "json"], in: root)
        #expect(try gateStatuses(replaced.output)["coverage"] == "pass")
        let both = run(["check", "--profile", "standards", "--gates", "gates/broken.json5"], in: root)
        #expect(both.status == 2)
        #expect(both.error == "error: --profile replaces the gate files; it cannot be used with --gates\n")
        let unknown = run(["check", "--profile", "strict"], in: root)
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("error: --profile is one of protocol, standards, not 'strict'"))
    }

    @Test func codeReviewIsAttestedAndTheCheckRecordsTheProfileDigest() throws {
        let root = try projectWithEveryReport()
        let attest = run(["attest", "code_review", "--by", "alice", "--profile", "protocol"], in: root)
        #expect(attest.status == 0, "\(attest.error)")
        let check = run(["check", "--profile", "protocol", "--format", "json"], in: root)
        #expect(try gateStatuses(check.output)["code_review"] == "pass")
        let log = try String(contentsOfFile: root + "/.protocol/log.jsonl", encoding: .utf8)
        let text = ProfileGateFile.discover(.protocol, root: root).text(starter: false)
        #expect(log.contains(#"{"path":"--profile protocol","sha256":"\#(SHA256.digest(text).hex)"}"#))
    }

    @Test func severalFilesOfOneFormatInOneFolderBecomeAGlobOnlyWhenItMatchesExactlyThem() throws {
        let root = try temporaryProject([
            "results/a.xml": junitText, "results/b.xml": junitText,
            "mixed/a.xml": junitText, "mixed/b.xml": junitText, "mixed/pom.xml": "<project/>",
            "odd/x[1].xml": junitText,
        ])
        let file = ProfileGateFile.discover(.standards, root: root)
        let tests = file.discovery.reports.filter { $0.category == .tests }
        #expect(
            file.reportLines(tests).map(\.pattern) == [
                "mixed/a.xml", "mixed/b.xml", #"odd/x\[1\].xml"#, "results/*.xml",
            ])
        #expect(file.reportLines(tests).last?.comment == "2 files: JUnit XML (junit); recognised by content")
        #expect(try FileFinder.find(Glob(#"odd/x\[1\].xml"#), under: root) == ["odd/x[1].xml"])
    }
}
