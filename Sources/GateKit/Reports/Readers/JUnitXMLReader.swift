/// Reads JUnit XML test results: Maven Surefire, Gradle, Ant, pytest, jest-junit, googletest, XCTest and Swift
/// Testing (`swift test --xunit-output`), PHPUnit, go-junit-report, mocha-junit-reporter and the like.
///
/// Rules:
/// - A test case is a `<testcase>` element at any depth. Its state: an `<error>` child → error; else a `<failure>`
///   child → failed; else a `<skipped>` child, `status` notrun/disabled/skipped (any case) or `result="skipped"`
///   → skipped; else passed. `<flakyFailure>`/`<flakyError>` (passed on a rerun) and `<rerunFailure>`/
///   `<rerunError>` change nothing.
/// - Counts come from the test cases, never from `tests=`/`failures=`… (real files disagree with their cases).
///   Exception: a `<testsuite>` with no `<testcase>` inside it at any depth (and no summary-only suite inside it)
///   that states `tests` > 0 is a summary-only suite and counts by its attributes: `failures`, `errors`,
///   skipped = (`skipped` or nose's `skip`) + googletest's `disabled`, passed = the rest. Negative values count as
///   0; values that are not whole numbers, above a billion, or whose failures + errors + skipped exceed `tests`
///   are an error.
/// - A case belongs to its innermost `<testsuite>`, named by its `name` attribute ("" when absent; nested suites
///   use their own name, not a path); cases outside any suite belong to the suite "". Suites with the same name
///   are merged; only suites with cases (or a summary) are listed, in the order their first element starts.
/// - Failed and errored cases are kept as problems (at most ``TestReport/problemLimit`` per suite): the name is
///   `classname.name` (or `name`), the message the first non-blank line of the `message` attribute, or of the
///   element's text when the attribute is absent or blank, trimmed, at most 200 characters.
/// - A suite's duration is its `time` attribute, else the sum of its cases' `time`; the report's duration is
///   the root `<testsuites time>` (none for a `<testsuite>` root). Thousands separators (`1,234.5`) are read and
///   an empty `time` counts as absent; a negative or non-numeric time is an error.
/// - The root must be `<testsuites>` or `<testsuite>` (any namespace prefix). `<system-out>`, `<system-err>` and
///   `<properties>` are skipped unread; names and messages that are kept must be valid UTF-8.
public enum JUnitXMLReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "JUnit XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && (head.xmlRoot == "testsuites" || head.xmlRoot == "testsuite")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var document = JUnitDocument(XMLTokenizer(input))
        return .tests(try document.read())
    }
}

/// One pass over a JUnit XML document.
private struct JUnitDocument {
    /// A suite name's totals, merged over every `<testsuite>` element with that name.
    struct SuiteTotals {
        var result: TestSuiteResult
        var listed = false
    }

    /// A `<testsuite>` element (or the `<testsuites>` root) that is open.
    struct OpenSuite {
        var depth: Int
        var totals: Int
        var isSuite: Bool
        var time: Double?
        var stated = StatedCounts()
        var caseTime = 0.0
        var hasCaseTime = false
        var hasOwnCases = false
        var hasCases = false
        var hasSummary = false
    }

    private let xml: XMLTokenizer
    private var totals: [SuiteTotals] = []
    private var totalsByName: [String: Int] = [:]
    private var open: [OpenSuite] = []
    /// `classname.name` of the current case, kept only while its suite still lists problems.
    private var caseName: [UInt8] = []

    init(_ xml: XMLTokenizer) { self.xml = xml }

    mutating func read() throws(InputError) -> TestReport {
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        var duration: Double?
        let root = xml.localName
        if root == "testsuites" {
            duration = try seconds("time")
            open.append(OpenSuite(depth: 1, totals: suiteTotals(named: ""), isSuite: false))
        } else if root == "testsuite" {
            try openSuite()
        } else {
            throw InputError("not a JUnit XML report: root element is <\(XMLSyntax.shown(root))>", line: xml.line)
        }
        while true {
            switch try xml.next() {
            case .startElement:
                // Elements other than these are entered: a <testcase> counts at any depth.
                let element = xml.localName
                if element == "testcase" {
                    try readCase()
                } else if element == "testsuite" {
                    try openSuite()
                } else if element == "system-out" || element == "system-err" || element == "properties" {
                    try xml.skipElement()
                }
            case .endElement:
                if xml.depth == open.last?.depth { try closeSuite() }
            case .text:
                continue
            case .end:
                return TestReport(suites: totals.filter(\.listed).map(\.result), duration: duration)
            }
        }
    }

    // MARK: - Suites

    private mutating func suiteTotals(named name: String) -> Int {
        if let index = totalsByName[name] { return index }
        totals.append(SuiteTotals(result: TestSuiteResult(name: name, counts: TestCounts())))
        totalsByName[name] = totals.count - 1
        return totals.count - 1
    }

