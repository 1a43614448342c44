/// Reads Visual Studio TRX test results (`dotnet test --logger trx`, `vstest.console /logger:trx`, MSTest).
///
/// Rules:
/// - A test case is a `<UnitTestResult>` in `<Results>`, counted from its `outcome`: `Passed`,
///   `PassedButRunAborted`, `Warning` and `Completed` → passed; `Failed` → failed; `Error`, `Timeout`, `Aborted`
///   and `Disconnected` → error; `NotExecuted` (a skipped test), `NotRunnable`, `Inconclusive`, `Pending` and
///   `InProgress` → skipped. Any other outcome is an error naming it.
/// - Counts come from the results, never from `<ResultSummary><Counters>`: vstest writes `notExecuted="0"` while
///   a result is `NotExecuted` (total 11 = 5 passed + 5 failed + 1 skipped).
/// - A data-driven result holding `<InnerResults>` is not counted itself: its inner results (the data rows, at
///   any depth) are, as each row is a test that ran.
/// - TRX names a result's class only in `<TestDefinitions>`, joined by id; protocol does not keep that table (it
///   grows with the file), so every result belongs to one suite named by `<TestRun name>`. The suite's duration is
///   the sum of the counted results' `duration` (`[d.]hh:mm:ss.fffffff`).
/// - Failed and errored results are kept as problems named by `testName`, with the first line of
///   `<Output><ErrorInfo><Message>`. Definitions, entries, settings, standard output and stack traces are skipped
///   unread.
public enum TRXReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "TRX (Visual Studio test results)"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "TestRun"
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()
        guard xml.localName == "TestRun" else {
            throw InputError("not a TRX report: root element is <\(XMLSyntax.shown(xml.localName))>", line: xml.line)
        }
        var tally = TestTally()
        let suite = tally.suite(named: try xml.text(of: "name"))
        var open: [OpenResult] = []
        while true {
            switch try xml.next() {
            case .startElement:
                let element = xml.localName
                if element == "UnitTestResult" {
                    open.append(try OpenResult(xml, depth: xml.depth, keepsProblem: tally.keepsProblems(in: suite)))
                } else if element == "ErrorInfo", let last = open.indices.last, open[last].needsMessage {
                    open[last].message = try xml.message("Message", through: [])
                } else if !(element == "Results" || element == "InnerResults" || element == "Output") {
                    try xml.skipElement()
                }
            case .endElement:
                guard let result = open.last, xml.depth == result.depth else { continue }
                open.removeLast()
                if let last = open.indices.last { open[last].hasInner = true }
                guard !result.hasInner else { continue }
                tally.record(result.outcome, in: suite, name: result.name, message: result.message)
                if let seconds = result.seconds { tally.add(seconds: seconds, to: suite) }
            case .text:
                continue
            case .end:
                return .tests(tally.report())
            }
        }
    }

    /// A .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]`, in seconds; nil when `value` is not one (or is negative).
    static func seconds(timeSpan value: ByteSpan) -> Double? {
        guard let firstColon = value.firstIndex(of: UInt8(ascii: ":")),
            let secondColon = value.firstIndex(of: UInt8(ascii: ":"), from: firstColon + 1)
        else { return nil }
        var head = value.slice(0, firstColon)
        var days = 0
        if let dot = head.firstIndex(of: UInt8(ascii: ".")) {
            guard let count = head.slice(0, dot).int(), count >= 0, count <= 1_000_000 else { return nil }
            days = count
            head = head.dropFirst(dot + 1)
        }
        let seconds = value.dropFirst(secondColon + 1)
        guard head.count > 0, head[0].isASCIIDigit, let hours = head.int(), (0..<24).contains(hours),
            let minutes = value.slice(firstColon + 1, secondColon).int(), (0..<60).contains(minutes),
            seconds.count > 0, seconds[0].isASCIIDigit, let second = JUnitNumbers.seconds(seconds), second < 60
        else { return nil }
        return Double((days * 24 + hours) * 3600 + minutes * 60) + second
    }
}

/// A `<UnitTestResult>` whose end has not been read yet.
private struct OpenResult {
    var depth: Int
    var outcome: TestOutcome
    var seconds: Double?
    var name = ""
    var message = ""
    var keepsProblem: Bool
    var hasInner = false

    init(_ xml: XMLTokenizer, depth: Int, keepsProblem: Bool) throws(InputError) {
        self.depth = depth
        outcome = try Self.outcome(xml)
        seconds = try Self.duration(xml)
        self.keepsProblem = keepsProblem && (outcome == .failed || outcome == .error)
        if self.keepsProblem { name = try xml.text(of: "testName") }
    }

    var needsMessage: Bool { keepsProblem && message.isEmpty }

    private static func outcome(_ xml: XMLTokenizer) throws(InputError) -> TestOutcome {
        guard let value = xml.attribute("outcome") else {
            throw InputError("a <UnitTestResult> has no outcome attribute", line: xml.line)
        }
        if value == "Passed" || value == "PassedButRunAborted" || value == "Warning" || value == "Completed" {
            return .passed
        }
        if value == "Failed" { return .failed }
        if value == "Error" || value == "Timeout" || value == "Aborted" || value == "Disconnected" { return .error }
        if value == "NotExecuted" || value == "NotRunnable" || value == "Inconclusive" || value == "Pending"
            || value == "InProgress"
        {
            return .skipped
        }
        throw InputError("unknown test outcome \"\(XMLSyntax.shown(value))\"", line: xml.line)
    }

    /// `duration` as a .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]`; nil when absent.
    private static func duration(_ xml: XMLTokenizer) throws(InputError) -> Double? {
        guard let value = xml.attribute("duration")?.trimmed(), !value.isEmpty else { return nil }
        guard let seconds = TRXReader.seconds(timeSpan: value) else {
            throw InputError("duration=\"\(XMLSyntax.shown(value))\" is not a time span (hh:mm:ss)", line: xml.line)
        }
        return seconds
    }
}
