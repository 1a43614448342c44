import Testing

@testable import GateKit

@Suite struct JaCoCoReaderTests {
    private func read(fixture name: String) throws -> Report {
        try ReportLoader.load(path: fixture("jacoco/\(name)"), category: .coverage).report
    }

    private func read(_ text: String) throws(InputError) -> Report { try JaCoCoReader.read(inputBuffer(text)) }

    /// A report of one package holding `body`.
    private func package(_ body: String, name: String = "com/example") -> String {
        "<report name=\"r\"><package name=\"\(name)\">\(body)</package></report>"
    }

    /// The report-level `<counter>`s of a JaCoCo XML file by type: the totals of JaCoCo's HTML report.
    private func reportCounters(_ path: String) throws -> [String: CoverageCount] {
        let xml = XMLTokenizer(try TextDecoding.open(path: path).0)
        var counters: [String: CoverageCount] = [:]
        while true {
            switch try xml.next() {
            case .startElement where xml.depth == 2 && xml.name == "counter":
                let missed = xml.attribute("missed")?.int() ?? -1
                let covered = xml.attribute("covered")?.int() ?? -1
                counters[xml.attribute("type")?.description ?? ""] = CoverageCount(
                    covered: covered, total: missed + covered)
            case .end:
                return counters
            default:
                continue
            }
        }
    }

    /// Expects the sums over the files of the report at `path` to equal its report-level counters.
    private func expectFileSumsEqualTheReportCounters(_ path: String) throws {
        let counters = try reportCounters(path)
        let totals = try CoverageTotals(ReportLoader.load(path: path, format: .jacoco).report)
        #expect(totals.lines == counters["LINE"], "\(path)")
        #expect(totals.branches == counters["BRANCH"], "\(path)")
        #expect(totals.functions == counters["METHOD"], "\(path)")
    }

