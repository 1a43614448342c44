import Testing

@testable import GateKit

@Suite struct TAPReaderTests {
    private func read(_ text: String) throws -> TestReport { try readTests(TAPReader.self, text) }

    @Test func recognizesTAPStartsOnly() {
        func recognizes(_ text: String) -> Bool { withByteSpan(text) { TAPReader.recognizes(ContentHead($0)) } }
        #expect(recognizes("TAP version 14\n1..1\nok 1\n"))
        #expect(recognizes("\n# comment first\n1..3\n"))
        #expect(recognizes("ok 1 - works\n"))
        #expect(recognizes("not ok\n"))
        #expect(!recognizes("ok  \tgithub.com/acme/app\t0.012s\n"))
        #expect(!recognizes("okay then\n"))
        #expect(!recognizes("1..x\n"))
        #expect(!recognizes("src/main.c:3:1: error: oops\n"))
        #expect(!recognizes("<testsuite/>"))
        #expect(!recognizes("# only comments\n"))
    }

    @Test func recognition() throws { try checkCorpusRecognition(.tap, folder: "tests/tap/") }

    @Test func proveFixture() throws {
        let report = try readTestFixture(TAPReader.self, "tap/prove.tap")
        // prove: "Failed 1/6 subtests (1 TODO test unexpectedly succeeded) (less 1 skipped subtest: 4 okay)":
        // the failing TODO is skipped, the passing one passed; the indented subtest and YAML block are not counted.
        #expect(report.suites.map(\.name) == [""])
        #expect(totalCounts(report) == TestCounts(passed: 3, failed: 1, skipped: 2))
        #expect(
            report.suites.first?.problems == [TestProblem(kind: .failure, name: "parses a nested list", message: "")])
        #expect(report.duration == nil)
    }

    @Test func nodeTapSubtestsCountTheirTopLevelPoint() throws {
        let report = try readTestFixture(TAPReader.self, "tap/node-tap-subtests.tap")
        // node-tap: "# failed 1 of 2 tests".
        #expect(totalCounts(report) == TestCounts(passed: 1, failed: 1))
        #expect(
            report.suites.first?.problems
                == [TestProblem(kind: .failure, name: "test/store.js", message: "time=8.8ms")])
    }

    @Test func bailOutMakesTheMissingTestsErrors() throws {
        let report = try readTestFixture(TAPReader.self, "tap/bail-out.tap")
        // prove: "Bailout called.  Further testing stopped:  database unreachable"; the line after it is not read.
        #expect(totalCounts(report) == TestCounts(passed: 1, errors: 3))
        #expect(
            report.suites.first?.problems
                == [TestProblem(kind: .error, name: "missing tests", message: "Bail out! database unreachable")])
        let unplanned = try read("ok 1\nBail out!\n")
        #expect(totalCounts(unplanned) == TestCounts(passed: 1, errors: 1))
        #expect(unplanned.suites.first?.problems.first?.message == "Bail out! ")
    }

    @Test func planProblemsAreErrors() throws {
        let short = try read("1..3\nok 1\nnot ok 2 - b\n")
        #expect(totalCounts(short) == TestCounts(passed: 1, failed: 1, errors: 1))
        #expect(short.suites.first?.problems.last?.message == "planned 3 tests but ran 2")
        let long = try read("1..1\nok 1\nok 2\n")
        #expect(totalCounts(long) == TestCounts(passed: 2, errors: 1))
        #expect(long.suites.first?.problems.first?.name == "extra tests")
        let unplanned = try read("ok\nok\n")
        #expect(totalCounts(unplanned) == TestCounts(passed: 2, errors: 1))
        #expect(unplanned.suites.first?.problems.first?.message == "ran 2 tests without a plan (1..N)")
        #expect(
            try read("1..2\nok 1\nok 2\n")
                == TestReport(suites: [TestSuiteResult(name: "", counts: TestCounts(passed: 2))]))
        #expect(try read("TAP version 13\n1..0 # SKIP no database\n") == TestReport(suites: []))
        #expect(totalCounts(try read("ok 1\nok 2\n1..2\n")) == TestCounts(passed: 2))
    }

    @Test func directivesAndDescriptions() throws {
        let report = try read(
            """
            1..6
            ok 1 - a # skip not here
            ok 2 - b # SKIPPED: later
            not ok 3 - c # Skip still fails
            not ok 4 - d \\# not a directive
            not ok 5 e # todo later
            ok 6 # TODO done early
            """)
        #expect(totalCounts(report) == TestCounts(passed: 1, failed: 2, skipped: 3))
        #expect(
            report.suites.first?.problems == [
                TestProblem(kind: .failure, name: "c", message: "Skip still fails"),
                TestProblem(kind: .failure, name: "d \\# not a directive", message: ""),
            ])
    }

    @Test func indentedAndUnknownLinesAreIgnored() throws {
        let report = try read("1..1\n    not ok 1 - inner\n\tnot ok 2\nnoise\npragma +strict\n# not ok\nok 1\n")
        #expect(totalCounts(report) == TestCounts(passed: 1))
    }

    @Test func problemsAreLimitedButCountsAreNot() throws {
        let report = try read("1..50\n" + (1...50).map { "not ok \($0) - t\($0)" }.joined(separator: "\n"))
        #expect(totalCounts(report) == TestCounts(failed: 50))
        #expect(report.suites.first?.problems.count == TestReport.problemLimit)
    }

    @Test func wrongStreamsAreRefused() {
        #expect(testReadError(TAPReader.self, "hello\nworld\n")?.message.contains("not a TAP stream") == true)
        #expect(
            testReadError(TAPReader.self, "1..2\nok 1\n1..2\n")
                == InputError("a second plan: a TAP stream has one plan", line: 3))
        let invalid = InputBuffer(source: MemoryByteSource(Array("1..1\nnot ok 1 - ".utf8) + [0xFF]))
        #expect(throws: InputError.self) { try readTests(TAPReader.self, invalid) }
    }

    @Test func absurdPlansAreNotPlans() throws {
        #expect(withByteSpan("1..99999999999999999999") { TAPLine.plan($0) } == nil)
        #expect(withByteSpan("1..1000000001") { TAPLine.plan($0) } == nil)
        #expect(withByteSpan("1..7 # seven") { TAPLine.plan($0) } == 7)
        let report = try read("1..99999999999999999999\nok 1\n")
        #expect(totalCounts(report) == TestCounts(passed: 1, errors: 1))
    }

    @Test func corpusFilesAgreeWithTheirProducers() throws {
        try checkCorpusCounts(TAPReader.self, formats: ["tap"])
        // Disputed: node-tap's 71 assertions in subtests are one top-level test (plan 1..1), as prove counts.
        if let counts = try corpusCounts(TAPReader.self, "tests/tap/tap-plugin-subtest-sample.tap") {
            #expect(counts == TestCounts(passed: 1))
        }
    }

    @Test func badInput() throws {
        let sample = "TAP version 13\n1..3\nok 1 - a\nnot ok 2 - café\n  ---\n  message: no\n  ...\nok 3 # SKIP c\n"
        try BadInputMatrix(format: .tap, sample: sample, truncated: nil).check()
    }
}
