import Testing

@testable import GateKit

@Suite struct IstanbulReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(IstanbulReader.self, "istanbul/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try IstanbulReader.read(inputBuffer(text, capacity: 64)))
    }

    private func error(_ text: String) -> InputError? { JSONCoverageTest.error(IstanbulReader.self, text) }

    /// A location on `line`.
    private func location(_ line: Int) -> String {
        #"{"start": {"line": \#(line), "column": 0}, "end": {"line": \#(line), "column": 9}}"#
    }

    /// A coverage-final.json of one file `/src/a.js` whose entry holds `members`.
    private func report(_ members: String) -> String { #"{"/src/a.js": {"path": "/src/a.js", \#(members)}}"# }

    // MARK: Fixtures

    @Test func readsNycOutputTheWayTheTextSummaryCountsIt() throws {
        let files = try read(fixture: "nyc-coverage-final.json")
        // nyc report --reporter=text-summary:
        // Statements   : 75% ( 9/12 )
        // Branches     : 71.42% ( 5/7 )
        // Functions    : 50% ( 2/4 )
        // Lines        : 80% ( 8/10 )
        #expect(
            CoverageTotals(files)
                == CoverageTotals(lines: count(8, of: 10), branches: count(5, of: 7), functions: count(2, of: 4)))
        #expect(
            files.map(\.path) == [
                "/home/runner/work/shop/shop/src/cart.js", "/home/runner/work/shop/shop/src/format.ts",
            ])
        // nyc report --reporter=text: cart.js Lines 71.42, Uncovered Line #s 12-13; format.ts Lines 100.
        #expect(files.map(\.lines) == [count(5, of: 7), count(3, of: 3)])
        #expect(files[0].lineMap?.uncoveredRanges == [12...13])
        #expect(files.map(\.branches) == [count(2, of: 4), count(3, of: 3)])
        #expect(files.map(\.functions) == [count(1, of: 2), count(1, of: 2)])
    }

    @Test func putsBranchesOnTheirLines() throws {
        let cart = try #require(try read(fixture: "nyc-coverage-final.json").first)
        // The lcov reporter: BRDA:8,0,0,1 BRDA:8,0,1,2 BRDA:12,1,0,0 BRDA:12,1,1,0.
        let partial = try #require(cart.branchMap?.partiallyCovered)
        #expect(partial.map(\.line) == [12])
        #expect(partial.map(\.count) == [count(0, of: 2)])
        #expect(cart.branchMap?.count == count(2, of: 4))
    }

    @Test func readsIstanbul0WithCountsFirstAndSkipsItsLineMap() throws {
        let files = try read(fixture: "istanbul-0.4-line-map.json")
        // istanbul report text-summary: Statements 60% (3/5), Branches 50% (1/2), Functions 50% (1/2),
        // Lines 75% (3/4); the "l" map would say 4 of 6 lines.
        #expect(
            files
                == [
                    FileCoverage(
                        path: "/Users/dev/parser/lib/parse.js", lines: count(3, of: 4), branches: count(1, of: 2),
                        functions: count(1, of: 2), lineMap: files.first?.lineMap, branchMap: files.first?.branchMap)
                ])
        #expect(files.first?.lineMap?.uncoveredRanges == [4...4])
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [4])
    }

    @Test func isChosenByTheReportLoader() throws {
        for name in ["nyc-coverage-final.json", "istanbul-0.4-line-map.json"] {
            #expect(try ReportLoader.load(path: fixture("istanbul/\(name)")).format == .istanbul, "\(name)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["istanbul-final-json"]))
    func matchesTheCorpus(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .istanbul)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }

    @Test func theSolidityCoverageDisputeIsSettledByStatementStartLines() throws {
        // solidity-coverage's "l" map counts 105 lines; Istanbul's rule (what text-summary prints) counts the 60
        // distinct statement start lines. Both are fully covered.
        guard let corpusDirectory else { return }
        let path = corpusDirectory + "/coverage/istanbul-final/solidity-coverage-hardhat.json"
        let files = JSONCoverageTest.files(try ReportLoader.load(path: path).report)
        #expect(CoverageTotals(files).lines == count(60, of: 60))
    }

    // MARK: Rules

    @Test func joinsMapsWhoseIdsComeInAnotherOrder() throws {
        let files = try read(
            report(
                #""s": {"2": 0, "0": 4, "1": 0, "9": 1}, "statementMap": {"0": \#(location(1)), "1": \#(location(2)), "#
                    + #""2": \#(location(1)), "3": \#(location(7))}, "b": {"1": [0, 1], "0": [2]}, "#
                    + #""branchMap": {"0": {"loc": \#(location(1))}, "1": {"line": 0, "loc": \#(location(2))}}"#))
        // Statement 9 has no location and 3 no count: Istanbul counts neither on a line.
        #expect(files.first?.lines == count(1, of: 2))
        #expect(files.first?.branches == count(2, of: 3))
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [2])
        #expect(files.first?.functions == nil)
    }

    @Test func branchesWithoutALineCountForTheFileOnly() throws {
        let files = try read(
            report(
                #""statementMap": {}, "s": {}, "branchMap": {"0": {"type": "if", "locations": []}}, "b": {"0": [1, 0]}"#
            ))
        #expect(files.first?.branches == count(1, of: 2))
        #expect(files.first?.branchMap == nil)
    }

    @Test func usesTheKeyWhenAnEntryHasNoPath() throws {
        let files = try read(#"{"C:\\src\\b.js": {"statementMap": {}, "s": {}, "f": {"0": 0}}}"#)
        #expect(files.map(\.path) == [#"C:\src\b.js"#])
        #expect(files.first?.functions == count(0, of: 1))
        #expect(try read("{}").isEmpty)
    }

    // MARK: Recognition

    @Test func recognisesAFirstEntryWithIstanbulsMaps() {
        let recognizes = { (text: String) in JSONCoverageTest.recognizes(IstanbulReader.self, text) }
        #expect(recognizes(#"{"/a.js": {"path": "/a.js", "statementMap": {"0": {"start": {"line": 1"#))
        #expect(recognizes(#"{"/a.js": {"path": "/a.js", "s": {"1": 1, "2": 0"#), "istanbul 0.x key order")
        #expect(recognizes(#"{"a.sol": {"l": {"1": 1}, "s": {"1": 1}, "path": "a.sol", "b": {}"#))
        #expect(recognizes("{\n  \"/a.js\": {\n    \"fnMap\": {}"))
        #expect(!recognizes(#"{"/a.js": {"path": "/a.js", "hash": "x"}}"#))
        #expect(!recognizes(#"{"/a.js": {"path": "/a.js", "hash": "x""#), "the head ends before it tells")
        #expect(!recognizes(#"{"/a.js": [{"statementMap": {}}]}"#))
        #expect(!recognizes("{}"))
        for sample in JSONCoverageTest.samples where sample.format != .istanbul {
            #expect(!recognizes(sample.text), "\(sample.format)")
        }
        for head in JSONCoverageTest.otherJSONHeads { #expect(!recognizes(head), "\(head)") }
    }

    // MARK: Bad input

    @Test func theBadInputMatrixHolds() throws {
        let sample = try #require(JSONCoverageTest.samples.first { $0.format == .istanbul })
        try BadInputMatrix(format: .istanbul, sample: sample.text, truncated: "unexpected end of input").check()
    }

    @Test func namesTheFileEntryOfABadValue() {
        let map = #""statementMap": {"0": \#(location(1))}"#
        let cases: [(String, String)] = [
            (#"\#(map), "s": {"0": -1}"#, #"s["0"]: expected a count of 0 or more, found -1"#),
            (#"\#(map), "s": {"0": 1.5}"#, #"s["0"]: expected a whole number, found 1.5"#),
            (#"\#(map), "s": {"0": null}"#, #"s["0"]: expected a whole number, found null"#),
            (#"\#(map), "s": {"0": true}"#, #"s["0"]: expected a whole number, found true"#),
            (#"\#(map), "s": {"0": false}"#, #"s["0"]: expected a whole number, found false"#),
            (
                #"\#(map), "s": {"0": "\#(String(repeating: "7", count: 41))"}"#,
                #"s["0"]: expected a whole number, found a string"#
            ),
            (
                #"\#(map), "s": {"0": 1\#(String(repeating: "0", count: 40))}"#,
                #"s["0"]: expected a whole number, found a number"#
            ),
            (#"\#(map), "s": {"0": [1]}"#, #"s["0"]: expected a whole number, found an array"#),
            (
                #"\#(map), "s": {}, "f": {"0": "1"}"#,
                #"f["0"]: expected a whole number, found the string "1""#
            ),
            (
                #"\#(map), "s": {}, "b": {"0": [1, -2]}"#,
                #"b["0"]: expected a count of 0 or more, found -2"#
            ),
            (#"\#(map), "s": {}, "b": {"0": 3}"#, #"b["0"]: expected an array, found 3"#),
            (#""s": {}, "statementMap": {"0": {"end": {}}}"#, #"statementMap["0"] has no start.line"#),
            (
                #""s": {}, "statementMap": {"0": {"start": {"line": -3}}}"#,
                #"statementMap["0"].start.line: -3 is not a line number"#
            ),
            (
                #"\#(map), "s": {}, "branchMap": {"0": {"loc": {"start": {"line": 4000000000}}}}"#,
                #"branchMap["0"].loc.start.line: 4000000000 is not a line number"#
            ),
            (
                #"\#(map), "s": {}, "branchMap": {"0": {"line": "7"}}"#,
                #"branchMap["0"].line: expected a whole number, found the string "7""#
            ),
            (#"\#(map), "s": {}, "path": 7"#, "expected a string, found the number 7"),
            (map, "the entry has no s (statement counts)"),
            (#""s": {}"#, "the entry has no statementMap"),
            (#""s": {}, "statementMap": {"0": {"start": {"line": 01}}}"#, "leading zeros are not allowed in a number"),
        ]
        for (members, message) in cases {
            let found = error(report(members))
            #expect(found?.message == "the entry for /src/a.js: \(message)", "\(members)")
            #expect(found?.line == 1, "\(members)")
        }
        #expect(error(#"{"/src/a.js": []}"#)?.message == "the entry for /src/a.js: expected an object, found an array")
    }

    @Test func errorsKeepTheirLineAfterPrettyPrintedLocations() {
        let text = """
            {
              "/src/a.js": {
                "statementMap": {
                  "0": {
                    "start": {
                      "line": 1,
                      "column": 0
                    },
                    "end": {
                      "line": 1,
                      "column": 9
                    }
                  }
                },
                "s": {
                  "0": -1
                }
              }
            }
            """
        #expect(
            error(text)
                == InputError(
                    #"the entry for /src/a.js: s["0"]: expected a count of 0 or more, found -1"#, line: 16, column: 12))
    }

    @Test func refusesJSONThatIsNotCoverageFinal() {
        #expect(
            error("[]")
                == InputError(
                    "not an Istanbul coverage-final.json: the JSON value is not an object", line: 1, column: 1))
        #expect(
            error(#"{"/a.js": {"s": {}, "statementMap": {}}"#)?.message == "unexpected end of input inside an object")
        let deep = String(repeating: "[", count: 100_000)
        #expect(
            error(#"{"/a.js": {"inputSourceMap": \#(deep)"#)?.message
                == "the entry for /a.js: arrays and objects are nested deeper than 512 levels")
    }
}
