/// What happened to one test case, as the test readers other than JUnit classify it.
enum TestOutcome {
    case passed
    case failed
    case error
    case skipped
}

/// Test cases gathered per suite name, suites in the order they first appear: the shared end of the TAP, TRX,
/// NUnit, xUnit.net and CTest readers.
struct TestTally {
    private var suites: [TestSuiteResult] = []
    private var indexByName: [String: Int] = [:]

    /// The index of the suite `name`, created empty when it is new.
    mutating func suite(named name: String) -> Int {
        if let index = indexByName[name] { return index }
        suites.append(TestSuiteResult(name: name, counts: TestCounts()))
        indexByName[name] = suites.count - 1
        return suites.count - 1
    }

    /// True when a failed or errored case of `suite` would still be kept as a problem.
    func keepsProblems(in suite: Int) -> Bool { suites[suite].problems.count < TestReport.problemLimit }

    /// Counts one case; a failed or errored one is kept as a problem while the suite keeps problems.
    mutating func record(_ outcome: TestOutcome, in suite: Int, name: String = "", message: String = "") {
        switch outcome {
        case .passed: suites[suite].counts.passed += 1
        case .skipped: suites[suite].counts.skipped += 1
        case .failed: suites[suite].counts.failed += 1
        case .error: suites[suite].counts.errors += 1
        }
        guard outcome == .failed || outcome == .error, keepsProblems(in: suite) else { return }
        suites[suite].problems.append(
            TestProblem(kind: outcome == .error ? .error : .failure, name: name, message: message))
    }

    /// Counts `count` more errored cases with one problem that describes them all.
    mutating func recordErrors(_ count: Int, in suite: Int, name: String, message: String) {
        guard count > 0 else { return }
        record(.error, in: suite, name: name, message: message)
        suites[suite].counts.errors += count - 1
    }

    /// Adds `seconds` to the duration of `suite`.
    mutating func add(seconds: Double, to suite: Int) {
        suites[suite].duration = (suites[suite].duration ?? 0) + seconds
    }

    /// The report: suites with at least one case, in order of first appearance.
    func report(duration: Double? = nil) -> TestReport {
        TestReport(suites: suites.filter { $0.counts.total > 0 }, duration: duration)
    }
}

/// Reading helpers shared by the XML test-result readers.
extension XMLTokenizer {
    /// The `attribute` of the current element as UTF-8 text; "" when absent.
    func text(of name: StaticString) throws(InputError) -> String {
        guard let span = attribute(name) else { return "" }
        guard let text = span.string() else {
            throw InputError("the \(name) of <\(XMLSyntax.shown(self.name))> is not valid UTF-8", line: line)
        }
        return text
    }

    /// The `attribute` of the current element as seconds; nil when absent or empty, an error when not a duration.
    func seconds(_ attribute: StaticString) throws(InputError) -> Double? {
        guard let value = self.attribute(attribute)?.trimmed(), !value.isEmpty else { return nil }
        guard let seconds = JUnitNumbers.seconds(value), seconds >= 0 else {
            throw InputError("\(attribute)=\"\(XMLSyntax.shown(value))\" is not a duration in seconds", line: line)
        }
        return seconds
    }

    /// The first non-blank line of the text inside the element just started (at any depth), trimmed and cut to
    /// 200 characters; "" when it holds no text. Consumes the element.
    func firstTextLine() throws(InputError) -> String {
        let target = depth
        var found = ""
        while true {
            switch try next() {
            case .text:
                if found.isEmpty { found = try Self.firstLine(text, line: line) }
            case .startElement:
                continue
            case .endElement:
                if depth == target { return found }
            case .end:
                return found
            }
        }
    }

    /// The first line of the first `message` element inside the element just started, looking only through the
    /// elements named in `wrappers`; consumes the element.
    func message(_ message: StaticString, through wrappers: [StaticString]) throws(InputError) -> String {
        let target = depth
        var found = ""
        while true {
            switch try next() {
            case .startElement:
                let element = localName
                if element == message, found.isEmpty {
                    found = try firstTextLine()
                } else if !wrappers.contains(where: { element == $0 }) {
                    try skipElement()
                }
            case .endElement:
                if depth == target { return found }
            case .text:
                continue
            case .end:
                return found
            }
        }
    }

    /// The first non-blank line of `text`, trimmed and cut to 200 characters; "" when `text` is blank.
    static func firstLine(_ text: ByteSpan, line: Int) throws(InputError) -> String {
        let trimmed = text.trimmed()
        var end = 0
        var characters = 0
        while end < trimmed.count, trimmed[end] != UInt8(ascii: "\n"), trimmed[end] != UInt8(ascii: "\r") {
            if trimmed[end] & 0xC0 != 0x80 {
                if characters == 200 { break }
                characters += 1
            }
            end += 1
        }
        guard let first = trimmed.slice(0, end).trimmed().string() else {
            throw InputError("a failure message is not valid UTF-8", line: line)
        }
        return first
    }
}
