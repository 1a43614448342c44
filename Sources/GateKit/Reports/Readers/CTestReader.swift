/// Reads the CTest dashboard `Test.xml` (`ctest -T Test`, written under `Testing/<tag>/`).
///
/// Rules, following ctest's console summary ("N% tests passed, M tests failed out of T"):
/// - A test case is a `<Test>` element inside `<Testing>` (the names listed in `<TestList>` are not results).
///   `Status="passed"` → passed; `failed` → failed; `notrun` → skipped when its `Completion Status` measurement is
///   `Disabled` or `Skipped` (ctest lists those apart and does not fail them), else failed, as ctest counts a
///   test that could not run ("Not Run") as failed. Any other status is an error naming it.
/// - Every test belongs to one suite named by `<Site BuildName>`, as CTest groups tests only by build. The suite's
///   duration is the sum of the tests' `Execution Time` measurements; the report states none (`<ElapsedMinutes>`
///   is rounded to minutes).
/// - Failed tests are kept as problems named by `<Name>`; the message is the `Exit Code` measurement of a failed
///   test (`Failed`, `Timeout`, `SEGFAULT`…), else the `Completion Status` of a test that did not run, else
///   "Not Run". Output measurements and command lines are skipped unread.
/// - The root must be `<Site>` holding `<Testing>`: CTest's other dashboard files (`Build.xml`, `Coverage.xml`…)
///   share the root but are not test results.
public enum CTestReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "CTest Test.xml"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "Site" && head.contains("<Testing")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()
        guard xml.localName == "Site" else {
            throw InputError(
                "not a CTest Test.xml: root element is <\(XMLSyntax.shown(xml.localName))>", line: xml.line)
        }
        var tally = TestTally()
        let suite = tally.suite(named: try xml.text(of: "BuildName"))
        var testing = false
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "Testing", xml.depth == 2 {
                    testing = true
                } else if element == "Test", testing, xml.depth == 3 {
                    try CTestCase(xml).record(into: &tally, suite: suite)
                } else {
                    try xml.skipElement()
                }
            case .endElement:
                if xml.depth == 2 { testing = false }
            case .text:
                continue
            case .end:
                return .tests(tally.report())
            }
        }
    }
}

/// One `<Test>` of a CTest `Test.xml`.
private struct CTestCase {
    private enum Status {
        case passed
        case failed
        case notRun
    }

    private let status: Status
    private var name = ""
    private var completion = ""
    private var exitCode = ""
    private var seconds: Double?

    /// Reads the test whose start tag is current, up to its end tag.
    init(_ xml: XMLTokenizer) throws(InputError) {
        let line = xml.line
        guard let value = xml.attribute("Status") else { throw InputError("a <Test> has no Status", line: line) }
        if value == "passed" {
            status = .passed
        } else if value == "failed" {
            status = .failed
        } else if value == "notrun" {
            status = .notRun
        } else {
            throw InputError("unknown test status \"\(XMLSyntax.shown(value))\"", line: line)
        }
        let depth = xml.depth
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "Name", xml.depth == depth + 1 {
                    name = try xml.firstTextLine()
                } else if element == "NamedMeasurement", let measured = xml.attribute("name") {
                    if measured == "Completion Status" {
                        completion = try xml.firstTextLine()
                    } else if measured == "Exit Code" {
                        exitCode = try xml.firstTextLine()
                    } else if measured == "Execution Time" {
                        let text = try xml.firstTextLine()
                        guard let time = withByteSpan(text, { JUnitNumbers.seconds($0) }), time >= 0 else {
                            throw InputError("Execution Time \"\(text)\" is not a duration in seconds", line: xml.line)
                        }
                        seconds = time
                    } else {
                        try xml.skipElement()
                    }
                } else if !(element == "Results") {
                    try xml.skipElement()
                }
            case .endElement:
                if xml.depth == depth { return }
            case .text:
                continue
            case .end:
                return
            }
        }
    }

    func record(into tally: inout TestTally, suite: Int) {
        let outcome: TestOutcome
        switch status {
        case .passed: outcome = .passed
        case .failed: outcome = .failed
        case .notRun: outcome = completion == "Disabled" || completion == "Skipped" ? .skipped : .failed
        }
        let message = status == .failed && !exitCode.isEmpty ? exitCode : completion.isEmpty ? "Not Run" : completion
        tally.record(outcome, in: suite, name: name, message: message)
        if let seconds { tally.add(seconds: seconds, to: suite) }
    }
}
