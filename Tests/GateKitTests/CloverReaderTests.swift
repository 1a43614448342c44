import Foundation
import Testing

@testable import GateKit

@Suite struct CloverReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(_ text: String, capacity: Int = InputBuffer.defaultCapacity) throws -> CoverageReport {
        guard case .coverage(let report) = try CloverReader.read(inputBuffer(text, capacity: capacity)) else {
            throw InputError("not a coverage report")
        }
        return report
    }

    private func read(fixture name: String) throws -> CoverageReport {
        let (format, report) = try CoberturaCloverSupport.load(fixture("clover/\(name)"))
        #expect(format == .clover)
        return report
    }

    /// A report with one file `a.js` holding `body`.
    private func oneFile(_ body: String) -> String {
        """
        <coverage generated="1"><project timestamp="1">
        <file name="a.js" path="src/a.js">\(body)</file>
        </project></coverage>
        """
    }

    // MARK: - Producers

    @Test func openClover() throws {
        // OpenClover's project metrics: statements 5/8, conditionals 3/4, methods 2/3 (TPC 66.7%); the test
        // project's CartTest.java is not a source file.
        let report = try read(fixture: "openclover.xml")
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(5, of: 8), branches: count(3, of: 4), functions: count(2, of: 3)))
        #expect(
            report.files.map(\.path) == [
                "/home/runner/work/shop/shop/src/main/java/com/example/shop/Cart.java",
                "/home/runner/work/shop/shop/src/main/java/com/example/shop/Price.java",
            ])
        #expect(report.files[0].branchMap?.partiallyCovered.map(\.line) == [17])
        #expect(report.files[1].branches == nil)
    }

    @Test func phpunitCountsMethodsThatRan() throws {
        // PHPUnit --coverage-text: Lines 75.00% (6/8), Methods 50.00% (1/2). PHPUnit counts a method covered only
        // when all its lines ran; protocol counts the methods that ran (Invoice::total ran, line 22 did not): 2/2.
        let report = try read(fixture: "phpunit.xml")
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(6, of: 8), functions: count(2, of: 2)))
        #expect(
            report.files.map(\.path) == [
                "/home/runner/work/app/app/src/Billing/Invoice.php", "/home/runner/work/app/app/src/helpers.php",
            ])
        #expect(report.files[1].functions == nil, "methods=\"0\" in the metrics is no function data")
    }

    @Test func istanbulConditionLinesAreLinesWithTheirBranchCounts() throws {
        // jest --coverage (same run as cobertura/istanbul.xml): % Stmts 80, % Branch 75, % Funcs 66.66, % Lines 80.
        // Istanbul writes no method lines: the functions are the file's <metrics methods coveredmethods>.
        let report = try read(fixture: "istanbul.xml")
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(8, of: 10), branches: count(3, of: 4), functions: count(2, of: 3)))
        #expect(report.files.first?.lineMap?.uncoveredRanges == [10...10, 13...13])
    }

    @Test func gcovrStatementsOnly() throws {
        // gcovr: lines 75.0% (6 out of 8); conditionals="0" and methods="0" mean it writes neither.
        let report = try read(fixture: "gcovr.xml")
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(6, of: 8)))
        #expect(report.files.map(\.path) == ["src/main.c", "src/ring.c"])
    }

    @Test func theCloverAndCoberturaReportsOfOneIstanbulRunAgree() throws {
        let clover = try read(fixture: "istanbul.xml")
        let cobertura = try CoberturaCloverSupport.load(fixture("cobertura/istanbul.xml")).report
        #expect(CoverageTotals(clover) == CoverageTotals(cobertura))
        #expect(clover.files.first?.lineMap == cobertura.files.first?.lineMap)
        #expect(clover.files.first?.branchMap == cobertura.files.first?.branchMap)
    }

    // MARK: - Rules

    @Test func conditionsOfOneLineAddUp() throws {
        let report = try read(
            oneFile(
                """
                <line num="4" count="1" type="stmt"/><line num="4" type="cond" truecount="3" falsecount="0"/>
                <line num="4" type="cond" truecount="0" falsecount="0"/><line num="9" type="cond" truecount="1" \
                falsecount="1"/>
                """))
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(1, of: 1), branches: count(3, of: 6)))
    }

    @Test func statedMetricsFillOnlyKindsWithoutLines() throws {
        let report = try read(
            oneFile(
                """
                <metrics statements="50" coveredstatements="40" conditionals="6" coveredconditionals="5" \
                methods="3" coveredmethods="1"/>
                <line num="1" count="1" type="stmt"/>
                """))
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(1, of: 1), branches: count(5, of: 6), functions: count(1, of: 3)))
        #expect(report.files.first?.lineMap != nil)
    }

    @Test func aFileWithoutLinesUsesItsStatedStatements() throws {
        let report = try read(oneFile(#"<metrics statements="4" coveredstatements="3" methods="0"/>"#))
        #expect(report.files.first?.lines == count(3, of: 4))
        #expect(report.files.first?.lineMap == nil)
        #expect(report.files.first?.functions == nil)
    }

    @Test func aPathListedTwiceIsMerged() throws {
        let report = try read(
            """
            <coverage><project><package name="a">
            <file path="x.js"><line num="1" count="0" type="stmt"/><line num="2" count="0" type="method"/></file>
            </package><file path="x.js"><line num="1" count="5" type="stmt"/><line num="3" count="1" type="method"/>\
            </file></project></coverage>
            """)
        #expect(report.files.count == 1)
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(1, of: 1), functions: count(1, of: 2)))
    }

    @Test func filesAnywhereInTheProjectButNotInTheTestProject() throws {
        // Older istanbul wrote its files inside the project's <metrics>; PHPUnit's legacy <file> has only `name`.
        let report = try read(
            """
            <coverage><testproject><file path="t.js"><line num="1" count="1" type="stmt"/></file></testproject>
            <project><metrics statements="2"><file name="/p/a.php"><line num="1" count="1" type="stmt"/></file>
            </metrics><file path="b.js"><class name="B"><line num="7" count="1" type="stmt"/></class>
            <line num="2" count="x1" type="other"/><line num="3" count="1" type="stmt"/></file></project>
            <file path="outside.js"/></coverage>
            """)
        #expect(report.files.map(\.path) == ["/p/a.php", "b.js"])
        #expect(CoverageTotals(report).lines == count(2, of: 2))
    }

    @Test func anEmptyProjectIsAReportWithoutFiles() throws {
        let report = try read(
            #"<coverage generated="1" clover="3.2.0"><project timestamp="1"><metrics statements="0"/></project></coverage>"#
        )
        #expect(report.files.isEmpty)
    }

    @Test func executionCountsOfAnySizeAndWholeDecimals() throws {
        let report = try read(
            oneFile(
                """
                <line num="1" count="99999999999999999999999" type="stmt"/><line num="2" count="0.0" type="stmt"/>
                <line num="3.0" count="2.0" type="stmt"/><line num="4" count="1" type="cond" truecount="1.0" \
                falsecount="1e0"/>
                """))
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(3, of: 4), branches: count(1, of: 2)))
    }

    @Test func aTinyBufferReadsTheSame() throws {
        let text = try String(contentsOfFile: fixture("clover/openclover.xml"), encoding: .utf8)
        #expect(try read(text, capacity: 16) == read(text))
    }

    @Test func entityDeclarationsAreRefused() {
        let text = """
            <!DOCTYPE coverage [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <coverage><project><file path="&lol2;"/></project></coverage>
            """
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message.contains("entity declarations are not allowed") == true)
    }

    // MARK: - Errors

    @Test(
        arguments: [
            (#"<report/>"#, "not a Clover report: the root element is <report>, not <coverage>", 1),
            (#"<coverage><packages/></coverage>"#, "not a Clover report: <coverage> holds no <project> element", nil),
            (#"<coverage><project><file/></project></coverage>"#, "a <file> has no path or name attribute", 1),
            (#"<coverage><project/></coverage>x"#, "text after the root element", 1),
        ] as [(String, String, Int?)])
    func malformedDocumentsAreErrors(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test(
        arguments: [
            (#"<line count="1" type="stmt"/>"#, "a <line> has no num attribute"),
            (#"<line num="-2" count="1" type="stmt"/>"#, #"<line num="-2"> is not a line number"#),
            (#"<line num="2" count="1"/>"#, "line 2 has no type attribute"),
            (#"<line num="2" type="stmt"/>"#, "line 2 has no count attribute"),
            (#"<line num="2" type="method"/>"#, "line 2 has no count attribute"),
            (
                #"<line num="2" count="-1" type="stmt"/>"#,
                #"line 2 has count="-1": expected a whole number of executions, 0 or more"#
            ),
            (
                #"<line num="2" count="0.5" type="method"/>"#,
                #"line 2 has count="0.5": expected a whole number of executions, 0 or more"#
            ),
            (#"<line num="2" falsecount="1" type="cond"/>"#, "line 2 has no truecount attribute"),
            (#"<line num="2" truecount="1" type="cond"/>"#, "line 2 has no falsecount attribute"),
            (
                #"<line num="2" truecount="yes" falsecount="1" type="cond"/>"#,
                #"line 2 has truecount="yes": expected a whole number of executions, 0 or more"#
            ),
            (
                #"<line num="2" count="1" truecount="1" falsecount="2000000" type="cond"/>"#,
                #"line 2 has falsecount="2000000": expected a number of branches from 0 to 1000000"#
            ),
            (#"<line num="2" count="1" falsecount="1" type="cond"/>"#, "line 2 has no truecount attribute"),
            (#"<metrics statements="-1"/>"#, #"<metrics statements="-1"> is not a plausible count"#),
            (
                #"<metrics methods="9999999999999" coveredmethods="1"/>"#,
                #"<metrics methods="9999999999999"> is not a plausible count"#
            ),
            (
                #"<metrics statements="3" coveredstatements="4"/>"#,
                "<metrics> states 4 coveredstatements of 3 statements"
            ),
        ])
    func malformedLinesAreErrorsNamingTheFile(_ element: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try read(oneFile("\n" + element)) }
        #expect(error?.message == "in the file entry for 'src/a.js': \(message)")
        #expect(error?.line == 3)
    }

    @Test func invalidUTF8InAPathIsAnError() {
        let bytes = Array(#"<coverage><project><file path="a"#.utf8) + [0xFF] + Array(#""/></project></coverage>"#.utf8)
        let error = #expect(throws: InputError.self) {
            try CloverReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the path of a <file> is not valid UTF-8")
        #expect(error?.line == 1)
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .clover, sample: CoberturaCloverSupport.clover, truncated: "unexpected end of file"
        ).check()
    }

    // MARK: - Recognition

    @Test func recognisesCloverAndNothingElse() {
        func recognizes(_ text: String) -> Bool { withByteSpan(text) { CloverReader.recognizes(ContentHead($0)) } }
        #expect(recognizes(CoberturaCloverSupport.clover))
        #expect(recognizes(#"<?xml version="1.0"?><coverage generated="1"><project timestamp="1"/></coverage>"#))
        #expect(!recognizes(CoberturaCloverSupport.cobertura))
        #expect(!recognizes(#"<coverage line-rate="1"><project/></coverage>"#))
        #expect(!recognizes(#"<c:coverage xmlns:c="urn:x"><c:project/></c:coverage>"#), "no root tag to look at")
        for other in CoberturaCloverSupport.others { #expect(!recognizes(other), "\(other)") }
    }

    @Test func fixturesOfOtherFormatsAreNotClaimed() throws {
        for path in ["lcov/geninfo-gcc.info", "llvm-cov/clang-branches.json", "cobertura/coveragepy.xml"] {
            #expect(try CoberturaCloverSupport.load(fixture(path)).format != .clover, "\(path)")
        }
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["clover-xml"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let (format, report) = try CoberturaCloverSupport.load(entry.absolutePath)
        #expect(format == .clover)
        CoverageTotals(report).expectCorpusChecks(entry)
    }

    @Test func theCorpusDisputesAreSettledByTheDetail() throws {
        guard let corpusDirectory else { return }
        let folder = corpusDirectory + "/coverage/clover/"
        // Istanbul writes no method lines: the file's metrics state methods=4 coveredmethods=2.
        let istanbul = try CoberturaCloverSupport.load(folder + "istanbul-jest-demo-az-pipeline.xml").report
        #expect(CoverageTotals(istanbul) == CoverageTotals(lines: count(9, of: 11), functions: count(2, of: 4)))
        // A trimmed fixture: the project states 161 statements and 24 conditionals, its files hold 11 stmt lines
        // and state conditionals="0": 11 of 11 lines, no branch data; test.ts states methods 4 of 4.
        let trimmed = try CoberturaCloverSupport.load(folder + "reportgenerator-istanbul-clover.xml").report
        #expect(CoverageTotals(trimmed) == CoverageTotals(lines: count(11, of: 11), functions: count(4, of: 4)))
        // A stale jest clover.xml: a project without files.
        let stale = try CoberturaCloverSupport.load(folder + "gildedrose-jest-clover-STALE-zero.xml").report
        #expect(stale.files.isEmpty)
    }
}
