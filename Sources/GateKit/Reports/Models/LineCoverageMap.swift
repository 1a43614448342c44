/// Which lines of one source file are instrumented and which of those are covered.
///
/// Two bits per line, kept in pages of 64 lines sorted by page number: dense files cost about 3 bits a line,
/// a stray huge line number costs one page. Recording a line twice merges (covered if either record covers it),
/// which is how LCOV's repeated `DA` records and repeated `SF` sections combine.
public struct LineCoverageMap: Equatable, Sendable {
    private var pageNumbers: [UInt32] = []
    private var instrumented: [UInt64] = []
    private var covered: [UInt64] = []

    public init() {}

    /// Records `line` as instrumented, and as covered when `hit` is true.
    @inline(__always)
    public mutating func record(line: UInt32, hit: Bool) {
        let page = line >> 6
        let bit = UInt64(1) << UInt64(line & 63)
        let index: Int
        if let last = pageNumbers.last, last == page {
            index = pageNumbers.count - 1
        } else {
            index = pageIndex(for: page)
        }
        instrumented[index] |= bit
        if hit { covered[index] |= bit }
    }

    /// The number of instrumented lines and of covered lines.
    public var count: CoverageCount {
        var total = 0
        var hits = 0
        for index in pageNumbers.indices {
            total += instrumented[index].nonzeroBitCount
            hits += covered[index].nonzeroBitCount
        }
        return CoverageCount(covered: hits, total: total)
    }

    public var isEmpty: Bool { pageNumbers.isEmpty }

    /// The instrumented lines that are not covered, as ranges of consecutive line numbers, in order.
    public var uncoveredRanges: [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for index in pageNumbers.indices {
            var missed = instrumented[index] & ~covered[index]
            while missed != 0 {
                let line = Int(pageNumbers[index]) << 6 + missed.trailingZeroBitCount
                missed &= missed - 1
                if let last = ranges.last, last.upperBound == line - 1 {
                    ranges[ranges.count - 1] = last.lowerBound...line
                } else {
                    ranges.append(line...line)
                }
            }
        }
        return ranges
    }

    /// Adds every line of `other` (union; a line is covered if either map covers it).
    public mutating func merge(_ other: LineCoverageMap) {
        for index in other.pageNumbers.indices {
            let target = pageIndex(for: other.pageNumbers[index])
            instrumented[target] |= other.instrumented[index]
            covered[target] |= other.covered[index]
        }
    }

    /// The index of `page` in the arrays, inserting an empty page where it belongs when it is new.
    private mutating func pageIndex(for page: UInt32) -> Int {
        if pageNumbers.last.map({ $0 < page }) ?? true {
            pageNumbers.append(page)
            instrumented.append(0)
            covered.append(0)
            return pageNumbers.count - 1
        }
        var low = 0
        var high = pageNumbers.count
        while low < high {
            let middle = (low + high) / 2
            if pageNumbers[middle] < page { low = middle + 1 } else { high = middle }
        }
        if low < pageNumbers.count, pageNumbers[low] == page { return low }
        pageNumbers.insert(page, at: low)
        instrumented.insert(0, at: low)
        covered.insert(0, at: low)
        return low
    }
}
