/// Covered and total counts of one kind of coverage item (lines, branches or functions).
public struct CoverageCount: Equatable, Sendable {
    public var covered: Int
    public var total: Int

    public init(covered: Int, total: Int) {
        self.covered = covered
        self.total = total
    }

    public static let zero = CoverageCount(covered: 0, total: 0)

    /// Covered as a percentage of total, or nil when there is nothing to cover (never "100% of nothing").
    public var percent: Double? { total > 0 ? Double(covered) * 100 / Double(total) : nil }

    public static func + (lhs: CoverageCount, rhs: CoverageCount) -> CoverageCount {
        CoverageCount(covered: lhs.covered + rhs.covered, total: lhs.total + rhs.total)
    }
}

/// The coverage of one source file, as a report states it.
public struct FileCoverage: Equatable, Sendable {
    /// The source path as written in the report (before any `strip` or root mapping).
    public var path: String
    public var lines: CoverageCount
    /// Nil when the report carries no branch data for this file.
    public var branches: CoverageCount?
    /// Nil when the report carries no function data for this file.
    public var functions: CoverageCount?

    public init(path: String, lines: CoverageCount, branches: CoverageCount? = nil, functions: CoverageCount? = nil) {
        self.path = path
        self.lines = lines
        self.branches = branches
        self.functions = functions
    }
}

/// A coverage report: one entry per source file, in the order the report lists them.
public struct CoverageReport: Equatable, Sendable {
    public var files: [FileCoverage]

    public init(files: [FileCoverage]) { self.files = files }
}
