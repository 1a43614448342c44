import Testing

@testable import GateKit

@Suite struct XUnitV2ReaderTests {
    @Test func recognition() throws { try checkCorpusRecognition(.xunit2, folder: "tests/xunit/") }

    @Test func xunitConsoleFixture() throws {
        let report = try readTestFixture(XUnitV2Reader.self, "xunit2/xunit-console.xml")
        // xunit.console: "Total: 5, Errors: 1, Failed: 1, Skipped: 1": the class-cleanup error is one more case.
        #expect(
            report.suites.map(\.name) == [
                "/src/bin/Shop.Tests.dll", "Test collection for Shop.Tests.CartTests",
                "Test collection for Shop.Tests.DatabaseTests",
            ])
        #expect(totalCounts(report) == TestCounts(passed: 3, failed: 1, errors: 1, skipped: 1))
        #expect(
            report.suites.first?.problems == [
                TestProblem(
                    kind: .error, name: "Shop.Tests.DatabaseTests",
                    message: "System.InvalidOperationException : connection already closed")
            ])
        #expect(
            report.suites[1].problems == [
                TestProblem(
                    kind: .failure, name: "Shop.Tests.CartTests.RemovesItem(count: 2)",
                    message: "Assert.Equal() Failure")
            ])
        #expect(report.suites[1].duration == 0.3)
    }

    @Test func resultsAndRoots() throws {
        let report = try readTests(
            XUnitV2Reader.self,
            "<assembly name='a'><collection name='c'><test result='NotRun'/></collection><test result='Pass'/></assembly>"
        )
        #expect(report.suites.map(\.name) == ["c", "a"])
        #expect(totalCounts(report) == TestCounts(passed: 1, skipped: 1))
        #expect(
            testReadError(XUnitV2Reader.self, "<assemblies><test result='Maybe'/></assemblies>")?.message
                == "unknown test result \"Maybe\"")
        #expect(
            testReadError(XUnitV2Reader.self, "<assemblies><test/></assemblies>")?.message
                == "a <test> has no result attribute")
        #expect(testReadError(XUnitV2Reader.self, "<x/>")?.message == "not an xUnit.net v2 report: root element is <x>")
    }

    @Test func corpusFilesAgreeWithTheirProducers() throws {
        try checkCorpusCounts(XUnitV2Reader.self, formats: ["xunit2-xml"])
    }

    @Test func badInput() throws {
        let sample = """
            <?xml version="1.0" encoding="utf-8"?>
            <assemblies>
              <assembly name="café.dll" total="2">
                <collection name="C" time="0.5">
                  <test name="C.a" result="Pass" time="0.1" />
                  <test name="C.b" result="Fail" time="0.4"><failure><message>expected 1</message></failure></test>
                </collection>
              </assembly>
            </assemblies>
            """
        try BadInputMatrix(format: .xunit2, sample: sample, truncated: "unexpected end of file").check()
    }
}
