/// Reads NUnit XML test results: NUnit 3 (`<test-run>`, nunit3-console `--result`, `dotnet test` with the NUnit
/// logger) and NUnit 2.x (`<test-results>`, nunit-console 2.x, also written by other tools in NUnit 2 format).
///
/// Rules, following each version's own console summary:
/// - A test case is a `<test-case>` element. NUnit 3 `result`: `Passed` and `Warning` → passed; `Failed` (any
///   `label`: Error, Invalid, Cancelled, a timeout…) → failed, as NUnit 3 counts them all in `Failed:`;
///   `Skipped` (Ignored, Explicit…) and `Inconclusive` → skipped.
/// - NUnit 2 `result`: `Success` → passed; `Failure` → failed; `Error` and `Cancelled` → error, as NUnit 2 counts
///   `Errors:` apart from `Failures:`; `Ignored`, `Skipped`, `NotRunnable`, `Inconclusive` and any case with
///   `executed="False"` → skipped. Cases that did not run are in the total, unlike NUnit 2's `total=`, which leaves
///   out its `not-run=` (28 cases with total=21 and not-run=7 read as 28 tests, 8 of them skipped with the
///   inconclusive one).
/// - Any other `result` is an error naming it. Counts come from the cases, never from the stated totals.
/// - A case belongs to its innermost `<test-suite>` that is a fixture, i.e. not one that groups one method's cases
///   (`ParameterizedMethod`, `ParameterizedTest`, `Theory`, `GenericMethod`); the suite is named by its
///   `fullname` (NUnit 3) or `name` (NUnit 2). A suite's duration is the sum of its fixtures' `duration` (NUnit 3)
///   or `time` (NUnit 2); the report's duration is `<test-run duration>`.
/// - Failed and errored cases are kept as problems named by `fullname` (or `name`), with the first line of
///   `<failure><message>` (or `<reason><message>`). `<output>`, `<properties>`, `<attachments>` and stack
///   traces are skipped unread.
public enum NUnitXMLReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "NUnit XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && (head.xmlRoot == "test-run" || head.xmlRoot == "test-results")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()
        let root = xml.localName
        guard root == "test-run" || root == "test-results" else {
            throw InputError("not an NUnit report: root element is <\(XMLSyntax.shown(root))>", line: xml.line)
        }
        let version3 = root == "test-run"
        let duration = version3 ? try xml.seconds("duration") : nil
        var tally = TestTally()
        // The open fixtures: their depth and suite index.
        var fixtures: [(depth: Int, suite: Int)] = []
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "test-suite" {
                    guard !groupsOneMethod(xml.attribute("type")) else { continue }
                    let name = try xml.text(of: version3 ? "fullname" : "name")
                    let suite = tally.suite(named: name)
                    if let time = try xml.seconds(version3 ? "duration" : "time") {
                        tally.add(seconds: time, to: suite)
                    }
                    fixtures.append((xml.depth, suite))
                } else if element == "test-case" {
                    let suite = fixtures.last?.suite ?? tally.suite(named: "")
                    try readCase(xml, version3: version3, into: &tally, suite: suite)
                } else if !(element == "results") {
                    try xml.skipElement()
                }
            case .endElement:
                if xml.depth == fixtures.last?.depth { fixtures.removeLast() }
            case .text:
                continue
            case .end:
                return .tests(tally.report(duration: duration))
            }
        }
    }

    private static func groupsOneMethod(_ type: ByteSpan?) -> Bool {
        guard let type else { return false }
        return type == "ParameterizedMethod" || type == "ParameterizedTest" || type == "Theory"
            || type == "GenericMethod"
    }

    private static func readCase(_ xml: XMLTokenizer, version3: Bool, into tally: inout TestTally, suite: Int)
        throws(InputError)
    {
        let outcome = try version3 ? outcome3(xml) : outcome2(xml)
        guard outcome == .failed || outcome == .error, tally.keepsProblems(in: suite) else {
            try xml.skipElement()
            return tally.record(outcome, in: suite)
        }
        var name = version3 ? try xml.text(of: "fullname") : ""
        if name.isEmpty { name = try xml.text(of: "name") }
        tally.record(
            outcome, in: suite, name: name, message: try xml.message("message", through: ["failure", "reason"]))
    }

    private static func outcome3(_ xml: XMLTokenizer) throws(InputError) -> TestOutcome {
        let result = xml.attribute("result")
        if let result {
            if result == "Passed" || result == "Warning" { return .passed }
            if result == "Failed" { return .failed }
            if result == "Skipped" || result == "Inconclusive" { return .skipped }
        }
        throw unknown(result, xml)
    }

    private static func outcome2(_ xml: XMLTokenizer) throws(InputError) -> TestOutcome {
        let result = xml.attribute("result")
        if xml.attribute("executed")?.equalsIgnoringCase("false") == true { return .skipped }
        if let result {
            if result == "Success" { return .passed }
            if result == "Failure" { return .failed }
            if result == "Error" || result == "Cancelled" { return .error }
            if result == "Ignored" || result == "Skipped" || result == "NotRunnable" || result == "Inconclusive" {
                return .skipped
            }
        }
        throw unknown(result, xml)
    }

    private static func unknown(_ result: ByteSpan?, _ xml: XMLTokenizer) -> InputError {
        guard let result else { return InputError("a <test-case> has no result attribute", line: xml.line) }
        return InputError("unknown test-case result \"\(XMLSyntax.shown(result))\"", line: xml.line)
    }
}
