import Foundation
import Testing

@testable import GateKit

/// A terminal whose standard output and standard error may each be a TTY, with a window width.
final class FakeTTY: Terminal {
    var output = ""
    var error = ""
    let isInteractive: Bool
    let isErrorInteractive: Bool
    let columns: Int?

    init(output: Bool = true, error: Bool = true, columns: Int? = nil) {
        isInteractive = output
        isErrorInteractive = error
        self.columns = columns
    }

    func write(_ text: String) { output += text }
    func writeError(_ text: String) { error += text }
}

/// Compares `text` with `Tests/ProtocolCLITests/Golden/<name>`, where every golden file lives; with
/// `UPDATE_GOLDEN=1` in the environment, rewrites it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ProtocolCLITests/Golden/\(name)").path
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
        text == golden, "output differs from Golden/\(name) (UPDATE_GOLDEN=1 rewrites it)",
        sourceLocation: sourceLocation)
}

/// The terminal table of `protocol check`: widths, wrapping, colour, verbose; and the progress line.
@Suite struct TerminalOutputTests {
    /// A project whose gate ids, selectors, reasons and offenders are all longer than a column.
    static func wideProject() throws -> String {
        let engine = "Sources/PaymentsReconciliation/Internal/LedgerReconciliationEngine.swift"
        let fees = "Sources/PaymentsReconciliation/Internal/Fees.swift"
        let errors = (1...7).map {
            "\(engine):\($0 * 10):5: error: line is too long; the limit is 120 columns [LineLength]\n"
        }
        return try temporaryProject([
            "gates/payments.json5": """
            {
              protocol: 1,
              name: "payments-service",
              reports: {
                coverage: "cov/lcov.info",
                lint: { paths: "lint.txt", format: "diagnostics" },
                tests: "build/test-results/**/*.xml",
              },
              gates: [
                { id: "reconciliation_engine_coverage_for_the_release_candidate",
                  require: 'coverage.lines{path="\(engine)"} >= 90%' },
                { id: "every_file_covered", require: 'coverage.lines{per="file"} >= 60%', level: "warn" },
                { id: "lint", require: ["lint.errors == 0", "lint.warnings <= 10"] },
                { id: "tests_pass", require: "tests.failed == 0" },
              ],
            }
            """,
            "cov/lcov.info":
                "SF:\(engine)\nDA:1,1\nDA:2,0\nDA:3,1\nDA:4,1\nend_of_record\nSF:\(fees)\nDA:1,1\nDA:2,0\nDA:3,0\nend_of_record\n",
            engine: "", fees: "",
            "lint.txt": errors.joined() + "\(fees):3:1: warning: trailing whitespace [TrailingWhitespace]\n",
        ])
    }

    static func check(
        _ root: String, _ options: [String] = [], terminal: FakeTTY = FakeTTY(output: false, error: false),
        environment: [String: String] = [:], stopwatch: @escaping () -> Double = { 0 }
    ) -> (status: Int32, output: String, error: String) {
        var invocation = Invocation(
            arguments: ["check", "--no-log"] + options, environment: environment, currentDirectory: root,
            terminal: terminal)
        invocation.stopwatch = stopwatch
        let status = ProtocolTool.run(invocation)
        return (status, terminal.output, terminal.error)
    }

    @Test func aWideTableFitsEightyColumnsInALog() throws {
        let result = Self.check(try Self.wideProject())
        #expect(result.status == 1)
        try expectGolden(result.output, "wide-check.txt")
        #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(result.error.isEmpty, "no progress line when standard error is not a terminal")
    }

    @Test func onATerminalTheTableTakesItsWidthAndColoursTheStatus() throws {
        let root = try Self.wideProject()
        let result = Self.check(root, terminal: FakeTTY(columns: 120))
        try expectGolden(result.output, "wide-check.colour.txt")
        #expect(result.output.contains("\u{1B}[1;31mFAIL\u{1B}[0m  reconciliation_engine_coverage_ "))
        #expect(result.output.split(separator: "\n").allSatisfy { $0.filter { $0 != "\u{1B}" }.count <= 120 + 12 })
        let narrow = Self.check(root, terminal: FakeTTY(columns: 30), environment: ["NO_COLOR": "1"])
        #expect(!narrow.output.contains("\u{1B}["))
        #expect(narrow.output.split(separator: "\n").allSatisfy { $0.count <= 60 }, "never narrower than 60")
    }

