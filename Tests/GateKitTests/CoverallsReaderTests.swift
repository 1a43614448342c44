import Foundation
import Testing

@testable import GateKit

@Suite struct CoverallsReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(CoverallsReader.self, "coveralls/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try CoverallsReader.read(inputBuffer(text, capacity: 64)))
    }

    private func error(_ text: String) -> InputError? { JSONCoverageTest.error(CoverallsReader.self, text) }

    /// A job of one source file whose entry holds `members`.
    private func job(_ members: String) -> String { #"{"service_name": "github", "source_files": [{\#(members)}]}"# }

    // MARK: Fixtures

    @Test func readsANodeCoverallsJob() throws {
        let files = try read(fixture: "node-coveralls.json")
        // Coveralls shows src/cart.js: 7 relevant lines, 5 covered (71.43%), 2 of 4 branches; src/format.js: 3 of 3
        // lines, 3 of 3 branches. The same run's istanbul text-summary: Lines 8/10, Branches 5/7.
        #expect(files.map(\.path) == ["src/cart.js", "src/format.js"])
        #expect(files.map(\.lines) == [count(5, of: 7), count(3, of: 3)])
        #expect(files.map(\.branches) == [count(2, of: 4), count(3, of: 3)])
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(8, of: 10), branches: count(5, of: 7)))
        #expect(files[0].lineMap?.uncoveredRanges == [12...13])
        #expect(files[0].branchMap?.partiallyCovered.map(\.line) == [12])
        #expect(files.allSatisfy { $0.functions == nil })
    }

    @Test func readsACoverallsPythonJobWithItsSourceFilesFirst() throws {
        let files = try read(fixture: "coveralls-python.json")
        // Coveralls: pricing.py 4 relevant lines, 3 covered, 1 of 2 branches; __init__.py nothing relevant.
        #expect(files.map(\.path) == ["src/shop/pricing.py", "src/shop/__init__.py"])
        #expect(files.map(\.lines) == [count(3, of: 4), count(0, of: 0)])
        #expect(files.map(\.branches) == [count(1, of: 2), nil])
        #expect(files[0].lineMap?.uncoveredRanges == [3...3])
    }

    @Test func keepsNothingOfTheRepoToken() throws {
        let path = fixture("coveralls/node-coveralls.json")
        let loaded = try ReportLoader.load(path: path)
        #expect(loaded.format == .coveralls)
        #expect(!"\(loaded.report)".contains("Xb9m2Q7rT0pS3cr3tT0k3nDoNotK33p"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Xb9m2Q7rT0pS3cr3tT0k3nDoNotK33p"))
    }

    @Test func isChosenByTheReportLoader() throws {
        for name in ["node-coveralls.json", "coveralls-python.json"] {
            #expect(try ReportLoader.load(path: fixture("coveralls/\(name)")).format == .coveralls, "\(name)")
        }
    }

    // MARK: Rules

    @Test func nullLinesAreNotRelevantAndBranchesCountPerQuadruple() throws {
        let files = try read(
            job(#""coverage": [null, 0, 12, null, 1], "branches": [5, 0, 0, 3, 2, 1, 0, 0, 5, 0, 1, 0], "name": "a.c""#)
        )
        #expect(files.first?.lines == count(2, of: 3))
        #expect(files.first?.lineMap?.uncoveredRanges == [2...2])
        #expect(files.first?.branches == count(1, of: 3))
        // Branches of one line may come apart: they add up on their line.
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [2, 5])
        #expect(files.first?.branchMap?.partiallyCovered.map(\.count) == [count(0, of: 1), count(1, of: 2)])
        #expect(try read(#"{"source_files": []}"#).isEmpty)
    }

    // MARK: Recognition

    @Test func recognisesSourceFilesWithCoverage() {
        let recognizes = { (text: String) in JSONCoverageTest.recognizes(CoverallsReader.self, text) }
        #expect(recognizes(#"{"service_job_id": "1", "git": {"branch": "x"}, "source_files": [{"name": "a.rb""#))
        #expect(recognizes(#"{"source_files": [{"source": "x = 1\n", "coverage": [1"#))
        #expect(!recognizes(#"{"source_files": [{"source": "very long source…"#), "the head ends before it tells")
        #expect(!recognizes(#"{"source_files": []}"#))
        #expect(!recognizes(#"{"source_files": [{"source": ""}], "service_name": "x"}"#))
        #expect(!recognizes(#"{"source_files": {"name": "a"}}"#))
        #expect(!recognizes(#"{"service_name": "github"}"#))
        for sample in JSONCoverageTest.samples where sample.format != .coveralls {
            #expect(!recognizes(sample.text), "\(sample.format)")
        }
        for head in JSONCoverageTest.otherJSONHeads { #expect(!recognizes(head), "\(head)") }
    }

    // MARK: Bad input

    @Test func theBadInputMatrixHolds() throws {
        let sample = try #require(JSONCoverageTest.samples.first { $0.format == .coveralls })
        try BadInputMatrix(format: .coveralls, sample: sample.text, truncated: "unexpected end of input").check()
    }

    @Test func namesTheSourceFileOfABadValue() {
        let cases: [(String, String)] = [
            (
                #""name": "a.c", "coverage": [1, -1]"#,
                "the entry for a.c: coverage[1]: expected a count of 0 or more, found -1"
            ),
            (
                #""coverage": [0.5], "name": "a.c""#,
                "source_files[0]: coverage: expected a whole number, found 0.5"
            ),
            (
                #""name": "a.c", "coverage": [1], "branches": [1, 0, 0]"#,
                "the entry for a.c: branches has 3 numbers, not quadruples [line, block, branch, hits]"
            ),
            (
                #""name": "a.c", "coverage": [1], "branches": [1, 0, 0, null]"#,
                "the entry for a.c: branches: expected a whole number, found null"
            ),
            (
                #""name": "a.c", "coverage": [1], "branches": [-1, 0, 0, 1]"#,
                "the entry for a.c: branches[0] (a line): -1 is not a line number"
            ),
            (
                #""name": "a.c", "coverage": [1], "branches": [1, "b", 0, 1]"#,
                #"the entry for a.c: branches: expected a whole number, found the string "b""#
            ),
            (#""name": 3, "coverage": []"#, "source_files[0]: expected a string, found the number 3"),
            (
                #""name": "a.c", "coverage": [1], "branches": [1, 0, 0, -1]"#,
                "the entry for a.c: branches[3] (hits): expected a count of 0 or more, found -1"
            ),
            (
                #""name": "a.c", "coverage": [1], "branches": [1, -1, 0, 1]"#,
                "the entry for a.c: branches[1]: expected a count of 0 or more, found -1"
            ),
            (#""coverage": [1]"#, "source_files[0] has no name"),
            (#""name": "a.c", "source": "int x;""#, "the entry for a.c has no coverage"),
        ]
        for (members, message) in cases {
            let found = error(job(members))
            #expect(found?.message == message, "\(members)")
            #expect(found?.line == 1, "\(members)")
        }
    }

    @Test func refusesJSONThatIsNotACoverallsJob() {
        #expect(error(#"{"service_name": "github"}"#)?.message == "not a Coveralls job: no source_files")
        #expect(
            error("[]") == InputError("not a Coveralls job: the JSON value is not an object", line: 1, column: 1))
        #expect(error(#"{"source_files": {}}"#)?.message == "expected an array, found an object")
    }
}
