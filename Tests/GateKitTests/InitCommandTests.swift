import Foundation
import Testing

@testable import GateKit

@Suite struct InitCommandTests {
    @Test func writesTheGateFileAndSaysWhatItFound() throws {
        let root = try temporaryProject(["coverage/lcov.info": lcovText, "junit.xml": junitText])
        let result = run(["init"], in: root)
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.output == """
                Wrote gates/protocol.json5 (profile protocol): 2 reports found (coverage 1, tests 1).
                No report found for lint, scan, bench: those gates are commented out; generate the reports, then \
                enable them.
                Next: protocol check

                """)
        let written = try String(contentsOfFile: root + "/gates/protocol.json5", encoding: .utf8)
        #expect(written == ProfileGateFile.discover(.protocol, root: root).text(starter: true))
        #expect(
            written.contains("    // { id: \"lint_clean\", require: \"lint.errors == 0\", phase: \"code-complete\" },"))
        let gates = try GateLoader.load(root: root)
        #expect(gates.gates.map(\.id) == ["tests_pass", "coverage", "code_review", "design_docs"])
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let root = try temporaryProject(["gates/protocol.json5": "mine\n", "junit.xml": junitText])
        let kept = run(["init", "--root", root], in: "/")
        #expect(kept.status == 2)
        #expect(
            kept.error == "error: \(root)/gates/protocol.json5 already exists; --force replaces it, --print shows "
                + "what would be written\n")
        #expect(try String(contentsOfFile: root + "/gates/protocol.json5", encoding: .utf8) == "mine\n")
        let forced = run(["init", "--force", "--profile", "standards"], in: root)
        #expect(forced.status == 0)
        let written = try String(contentsOfFile: root + "/gates/protocol.json5", encoding: .utf8)
        #expect(written.hasPrefix("// Written by `protocol init --profile standards`"))
    }

    @Test func printWritesToStandardOutputOnly() throws {
        let root = try temporaryProject(["junit.xml": junitText])
        let result = run(["init", "--print", "--profile", "standards"], in: root)
        #expect(result.status == 0)
        #expect(result.output == ProfileGateFile.discover(.standards, root: root).text(starter: true))
        #expect(FileSystem.kind(of: root + "/gates") == nil)
    }

    @Test func withoutAnyReportNothingIsWrittenAndTheHintsArePrinted() throws {
        let root = try temporaryProject(["src/a.swift": "let a = 1\n", "README.md": "# app\n"])
        let result = run(["init"], in: root)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("error: no report found under \(root) (3 entries looked at, 0 files sniffed)"))
        #expect(result.error.contains("  tests: pytest --junitxml=junit.xml, jest with jest-junit"))
        #expect(FileSystem.kind(of: root + "/gates") == nil)
    }

    @Test func anUnwritablePlaceOrAMissingRootIsAnError() throws {
        let root = try temporaryProject(["gates": "a file, not a folder\n", "junit.xml": junitText])
        let result = run(["init"], in: root)
        #expect(result.status == 2)
        #expect(result.error == "error: cannot write \(root)/gates/protocol.json5: not a directory\n")
        let missing = run(["init", "--root", "nowhere"], in: root)
        #expect(missing.status == 2)
        #expect(missing.error == "error: the root nowhere is not a folder\n")
    }

    @Test func discoveryThatStoppedAtItsLimitsSaysSo() throws {
        let root = try temporaryProject(["a-junit.xml": junitText, "data/0.json": "{}"])
        for index in 1...2_000 {
            FileManager.default.createFile(atPath: root + "/data/\(index).json", contents: Data("{}".utf8))
        }
        let written = run(["init"], in: root)
        #expect(written.status == 0)
        #expect(written.output.contains("Discovery stopped at its limits (2003 entries, 2000 files sniffed)"))
    }
}