    @Test func verboseShowsTheEvidenceOfPassingGatesAndEveryOffender() throws {
        let result = Self.check(try Self.wideProject(), ["--verbose"])
        try expectGolden(result.output, "wide-check.verbose.txt")
        #expect(!result.output.contains("more (--verbose shows all)"))
        #expect(result.output.contains("  Fees.swift:3:1: warning: trailing whitespace\n"))
    }

    @Test func quietPrintsTheVerdictLineInColourOnATerminal() throws {
        let result = Self.check(try Self.wideProject(), ["--quiet"], terminal: FakeTTY())
        #expect(result.output == "\u{1B}[1;31mFAIL\u{1B}[0m: 3 of 4 gates failed, 1 warning\n")
    }

    @Test func theWidthIsEightyOffATerminalElseColumnsOrTheWindowAndNeverBelowSixty() {
        func width(_ terminal: FakeTTY, _ environment: [String: String] = [:]) -> Int {
            Invocation(arguments: [], environment: environment, currentDirectory: "/", terminal: terminal).outputWidth
        }
        #expect(width(FakeTTY(output: false, columns: 200), ["COLUMNS": "200"]) == 80)
        #expect(width(FakeTTY(columns: 132)) == 132)
        #expect(width(FakeTTY(columns: 132), ["COLUMNS": "100"]) == 100)
        #expect(width(FakeTTY(columns: 132), ["COLUMNS": "wide"]) == 132)
        #expect(width(FakeTTY(), ["COLUMNS": "0"]) == 80)
        #expect(width(FakeTTY(columns: 40)) == 60)
    }

    @Test func textWrapsAtSpacesThenInsideLongWordsAndShortensOnlyWhatCannotBreak() {
        #expect(
            TextWrapping.wrap("short by 18.10 points: 8 of 21 lines", width: 22) == [
                "short by 18.10 points:", "8 of 21 lines",
            ])
        #expect(
            TextWrapping.wrap(#"coverage.lines{path="Sources/Inventory/Stock.swift"} >= 80%"#, width: 20) == [
                #"coverage.lines{path="#, #""Sources/Inventory/"#, #"Stock.swift"} >= 80%"#,
            ])
        #expect(TextWrapping.wrap("sha256:0123456789abcdef0123456789abcdef", width: 16) == ["sha256:0…9abcdef"])
        #expect(TextWrapping.wrap("", width: 10) == [""])
        #expect(TextWrapping.wrap("a  b", width: 10) == ["a  b"], "text that fits is left alone")
        #expect(TextWrapping.shortened("abcdef", to: 1) == "…")
        #expect(TextWrapping.shortened("abcdef", to: 0) == "…")
        #expect(TextWrapping.longestUnbreakable("lint.errors{rule=\"line_length\"} == 0") == 11)
        #expect(
            TextWrapping.wrap("attested at 2026-11-21T10:00:00Z by ci-bot", width: 20) == [
                "attested at", "2026-11-21T10:00:00Z", "by ci-bot",
            ], "a date does not break between its digits; a name breaks after its '-'")
        #expect(TextWrapping.wrap("ci-bot-account", width: 8) == ["ci-bot-", "account"])
    }

    @Test func aTableAlignsItsColumnsAndHangsItsNotesUnderOne() {
        var table = TextTable(notesColumn: 1)
        #expect(table.lines(width: 60).isEmpty)
        table.rows = [
            TextTable.Row(cells: ["a", "first cell", "x"], notes: ["- an offender whose text is long enough to wrap"]),
            TextTable.Row(cells: ["bb"]),
        ]
        #expect(
            table.lines(width: 40) == [
                "  a   first cell  x",
                "      - an offender whose text is long",
                "        enough to wrap",
                "  bb",
            ])
    }

    @Test func aLastCellThatWouldRunDownANarrowColumnBecomesTheFirstNote() {
        let reason = "no tests report found under the root (known names such as junit.xml); generate one"
        let table = TextTable(
            rows: [
                TextTable.Row(cells: ["FAIL", "tests.failed == 0", "no value", reason], notes: ["- offender"]),
                TextTable.Row(cells: ["PASS", "coverage.lines >= 90%", "100.00%", "10.00 points to spare"]),
            ], notesColumn: 1)
        #expect(
            table.lines(width: 64) == [
                "  FAIL  tests.failed == 0      no value",
                "        no tests report found under the root (known names such",
                "        as junit.xml); generate one",
                "        - offender",
                "  PASS  coverage.lines >= 90%  100.00%   10.00 points to spare",
            ])
    }

    @Test func theStopwatchNeverGoesBack() {
        let first = Stopwatch.seconds()
        #expect(Stopwatch.seconds() >= first)
    }
}
