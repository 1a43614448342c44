import Foundation
import Testing

@testable import GateKit

/// Session, attestation and log commands, run in-process on a small project with a fixed clock.
@Suite struct SessionCommandTests {
    static let gates = """
        {
          protocol: 1,
          name: "shop",
          reports: { lint: { paths: "lint.txt", format: "diagnostics" } },
          gates: [
            { id: "lint", require: "lint.errors == 0" },
            { id: "review", attest: "a peer reviewer approved the change" },
            { id: "docs", documents: [{ path: "docs/threat-model.md", sections: ["Spoofing", "Tampering"] }] },
          ],
        }
        """

    private func project(lint: String = "", threatModel: String = "# Threats\n## Spoofing\n## Tampering\n") throws
        -> String
    {
        try temporaryProject(["gates/g.json5": Self.gates, "lint.txt": lint, "docs/threat-model.md": threatModel])
    }

    private func run(_ arguments: [String], in root: String, time: String = "2026-11-21T10:00:00Z") -> (
        status: Int32, output: String, error: String
    ) {
        let terminal = RecordingTerminal()
        let invocation = Invocation(
            arguments: arguments, environment: [:], currentDirectory: root, terminal: terminal, clock: { time })
        return (ProtocolTool.run(invocation), terminal.output, terminal.error)
    }

    @Test func aSessionRunsFromStartToClose() throws {
        let root = try project()
        let start = run(["session", "start", "Release", "2.3"], in: root)
        #expect(start == (0, "1\n", "Started session 1 “Release 2.3” in .protocol/log.jsonl.\n"))
        #expect(
            run(["session", "start", "again"], in: root) == (
                1, "", "error: session 1 is open; close it first (protocol session close)\n"
            ))

