import Foundation
import Testing

@testable import GateKit

@Suite struct CoveragePyJSONReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(CoveragePyJSONReader.self, "coveragepy/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try CoveragePyJSONReader.read(inputBuffer(text, capacity: 64)))
    }

    private func error(_ text: String) -> InputError? { JSONCoverageTest.error(CoveragePyJSONReader.self, text) }

    /// A report of one file `a.py` whose entry holds `members`.
    private func report(_ members: String) -> String {
        #"{"meta": {"format": 3, "branch_coverage": true, "show_contexts": false}, "files": {"a.py": {\#(members)}}}"#
    }

    /// The `totals` coverage.py wrote, read with Foundation as a cross-check.
    private func statedTotals(_ path: String) throws -> [String: Double] {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let totals = try #require(document["totals"] as? [String: Any])
        return totals.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    // MARK: Fixtures

    @Test func readsCoverage7WithBranchesAndFunctionRegions() throws {
        let files = try read(fixture: "coverage-7-branch.json")
        // coverage report:
        // Name                   Stmts   Miss Branch BrPart  Cover
        // src/shop/__init__.py       0      0      0      0   100%
        // src/shop/cart.py          18      4      6      2    67%
        // src/shop/pricing.py        4      1      2      1    67%
        // TOTAL                     22      5      8      3    67%
        // coverage lcov: cart.py FNF 5 FNH 3 (Cart.clear and empty_cart never ran); pricing.py FNF 1 FNH 1
        // (unused() is excluded by a pragma and has no statements).
        #expect(files.map(\.path) == ["src/shop/__init__.py", "src/shop/cart.py", "src/shop/pricing.py"])
        #expect(files.map(\.lines) == [count(0, of: 0), count(14, of: 18), count(3, of: 4)])
        #expect(files.map(\.branches) == [nil, count(2, of: 6), count(1, of: 2)])
        #expect(files.map(\.functions) == [nil, count(3, of: 5), count(1, of: 1)])
        let totals = CoverageTotals(files)
        #expect(
            totals
                == CoverageTotals(lines: count(17, of: 22), branches: count(3, of: 8), functions: count(4, of: 6)))
        // The TOTAL Cover of `coverage report` mixes statements and branches: (17 + 3) / (22 + 8).
        let stated = try statedTotals(fixture("coveragepy/coverage-7-branch.json"))
        let branches = try #require(totals.branches)
        let loaded = try ReportLoader.load(path: fixture("coveragepy/coverage-7-branch.json"))
        let mixed = try #require(try store([loaded.report]).value("coverage.lines_and_branches"))
        #expect(abs(mixed - (stated["percent_covered"] ?? -1)) < 1e-9)
        #expect(Double(totals.lines.total) == stated["num_statements"])
        #expect(Double(totals.lines.covered) == stated["covered_lines"])
        #expect(Double(branches.total) == stated["num_branches"])
        #expect(Double(branches.covered) == stated["covered_branches"])
    }

    @Test func givesTheMissingLinesAndBranchesPerLine() throws {
        let cart = try #require(try read(fixture: "coverage-7-branch.json").first { $0.path == "src/shop/cart.py" })
        // coverage report -m --branch: Missing 12, 17->19, 22-23, 27 (and 11->12, both arcs of 22).
        #expect(cart.lineMap?.uncoveredRanges == [12...12, 22...23, 27...27])
        let partial = try #require(cart.branchMap?.partiallyCovered)
        #expect(partial.map(\.line) == [11, 17, 22])
        #expect(partial.map(\.count) == [count(1, of: 2), count(1, of: 2), count(0, of: 2)])
    }

    @Test func readsAPrettyPrintedFormat2ReportWithContextsAndWindowsPaths() throws {
        let files = try read(fixture: "coverage-7.2-contexts-windows.json")
        // coverage report: app\models.py 7 1 86%, app\views.py 7 3 57%, TOTAL 14 4 71%.
        #expect(files.map(\.path) == [#"app\models.py"#, #"app\views.py"#])
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(10, of: 14)))
        #expect(files[1].lineMap?.uncoveredRanges == [7...9])
    }

    @Test func keepsCoverageReportsFiguresWhenExecutedLinesHoldADocstring() throws {
        let files = try read(fixture: "coverage-5.5-docstring.json")
        // coverage 5.5 lists the module docstring (line 1) as executed though it is no statement;
        // coverage report: calc.py 6 1 2 1 75%, util.py 4 0 0 0 100%, TOTAL 10 1 2 1 83%.
        #expect(files.map(\.lines) == [count(5, of: 6), count(4, of: 4)])
        #expect(files[0].lineMap == nil, "the executed lines count 6 of 7 lines, not the 5 of 6 statements")
        #expect(files[1].lineMap?.count == count(4, of: 4))
        #expect(files.map(\.branches) == [count(1, of: 2), nil])
        #expect(files[0].branchMap?.partiallyCovered.map(\.line) == [7], "the arcs agree with the summary")
        let totals = CoverageTotals(files)
        let branches = try #require(totals.branches)
        #expect(
            Double(totals.lines.covered + branches.covered) * 100 / Double(totals.lines.total + branches.total)
                == (try statedTotals(fixture("coveragepy/coverage-5.5-docstring.json"))["percent_covered"]))
    }

    @Test func isChosenByTheReportLoader() throws {
        for name in ["coverage-7-branch.json", "coverage-7.2-contexts-windows.json", "coverage-5.5-docstring.json"] {
            #expect(try ReportLoader.load(path: fixture("coveragepy/\(name)")).format == .coveragePyJSON, "\(name)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["coveragepy-json"]))
    func matchesTheCorpus(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .coveragePyJSON)
        let files = JSONCoverageTest.files(loaded.report)
        CoverageTotals(files).expectCorpusChecks(entry)
        let stated = try statedTotals(entry.absolutePath)
        #expect(Double(CoverageTotals(files).lines.total) == stated["num_statements"])
        #expect(Double(CoverageTotals(files).lines.covered) == stated["covered_lines"])
    }

    // MARK: Rules

    @Test func withoutASummaryTheListsAreCounted() throws {
        let files = try read(
            report(#""executed_lines": [1, 2, 5], "missing_lines": [3], "executed_branches": [[2, 3], [2, 5]]"#))
        #expect(files.first?.lines == count(3, of: 4))
        #expect(files.first?.lineMap?.count == count(3, of: 4))
        #expect(files.first?.branches == count(2, of: 2))
    }

    @Test func arcsThatDisagreeWithTheSummaryGiveNoBranchMap() throws {
        let files = try read(
            report(
                #""executed_lines": [1], "missing_lines": [], "executed_branches": [[1, 2]], "missing_branches": [], "#
                    + #""summary": {"covered_lines": 1, "num_statements": 1, "num_branches": 2, "covered_branches": 1}"#
            ))
        #expect(files.first?.branches == count(1, of: 2))
        #expect(files.first?.branchMap == nil)
        #expect(files.first?.lineMap != nil)
    }

    @Test func functionsWithoutStatementsAndTheModuleRegionAreNotCounted() throws {
        let files = try read(
            report(
                #""summary": {"covered_lines": 0, "num_statements": 0}, "functions": {"#
                    + #""": {"summary": {"covered_lines": 0, "num_statements": 0}, "start_line": 1}, "#
                    + #""skipped": {"summary": {"covered_lines": 0, "num_statements": 0}, "start_line": 3}}"#))
        #expect(files.first?.functions == nil)
    }

    // MARK: Recognition

    @Test func recognisesReportsByTheirMeta() {
        let recognizes = { (text: String) in JSONCoverageTest.recognizes(CoveragePyJSONReader.self, text) }
        #expect(recognizes(#"{"meta": {"format": 3, "version": "7.6.1", "timestamp": "x", "branch_coverage": false"#))
        #expect(recognizes("{\n    \"meta\": {\n        \"version\": \"5.5\",\n        \"show_contexts\": false"))
        #expect(!recognizes(#"{"files": {}, "meta": {"branch_coverage": true}}"#), "meta comes first")
        #expect(!recognizes(#"{"meta": {"format": 3}, "files": {}}"#))
        #expect(!recognizes(#"{"meta": ["branch_coverage"]}"#))
        #expect(!recognizes("TN:\nSF:a.py\n"))
        for sample in JSONCoverageTest.samples where sample.format != .coveragePyJSON {
            #expect(!recognizes(sample.text), "\(sample.format)")
        }
        for head in JSONCoverageTest.otherJSONHeads { #expect(!recognizes(head), "\(head)") }
    }

    // MARK: Bad input

    @Test func theBadInputMatrixHolds() throws {
        let sample = try #require(JSONCoverageTest.samples.first { $0.format == .coveragePyJSON })
        try BadInputMatrix(format: .coveragePyJSON, sample: sample.text, truncated: "unexpected end of input").check()
    }

    @Test func namesTheFileEntryOfABadValue() {
        let cases: [(String, String)] = [
            (#""executed_lines": [1, -2]"#, "executed_lines: -2 is not a line number"),
            (#""executed_lines": [1.5]"#, "executed_lines: expected a whole number, found 1.5"),
            (
                #""missing_lines": ["3"]"#,
                #"missing_lines: expected a whole number, found the string "3""#
            ),
            (#""missing_lines": [3000000000]"#, "missing_lines: 3000000000 is not a line number"),
            (#""missing_lines": 3"#, "missing_lines: expected an array, found 3"),
            (#""executed_branches": [3]"#, "executed_branches: expected an array, found 3"),
            (#""executed_branches": [[1]]"#, "executed_branches: an arc needs two line numbers, [from, to]"),
            (#""executed_branches": [[1, 2, 3]]"#, "executed_branches: an arc has more than two line numbers"),
            (#""missing_branches": [[1, "x"]]"#, #"missing_branches: expected a whole number, found the string "x""#),
            (#""summary": {"num_statements": 3}"#, "summary has no covered_lines"),
            (#""summary": {"covered_lines": 3}"#, "summary has no num_statements"),
            (#""summary": {"covered_lines": 4, "num_statements": 3}"#, "summary.covered_lines: 4 covered of only 3"),
            (#""summary": {"covered_lines": -1}"#, "summary.covered_lines: expected a count of 0 or more, found -1"),
            (
                #""summary": {"num_branches": "2"}"#,
                #"summary.num_branches: expected a whole number, found the string "2""#
            ),
            (#""summary": {"covered_branches": 1.5}"#, "summary.covered_branches: expected a whole number, found 1.5"),
            (#""executed_branches": [[-1, 2]]"#, "executed_branches: -1 is not a line number"),
            (#""executed_lines": [1, null]"#, "executed_lines: expected a whole number, found null"),
            (
                #""summary": {"covered_lines": 1, "num_statements": 3, "num_branches": 2}"#,
                "summary has no covered_branches"
            ),
            (
                #""summary": {"covered_lines": 1, "num_statements": 3, "num_branches": 2, "covered_branches": 5}"#,
                "summary.covered_branches: 5 covered of only 2"
            ),
            (
                #""summary": {"covered_lines": 1, "num_statements": 99999999999999999999}"#,
                "summary.num_statements: expected a whole number, found 99999999999999999999"
            ),
            (#""functions": {"f": {"start_line": 1}}"#, #"functions["f"] has no summary"#),
            (
                #""functions": {"f": {"summary": {"num_statements": 1, "covered_lines": 2}}}"#,
                #"functions["f"].summary.covered_lines: 2 covered of only 1"#
            ),
        ]
        for (members, message) in cases {
            let found = error(report(members))
            #expect(found?.message == "the entry for a.py: \(message)", "\(members)")
            #expect(found?.line == 1, "\(members)")
        }
    }

    @Test func errorsKeepTheirLineAfterPrettyPrintedLists() {
        let text = """
            {
                "meta": {"format": 2, "branch_coverage": false, "show_contexts": false},
                "files": {
                    "a.py": {
                        "executed_lines": [
                            1,
                            2
                        ],
                        "missing_lines": [
                            -3
                        ]
                    }
                }
            }
            """
        #expect(
            error(text)
                == InputError("the entry for a.py: missing_lines: -3 is not a line number", line: 10, column: 17))
    }

    @Test func refusesJSONThatIsNotACoveragePyReport() {
        #expect(
            error(#"{"meta": {"format": 4}, "files": {}}"#)
                == InputError(
                    "coverage.py JSON format 4 is not supported (protocol reads formats 1 to 3)", line: 1, column: 21))
        #expect(error(#"{"meta": {"format": 3}}"#)?.message == "not a coverage.py JSON report: no files")
        #expect(
            error(#"{"meta": {"format": "3"}}"#)?.message
                == #"meta.format: expected a whole number, found the string "3""#)
        #expect(
            error("[1]")
                == InputError("not a coverage.py JSON report: the JSON value is not an object", line: 1, column: 1))
        #expect(error(#"{"files": []}"#)?.message == "expected an object, found an array")
        #expect(error(#"{"files": {"a.py": {}}} {}"#)?.message == "unexpected '{' after the end of the JSON value")
    }
}