    private mutating func openSuite() throws(InputError) {
        var name = ""
        if let span = xml.attribute("name") {
            guard let text = span.string() else {
                throw InputError("the name of <testsuite> is not valid UTF-8", line: xml.line)
            }
            name = text
        }
        var suite = OpenSuite(depth: xml.depth, totals: suiteTotals(named: name), isSuite: true)
        suite.time = try seconds("time")
        suite.stated = StatedCounts(xml)
        open.append(suite)
    }

    private mutating func closeSuite() throws(InputError) {
        let suite = open.removeLast()
        var listed = suite.hasOwnCases
        var summarized = suite.hasSummary
        if suite.isSuite, !suite.hasCases, !suite.hasSummary, suite.stated.claimsTests {
            let stated = try suite.stated.counts()
            totals[suite.totals].result.counts = totals[suite.totals].result.counts + stated
            listed = true
            summarized = true
        }
        if !open.isEmpty {
            open[open.count - 1].hasCases = open[open.count - 1].hasCases || suite.hasCases
            open[open.count - 1].hasSummary = open[open.count - 1].hasSummary || summarized
        }
        guard listed else { return }
        totals[suite.totals].listed = true
        if let time = suite.time ?? (suite.hasCaseTime ? suite.caseTime : nil) {
            totals[suite.totals].result.duration = (totals[suite.totals].result.duration ?? 0) + time
        }
    }

    // MARK: - Test cases

    private enum Outcome {
        case passed
        case failed
        case error
        case skipped
    }

    private mutating func readCase() throws(InputError) {
        let suite = open.count - 1
        let index = open[suite].totals
        open[suite].hasOwnCases = true
        open[suite].hasCases = true
        // A self-closing case has no <failure> or <error>: only a case with children may become a problem.
        let keepsProblems = !xml.isSelfClosing && totals[index].result.problems.count < TestReport.problemLimit
        let line = keepsProblems ? xml.line : 0
        if keepsProblems { rememberCaseName() }
        if let time = try seconds("time") {
            open[suite].caseTime += time
            open[suite].hasCaseTime = true
        }
        var skipped = statesSkipped()
        var failure = ""
        var error = ""
        var failed = false
        var errored = false
        readChildren: while true {
            switch try xml.next() {
            case .startElement:
                let child = xml.localName
                if child == "error" {
                    if keepsProblems, !errored { error = try message() } else { try xml.skipElement() }
                    errored = true
                } else if child == "failure" {
                    if keepsProblems, !failed { failure = try message() } else { try xml.skipElement() }
                    failed = true
                } else {
                    skipped = skipped || child == "skipped"
                    try xml.skipElement()
                }
            case .text:
                continue
            case .endElement, .end:
                break readChildren
            }
        }
        let outcome: Outcome = errored ? .error : failed ? .failed : skipped ? .skipped : .passed
        switch outcome {
        case .passed: totals[index].result.counts.passed += 1
        case .skipped: totals[index].result.counts.skipped += 1
        case .failed: totals[index].result.counts.failed += 1
        case .error: totals[index].result.counts.errors += 1
        }
        guard keepsProblems, outcome == .failed || outcome == .error else { return }
        guard let name = String(validating: caseName, as: UTF8.self) else {
            throw InputError("the name of the test case is not valid UTF-8", line: line)
        }
        totals[index].result.problems.append(
            outcome == .error
                ? TestProblem(kind: .error, name: name, message: error)
                : TestProblem(kind: .failure, name: name, message: failure))
    }

    /// Copies `classname.name` (or whichever of the two is present) of the current `<testcase>`.
    private mutating func rememberCaseName() {
        caseName.removeAll(keepingCapacity: true)
        for attribute: StaticString in ["classname", "name"] {
            guard let part = xml.attribute(attribute), !part.isEmpty else { continue }
            if !caseName.isEmpty { caseName.append(UInt8(ascii: ".")) }
            caseName.append(contentsOf: UnsafeBufferPointer(start: part.base, count: part.count))
        }
    }

    /// The message of the `<failure>` or `<error>` just started; consumes the element.
    private mutating func message() throws(InputError) -> String {
        if let attribute = xml.attribute("message") {
            let line = try XMLTokenizer.firstLine(attribute, line: xml.line)
            if !line.isEmpty {
                try xml.skipElement()
                return line
            }
        }
        while true {
            switch try xml.next() {
            case .text:
                let line = try XMLTokenizer.firstLine(xml.text, line: xml.line)
                if !line.isEmpty {
                    try xml.skipElement()
                    return line
                }
            case .startElement:
                try xml.skipElement()
            case .endElement, .end:
                return ""
            }
        }
    }

