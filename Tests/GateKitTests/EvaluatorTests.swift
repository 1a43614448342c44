import Testing

@testable import GateKit

/// Builds a store from typed reports, the way a check does after reading the files (findings feed `findings`).
func store(
    _ reports: [Report], root: String = "/repo", strip: [String] = [], exclude: [String] = [],
    findings: ReportCategory = .lint, waivers: [ReportCategory: [Waiver]] = [:], today: CalendarDate? = nil
) throws -> MetricStore {
    let mapping = PathMapping(root: root, strip: strip, exclude: try exclude.map { try Glob($0) })
    return MetricStore(
        reports.enumerated().map { index, report in
            let (format, category): (ReportFormat, ReportCategory) =
                switch report {
                case .coverage: (.lcov, .coverage)
                case .tests: (.junit, .tests)
                case .findings: (.diagnostics, findings)
                case .benchmark: (.hyperfine, .bench)
                case .metrics: (.openMetrics, .metrics)
                }
            return MetricStore.Input(
                report: LoadedReport(
                    path: "r\(index)", format: format, report: report, byteCount: 0, encoding: .utf8,
                    category: category),
                mapping: mapping)
        }, waivers: waivers, today: today)
}

extension MetricStore {
    /// The value of `name` over the selection, or nil when the store cannot measure it.
    func value(_ name: String, _ selector: [SelectorTerm] = []) throws -> Double? {
        guard case .measured(let measurement) = measure(try #require(MetricDefinition.named(name)), selector: selector)
        else { return nil }
        return measurement.value
    }

    /// Why the store cannot measure `name`, or nil when it can.
    func reason(_ name: String, perFile: Bool = false) throws -> String? {
        guard
            case .unavailable(let reason) = measure(try #require(MetricDefinition.named(name)), perFile: perFile)
        else { return nil }
        return reason
    }
}

func gate(_ id: String, _ conditions: String..., level: GateLevel = .error) throws -> Gate {
    Gate(id: id, conditions: try conditions.map { try ConditionParser.parse($0) }, level: level, declaredIn: "g.json5")
}

@Suite struct EvaluatorTests {
    let coverage = Report.coverage(
        CoverageReport(files: [
            FileCoverage(path: "/repo/Sources/App/A.swift", lines: CoverageCount(covered: 90, total: 100)),
            FileCoverage(
                path: "/repo/Sources/App/B.swift", lines: CoverageCount(covered: 10, total: 20),
                branches: CoverageCount(covered: 1, total: 4)),
            FileCoverage(path: "/repo/Tests/T.swift", lines: CoverageCount(covered: 5, total: 5)),
        ]))

    private func evaluate(_ gates: [Gate], _ reports: [Report], problems: [ReportCategory: [String]] = [:]) throws
        -> Verdict
    {
        Evaluator.evaluate(
            gates, store: try store(reports), problems: problems, reports: [], context: Evaluator.Context(root: "/repo")
        )
    }

    @Test func coverageIsSummedOverTheSelectedFiles() throws {
        let verdict = try evaluate(
            [
                try gate("all", "coverage.lines >= 80%"),
                try gate("sources", #"coverage.lines{path="Sources/**"} >= 80%"#),
                try gate(
                    "counts", #"coverage.lines.covered{path="Sources/**"} == 100"#,
                    #"coverage.lines.total{path="Sources/**"} == 120"#),
            ], [coverage])
        #expect(verdict.gates.map(\.status) == [.pass, .pass, .pass])
        let all = try #require(verdict.gates[0].conditions.first?.measurement)
        #expect(abs(all.value - 105.0 / 125.0 * 100) < 1e-9)
        #expect(all.basis == "20 of 125 lines uncovered")
        let sources = try #require(verdict.gates[1].conditions.first?.measurement)
        #expect(abs(sources.value - 100.0 / 120.0 * 100) < 1e-9)
        #expect(
            sources.offenders == [
                "Sources/App/A.swift: 10 of 100 lines uncovered", "Sources/App/B.swift: 10 of 20 lines uncovered",
            ])
    }

    @Test func missingDataFailsClosedWithTheReason() throws {
        let verdict = try evaluate(
            [
                try gate("branches", "coverage.branches >= 30%"),
                try gate("functions", "coverage.functions >= 10%"),
                try gate("nothing", #"coverage.lines{path="Lib/**"} >= 1%"#),
                try gate("tests", "tests.failed == 0"),
            ], [coverage], problems: [.tests: ["no tests report matched 'build/*.xml'"]])
        #expect(verdict.gates[0].status == .fail)
        #expect(verdict.gates[0].conditions[0].measurement?.value == 25)
        #expect(verdict.gates[1].conditions[0].reason == "the coverage reports have no functions data")
        #expect(
            verdict.gates[2].conditions[0].reason
                == #"no file in the coverage reports matches path="Lib/**" (their paths look like: Sources/App/A.swift, Sources/App/B.swift, Tests/T.swift)"#
        )
        #expect(verdict.gates[3].conditions[0].reason == "no tests report matched 'build/*.xml'")
        #expect(!verdict.passed)
    }

    @Test func aWarnGateNeverFailsTheCheck() throws {
        let verdict = try evaluate([try gate("strict", "coverage.lines >= 99%", level: .warn)], [coverage])
        #expect(verdict.gates[0].status == .warn)
        #expect(verdict.passed)
        #expect(verdict.count(.warn) == 1)
    }

    @Test func testsCountCasesAndZeroCasesIsNotAPass() throws {
        let tests = Report.tests(
            TestReport(suites: [
                TestSuiteResult(
                    name: "PaymentsTests", counts: TestCounts(passed: 8, failed: 1, errors: 1, skipped: 2),
                    duration: 1.5,
                    problems: [TestProblem(kind: .failure, name: "PaymentsTests.refund", message: "expected 3, got 4")]),
                TestSuiteResult(name: "OrdersTests", counts: TestCounts(passed: 5), duration: 0.5),
            ]))
        let verdict = try evaluate(
            [
                try gate("failed", "tests.failed == 0"),
                try gate(
                    "orders", #"tests.failed{suite="OrdersTests"} == 0"#, "tests.total == 17", "tests.skipped == 2"),
                try gate("rate", "tests.pass_rate >= 85%", "tests.duration < 3s"),
            ], [tests])
        #expect(verdict.gates.map(\.status) == [.fail, .pass, .pass])
        #expect(
            verdict.gates[0].conditions[0].measurement?.offenders == [
                "failure: PaymentsTests.refund: expected 3, got 4"
            ])
        #expect(verdict.gates[2].conditions[0].measurement?.value == 13.0 / 15.0 * 100)
        #expect(verdict.gates[2].conditions[1].measurement?.value == 2)
        let empty = try evaluate([try gate("failed", "tests.failed == 0")], [.tests(TestReport(suites: []))])
        #expect(empty.gates[0].conditions[0].reason == "the test reports hold no test cases")
        #expect(empty.gates[0].conditions[0].measurement?.value == 0)
        #expect(!empty.gates[0].conditions[0].passed)
        let skippedOnly = try evaluate(
            [try gate("rate", "tests.pass_rate >= 90%")],
            [.tests(TestReport(suites: [TestSuiteResult(name: "S", counts: TestCounts(skipped: 3))]))])
        #expect(skippedOnly.gates[0].conditions[0].reason == "no test ran: all 3 were skipped")
    }

    @Test func lintCountsByLevelAndSelector() throws {
        let lint = Report.findings(
            FindingsReport(findings: [
                Finding(
                    tool: "swift-format", rule: "Indentation", level: .warning, path: "/repo/Sources/A.swift", line: 3,
                    column: 1, message: "unindent"),
                Finding(
                    tool: "swiftc", level: .error, path: "/repo/Sources/B.swift", line: 9, column: 2,
                    message: "type mismatch"),
                Finding(tool: "swiftc", level: .note, message: "see here"),
            ]))
        let verdict = try evaluate(
            [
                try gate("errors", "lint.errors == 0"),
                try gate(
                    "format", #"lint.warnings{tool="swift-format"} <= 1"#, #"lint.total{rule="Indentation"} == 1"#),
                try gate("paths", #"lint.total{path="Sources/A.swift"} == 1"#, "lint.notes == 1", "lint.total == 3"),
            ], [lint])
        #expect(verdict.gates.map(\.status) == [.fail, .pass, .pass])
        #expect(verdict.gates[0].conditions[0].measurement?.offenders == ["Sources/B.swift:9:2: error: type mismatch"])
    }

    @Test func linesAndBranchesIsCoveragePysMixedTotal() throws {
        // coverage.py: TOTAL Stmts 125, Miss 20, Branch 4, BrPart 3 → (105 + 1) / (125 + 4) = 82.17%.
        let value = try store([coverage]).value("coverage.lines_and_branches")
        #expect(value.map { abs($0 - 106.0 / 129.0 * 100) < 1e-9 } == true)
        #expect(
            try store([coverage]).reason("coverage.lines_and_branches")
                == nil, "files without branch data count their lines")
    }

    @Test func aReportOfNoFilesCountsZeroButHasNoPercentage() throws {
        let empty = try store([.coverage(CoverageReport(files: []))])
        #expect(try empty.value("coverage.lines.total") == 0)
        #expect(try empty.value("coverage.lines.covered") == 0)
        #expect(try empty.reason("coverage.lines") == "the coverage reports list no source files")
        #expect(try empty.reason("coverage.lines.total", perFile: true) == "the coverage reports list no source files")
    }

    @Test func statedPercentagesAreUsedOnlyAloneAndOverall() throws {
        let stated = Report.coverage(CoverageReport(files: [], statedPercentages: ["lines": 67.28, "branches": 50]))
        let alone = try store([stated])
        #expect(try alone.value("coverage.lines") == 67.28)
        #expect(try alone.value("coverage.branches") == 50)
        #expect(try alone.reason("coverage.functions") == "r0 states no functions percentage")
        let refusal =
            "r0 states overall percentages only (no counts, no files): it cannot be combined with other reports, "
            + "selected by path or counted; read the detailed report beside it instead"
        #expect(try alone.reason("coverage.lines.total") == refusal)
        #expect(try alone.reason("coverage.lines", perFile: true) == refusal)
        #expect(try alone.value("coverage.lines", [SelectorTerm(key: "path", match: .equals, value: "a/**")]) == nil)
        #expect(try store([stated, coverage]).reason("coverage.lines") == refusal)
    }

    @Test func theSameFileInTwoCoverageReportsCountsOnce() throws {
        let first = Report.coverage(
            CoverageReport(files: [FileCoverage(path: "/ci/a.swift", lines: CoverageCount(covered: 1, total: 10))]))
        let second = Report.coverage(
            CoverageReport(files: [FileCoverage(path: "a.swift", lines: CoverageCount(covered: 8, total: 10))]))
        let merged = try store([first, second], strip: ["/ci/"])
        let total = try #require(MetricDefinition.named("coverage.lines.total"))
        #expect(
            merged.measure(total)
                == .measured(Measurement(value: 10, basis: "2 of 10 lines uncovered")))
    }
}
