import Foundation
import Testing

/// The session log as processes use it: concurrently, and read back by an auditor with standard tools.
@Suite struct SessionEndToEndTests {
    private let gates =
        #"{protocol: 1, reports: {lint: {paths: "lint.txt", format: "diagnostics"}}, gates: [{id: "lint", require: "lint.errors == 0"}]}"#

    @Test func eightChecksAtOnceAllLandInOneVerifiedChain() throws {
        let root = try temporaryProject(["gates/g.json5": gates, "lint.txt": ""])
        let processes = try (0..<8).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: protocolBinary)
            process.arguments = ["check", "--root", root]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let lines = try String(contentsOfFile: root + "/.protocol/log.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9, "one session.start and eight checks")
        #expect(lines.filter { $0.contains(#""event":"check""#) }.count == 8)
        let verify = try runProtocol(["log", "verify"], in: root)
        #expect(verify.status == 0)
        #expect(verify.output.hasPrefix(".protocol/log.jsonl: 9 entries verify; head "))
    }

    @Test func anAuditorVerifiesTheChainWithShellTools() throws {
        let root = try temporaryProject(["gates/g.json5": gates, "lint.txt": ""])
        _ = try runProtocol(["session", "start", "audit me"], in: root)
        _ = try runProtocol(["check"], in: root)
        _ = try runProtocol(["check"], in: root)
        // The README's recipe: each line's hash covers the line without its hash member; prev is the previous line's.
        let script = """
            prev=0000000000000000000000000000000000000000000000000000000000000000
            while IFS= read -r line; do
              body=$(printf '%s' "$line" | sed -E 's/,"hash":"[0-9a-f]{64}"}$/}/')
              hash=$(printf '%s' "$line" | sed -E 's/.*,"hash":"([0-9a-f]{64})"}$/\\1/')
              [ "$(printf '%s' "$body" | sha256sum | cut -c1-64)" = "$hash" ] || { echo "bad hash"; exit 1; }
              [ "$(printf '%s' "$line" | sed -E 's/.*"prev":"([0-9a-f]{64})".*/\\1/')" = "$prev" ] || { echo "bad prev"; exit 1; }
              prev=$(printf '%s' "$line" | sha256sum | cut -c1-64)
            done < .protocol/log.jsonl
            echo "$prev"
            """
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        shell.currentDirectoryURL = URL(fileURLWithPath: root)
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(output)")
        #expect(output == (try runProtocol(["log", "head"], in: root)).output)
    }
}
