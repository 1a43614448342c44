import Testing

@testable import GateKit

@Suite struct SonarGenericReaderTests {

    private func read(fixture name: String) throws -> [FileCoverage] {
        try JSONCoverageTest.readFixture(SonarGenericReader.self, "sonar-generic/\(name)")
    }

    private func read(_ text: String) throws -> [FileCoverage] {
        JSONCoverageTest.files(try SonarGenericReader.read(inputBuffer(text, capacity: 64)))
    }

    private func count(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

    /// A report of one file with one `<lineToCover>` of the given attributes.
    private static func lineToCover(_ attributes: String) -> String {
        #"<coverage version="1"><file path="a"><lineToCover \#(attributes)/></file></coverage>"#
    }

    @Test func gcovrSonarqubeOutputCountsLinesToCoverAndTheirBranches() throws {
        // gcovr --txt-summary of the same run: lines: 66.7% (6 out of 9), branches: 66.7% (4 out of 6)
        let files = try read(fixture: "gcovr.xml")
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(6, of: 9), branches: count(4, of: 6)))
        #expect(files.map(\.path) == ["src/ring.c", "src/main.c"])
        #expect(files.map(\.branches) == [count(4, of: 6), nil], "main.c states no branches")
        #expect(files.first?.lineMap?.uncoveredRanges == [6...6, 11...11])
        #expect(files.first?.branchMap?.partiallyCovered.map(\.line) == [5, 9])
        #expect(files.allSatisfy { $0.functions == nil })
    }

    @Test func reportGeneratorOutputWithABOMCRLFAndWindowsPaths() throws {
        // ReportGenerator -reporttypes:SonarQube; its summary says Line coverage 66.6% (4 of 6) and
        // Branch coverage 100% (2 of 2).
        let loaded = try ReportLoader.load(path: fixture("sonar-generic/reportgenerator.xml"), category: .coverage)
        #expect(loaded.format == .sonarGeneric)
        let files = JSONCoverageTest.files(loaded.report)
        #expect(CoverageTotals(files) == CoverageTotals(lines: count(4, of: 6), branches: count(2, of: 2)))
        #expect(files.map(\.path) == [#"C:\temp\Calculator.cs"#, #"C:\temp\Café.cs"#])
    }

    @Test func aLineOrAFileListedTwiceIsMerged() throws {
        let files = try read(
            #"""
            <coverage version="1">
              <file path="a.c"><lineToCover lineNumber="1" covered="false" branchesToCover="2" coveredBranches="0"/>
              <lineToCover lineNumber="2" covered="TRUE"/></file>
              <file path="b.c"><lineToCover lineNumber="1" covered="false"/></file>
              <file path="a.c"><lineToCover lineNumber="1" covered="True" branchesToCover="2" coveredBranches="1"/>
              <lineToCover lineNumber="3" covered="false" branchesToCover="0"/></file>
            </coverage>
            """#)
        #expect(files.map(\.path) == ["a.c", "b.c"])
        #expect(files.first?.lines == count(2, of: 3))
        #expect(files.first?.branches == count(1, of: 2))
    }

    @Test func anEmptyReportHasNoFilesAndTextOrNestedContentIsIgnored() throws {
        #expect(try read(#"<coverage version="1"/>"#).isEmpty)
        let files = try read(
            #"<coverage version="1"> note <file path="a.c"> x <lineToCover lineNumber="4" covered="true">"#
                + #"<!-- c --><extra/></lineToCover></file></coverage>"#)
        #expect(files.first?.lines == count(1, of: 1))
    }

    @Test(
        arguments: [
            (
                #"<coverage><file path="a"/></coverage>"#,
                #"<coverage> has no version (Sonar generic coverage is version="1")"#, 1
            ),
            (#"<coverage version="2"/>"#, #"Sonar generic coverage version "2" is not supported (only version 1)"#, 1),
            (#"<report version="1"/>"#, "not a Sonar generic coverage report: the root element is <report>", 1),
            (#"<coverage version="1"><package/></coverage>"#, "unexpected <package> in <coverage>: expected <file>", 1),
            (#"<coverage version="1"><file/></coverage>"#, "a <file> without a path", 1),
            (#"<coverage version="1"><file path=""/></coverage>"#, "a <file> without a path", 1),
            (
                "<coverage version=\"1\">\n<file path=\"a\">\n<line number=\"1\"/></file></coverage>",
                "unexpected <line> in <file>: expected <lineToCover>", 3
            ),
            (
                lineToCover(#"covered="true""#),
                "a <lineToCover> without lineNumber", 1
            ),
            (
                lineToCover(#"lineNumber="3""#),
                "a <lineToCover> without covered", 1
            ),
            (
                lineToCover(#"lineNumber="0" covered="true""#),
                #"lineNumber="0" is not a whole number of 1 or more"#, 1
            ),
            (
                lineToCover(#"lineNumber="3000000000" covered="true""#),
                #"lineNumber="3000000000" is not a whole number of 1 or more"#, 1
            ),
            (
                lineToCover(#"lineNumber="2" covered="yes""#),
                #"covered="yes" is not true or false (line 2)"#, 1
            ),
            (
                lineToCover(#"lineNumber="2" covered="true" branchesToCover="-2""#),
                #"branchesToCover="-2" is not a whole number of 0 or more"#, 1
            ),
            (
                lineToCover(#"lineNumber="2" covered="true" branchesToCover="2" coveredBranches="3""#),
                #"coveredBranches="3" is more than branchesToCover="2" (line 2)"#, 1
            ),
            (
                lineToCover(#"lineNumber="2" covered="true" branchesToCover="99999999999999999999""#),
                #"branchesToCover="99999999999999999999" is not a whole number of 0 or more"#, 1
            ),
        ] as [(String, String, Int)])
    func malformedInputIsAnErrorWithItsLine(_ text: String, _ message: String, _ line: Int) {
        let error = JSONCoverageTest.error(SonarGenericReader.self, text)
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func invalidUTF8InAPathIsAnError() {
        let bytes =
            Array(#"<coverage version="1"><file path="a"#.utf8) + [0xFF]
            + Array(#".c"><lineToCover lineNumber="1" covered="true"/></file></coverage>"#.utf8)
        let error = #expect(throws: InputError.self) {
            try SonarGenericReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the path of a <file> is not valid UTF-8")
    }

    @Test func entitiesAreNeverExpandedNorFetched() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <coverage version="1"><file path="&lol2;"><lineToCover lineNumber="1" covered="true"/></file></coverage>
            """
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE coverage [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <coverage version="1"><file path="&secret;"><lineToCover lineNumber="1" covered="true"/></file></coverage>
            """
        for text in [laughs, external] {
            let error = JSONCoverageTest.error(SonarGenericReader.self, text)
            #expect(error?.message.contains("entity declarations are not allowed") == true, "\(error?.message ?? "")")
        }
    }

    @Test func theBadInputMatrixHolds() throws {
        try BadInputMatrix(
            format: .sonarGeneric,
            sample: #"<?xml version="1.0"?><coverage version="1"><file path="src/é.c">"#
                + #"<lineToCover lineNumber="1" covered="true"/><lineToCover lineNumber="2" covered="false" "#
                + #"branchesToCover="2" coveredBranches="1"/></file></coverage>"#,
            truncated: "unexpected end of file"
        ).check()
    }

    @Test func recognisesLinesToCoverOrAnEmptyVersion1Report() {
        for (text, expected) in [
            (#"<coverage version="1"><file path="a"><lineToCover lineNumber="1" covered="true"/>"#, true),
            ("<?xml version='1.0'?>\n<coverage version=\"1\"/>", true), ("<coverage version='1'>\n</coverage>", true),
            (#"<coverage version="1"><file path="a">"#, true), (#"<coverage version="1.9"><packages>"#, false),
            (#"<coverage line-rate="0.5" version="1"><packages>"#, false),
            (#"<coverage generated="1" clover="4.4"><project timestamp="1">"#, false),
            (#"<report><lineToCover lineNumber="1" covered="true"/></report>"#, false),
            (#"{"coverage": {"lineToCover": 1}}"#, false),
        ] {
            #expect(JSONCoverageTest.recognizes(SonarGenericReader.self, text) == expected, "\(text)")
        }
    }

    @Test func claimsOnlySonarReportsInTheCorpus() throws {
        try forEachCorpusHead(under: "coverage") { path, head in
            #expect(SonarGenericReader.recognizes(head) == path.hasPrefix("coverage/sonar-generic/"), "\(path)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["sonarqube-generic-coverage"]))
    func corpusTotalsEqualSonarQubesCount(_ entry: CorpusExpectation) throws {
        let loaded = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(loaded.format == .sonarGeneric)
        CoverageTotals(JSONCoverageTest.files(loaded.report)).expectCorpusChecks(entry)
    }
}
