import Testing

@testable import GateKit

@Suite struct GateFileParserTests {
    private func parse(_ text: String) throws(GateFileErrors) -> GateFile {
        try GateFileParser.parse(Array(text.utf8), file: "gates/g.json5")
    }

    /// The single error a gate file gives, printed as protocol prints it.
    private func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func readsTheDesignExample() throws {
        let file = try parse(
            """
            // gates/protocol.json5
            {
              protocol: 1,
              name: "payments-service",
              reports: {
                coverage: { paths: ["coverage/lcov.info"], strip: ["/home/runner/work/app/app/"], exclude: "**/Generated/**" },
                tests: "build/test-results/**/*.xml",
                lint: ["reports/swift-format.txt", "reports/swiftc.log"],
              },
              gates: [
                { id: "tests_pass",   require: "tests.failed == 0" },
                { id: "coverage_met", require: "coverage.lines >= 95%", description: "line coverage" },
                { id: "lint_clean",   require: ["lint.errors == 0", "lint.warnings <= 10"], phase: "code-complete", level: "warn" },
              ],
            }
            """)
        #expect(file.name == "payments-service")
        #expect(file.gates.map(\.id) == ["tests_pass", "coverage_met", "lint_clean"])
        #expect(file.gates[1].description == "line coverage")
        #expect(file.gates[2].conditions.count == 2)
        #expect(file.gates[2].level == .warn)
        #expect(file.gates[2].phase == "code-complete")
        #expect(file.sources.map(\.category) == [.coverage, .tests, .lint])
        #expect(file.sources[0].strip == ["/home/runner/work/app/app/"])
        #expect(file.sources[0].exclude.map(\.pattern) == ["**/Generated/**"])
        #expect(file.sources[2].patterns.map(\.pattern) == ["reports/swift-format.txt", "reports/swiftc.log"])
    }

