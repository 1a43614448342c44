import Testing

@testable import GateKit

/// A terminal that records what a command writes.
final class RecordingTerminal: Terminal {
    var output = ""
    var error = ""
    let isInteractive: Bool

    init(interactive: Bool = false) { isInteractive = interactive }

    func write(_ text: String) { output += text }
    func writeError(_ text: String) { error += text }
}

/// Runs the command line in-process, in `directory`.
func run(
    _ arguments: [String], in directory: String = "/", environment: [String: String] = [:], interactive: Bool = false
)
    -> (status: Int32, output: String, error: String)
{
    let terminal = RecordingTerminal(interactive: interactive)
    let invocation = Invocation(
        arguments: arguments, environment: environment, currentDirectory: directory, terminal: terminal)
    let status = ProtocolTool.run(invocation)
    return (status, terminal.output, terminal.error)
}

@Suite struct CommandLineTests {
    @Test func withoutArgumentsTheHelpGoesToStandardErrorAndExitsTwo() {
        let result = run([])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("OVERVIEW: Quality gates from the reports your tools already write."))
        #expect(result.output.isEmpty)
    }

    @Test func helpListsTheSubcommandsInTheArgumentParserLayout() {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let result = run(arguments)
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE: protocol <subcommand>"))
            #expect(
                result.output.contains(
                    "SUBCOMMANDS:\n  check                     Evaluate the project's gates against its reports."))
            #expect(
                result.output.contains(
                    "  metrics                   Print the metrics protocol reads from report files."))
        }
    }

    @Test func helpForEachCommand() {
        let check = run(["help", "check"])
        #expect(check.status == 0)
        #expect(check.output == run(["check", "--help"]).output)
        let metrics = run(["metrics", "-h"])
        #expect(metrics.status == 0)
        #expect(
            metrics.output.contains("USAGE: protocol metrics [--category <category>] [--format <format>] <file> ..."))
        #expect(metrics.output.contains("ARGUMENTS:\n  <file>                    Report files to read."))
        let unknown = run(["help", "chekc"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("error: unknown command 'chekc' (did you mean 'check'?)"))
    }

    @Test func usageErrorsNameTheMistake() {
        let cases: [([String], String)] = [
            (["--verbose"], "error: unknown option '--verbose'"),
            (["check", "--format"], "error: --format needs a value <format>"),
            (
                ["check", "--format", "yaml"],
                "error: --format is one of text, json, junit, markdown, codeclimate, not 'yaml'"
            ),
            (
                ["check", "--format", "jsno"],
                "error: --format is one of text, json, junit, markdown, codeclimate, not 'jsno' (did you mean 'json'?)"
            ),
            (["check", "--verbose=yes"], "error: --verbose takes no value"),
            (["check", "--root", "a", "--root", "b"], "error: --root is given twice"),
            (["check", "extra"], "error: unexpected argument 'extra' for 'check'"),
            (["check", "-x"], "error: unknown option '-x' for 'check'"),
            (["metrics"], "error: missing <file>"),
            (
                ["metrics", "--category", "sca", "a"],
                "error: --category is one of coverage, tests, lint, scan, bench, metrics, not 'sca' (did you mean 'scan'?)"
            ),
        ]
        for (arguments, message) in cases {
            let result = run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.error.hasPrefix(message), "\(arguments): \(result.error)")
        }
        #expect(run(["check", "--format", "jsno"]).error.contains("Usage: protocol check [--gates <path>]"))
    }

    @Test func optionValuesMayFollowAnEqualsSignAndDoubleDashEndsOptions() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {lint: {paths: "lint.txt", format: "diagnostics"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#,
            "lint.txt": "",
        ])
        let result = run(["check", "--root=\(root)", "--format=json"])
        #expect(result.status == 0)
        #expect(result.output.contains(#""verdict": "pass""#))
        let metrics = run(["metrics", "--category", "lint", "--", "\(root)/lint.txt"])
        #expect(metrics.status == 0)
        #expect(metrics.output.hasPrefix("\(root)/lint.txt (compiler diagnostics, lint)\n"))
        #expect(metrics.output.contains("\n  lint.total     0\n"))
    }

    @Test func versionIsPrinted() {
        #expect(run(["--version"]) == (0, "protocol \(ProtocolTool.version)\n", ""))
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {lint: {paths: "lint.txt", format: "diagnostics"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#,
            "lint.txt": "",
        ])
        #expect(run(["check"], in: root, interactive: true).output.contains("\u{1B}[32mPASS\u{1B}[0m"))
        #expect(!run(["check"], in: root, interactive: false).output.contains("\u{1B}["))
        #expect(!run(["check"], in: root, environment: ["NO_COLOR": "1"], interactive: true).output.contains("\u{1B}["))
        #expect(!run(["check"], in: root, environment: ["TERM": "dumb"], interactive: true).output.contains("\u{1B}["))
        #expect(run(["check"], in: root, environment: ["NO_COLOR": ""], interactive: true).output.contains("\u{1B}["))
    }
}

