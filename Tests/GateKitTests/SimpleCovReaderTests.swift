import Testing

@testable import GateKit

@Suite struct SimpleCovReaderTests {

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(SimpleCovReader.self, "simplecov/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try SimpleCovReader.read(inputBuffer(text, capacity: 64)))
    }

    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    /// A resultset of one command whose one file has `entry` as its coverage.
    private func resultset(_ entry: String) -> String {
        #"{"RSpec": {"coverage": {"/app/a.rb": \#(entry)}, "timestamp": 1700000000}}"#
    }

    // MARK: What SimpleCov writes

    @Test func relevantLinesAreTheCountsAndBranchesAreReportedOnSimpleCovsLines() throws {
        // SimpleCov 0.22: Line Coverage: 86.66% (13 / 15), Branch Coverage: 50.0% (2 / 4)
        let files = try read(fixture: "resultset-branches.json")
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(13, of: 15), branches: count(2, of: 4)))
        #expect(files.map(\.lines) == [count(8, of: 9), count(5, of: 6)])
        #expect(files.map(\.branches) == [count(2, of: 4), nil], "price.rb has no branches")
        // The `if` on line 7: its `then` starts on line 8 (shown on 7), its `else` on line 7; the `&.` on line 12.
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [7, 12])
        #expect(files.first?.lineMap?.uncoveredRanges == [8...8])
        #expect(files.first?.path == "/home/runner/work/shop/shop/lib/shop/cart.rb")
    }

    @Test func suitesOfParallelTestsMergeAsSimpleCovCombinesThem() throws {
        // SimpleCov 1.x: Line Coverage: 62.5% (5 / 8), Branch Coverage: 100.0% (2 / 2), Method Coverage: 50.0% (1 / 2).
        // A line null in one suite and 0 in the other stays relevant (0.22 dropped it and said 5 / 6); the branches
        // match on their location whatever their ids; the second suite's old timestamp does not drop it.
        let files = try read(fixture: "resultset-parallel.json")
        #expect(
            CoverageTotals(files)
                == CoverageTotals(lines: count(5, of: 8), branches: count(2, of: 2), functions: count(1, of: 2)))
        #expect(files.map(\.path) == ["/app/lib/order.rb", "/app/lib/invoice.rb"])
        #expect(files.first?.lineMap?.uncoveredRanges == [5...5, 8...8])
        #expect(files.first?.branchMap?.partiallyCovered.isEmpty == true)
        #expect(files.first?.branchMap?.count == count(2, of: 2))
    }

    @Test func resultsetsBeforeSimpleCov018MapFilesToTheirLines() throws {
        // SimpleCov 0.17: 7 / 7 LOC (…) — 4 of 7 relevant lines covered: slug.rb 3 of 4, café.rb 1 of 3.
        let files = try read(fixture: "resultset-legacy.json")
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(4, of: 7)))
        #expect(files.map(\.path) == ["/srv/app/lib/slug.rb", "/srv/app/lib/café.rb"])
        #expect(files.allSatisfy { $0.branches == nil && $0.functions == nil })
    }

    @Test func aFileOfOneSuiteWithoutBranchesTakesTheOtherSuitesBranches() throws {
        let text =
            #"{"A": {"coverage": {"/a.rb": {"lines": [1], "branches": {}}}}, "#
            + #""B": {"coverage": {"/a.rb": {"lines": [0], "methods": {"[A, :x, 1, 0, 1, 9]": 0}, "branches": "#
            + #"{"[:if, 0, 1, 0, 1, 9]": {"[:then, 1, 1, 3, 1, 4]": 0, "[:else, 2, 1, 6, 1, 9]": 4}}}}}}"#
        let files = try read(text)
        #expect(
            CoverageTotals(files)
                == CoverageTotals(lines: count(1, of: 1), branches: count(1, of: 2), functions: count(0, of: 1)))
    }

    @Test func manySuitesOfOneFileMergeInBoundedMemory() throws {
        let suite =
            #"{"coverage": {"/a.rb": {"lines": [1, 0], "branches": {"[:if, 0, 1, 0, 1, 9]": "#
            + #"{"[:then, 1, 1, 3, 1, 4]": 0, "[:else, 2, 1, 6, 1, 9]": 0}}}}}"#
        let suites = (0..<3000).map { #""S\#($0)": \#(suite)"# }
        let last =
            #""T": {"coverage": {"/a.rb": {"branches": {"[:if, 9, 1, 0, 1, 9]": {"[:then, 3, 1, 3, 1, 4]": 1}}}}}"#
        let files = try read("{" + (suites + [last]).joined(separator: ", ") + "}")
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(1, of: 2), branches: count(1, of: 2)))
    }

    @Test func anEmptyResultsetHasNoFiles() throws {
        #expect(try read("{}").isEmpty)
        #expect(try read(#"{"RSpec": {"coverage": {}, "timestamp": 1}}"#).isEmpty)
    }

    // MARK: Malformed input

    @Test(
        arguments: [
            ("[]", "expected an object of test commands, found an array", 1, 1),
            (#"{"RSpec": []}"#, "command 'RSpec': expected an object, found an array", 1, 11),
            (#"{"RSpec": {"timestamp": 1}}"#, "command 'RSpec' has no coverage", 1, 26),
            (
                #"{"RSpec": {"coverage": {"/app/a.rb": 3}}}"#,
                "command 'RSpec': the entry for /app/a.rb: expected an object or an array, found the number 3", 1, 38
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"lines": [1, -2]}}}}"#,
                "command 'R': the entry for /a.rb: -2 is a negative count", 1, 44
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"lines": [1.5]}}}}"#,
                "command 'R': the entry for /a.rb: 1.5 is not a whole count", 1, 41
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"lines": [null, "x"]}}}}"#,
                "command 'R': the entry for /a.rb: expected a count, null or \"ignored\" for line 2, "
                    + "found the string \"x\"", 1, 47
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"lines": {}}}}}"#,
                "command 'R': the entry for /a.rb: expected an array of line counts, found an object", 1, 40
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"branches": {"if": {}}}}}}"#,
                "command 'R': the entry for /a.rb: 'if' is not a condition of SimpleCov's coverage "
                    + "(expected [type, id, start line, start column, end line, end column])", 1, 44
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"branches": {"[:if, 0, 1, 0, 1, 9]": "#
                    + #"{"[:then, 1, 0, 0, 1, 9]": 1}}}}}}"#,
                "command 'R': the entry for /a.rb: '[:then, 1, 0, 0, 1, 9]' is not a branch of SimpleCov's coverage "
                    + "(expected [type, id, start line, start column, end line, end column])", 1, 69
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"branches": {"[:if, 0, 1, 0, 1, 9]": "#
                    + #"{"[:then, 1, 1, 0, 1, 9]": "1"}}}}}}"#,
                "command 'R': the entry for /a.rb: expected an execution count, found the string \"1\"", 1, 95
            ),
            (
                #"{"R": {"coverage": {"/a.rb": {"methods": {"[A, :x, 1, 0, 1]": 1}}}}}"#,
                "command 'R': the entry for /a.rb: '[A, :x, 1, 0, 1]' is not a method of SimpleCov's coverage "
                    + "(expected [type, id, start line, start column, end line, end column])", 1, 43
            ),
        ] as [(String, String, Int, Int)])
    func malformedInputIsAnErrorWithItsPosition(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        let error = JSONCoverageTest.error(SimpleCovReader.self, text)
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test func tupleKeysAreReadFromTheirEnd() {
        for (key, leading, kind, location, startLine) in [
            (#"[:"&.", 3, 12, 6, 12, 20]"#, #":"&.", 3"#, #":"&.""#, "12, 6, 12, 20", 12),
            ("[Foo::Bar, :baz, 3, 2, 5, 5]", "Foo::Bar, :baz", "Foo::Bar", "3, 2, 5, 5", 3),
            ("  [:else,2,7,4,9,7] ", ":else,2", ":else", "7,4,9,7", 7),
        ] {
            withByteSpan(key) { span in
                let tuple = SimpleCovTuple(span)
                #expect(tuple?.leading.description == leading, "\(key)")
                #expect(tuple?.kind.description == kind, "\(key)")
                #expect(tuple?.location.description == location, "\(key)")
                #expect(tuple?.startLine == startLine, "\(key)")
            }
        }
        for key in [
            "", "[]", "[1, 2, 3, 4]", "[:if, 0, 1, 2, 3]", "(:if, 0, 1, 2, 3, 4)", "[:if, 0, 1, 2, 3, x]",
            "[:if 0 1 2 3 4]", "[:if, 0, 0, 2, 3, 4]", "[:if, 0, 99999999999, 2, 3, 4]", "[, 1, 2, 3, 4]",
        ] {
            withByteSpan(key) { #expect(SimpleCovTuple($0) == nil, "\(key)") }
        }
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .simpleCov,
            sample:
                #"{"RSpec": {"coverage": {"/app/é.rb": {"lines": [null, 1, 0], "branches": {"[:if, 0, 2, 2, 2, 20]": "#
                + #"{"[:then, 1, 2, 10, 2, 14]": 1, "[:else, 2, 2, 17, 2, 20]": 0}}}}, "timestamp": 1700000000}}"#,
            truncated: "unexpected end of input"
        ).check()
    }

    // MARK: Recognition and the corpus

    @Test func recognisesAResultsetByItsShape() {
        for (text, expected) in [
            (resultset(#"{"lines": [null, 1]}"#), true), (resultset("[null, 1]"), true),
            (resultset(#"{"branches": {}}"#), true), (#"{"RSpec": {"timestamp": 1, "coverage": {}}}"#, true),
            (#"{"RSpec": {"coverage": {"#, true), (#"{"RSpec": {"timestamp": {}, "coverage": 3}}"#, false),
            (#"{"RSpec": {"timestamp": 1}}"#, false),
            (#"{"/src/a.js": {"path": "/src/a.js", "statementMap": {}}}"#, false),
            (#"{"RSpec": {"coverage": ["#, false), (#"{"RSpec": {"coverage"#, false),
        ] {
            #expect(JSONCoverageTest.recognizes(SimpleCovReader.self, text) == expected, "\(text)")
        }
        for other in JSONCoverageTest.otherJSONHeads where !other.hasPrefix(#"{"RSpec""#) {
            #expect(!JSONCoverageTest.recognizes(SimpleCovReader.self, other), "\(other)")
        }
        for (_, sample) in JSONCoverageTest.samples {
            #expect(!JSONCoverageTest.recognizes(SimpleCovReader.self, sample), "\(sample)")
        }
    }

    @Test func claimsOnlyResultsetsInTheCorpus() throws {
        try forEachCorpusHead(under: "coverage") { path, head in
            let isResultset = path.hasPrefix("coverage/simplecov-resultset/") && path.hasSuffix("resultset.json")
            #expect(SimpleCovReader.recognizes(head) == isResultset, "\(path)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["simplecov-resultset"]))
    func corpusTotalsEqualSimpleCovsLineCoverage(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .simpleCov)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }
}
