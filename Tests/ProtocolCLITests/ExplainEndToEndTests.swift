import Foundation
import Testing

/// `protocol explain GATE` in one frame for every kind of gate, each golden built from the small project below:
/// coverage from two LCOV files (one file in both, one excluded), tests from two JUnit files, lint from two build
/// logs with a duplicate and two waivers (one expired), a Trivy scan with a waiver, a JMeter run with a label
/// selector and min_samples, Prometheus metrics, an attestation and documents.
@Suite struct ExplainEndToEndTests {
    static let files: [String: String] = [
        "gates/g.json5": #"""
        {
          protocol: 1,
          name: "explain demo",
          reports: {
            coverage: { paths: "cov/*.info", strip: ["/ci/app/"], exclude: ["gen/**"] },
            tests: "test-results/*.xml",
            lint: { paths: "lint/*.log", waivers: "waivers/lint.json5" },
            scan: { paths: "scan/trivy.json", waivers: "waivers/scan.json5" },
            bench: { paths: "bench/results.jtl", min_samples: 3 },
            metrics: "metrics/app.prom",
          },
          gates: [
            { id: "coverage", require: 'coverage.lines{path="src/**"} >= 80%', description: "the product code" },
            { id: "tests", require: ["tests.failed == 0", "tests.pass_rate >= 90%"] },
            { id: "lint", require: "lint.warnings == 0" },
            { id: "scan", require: ["vulns.critical == 0", "vulns.high == 0"], phase: "deployment" },
            { id: "latency", require: 'latency.p95{label~"^GET "} < 150ms' },
            { id: "memory", require: "metrics.process_resident_memory_bytes < 100MB", level: "warn" },
            { id: "review", attest: "a peer reviewed the change" },
            { id: "docs", documents: ["docs/adr/*.md", { path: "docs/threat-model.md", sections: ["Spoofing", "Tampering"] }] },
          ],
        }
        """#,
        "waivers/lint.json5": """
        { waivers: [
          { rule: "-Wdeprecated-declarations", reason: "replaced in the next release", expires: "2099-12-31",
            approved_by: "lead" },
          { rule: "-Wunused-parameter", reason: "callback signature", expires: "2020-01-31" },
        ] }
        """,
        "waivers/scan.json5": """
        { waivers: [
          { id: "CVE-2024-0002", package: "libfoo", reason: "not reachable: we never parse untrusted input",
            expires: "2099-06-30" },
        ] }
        """,
        "cov/unit.info": "SF:/ci/app/src/a.c\nDA:1,1\nDA:2,0\nDA:3,0\nDA:4,1\nend_of_record\n"
            + "SF:/ci/app/gen/parser.c\nDA:1,0\nend_of_record\n",
        "cov/integration.info": "SF:/ci/app/src/a.c\nDA:2,1\nend_of_record\n"
            + "SF:/ci/app/src/b.c\nDA:1,1\nDA:2,0\nDA:7,0\nDA:8,0\nend_of_record\n",
        "src/a.c": "", "src/b.c": "", "gen/parser.c": "",
        "test-results/unit.xml": #"""
        <testsuite name="Unit"><testcase classname="Unit" name="adds"/><testcase classname="Unit" name="rounds">\#
        <failure message="expected 0.3, got 0.30000000000000004"/></testcase></testsuite>
        """#,
        "test-results/ui.xml": #"""
        <testsuite name="UI"><testcase classname="UI" name="login"/><testcase classname="UI" name="logout">\#
        <error message="timeout after 30 s"/></testcase><testcase classname="UI" name="search"><skipped/>\#
        </testcase></testsuite>
        """#,
        "lint/clang.log": """
        src/a.c:3:5: warning: unused variable 'x' [-Wunused-variable]
        src/a.c:9:1: warning: 'gets' is deprecated [-Wdeprecated-declarations]
        src/b.c:2:14: warning: unused parameter 'ctx' [-Wunused-parameter]

        """,
        "lint/gcc.log": """
        src/a.c:3:5: warning: unused variable 'x' [-Wunused-variable]
        src/b.c:4:1: error: control reaches end of non-void function [-Werror=return-type]

        """,
        "scan/trivy.json": """
        {"SchemaVersion": 2, "ArtifactName": "app:1.0", "Results": [{"Target": "app.lock", "Type": "cargo",
         "Vulnerabilities": [
          {"VulnerabilityID": "CVE-2024-0001", "PkgName": "libbar", "InstalledVersion": "1.2.0",
           "FixedVersion": "1.2.1", "Severity": "CRITICAL", "Title": "heap overflow in decode"},
          {"VulnerabilityID": "CVE-2024-0002", "PkgName": "libfoo", "InstalledVersion": "0.9.0", "Severity": "HIGH",
           "Title": "parser denial of service"},
          {"VulnerabilityID": "CVE-2024-0003", "PkgName": "libbaz", "InstalledVersion": "2.0.0",
           "FixedVersion": "2.0.4", "Severity": "MEDIUM", "Title": "timing leak"}]}]}
        """,
        "bench/results.jtl": """
        timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes
        1700000000000,100,GET /users,200,OK,T1,text,true,,10
        1700000000100,120,GET /users,200,OK,T1,text,true,,10
        1700000000200,300,GET /users,200,OK,T1,text,true,,10
        1700000000300,110,GET /users,200,OK,T1,text,true,,10
        1700000000400,40,GET /health,200,OK,T1,text,true,,10
        1700000000500,60,GET /health,200,OK,T1,text,true,,10
        1700000000600,900,POST /orders,500,Error,T1,text,false,,10

        """,
        "metrics/app.prom": """
        # TYPE process_resident_memory_bytes gauge
        process_resident_memory_bytes{instance="api-1"} 82000000
        process_resident_memory_bytes{instance="api-2"} 131000000
        process_resident_memory_bytes{instance="worker"} 64000000

        """,
        "docs/adr/001-language.md": "# ADR 1\n\nUse Swift.\n",
        "docs/threat-model.md": "# Threat model\n\n## Spoofing\n\nSigned tokens.\n",
    ]

    @Test(arguments: [
        ("coverage", 1), ("tests", 1), ("lint", 1), ("scan", 1), ("latency", 1), ("memory", 0), ("docs", 1),
    ])
    func everyCategoryInOneFrame(_ gate: String, _ status: Int32) throws {
        let root = try temporaryProject(Self.files)
        let result = try runProtocol(["explain", gate], in: root)
        #expect(result.status == status, "\(result.error)")
        try expectGolden(result.output, "explain-\(gate).txt")
    }

    @Test func anAttestationShowsWhoAttestedAndWhen() throws {
        let root = try temporaryProject(Self.files)
        let attest = try runProtocol(["attest", "review", "--by", "alice", "--note", "PR #42"], in: root)
        #expect(attest.status == 0, "\(attest.error)")
        let result = try runProtocol(["explain", "review"], in: root)
        #expect(result.status == 0, "\(result.error)")
        let time = try Regex(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#)
        try expectGolden(result.output.replacing(time, with: "<TIME>"), "explain-review.txt")
    }

    @Test func jsonHoldsTheSameFrame() throws {
        let root = try temporaryProject(Self.files)
        let result = try runProtocol(["explain", "lint", "--format", "json"], in: root)
        #expect(result.status == 1, "\(result.error)")
        try expectGolden(result.output, "explain-lint.json")
    }

    @Test func aGateWhoseReportIsMissingIsExplainedNotCrashed() throws {
        var files = Self.files
        files["cov/unit.info"] = nil
        files["cov/integration.info"] = nil
        let root = try temporaryProject(files)
        let result = try runProtocol(["explain", "coverage"], in: root)
        #expect(result.status == 1)
        #expect(result.output.contains("  sources   problem (coverage, fails closed): no coverage report matched"))
        #expect(result.output.contains("  value     no value (>= 80%): no coverage report matched 'cov/*.info'"))
    }
}