        let first = run(["check"], in: root)
        #expect(first.status == 1)
        #expect(
            first.output.contains(
                """
                  FAIL  review  attest: a peer reviewer   not attested  not attested in this
                                approved the change                     session: protocol attest
                                                                        review --by NAME

                """))
        #expect(first.output.hasSuffix("Recorded as entry 2 of session 1 in .protocol/log.jsonl.\n"))

        let refused = run(["session", "close"], in: root)
        #expect(refused.status == 1)
        #expect(
            refused.error == """
                error: the session cannot close:
                  - gate review failed the latest check (entry 2, 2026-11-21T10:00:00Z)
                  - gate review is not attested (“a peer reviewer approved the change”): protocol attest review --by NAME

                """)

        #expect(
            run(["attest", "review", "--by", "alice", "--note", "PR #12"], in: root, time: "2026-11-21T10:05:00Z")
                .output
                == "Recorded: alice attests review (“a peer reviewer approved the change”) in session 1, entry 3.\n")
        let status = run(["session", "status"], in: root)
        #expect(status.output.contains("attested: review by alice at 2026-11-21T10:05:00Z"))
        #expect(run(["session", "close"], in: root).status == 1, "the latest check still shows review unattested")

        let second = run(["check"], in: root, time: "2026-11-21T10:06:00Z")
        #expect(second.status == 0)
        #expect(
            second.output.contains(
                """
                  PASS  review  attest: a peer         attested by alice  at
                                reviewer approved the                     2026-11-21T10:05:00Z:
                                change                                    PR #12

                """))
        #expect(
            run(["session", "close"], in: root, time: "2026-11-21T10:07:00Z") == (
                0, "Closed session 1 (entry 5).\n", ""
            ))
        #expect(
            run(["session", "status"], in: root).output.hasPrefix("No session is open; the next will be session 2"))
        #expect(
            run(["session", "close"], in: root) == (1, "", "error: the session cannot close:\n  - no session is open\n")
        )

        let list = run(["session", "list"], in: root).output
        #expect(list.contains("1  closed  2026-11-21T10:00:00Z  2026-11-21T10:07:00Z  2       PASS    Release 2.3"))
        let show = run(["session", "show", "1"], in: root).output
        #expect(show.contains("lint    lint.errors == 0  0 ✓ → 0 ✓"))
        #expect(show.contains("review                    fail → pass"))
        #expect(show.contains("review: alice at 2026-11-21T10:05:00Z — PR #12"))
        #expect(run(["log", "verify"], in: root).output.hasPrefix(".protocol/log.jsonl: 5 entries verify; head "))
    }

    @Test func aCheckOpensASessionWhenNoneIsOpenAndNoLogSkipsRecording() throws {
        let root = try project()
        let unrecorded = run(["check", "--no-log"], in: root)
        #expect(unrecorded.output.hasSuffix("Not recorded (--no-log).\n"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.protocol/log.jsonl"))
        _ = run(["check"], in: root)
        let entries = try SessionLog(path: root + "/.protocol/log.jsonl").allEntries()
        #expect(entries.map(\.event) == [.sessionStart, .check])
        #expect(entries[0].data["title"]?.stringValue == "opened by protocol check")
    }

    @Test func aCheckEntryHoldsEverythingAnAuditorNeeds() throws {
        let root = try project(lint: "src/a.c:1:1: warning: w\n")
        _ = run(["check", "--keep-evidence"], in: root)
        let entry = try #require(try SessionLog(path: root + "/.protocol/log.jsonl").allEntries().last)
        let data = entry.data
        #expect(data["verdict"]?.stringValue == "fail")
        #expect(data["protocol"]?.stringValue == ProtocolTool.version)
        #expect(data["gate_files"]?.arrayValue?.first?["path"]?.stringValue == "gates/g.json5")
        #expect(
            data["gate_files"]?.arrayValue?.first?["sha256"]?.stringValue
                == (try SHA256.digest(ofFile: root + "/gates/g.json5").hex))
        let report = try #require(data["reports"]?.arrayValue?.first)
        #expect(report["path"]?.stringValue == "lint.txt")
        #expect(report["bytes"]?.numberValue == 24)
        #expect(report["sha256"]?.stringValue == SHA256.digest("src/a.c:1:1: warning: w\n").hex)
        let condition = try #require(data["gates"]?.arrayValue?.first?["conditions"]?.arrayValue?.first)
        #expect(condition["metric"]?.stringValue == "lint.errors")
        #expect(condition["value"]?.numberValue == 0)
        #expect(condition["threshold"]?.numberValue == 0)
        #expect(condition["status"]?.stringValue == "pass")
        #expect(data["git"]?["problem"]?.stringValue != nil, "a temporary folder is not a git work tree")
        #expect(data["evidence"]?.kind == .bool(true))
        let evidence = root + "/.protocol/evidence/" + SHA256.digest("src/a.c:1:1: warning: w\n").hex
        #expect(FileManager.default.fileExists(atPath: evidence))
        #expect(run(["log", "verify"], in: root).output.contains("2 entries verify, 1 evidence files"))
    }

    @Test func documentGatesNameWhatIsMissing() throws {
        let root = try project(threatModel: "# Threats\n## Spoofing\n")
        let result = run(["check", "--no-log"], in: root)
        #expect(result.output.contains("FAIL  docs    documents: 1"))
        #expect(result.output.contains("- docs/threat-model.md has no heading 'Tampering'"))
    }

    @Test func attestRefusesWhatIsNotAnAttestationGate() throws {
        let root = try project()
        #expect(
            run(["attest", "lint", "--by", "bob"], in: root) == (
                2, "", "error: 'lint' is not an attestation gate: its result comes from reports or documents\n"
            ))
        #expect(
            run(["attest", "reveiw", "--by", "bob"], in: root) == (
                2, "", "error: no gate 'reveiw'; attestation gates: review (did you mean 'review'?)\n"
            ))
        #expect(run(["attest", "review"], in: root) == (2, "", "error: say who attests with --by NAME\n"))
        #expect(run(["attest", "review", "docs", "--by", "x"], in: root).status == 2)
        #expect(!FileManager.default.fileExists(atPath: root + "/.protocol/log.jsonl"))
    }

    @Test func logCommandsOnAMissingOrTornLog() throws {
        let root = try project()
        #expect(run(["log", "verify"], in: root) == (2, "", "error: there is no session log at .protocol/log.jsonl\n"))
        #expect(run(["log", "head"], in: root).status == 1)
        #expect(run(["log", "repair"], in: root).output == ".protocol/log.jsonl is not torn: nothing to repair.\n")
        _ = run(["check"], in: root)
        let head = run(["log", "head"], in: root).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(run(["log", "verify", "--head", head], in: root).status == 0)
        #expect(run(["log", "verify", "--head", "xyz"], in: root).status == 2)
        let handle = try #require(FileHandle(forWritingAtPath: root + "/.protocol/log.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"da".utf8))
        handle.closeFile()
        let check = run(["check"], in: root)
        #expect(check.status == 2)
        #expect(check.error.contains("ends in a torn line"))
        #expect(check.output.contains("Not recorded: the log"))
        #expect(run(["log", "verify"], in: root).status == 1)
        #expect(run(["log", "head"], in: root).status == 1)
        #expect(
            run(["log", "repair"], in: root).output.hasPrefix("Set the torn line aside in .protocol/log.jsonl.torn-"))
        #expect(run(["log", "verify", "--head", head], in: root).status == 0)
    }

    @Test func exportsAStatementAndAVerificationSummary() throws {
        let root = try project()
        // A git work tree, so that the check names its commit.
        try FileManager.default.createDirectory(atPath: root + "/.git/refs/heads", withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(toFile: root + "/.git/HEAD", atomically: true, encoding: .utf8)
        let commit = String(repeating: "ab", count: 20)
        try "\(commit)\n".write(toFile: root + "/.git/refs/heads/main", atomically: true, encoding: .utf8)
        _ = run(["attest", "review", "--by", "alice"], in: root)
        _ = run(["check"], in: root)
        let statement = run(["session", "export"], in: root)
        #expect(statement.status == 0, "\(statement.error)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(statement.output.utf8)) as? [String: Any])
        #expect(document["_type"] as? String == "https://in-toto.io/Statement/v1")
        #expect(document["predicateType"] as? String == SessionExport.predicateType)
        let subject = try #require((document["subject"] as? [[String: Any]])?.first)
        #expect(subject["digest"] as? [String: String] == ["gitCommit": commit])
        let predicate = try #require(document["predicate"] as? [String: Any])
        #expect(predicate["verdict"] as? String == "pass")
        let gate = try #require((predicate["gates"] as? [[String: Any]])?.first)
        let condition = try #require((gate["conditions"] as? [[String: Any]])?.first)
        #expect(condition["comparator"] as? String == "==")
        #expect(condition["metric"] as? String == "lint.errors")
        let input = try #require((predicate["inputs"] as? [[String: Any]])?.first)
        #expect(input["digest"] as? [String: String] == ["sha256": SHA256.digest("").hex])

        let vsa = run(["session", "export", "--vsa"], in: root)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(vsa.output.utf8)) as? [String: Any])
        #expect(summary["predicateType"] as? String == "https://slsa.dev/verification_summary/v1")
        let body = try #require(summary["predicate"] as? [String: Any])
        #expect(body["verificationResult"] as? String == "PASSED")
        let policy = try #require(body["policy"] as? [String: Any])
        let gateDigest = try SHA256.digest(ofFile: root + "/gates/g.json5").hex
        #expect(
            policy["digest"] as? [String: String] == ["sha256": SHA256.digest("\(gateDigest)  gates/g.json5\n").hex])

        #expect(run(["session", "export", "9"], in: root).status == 2)
        #expect(run(["session", "export", "x"], in: root).status == 2)
    }

    @Test func exportNeedsACommitAndACheck() throws {
        let root = try project()
        _ = run(["session", "start", "empty"], in: root)
        #expect(
            run(["session", "export"], in: root) == (
                1, "", "error: session 1 has no check to export: run protocol check\n"
            ))
        _ = run(["check"], in: root)
        #expect(
            run(["session", "export"], in: root).error.hasPrefix(
                "error: session 1's latest check (entry 2) names no commit ("))
    }

    @Test func theGateFilesMayMoveTheLog() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, log: "audit/trail.jsonl", reports: {lint: {paths: "l.txt", format: "diagnostics"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#,
            "l.txt": "",
        ])
        #expect(run(["check"], in: root).output.hasSuffix("Recorded as entry 2 of session 1 in audit/trail.jsonl.\n"))
        #expect(run(["check", "--log", "other.jsonl"], in: root).output.hasSuffix("in other.jsonl.\n"))
        #expect(run(["log", "verify"], in: root).output.hasPrefix("audit/trail.jsonl: 2 entries verify"))
    }
}
