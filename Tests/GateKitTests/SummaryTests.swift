import Foundation
import Testing

@testable import GateKit

/// `protocol summary`'s model and renderers over hand-built log entries, and the command in-process.
@Suite struct SummaryTests {
    /// A logged condition as `CheckRecord.json` writes it.
    private func condition(
        _ text: String, _ metric: String, value: Double?, unit: String = "%", op: String = ">=",
        threshold: Double = 0, passed: Bool = true, reason: String? = nil
    ) -> JSONOutput {
        .object([
            ("text", .string(text)), ("metric", .string(metric)), ("op", .string(op)),
            ("threshold", .number(threshold)), ("value", .optional(value)), ("unit", .string(unit)),
            ("status", .string(passed ? "pass" : "fail")), ("margin", .null), ("reason", .optional(reason)),
        ])
    }

    private func gate(_ id: String, _ conditions: [JSONOutput], level: String = "error", status: String = "pass")
        -> JSONOutput
    {
        .object([
            ("id", .string(id)), ("kind", .string("conditions")), ("status", .string(status)),
            ("level", .string(level)), ("conditions", .array(conditions)),
        ])
    }

    /// A log entry read back from its line, as the log would give it.
    private func entry(_ seq: Int, session: Int, _ event: LogEntry.Event, _ data: JSONOutput) throws -> LoggedEntry {
        let line = LogEntry(
            seq: seq, time: "2026-11-2\(seq % 10)T10:00:00Z", session: session, event: event, data: data,
            prev: LogEntry.genesis
        ).line()
        return try LoggedEntry(line: Array(line.text.utf8))
    }

    private func check(_ seq: Int, session: Int, _ gates: [JSONOutput], extra: [(String, JSONOutput)] = [])
        throws -> LoggedEntry
    {
        try entry(
            seq, session: session, .check, .object([("verdict", .string("pass")), ("gates", .array(gates))] + extra))
    }

    private func start(_ seq: Int, session: Int) throws -> LoggedEntry {
        try entry(seq, session: session, .sessionStart, .object([("title", .string("S\(session)"))]))
    }