    /// True when the current `<testcase>` says it did not run: `status` notrun, disabled or skipped (googletest,
    /// tst), or `result="skipped"` (googletest 1.11 and later), in any letter case.
    private func statesSkipped() -> Bool {
        if let status = xml.attribute("status"),
            status.equalsIgnoringCase("notrun") || status.equalsIgnoringCase("disabled")
                || status.equalsIgnoringCase("skipped")
        {
            return true
        }
        return xml.attribute("result")?.equalsIgnoringCase("skipped") == true
    }

    // MARK: - Attributes

    /// The `attribute` of the current element as a duration in seconds; nil when absent or empty.
    private func seconds(_ attribute: StaticString) throws(InputError) -> Double? {
        guard let value = xml.attribute(attribute)?.trimmed(), !value.isEmpty else { return nil }
        guard let seconds = JUnitNumbers.seconds(value), seconds >= 0 else {
            throw InputError(
                "\(attribute)=\"\(XMLSyntax.shown(value))\" is not a duration in seconds", line: xml.line)
        }
        return seconds
    }
}

/// The counts a `<testsuite>` states in its attributes, used only when it holds no test case.
private struct StatedCounts {
    private var tests = 0
    private var failures = 0
    private var errors = 0
    private var skipped = 0
    private var problem: String?
    private var line = 0

    init() {}

    init(_ xml: XMLTokenizer) {
        line = xml.line
        func count(_ name: StaticString) -> Int? {
            guard let value = xml.attribute(name)?.trimmed() else { return nil }
            if let number = value.int(), number <= 1_000_000_000 { return max(number, 0) }
            problem = problem ?? "\(name)=\"\(XMLSyntax.shown(value))\" is not a plausible number of tests"
            return 0
        }
        tests = count("tests") ?? 0
        failures = count("failures") ?? 0
        errors = count("errors") ?? 0
        skipped = (count("skipped") ?? count("skip") ?? 0) + (count("disabled") ?? 0)
    }

    /// True when the suite states that it ran tests (or states something that is not a number).
    var claimsTests: Bool { tests > 0 || problem != nil }

    /// The stated counts, or an error when they are not numbers or do not add up.
    func counts() throws(InputError) -> TestCounts {
        if let problem { throw InputError(problem, line: line) }
        guard failures + errors + skipped <= tests else {
            throw InputError(
                "the counts of <testsuite> do not add up: tests=\(tests) but failures, errors and skipped "
                    + "make \(failures + errors + skipped)", line: line)
        }
        return TestCounts(
            passed: tests - failures - errors - skipped, failed: failures, errors: errors, skipped: skipped)
    }
}

/// Number formats found in JUnit attributes.
enum JUnitNumbers {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// A finite decimal number, also with thousands separators (`1,234.5`); nil when `span` is not one.
    ///
    /// A comma is read as a thousands separator only where one can be (`1,234`, `12,345,678.9`): `0,5`, written
    /// with a decimal comma, is refused rather than misread.
    static func seconds(_ span: ByteSpan) -> Double? {
        if let value = plainDecimal(span) { return value }
        guard span.firstIndex(of: UInt8(ascii: ",")) != nil else { return span.double() }
        guard let digits = withoutThousandsSeparators(span) else { return nil }
        return digits.withUnsafeBufferPointer { buffer in
            ByteSpan(base: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count).double()
        }
    }

    /// The common case, `123` or `0.004517`, computed exactly without going through a `String`.
    @inline(__always)
    private static func plainDecimal(_ span: ByteSpan) -> Double? {
        var mantissa = 0
        var digits = 0
        var fraction = -1
        for index in 0..<span.count {
            let byte = span[index]
            if byte.isASCIIDigit {
                mantissa = mantissa &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
            } else {
                return nil
            }
        }
        // Up to 15 digits and a power of ten up to 10^22 are exact doubles: the quotient is correctly rounded.
        guard digits > 0, digits <= 15 else { return nil }
        return Double(mantissa) / powersOfTen[max(fraction, 0)]
    }

    /// The digits of `span` without its thousands separators, or nil when a comma is not one.
    private static func withoutThousandsSeparators(_ span: ByteSpan) -> [UInt8]? {
        let integerEnd = span.firstIndex(of: UInt8(ascii: ".")) ?? span.count
        var result: [UInt8] = []
        var group = 0
        var groups = 0
        for index in 0..<span.count {
            let byte = span[index]
            if byte == UInt8(ascii: ",") {
                guard index < integerEnd, groups == 0 ? (1...3).contains(group) : group == 3,
                    span[0] != UInt8(ascii: "0")
                else { return nil }
                groups += 1
                group = 0
                continue
            }
            if index < integerEnd {
                guard byte.isASCIIDigit else { return nil }
                group += 1
            }
            result.append(byte)
        }
        guard group == 3 || groups == 0 else { return nil }
        return result
    }
}

extension ByteSpan {
    /// True when the span holds `text` (ASCII) in any letter case.
    func equalsIgnoringCase(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        for index in 0..<count where self[index] | 0x20 != text.utf8Start[index] | 0x20 { return false }
        return true
    }
}