@Suite struct CheckCommandTests {
    private let gates = """
        {
          protocol: 1,
          name: "shop",
          reports: { coverage: "cov/*.info", lint: { paths: "lint.txt", format: "diagnostics" } },
          gates: [
            { id: "coverage", require: "coverage.lines >= 60%", phase: "code-complete" },
            { id: "branches", require: "coverage.branches >= 90%", phase: "deployment", level: "warn" },
            { id: "lint", require: ["lint.errors == 0", "lint.warnings <= 1"], phase: "code-complete" },
          ],
        }
        """
    private let lcov = "SF:src/a.c\nDA:1,1\nDA:2,1\nDA:3,0\nBRDA:1,0,0,1\nBRDA:1,0,1,0\nend_of_record\n"

    @Test func phasesSelectTheirGates() throws {
        let root = try temporaryProject([
            "gates/g.json5": gates, "cov/a.info": lcov, "lint.txt": "src/a.c:1:1: warning: w\n",
        ])
        let all = run(["check", "--root", root])
        #expect(all.status == 0)
        #expect(all.output.contains("PASS: 2 of 3 gates passed, 1 warning"))
        let deployment = run(["check", "--root", root, "--phase", "deployment"])
        #expect(
            deployment.output.contains(
                """
                  WARN  branches  coverage.branches >= 90%  50.00%  short by 40.00 points: 1 of
                                                                    2 branches uncovered

                """))
        #expect(!deployment.output.contains("lint"))
        let unknown = run(["check", "--root", root, "--phase", "deploymnet"])
        #expect(unknown.status == 2)
        #expect(
            unknown.error
                == "error: no gate has phase 'deploymnet'; phases: code-complete, deployment (did you mean 'deployment'?)\n"
        )
    }

    @Test func verboseShowsTheEvidenceOfPassingGates() throws {
        let root = try temporaryProject([
            "gates/g.json5": gates, "cov/a.info": lcov, "lint.txt": "src/a.c:1:1: warning: w\n",
        ])
        let verbose = run(["check", "--root", root, "--verbose"])
        #expect(
            verbose.output.contains(
                """
                  PASS  coverage  coverage.lines >= 60%     66.67%  6.67 points to spare: 1 of 3
                                                                    lines uncovered

                """))
        #expect(
            verbose.output.contains(
                """
                          pass    lint.warnings <= 1        1       exactly at the limit: 1
                                                                    warning in 1 report
                                  - src/a.c:1:1: warning: w

                """))
        #expect(!run(["check", "--root", root]).output.contains("- src/a.c:1:1: warning: w"))
    }

    @Test func aFailingGateListsItsOffendersAndExitsOne() throws {
        let root = try temporaryProject([
            "gates/g.json5": gates, "cov/a.info": lcov,
            "lint.txt": "src/a.c:1:1: error: e1\nsrc/b.c:2:1: error: e2 [-Wx]\nsrc/a.c:3:1: warning: w\n",
        ])
        let result = run(["check", "--root", root])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                """
                  FAIL  lint      2 conditions                      1 failed
                          fail    lint.errors == 0          2       2 too many: 2 errors in 1
                                                                    report
                                  - src/a.c:1:1: error: e1
                                  - src/b.c:2:1: error: e2 [-Wx]
                          pass    lint.warnings <= 1        1       exactly at the limit

                """))
        #expect(
            result.output.contains(
                "FAIL: 1 of 3 gates failed, 1 warning\nRecorded as entry 2 of session 1 in \(root)/.protocol/log.jsonl.\n"
            ))
    }

    @Test func gateFileProblemsExitTwoAndAreAllListed() throws {
        let root = try temporaryProject([
            "gates/a.json5": #"{protocol: 1, gates: [{id: "x", require: "tests.failed == 0"}]}"#,
            "gates/b.json":
                #"{"protocol": 1, "reports": {"tests": "t.xml"}, "gates": [{"id": "x", "require": "tests.total > 0"}]}"#,
        ])
        let result = run(["check", "--root", root])
        #expect(result.status == 2)
        #expect(
            result.error == """
                error: gates/b.json:1:58: gates: duplicate gate id 'x' (also in gates/a.json5:1)

                """)
    }

    @Test func gatesMayBeNamedAsAFileOrAFolder() throws {
        let root = try temporaryProject([
            "ci/only.json5":
                #"{protocol: 1, reports: {lint: {paths: "l.txt", format: "diagnostics"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#,
            "l.txt": "",
        ])
        #expect(run(["check", "--root", root, "--gates", "\(root)/ci/only.json5"]).status == 0)
        #expect(run(["check", "--gates", "ci"], in: root).status == 0)
        let missing = run(["check", "--gates", "nope.json5"], in: root)
        #expect(missing.status == 2)
        #expect(missing.error == "error: \(root)/nope.json5: no such file or folder\n")
        let noFolder = run(["check"], in: root)
        #expect(
            noFolder.error
                == "error: gates: no gate files (*.json5 or *.json) found; create gates/protocol.json5 (see the README) or name one with --gates PATH\n"
        )
    }
}
