import Foundation
import Testing

/// The machine and CI outputs of `protocol check`: JUnit, Markdown, Code Climate, `--output`, GitHub Actions.
@Suite struct OutputEndToEndTests {
    @Test(arguments: [
        ("junit", "demo-check.junit.xml"), ("markdown", "demo-check.md"),
        ("codeclimate", "demo-check.codeclimate.json"),
    ])
    func theDemoProjectInEveryFormat(_ format: String, _ golden: String) throws {
        let result = try runProtocol(["check", "--root", "Tests/Demo", "--no-log", "--format", format])
        #expect(result.status == 0, "\(result.error)")
        try expectGolden(result.output, golden)
    }

    @Test func aFailingLintGateInGitHubActionsAnnotatesEachFindingAndWritesTheJobSummary() throws {
        let root = try temporaryProject([
            "gates/g.json5": #"""
            {protocol: 1, reports: {lint: "build.log", coverage: "lcov.info"},
             gates: [{id: "lint", require: "lint.warnings == 0"},
                     {id: "cov", require: "coverage.lines >= 90%", level: "warn"}]}
            """#,
            "build.log": """
            src/a.c:3:5: warning: unused variable 'x' [-Wunused-variable]
            src/b.c:10:1: warning: control reaches end of non-void function [-Wreturn-type]

            """,
            "lcov.info": "SF:src/a.c\nDA:1,1\nDA:2,0\nend_of_record\n",
            "src/a.c": "int a;\n", "src/b.c": "int b;\n",
        ])
        let summary = root + "/step-summary.md"
        let environment = ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary]
        let result = try runProtocol(["check", "--no-log"], in: root, environment: environment)
        #expect(result.status == 1)
        let annotations = result.output.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(
            annotations == [
                "::error title=protocol gate lint::lint.warnings == 0: 2 (2 too many)",
                "::error file=src/a.c,line=3,col=5,title=protocol gate lint%3A compiler [-Wunused-variable]::unused variable 'x'",
                "::error file=src/b.c,line=10,col=1,title=protocol gate lint%3A compiler [-Wreturn-type]::control reaches end of non-void function",
                "::warning title=protocol gate cov::coverage.lines >= 90%25: 50.00%25 (short by 40.00 points)",
            ])
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("## protocol check: failed\n"))
        #expect(written.contains("| lint | ❌ fail | `lint.warnings == 0` | 2 | `== 0` | 2 too many |"))
        // A second step appends its own summary, as GitHub expects of every step.
        _ = try runProtocol(["check", "--no-log"], in: root, environment: environment)
        let twice = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(twice.components(separatedBy: "## protocol check: failed").count == 3)
    }

    @Test func outsideGitHubActionsThereAreNoAnnotations() throws {
        let result = try runProtocol(
            ["check", "--root", "Tests/Demo", "--no-log"], environment: ["GITHUB_ACTIONS": "false"])
        #expect(!result.output.contains("::"))
    }

    @Test func severalOutputsInOneRunBesideTheTerminalTable() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {coverage: "lcov.info"}, gates: [{id: "c", require: "coverage.lines >= 95%"}]}"#,
            "lcov.info": "SF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n",
        ])
        let result = try runProtocol(
            ["check", "--no-log", "--output", "junit:reports/gates.xml", "--output", "markdown:summary.md"], in: root)
        #expect(result.status == 1)
        #expect(result.output.contains("FAIL: 1 of 1 gate failed"))
        let junit = try String(contentsOfFile: root + "/reports/gates.xml", encoding: .utf8)
        #expect(
            junit.contains(#"<failure type="gate" message="coverage.lines &gt;= 95%: 50.00% (short by 45.00 points)">"#)
        )
        let markdown = try String(contentsOfFile: root + "/summary.md", encoding: .utf8)
        #expect(
            markdown.contains("| c | ❌ fail | `coverage.lines >= 95%` | 50.00% | `>= 95%` | short by 45.00 points |"))
    }

    @Test func aBadOutputIsAUsageError() throws {
        let result = try runProtocol(["check", "--root", "Tests/Demo", "--no-log", "--output", "junt:x.xml"])
        #expect(result.status == 2)
        #expect(
            result.error
                == "error: --output format is one of text, json, junit, markdown, codeclimate, not 'junt' (did you mean 'junit'?)\n"
        )
        let missing = try runProtocol(["check", "--root", "Tests/Demo", "--no-log", "--output", "junit"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("--output needs FORMAT:PATH"))
    }

    @Test func quietPrintsOnlyTheVerdictLine() throws {
        let result = try runProtocol(["check", "--root", "Tests/Demo", "--no-log", "--quiet"])
        #expect(result.status == 0)
        #expect(result.output == "PASS: 3 of 4 gates passed, 1 warning\n")
    }
}
