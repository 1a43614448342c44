import Testing

@testable import GateKit

@Suite struct CTestReaderTests {
    @Test func recognition() throws {
        try checkCorpusRecognition(.ctest, folder: "tests/ctest-xml/")
        #expect(!withByteSpan("<Site BuildName='x'><Build/></Site>") { CTestReader.recognizes(ContentHead($0)) })
    }

    @Test func ctestFixture() throws {
        let report = try readTestFixture(CTestReader.self, "ctest/Test.xml")
        // ctest: "50% tests passed, 2 tests failed out of 4"; the skipped test is not a failure.
        #expect(report.suites.map(\.name) == ["Linux-c++"])
        #expect(totalCounts(report) == TestCounts(passed: 1, failed: 2, skipped: 1))
        #expect(
            report.suites.first?.problems == [
                TestProblem(kind: .failure, name: "parser_fuzz", message: "Timeout"),
                TestProblem(kind: .failure, name: "missing_exe", message: "Unable to find executable"),
            ])
        #expect(abs((report.suites.first?.duration ?? 0) - 1500.26) < 1e-9)
    }

    @Test func statusesAndTimes() {
        func site(_ tests: String) -> String { "<Site BuildName='b'><Testing>\(tests)</Testing></Site>" }
        #expect(
            testReadError(CTestReader.self, site("<Test Status='weird'/>"))?.message == "unknown test status \"weird\"")
        #expect(testReadError(CTestReader.self, site("<Test/>"))?.message == "a <Test> has no Status")
        let badTime = site(
            "<Test Status='passed'><Results><NamedMeasurement name='Execution Time'><Value>-1</Value>"
                + "</NamedMeasurement></Results></Test>")
        #expect(
            testReadError(CTestReader.self, badTime)?.message == "Execution Time \"-1\" is not a duration in seconds")
        #expect(testReadError(CTestReader.self, "<Build/>")?.message == "not a CTest Test.xml: root element is <Build>")
    }

    @Test func corpusFilesAgreeWithTheirProducers() throws {
        try checkCorpusCounts(CTestReader.self, formats: ["ctest-dashboard-xml"])
        // Disputed: a notrun test without a Skipped/Disabled completion status fails, as ctest counts "Not Run".
        if let counts = try corpusCounts(CTestReader.self, "tests/ctest-xml/xunit-plugin-ctest-3.0.0-Test.xml") {
            #expect(counts == TestCounts(failed: 1))
        }
    }

    @Test func badInput() throws {
        let sample = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Site BuildName="café">
              <Testing>
                <Test Status="passed"><Name>a</Name></Test>
                <Test Status="failed"><Name>b</Name></Test>
                <Test Status="notrun"><Name>c</Name></Test>
                <Test Status="passed"><Name>d</Name></Test>
                <Test Status="passed"><Name>e</Name></Test>
              </Testing>
            </Site>
            """
        try BadInputMatrix(format: .ctest, sample: sample, truncated: "unexpected end of file").check()
    }
}