    @Test func mavenReportCountsWhatJaCoCosHTMLReportShows() throws {
        // JaCoCo HTML report, Total row: Missed lines 11 of 29, missed branches 8 of 16, missed methods 6 of 15.
        let report = try read(fixture: "maven-shop.xml")
        #expect(
            try CoverageTotals(report)
                == CoverageTotals(
                    lines: covered(18, of: 29), branches: covered(8, of: 16), functions: covered(9, of: 15)))
        let files = try CoverageTotals.files(report)
        #expect(
            files.map(\.path) == [
                "com/example/shop/Cart.java", "com/example/shop/PriceFormatter.java", "Main.java",
                "com/example/shop/util/Strings.java",
            ])
        // Cart.java holds Cart, Cart$Item and Cart$1: its sourcefile counters are theirs together.
        #expect(files[0].lines == covered(16, of: 19))
        #expect(files[0].branches == covered(5, of: 6))
        #expect(files[0].functions == covered(7, of: 8))
        #expect(files[0].lineMap?.uncoveredRanges == [14...14, 28...29])
        #expect(files[0].branchMap?.partiallyCovered.map(\.line) == [13])
        #expect(files[0].branchMap?.partiallyCovered.map(\.count) == [covered(3, of: 4)])
        // Main.java has no branches: its lines say mb="0" cb="0", so it has branch data, none to cover.
        #expect(files[2].branches == covered(0, of: 0))
        #expect(files[2].branchMap == nil)
    }

    @Test func theFileSumsEqualTheReportCounters() throws {
        for name in [
            "maven-shop.xml", "gcovr-8.3-classes.xml", "gcovr-8.6-sourcefiles.xml", "report-aggregate-groups.xml",
        ] {
            try expectFileSumsEqualTheReportCounters(fixture("jacoco/\(name)"))
        }
    }

    @Test func packagesInNestedGroupsAreRead() throws {
        // jacoco:report-aggregate, Total row: missed lines 2 of 6, branches 1 of 2, methods 1 of 3.
        let report = try read(fixture: "report-aggregate-groups.xml")
        #expect(
            try CoverageTotals(report)
                == CoverageTotals(lines: covered(4, of: 6), branches: covered(1, of: 2), functions: covered(2, of: 3)))
        #expect(
            try CoverageTotals.files(report).map(\.path) == [
                "com/example/core/Money.java", "com/example/web/Routes.kt",
            ])
    }

    @Test func gcovrLinesWithoutInstructionCountsUseTheLineCounter() throws {
        // gcovr 8.6 --jacoco, then gcovr's summary: lines 77.8% (7 out of 9), functions 75.0% (3 out of 4),
        // branches 25.0% (1 out of 4). Its <line nr> elements do not say which lines ran.
        let report = try read(fixture: "gcovr-8.6-sourcefiles.xml")
        #expect(
            try CoverageTotals(report)
                == CoverageTotals(lines: covered(7, of: 9), branches: covered(1, of: 4), functions: covered(3, of: 4)))
        let files = try CoverageTotals.files(report)
        #expect(files.map(\.path) == ["src/main.c", "src/ring.c"])
        #expect(files.allSatisfy { $0.lineMap == nil })
        #expect(files[1].branchMap?.partiallyCovered.map(\.line) == [5, 12])
        #expect(files[0].branches == covered(0, of: 0), "main.c: BRANCH counter 0 of 0, no mb/cb")
    }

    @Test func gcovrClassesWithoutSourcefilesAreFilesOfTheirOwn() throws {
        // gcovr 8.3 --jacoco writes <class sourcefilename> with <lines> inside and no <sourcefile>; gcovr's
        // summary: lines 77.8% (7 out of 9), branches 25.0% (1 out of 4), no functions.
        let report = try read(fixture: "gcovr-8.3-classes.xml")
        #expect(
            try CoverageTotals(report) == CoverageTotals(lines: covered(7, of: 9), branches: covered(1, of: 4)))
        let files = try CoverageTotals.files(report)
        #expect(files.map(\.path) == ["./src/main.c", "./src/ring.c"])
        #expect(files[1].branchMap?.partiallyCovered.map(\.count) == [covered(1, of: 2), covered(0, of: 2)])
    }

    @Test func classesNamingOneSourceFileAddUp() throws {
        let report = try read(
            package(
                """
                <class name="com/example/A" sourcefilename="A.java"><counter type="LINE" missed="1" covered="2"/>\
                <counter type="METHOD" missed="0" covered="2"/></class>\
                <class name="com/example/A$1" sourcefilename="A.java"><counter type="LINE" missed="0" covered="1"/>\
                <counter type="METHOD" missed="1" covered="0"/></class>
                """))
        let files = try CoverageTotals.files(report)
        #expect(files.map(\.path) == ["com/example/A.java"])
        #expect(files.first?.lines == covered(3, of: 4))
        #expect(files.first?.functions == covered(2, of: 3))
    }

    @Test func aSourcefileWithoutAMethodCounterTakesItsClassesMethods() throws {
        let report = try read(
            package(
                """
                <class name="com/example/A" sourcefilename="A.java"><method name="run" desc="()V" line="3">\
                <counter type="METHOD" missed="0" covered="1"/></method>\
                <counter type="METHOD" missed="1" covered="1"/></class>\
                <class name="com/example/B" sourcefilename="B.java"><counter type="METHOD" missed="5" covered="0"/>\
                </class><sourcefile name="A.java"><line nr="3" mi="0" ci="2" mb="0" cb="0"/></sourcefile>
                """))
        let files = try CoverageTotals.files(report)
        #expect(files.first?.functions == covered(1, of: 2), "the class's own counter, not its method's again")
        #expect(files.map(\.path) == ["com/example/A.java", "com/example/B.java"])
    }

    @Test func classesWithoutASourceFileNameAreNoFiles() throws {
        // DTD 1.0 classes have no sourcefilename; their source file's counters include them already.
        let report = try read(
            package(
                """
                <class name="Example"><counter type="METHOD" missed="1" covered="3"/></class>\
                <sourcefile name="Example.java"><line nr="1" mi="0" ci="3" mb="0" cb="0"/>\
                <counter type="METHOD" missed="1" covered="3"/></sourcefile>
                """, name: ""))
        let files = try CoverageTotals.files(report)
        #expect(files.map(\.path) == ["Example.java"])
        #expect(files.first?.functions == covered(3, of: 4))
    }

    @Test func lineDetailWinsOverADisagreeingCounter() throws {
        let report = try read(
            package(
                """
                <sourcefile name="A.java"><line nr="1" mi="0" ci="3" mb="1" cb="1"/><line nr="2" mi="2" ci="0"/>\
                <line nr="3" mi="0" ci="0"/><counter type="LINE" missed="0" covered="9"/>\
                <counter type="BRANCH" missed="0" covered="7"/></sourcefile>
                """))
        let file = try #require(try CoverageTotals.files(report).first)
        #expect(file.lines == covered(1, of: 2), "line 3 has no instructions: not a line of code")
        #expect(file.branches == covered(1, of: 2))
        #expect(file.lineMap?.count == file.lines)
    }

    @Test func aSourcefileWithNothingInItHasNoLinesAndNoBranchData() throws {
        let report = try read(package("<sourcefile name=\"Empty.java\"></sourcefile><group/>"))
        let file = try #require(try CoverageTotals.files(report).first)
        #expect(file.lines == covered(0, of: 0))
        #expect(file.branches == nil)
        #expect(file.functions == nil)
        #expect(file.lineMap == nil)
    }

    @Test func otherCountersAndUnknownElementsAreSkipped() throws {
        let report = try read(
            package(
                """
                <sourcefile name="A.java"><future attribute="x"><line nr="99" mi="0" ci="1"/></future>\
                <line nr="1" mi="0" ci="3"><note/></line><counter type="INSTRUCTION" missed="x" covered="y"/>\
                <counter type="COMPLEXITY" missed="1" covered="1">text</counter></sourcefile>
                """))
        let file = try #require(try CoverageTotals.files(report).first)
        #expect(file.lines == covered(1, of: 1))
    }

    @Test func aDoctypeNamingAnOnlineDTDIsNeverFetched() throws {
        let text = """
            <?xml version="1.0"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" \
            "http://127.0.0.1:9/report.dtd"><report name="r"/>
            """
        #expect(try read(text) == .coverage(CoverageReport(files: [])))
    }

    @Test func entityDeclarationsAreRefused() throws {
        let text = """
            <?xml version="1.0"?><!DOCTYPE report [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <report name="&secret;"/>
            """
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message.contains("entity declarations are not allowed") == true)
    }

    @Test(
        arguments: [
            ("<coverage/>", "not a JaCoCo XML report: the root element is <coverage>, not <report>", 1),
            ("<report><package/></report>", "a <package> without a name attribute", 1),
            (
                #"<report><package name="p">"# + "\n<sourcefile/></package></report>",
                "a <sourcefile> without a name attribute", 2
            ),
            (
                #"<report><package name="p"><class name="p/A" sourcefilename="A.java"><counter type="METHOD" "#
                    + #"missed="-1" covered="0"/></class></package></report>"#,
                #"the METHOD counter of <class sourcefilename="A.java"> of package 'p' has missed "-1": "#
                    + "expected a count", 1
            ),
            (#"<report><package name="p"><sourcefile name="A.java">"#, "unexpected end of file inside <sourcefile>", 1),
        ] as [(String, String, Int)])
    func malformedDocumentsAreAnErrorWithTheirLine(_ text: String, _ message: String, _ line: Int) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        #expect(error?.line == line)
    }

    @Test(
        arguments: [
            (
                "\n" + #"<line mi="1"/>"#,
                "a <line> of sourcefile 'p/A.java' has no nr attribute: expected a line number",
                2
            ),
            (
                #"<line nr="3000000000"/>"#,
                #"a <line> of sourcefile 'p/A.java' has nr="3000000000": expected a line number"#, 1
            ),
            (#"<line nr="1" ci="-2"/>"#, #"a <line> of sourcefile 'p/A.java' has ci="-2": expected a count"#, 1),
            (#"<line nr="1" mb="1.5"/>"#, #"a <line> of sourcefile 'p/A.java' has mb="1.5": expected a count"#, 1),
            (#"<counter missed="1"/>"#, "a <counter> of sourcefile 'p/A.java' without a type attribute", 1),
            (
                #"<counter type="LINE" covered="1"/>"#,
                "the LINE counter of sourcefile 'p/A.java' has missed missing: expected a count", 1
            ),
            (
                #"<counter type="BRANCH" missed="0" covered="99999999999999999"/>"#,
                #"the BRANCH counter of sourcefile 'p/A.java' has covered "99999999999999999": expected a count"#, 1
            ),
        ] as [(String, String, Int)])
    func malformedSourcefilesAreAnErrorWithTheirLine(_ body: String, _ message: String, _ line: Int) {
        let error = #expect(throws: InputError.self) {
            try read(package("<sourcefile name=\"A.java\">\(body)</sourcefile>", name: "p"))
        }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func namesThatAreNotUTF8AreAnError() {
        for (bytes, message) in [
            (Array("<report><package name=\"a".utf8) + [0xFF] + Array("\"/></report>".utf8), "the package name"),
            (
                Array("<report><package name=\"a\"><sourcefile name=\"".utf8) + [0xC3, 0x28]
                    + Array("\"/></package></report>".utf8), "the name of a <sourcefile>"
            ),
        ] {
            let error = #expect(throws: InputError.self) {
                try JaCoCoReader.read(InputBuffer(source: MemoryByteSource(bytes)))
            }
            #expect(error?.message == "\(message) is not valid UTF-8")
        }
    }

    @Test func badInputMatrix() throws {
        let sample = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
            <report name="menu">
              <sessioninfo id="host" start="1718000000000" dump="1718000001000"/>
              <package name="com/example/café">
                <sourcefile name="Café.java">
                  <line nr="3" mi="0" ci="4" mb="1" cb="1"/>
                  <line nr="4" mi="2" ci="0" mb="0" cb="0"/>
                  <counter type="LINE" missed="1" covered="1"/>
                  <counter type="BRANCH" missed="1" covered="1"/>
                  <counter type="METHOD" missed="0" covered="1"/>
                </sourcefile>
              </package>
            </report>
            """
        try BadInputMatrix(format: .jacoco, sample: sample, truncated: "unexpected end of file").check()
    }

    @Test func recognisesJaCoCoReportsAndNothingElse() {
        for text in [
            CoverageSamples.jacoco, "<report name=\"x\"><sessioninfo id=\"a\"/></report>",
            "<?xml version='1.0'?>\n<!DOCTYPE coverage SYSTEM "
                + "'https://www.jacoco.org/jacoco/trunk/coverage/report.dtd'>\n<report/>",
        ] {
            #expect(CoverageSamples.recognized(text) == .jacoco, "\(text)")
        }
        for text in CoverageSamples.others + [
            CoverageSamples.openCover, CoverageSamples.jacocoCSV, "<report><title>Quarterly</title></report>",
        ] {
            withByteSpan(text) { #expect(!JaCoCoReader.recognizes(ContentHead($0)), "\(text)") }
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["jacoco-xml"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let report = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(report.format == .jacoco)
        try CoverageTotals(report.report).expectCorpusChecks(entry)
    }

    @Test func corpusFileSumsEqualTheReportCounters() throws {
        guard let corpusDirectory else { return }
        for entry in CorpusExpectation.entries(formats: ["jacoco-xml"]) {
            guard try !reportCounters(entry.absolutePath).isEmpty else { continue }  // grcov's test file has none
            try expectFileSumsEqualTheReportCounters(corpusDirectory + "/" + entry.path)
        }
    }

    @Test func theGcovrDisputeIsSettledByTheSourcefileCounters() throws {
        // gcovr writes <line nr> without mi/ci: the LINE counters (25 of 42, as gcovr's summary says) are used, not
        // the 0 of 0 that the line elements would give.
        guard let corpusDirectory else { return }
        let path = corpusDirectory + "/coverage/jacoco/gcovr-nested-linked-gcc5.xml"
        let totals = try CoverageTotals(ReportLoader.load(path: path).report)
        #expect(
            totals
                == CoverageTotals(
                    lines: covered(25, of: 42), branches: covered(4, of: 14), functions: covered(6, of: 10)))
    }
}
