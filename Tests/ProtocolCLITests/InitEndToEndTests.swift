import Foundation
import Testing

/// `protocol init` on a sample project, then `protocol check` on the file it wrote.
@Suite struct InitEndToEndTests {
    static func fixture(_ path: String) throws -> String {
        try String(contentsOfFile: repositoryRoot + "/Tests/GateKitTests/Fixtures/" + path, encoding: .utf8)
    }

    static func sampleProject() throws -> String {
        let junit = #"<testsuite name="%@" tests="1"><testcase classname="shop" name="%@"/></testsuite>"#
        return try temporaryProject([
            "coverage/lcov.info": "SF:src/cart.js\nDA:1,1\nDA:2,1\nend_of_record\n",
            "build/test-results/test/TEST-cart.xml": String(format: junit, "cart", "adds"),
            "build/test-results/test/TEST-pay.xml": String(format: junit, "pay", "pays"),
            "reports/eslint.json": try fixture("eslint-json/report.json"),
            "security/scan-results.json": try fixture("trivy-json/image-config-secrets.json"),
            "node_modules/left-pad/coverage/lcov.info": "SF:index.js\nDA:1,0\nend_of_record\n",
            "src/cart.js": "export const add = (a, b) => a + b\n",
            "docs/adr/0001-record-architecture-decisions.md": "# 1. Record architecture decisions\n",
            "THREAT_MODEL.md": "# Threat model\n",
        ])
    }

    @Test func initWritesAGateFileThatCheckAccepts() throws {
        let root = try Self.sampleProject()
        let initialised = try runProtocol(["init"], in: root)
        #expect(initialised.status == 0, "\(initialised.error)")
        #expect(
            initialised.output == """
                Wrote gates/protocol.json5 (profile protocol): 5 reports found (coverage 1, tests 2, lint 1, scan 1).
                No report found for bench: those gates are commented out; generate the reports, then enable them.
                Next: protocol check

                """)
        let written = try String(contentsOfFile: root + "/gates/protocol.json5", encoding: .utf8)
        try expectGolden(written, "init-protocol.json5")

        let checked = try runProtocol(["check", "--no-log", "--format", "json"], in: root)
        #expect(checked.error == "")
        #expect(checked.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any]
        let gates = document?["gates"] as? [[String: Any]] ?? []
        #expect(
            gates.map { "\($0["id"] ?? "") \($0["status"] ?? "")" } == [
                "tests_pass pass", "coverage pass", "lint_clean fail", "code_review fail", "security fail",
                "design_docs pass",
            ])
        let reports = document?["reports"] as? [[String: Any]] ?? []
        #expect(
            reports.map { "\($0["path"] ?? "") \($0["format"] ?? "")" } == [
                "coverage/lcov.info lcov", "build/test-results/test/TEST-cart.xml junit",
                "build/test-results/test/TEST-pay.xml junit", "reports/eslint.json eslint-json",
                "security/scan-results.json trivy-json",
            ])

        let again = try runProtocol(["init"], in: root)
        #expect(again.status == 2)
        #expect(again.error.contains("gates/protocol.json5 already exists"))
    }

    @Test func checkWithAProfileEvaluatesWhatInitWouldWriteAndFailsClosedOnTheRest() throws {
        let root = try Self.sampleProject()
        let checked = try runProtocol(["check", "--profile", "protocol", "--no-log"], in: root)
        #expect(checked.status == 1)
        #expect(checked.output.hasPrefix("protocol check: 7 gates from --profile protocol\n"))
        let json = try runProtocol(["check", "--profile", "protocol", "--no-log", "--format", "json"], in: root)
        #expect(
            json.output.contains(
                "no bench report found under the root (known names such as k6-summary.json, summary.json, "
                    + "*.jtl, statistics.json, *_stats.csv; 5 files sniffed by content); generate one, e.g. "
                    + "k6 run --summary-export=k6-summary.json script.js"))
    }
}