    @Test func aFormatOverrideMustBelongToTheCategory() throws {
        let file = try parse(#"{protocol: 1, reports: {tests: {paths: "a.xml", format: "junit"}}, gates: []}"#)
        #expect(file.sources.first?.format == .junit)
        #expect(
            error(#"{protocol: 1, reports: {tests: {paths: "a.xml", format: "junt"}}, gates: []}"#)
                == "gates/g.json5:1:57: reports.tests.format: unknown tests format 'junt'; known: junit, tap, trx, nunit, xunit2, ctest (did you mean 'junit'?)"
        )
        #expect(
            error(#"{protocol: 1, reports: {tests: {paths: "a.xml", format: "lcov"}}, gates: []}"#)
                == "gates/g.json5:1:57: reports.tests.format: 'lcov' is a coverage format, not a tests one")
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(error("{\n  protocol: 1,\n  gates: [ }").hasPrefix("gates/g.json5:3:12: "))
    }

    @Test func unknownKeysSuggestTheNearest() {
        #expect(
            error(#"{protocol: 1, gate: []}"#)
                == "gates/g.json5:1:15: unknown key 'gate'; expected one of: protocol, name, reports, gates, log (did you mean 'gates'?)"
        )
        #expect(
            error(#"{protocol: 1, gates: [{id: "a", require: "tests.failed == 0", levle: "warn"}]}"#)
                == "gates/g.json5:1:63: gates[0]: unknown key 'levle'; expected one of: id, description, require, attest, documents, level, phase (did you mean 'level'?)"
        )
        #expect(
            error(#"{protocol: 1, reports: {coverag: "x"}, gates: []}"#)
                == "gates/g.json5:1:25: reports.coverag: unknown report category 'coverag'; known: coverage, tests, lint, scan, bench, metrics (did you mean 'coverage'?)"
        )
    }

    @Test func theFormatVersionIsRequiredAndANewerOneIsRefused() {
        #expect(error("{gates: []}") == "gates/g.json5:1:1: missing 'protocol: 1' (the gate-file format version)")
        #expect(
            error("{protocol: 2, gates: []}")
                == "gates/g.json5:1:12: protocol: this file is written for gate-file format 2, but this protocol reads format 1: upgrade protocol to use it"
        )
        #expect(
            error("{protocol: \"1\", gates: []}")
                == "gates/g.json5:1:12: protocol: expected the format version 1, found a string")
        #expect(
            error("{protocol: 1.5, gates: []}")
                == "gates/g.json5:1:12: protocol: expected the format version 1, found a number")
    }

    @Test func conditionErrorsPointIntoTheString() {
        #expect(
            error(#"{protocol: 1, gates: [{id: "c", require: "coverage.lines >= 0.95"}]}"#)
                == "gates/g.json5:1:61: gates[0].require: coverage.lines is a percentage: write 95%, not 0.95")
        #expect(
            error(#"{protocol: 1, gates: [{id: "c", require: ["tests.failed == 0", "test.failed == 0"]}]}"#)
                == "gates/g.json5:1:65: gates[0].require[1]: unknown metric 'test.failed' (did you mean 'tests.failed'?)"
        )
    }

    @Test func everyProblemIsReportedAtOnce() {
        do {
            _ = try parse(
                #"{protocol: 1, extra: 1, gates: [{require: "x"}, {id: "a b", require: "tests.failed == 0"}, 7]}"#)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 4)
            #expect(error.errors.map(\.jsonPath) == [nil, "gates[0]", "gates[1].id", "gates[2]"])
        }
    }

    @Test func gateFieldsAreChecked() {
        #expect(
            error(#"{protocol: 1, gates: [{id: "a"}]}"#)
                == #"gates/g.json5:1:23: gates[0]: gate 'a' requires nothing: give require (conditions such as "tests.failed == 0"), attest (a statement to attest) or documents (required files)"#
        )
        #expect(
            error(#"{protocol: 1, gates: [{id: "a", require: "tests.failed == 0", level: "warning"}]}"#)
                == #"gates/g.json5:1:70: gates[0].level: level is "error" or "warn", not 'warning'"#)
        #expect(
            error(#"{protocol: 1, gates: [{id: "a", require: []}]}"#)
                == "gates/g.json5:1:42: gates[0].require: expected a condition string or a non-empty list of them, found an array"
        )
        #expect(
            error(#"{protocol: 1, gates: [{id: "a", require: "tests.failed == 0", phase: ""}]}"#)
                == "gates/g.json5:1:70: gates[0].phase: the phase name is empty")
        #expect(
            error(
                #"{protocol: 1, gates: [{id: "a", require: "tests.failed == 0"}, {id: "a", require: "tests.total > 0"}]}"#
            )
                == "gates/g.json5:1:64: gates[1].id: duplicate gate id 'a' (first at line 1)")
        #expect(
            error(#"{protocol: 1, gates: {}}"#)
                == "gates/g.json5:1:22: gates: expected an array of gates, found an object")
        #expect(
            error("[1]").hasSuffix("a gate file is an object ({ protocol: 1, reports: {…}, gates: […] }), not an array")
        )
    }

    @Test func reportSourcesAreChecked() {
        #expect(
            error(#"{protocol: 1, reports: {coverage: {format: "lcov"}}, gates: []}"#)
                == "gates/g.json5:1:35: reports.coverage: missing 'paths': the report files, as a glob or a list of globs"
        )
        #expect(
            error(#"{protocol: 1, reports: {coverage: 3}, gates: []}"#)
                == "gates/g.json5:1:35: reports.coverage: expected a glob, a list of globs or { paths, format, strip, map, require_files, include, exclude }, found a number"
        )
        #expect(
            error(#"{protocol: 1, reports: {coverage: "a/[b"}, gates: []}"#).hasPrefix(
                "gates/g.json5:1:35: reports.coverage: 'a/[b' is not a valid glob: "))
        #expect(
            error(#"{protocol: 1, reports: {tests: {paths: "a.xml", exclude: "x"}}, gates: []}"#)
                == "gates/g.json5:1:58: reports.tests: include and exclude filter the source paths of coverage and lint reports; test reports have none"
        )
        #expect(
            error(#"{protocol: 1, reports: {lint: {paths: "a", strip: []}}, gates: []}"#)
                == "gates/g.json5:1:51: reports.lint.strip: expected a string or a non-empty list of strings, found an array"
        )
        #expect(
            error(#"{protocol: 1, reports: {lint: []}, gates: []}"#)
                == "gates/g.json5:1:31: reports.lint: expected at least one glob")
        #expect(
            error(#"{protocol: 1, reports: [], gates: []}"#)
                == "gates/g.json5:1:24: reports: expected an object of category → report paths, found an array")
    }
}