    @Test func eachValueAgainstTheFirstCheckAndThePreviousSession() throws {
        let coverage = { (value: Double) in
            self.gate("cov", [self.condition("coverage.lines >= 90%", "coverage.lines", value: value, threshold: 90)])
        }
        let lint = { (value: Double?) in
            self.gate(
                "lint", [self.condition("lint.errors == 0", "lint.errors", value: value, unit: "count", op: "==")])
        }
        let old = gate("old", [condition("tests.failed == 0", "tests.failed", value: 3, unit: "count", op: "==")])
        let perf = gate(
            "perf",
            [
                condition(
                    #"latency.p95{label="GET /"} < 200ms"#, "latency.p95", value: 0.15, unit: "s", op: "<",
                    threshold: 0.2)
            ])
        let one = SessionRecord(
            number: 1, entries: [try start(1, session: 1), try check(2, session: 1, [coverage(90), old])])
        let two = SessionRecord(
            number: 2,
            entries: [
                try start(3, session: 2), try check(4, session: 2, [coverage(93), lint(nil)]),
                try check(5, session: 2, [coverage(96.1), lint(2), perf]),
            ])
        let summary = SessionSummary(two, in: [one, two], attestationGates: [])
        #expect(summary.first?.seq == 4)
        #expect(summary.previous?.session == 1)
        #expect(summary.previous?.check.seq == 2)
        let trends = summary.trends
        #expect(trends.map(\.gate) == ["cov", "lint", "perf", "old"], "the latest check's order, then removed ones")

        let cov = trends[0]
        #expect(cov.latest == .value(96.1))
        #expect(cov.againstFirst == "93.00%, +3.10 points")
        #expect(cov.againstPrevious == "90.00%, +6.10 points")
        #expect(cov.change(since: cov.first) == 3.1)

        #expect(trends[1].againstFirst == "no value", "the first check had no lint value")
        #expect(trends[1].againstPrevious == "not checked (new)")
        #expect(trends[1].change(since: trends[1].first) == nil)

        #expect(trends[2].metric == #"latency.p95{label="GET /"}"#)
        #expect(trends[2].latestShown == "150 ms")
        #expect(trends[2].againstFirst == "not checked (added since)")

        #expect(trends[3].latestShown == "not checked (removed)")
        #expect(trends[3].againstFirst == "not checked")
        #expect(trends[3].againstPrevious == "3")

        let json = SummaryJSONRenderer.render(summary)
        #expect(
            json.contains(#""previous": {"# + "\n" + #"        "state": "value","# + "\n" + #"        "value": 90,"#))
        #expect(json.contains(#""state": "no_value""#))
        #expect(json.contains(#""state": "absent""#))
        let markdown = SummaryMarkdownRenderer.render(summary)
        #expect(markdown.contains("| Gate | Metric | Latest | First check | Session 1 |"))
        #expect(
            markdown.contains(
                #"| perf | `latency.p95{label="GET /"}` | 150 ms | not checked (added since) | not checked (new) |"#))
    }

    @Test func aSingleCheckAndNoEarlierSession() throws {
        let only = SessionRecord(
            number: 1,
            entries: [
                try start(1, session: 1),
                try check(
                    2, session: 1,
                    [gate("cov", [condition("coverage.lines >= 90%", "coverage.lines", value: 91, threshold: 90)])]),
            ])
        let summary = SessionSummary(only, in: [only], attestationGates: [])
        #expect(summary.first == nil)
        #expect(summary.previous == nil)
        #expect(summary.trends.first?.againstFirst == "only check")
        #expect(summary.trends.first?.againstPrevious == "none")
        #expect(summary.trends.first?.changeText(since: .value(91)) == "unchanged")
        #expect(summary.mayClose)
        let text = SummaryTextRenderer.render(summary)
        #expect(text.contains("  first check:       the latest is the only check"))
        #expect(text.contains("  previous session:  no earlier session has a check"))
        #expect(text.contains("Commit") == false, "no git data was recorded")
    }

    @Test func rowsForWarnGatesAttestationsDocumentsAndOddConditions() throws {
        let warn = gate(
            "cov", [condition("coverage.lines >= 90%", "coverage.lines", value: 80, threshold: 90, passed: false)],
            level: "warn", status: "warn")
        let noReport = gate(
            "lint",
            [
                condition(
                    "lint.errors == 0", "lint.errors", value: nil, unit: "count", op: "==", passed: false,
                    reason: "no lint report matched lint.txt")
            ], status: "fail")
        // A condition text without a comparison (an older or hand-made entry): the logged fields stand in.
        let bare = gate("bare", [condition("coverage.lines", "coverage.lines", value: 97.5, threshold: 95)])
        let review = JSONOutput.object([
            ("id", .string("review")), ("kind", .string("attestation")), ("status", .string("fail")),
            ("level", .string("error")),
            (
                "attestation",
                .object([
                    ("statement", .string("reviewed")), ("attested", .bool(false)),
                    ("reason", .string("not attested in this session")),
                ])
            ),
        ])
        let docs = JSONOutput.object([
            ("id", .string("docs")), ("kind", .string("documents")), ("status", .string("fail")),
            ("level", .string("error")),
            (
                "documents",
                .array([
                    .object([("status", .string("pass")), ("problems", .array([]))]),
                    .object([
                        ("status", .string("fail")), ("problems", .array([.string("docs/adr/*.md matched nothing")])),
                    ]),
                ])
            ),
        ])
        let session = SessionRecord(
            number: 1,
            entries: [try start(1, session: 1), try check(2, session: 1, [warn, noReport, bare, review, docs])])
        let rows = SessionSummary(session, in: [session], attestationGates: []).rows
        #expect(rows.map(\.status) == ["warn", "fail", "pass", "fail", "fail"])
        #expect(rows[0].thresholdShown == ">= 90%")
        #expect(rows[1].valueText == "no value")
        #expect(rows[1].margin == "no lint report matched lint.txt")
        #expect(rows[2].metric == "coverage.lines")
        #expect(rows[2].thresholdShown == ">= 95.00%")
        #expect(rows[3].valueText == "not attested")
        #expect(rows[3].requirement == "attest: reviewed")
        #expect(rows[4].valueText == "1 of 2 missing")
        #expect(rows[4].margin == "docs/adr/*.md matched nothing")
    }

    @Test func conditionTextsSplitAtTheirComparisonOutsideSelectors() throws {
        #expect(try #require(SummaryGateRow.split("coverage.lines >= 95%")) == ("coverage.lines", "95%"))
        #expect(
            try #require(SummaryGateRow.split(#"vulns.high{package!="a>b"} ≤ 0"#)) == (
                #"vulns.high{package!="a>b"}"#, "0"
            ))
        #expect(SummaryGateRow.split("coverage.lines") == nil)
    }

