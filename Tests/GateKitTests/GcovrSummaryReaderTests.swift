import Testing

@testable import GateKit

private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

/// The summaries under Fixtures/gcovr/ are gcovr's `--json-summary` of the runs described in GcovrJSONReaderTests.
@Suite struct GcovrSummaryReaderTests {
    private func files(_ input: InputBuffer) throws -> [FileCoverage] {
        guard case .coverage(let report) = try GcovrSummaryReader.read(input) else {
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
            _ = try GcovrSummaryReader.read(inputBuffer(text, capacity: 64))
            return nil
        } catch {
            return error
        }
    }

    /// A summary with one file entry holding `members`.
    private func summary(_ members: String) -> String {
        #"{"gcovr/summary_format_version": "0.6", "files": [{\#(members)}], "line_total": 0}"#
    }

    static let fixtures = ["summary-8.8-pretty.json", "summary-8.3-compact.json", "summary-5.0-sorted-keys.json"]

    @Test func gcovr88CountsPerFile() throws {
        let files = try files(fixture: "summary-8.8-pretty.json")
        // gcovr 8.8 --print-summary: lines: 76.6% (36 out of 47), functions: 85.7% (6 out of 7),
        // branches: 55.2% (16 out of 29)
        #expect(
            GcovrFigures(files)
                == GcovrFigures(lines: count(36, of: 47), functions: count(6, of: 7), branches: count(16, of: 29)))
        #expect(
            files == [
                FileCoverage(
                    path: "src/main.cpp", lines: count(17, of: 20), branches: count(7, of: 16),
                    functions: count(3, of: 3)),
                FileCoverage(
                    path: "src/parse.cpp", lines: count(13, of: 20), branches: count(9, of: 13),
                    functions: count(3, of: 4)),
                // function_total 0 and branch_total 0: no data of either kind.
                FileCoverage(path: "src/stats.hpp", lines: count(6, of: 7)),
            ])
    }

    @Test func gcovr83CompactCountsTheSame() throws {
        // gcovr 8.3 --print-summary: lines: 76.6% (36 out of 47), functions: 85.7% (6 out of 7),
        // branches: 55.2% (16 out of 29)
        #expect(try files(fixture: "summary-8.3-compact.json") == files(fixture: "summary-8.8-pretty.json"))
    }

    @Test func gcovr50HasNoFunctionsAndSortedKeys() throws {
        // gcovr 5.0 --print-summary: lines: 80.0% (36 out of 45), branches: 55.2% (16 out of 29); its summary
        // (format 0.2) gives percentages from 0 to 1 and puts its version after the files.
        #expect(
            GcovrFigures(try files(fixture: "summary-5.0-sorted-keys.json"))
                == GcovrFigures(lines: count(36, of: 45), functions: nil, branches: count(16, of: 29)))
    }

    @Test func theFilesAreTrustedOverStatedTotalsThatDisagree() throws {
        let text = """
            {"gcovr/summary_format_version": "0.6", "line_total": 99, "line_covered": 98, "branch_total": 7,
             "files": [{"filename": "a.c", "line_total": 4, "line_covered": 3, "line_percent": 75.0},
                       {"filename": "b.c", "line_total": 2, "line_covered": 0, "line_percent": 0.0}]}
            """
        #expect(GcovrFigures(try files(text)) == GcovrFigures(lines: count(3, of: 6), functions: nil, branches: nil))
    }

    @Test(arguments: fixtures)
    func readsTheSameThroughAnySizeOfBuffer(_ name: String) throws {
        #expect(try files(fixture: name, capacity: 16) == files(fixture: name))
    }

    @Test(arguments: fixtures)
    func isChosenByTheReportLoader(_ name: String) throws {
        #expect(try ReportLoader.load(path: fixture("gcovr/\(name)"), category: .coverage).format == .gcovrSummary)
    }

    @Test func claimsNoOtherFormat() throws {
        let others = GcovrJSONReaderTests.otherFormats.filter { $0.0 != "gcovr summary" }
        for (name, text) in others {
            withByteSpan(text) { #expect(!GcovrSummaryReader.recognizes(ContentHead($0)), "\(name)") }
        }
        for name in GcovrJSONReaderTests.detailFixtures {
            let input = InputBuffer(source: try FileByteSource(path: fixture("gcovr/\(name)")))
            _ = try input.ensure(ContentHead.size)
            #expect(!GcovrSummaryReader.recognizes(ContentHead(input.unconsumed)), "\(name)")
        }
    }

    @Test func recognisesSortedKeysSummariesWithoutTheirVersionInTheHead() {
        let head =
            #"{"branch_covered": 1, "files": [{"branch_covered": 1, "filename": "a.c", "line_covered": 2, "#
            + #""line_total": 3}"#
        withByteSpan(head) { #expect(GcovrSummaryReader.recognizes(ContentHead($0))) }
    }

    @Test func theBadInputMatrixHolds() throws {
        let sample = """
            {
                "root": ".",
                "gcovr/summary_format_version": "0.6",
                "files": [
                    {"filename": "src/é.c", "line_total": 4, "line_covered": 3, "branch_total": 2, "branch_covered": 1}
                ],
                "line_total": 4,
                "line_covered": 3
            }
            """
        try BadInputMatrix(format: .gcovrSummary, sample: sample, truncated: "unexpected end of input").check()
    }

    @Test(
        arguments: [
            ("[]", "not a gcovr JSON summary: the JSON value is not an object", 1),
            (#"{"line_total": 3}"#, "not a gcovr JSON summary: no files", nil),
            (
                #"{"gcovr/summary_format_version": "1.0", "files": []}"#,
                "gcovr JSON summary format version 1.0 is not supported (protocol reads versions 0.x)", 1
            ),
            (#"{"files": [{"line_total": 1, "line_covered": 1}]}"#, "files[0] has no filename", 1),
        ] as [(String, String, Int?)])
    func malformedSummariesAreErrors(_ text: String, _ message: String, _ line: Int?) {
        let error = error(text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    /// Counts are read by the checks all JSON coverage readers share, whose messages are their own: here the errors
    /// must name the entry, the field and the value.
    @Test(
        arguments: [
            (#"{"files": [{"line_total": 1.5, "filename": "a.c"}]}"#, "files[0]: line_total: ", "1.5"),
            (
                #"{"files": [{"filename": "a.c", "line_total": -1, "line_covered": 0}]}"#,
                "the entry for a.c: line_total: ", "-1"
            ),
            (
                #"{"files": [{"filename": "a.c", "branch_covered": 99999999999999999999}]}"#,
                "the entry for a.c: branch_covered: ", "99999999999999999999"
            ),
        ])
    func badCountsAreErrorsNamingTheirEntry(_ text: String, _ context: String, _ value: String) {
        let message = error(text)?.message ?? ""
        #expect(message.hasPrefix(context), "\(message)")
        #expect(message.contains(value), "\(message)")
    }

    @Test(
        arguments: [
            (#""filename": "a.c""#, "the entry for a.c has no line_total"),
            (#""filename": "a.c", "line_covered": 1"#, "the entry for a.c has line_covered but no line_total"),
            (
                #""filename": "a.c", "line_total": 1, "line_covered": 1, "branch_total": 2"#,
                "the entry for a.c has branch_total but no branch_covered"
            ),
            (
                #""filename": "a.c", "line_total": 1, "line_covered": 2"#,
                "the entry for a.c has line_covered 2 larger than line_total 1"
            ),
            (
                #""filename": "a.c", "line_total": 1, "line_covered": 1, "function_total": 2, "function_covered": 3"#,
                "the entry for a.c has function_covered 3 larger than function_total 2"
            ),
        ])
    func malformedFileEntriesAreErrorsNamingTheFile(_ members: String, _ message: String) {
        #expect(error(summary(members))?.message == message)
    }
}
