/// How many branches each line of a source file has, and how many of them were taken.
///
/// Formats name branches differently (LCOV by block and branch, Cobertura by a per-line `condition-coverage`,
/// JaCoCo by per-line counters), so the common denominator kept for merging is the per-line count. Recording a
/// line twice keeps the larger total and the larger covered count: when two reports of one file disagree on a
/// line, the merged line has the branches of the report that saw more, covered as far as the better one says.
public struct BranchCoverageMap: Equatable, Sendable {
    /// One line's branches (12 bytes with its key: a few bytes a branch line).
    struct Branches: Combinable {
        var covered: UInt32
        var total: UInt32

        mutating func combine(_ other: Branches) {
            covered = max(covered, other.covered)
            total = max(total, other.total)
        }
    }

    private var lines = CompactingMap<Branches>()

    public init() {}

    /// Records `count` branches of `line` (merging with a record of the same line).
    public mutating func record(line: UInt32, _ count: CoverageCount) {
        lines.record(line, Branches(covered: UInt32(clamping: count.covered), total: UInt32(clamping: count.total)))
    }

    /// The branches of all lines.
    public var count: CoverageCount {
        lines.entries.reduce(.zero) { $0 + CoverageCount(covered: Int($1.value.covered), total: Int($1.value.total)) }
    }

    public var isEmpty: Bool { lines.isEmpty }

    /// The lines with branches not taken, with their counts, in line order.
    public var partiallyCovered: [(line: Int, count: CoverageCount)] {
        lines.entries.filter { $0.value.covered < $0.value.total }
            .map { (Int($0.key), CoverageCount(covered: Int($0.value.covered), total: Int($0.value.total))) }
    }

    /// Adds every line of `other` (per line: the larger total, the larger covered count).
    public mutating func merge(_ other: BranchCoverageMap) {
        for (line, branches) in other.lines.entries { lines.record(line, branches) }
    }
}
