import Testing

@testable import GateKit

@Suite struct ConditionParserTests {
    @Test func parsesMetricOperatorAndPercentage() throws {
        let condition = try ConditionParser.parse("coverage.lines >= 95%")
        #expect(condition.metric.name == "coverage.lines")
        #expect(condition.comparison == .greaterOrEqual)
        #expect(condition.threshold == 95)
        #expect(condition.thresholdText == "95%")
        #expect(condition.selector.isEmpty)
    }

    @Test(arguments: [
        ("tests.failed < 1", Comparison.less), ("tests.failed <= 1", .lessOrEqual), ("tests.failed > 1", .greater),
        ("tests.failed >= 1", .greaterOrEqual), ("tests.failed == 1", .equal), ("tests.failed != 1", .notEqual),
        ("tests.failed ≤ 1", .lessOrEqual), ("tests.failed ≥ 1", .greaterOrEqual), ("tests.failed ≠ 1", .notEqual),
    ])
    func parsesEveryOperator(_ text: String, _ expected: Comparison) throws {
        #expect(try ConditionParser.parse(text).comparison == expected)
    }

    @Test func parsesSelectorsWithDoubleOrSingleQuotesAndEscapes() throws {
        let condition = try ConditionParser.parse(#"coverage.lines{path="Sources/**", path!='Sources/Gen/**'} >= 90%"#)
        #expect(condition.selector.map(\.key) == ["path", "path"])
        #expect(condition.selector.map(\.match) == [.equals, .notEquals])
        #expect(condition.selects { $0 == "path" ? "Sources/App/a.swift" : nil })
        #expect(!condition.selects { $0 == "path" ? "Sources/Gen/b.swift" : nil })
        #expect(!condition.selects { $0 == "path" ? "Tests/c.swift" : nil })
        let escaped = try ConditionParser.parse(#"tests.failed{suite="a \"quoted\" suite"} == 0"#)
        #expect(escaped.selector.first?.value == #"a "quoted" suite"#)
    }

    @Test func regexSelectorsMatchAnywhereInTheValue() throws {
        let condition = try ConditionParser.parse(#"tests.failed{suite~"^Payments"} == 0"#)
        #expect(condition.selects { _ in "PaymentsTests" })
        #expect(!condition.selects { _ in "OrdersTests" })
        #expect(!condition.selects { _ in nil })
    }

    @Test func nonPathSelectorsCompareExactly() throws {
        let condition = try ConditionParser.parse(#"lint.errors{tool="swift*"} == 0"#)
        #expect(!condition.selects { _ in "swiftc" })
        #expect(condition.selects { _ in "swift*" })
    }

    @Test(arguments: [
        ("tests.duration < 200ms", 0.2), ("tests.duration < 1.5s", 1.5), ("tests.duration < 2m", 120),
        ("tests.duration < 250us", 0.000_25), ("tests.duration < 250µs", 0.000_25), ("tests.duration < 10ns", 1e-8),
        ("tests.duration < 0", 0),
    ])
    func convertsDurationsToSeconds(_ text: String, _ seconds: Double) throws {
        let threshold = try ConditionParser.parse(text).threshold
        #expect(abs(threshold - seconds) < 1e-15)
    }

    @Test func countsTakeNoUnitAndZeroNeedsNone() throws {
        #expect(try ConditionParser.parse("lint.total <= 12").threshold == 12)
        #expect(try ConditionParser.parse("coverage.lines > 0").threshold == 0)
    }

    @Test func aFractionForAPercentageSaysToWriteAPercentage() {
        #expect(throws: ConditionSyntaxError("coverage.lines is a percentage: write 95%, not 0.95", column: 19)) {
            try ConditionParser.parse("coverage.lines >= 0.95")
        }
        #expect(throws: ConditionSyntaxError("tests.pass_rate is a percentage: write 98%, not 98", column: 20)) {
            try ConditionParser.parse("tests.pass_rate >= 98")
        }
    }

    @Test func unitsMustFitTheMetric() throws {
        let wrongKind = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("tests.duration < 5MB") }
        #expect(wrongKind?.message == "tests.duration is a duration but 'MB' is a unit of size; use a unit like 200ms")
        let count = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("tests.failed == 0%") }
        #expect(count?.message == "tests.failed is a count but '%' is a unit of percentage; write a plain number")
        let missing = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("tests.duration < 5") }
        #expect(missing?.message == "tests.duration is a duration: add a unit, e.g. 200ms")
        let unknown = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("tests.duration < 5sec") }
        #expect(unknown?.message == "unknown unit 'sec'")
        let typo = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("tests.duration < 5mss") }
        #expect(typo?.message == "unknown unit 'mss' (did you mean 'ms'?)")
    }

    @Test func unknownMetricsAndSelectorKeysSuggestTheNearestName() {
        let metric = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("coverage.line >= 95%") }
        #expect(metric?.message == "unknown metric 'coverage.line' (did you mean 'coverage.lines'?)")
        #expect(metric?.column == 1)
        let key = #expect(throws: ConditionSyntaxError.self) {
            try ConditionParser.parse(#"coverage.lines{pth="x"} >= 95%"#)
        }
        #expect(
            key?.message
                == "coverage.lines has no selector 'pth'; it accepts path, per, min_lines (did you mean 'path'?)")
        #expect(key?.column == 16)
    }

    @Test(arguments: [
        ("", "expected a metric name such as coverage.lines", 1),
        ("tests.failed", "expected a comparison (<, <=, >, >=, ==, !=)", 13),
        ("tests.failed = 0", "'=' is not a comparison; write == to compare", 14),
        ("tests.failed == ", "expected a number after the comparison, e.g. tests.failed ... 0", 17),
        ("tests.failed == abc", "expected a number after the comparison, e.g. tests.failed ... 0", 17),
        (#"tests.failed{suite="x" == 0"#, "expected ',' or '}' in the selector", 24),
        (#"tests.failed{suite="x"#, "the quoted value that starts at column 20 is never closed", 20),
        ("tests.failed{suite=x} == 0", "expected a quoted value, e.g. \"Sources/**\"", 20),
        (#"tests.failed{suite:"x"} == 0"#, "expected =, != or ~ after 'suite'", 19),
        ("tests.failed{", "the selector opened at column 13 is never closed", 13),
        ("tests.failed{,} == 0", "expected a selector key such as path", 14),
        (#"tests.failed{suite~"("} == 0"#, #"suite~"(" is not a valid regular expression"#, 14),
        (#"coverage.lines{path="[a"} >= 1%"#, #"path="[a" is not a valid glob: "#, 16),
    ])
    func syntaxErrorsSayWhatWasExpectedAndWhere(_ text: String, _ message: String, _ column: Int) {
        let error = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(text) }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.column == column)
    }

    @Test func labelsNameTheSelector() throws {
        let condition = try ConditionParser.parse(#"lint.errors{tool="swiftc", rule!="x", path~"^S"} == 0"#)
        #expect(condition.labels == ["tool": "swiftc", "rule": "!=x", "path": "~^S"])
    }
}
