import Testing

@testable import GateKit

@Suite struct GateLoaderTests {
    @Test func filesMergeInPathOrder() throws {
        let root = try temporaryProject([
            "gates/b.json5": #"{protocol: 1, name: "second", gates: [{id: "b", require: "lint.total == 0"}]}"#,
            "gates/a.json":
                #"{"protocol": 1, "name": "first", "reports": {"lint": "l.txt"}, "gates": [{"id": "a", "require": "lint.errors == 0"}]}"#,
            "gates/notes.txt": "not a gate file",
            "gates/.hidden.json5": "{",
        ])
        let set = try GateLoader.load(root: root)
        #expect(set.files == ["gates/a.json", "gates/b.json5"])
        #expect(set.name == "first")
        #expect(set.gates.map(\.id) == ["a", "b"])
        #expect(set.gates.map(\.declaredIn) == ["gates/a.json", "gates/b.json5"])
        #expect(set.sources.map(\.category) == [.lint])
    }

    @Test func aGateWhoseCategoryHasNoReportsIsAnError() throws {
        let root = try temporaryProject([
            "gates/g.json5": #"{protocol: 1, gates: [{id: "t", require: "tests.failed == 0"}]}"#
        ])
        #expect(
            throws: GateFileErrors([
                GateFileError(
                    file: "gates/g.json5", position: SourcePosition(line: 1, column: 23), jsonPath: "gates",
                    message:
                        #"gate 't' reads tests metrics, but no gate file says where the tests reports are: add reports: { tests: "…" }"#
                )
            ])
        ) { try GateLoader.load(root: root) }
    }

    @Test func gateFilesWithoutGatesAreAnError() throws {
        let root = try temporaryProject(["gates/g.json5": #"{protocol: 1, reports: {lint: "l.txt"}}"#])
        #expect(
            throws: GateFileErrors([
                GateFileError(file: "gates/g.json5", message: "no gates are defined: add a gates: [ … ] list")
            ])
        ) { try GateLoader.load(root: root) }
    }

    @Test func problemsOfEveryFileAreReportedTogether() throws {
        let root = try temporaryProject([
            "gates/a.json5": "{protocol: 1, gates: [",
            "gates/b.json5": #"{protocol: 1, gates: [{id: "b"}]}"#,
        ])
        do {
            _ = try GateLoader.load(root: root)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.file) == ["gates/a.json5", "gates/b.json5"])
        }
    }

    @Test func anUnreadableGateFileIsAnError() throws {
        let root = try temporaryProject(["gates/folder.json5/inside": ""])
        #expect(
            throws: GateFileErrors([
                GateFileError(
                    file: "gates/folder.json5", message: "cannot read the file: is a directory, not a report file")
            ])
        ) { try GateLoader.load(root: root) }
    }
}
