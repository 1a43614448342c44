/// Reads xUnit.net v2 XML test results (`dotnet test` with the xunit runner's `-xml`, `xunit.console -xml`, and
/// other runners that write the same format, such as Fixie).
///
/// Rules:
/// - A test case is a `<test>` element; its `result`: `Pass` → passed, `Fail` → failed, `Skip` and `NotRun`
///   (xUnit.net 2.5 explicit tests) → skipped; any other value is an error naming it. Counts come from the
///   `<test>` elements, never from `total=`/`passed=`….
/// - An `<error>` inside `<errors>` (a fixture, collection or assembly failure outside any test) counts as one
///   errored case in its assembly's suite: xunit fails the run for it, so a gate must see it (xunit's own
///   `Total:` leaves it out, so `tests.total` is xunit's total plus its `Errors:`).
/// - A case belongs to its `<collection>` (the test class in xunit's default collection-per-class), named by its
///   `name`; a test outside any collection belongs to its `<assembly>` (named by `name`). Suites with the same
///   name merge; a suite's duration is the sum of its collections' `time`.
/// - Failed cases are kept as problems named by the test's `name`, with the first line of `<failure><message>`.
/// - The root must be `<assemblies>` (or a single `<assembly>`); `<traits>`, `<output>` and stack traces are
///   skipped unread.
public enum XUnitV2Reader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "xUnit.net v2 XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml
            && (head.xmlRoot == "assemblies" || (head.xmlRoot == "assembly" && head.contains("<collection")))
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()
        guard xml.localName == "assemblies" || xml.localName == "assembly" else {
            throw InputError(
                "not an xUnit.net v2 report: root element is <\(XMLSyntax.shown(xml.localName))>", line: xml.line)
        }
        var tally = TestTally()
        var assembly = ""
        var collection: Int?
        var collectionDepth = 0
        if xml.localName == "assembly" { assembly = try xml.text(of: "name") }
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "assembly" {
                    assembly = try xml.text(of: "name")
                } else if element == "collection" {
                    let suite = tally.suite(named: try xml.text(of: "name"))
                    if let time = try xml.seconds("time") { tally.add(seconds: time, to: suite) }
                    collection = suite
                    collectionDepth = xml.depth
                } else if element == "test" {
                    try readTest(xml, into: &tally, suite: collection ?? tally.suite(named: assembly))
                } else if element == "error" {
                    let suite = tally.suite(named: assembly)
                    let name = try xml.text(of: "name")
                    let kind = try xml.text(of: "type")
                    tally.record(
                        .error, in: suite, name: name.isEmpty ? kind : name,
                        message: try xml.message("message", through: ["failure"]))
                } else if !(element == "errors") {
                    try xml.skipElement()
                }
            case .endElement:
                if collection != nil, xml.depth == collectionDepth { collection = nil }
            case .text:
                continue
            case .end:
                return .tests(tally.report())
            }
        }
    }

    private static func readTest(_ xml: XMLTokenizer, into tally: inout TestTally, suite: Int) throws(InputError) {
        let line = xml.line
        guard let result = xml.attribute("result") else {
            throw InputError("a <test> has no result attribute", line: line)
        }
        let outcome: TestOutcome
        if result == "Pass" {
            outcome = .passed
        } else if result == "Fail" {
            outcome = .failed
        } else if result == "Skip" || result == "NotRun" {
            outcome = .skipped
        } else {
            throw InputError("unknown test result \"\(XMLSyntax.shown(result))\"", line: line)
        }
        guard outcome == .failed, tally.keepsProblems(in: suite) else {
            try xml.skipElement()
            return tally.record(outcome, in: suite)
        }
        let name = try xml.text(of: "name")
        tally.record(outcome, in: suite, name: name, message: try xml.message("message", through: ["failure"]))
    }
}
