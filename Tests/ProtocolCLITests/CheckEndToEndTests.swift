import Foundation
import Testing

/// `protocol check` run as a user runs it: the built binary, in a project folder.
@Suite struct CheckEndToEndTests {
    @Test func theDemoProjectPrintsItsGateTable() throws {
        let result = try runProtocol(["check", "--root", "Tests/Demo", "--no-log"])
        #expect(result.status == 0, "\(result.error)")
        try expectGolden(result.output, "demo-check.txt")
        #expect(!result.output.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func theDemoProjectAsJSON() throws {
        let result = try runProtocol(["check", "--root", "Tests/Demo", "--format", "json", "--no-log"])
        #expect(result.status == 0)
        try expectGolden(result.output, "demo-check.json")
        let document = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(document?["verdict"] as? String == "pass")
        #expect(document?["version"] as? Int == 1)
    }

    @Test func aFailingGateExitsOneAndSaysByHowMuch() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {coverage: "lcov.info"}, gates: [{id: "cov", require: "coverage.lines >= 95%"}]}"#,
            "lcov.info": "SF:src/a.c\nDA:1,1\nDA:2,0\nDA:3,1\nend_of_record\n",
        ])
        let result = try runProtocol(["check"], in: root)
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                """
                  FAIL  cov  coverage.lines >= 95%  66.67%  short by 28.33 points: 1 of 3 lines
                                                            uncovered

                """))
        #expect(
            result.output.contains(
                "FAIL: 1 of 1 gate failed\nRecorded as entry 2 of session 1 in .protocol/log.jsonl.\n"))
    }

    @Test func aMissingReportFailsClosed() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {tests: "build/*.xml"}, gates: [{id: "t", require: "tests.failed == 0"}]}"#
        ])
        let result = try runProtocol(["check"], in: root)
        #expect(result.status == 1)
        #expect(result.output.contains("no tests report matched 'build/*.xml'"))
    }

    @Test func anUnreadableReportFailsClosedNamingTheFileAndLine() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {coverage: "lcov.info"}, gates: [{id: "c", require: "coverage.lines > 0"}]}"#,
            "lcov.info": "SF:a.c\nDA:1,1\nDA:x,1\nend_of_record\n",
        ])
        let result = try runProtocol(["check"], in: root)
        #expect(result.status == 1)
        #expect(result.output.contains("lcov.info: line 3: DA record needs a line number, found 'x'"))
    }

    @Test func aMalformedGateFileExitsTwoNamingThePlace() throws {
        let root = try temporaryProject([
            "gates/g.json5": "{protocol: 1,\n gates: [\n  {id: \"a\", require: \"coverage.lines >= 0.95\"}]}"
        ])
        let result = try runProtocol(["check"], in: root)
        #expect(result.status == 2)
        #expect(
            result.error
                == "error: gates/g.json5:3:41: gates[0].require: coverage.lines is a percentage: write 95%, not 0.95\n")
    }

    @Test func usageErrorsExitTwoWithASuggestion() throws {
        let result = try runProtocol(["chek"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("error: unknown command 'chek' (did you mean 'check'?)"))
        let option = try runProtocol(["check", "--fromat", "json"])
        #expect(option.status == 2)
        #expect(option.error.hasPrefix("error: unknown option '--fromat' for 'check' (did you mean '--format'?)"))
    }

    @Test func versionAndHelp() throws {
        let version = try runProtocol(["--version"])
        #expect(version.status == 0)
        #expect(version.output == "protocol 0.1.0\n")
        let help = try runProtocol(["check", "--help"])
        #expect(help.status == 0)
        try expectGolden(help.output, "check-help.txt")
    }
}
