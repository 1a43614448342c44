import Testing

@testable import GateKit

@Suite struct NUnitXMLReaderTests {
    @Test func recognition() throws { try checkCorpusRecognition(.nunit, folder: "tests/nunit/") }

    @Test func nunit3Fixture() throws {
        let report = try readTestFixture(NUnitXMLReader.self, "nunit/nunit3-console.xml")
        // nunit3-console: "Test Count: 8, Passed: 3, Failed: 3, Warnings: 0, Inconclusive: 1, Skipped: 1".
        #expect(report.suites.map(\.name) == ["Shop.CartTests", "Shop.PriceTests"])
        #expect(totalCounts(report) == TestCounts(passed: 3, failed: 3, skipped: 2))
        #expect(report.duration == 1.25)
        #expect(
            report.suites.first?.problems == [
                TestProblem(kind: .failure, name: "Shop.CartTests.RemovesItem", message: "Expected: 0"),
                TestProblem(
                    kind: .failure, name: "Shop.CartTests.Checkout",
                    message: "System.NullReferenceException : Object reference not set to an instance of an object."),
            ])
    }

    @Test func nunit2Fixture() throws {
        let report = try readTestFixture(NUnitXMLReader.self, "nunit/nunit2-console.xml")
        // nunit-console 2.6: "Tests run: 4, Errors: 1, Failures: 1 … Not run: 2": not-run cases are skipped and
        // in the total.
        #expect(report.suites.map(\.name) == ["CartTests", "PriceTests"])
        #expect(totalCounts(report) == TestCounts(passed: 2, failed: 1, errors: 1, skipped: 2))
        #expect(report.suites.first?.problems.map(\.kind) == [.failure, .error])
        #expect(report.suites.first?.duration == 0.4)
    }

    @Test func unknownResultsAreErrors() {
        #expect(
            testReadError(NUnitXMLReader.self, "<test-run><test-case result='Exploded'/></test-run>")?.message
                == "unknown test-case result \"Exploded\"")
        #expect(
            testReadError(NUnitXMLReader.self, "<test-results><test-case/></test-results>")?.message
                == "a <test-case> has no result attribute")
        #expect(
            testReadError(NUnitXMLReader.self, "<test-suite/>")?.message
                == "not an NUnit report: root element is <test-suite>")
    }

    @Test func corpusFilesAgreeWithTheirProducers() throws {
        try checkCorpusCounts(NUnitXMLReader.self, formats: ["nunit3-xml", "nunit2-xml"])
        // Disputed: NUnit 2.5 total=21 leaves out 7 not-run cases; protocol counts 28, 8 skipped (with inconclusive).
        let path = "tests/nunit/enricomi-jenkins-nunit2.5-mock-assembly.xml"
        if let counts = try corpusCounts(NUnitXMLReader.self, path) {
            #expect((counts.total, counts.skipped) == (28, 8))
        }
    }

    @Test func badInput() throws {
        let sample = """
            <?xml version="1.0" encoding="utf-8"?>
            <test-run total="2" duration="0.5">
              <test-suite type="TestFixture" name="T" fullname="Café.T" duration="0.5">
                <test-case name="a" fullname="Café.T.a" result="Passed" duration="0.1" />
                <test-case name="b" fullname="Café.T.b" result="Failed" duration="0.4">
                  <failure><message><![CDATA[expected 1]]></message></failure>
                </test-case>
              </test-suite>
            </test-run>
            """
        try BadInputMatrix(format: .nunit, sample: sample, truncated: "unexpected end of file").check()
    }
}
