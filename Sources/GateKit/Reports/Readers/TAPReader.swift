/// Reads TAP, the Test Anything Protocol (versions 12, 13 and 14): prove, node-tap, tape, Test::More, bats,
/// pytest-tap and the like.
///
/// Rules, following prove (TAP::Harness):
/// - Only top-level lines count; indented lines (TAP 14 subtests, YAML diagnostics blocks, indented comments) are
///   skipped, because each subtest ends in a top-level test point that sums it up: node-tap's 71 assertions in
///   22 subtests under `ok 1 - test/tap/access.js` with plan `1..1` are one test, as prove counts it.
/// - `ok` → passed; `not ok` → failed; a `# SKIP` directive (any case, `skip`, `skipped`…) makes an `ok`
///   skipped (a `not ok # SKIP` still fails, as prove says); a `# TODO` directive makes `not ok` skipped (an
///   expected failure does not fail) and `ok` passed.
/// - The plan `1..N` may come first or last (`1..0` plans no tests). Test points missing from the plan count as
///   errors, one problem describing them ("planned 5 tests but ran 3"); test points beyond the plan count as one
///   more error; a stream with test points and no plan is one error ("no plan"), since prove fails all three.
/// - `Bail out!` stops the stream: the reason is the problem of the planned tests that did not run, or of one
///   error when none were planned or missing. Lines after it are not read.
/// - Test numbers are not checked; `TAP version`, comments, pragmas and unknown lines are ignored. Everything is
///   one suite named "" (TAP has no grouping below the file). Failed cases are kept as problems named by the
///   description (without the number and `-`), with the directive's text as the message of a failing TODO-less
///   point (usually empty). TAP states no durations.
public enum TAPReader: ReportReader {
    public static let category = ReportCategory.tests
    public static let displayName = "TAP (Test Anything Protocol)"

    /// Text whose first line that is not blank or a comment is `TAP version N`, a plan or a test point.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        for line in head.lines(limit: 16) {
            if line.trimmed().isEmpty || line.hasPrefix("#") { continue }
            return line.hasPrefix("TAP version ") || TAPLine.plan(line) != nil || TAPLine.testPoint(line) != nil
        }
        return false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var lines = LineScanner(input)
        var tally = TestTally()
        let suite = tally.suite(named: "")
        var plan: Int?
        var seen = 0
        var bailOut: String?
        while let line = try lines.nextLine() {
            guard line.count > 0, !line[0].isASCIIWhitespace else { continue }
            if let point = TAPLine.testPoint(line) {
                seen += 1
                try point.record(into: &tally, suite: suite, line: lines.lineNumber)
            } else if let planned = TAPLine.plan(line) {
                guard plan == nil else {
                    throw InputError("a second plan: a TAP stream has one plan", line: lines.lineNumber)
                }
                plan = planned
            } else if line.hasPrefix("Bail out!") {
                bailOut = try line.dropFirst(9).trimmed().string("the Bail out! reason")
                break
            }
        }
        guard seen > 0 || plan != nil || bailOut != nil else {
            throw InputError("not a TAP stream: no plan (1..N) and no test point (ok / not ok)", line: 1)
        }
        let reason = bailOut.map { "Bail out! \($0)" }
        if let plan, seen < plan {
            tally.recordErrors(
                plan - seen, in: suite, name: "missing tests",
                message: reason ?? "planned \(plan) tests but ran \(seen)")
        } else if let reason {
            tally.record(.error, in: suite, name: "Bail out!", message: reason)
        } else if let plan, seen > plan {
            tally.record(.error, in: suite, name: "extra tests", message: "planned \(plan) tests but ran \(seen)")
        } else if plan == nil {
            tally.record(.error, in: suite, name: "no plan", message: "ran \(seen) tests without a plan (1..N)")
        }
        return .tests(tally.report())
    }
}

/// The parts of one top-level TAP line.
struct TAPLine {
    var ok: Bool
    var skip = false
    var todo = false
    var description: ByteSpan
    var directive: ByteSpan

    /// The plan `1..N` (optionally followed by a `#` comment), or nil when `line` is not one.
    static func plan(_ line: ByteSpan) -> Int? {
        guard line.hasPrefix("1..") else { return nil }
        var end = 3
        while end < line.count, line[end].isASCIIDigit { end += 1 }
        guard end > 3, end == line.count || line[end] == UInt8(ascii: " ") || line[end] == UInt8(ascii: "#"),
            let count = line.slice(3, end).int(), count <= 1_000_000_000
        else { return nil }
        return count
    }

    /// The test point `ok`/`not ok` [number] [-] [description] [# directive], or nil when `line` is not one.
    static func testPoint(_ line: ByteSpan) -> TAPLine? {
        var rest: ByteSpan
        let ok: Bool
        if line.hasPrefix("not ok") {
            rest = line.dropFirst(6)
            ok = false
        } else if line.hasPrefix("ok") {
            rest = line.dropFirst(2)
            ok = true
        } else {
            return nil
        }
        // `ok` must end the line or be followed by one space and a number, a `-`, a `#` or a description.
        if rest.count > 0 {
            guard rest[0] == UInt8(ascii: " "), rest.count == 1 || !rest[1].isASCIIWhitespace else { return nil }
            rest = rest.dropFirst(1)
        }
        var index = 0
        while index < rest.count, rest[index].isASCIIDigit { index += 1 }
        rest = rest.dropFirst(index).trimmed()
        if rest.hasPrefix("-") { rest = rest.dropFirst(1).trimmed() }
        var point = TAPLine(ok: ok, description: rest, directive: rest.slice(0, 0))
        if let hash = unescapedHash(rest) {
            point.description = rest.slice(0, hash).trimmed()
            let directive = rest.dropFirst(hash + 1).trimmed()
            point.directive = directive
            point.skip = directive.count >= 4 && directive.slice(0, 4).equalsIgnoringCase("skip")
            point.todo = directive.count >= 4 && directive.slice(0, 4).equalsIgnoringCase("todo")
        }
        return point
    }

    /// The index of the first `#` not escaped as `\#`.
    private static func unescapedHash(_ text: ByteSpan) -> Int? {
        var index = 0
        while let hash = text.firstIndex(of: UInt8(ascii: "#"), from: index) {
            if hash == 0 || text[hash - 1] != UInt8(ascii: "\\") { return hash }
            index = hash + 1
        }
        return nil
    }

    func record(into tally: inout TestTally, suite: Int, line: Int) throws(InputError) {
        let outcome: TestOutcome = todo ? (ok ? .passed : .skipped) : ok ? (skip ? .skipped : .passed) : .failed
        guard outcome == .failed, tally.keepsProblems(in: suite) else { return tally.record(outcome, in: suite) }
        let name = try description.string("the description of a test point")
        let message = try directive.string("the directive of a test point")
        tally.record(.failed, in: suite, name: name, message: message)
    }
}
