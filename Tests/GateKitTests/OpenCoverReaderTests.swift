import Testing

@testable import GateKit

@Suite struct OpenCoverReaderTests {
    private func read(fixture name: String) throws -> Report {
        try ReportLoader.load(path: fixture("opencover/\(name)"), category: .coverage).report
    }

    private func read(_ text: String) throws(InputError) -> Report { try OpenCoverReader.read(inputBuffer(text)) }

    /// A session of one module listing `C:\src\A.cs` as file 1, with `methods` in one class.
    private func session(_ methods: String) -> String {
        """
        <CoverageSession><Modules><Module hash="1"><Files><File uid="1" fullPath="C:\\src\\A.cs" /></Files>
        <Classes><Class><FullName>A</FullName><Methods>\(methods)</Methods></Class></Classes></Module></Modules>
        </CoverageSession>
        """
    }

    /// A session of one module whose `<Files>` hold `files`.
    private static func files(_ files: String) -> String {
        "<CoverageSession><Modules><Module><Files>\(files)</Files></Module></Modules></CoverageSession>"
    }

    /// A method whose `<FileRef>` is file 1, holding `points`.
    private func method(_ points: String, fileRef: Bool = true) -> String {
        "<Method><Name>System.Void A::M()</Name>\(fileRef ? "<FileRef uid=\"1\" />" : "")\(points)</Method>"
    }

    @Test func openCoverConsoleOutput() throws {
        // OpenCover.Console prints: Visited Methods 5 of 6 (83.33), Visited Points 14 of 18 (77.78), Visited
        // Branches 9 of 12 (75). Lines are its points; ReportGenerator's line coverage 78.9% (15 of 19) is the line
        // map; its branch coverage 66.6% (4 of 6) counts the <BranchPoint>s without the method entries.
        let report = try read(fixture: "opencover-4.7-console.xml")
        #expect(
            try CoverageTotals(report)
                == CoverageTotals(lines: covered(14, of: 18), branches: covered(4, of: 6), functions: covered(5, of: 6))
        )
        let files = try CoverageTotals.files(report)
        #expect(files.map(\.path) == ["C:\\build\\Shop\\Cart.cs", "C:\\build\\Shop\\Price.cs"])
        let cart = files[0]
        #expect(cart.lines == covered(12, of: 15), "points")
        #expect(
            cart.lineMap?.count == covered(13, of: 16), "Total() spans lines 18-21; Count() has 3 points on line 25")
        #expect(cart.lineMap?.uncoveredRanges == [13...13, 30...31])
        #expect(cart.branches == covered(3, of: 4))
        #expect(cart.branchMap?.partiallyCovered.map(\.line) == [12])
        #expect(cart.functions == covered(4, of: 5), "the skipped DebugView and the point-less OnChanged do not count")
        #expect(files[1].functions == covered(1, of: 1))
    }

    @Test func coverletOutputWithAFileInTwoModules() throws {
        // coverlet's console table, Total: Line 64.28% (9 of 14 points), Branch 50%, Method 80% (it counts Guard.cs
        // once per module).
        // Here Guard.cs is one file: its line map is unioned (3 of 3), its points, branch points and methods add up.
        let loaded = try ReportLoader.load(path: fixture("opencover/coverlet-two-modules.opencover.xml"))
        #expect(loaded.format == .openCover)
        #expect(
            try CoverageTotals(loaded.report)
                == CoverageTotals(lines: covered(9, of: 14), branches: covered(3, of: 6), functions: covered(4, of: 5)))
        let files = try CoverageTotals.files(loaded.report)
        #expect(
            files.map(\.path) == [
                "/home/runner/work/shop/shop/src/Shop/Cart.cs", "/home/runner/work/shop/shop/src/Shared/Guard.cs",
                "/home/runner/work/shop/shop/src/Shop.Api/Routes.cs",
            ])
        #expect(files[1].lines == covered(4, of: 6))
        #expect(files[1].lineMap?.count == covered(3, of: 3))
        #expect(files[1].branches == covered(2, of: 4))
        #expect(files[1].branchMap?.partiallyCovered.map(\.count) == [covered(2, of: 4)])
        #expect(files[1].functions == covered(2, of: 2))
        #expect(files[2].branches == covered(0, of: 0))
    }

    @Test func sequencePointsSpanFromStartToEndLine() throws {
        let report = try read(
            session(
                method(
                    """
                    <SequencePoints><SequencePoint vc="1" sl="3" el="5" fileid="1" />\
                    <SequencePoint vc="0" sl="9" el="7" fileid="1" /><SequencePoint vc="0" sl="11" fileid="1" />\
                    <SequencePoint vc="2" sl="4" el="4" fileid="1" /></SequencePoints>
                    """)))
        let file = try #require(try CoverageTotals.files(report).first)
        #expect(file.lines == covered(2, of: 4), "four points, two visited")
        #expect(file.lineMap?.count == covered(3, of: 5), "3-5 covered; 9 (el before sl) and 11 (no el) alone")
        #expect(file.lineMap?.uncoveredRanges == [9...9, 11...11])
    }

    @Test func pointsFindTheirFileByFileRefWhenTheyHaveNoFileid() throws {
        let report = try read(
            session(
                method(
                    """
                    <SequencePoints><SequencePoint vc="1" sl="3" /></SequencePoints>\
                    <BranchPoints><BranchPoint vc="1" sl="3" path="0" /></BranchPoints>
                    """)))
        #expect(
            try CoverageTotals(report)
                == CoverageTotals(lines: covered(1, of: 1), branches: covered(1, of: 1), functions: covered(1, of: 1)))
    }

    @Test func pointsOfFileZeroHaveNoSourceFile() throws {
        let report = try read(
            session(
                method(
                    """
                    <SequencePoints><SequencePoint vc="1" sl="3" fileid="0"><TrackedMethodRefs>\
                    <TrackedMethodRef uid="1" vc="1" /></TrackedMethodRefs></SequencePoint></SequencePoints>
                    """)))
        #expect(try CoverageTotals.files(report).isEmpty)
    }

    @Test func branchPointsWithoutALineCountWithoutALineMap() throws {
        // OpenCover before 4.5.3207 wrote no sl on branch points.
        let report = try read(
            session(
                method(
                    """
                    <SequencePoints><SequencePoint vc="1" sl="3" /></SequencePoints>\
                    <BranchPoints><BranchPoint vc="1" path="0" /><BranchPoint vc="0" path="1" /></BranchPoints>
                    """)))
        let file = try #require(try CoverageTotals.files(report).first)
        #expect(file.branches == covered(1, of: 2))
        #expect(file.branchMap == nil)
    }

    @Test func visitCountsOfAnySizeMeanVisited() throws {
        let report = try read(
            session(
                method(
                    """
                    <SequencePoints><SequencePoint vc="123456789012345678901234567890" sl="3" />\
                    <SequencePoint vc="000" sl="4" /></SequencePoints>
                    """)))
        #expect(try CoverageTotals(report).lines == covered(1, of: 2))
    }

    @Test(
        arguments: [
            ("<coverage/>", "not an OpenCover report: the root element is <coverage>, not <CoverageSession>", 1),
            (Self.files(#"<File fullPath="a" />"#), "a <File> without a uid attribute", 1),
            (Self.files(#"<File uid="x" fullPath="a" />"#), #"a <File> has uid="x": expected a whole number"#, 1),
            (Self.files("\n" + #"<File uid="1" />"#), "a <File> without a fullPath attribute", 2),
        ] as [(String, String, Int)])
    func malformedDocumentsAreAnErrorWithTheirLine(_ text: String, _ message: String, _ line: Int) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test(
        arguments: [
            ("<SequencePoint sl=\"3\" fileid=\"1\" />", "a <SequencePoint> without a vc attribute", true),
            (
                "<SequencePoint vc=\"-1\" sl=\"3\" fileid=\"1\" />",
                "a <SequencePoint> has vc=\"-1\": expected a visit count", true
            ),
            (
                "<BranchPoint vc=\"1.0\" sl=\"3\" fileid=\"1\" />",
                "a <BranchPoint> has vc=\"1.0\": expected a visit count", true
            ),
            ("<SequencePoint vc=\"1\" fileid=\"1\" />", "a <SequencePoint> without a sl attribute", true),
            (
                "<SequencePoint vc=\"1\" sl=\"x\" fileid=\"1\" />",
                "a <SequencePoint> has sl=\"x\": expected a line number", true
            ),
            (
                "<SequencePoint vc=\"1\" sl=\"3\" el=\"99999999999\" fileid=\"1\" />",
                "a <SequencePoint> has el=\"99999999999\": expected a line number", true
            ),
            (
                "<BranchPoint vc=\"1\" sl=\"-3\" fileid=\"1\" />",
                "a <BranchPoint> has sl=\"-3\": expected a line number", true
            ),
            (
                "<SequencePoint vc=\"1\" sl=\"1\" el=\"20000\" fileid=\"1\" />",
                "a <SequencePoint> spans lines 1 to 20000: more than 10000 lines is not a statement", true
            ),
            (
                "<SequencePoint vc=\"1\" sl=\"3\" fileid=\"7\" />",
                "a <SequencePoint> refers to file 7, which no <File> of its module lists", true
            ),
            (
                "<BranchPoint vc=\"1\" sl=\"3\" fileid=\"-1\" />",
                "a <BranchPoint> has fileid=\"-1\": expected a whole number", true
            ),
            (
                "<SequencePoint vc=\"1\" sl=\"3\" />",
                "a <SequencePoint> without a fileid attribute, in a method without a <FileRef>", false
            ),
        ] as [(String, String, Bool)])
    func malformedPointsAreAnError(_ point: String, _ message: String, _ fileRef: Bool) {
        let error = #expect(throws: InputError.self) { try read(session(method(point, fileRef: fileRef))) }
        #expect(error?.message == message)
        #expect(error?.line == 2)
    }

    @Test func aFileRefWithoutAUidIsAnError() {
        let error = #expect(throws: InputError.self) { try read(session("<Method><FileRef /></Method>")) }
        #expect(error?.message == "a <FileRef> without a uid attribute")
    }

    @Test func aFilePathThatIsNotUTF8IsAnError() {
        let bytes =
            Array("<CoverageSession><Modules><Module><Files><File uid=\"1\" fullPath=\"C:\\".utf8) + [0xFF]
            + Array("\" /></Files></Module></Modules></CoverageSession>".utf8)
        let error = #expect(throws: InputError.self) {
            try OpenCoverReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the fullPath of a <File> is not valid UTF-8")
    }

    @Test func entityDeclarationsAreRefused() {
        let text = """
            <?xml version="1.0"?><!DOCTYPE CoverageSession [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>
            <CoverageSession><Modules/></CoverageSession>
            """
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message.contains("entity declarations are not allowed") == true)
    }

    @Test func badInputMatrix() throws {
        let sample = """
            <?xml version="1.0" encoding="utf-8"?>
            <CoverageSession>
              <Summary numSequencePoints="3" visitedSequencePoints="2" numBranchPoints="2" visitedBranchPoints="1" />
              <Modules>
                <Module hash="4A1C">
                  <ModulePath>Menu.dll</ModulePath>
                  <ModuleName>Menu</ModuleName>
                  <Files>
                    <File uid="1" fullPath="C:\\src\\Café\\Menu.cs" />
                  </Files>
                  <Classes>
                    <Class>
                      <FullName>Café.Menu</FullName>
                      <Methods>
                        <Method visited="true">
                          <Name>System.Void Café.Menu::Print()</Name>
                          <FileRef uid="1" />
                          <SequencePoints>
                            <SequencePoint vc="2" uspid="1" ordinal="0" sl="5" sc="9" el="5" ec="30" fileid="1" />
                            <SequencePoint vc="0" uspid="2" ordinal="1" sl="6" sc="13" el="6" ec="40" fileid="1" />
                            <SequencePoint vc="2" uspid="3" ordinal="2" sl="7" sc="9" el="7" ec="10" fileid="1" />
                          </SequencePoints>
                          <BranchPoints>
                            <BranchPoint vc="0" ordinal="0" path="0" offset="5" offsetend="7" sl="5" fileid="1" />
                            <BranchPoint vc="2" ordinal="1" path="1" offset="5" offsetend="12" sl="5" fileid="1" />
                          </BranchPoints>
                        </Method>
                      </Methods>
                    </Class>
                  </Classes>
                </Module>
              </Modules>
            </CoverageSession>
            """
        try BadInputMatrix(format: .openCover, sample: sample, truncated: "unexpected end of file").check()
    }

    @Test func recognisesCoverageSessionsAndNothingElse() {
        #expect(CoverageSamples.recognized(CoverageSamples.openCover) == .openCover)
        #expect(
            CoverageSamples.recognized("\n<?xml version=\"1.0\"?>\n<!-- coverlet -->\n<CoverageSession/>") == .openCover
        )
        for text in CoverageSamples.others + [CoverageSamples.jacoco, CoverageSamples.jacocoCSV] {
            withByteSpan(text) { #expect(!OpenCoverReader.recognizes(ContentHead($0)), "\(text)") }
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["opencover-xml"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let report = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(report.format == .openCover)
        try CoverageTotals(report.report).expectCorpusChecks(entry)
    }

    @Test func theCorpusDisputesAreSettledByTheElements() throws {
        guard let corpusDirectory else { return }
        // OpenCover 4.6.601: Summary branch points 32 of 62 are 27 of 54 method entries plus 5 of the 8
        // <BranchPoint>s; protocol counts the <BranchPoint>s. Lines are the Summary's 124 of 199 sequence points (they
        // lie on 121 of 190 lines, ReportGenerator's line coverage). Methods: the Summary's 27 of 54.
        let opencover = try CoverageTotals(
            ReportLoader.load(path: corpusDirectory + "/coverage/opencover/reportgenerator-opencover-4.6.601.xml")
                .report)
        #expect(
            opencover
                == CoverageTotals(
                    lines: covered(124, of: 199), branches: covered(5, of: 8), functions: covered(27, of: 54)))
        // coverlet writes one point per line: points, lines and ReportGenerator agree; methods are its 35 of 67.
        let coverlet = try CoverageTotals(
            ReportLoader.load(path: corpusDirectory + "/coverage/opencover/reportgenerator-coverlet-opencover.xml")
                .report)
        #expect(
            coverlet
                == CoverageTotals(
                    lines: covered(156, of: 255), branches: covered(9, of: 14), functions: covered(35, of: 67)))
    }
}