    @Test func waiversReportsAndCIRunOfTheLatestCheck() throws {
        let waiver = { (id: String, state: String, matched: Int, soon: Bool, by: String?) in
            JSONOutput.object([
                ("id", .string(id)), ("rule", .null), ("package", .null), ("path", .string("legacy/**")),
                ("reason", .string("accepted")), ("expires", .string("2026-12-01")), ("approved_by", .optional(by)),
                ("state", .string(state)), ("matched", .integer(matched)), ("expiring_soon", .bool(soon)),
            ])
        }
        let extra: [(String, JSONOutput)] = [
            (
                "waivers",
                .array([
                    waiver("R1", "active", 2, true, "carol"), waiver("R2", "stale", 0, false, nil),
                    waiver("R3", "expired", 1, false, nil),
                ])
            ),
            (
                "reports",
                .array([.object([("path", .string("a|b.xml")), ("format", .string("junit")), ("sha256", .null)])])
            ),
            ("git", .object([("commit", .null), ("problem", .string("not a git work tree"))])),
            ("ci", .object([("provider", .string("jenkins")), ("run_id", .string("7"))])),
        ]
        let session = SessionRecord(
            number: 1, entries: [try start(1, session: 1), try check(2, session: 1, [], extra: extra)])
        let summary = SessionSummary(session, in: [session], attestationGates: [])
        let text = SummaryTextRenderer.render(summary)
        #expect(text.contains("Commit:        unknown (not a git work tree)"))
        #expect(text.contains("CI run:        jenkins run 7\n"))
        #expect(
            text.contains(
                "  R1 under legacy/** until 2026-12-01 (EXPIRES SOON): 2 findings waived\n    approved by carol: accepted"
            ))
        #expect(text.contains("  R2 under legacy/** until 2026-12-01: matched no finding\n    accepted"))
        #expect(text.contains("  (1 expired, no longer waiving anything)"))
        #expect(text.contains("  a|b.xml (junit, 0 bytes)\n    not hashed"))
        let markdown = SummaryMarkdownRenderer.render(summary)
        #expect(markdown.contains("| `a\\|b.xml` | junit | 0 | not hashed |"), "pipes are escaped in cells")
        #expect(
            markdown.contains(
                "- **R1 under legacy/** until 2026-12-01 (EXPIRES SOON): 2 findings waived** — approved by carol: accepted"
            ))
        let json = SummaryJSONRenderer.render(summary)
        #expect(json.contains(#""in_force": false"#))
        #expect(json.contains(#""provider": "jenkins","# + "\n" + #"      "run_id": "7","#))
    }

    @Test func theCommandInProcess() throws {
        let root = try temporaryProject([
            "gates/g.json5": SessionCommandTests.gates, "lint.txt": "",
            "docs/threat-model.md": "# T\n## Spoofing\n## Tampering\n",
        ])
        let noLog = run(["summary"], in: root)
        #expect(noLog.status == 2)
        let garbage = try temporaryFile("not a log\n", name: "log.jsonl")
        let unreadable = run(["summary", "--log", garbage], in: root)
        #expect(unreadable.status == 2)
        #expect(unreadable.error.hasPrefix("error: "))
        _ = run(["session", "start", "Empty"], in: root)
        // A session without a check: said plainly, in every format, and not an error.
        let empty = run(["summary"], in: root)
        #expect(empty.status == 0)
        #expect(
            empty.output.hasSuffix(
                "\nNo check in this session yet: nothing to summarise (protocol check records one).\n"))
        #expect(empty.output.contains("Status:  open since "))
        #expect(
            run(["summary", "--format", "markdown"], in: root).output.hasSuffix(
                "No check in this session yet: nothing to summarise (`protocol check` records one).\n"))
        let json = run(["summary", "--format", "json"], in: root).output
        #expect(json.contains(#""latest_check": null"#))
        #expect(json.contains(#""may_close": false"#))

        // A failing check: the summary still exits 0 and says why the session cannot close.
        _ = run(["check"], in: root)
        let failing = run(["summary"], in: root, interactive: true)
        #expect(failing.status == 0)
        #expect(failing.output.contains("Verdict:       \u{1B}[1;31mFAIL\u{1B}[0m: 1 of 3 gates failed"))
        #expect(failing.output.contains("Closing:       cannot close yet:\n  - gate review failed the latest check"))
        #expect(
            run(["summary"], in: root, environment: ["NO_COLOR": "1"], interactive: true).output.contains(
                "Verdict:       FAIL: 1 of 3"))
        let markdown = run(["summary", "--format", "markdown"], in: root).output
        #expect(markdown.hasPrefix("## protocol summary — shop: session 1 “Empty”\n"))
        #expect(markdown.contains("- **Verdict:** ❌ FAIL: 1 of 3 gates failed"))
        #expect(
            markdown.contains(
                "  - gate review is not attested (“a peer reviewer approved the change”): protocol attest review --by NAME"
            ))
        #expect(
            markdown.contains(
                "| review | ❌ fail | `attestation` | not attested |  | not attested in this session: protocol attest review --by NAME |"
            ))
        #expect(run(["summary", "--help"], in: root).output.hasPrefix("OVERVIEW: Summarise a session from the log"))
    }
}
