import Foundation
import Testing

@testable import GateKit

/// A session log in a fresh temporary folder.
func temporaryLog() throws -> SessionLog {
    SessionLog(path: try temporaryProject([:]) + "/.protocol/log.jsonl")
}

/// Appends one entry of `event` to the open session (opening session 1 when needed).
@discardableResult
func append(
    _ log: SessionLog, _ event: LogEntry.Event, _ data: JSONOutput = .object([]), time: String = "2026-11-21T10:00:00Z"
)
    throws -> LogEntry
{
    let entries = try log.append(
        { tail, _ throws(LogError) in
            switch SessionLog.open(after: tail) {
            case .session(let number): return [(event, number, data)]
            case .none(let next): return [(event, next, data)]
            }
        }, time: time)
    return try #require(entries.last)
}

/// A log line without its `,"hash":"…"` member: the bytes its hash covers.
func body(of line: String) -> String {
    guard let marker = line.range(of: #","hash":""#, options: .backwards) else { return line }
    return String(line[..<marker.lowerBound]) + "}"
}

/// The log's lines as text.
func lines(_ log: SessionLog) throws -> [String] {
    try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
}

@Suite struct SessionLogTests {
    @Test func entriesChainFromTheGenesisHash() throws {
        let log = try temporaryLog()
        #expect(!log.exists)
        let first = try append(log, .sessionStart, .object([("title", .string("Release 2.3"))]))
        let second = try append(log, .attest, .object([("gate", .string("review")), ("by", .string("alice"))]))
        #expect(first.seq == 1 && second.seq == 2)
        #expect(first.prev == LogEntry.genesis)
        let text = try lines(log)
        #expect(text.count == 2)
        #expect(second.prev == SHA256.digest(text[0]).hex)
        #expect(
            text[0].hasPrefix(
                #"{"data":{"title":"Release 2.3"},"event":"session.start","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"session":1,"time":"2026-11-21T10:00:00Z","v":1,"hash":""#
            ))
        // The hash covers the line without its hash member: verifiable with sed and sha256sum.
        #expect(text[1].hasSuffix(#""hash":"\#(SHA256.digest(body(of: text[1])).hex)"}"#))
    }

    @Test func theTailTellsTheOpenSession() throws {
        let log = try temporaryLog()
        #expect(try log.openSession() == .none(next: 1))
        try append(log, .sessionStart)
        #expect(try log.openSession() == .session(1))
        try append(log, .sessionClose)
        #expect(try log.openSession() == .none(next: 2))
    }

    @Test func entriesOfASessionAreReadBackwardsToItsStart() throws {
        let log = try temporaryLog()
        let appendTo: (Int, LogEntry.Event) throws -> Void = { session, event in
            _ = try log.append({ _, _ throws(LogError) in [(event, session, .object([]))] }, time: "t")
        }
        try appendTo(1, .sessionStart)
        try appendTo(1, .check)
        try appendTo(1, .sessionClose)
        try appendTo(2, .sessionStart)
        try appendTo(2, .check)
        try appendTo(2, .attest)
        let second = try log.entries(ofSession: 2)
        #expect(second.map(\.seq) == [4, 5, 6])
        #expect(try log.entries(ofSession: 1).map(\.event) == [.sessionStart, .check, .sessionClose])
        #expect(SessionRecord.group(try log.allEntries()).map(\.number) == [1, 2])
    }

    @Test func aTornLastLineStopsAppendsUntilRepaired() throws {
        let log = try temporaryLog()
        try append(log, .sessionStart)
        try append(log, .check)
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"data":{"verdict":"pa"#.utf8))
        handle.closeFile()
        guard case .torn(let bytes, let last) = try log.tail() else {
            Issue.record("expected a torn tail")
            return
        }
        #expect(bytes == 22)
        #expect(last?.seq == 2)
        let refused = #expect(throws: LogError.self) { try append(log, .check) }
        #expect(refused?.message.contains("ends in a torn line") == true)
        let verification = LogVerifier.verify(log)
        #expect(!verification.verified)
        #expect(verification.problems.first?.hasPrefix("line 3 is torn") == true)

        let saved = try #require(try log.repair(time: "2026-11-21T11:00:00Z"))
        #expect(try String(contentsOfFile: saved, encoding: .utf8) == #"{"data":{"verdict":"pa"#)
        #expect(try log.repair(time: "t") == nil)
        let repaired = try log.allEntries()
        #expect(repaired.map(\.event) == [.sessionStart, .check, .logRepair])
        #expect(repaired.last?.data["torn_bytes"]?.numberValue == 22)
        #expect(LogVerifier.verify(log).verified)
        #expect(try append(log, .check).seq == 4)
    }

    @Test func anEditedLastEntryIsNotBuiltOn() throws {
        let log = try temporaryLog()
        try append(log, .sessionStart, .object([("title", .string("a"))]))
        let text = try String(contentsOfFile: log.path, encoding: .utf8).replacingOccurrences(
            of: "\"a\"", with: "\"b\"")
        try text.write(toFile: log.path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LogError.self) { try append(log, .check) }
        #expect(error?.message.contains("does not match its hash") == true)
    }

    @Test func aLongLogKeepsItsChainAcrossReadChunks() throws {
        // The tail is read backwards in 64 KiB chunks: lines straddle chunk boundaries here.
        let log = try temporaryLog()
        try append(log, .sessionStart)
        let filler = String(repeating: "x", count: 700)
        for _ in 0..<300 { try append(log, .check, .object([("note", .string(filler))])) }
        #expect(try log.openSession() == .session(1))
        #expect(try log.entries(ofSession: 1).count == 301)
        #expect(LogVerifier.verify(log).entries == 301)
    }
}

@Suite struct LogVerifierTests {
    /// A log of five entries in two sessions.
    private func sampleLog() throws -> SessionLog {
        let log = try temporaryLog()
        for (session, event) in [
            (1, LogEntry.Event.sessionStart), (1, .check), (1, .sessionClose), (2, .sessionStart), (2, .check),
        ] {
            _ = try log.append(
                { _, _ throws(LogError) in [(event, session, .object([("n", .integer(session))]))] },
                time: "2026-11-21T10:00:00Z")
        }
        return log
    }

    private func rewrite(_ log: SessionLog, _ change: (inout [String]) -> Void) throws {
        var text = try lines(log)
        change(&text)
        try (text.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: true, encoding: .utf8)
    }

    @Test func anIntactLogVerifies() throws {
        let log = try sampleLog()
        let result = LogVerifier.verify(log)
        #expect(result.verified)
        #expect(result.entries == 5)
        #expect(result.head == SHA256.digest(try lines(log)[4]).hex)
    }

    @Test func anEditedValueIsDetected() throws {
        let log = try sampleLog()
        try rewrite(log) { $0[1] = $0[1].replacingOccurrences(of: #""n":1"#, with: #""n":7"#) }
        #expect(
            LogVerifier.verify(log).problems
                == ["entry seq 2 (line 2): its hash does not match its contents: the entry was edited"])
    }

    @Test func aRehashedEditIsDetectedByTheNextEntry() throws {
        let log = try sampleLog()
        try rewrite(log) { text in
            let edited = body(of: text[1].replacingOccurrences(of: #""n":1"#, with: #""n":7"#))
            text[1] = String(edited.dropLast()) + #","hash":"\#(SHA256.digest(edited).hex)"}"#
        }
        #expect(
            LogVerifier.verify(log).problems
                == [
                    "entry seq 3 (line 3): its prev does not match the entry before it (seq 2): an entry was deleted, inserted or moved here"
                ])
    }

    @Test func aDeletedLineIsDetected() throws {
        let log = try sampleLog()
        try rewrite(log) { $0.remove(at: 2) }
        #expect(
            LogVerifier.verify(log).problems.first?.hasPrefix("entry seq 4 (line 3): its prev does not match") == true)
        try rewrite(log) { $0.remove(at: 0) }
        #expect(
            LogVerifier.verify(log).problems
                == [
                    "entry seq 2 (line 1): the first entry must chain to the genesis hash (64 zeros): entries before it were deleted"
                ])
    }

    @Test func anInsertedLineIsDetected() throws {
        let log = try sampleLog()
        try rewrite(log) { $0.insert($0[1], at: 2) }
        #expect(
            LogVerifier.verify(log).problems.first?.hasPrefix("entry seq 2 (line 3): its prev does not match") == true)
    }

    @Test func swappedLinesAreDetected() throws {
        let log = try sampleLog()
        try rewrite(log) { $0.swapAt(1, 2) }
        #expect(
            LogVerifier.verify(log).problems.first?.hasPrefix("entry seq 3 (line 2): its prev does not match") == true)
    }

    @Test func aCutTailIsDetectedAgainstAKnownHead() throws {
        let log = try sampleLog()
        let head = try #require(LogVerifier.verify(log).head)
        #expect(LogVerifier.verify(log, expectedHead: head).verified)
        try rewrite(log) { $0.removeLast() }
        #expect(LogVerifier.verify(log).verified, "a cut tail leaves a valid chain")
        #expect(
            LogVerifier.verify(log, expectedHead: head).problems
                == [
                    "the log no longer holds the head \(head): entries were cut from its end (its last entry now is seq 4)"
                ])
    }

    @Test func garbageLinesAreNamed() throws {
        let log = try sampleLog()
        try rewrite(log) { $0[3] = "not json" }
        #expect(
            LogVerifier.verify(log).problems.first?.hasPrefix("line 4 is not a log entry: not a JSON object") == true)
        try rewrite(log) { $0[3] = #"{"v":1,"seq":4}"# }
        #expect(LogVerifier.verify(log).problems.first == "line 4 is not a log entry: no time")
    }

    @Test func evidenceIsCheckedAgainstItsDigest() throws {
        let root = try temporaryProject(["report.info": "SF:a\nDA:1,1\nend_of_record\n"])
        let log = SessionLog(path: root + "/.protocol/log.jsonl")
        let store = EvidenceStore(besideLog: log.path)
        let digest = try SHA256.digest(ofFile: root + "/report.info").hex
        try store.keep(root + "/report.info", digest: digest)
        try store.keep(root + "/report.info", digest: digest)
        let data = JSONOutput.object([
            ("evidence", .bool(true)),
            ("reports", .array([.object([("path", .string("report.info")), ("sha256", .string(digest))])])),
        ])
        try append(log, .check, data)
        #expect(
            LogVerifier.verify(log, evidence: store)
                == LogVerifier.Result(entries: 1, head: LogVerifier.verify(log).head, problems: [], evidenceChecked: 1))
        chmod(store.path(of: digest), 0o644)
        try "tampered".write(toFile: store.path(of: digest), atomically: false, encoding: .utf8)
        #expect(
            LogVerifier.verify(log, evidence: store).problems.first?.hasPrefix(
                "evidence \(store.path(of: digest)) has SHA-256") == true)
        try FileManager.default.removeItem(atPath: store.path(of: digest))
        #expect(
            LogVerifier.verify(log, evidence: store).problems == ["evidence \(digest) is missing from \(store.folder)"])
    }
}
