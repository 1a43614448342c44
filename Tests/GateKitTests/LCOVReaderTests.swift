import Testing

@testable import GateKit

@Suite struct LCOVReaderTests {
    /// Totals over every file of a coverage report.
    struct Totals: Equatable {
        var lines: CoverageCount
        var branches: CoverageCount?
        var functions: CoverageCount?
    }

    private func totals(_ report: Report) throws -> Totals {
        guard case .coverage(let coverage) = report else { throw InputError("not a coverage report") }
        func sum(_ counts: [CoverageCount?]) -> CoverageCount? {
            let known = counts.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(.zero, +)
        }
        return Totals(
            lines: coverage.files.reduce(.zero) { $0 + $1.lines }, branches: sum(coverage.files.map(\.branches)),
            functions: sum(coverage.files.map(\.functions)))
    }

    private func read(fixture name: String) throws -> Report {
        try ReportLoader.load(path: fixture("lcov/\(name)"), category: .coverage).report
    }

    private func read(_ text: String) throws(InputError) -> Report { try LCOVReader.read(inputBuffer(text)) }

    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    @Test func geninfoOutputOfGCC() throws {
        // lcov --summary: lines 81.8% (18 of 22 lines), functions 80.0% (4 of 5), branches 62.5% (5 of 8)
        let report = try read(fixture: "geninfo-gcc.info")
        #expect(
            try totals(report)
                == Totals(lines: count(18, of: 22), branches: count(5, of: 8), functions: count(4, of: 5)))
        guard case .coverage(let coverage) = report else { return }
        #expect(
            coverage.files.map(\.path) == [
                "/home/runner/work/ring/ring/src/ring.c", "/home/runner/work/ring/ring/src/main.c",
            ])
        #expect(coverage.files[1].branches == nil, "main.c has no branch records")
    }

    @Test func lcov2FunctionLeadersAliasesChecksumsAndExceptionBranches() throws {
        // lcov 2.2 --summary: lines 57.1% (4 of 7), functions 50.0% (1 of 2), branches 50.0% (2 of 4)
        #expect(
            try totals(read(fixture: "lcov2-fnl-fna.info"))
                == Totals(lines: count(4, of: 7), branches: count(2, of: 4), functions: count(1, of: 2)))
    }

    @Test func istanbulLcovReporter() throws {
        // jest --coverage text summary: Lines 85.71% (6/7), Functions 66.66% (2/3), Branches 75% (3/4)
        #expect(
            try totals(read(fixture: "istanbul-jest.info"))
                == Totals(lines: count(6, of: 7), branches: count(3, of: 4), functions: count(2, of: 3)))
    }

    @Test func sectionsOfSeveralTestsForOneFileAreUnioned() throws {
        // lcov --summary merges the test names: lines 75.0% (6 of 8), functions 100% (2 of 2), branches 100% (2 of 2)
        let report = try read(fixture: "two-tests-same-file.info")
        #expect(
            try totals(report) == Totals(lines: count(6, of: 8), branches: count(2, of: 2), functions: count(2, of: 2)))
        guard case .coverage(let coverage) = report else { return }
        #expect(coverage.files.map(\.path) == ["lib/parse.c", "lib/io.c"])
    }

    @Test func repeatedLinesCountOnceWhateverLFSays() throws {
        // coverlet writes LF:8 LH:4 BRF:4 BRH:2 by counting records; lcov counts 3 of 6 lines, 1 of 2 branches.
        #expect(
            try totals(read(fixture: "coverlet-repeated-lines.info"))
                == Totals(lines: count(3, of: 6), branches: count(1, of: 2), functions: count(1, of: 2)))
    }

    @Test func summaryOnlySectionsUseTheStatedTotals() throws {
        // cargo llvm-cov --lcov --summary-only: no DA/FN/BRDA, only LF/LH, FNF/FNH, BRF/BRH; BRF:0 is no branch data.
        #expect(
            try totals(read(fixture: "cargo-summary-only.info"))
                == Totals(lines: count(45, of: 52), branches: nil, functions: count(7, of: 8)))
    }

    @Test func crlfLineEndingsReadLikeLF() throws {
        let report = try read(fixture: "crlf.info")
        #expect(try totals(report).lines == count(1, of: 2))
        guard case .coverage(let coverage) = report else { return }
        #expect(coverage.files.first?.path == "win.c")
    }

    @Test func unknownRecordTypesOfLaterVersionsAreSkipped() throws {
        let report = try read("VER:3\nSF:a.c\nMCDC:3,2,t,1,0,x\nXYZ_1:whatever\n\nDA:1,1\nend_of_record\n")
        #expect(try totals(report).lines == count(1, of: 1))
    }

    @Test func hugeExecutionCountsStillMeanCovered() throws {
        let report = try read("SF:a.c\nDA:1,123456789012345678901234567890\nDA:2,0000\nend_of_record\n")
        #expect(try totals(report).lines == count(1, of: 2))
    }

    @Test func functionNamesMayContainCommas() throws {
        let report = try read(
            "SF:a.cpp\nFN:3,std::map<int, int> make()\nFNDA:1,std::map<int, int> make()\nend_of_record\n")
        #expect(try totals(report).functions == count(1, of: 1))
    }

    @Test(
        arguments: [
            (
                "SF:a.c\nDA:1,1\n",
                "the file ends inside the section for 'a.c' started at line 1 (no end_of_record): is it truncated?", nil
            ),
            ("SF:a.c\nDA:x,1\nend_of_record\n", "DA record needs a line number, found 'x'", 2),
            ("SF:a.c\nDA:1\nend_of_record\n", "DA record without an execution count", 2),
            ("SF:a.c\nDA:1,-3\nend_of_record\n", "DA record has a negative execution count '-3'", 2),
            ("SF:a.c\nDA:1,1.5\nend_of_record\n", "DA record has an execution count that is not a number: '1.5'", 2),
            (
                "SF:a.c\nDA:99999999999999999999,1\nend_of_record\n",
                "DA record needs a line number, found '99999999999999999999'", 2
            ),
            (
                "SF:a.c\nDA:3000000000,1\nend_of_record\n",
                "DA record has line number 3000000000, which no source file has", 2
            ),
            ("DA:1,1\n", "record before any SF (source file) record", 1),
            ("SF:a.c\nSF:b.c\n", "SF record inside the section for 'a.c', which has no end_of_record", 2),
            ("end_of_record\n", "end_of_record without an SF record before it", 1),
            ("SF:\n", "SF record without a file name", 1),
            ("SF:a.c\nhello world\n", "not an LCOV record: 'hello world'", 2),
            ("SF:a.c\nLF:3\nLH:4\nend_of_record\n", "the stated totals say 4 of 3 are hit, more than were found", 4),
            ("SF:a.c\nBRDA:1,0\nend_of_record\n", "BRDA record needs a line, a block, a branch and a count", 2),
            ("SF:a.c\nFN:1\nend_of_record\n", "FN record without a function name", 2),
            ("SF:a.c\nFNDA:1\nend_of_record\n", "FNDA record without a function name", 2),
            ("SF:a.c\nFNL:x,1\nend_of_record\n", "FNL record needs a function index, found 'x'", 2),
            ("SF:a.c\nFNA:0,1\nend_of_record\n", "FNA record without a function name", 2),
            ("SF:a.c\nLF:many\nend_of_record\n", "LF needs a count, found 'many'", 2),
        ] as [(String, String, Int?)])
    func malformedInputIsAnErrorWithItsLine(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func invalidUTF8InAFileNameIsAnError() {
        let bytes: [UInt8] = Array("SF:a".utf8) + [0xFF, 0xFE] + Array(".c\nDA:1,1\nend_of_record\n".utf8)
        let error = #expect(throws: InputError.self) {
            try LCOVReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the source file name is not valid UTF-8")
        #expect(error?.line == 1)
    }

    @Test func recognisesTracefilesByTheirFirstRecord() {
        for (text, expected) in [
            ("TN:\nSF:a\n", true), ("\n\nSF:/x\n", true), ("VER:2\n", true), ("DA:1,1\n", false), ("hello\n", false),
            ("{\"SF\": 1}", false),
        ] {
            withByteSpan(text) { #expect(LCOVReader.recognizes(ContentHead($0)) == expected, "\(text)") }
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["lcov"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let report = try ReportLoader.load(path: entry.absolutePath, category: .coverage).report
        let totals = try totals(report)
        for (name, count) in [("lines", totals.lines), ("branches", totals.branches), ("functions", totals.functions)] {
            if let expected = entry.expected("coverage.\(name).total") {
                #expect(Double(count?.total ?? -1) == expected.value, "\(name)")
            }
            if let expected = entry.expected("coverage.\(name).covered") {
                #expect(Double(count?.covered ?? -1) == expected.value, "\(name)")
            }
            if let expected = entry.expected("coverage.\(name)") {
                #expect(abs((count?.percent ?? -1) - expected.value) <= expected.tolerance + 1e-6, "\(name)")
            }
        }
    }

    @Test func theCorpusDisputesAreSettledByDistinctRecords() throws {
        // Repeated DA lines count once (lcov's reading), not as LF says; function totals are distinct FN names.
        guard corpusDirectory != nil else { return }
        let cases: [(String, Totals)] = [
            (
                "geninfo-pid-controller-cpp-with-system-headers.info",
                Totals(lines: count(165, of: 232), branches: nil, functions: nil)
            ),
            (
                "reportgenerator-coverlet-lcov.info",
                Totals(lines: count(118, of: 184), branches: nil, functions: count(27, of: 54))
            ),
            (
                "grcov-spidermonkey-js-lcov.info",
                Totals(lines: count(0, of: 5676), branches: nil, functions: count(0, of: 445))
            ),
            (
                "cargo-llvm-cov-issue303-summary-only.info",
                Totals(lines: count(14, of: 14), branches: nil, functions: count(4, of: 4))
            ),
        ]
        for (name, expected) in cases {
            let report = try ReportLoader.load(path: (corpusDirectory ?? "") + "/coverage/lcov/\(name)").report
            let actual = try totals(report)
            #expect(actual.lines == expected.lines, "\(name)")
            if let functions = expected.functions { #expect(actual.functions == functions, "\(name)") }
        }
    }
}
