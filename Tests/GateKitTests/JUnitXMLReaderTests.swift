import Foundation
import Testing

@testable import GateKit

@Suite struct JUnitXMLReaderTests {
    private static let fixtureNames = [
        "surefire.xml", "pytest.xml", "jest-junit.xml", "googletest.xml", "swift-xctest.xml", "swift-testing.xml",
        "phpunit.xml", "ant-junit4.xml", "go-junit-report.xml", "mocha-junit-reporter.xml",
    ]

    private func read(_ input: InputBuffer) throws -> TestReport {
        guard case .tests(let report) = try JUnitXMLReader.read(input) else { throw InputError("not a test report") }
        return report
    }

    private func read(_ text: String, capacity: Int = InputBuffer.defaultCapacity) throws -> TestReport {
        try read(inputBuffer(text, capacity: capacity))
    }

    private func readFixture(_ name: String) throws -> TestReport {
        try read(TextDecoding.open(path: fixture("junit/\(name)")).0)
    }

    /// The error reading `input`, or nil when it reads.
    private func failure(_ input: InputBuffer) -> InputError? {
        do {
            _ = try JUnitXMLReader.read(input)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> InputError? { failure(inputBuffer(text)) }

    private func totals(_ report: TestReport) -> TestCounts { report.suites.reduce(TestCounts()) { $0 + $1.counts } }

    /// A document with one suite holding `cases`.
    private func suite(_ cases: String, attributes: String = "") -> String {
        "<testsuites><testsuite name='s' \(attributes)>\(cases)</testsuite></testsuites>"
    }

    // MARK: - Recognition

    @Test func recognizesJUnitRootsOnly() {
        func recognizes(_ text: String) -> Bool { withByteSpan(text) { JUnitXMLReader.recognizes(ContentHead($0)) } }
        #expect(recognizes("<?xml version='1.0'?>\n<testsuites/>"))
        #expect(recognizes("<!-- generated --><testsuite name='x'/>"))
        #expect(recognizes("<j:testsuites xmlns:j='urn:x'/>"))
        #expect(!recognizes("<?xml version='1.0'?><coverage line-rate='1'/>"))
        #expect(!recognizes("{\"testsuites\": []}"))
        #expect(!recognizes("TAP version 13"))
    }

    // MARK: - Fixtures: each total is what the test runner printed for the run

    @Test func mavenSurefire() throws {
        let report = try readFixture("surefire.xml")
        // Surefire: "Tests run: 6, Failures: 1, Errors: 1, Skipped: 1, Flakes: 2" (flaky tests passed on a rerun).
        #expect(totals(report) == TestCounts(passed: 3, failed: 1, errors: 1, skipped: 1))
        #expect(report.suites.map(\.name) == ["com.example.CalculatorTest"])
        #expect(report.suites.first?.duration == 0.412)
        #expect(report.duration == nil)
        #expect(
            report.suites.first?.problems == [
                TestProblem(
                    kind: .failure, name: "com.example.CalculatorTest.divides", message: "expected: <2> but was: <3>"),
                TestProblem(
                    kind: .error, name: "com.example.CalculatorTest.parsesInput", message: "For input string: \"x\""),
            ])
    }

    @Test func pytest() throws {
        let report = try readFixture("pytest.xml")
        // pytest: "2 failed, 6 passed, 2 skipped, 1 error in 0.22s"
        #expect(totals(report) == TestCounts(passed: 6, failed: 2, errors: 1, skipped: 2))
        #expect(report.suites.map(\.name) == ["pytest"])
        #expect(report.suites.first?.duration == 0.215)
        #expect(
            report.suites.first?.problems == [
                TestProblem(
                    kind: .failure, name: "tests.test_parser.test_rejects_garbage",
                    message: "AssertionError: assert None == 0"),
                TestProblem(
                    kind: .error, name: "tests.test_db.test_query",
                    message: "failed on setup with \"ConnectionRefusedError: [Errno 111] Connection refused\""),
                TestProblem(
                    kind: .failure, name: "tests.test_format.test_truncates", message: "assert 'abc…' == 'ab…'"),
            ])
    }

