import Testing

@testable import GateKit

@Suite struct JaCoCoCSVReaderTests {
    private static let header =
        "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,"
        + "LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n"

    private func read(_ text: String) throws(InputError) -> Report { try JaCoCoCSVReader.read(inputBuffer(text)) }

    @Test func classesOfOneTopLevelClassAreOneFile() throws {
        // The same run's HTML report, Total row: missed lines 11 of 29, branches 8 of 16, methods 6 of 15.
        let report = try ReportLoader.load(path: fixture("jacoco-csv/maven-shop.csv"), category: .coverage)
        #expect(report.format == .jacocoCSV)
        #expect(
            try CoverageTotals(report.report)
                == CoverageTotals(
                    lines: covered(18, of: 29), branches: covered(8, of: 16), functions: covered(9, of: 15)))
        let files = try CoverageTotals.files(report.report)
        // Cart, Cart.Item and Cart.new Comparator() {...} are Cart; the unnamed package ("default") adds no folder.
        #expect(
            files.map(\.path) == [
                "com/example/shop/Cart", "com/example/shop/PriceFormatter", "Main", "com/example/shop/util/Strings",
            ])
        #expect(files[0].lines == covered(16, of: 19))
        #expect(files[0].branches == covered(5, of: 6))
        #expect(files[0].functions == covered(7, of: 8))
        #expect(files.allSatisfy { $0.lineMap == nil && $0.branchMap == nil })
    }

    @Test func theCSVAndTheXMLOfOneRunAgree() throws {
        var pairs = [(fixture("jacoco-csv/maven-shop.csv"), fixture("jacoco/maven-shop.xml"))]
        if let corpusDirectory {
            let base = corpusDirectory + "/coverage/jacoco/ivt-lab-jacoco-maven"
            pairs.append((base + ".csv", base + ".xml"))
        }
        for (csv, xml) in pairs {
            let fromCSV = try CoverageTotals(ReportLoader.load(path: csv).report)
            let fromXML = try CoverageTotals(ReportLoader.load(path: xml).report)
            #expect(fromCSV == fromXML, "\(csv)")
            // Per file too: each XML source file holds the classes of the same name.
            let xmlFiles = try CoverageTotals.files(ReportLoader.load(path: xml).report)
            for file in try CoverageTotals.files(ReportLoader.load(path: csv).report) {
                let source = xmlFiles.first { $0.path.hasPrefix(file.path + ".") }
                #expect(source?.lines == file.lines, "\(file.path)")
                #expect(source?.functions == file.functions, "\(file.path)")
            }
        }
    }

    @Test func columnsAreFoundByNameAndGroupsAddUp() throws {
        let text = """
            PACKAGE,CLASS,LINE_COVERED,LINE_MISSED,BRANCH_COVERED,BRANCH_MISSED,METHOD_COVERED,METHOD_MISSED,GROUP
            org.acme,Util,3,1,0,0,1,0,core
            org.acme,Util,1,1,2,2,1,1,web
            "org.acme","Util.new Foo<A, B>() {...}",2,0,1,0,1,0,web

            """
        let files = try CoverageTotals.files(read(text))
        #expect(files.map(\.path) == ["org/acme/Util"])
        #expect(files.first?.lines == covered(6, of: 8))
        #expect(files.first?.branches == covered(3, of: 5))
        #expect(files.first?.functions == covered(3, of: 4))
    }

    @Test func aHeaderAloneIsAReportWithoutFiles() throws {
        #expect(try read(Self.header) == .coverage(CoverageReport(files: [])))
    }

    @Test(
        arguments: [
            ("", "not a JaCoCo CSV report: the file has no header row", nil),
            (
                "GROUP,PACKAGE,CLASS,LINE_MISSED\n",
                "not a JaCoCo CSV report: the header row has no LINE_COVERED column", 1
            ),
            (header + "g,p,C,0,1,0,0,0,1,0,1,0\n", "the row has 12 fields where the header has 13", 2),
            (
                header + "g,p,C,0,1,0,0,0,1,0,1,0,1\ng,p,D,0,1,0",
                "the row has 6 fields where the header has 13 (the last line, without a line end: is the file "
                    + "truncated?)", 3
            ),
            (header + "g,p,,0,1,0,0,0,1,0,1,0,1\n", "the row has no CLASS name", 2),
            (header + "g,p,C,0,1,0,0,-1,1,0,1,0,1\n", "LINE_MISSED of class 'C' is '-1', not a count", 2),
            (header + "g,p,C,0,1,0,0,0,1.5,0,1,0,1\n", "LINE_COVERED of class 'C' is '1.5', not a count", 2),
            (header + "g,p,C,0,1,x,0,0,1,0,1,0,1\n", "BRANCH_MISSED of class 'C' is 'x', not a count", 2),
            (
                header + "g,p,C,0,1,0,0,0,1,0,1,0,2000000000000\n",
                "METHOD_COVERED of class 'C' is '2000000000000', not a count", 2
            ),
            (header + "g,p,C,0,1,0,0,0,1,0,1,,1\n", "METHOD_MISSED of class 'C' is '', not a count", 2),
        ] as [(String, String, Int?)])
    func malformedInputIsAnErrorWithItsLine(_ text: String, _ message: String, _ line: Int?) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func namesThatAreNotUTF8AreAnError() {
        let bytes = Array((Self.header + "g,p,").utf8) + [0xFF] + Array(",0,1,0,0,0,1,0,1,0,1\n".utf8)
        let error = #expect(throws: InputError.self) {
            try JaCoCoCSVReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the package or class name is not valid UTF-8")
        #expect(error?.line == 2)
    }

    @Test func badInputMatrix() throws {
        let sample =
            Self.header + """
                menu,com.example.café,Café,12,30,2,4,3,9,2,5,1,4
                menu,com.example.café,Café.Builder,0,18,0,2,0,6,0,3,0,2
                menu,com.example.café,Menu,40,0,6,0,11,0,7,0,4,0
                menu,com.example.café,Menu.Section,5,20,1,1,2,5,1,2,1,2
                menu,com.example.café,Order,9,41,3,5,2,12,3,6,1,5
                menu,com.example.café,Order.Line,0,16,0,0,0,4,0,3,0,3
                menu,com.example.café.util,Prices,3,21,1,3,1,7,1,4,0,3
                menu,com.example.café.util,Prices.new Comparator() {...},0,8,0,0,0,2,0,2,0,2

                """
        try BadInputMatrix(format: .jacocoCSV, sample: sample, truncated: "is the file truncated?").check()
    }

    @Test func recognisesTheHeaderRowAndNothingElse() {
        #expect(CoverageSamples.recognized(CoverageSamples.jacocoCSV) == .jacocoCSV)
        #expect(CoverageSamples.recognized("\n\n" + Self.header) == .jacocoCSV)
        for text in CoverageSamples.others + [
            CoverageSamples.jacoco, CoverageSamples.openCover, "GROUP,PACKAGE,CLASS\n", "timeStamp,elapsed,label\n",
        ] {
            withByteSpan(text) { #expect(!JaCoCoCSVReader.recognizes(ContentHead($0)), "\(text)") }
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["jacoco-csv"]))
    func corpusTotalsEqualTheProducersSummary(_ entry: CorpusExpectation) throws {
        let report = try ReportLoader.load(path: entry.absolutePath, category: .coverage)
        #expect(report.format == .jacocoCSV)
        try CoverageTotals(report.report).expectCorpusChecks(entry)
    }
}
