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
///
/// The counts are what the producing tool's own summary counts. The maps, when the format has line detail, say
/// which lines (and how many branches of each line) are covered: they let several reports of one file be unioned
/// and let `protocol explain` list uncovered line ranges. A reader gives `lineMap` only when its `lines` count is
/// a count of lines (Go's coverprofile counts statements, so it gives none) — except OpenCover, whose counts are its
/// sequence points as its own Summary states them, with a map of the lines they span; a file merged with another
/// report of it is then counted in lines (see ``union(_:)``).
public struct FileCoverage: Equatable, Sendable {
    /// The source path as written in the report (before any `strip` or root mapping).
    public var path: String
    public var lines: CoverageCount
    /// Nil when the report carries no branch data for this file.
    public var branches: CoverageCount?
    /// Nil when the report carries no function data for this file.
    public var functions: CoverageCount?
    /// Which lines are instrumented and covered, when the report says; `lineMap.count` equals `lines` then (OpenCover
    /// aside).
    public var lineMap: LineCoverageMap?
    /// Covered and total branches of each line, when the report gives them per line.
    public var branchMap: BranchCoverageMap?

    public init(
        path: String, lines: CoverageCount, branches: CoverageCount? = nil, functions: CoverageCount? = nil,
        lineMap: LineCoverageMap? = nil, branchMap: BranchCoverageMap? = nil
    ) {
        self.path = path
        self.lines = lines
        self.branches = branches
        self.functions = functions
        self.lineMap = lineMap
        self.branchMap = branchMap
    }

    /// A file whose line counts come from its line map.
    public init(
        path: String, lineMap: LineCoverageMap, branches: CoverageCount? = nil, functions: CoverageCount? = nil,
        branchMap: BranchCoverageMap? = nil
    ) {
        self.init(
            path: path, lines: lineMap.count, branches: branches ?? branchMap?.count, functions: functions,
            lineMap: lineMap, branchMap: branchMap)
    }
}

/// A coverage report: one entry per source file, in the order the report lists them.
public struct CoverageReport: Equatable, Sendable {
    public var files: [FileCoverage]
    /// Folders the report says its relative file paths are relative to (Cobertura's `<sources>`), in order.
    public var sourceRoots: [String]

    /// Overall percentages a report states with no counts behind them (SimpleCov's `.last_run.json`), keyed by
    /// item: `lines`, `branches`, `functions`. Such a report lists no files.
    public var statedPercentages: [String: Double]

    public init(files: [FileCoverage], sourceRoots: [String] = [], statedPercentages: [String: Double] = [:]) {
        self.files = files
        self.sourceRoots = sourceRoots
        self.statedPercentages = statedPercentages
    }
}