    @Test func jestJUnit() throws {
        let report = try readFixture("jest-junit.xml")
        // jest: "Tests: 1 failed, 1 skipped, 4 passed, 6 total"
        #expect(totals(report) == TestCounts(passed: 4, failed: 1, skipped: 1))
        #expect(report.suites.map(\.name) == ["Calculator", "formatters"])
        #expect(report.suites.map(\.duration) == [0.812, 0.337])
        #expect(report.duration == 1.52)
        #expect(
            report.suites.first?.problems == [
                TestProblem(
                    kind: .failure, name: "Calculator divides by zero.Calculator divides by zero",
                    message: "Error: expect(received).toBe(expected) // Object.is equality")
            ])
    }

    @Test func googletest() throws {
        let report = try readFixture("googletest.xml")
        // googletest: "[  PASSED  ] 3 tests.", "[  SKIPPED ] 1 test", "[  FAILED  ] 1 test", "YOU HAVE 1 DISABLED TEST"
        // (a disabled test, status="notrun", counts as skipped and in the total).
        #expect(totals(report) == TestCounts(passed: 3, failed: 1, skipped: 2))
        #expect(report.suites.map(\.name) == ["MathTest", "StringTest"])
        #expect(report.suites.map(\.counts) == [TestCounts(passed: 1, failed: 1, skipped: 2), TestCounts(passed: 2)])
        #expect(report.duration == 0.004)
        #expect(report.suites.first?.problems.map(\.message) == ["math_test.cc:21"])
    }

    @Test func swiftTestXCTest() throws {
        let report = try readFixture("swift-xctest.xml")
        // XCTest: "Executed 4 tests, with 1 test skipped and 1 failure (0 unexpected)": its xunit file writes the
        // skipped test as passed, so the file can only say 3 passed.
        #expect(totals(report) == TestCounts(passed: 3, failed: 1))
        #expect(report.suites.map(\.name) == ["TestResults"])
        #expect(
            report.suites.first?.problems == [
                TestProblem(kind: .failure, name: "DemoTests.ParserTests.testRejectsGarbage", message: "failed")
            ])
    }

    @Test func swiftTestingCompanionFile() throws {
        let report = try readFixture("swift-testing.xml")
        // Swift Testing: "Test run with 4 tests failed after 0.012 seconds with 3 issues." and 1 test skipped:
        // failures="3" counts issues, two of them in one test.
        #expect(totals(report) == TestCounts(passed: 1, failed: 2, skipped: 1))
        #expect(
            report.suites.first?.problems.map(\.message) == [
                "Expectation failed: (parse(\"x\") → 0) == nil", "Expectation failed: (decoded → \"a",
            ])
    }

    @Test func phpunitNestedSuitesUseTheInnermostName() throws {
        let report = try readFixture("phpunit.xml")
        // PHPUnit: "Tests: 7, Assertions: 9, Errors: 1, Failures: 1, Skipped: 1."
        #expect(totals(report) == TestCounts(passed: 4, failed: 1, errors: 1, skipped: 1))
        #expect(
            report.suites.map(\.name) == [
                "Tests\\Unit\\MoneyTest", "Tests\\Unit\\MoneyTest::testAdds", "Tests\\Unit\\CartTest",
            ])
        #expect(report.suites.map(\.duration) == [0.004118, 0.002225, 0.027139])
        #expect(
            report.suites.last?.problems == [
                TestProblem(
                    kind: .failure, name: "Tests.Unit.CartTest.testTotal", message: "Tests\\Unit\\CartTest::testTotal"),
                TestProblem(
                    kind: .error, name: "Tests.Unit.CartTest.testDiscount",
                    message: "Tests\\Unit\\CartTest::testDiscount"),
            ])
    }

    @Test func antJUnit4WithATestsuiteRoot() throws {
        let report = try readFixture("ant-junit4.xml")
        // Ant: "Tests run: 4, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.053 sec"
        #expect(totals(report) == TestCounts(passed: 2, failed: 1, errors: 1))
        #expect(report.suites.first?.duration == 0.053)
        #expect(
            report.suites.first?.problems.map(\.message) == [
                "expected:<2> but was:<1>", "inventory.csv (No such file or directory)",
            ])
    }

    @Test func goJUnitReport() throws {
        let report = try readFixture("go-junit-report.xml")
        // go test: "--- FAIL: TestParse", "--- FAIL: TestParse/empty", "--- SKIP: TestSlow",
        // "FAIL example.com/calc 0.012s", "FAIL example.com/broken [build failed]"
        #expect(report.suites.map(\.name) == ["example.com/calc", "example.com/broken"])
        #expect(report.suites.map(\.counts) == [TestCounts(passed: 2, failed: 2, skipped: 1), TestCounts(errors: 1)])
        #expect(
            report.suites.last?.problems == [
                TestProblem(kind: .error, name: "example.com/broken.[build failed]", message: "Build error")
            ])
    }

    @Test func mochaJUnitReporter() throws {
        let report = try readFixture("mocha-junit-reporter.xml")
        // mocha: "3 passing (27ms)", "1 pending", "1 failing"; the empty "Root Suite" and "Array" are not listed.
        #expect(totals(report) == TestCounts(passed: 3, failed: 1, skipped: 1))
        #expect(report.suites.map(\.name) == ["#indexOf()", "String"])
        #expect(report.duration == 0.027)
    }

    @Test(arguments: fixtureNames)
    func fixturesReadTheSameThroughATinyBuffer(name: String) throws {
        let tiny = InputBuffer(source: try FileByteSource(path: fixture("junit/\(name)")), capacity: 16)
        #expect(try read(tiny) == (try readFixture(name)))
    }

    // MARK: - Rules

    @Test func anErrorWinsOverAFailureWhichWinsOverASkip() throws {
        let report = try read(
            suite(
                """
                <testcase name='a'><skipped/><failure message='f'/><error message='e'/></testcase>
                <testcase name='b'><failure message='f'/><skipped/></testcase>
                <testcase name='c' status='notrun'><failure message='f'/></testcase>
                """))
        #expect(totals(report) == TestCounts(failed: 2, errors: 1))
        #expect(report.suites.first?.problems.map(\.kind) == [.error, .failure, .failure])
    }

    @Test func statusAndResultAttributesMarkSkippedCasesInAnyCase() throws {
        let report = try read(
            suite(
                """
                <testcase name='a' status='notrun'/><testcase name='b' status='DISABLED'/>
                <testcase name='c' status='Skipped'/><testcase name='d' status='run' result='skipped'/>
                <testcase name='e' status='run' result='completed'/><testcase name='f' status='passed'/>
                """))
        #expect(totals(report) == TestCounts(passed: 2, skipped: 4))
    }

    @Test func flakyAndRerunElementsDoNotChangeAState() throws {
        let report = try read(
            suite(
                """
                <testcase name='flaky'><flakyFailure message='x'/><flakyError message='y'/></testcase>
                <testcase name='rerun'><failure message='f'/><rerunFailure message='f'/></testcase>
                <testcase name='rerunError'><error message='e'/><rerunError message='e'/></testcase>
                """))
        #expect(totals(report) == TestCounts(passed: 1, failed: 1, errors: 1))
    }

    @Test func countsComeFromTheCasesNotTheAttributes() throws {
        let report = try read(
            suite("<testcase name='a'/><testcase name='b'><failure/></testcase>", attributes: "tests='15' failures='9'")
        )
        #expect(totals(report) == TestCounts(passed: 1, failed: 1))
    }

    @Test func aSuiteWithoutCasesCountsByItsAttributes() throws {
        let report = try read(
            """
            <testsuites>
              <testsuite name='summary' tests='10' failures='2' errors='1' skipped='3' time='4.5'/>
              <testsuite name='nose' tests='4' skip='1'><properties><property name='p' value='v'/></properties></testsuite>
              <testsuite name='gtest' tests='6' skipped='1' disabled='2' failures='-1'/>
              <testsuite name='empty' tests='0'/>
              <testsuite name='unstated'/>
            </testsuites>
            """)
        #expect(report.suites.map(\.name) == ["summary", "nose", "gtest"])
        #expect(
            report.suites.map(\.counts) == [
                TestCounts(passed: 4, failed: 2, errors: 1, skipped: 3), TestCounts(passed: 3, skipped: 1),
                TestCounts(passed: 3, skipped: 3),
            ])
        #expect(report.suites.map(\.duration) == [4.5, nil, nil])
    }

    @Test func onlyTheInnermostSummaryCounts() throws {
        let report = try read(
            "<testsuite name='all' tests='5'><testsuite name='inner' tests='5' failures='1'/></testsuite>")
        #expect(report.suites.map(\.name) == ["inner"])
        #expect(totals(report) == TestCounts(passed: 4, failed: 1))
    }

    @Test func aSuiteWithCasesInsideIsNotASummary() throws {
        let report = try read(
            "<testsuite name='outer' tests='50'><testsuite name='inner'><testcase name='t'/></testsuite></testsuite>")
        #expect(report.suites.map(\.name) == ["inner"])
        #expect(totals(report) == TestCounts(passed: 1))
    }

    @Test func summaryCountsMustBeNumbersThatAddUp() {
        #expect(
            failure("<testsuites>\n<testsuite name='x' tests='3' failures='2' errors='2'/></testsuites>")
                == InputError(
                    "the counts of <testsuite> do not add up: tests=3 but failures, errors and skipped make 4", line: 2)
        )
        #expect(
            failure("<testsuite tests='99999999999999999999999'/>")
                == InputError("tests=\"99999999999999999999999\" is not a plausible number of tests", line: 1))
        #expect(
            failure("<testsuite tests='2000000000'/>")?.message
                == "tests=\"2000000000\" is not a plausible number of tests")
        #expect(
            failure("<testsuite tests='4' failures='many'/>")?.message
                == "failures=\"many\" is not a plausible number of tests")
        // Unused attributes of a suite with cases are not looked at.
        #expect(failure(suite("<testcase name='t'/>", attributes: "tests='lots'")) == nil)
    }

    @Test func suitesWithTheSameNameMergeInOrderOfFirstAppearance() throws {
        let report = try read(
            """
            <testsuites>
              <testsuite name='b' time='1'><testcase name='1'/></testsuite>
              <testsuite name='a' time='2'><testcase name='2'><failure/></testcase></testsuite>
              <testsuite name='b' time='3'><testcase name='3'/></testsuite>
            </testsuites>
            """)
        #expect(report.suites.map(\.name) == ["b", "a"])
        #expect(report.suites.map(\.counts) == [TestCounts(passed: 2), TestCounts(failed: 1)])
        #expect(report.suites.map(\.duration) == [4, 2])
    }

    @Test func casesOutsideAnySuiteAndInOtherElementsAreCounted() throws {
        let report = try read(
            """
            <testsuites>
              <testcase name='loose' time='0.5'/>
              <testsuite><group><testcase name='wrapped'/></group></testsuite>
              <testsuite name='s'><testcase name='t'/></testsuite>
            </testsuites>
            """)
        #expect(report.suites.map(\.name) == ["", "s"])
        #expect(report.suites.map(\.counts) == [TestCounts(passed: 2), TestCounts(passed: 1)])
        #expect(report.suites.first?.duration == 0.5)
    }

    @Test func strayTextIsIgnored() throws {
        let report = try read(
            "<testsuites>note<testsuite name='s'>about<testcase name='t'>why<failure>no</failure></testcase></testsuite></testsuites>"
        )
        #expect(report.suites.first?.problems == [TestProblem(kind: .failure, name: "t", message: "no")])
    }

    @Test func aRootWithoutCasesIsAnEmptyReport() throws {
        #expect(try read("<testsuites/>") == TestReport(suites: []))
        #expect(
            try read(
                "<testsuites time='0.1'>\n  <testsuite name='TestResults' tests='0'>\n\n  </testsuite>\n</testsuites>")
                == TestReport(suites: [], duration: 0.1))
    }

    @Test func problemsAreLimitedPerSuiteButCountsIncludeEveryCase() throws {
        let cases = (1...25).map { "<testcase classname='C' name='t\($0)'><failure message='m\($0)'/></testcase>" }
        let errors = (1...3).map { "<testcase classname='C' name='e\($0)'><error message='x'/></testcase>" }
        let report = try read(suite((cases + errors).joined()))
        #expect(totals(report) == TestCounts(failed: 25, errors: 3))
        #expect(report.suites.first?.problems.count == TestReport.problemLimit)
        #expect(report.suites.first?.problems.last == TestProblem(kind: .failure, name: "C.t20", message: "m20"))
    }

    @Test func theFirstFailureOrErrorOfACaseGivesItsMessage() throws {
        let report = try read(
            suite(
                "<testcase name='e'><error message='first'/><error message='second'/></testcase>"
                    + "<testcase name='f'><failure message='one'/><failure message='two'/></testcase>"))
        #expect(report.suites.first?.problems.map(\.message) == ["first", "one"])
    }

    @Test func problemMessagesAreTheFirstLineOfTheAttributeOrElseOfTheText() throws {
        let long = String(repeating: "é", count: 250)
        let report = try read(
            suite(
                """
                <testcase name='attribute'><failure message='  &#10; first &#10;second'>text</failure></testcase>
                <testcase name='blank' classname=''><failure message=' '>
                  <!-- a comment --><![CDATA[
                  from the text  ]]>
                  more</failure></testcase>
                <testcase classname='OnlyClass'><error><stackTrace>trace</stackTrace>after child</error></testcase>
                <testcase name='none'><failure/></testcase>
                <testcase name='long'><failure message='\(long)'/></testcase>
                """))
        #expect(
            report.suites.first?.problems == [
                TestProblem(kind: .failure, name: "attribute", message: "first"),
                TestProblem(kind: .failure, name: "blank", message: "from the text"),
                TestProblem(kind: .error, name: "OnlyClass", message: "after child"),
                TestProblem(kind: .failure, name: "none", message: ""),
                TestProblem(kind: .failure, name: "long", message: String(repeating: "é", count: 200)),
            ])
    }

    @Test func durationsComeFromTheSuiteOrElseItsCases() throws {
        let report = try read(
            """
            <testsuites time='1,234.5'>
              <testsuite name='stated' time='2.5'><testcase name='a' time='1'/></testsuite>
              <testsuite name='summed' time=''><testcase name='a' time='0.25'/><testcase name='b' time=' 1,000 '/></testsuite>
              <testsuite name='unknown'><testcase name='a'/></testsuite>
            </testsuites>
            """)
        #expect(report.suites.map(\.duration) == [2.5, 1000.25, nil])
        #expect(report.duration == 1234.5)
    }

    @Test func readsTimesInEveryNumberForm() {
        func seconds(_ text: String) -> Double? { withByteSpan(text) { JUnitNumbers.seconds($0) } }
        #expect(seconds("0.004517") == 0.004517)
        #expect(seconds("12") == 12)
        #expect(seconds(".5") == 0.5)
        #expect(seconds("1e-3") == 0.001)
        #expect(seconds("0.1234567890123456789") == 0.1234567890123456789)
        #expect(seconds("12,345,678.25") == 12_345_678.25)
        #expect(seconds("1,234") == 1234)
        for bad in [
            "0,5", "1,23", "1,2345", "1234,567", "1,234,5", "1.5,000", ",5", "-1,000", "1e999", "nan", "abc", ".",
        ] {
            #expect(seconds(bad) == nil, "\(bad)")
        }
    }

    @Test func badTimesAreErrorsNamingTheLine() {
        #expect(
            failure("<testsuites>\n<testsuite name='s'>\n<testcase name='a' time='-1'/></testsuite></testsuites>")
                == InputError("time=\"-1\" is not a duration in seconds", line: 3))
        #expect(failure(suite("<testcase time='NaN'/>"))?.message == "time=\"NaN\" is not a duration in seconds")
        #expect(failure(suite("<testcase time='1e999'/>"))?.message == "time=\"1e999\" is not a duration in seconds")
        #expect(failure(suite("<testcase time='0,5'/>"))?.message == "time=\"0,5\" is not a duration in seconds")
        #expect(failure("<testsuites time='soon'/>")?.message == "time=\"soon\" is not a duration in seconds")
    }

    @Test func largeOutputsAreSkippedUnread() throws {
        let noise = String(repeating: "<b>not &decoded; \u{1}</b> ]]&gt; ", count: 20_000)
        let report = try read(
            suite(
                """
                <properties><property name='a' value='&unknown;'/></properties>
                <testcase name='t'><system-out>\(noise)</system-out><system-err><![CDATA[<\(noise)]]></system-err></testcase>
                <system-out>\(noise)</system-out>
                """), capacity: 16)
        #expect(totals(report) == TestCounts(passed: 1))
    }

    // MARK: - Bad input

    @Test func wrongDocumentsAreRefusedWithAClearMessage() throws {
        #expect(failure("") == InputError("the document has no root element", line: 1))
        #expect(
            failure("<?xml version='1.0'?>\n<coverage line-rate='0.5'/>")
                == InputError("not a JUnit XML report: root element is <coverage>", line: 2))
        #expect(failure("{\"testsuites\": []}") == InputError("text before the root element", line: 1, column: 1))
        #expect(
            failure("<testsuites>\n<testsuite name='s'>\n<testcase name='t'>")?.message
                == "unexpected end of file inside <testcase> started at line 3")
        let garbage = InputBuffer(
            source: MemoryByteSource((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
        #expect(failure(garbage) != nil)
        #expect(failure(InputBuffer(source: MemoryByteSource([0x3C, 0x00, 0xFF, 0x3E]))) != nil)
    }

    @Test func keptNamesAndMessagesMustBeValidUTF8() throws {
        let badName =
            Array("<testsuite><testcase name='t".utf8) + [0xC0, 0xAF]
            + Array("'><failure/></testcase></testsuite>".utf8)
        #expect(
            failure(InputBuffer(source: MemoryByteSource(badName)))
                == InputError("the name of the test case is not valid UTF-8", line: 1))
        let badMessage =
            Array("<testsuite><testcase name='t'><failure message='".utf8) + [0xFF]
            + Array("'/></testcase></testsuite>".utf8)
        #expect(
            failure(InputBuffer(source: MemoryByteSource(badMessage)))?.message
                == "a failure message is not valid UTF-8")
        let badSuite = Array("<testsuite name='".utf8) + [0xED, 0xA0, 0x80] + Array("'/>".utf8)
        #expect(
            failure(InputBuffer(source: MemoryByteSource(badSuite)))?.message
                == "the name of <testsuite> is not valid UTF-8")
    }

    @Test func readsUTF8WithAByteOrderMarkAndUTF16() throws {
        let text =
            "<?xml version='1.0' encoding='UTF-16'?>\n<testsuite name='ünï'><testcase name='t'><failure message='✗'/></testcase></testsuite>"
        let expected = TestReport(suites: [
            TestSuiteResult(
                name: "ünï", counts: TestCounts(failed: 1),
                problems: [TestProblem(kind: .failure, name: "t", message: "✗")])
        ])
        #expect(try read(decodedBuffer([0xEF, 0xBB, 0xBF] + Array(text.utf8))) == expected)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try read(decodedBuffer(utf16)) == expected)
    }

    @Test func hostileDocumentsAreRefused() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuites [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <testsuites><testsuite name="&b;"/></testsuites>
            """
        #expect(
            failure(laughs)?.message == "entity declarations are not allowed: protocol does not expand XML entities")
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <testsuite><testcase name="&xxe;"><failure/></testcase></testsuite>
            """
        #expect(
            failure(external)?.message == "entity declarations are not allowed: protocol does not expand XML entities")
        let undeclared = "<!DOCTYPE testsuite SYSTEM \"http://attacker.invalid/x.dtd\"><testsuite name='&xxe;'/>"
        #expect(failure(undeclared)?.message == "undefined entity &xxe;")
    }

    // MARK: - Corpus

    @Test func corpusTotalsMatchTheirExpectations() throws {
        let entries = CorpusExpectation.entries(formats: ["junit-xml"])
        guard corpusDirectory != nil else { return }
        #expect(!entries.isEmpty)
        for entry in entries {
            let report = try read(TextDecoding.open(path: entry.absolutePath).0)
            let counts = totals(report)
            let figures: [String: Double?] = [
                "tests.total": Double(counts.total), "tests.passed": Double(counts.passed),
                "tests.failed": Double(counts.failed), "tests.errors": Double(counts.errors),
                "tests.skipped": Double(counts.skipped), "tests.duration": report.duration,
            ]
            for check in entry.checks where check.labels.isEmpty {
                guard let figure = figures[check.metric] else { continue }
                #expect(figure.map { abs($0 - check.value) <= check.tolerance } == true, "\(entry) \(check.metric)")
            }
        }
    }

    @Test func corpusDisputesResolveAsDocumented() throws {
        guard let corpusDirectory else { return }
        func counts(_ name: String) throws -> TestCounts {
            totals(try read(TextDecoding.open(path: "\(corpusDirectory)/tests/junit/\(name)").0))
        }
        let disabled = try counts("xunit-plugin-googletest-disabled-notrun.xml")
        #expect((disabled.total, disabled.skipped) == (4, 1))
        // Two disabled (notrun) tests and one with result="skipped": the corpus candidate "2" counts only the former.
        let full = try counts("xunit-plugin-googletest-full.xml")
        #expect((full.total, full.skipped) == (24, 3))
        #expect(try counts("dorny-pytest-junitxml.xml").total == 10)
        #expect(try counts("xunit-plugin-nosetests-count-mismatch.xml").total == 4)
        #expect(try counts("enricomi-cpp-tst-disabled.xml").skipped == 5)
    }
}
