import Foundation
import Testing

@testable import GateKit

/// The figures `gcovr --print-summary` prints: lines, functions and branches over all files.
struct GcovrFigures: Equatable {
    var lines: CoverageCount
    var functions: CoverageCount?
    var branches: CoverageCount?

    init(lines: CoverageCount, functions: CoverageCount?, branches: CoverageCount?) {
        self.lines = lines
        self.functions = functions
        self.branches = branches
    }

    init(_ files: [FileCoverage]) {
        func sum(_ counts: [CoverageCount?]) -> CoverageCount? {
            let known = counts.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(.zero, +)
        }
        self.init(
            lines: files.reduce(.zero) { $0 + $1.lines }, functions: sum(files.map(\.functions)),
            branches: sum(files.map(\.branches)))
    }
}

private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

/// The fixtures under Fixtures/gcovr/ come from the C++ program in Fixtures/gcovr/project (built with g++ 12
/// `--coverage`, run once), reported by gcovr 8.8, 8.3 and 5.0 with `gcovr -r . --json[-pretty] --json-summary
/// --print-summary` (and `--exclude-throw-branches` for one), except `templates-per-function.json` and
/// `concatenated-runs.json`, written by hand in the shape of gcovr 8.8 and 8.3 and checked by reading them back with
/// that gcovr (`--json-add-tracefile … --print-summary`).
@Suite struct GcovrJSONReaderTests {
    private func files(_ input: InputBuffer) throws -> [FileCoverage] {
        guard case .coverage(let report) = try GcovrJSONReader.read(input) else {
            Issue.record("not a coverage report")
            return []
        }
        return report.files
    }

    private func files(_ text: String) throws -> [FileCoverage] { try files(inputBuffer(text, capacity: 64)) }

    private func files(fixture name: String, capacity: Int = InputBuffer.defaultCapacity) throws -> [FileCoverage] {
        try files(InputBuffer(source: FileByteSource(path: fixture("gcovr/\(name)")), capacity: capacity))
    }

    private func error(_ text: String) -> InputError? {
        do {
            _ = try GcovrJSONReader.read(inputBuffer(text, capacity: 64))
            return nil
        } catch {
            return error
        }
    }

    /// A report of one file `a.c` with the given line and function records.
    private static func report(lines: String, functions: String = "") -> String {
        #"{"gcovr/format_version": "0.15", "files": [{"file": "a.c", "lines": [\#(lines)], "#
            + #""functions": [\#(functions)]}]}"#
    }

    static let detailFixtures = [
        "gcovr-8.8-pretty.json", "gcovr-8.3-compact.json", "gcovr-5.0-sorted-keys.json",
        "gcovr-8.8-exclude-throw-branches.json", "templates-per-function.json", "concatenated-runs.json",
    ]

    // MARK: What gcovr wrote

