import Foundation
import Testing

/// `protocol summary` over a log the real binary wrote: two sessions, several checks, an attestation, waivers, a
/// gate added and a condition removed between the sessions, and a CI run.
@Suite struct SummaryEndToEndTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    static let gates = """
        {
          protocol: 1,
          name: "shop",
          reports: {
            coverage: "lcov.info",
            lint: { paths: "lint.txt", format: "diagnostics" },
            scan: { paths: "audit.json", waivers: "gates/waivers.json5" },
          },
          gates: [
            { id: "coverage", require: "coverage.lines >= 80%" },
            { id: "lint", require: ["lint.errors == 0", "lint.warnings <= 3"] },
            { id: "security", require: "vulns.total == 0" },
            { id: "review", attest: "a peer reviewer approved the change" },
          ],
        }
        """

    /// The second session's gates: a tests gate is added, the lint warnings condition removed.
    static let releaseGates =
        gates
        .replacingOccurrences(of: #"["lint.errors == 0", "lint.warnings <= 3"]"#, with: #""lint.errors == 0""#)
        .replacingOccurrences(of: #"coverage: "lcov.info","#, with: #"coverage: "lcov.info", tests: "junit.xml","#)
        .replacingOccurrences(
            of: #"{ id: "security""#, with: #"{ id: "tests", require: "tests.failed == 0" }, { id: "security""#)

    static let waivers = """
        { waivers: [
          { id: "CVE-2024-35195", package: "requests", reason: "verify=False is never used", expires: "2099-12-31",
            approved_by: "security@example.com" },
          { id: "CVE-2020-0001", reason: "fixed long ago", expires: "2020-01-01" },
        ] }
        """

    static let audit = """
        {"dependencies": [{"name": "requests", "version": "2.31.0", "vulns": [{"id": "GHSA-9wx4-h78v-vm56", \
        "fix_versions": ["2.32.0"], "aliases": ["CVE-2024-35195"], "description": "certificate checks skipped"}]}]}

        """

    static func lcov(covered: Int, of total: Int) -> String {
        "SF:src/a.c\n" + (1...total).map { "DA:\($0),\($0 <= covered ? 1 : 0)\n" }.joined() + "end_of_record\n"
    }

    /// Runs `arguments` in `root` and expects `status`.
    private func run(
        _ arguments: [String], in root: String, status: Int32 = 0, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try runProtocol(arguments, in: root, environment: environment)
        #expect(result.status == status, "\(arguments): \(result.error)", sourceLocation: sourceLocation)
        return result
    }

    /// A project with a fake git checkout (protocol reads `.git` files without running git) and two sessions:
    /// session 1 closed after two checks and an attestation, session 2 open with two checks in a GitHub Actions run.
    private func project() throws -> (root: String, github: [String: String]) {
        let root = try temporaryProject([
            "gates/shop.json5": Self.gates, "gates/waivers.json5": Self.waivers, "audit.json": Self.audit,
            "lcov.info": Self.lcov(covered: 1, of: 2), "lint.txt": "src/a.c:1:1: error: boom\n",
            ".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": Self.commit + "\n",
        ])
        func write(_ path: String, _ text: String) throws {
            try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
        }
        _ = try run(["session", "start", "Release 1.0"], in: root)
        _ = try run(["check"], in: root, status: 1)
        try write("lcov.info", Self.lcov(covered: 4, of: 5))
        try write("lint.txt", "")
        _ = try run(["attest", "review", "--by", "alice", "--note", "PR #12"], in: root)
        _ = try run(["check"], in: root)
        _ = try run(["session", "close"], in: root)

        try write("gates/shop.json5", Self.releaseGates)
        try write(
            "junit.xml",
            #"<testsuite name="s"><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite>"#)
        try write("lcov.info", Self.lcov(covered: 9, of: 10))
        let github = [
            "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "42", "GITHUB_RUN_ATTEMPT": "1",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop", "GITHUB_SHA": Self.commit,
            "GITHUB_WORKFLOW": "release", "GITHUB_JOB": "gates", "GITHUB_STEP_SUMMARY": root + "/step-summary.md",
        ]
        _ = try run(["session", "start", "Release 1.1"], in: root)
        _ = try run(["check"], in: root, status: 1, environment: github)
        try write("lcov.info", Self.lcov(covered: 3, of: 4))
        _ = try run(["attest", "review", "--by", "bob", "--note", "PR #31"], in: root)
        _ = try run(["check"], in: root, status: 1, environment: github)
        return (root, github)
    }

    /// Times vary from run to run; everything else in the summary is fixed by the project's files.
    private func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "<time>", options: .regularExpression)
    }

    @Test func theOpenSessionInEveryFormat() throws {
        let (root, _) = try project()
        for (format, golden) in [("text", "summary.txt"), ("markdown", "summary.md"), ("json", "summary.json")] {
            let result = try run(["summary", "--format", format], in: root)
            #expect(result.error.isEmpty)
            try expectGolden(withoutTimes(result.output), golden)
        }
        #expect(try run(["summary", "--session", "2"], in: root).output == (try run(["summary"], in: root)).output)
    }

    @Test func aClosedSessionAndTheWayToClosingTheOpenOne() throws {
        let (root, github) = try project()
        let first = withoutTimes(try run(["summary", "--session", "1"], in: root).output)
        #expect(first.contains("Status:        closed <time>, opened <time>, 2 checks"))
        #expect(first.contains("Closing:       closed at <time>"))
        #expect(first.contains("  review: alice at <time> — PR #12"))
        #expect(first.contains("  coverage  coverage.lines  80.00%  50.00%, +30.00 points  none"))
        #expect(!first.contains("CI run:"), "session 1 ran outside CI")

        // Fix what fails; the summary says the session may close, and it does.
        try "<testsuite name=\"s\"><testcase name=\"a\"/></testsuite>".write(
            toFile: root + "/junit.xml", atomically: true, encoding: .utf8)
        try Self.lcov(covered: 9, of: 10).write(toFile: root + "/lcov.info", atomically: true, encoding: .utf8)
        _ = try run(["check"], in: root, environment: github)
        let ready = try run(["summary", "--format", "json"], in: root).output
        #expect(ready.contains(#""may_close": true"#))
        #expect(try run(["summary"], in: root).output.contains("Closing:       may close: protocol session close"))
        _ = try run(["session", "close"], in: root)
        #expect(try run(["summary"], in: root).output.contains("Closing:       closed at "))
    }

    @Test func errorsAreUsageErrors() throws {
        let (root, _) = try project()
        let missing = try run(["summary", "--session", "7"], in: root, status: 2)
        #expect(missing.error == "error: no session 7 in .protocol/log.jsonl; sessions: 1 to 2\n")
        let word = try run(["summary", "--session", "last"], in: root, status: 2)
        #expect(word.error == "error: a session is named by its number, not 'last'\n")
        let format = try run(["summary", "--format", "html"], in: root, status: 2)
        #expect(format.error.hasPrefix("error: --format is one of text, markdown, json, not 'html'"))
        let empty = try temporaryProject(["README.md": "no log here\n"])
        let none = try run(["summary"], in: empty, status: 2)
        #expect(none.error == "error: no session in .protocol/log.jsonl; the log has no sessions\n")
    }
}
