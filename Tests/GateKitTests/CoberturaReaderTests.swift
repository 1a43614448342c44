import Foundation
import Testing

@testable import GateKit

/// Samples and loading shared by the Cobertura and Clover tests.
enum CoberturaCloverSupport {
    /// Loads a coverage report file the way a check does (decoding, recognition, reading).
    static func load(_ path: String) throws -> (format: ReportFormat, report: CoverageReport) {
        let loaded = try ReportLoader.load(path: path, category: .coverage)
        guard case .coverage(let report) = loaded.report else { throw InputError("not a coverage report") }
        return (loaded.format, report)
    }

    static let cobertura = """
        <?xml version="1.0" ?>
        <coverage line-rate="0.5" branch-rate="0" version="7.4" timestamp="1">
          <sources><source>/src/é</source></sources>
          <packages><package name="p"><classes>
            <class name="a.py" filename="a.py"><methods/><lines>
              <line number="1" hits="1"/><line number="2" hits="0"/>
            </lines></class>
          </classes></package></packages>
        </coverage>
        """
    static let clover = """
        <?xml version="1.0" encoding="UTF-8"?>
        <coverage generated="1" clover="4.5.2">
          <project timestamp="1">
            <file name="Cart.java" path="/src/é/Cart.java">
              <line num="3" count="1" type="method"/><line num="4" count="1" type="stmt"/>
              <line num="5" count="0" type="stmt"/>
            </file>
          </project>
        </coverage>
        """
    static let sonarGeneric = """
        <coverage version="1"><file path="src/a.c"><lineToCover lineNumber="1" covered="true"/></file></coverage>
        """
    static let jacoco = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" \
        "report.dtd"><report name="shop"><sessioninfo id="x" start="1" dump="2"/></report>
        """
    static let openCover = """
        <?xml version="1.0" encoding="utf-8"?><CoverageSession><Summary numSequencePoints="1"/><Modules/></CoverageSession>
        """
    /// Reports of other formats whose root is also `<coverage>`, or that sit beside Cobertura and Clover.
    static let others = [
        sonarGeneric, jacoco, openCover, "TN:\nSF:a.c\nDA:1,1\nend_of_record\n",
        #"{"data":[{"files":[]}],"type":"llvm.coverage.json.export","version":"2.0.1"}"#,
    ]
}

@Suite struct CoberturaReaderTests {
    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    private func read(_ text: String, capacity: Int = InputBuffer.defaultCapacity) throws -> CoverageReport {
        guard case .coverage(let report) = try CoberturaReader.read(inputBuffer(text, capacity: capacity)) else {
            throw InputError("not a coverage report")
        }
        return report
    }

    private func read(fixture name: String) throws -> CoverageReport {
        let (format, report) = try CoberturaCloverSupport.load(fixture("cobertura/\(name)"))
        #expect(format == .cobertura)
        return report
    }

    /// A report with one class of `a.py` holding `body`.
    private func oneClass(_ body: String, attributes: String = "") -> String {
        """
        <coverage line-rate="1"><packages><package name="p"><classes>
        <class name="a" filename="a.py" \(attributes)>\(body)</class>
        </classes></package></packages></coverage>
        """
    }

    // MARK: - Producers

    @Test func coveragePyWithBranches() throws {
        let report = try read(fixture: "coveragepy.xml")
        // coverage report: TOTAL  Stmts 14  Miss 3  Branch 6  BrPart 2  Cover 75%; the XML root says 4 of 6 branches.
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(11, of: 14), branches: count(4, of: 6)))
        #expect(report.files.map(\.path) == ["inventory/__init__.py", "inventory/stock.py"])
        #expect(report.sourceRoots == ["/home/runner/work/inventory/inventory/src"])
        #expect(report.files[0].branches == nil, "a file without condition-coverage has no branch data")
        #expect(report.files[1].lineMap?.uncoveredRanges == [10...10, 13...13, 16...16])
        #expect(report.files[1].branchMap?.partiallyCovered.map(\.line) == [9, 12])
    }

    @Test func gcovrWithMethodsAndConditions() throws {
        // gcovr: lines 81.8% (18 out of 22), functions 80.0% (4 out of 5), branches 62.5% (5 out of 8)
        let report = try read(fixture: "gcovr.xml")
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(18, of: 22), branches: count(5, of: 8), functions: count(4, of: 5)))
        #expect(report.files.map(\.path) == ["src/ring.c", "src/main.c"])
    }

    @Test func coverletMergesTheClassesOfOneFile() throws {
        // coverlet: | Total | 80% | 75% | 83.33% | (line, branch, method); Cart.cs's lambda class repeats line 18.
        let report = try read(fixture: "coverlet.xml")
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(12, of: 15), branches: count(3, of: 4), functions: count(5, of: 6)))
        #expect(report.files.map(\.path) == [#"Shop\Cart.cs"#, #"Shop\Price.cs"#])
        #expect(report.sourceRoots == [#"C:\src\"#])
        #expect(report.files[0].lines == count(8, of: 9))
    }

    @Test func microsoftCodeCoverageCountsDistinctLinesNotItsStatedTotals() throws {
        // The root states 6 of 8 lines; the two classes of Parser.cs list 5 distinct lines, each covered by one of
        // them. A method without lines (.cctor) is no function.
        let report = try read(fixture: "mscodecoverage.xml")
        #expect(
            CoverageTotals(report)
                == CoverageTotals(lines: count(5, of: 5), branches: count(2, of: 2), functions: count(2, of: 2)))
        #expect(report.sourceRoots.isEmpty)
    }

    @Test func istanbulMethodsCountByTheirHits() throws {
        // jest --coverage: All files | % Stmts 80 | % Branch 75 | % Funcs 66.66 | % Lines 80
        #expect(
            try CoverageTotals(read(fixture: "istanbul.xml"))
                == CoverageTotals(lines: count(8, of: 10), branches: count(3, of: 4), functions: count(2, of: 3)))
    }

    @Test func gocoverCoberturaTypesOfOneFileAreMerged() throws {
        // The root states lines-covered=4 lines-valid=6 (line coverage, not go tool cover's statements).
        let report = try read(fixture: "gocover-cobertura.xml")
        #expect(
            CoverageTotals(report) == CoverageTotals(lines: count(4, of: 6), functions: count(2, of: 3)))
        #expect(report.files.map(\.path) == ["example.com/shop/router/router.go"])
    }

    @Test func luacovWithoutLineCountsOnTheRoot() throws {
        // luacov report: Total 80.00% (4 of 5 lines hit); <sources/> is empty and comes last.
        let report = try read(fixture: "luacov.xml")
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(4, of: 5)))
        #expect(report.files.map(\.path) == [#".\src\vector.lua"#, "spec/vector_spec.lua"])
        #expect(report.sourceRoots.isEmpty)
    }

    @Test func linesWrittenOnlyUnderMethodsAndAsDecimals() throws {
        // A Swift converter: lines only in <methods>, hits written "1.0"; it states branches-valid="1.0" without
        // any condition-coverage, which is no branch data.
        #expect(
            try CoverageTotals(read(fixture: "swift-method-lines.xml"))
                == CoverageTotals(lines: count(2, of: 3), functions: count(1, of: 2)))
    }

    // MARK: - Rules

    @Test func methodLinesAreNotCountedAgainBesideClassLines() throws {
        let report = try read(
            oneClass(
                """
                <methods><method name="f"><lines><line number="1" hits="1"/><line number="9" hits="1"/></lines>\
                </method></methods>
                <lines><line number="1" hits="1"/><line number="2" hits="0"/></lines>
                """))
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(1, of: 2), functions: count(1, of: 1)))
    }

    @Test func aLineOfSeveralClassesCountsOnceWithItsLargestBranches() throws {
        let report = try read(
            """
            <coverage line-rate="1"><packages><classes>
            <class filename="a.cs"><lines><line number="3" hits="0" branch="true" condition-coverage="0% (0/2)"/>\
            </lines></class>
            <class filename="a.cs"><lines><line number="3" hits="2" branch="true" condition-coverage="25% (1/4)"/>\
            <line number="4" hits="1"/></lines></class>
            </classes></packages></coverage>
            """)
        #expect(report.files.count == 1)
        #expect(CoverageTotals(report) == CoverageTotals(lines: count(2, of: 2), branches: count(1, of: 4)))
    }

    @Test func branchesCountUnlessTheLineSaysItHasNone() throws {
        let report = try read(
            oneClass(
                """
                <lines><line number="1" hits="1" branch="True" condition-coverage="50% (1/2)"/>
                <line number="2" hits="1" condition-coverage="100% (2/2)"/>
                <line number="3" hits="1" branch="false" condition-coverage="100% (4/4)"/>
                <line number="4" hits="1" branch="true" condition-coverage=" 100% ( 0/0 ) "/></lines>
                """))
        #expect(CoverageTotals(report).branches == count(3, of: 4))
    }

    @Test func executionCountsOfAnySizeAndWholeDecimals() throws {
        let report = try read(
            oneClass(
                """
                <lines><line number="1" hits="123456789012345678901234567890"/><line number="2" hits="0000"/>
                <line number="3" hits="2.0"/><line number="4.0" hits="0.0"/><line number="5" hits="1e3"/></lines>
                """))
        #expect(CoverageTotals(report).lines == count(3, of: 5))
    }

    @Test func methodsWithoutLinesOrHitsAreNoFunctions() throws {
        let report = try read(
            oneClass(
                """
                <methods><method name="a"><lines/></method><method name="b" hits="4"/><method name="c" hits="0"/>
                <method name="d"><lines><line number="7" hits="0"/></lines></method></methods>
                """))
        #expect(report.files.first?.functions == count(1, of: 3))
    }

    @Test func classesMaySitAnywhereAndUnknownElementsAreSkipped() throws {
        let report = try read(
            """
            <coverage line-rate="1"><sources><source>  </source><source><!-- c --> /a <extra/></source></sources>
            <packages><class filename="b.js"><extra><lines><line number="1" hits="1"/></lines></extra>
            <lines><line number="2" hits="0"><conditions><condition number="0"/></conditions></line></lines></class>
            <package><classes><class filename="c.js"/></classes></package></packages></coverage>
            """)
        #expect(report.files.map(\.path) == ["b.js", "c.js"])
        #expect(report.files.map(\.lines) == [count(0, of: 1), count(0, of: 0)])
        #expect(report.sourceRoots == ["/a"])
    }

    @Test func theDoctypeIsNeverFetched() throws {
        // Port 9 (discard) on localhost: a reader that fetched the DTD would fail or hang here.
        let report = try read(
            #"<?xml version="1.0"?><!DOCTYPE coverage SYSTEM "http://127.0.0.1:9/coverage-04.dtd">"#
                + oneClass(#"<lines><line number="1" hits="1"/></lines>"#))
        #expect(CoverageTotals(report).lines == count(1, of: 1))
    }

    @Test func entityDeclarationsAreRefused() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE coverage [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <coverage line-rate="1"><packages><class filename="&secret;"/></packages></coverage>
            """
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message.contains("entity declarations are not allowed") == true)
    }

    @Test func aTinyBufferReadsTheSame() throws {
        let text = try String(contentsOfFile: fixture("cobertura/gcovr.xml"), encoding: .utf8)
        #expect(try read(text, capacity: 16) == read(text))
    }

    // MARK: - Errors

    @Test(
        arguments: [
            (#"<report/>"#, "not a Cobertura report: the root element is <report>, not <coverage>", 1),
            (#"<coverage line-rate="1"/>"#, "not a Cobertura report: there is no <packages> element", nil),
            (#"<coverage><packages><class name="a"/></packages></coverage>"#, "a <class> has no filename attribute", 1),
            (
                #"<coverage><packages><class filename=""/></packages></coverage>"#,
                "a <class> has no filename attribute", 1
            ),
        ] as [(String, String, Int?)])
    func malformedDocumentsAreErrors(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test(
        arguments: [
            (#"<line hits="1"/>"#, "a <line> has no number attribute"),
            (#"<line number="x" hits="1"/>"#, #"<line number="x"> is not a line number"#),
            (#"<line number="-1" hits="1"/>"#, #"<line number="-1"> is not a line number"#),
            (#"<line number="3000000000" hits="1"/>"#, #"<line number="3000000000"> is not a line number"#),
            (#"<line number="1.5" hits="1"/>"#, #"<line number="1.5"> is not a line number"#),
            (#"<line number="2"/>"#, "line 2 has no hits attribute"),
            (
                #"<line number="2" hits="-1"/>"#,
                #"line 2 has hits="-1": expected a whole number of executions, 0 or more"#
            ),
            (
                #"<line number="2" hits="1.5"/>"#,
                #"line 2 has hits="1.5": expected a whole number of executions, 0 or more"#
            ),
            (
                #"<line number="2" hits="many"/>"#,
                #"line 2 has hits="many": expected a whole number of executions, 0 or more"#
            ),
            (
                #"<line number="2" hits="1e999"/>"#,
                #"line 2 has hits="1e999": expected a whole number of executions, 0 or more"#
            ),
            (#"<line number="2" hits=""/>"#, #"line 2 has hits="": expected a whole number of executions, 0 or more"#),
            (
                #"<line number="2" hits="1" branch="true" condition-coverage="150% (3/2)"/>"#,
                #"line 2 has condition-coverage="150% (3/2)": expected a percentage and (covered/total) branches, such as "50% (1/2)""#
            ),
            (
                #"<line number="2" hits="1" branch="true" condition-coverage="50%"/>"#,
                #"line 2 has condition-coverage="50%": expected a percentage and (covered/total) branches, such as "50% (1/2)""#
            ),
            (
                #"<line number="2" hits="1" branch="true" condition-coverage="1% (1/99999999999)"/>"#,
                #"line 2 has condition-coverage="1% (1/99999999999)": expected a percentage and (covered/total) branches, such as "50% (1/2)""#
            ),
        ])
    func malformedLinesAreErrorsNamingTheFile(_ line: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try read(oneClass("\n<lines>\(line)</lines>")) }
        #expect(error?.message == "in the class for 'a.py': \(message)")
        #expect(error?.line == 3)
    }

    @Test func malformedMethodHitsAreAnError() {
        let error = #expect(throws: InputError.self) {
            try read(oneClass(#"<methods><method name="f" hits="x"/></methods>"#))
        }
        #expect(
            error?.message
                == #"in the class for 'a.py': a <method> has hits="x": expected a whole number of executions, 0 or more"#
        )
    }

    @Test func invalidUTF8InAFilenameOrSourceIsAnError() {
        for (name, message) in [("filename", "the filename of a <class>"), ("source", "a <source> folder")] {
            let bytes =
                Array(#"<coverage><sources><source>/s"#.utf8) + (name == "source" ? [0xFF] : [])
                + Array(#"</source></sources><packages><class filename="a"#.utf8) + (name == "filename" ? [0xFE] : [])
                + Array(#""/></packages></coverage>"#.utf8)
            let error = #expect(throws: InputError.self) {
                try CoberturaReader.read(InputBuffer(source: MemoryByteSource(bytes)))
            }
            #expect(error?.message == "\(message) is not valid UTF-8")
            #expect(error?.line == 1)
        }
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .cobertura, sample: CoberturaCloverSupport.cobertura, truncated: "unexpected end of file"
        ).check()
    }

    // MARK: - Recognition

    @Test func recognisesCoberturaAndNothingElse() {
        func recognizes(_ text: String) -> Bool { withByteSpan(text) { CoberturaReader.recognizes(ContentHead($0)) } }
        #expect(recognizes(CoberturaCloverSupport.cobertura))
        #expect(recognizes(#"<!DOCTYPE coverage SYSTEM "x.dtd"><coverage><sources/><packages/></coverage>"#))
        #expect(recognizes("<coverage>\n<packages/></coverage>"))
        #expect(recognizes(#"<!-- by <coverage.py> --><coverage line-rate="1"/>"#), "the root tag, not a comment")
        #expect(!recognizes(CoberturaCloverSupport.clover))
        #expect(
            !recognizes(#"<coverage generated="1"><project timestamp="1"><package name="a"/></project></coverage>"#))
        #expect(!recognizes(#"<coverages line-rate="1"/>"#))
        #expect(!recognizes(#"<c:coverage xmlns:c="urn:x"/>"#), "nothing says which format it is")
        for other in CoberturaCloverSupport.others { #expect(!recognizes(other), "\(other)") }
    }

    @Test func fixturesOfOtherFormatsAreNotClaimed() throws {
        for path in ["lcov/geninfo-gcc.info", "llvm-cov/clang-branches.json", "clover/openclover.xml"] {
            #expect(try CoberturaCloverSupport.load(fixture(path)).format != .cobertura, "\(path)")
        }
    }

    // MARK: - Corpus

    @Test(arguments: CorpusExpectation.entries(formats: ["cobertura-xml"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let (format, report) = try CoberturaCloverSupport.load(entry.absolutePath)
        #expect(format == .cobertura)
        CoverageTotals(report).expectCorpusChecks(entry)
    }

    @Test func theCorpusDisputesAreSettledByTheDetail() throws {
        guard let corpusDirectory else { return }
        let folder = corpusDirectory + "/coverage/cobertura/"
        // Microsoft.CodeCoverage states 163 of 235 lines; its classes list 158 of 221 distinct lines.
        let microsoft = try CoberturaCloverSupport.load(folder + "reportgenerator-dotnet-test-mscodecoverage.xml")
            .report
        #expect(CoverageTotals(microsoft).lines == count(158, of: 221))
        // The Swift converter states branches-valid="1.0" without condition-coverage: no branch data.
        let swift = try CoberturaCloverSupport.load(folder + "reportgenerator-swift-cobertura.xml").report
        #expect(CoverageTotals(swift) == CoverageTotals(lines: count(1, of: 2), functions: count(1, of: 2)))
    }
}