    @Test func gcovr88PrettyCountsWhatItsSummaryPrints() throws {
        let files = try files(fixture: "gcovr-8.8-pretty.json")
        // gcovr 8.8 --print-summary: lines: 76.6% (36 out of 47), functions: 85.7% (6 out of 7),
        // branches: 55.2% (16 out of 29)
        #expect(
            GcovrFigures(files)
                == GcovrFigures(lines: count(36, of: 47), functions: count(6, of: 7), branches: count(16, of: 29)))
        #expect(files.map(\.path) == ["src/main.cpp", "src/parse.cpp", "src/stats.hpp"])
        // stats.hpp: a template whose only function record is excluded, and no branches.
        #expect(files[2].functions == nil)
        #expect(files[2].branches == nil)
    }

    @Test func gcovr83CompactCountsTheSame() throws {
        // gcovr 8.3 --print-summary: lines: 76.6% (36 out of 47), functions: 85.7% (6 out of 7),
        // branches: 55.2% (16 out of 29)
        #expect(
            GcovrFigures(try files(fixture: "gcovr-8.3-compact.json"))
                == GcovrFigures(lines: count(36, of: 47), functions: count(6, of: 7), branches: count(16, of: 29)))
    }

    @Test func gcovr50NoncodeLinesDoNotCountAndTheVersionComesLast() throws {
        // gcovr 5.0 --print-summary: lines: 80.0% (36 out of 45), branches: 55.2% (16 out of 29); its format 0.2
        // has no functions, and it marks excluded lines noncode.
        let files = try files(fixture: "gcovr-5.0-sorted-keys.json")
        #expect(
            GcovrFigures(files) == GcovrFigures(lines: count(36, of: 45), functions: nil, branches: count(16, of: 29)))
        #expect(files.map(\.lines) == [count(17, of: 19), count(13, of: 19), count(6, of: 7)])
    }

    @Test func excludedLinesAreNeitherCoveredNorMissed() throws {
        // gcovr 8.8 --txt: src/parse.cpp 20 lines, 13 executed, missing 22-23,26-27,33,41-42 (lines 31, 36 and 37
        // are excluded by GCOVR_EXCL markers, and so are the functions on them).
        let parse = try #require(try files(fixture: "gcovr-8.8-pretty.json").first { $0.path == "src/parse.cpp" })
        #expect(parse.lines == count(13, of: 20))
        #expect(parse.lineMap?.uncoveredRanges == [22...23, 26...27, 33...33, 41...42])
        #expect(parse.functions == count(3, of: 4))
    }

    @Test func throwBranchesCountUnlessTheRunLeftThemOut() throws {
        // gcovr 8.8 --exclude-throw-branches --print-summary: lines: 76.6% (36 out of 47),
        // functions: 85.7% (6 out of 7), branches: 63.6% (14 out of 22); the JSON has no throw branches left.
        #expect(
            GcovrFigures(try files(fixture: "gcovr-8.8-exclude-throw-branches.json"))
                == GcovrFigures(lines: count(36, of: 47), functions: count(6, of: 7), branches: count(14, of: 22)))
    }

    @Test func eachFileCountsWhatTheSummaryOfTheSameRunSays() throws {
        for (detail, summary) in [
            ("gcovr-8.8-pretty.json", "summary-8.8-pretty.json"),
            ("gcovr-8.3-compact.json", "summary-8.3-compact.json"),
            ("gcovr-5.0-sorted-keys.json", "summary-5.0-sorted-keys.json"),
        ] {
            guard case .coverage(let stated) = try ReportLoader.load(path: fixture("gcovr/\(summary)")).report else {
                Issue.record("\(summary) is not a coverage report")
                continue
            }
            let read = try files(fixture: detail)
            #expect(read.map(\.path) == stated.files.map(\.path), "\(detail)")
            for (file, statedFile) in zip(read, stated.files) {
                #expect(file.lines == statedFile.lines, "\(detail): \(file.path)")
                #expect(file.branches == statedFile.branches, "\(detail): \(file.path)")
                #expect(file.functions == statedFile.functions, "\(detail): \(file.path)")
            }
        }
    }

    // MARK: Records gcovr merges

    @Test func templateInstantiationsShareTheirSourceLines() throws {
        // gcovr 8.8 --json-add-tracefile --merge-lines: lines: 85.7% (6 out of 7), functions: 66.7% (2 out of 3),
        // branches: 60.0% (3 out of 5). Without --merge-lines gcovr 8.8 counts each instantiation's records:
        // lines: 50.0% (6 out of 12), branches: 33.3% (3 out of 9).
        let files = try files(fixture: "templates-per-function.json")
        #expect(
            GcovrFigures(files)
                == GcovrFigures(lines: count(6, of: 7), functions: count(2, of: 3), branches: count(3, of: 5)))
        let buffer = try #require(files.first)
        #expect(buffer.lineMap?.uncoveredRanges == [12...12])
        #expect(buffer.branchMap?.partiallyCovered.map(\.line) == [9, 10])
        #expect(buffer.branchMap?.partiallyCovered.map(\.count) == [count(1, of: 2), count(1, of: 2)])
    }

    @Test func entriesOfOneFileMergeAsGcovrMergesThem() throws {
        // gcovr 8.3 --json-add-tracefile: src/main.c 2 of 2 lines, src/queue.c 6 of 7 (missing 6); lines: 88.9%
        // (8 out of 9), functions: 100.0% (3 out of 3), branches: 75.0% (3 out of 4). Each run alone covers 1 of
        // 2 branches of queue.c line 4 and 1 of 2 of its functions: their union covers both.
        let files = try files(fixture: "concatenated-runs.json")
        #expect(files.map(\.path) == ["src/queue.c", "src/main.c"])
        #expect(
            GcovrFigures(files)
                == GcovrFigures(lines: count(8, of: 9), functions: count(3, of: 3), branches: count(3, of: 4)))
        #expect(files[0].lineMap?.uncoveredRanges == [6...6])
        #expect(files[0].branchMap?.partiallyCovered.map(\.line) == [10])
    }

    @Test func theSecondPassReadsDecodedInputAgain() throws {
        let text = try String(contentsOfFile: fixture("gcovr/concatenated-runs.json"), encoding: .utf8)
        let path = try temporaryFile(BadInputMatrix.utf16(text, bigEndian: false))
        let loaded = try ReportLoader.load(path: path, category: .coverage)
        #expect(loaded.encoding == .utf16LittleEndian)
        #expect(loaded.report == .coverage(CoverageReport(files: try files(fixture: "concatenated-runs.json"))))
    }

    @Test func aLineThatComesBackAfterOthersHasItsBranchesUnioned() throws {
        let branch = #"{"count": %d, "fallthrough": false, "throw": false}"#
        func line(_ number: Int, _ counts: [Int]) -> String {
            let branches = counts.map { branch.replacingOccurrences(of: "%d", with: "\($0)") }
            return #"{"line_number": \#(number), "count": 1, "branches": [\#(branches.joined(separator: ","))]}"#
        }
        let files = try files(
            Self.report(lines: [line(4, [1, 0]), line(2, []), line(4, [0, 1])].joined(separator: ",")))
        #expect(files.first?.branches == count(2, of: 2))
        #expect(files.first?.lines == count(2, of: 2))
    }

    @Test func aBranchIsKeyedByItsNumberAndBlocks() throws {
        // Branch 0 of blocks 2→3 and 2→4 are two branches; branch 0 of 2→3 twice is one (taken by either record).
        let lines = """
            {"line_number": 1, "function_name": "f", "count": 1, "branches": [
              {"branchno": 0, "count": 0, "source_block_id": 2, "destination_block_id": 3},
              {"branchno": 0, "count": 1, "source_block_id": 2, "destination_block_id": 4}]},
            {"line_number": 1, "function_name": "g", "count": 1, "branches": [
              {"branchno": 0, "count": 1, "source_block_id": 2, "destination_block_id": 3}]},
            {"line_number": 2, "count": 1, "branches": [
              {"count": 1, "blockno": 5, "destination_blockno": 6},
              {"count": 0, "blockno": 5, "destination_blockno": 7}]}
            """
        #expect(try files(Self.report(lines: lines)).first?.branches == count(3, of: 4))
    }

    @Test func anExclusionInAnyRecordOfABranchLeavesItOut() throws {
        let lines = """
            {"line_number": 1, "function_name": "f", "count": 1, "branches": [
              {"branchno": 0, "count": 1}, {"branchno": 1, "count": 0, "gcovr/excluded": true}]},
            {"line_number": 1, "function_name": "g", "count": 0, "branches": [
              {"branchno": 0, "count": 0}, {"branchno": 1, "count": 1}]},
            {"line_number": 2, "count": 0, "gcovr/excluded": true, "branches": [{"count": 1}]}
            """
        let file = try #require(try files(Self.report(lines: lines)).first)
        #expect(file.branches == count(1, of: 1))
        #expect(file.lines == count(1, of: 1))
    }

    @Test func functionsAreNamedByTheirDemangledNameAndLine() throws {
        let functions = """
            {"name": "_ZN1AC1Ev", "demangled_name": "A::A()", "lineno": 3, "execution_count": 0},
            {"name": "_ZN1AC2Ev", "demangled_name": "A::A()", "lineno": 3, "execution_count": 2},
            {"name": "main", "lineno": 9, "execution_count": 1},
            {"name": "main", "lineno": 9, "execution_count": 0},
            {"demangled_name": "helper(int)", "lineno": 12},
            {"demangled_name": "helper(int)", "lineno": 20, "execution_count": 0},
            {"demangled_name": "skipped()", "lineno": 30, "execution_count": 1, "gcovr/excluded": true}
            """
        // A::A() at 3 (covered by its second constructor), main at 9 (covered), helper(int) at 12 and at 20.
        #expect(try files(Self.report(lines: "", functions: functions)).first?.functions == count(2, of: 4))
    }

    @Test func recordsOfOtherMetricsAreSkipped() throws {
        let lines = """
            {"line_number": 5, "function_name": "_Z1fi", "count": 2, "branches": [], "block_ids": [1, 2],
             "conditions": [{"count": 2, "covered": 1, "not_covered_false": [], "not_covered_true": [0]}],
             "gcovr/md5": "0c83f378d1eda6b258d0e7a718f9da96", "gcovr/decision": {"type": "conditional",
             "count_true": 1, "count_false": 0}, "gcovr/calls": [{"callno": 0, "covered": true}],
             "gcovr/data_sources": [["a.gcov"]]}
            """
        #expect(try files(Self.report(lines: lines)) == [FileCoverage(path: "a.c", lineMap: lineMap([5: true]))])
    }

    @Test func aReportWithoutFilesIsEmpty() throws {
        #expect(try files(#"{"gcovr/format_version": "0.15", "files": []}"#).isEmpty)
    }

    private func lineMap(_ lines: [UInt32: Bool]) -> LineCoverageMap {
        var map = LineCoverageMap()
        for (line, hit) in lines.sorted(by: { $0.key < $1.key }) { map.record(line: line, hit: hit) }
        return map
    }

    // MARK: Reading

    @Test(arguments: detailFixtures)
    func readsTheSameThroughAnySizeOfBuffer(_ name: String) throws {
        #expect(try files(fixture: name, capacity: 16) == files(fixture: name))
    }

    @Test(arguments: detailFixtures)
    func isChosenByTheReportLoader(_ name: String) throws {
        #expect(try ReportLoader.load(path: fixture("gcovr/\(name)"), category: .coverage).format == .gcovrJSON)
    }

    @Test func claimsNoOtherFormat() {
        for (name, text) in Self.otherFormats {
            withByteSpan(text) { #expect(!GcovrJSONReader.recognizes(ContentHead($0)), "\(name)") }
        }
    }

    @Test func recognisesSortedKeysReportsWithoutTheirVersionInTheHead() {
        let head =
            #"{"files": [{"file": "a.c", "functions": [{"execution_count": 1, "lineno": 2, "name": "f"}], "#
            + #""lines": [{"branches": [], "count": 1, "line_number": 2}"#
        withByteSpan(head) { #expect(GcovrJSONReader.recognizes(ContentHead($0))) }
        withByteSpan(#"{"files": [{"file": "a.c", "lines": [{"line_number": 1}]}]}"#) {
            #expect(!GcovrJSONReader.recognizes(ContentHead($0)), "nothing of gcovr's own")
        }
    }

    /// Samples of the other JSON coverage formats (and of gcov's own JSON, which looks much like gcovr's).
    static let otherFormats: [(String, String)] = [
        (
            "llvm-cov",
            #"{"data":[{"files":[{"filename":"a.c","summary":{"lines":{"count":1,"covered":1}}}]}],"#
                + #""type":"llvm.coverage.json.export","version":"2.0.1"}"#
        ),
        (
            "coverage.py",
            #"{"meta": {"format": 3, "branch_coverage": false}, "files": {"a.py": {"executed_lines": [1]}}}"#
        ),
        ("istanbul", #"{"/a.js": {"path": "/a.js", "statementMap": {}, "s": {}, "fnMap": {}, "f": {}}}"#),
        ("istanbul summary", #"{"total": {"lines": {"total": 1, "covered": 1, "skipped": 0, "pct": 100}}}"#),
        ("coveralls", #"{"source_files": [{"name": "a.c", "coverage": [1, null]}]}"#),
        ("simplecov", #"{"RSpec": {"coverage": {"/a.rb": {"lines": [1, null]}}, "timestamp": 1}}"#),
        ("simplecov last run", #"{"result": {"line": 90.5}}"#),
        (
            "gcovr summary",
            #"{"gcovr/summary_format_version": "0.6", "files": [{"filename": "a.c", "line_total": 1, "#
                + #""line_covered": 1}]}"#
        ),
        (
            "gcov JSON",
            #"{"format_version": "2", "gcc_version": "14.2.0", "files": [{"file": "a.c", "functions": [{"name": "f", "#
                + #""start_line": 1, "execution_count": 1}], "lines": [{"line_number": 2, "count": 1, "#
                + #""unexecuted_block": false, "branches": []}]}]}"#
        ),
        (
            "bandit",
            #"{"results": [{"filename": "a.py", "line_number": 3, "line_range": [3], "test_id": "B101"}]}"#
        ),
    ]

    // MARK: Bad input

    @Test func theBadInputMatrixHolds() throws {
        let sample = """
            {
                "gcovr/format_version": "0.15",
                "files": [
                    {
                        "file": "src/é.c",
                        "lines": [
                            {"line_number": 1, "count": 1, "branches": [{"count": 0, "throw": false}]}
                        ],
                        "functions": [{"name": "main", "lineno": 1, "execution_count": 1}]
                    }
                ]
            }
            """
        try BadInputMatrix(format: .gcovrJSON, sample: sample, truncated: "unexpected end of input").check()
    }

    @Test(
        arguments: [
            ("[]", "not a gcovr JSON report: the JSON value is not an object", 1),
            (#"{"files": []}"#, "not a gcovr JSON report: no gcovr/format_version", nil),
            (#"{"gcovr/format_version": "0.15"}"#, "not a gcovr JSON report: no files", nil),
            (
                #"{"gcovr/format_version": "1.0", "files": []}"#,
                "gcovr JSON format version 1.0 is not supported (protocol reads versions 0.x)", 1
            ),
            (#"{"gcovr/format_version": "0.15", "files": [{"lines": []}]}"#, "files[0] has no file", 1),
            (
                #"{"gcovr/format_version": "0.1", "files": [{"file": "a"}, {"lines": [{"line_number": 1}]}]}"#,
                "files[1]: lines[0]: the record of line 1 has no count", 1
            ),
            (
                #"{"gcovr/format_version": "0.15", "files": [{"file": "a.c", "lines": {}}]}"#,
                "the entry for a.c: expected an array, found an object", 1
            ),
        ] as [(String, String, Int?)])
    func malformedReportsAreErrors(_ text: String, _ message: String, _ line: Int?) {
        let error = error(text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test(
        arguments: [
            (#"{"count": 1, "branches": []}"#, "lines[0]: the line record has no line_number"),
            (#"{"line_number": 0, "count": 1}"#, "lines[0]: the line record has line_number 0 (lines start at 1)"),
            (#"{"line_number": 2, "branches": []}"#, "lines[0]: the record of line 2 has no count"),
            (
                #"{"line_number": 2, "count": 1, "branches": [{"count": 1}, {"throw": true}]}"#,
                "lines[0]: branches[1]: the branch has no count"
            ),
            (
                #"{"line_number": 2, "count": 1, "gcovr/excluded": "yes"}"#,
                "lines[0]: gcovr/excluded: expected true or false"
            ),
            (#"{"line_number": 2, "count": 1, "gcovr/noncode": 0}"#, "lines[0]: gcovr/noncode: expected true or false"),
            ("[1]", "lines[0]: expected an object"),
            (#"{"line_number": 2, "count": 1, "branches": [3]}"#, "lines[0]: branches[0]: expected an object"),
        ])
    func malformedLineRecordsAreErrorsNamingTheFile(_ line: String, _ message: String) {
        #expect(error(Self.report(lines: line))?.message == "the entry for a.c: " + message)
    }

    @Test(
        arguments: [
            (#"{"lineno": 1, "execution_count": 1}"#, "functions[0]: the function has no name"),
            (#"{"name": "f", "execution_count": 1}"#, "functions[0]: the function has no lineno"),
            (#"{"name": 7, "lineno": 1}"#, "functions[0]: name: expected a string"),
            (#"{"name": "f", "demangled_name": null, "lineno": 1}"#, "functions[0]: demangled_name: expected a string"),
            ("null", "functions[0]: expected an object"),
            (
                #"{"name": "f", "lineno": 1, "gcovr/excluded": null}"#,
                "functions[0]: gcovr/excluded: expected true or false"
            ),
        ])
    func malformedFunctionRecordsAreErrorsNamingTheFile(_ function: String, _ message: String) {
        #expect(error(Self.report(lines: "", functions: function))?.message == "the entry for a.c: " + message)
    }

    /// Numbers are read by the checks all JSON coverage readers share, whose messages are their own: here the errors
    /// must name the record and the value.
    @Test(
        arguments: [
            (report(lines: #"{"line_number": -1, "count": 1}"#), "lines[0]: line_number: ", "-1"),
            (report(lines: #"{"line_number": 3000000000, "count": 1}"#), "lines[0]: line_number: ", "3000000000"),
            (report(lines: #"{"line_number": 2, "count": 1.5}"#), "lines[0]: count: ", "1.5"),
            (report(lines: #"{"line_number": 2, "count": 1e400}"#), "lines[0]: count: ", "1e400"),
            (
                report(lines: #"{"line_number": 2, "count": 99999999999999999999}"#), "lines[0]: count: ",
                "99999999999999999999"
            ),
            (report(lines: #"{"line_number": 2, "count": "3"}"#), "lines[0]: count: ", #""3""#),
            (
                report(lines: #"{"line_number": 2, "count": 1, "branches": [{"count": -2}]}"#),
                "lines[0]: branches[0]: count: ", "-2"
            ),
            (
                report(lines: #"{"line_number": 2, "count": 1, "branches": [{"count": 0, "branchno": 1.5}]}"#),
                "lines[0]: branches[0]: branchno: ", "1.5"
            ),
            (
                report(lines: #"{"line_number": 2, "count": 1, "branches": [{"count": 0, "blockno": -4}]}"#),
                "lines[0]: branches[0]: blockno: ", "-4"
            ),
            (
                report(
                    lines: #"{"line_number": 2, "count": 1, "branches": [{"count": 0, "destination_block_id": 0.5}]}"#),
                "lines[0]: branches[0]: destination_block_id: ", "0.5"
            ),
            (
                report(lines: "", functions: #"{"name": "f", "lineno": 1, "execution_count": -1}"#),
                "functions[0]: execution_count: ", "-1"
            ),
            (report(lines: "", functions: #"{"name": "f", "lineno": "7"}"#), "functions[0]: lineno: ", #""7""#),
        ])
    func badNumbersAreErrorsNamingTheirRecord(_ text: String, _ context: String, _ value: String) {
        let message = error(text)?.message ?? ""
        #expect(message.hasPrefix("the entry for a.c: " + context), "\(message)")
        #expect(message.contains(value), "\(message)")
    }

    @Test func errorsGiveTheLineOfTheRecord() {
        let text = Self.report(lines: "\n" + #"{"line_number": 1, "count": 1},"# + "\n" + #"{"count": 1}"#)
        let error = error(text)
        #expect(error?.message == "the entry for a.c: lines[1]: the line record has no line_number")
        #expect(error?.line == 3)
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000)
        let error = error(Self.report(lines: #"{"line_number": 1, "count": 1, "gcovr/data_sources": \#(deep)"#))
        #expect(error?.message.contains("nested deeper than") == true)
    }
}
