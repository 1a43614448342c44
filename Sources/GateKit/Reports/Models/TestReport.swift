/// How many test cases ended in each state.
public struct TestCounts: Equatable, Sendable {
    public var passed = 0
    public var failed = 0
    public var errors = 0
    public var skipped = 0

    public init(passed: Int = 0, failed: Int = 0, errors: Int = 0, skipped: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.skipped = skipped
    }

    /// Every test case: passed + failed + errors + skipped.
    public var total: Int { passed + failed + errors + skipped }

    public static func + (lhs: TestCounts, rhs: TestCounts) -> TestCounts {
        TestCounts(
            passed: lhs.passed + rhs.passed, failed: lhs.failed + rhs.failed, errors: lhs.errors + rhs.errors,
            skipped: lhs.skipped + rhs.skipped)
    }
}

/// A test case that did not pass, kept to show the user what failed.
public struct TestProblem: Equatable, Sendable {
    public enum Kind: String, Sendable { case failure, error }
    public var kind: Kind
    /// `classname.name` (or just the name when there is no class name).
    public var name: String
    /// The first line of the failure message, if any.
    public var message: String

    public init(kind: Kind, name: String, message: String) {
        self.kind = kind
        self.name = name
        self.message = message
    }
}

/// The results of one test suite (the innermost suite that holds its test cases).
public struct TestSuiteResult: Equatable, Sendable {
    public var name: String
    public var counts: TestCounts
    /// Seconds, when the report states them.
    public var duration: Double?
    /// The failed and errored cases, in report order, at most ``TestReport/problemLimit`` of them.
    public var problems: [TestProblem]

    public init(name: String, counts: TestCounts, duration: Double? = nil, problems: [TestProblem] = []) {
        self.name = name
        self.counts = counts
        self.duration = duration
        self.problems = problems
    }
}

/// A test-results report: its suites, in report order.
public struct TestReport: Equatable, Sendable {
    /// Failed cases kept per suite for display; the counts always include every case.
    public static let problemLimit = 20

    public var suites: [TestSuiteResult]
    /// The run's wall-clock duration in seconds when the report states one for the whole run.
    public var duration: Double?

    public init(suites: [TestSuiteResult], duration: Double? = nil) {
        self.suites = suites
        self.duration = duration
    }
}
