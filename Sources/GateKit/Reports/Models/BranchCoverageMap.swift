/// How many branches each line of a source file has, and how many of them were taken.
///
/// Formats name branches differently (LCOV by block and branch, Cobertura by a per-line `condition-coverage`,
/// JaCoCo by per-line counters), so the common denominator kept for merging is the per-line count. Recording a
/// line twice keeps the larger total and the larger covered count: when two reports of one file disagree on a
/// line, the merged line has the branches of the report that saw more, covered as far as the better one says.
public struct BranchCoverageMap: Equatable, Sendable {
    private var lines: [UInt32] = []
    private var counts: [CoverageCount] = []

    public init() {}

    /// Records `count` branches of `line` (merging with a record of the same line).
    public mutating func record(line: UInt32, _ count: CoverageCount) {
        if let last = lines.last, last < line {
            lines.append(line)
            counts.append(count)
            return
        }
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < line { low = middle + 1 } else { high = middle }
        }
        if low < lines.count, lines[low] == line {
            counts[low] = CoverageCount(
                covered: max(counts[low].covered, count.covered), total: max(counts[low].total, count.total))
        } else {
            lines.insert(line, at: low)
            counts.insert(count, at: low)
        }
    }

    /// The branches of all lines.
    public var count: CoverageCount { counts.reduce(.zero, +) }

    public var isEmpty: Bool { lines.isEmpty }

    /// The lines with branches not taken, with their counts, in line order.
    public var partiallyCovered: [(line: Int, count: CoverageCount)] {
        zip(lines, counts).filter { $0.1.covered < $0.1.total }.map { (Int($0.0), $0.1) }
    }

    /// Adds every line of `other` (per line: the larger total, the larger covered count).
    public mutating func merge(_ other: BranchCoverageMap) {
        for (line, count) in zip(other.lines, other.counts) { record(line: line, count) }
    }
}
