/// Which lines of one source file are instrumented and which of those are covered.
///
/// Two bits per line, kept in pages of 64 lines sorted by page number: dense files cost about 3 bits a line,
/// a stray huge line number costs one page. Recording a line twice merges (covered if either record covers it),
/// which is how LCOV's repeated `DA` records and repeated `SF` sections combine.
public struct LineCoverageMap: Equatable, Sendable {
    /// 64 consecutive lines: bit `n` of each mask is line `number * 64 + n`.
    private struct Page: Equatable, Sendable {
        var number: UInt32
        var instrumented: UInt64 = 0
        var covered: UInt64 = 0
    }

    private var pages: [Page] = []

    public init() {}

    /// Records `line` as instrumented, and as covered when `hit` is true.
    @inline(__always)
    public mutating func record(line: UInt32, hit: Bool) {
        let page = line >> 6
        let bit = UInt64(1) << UInt64(line & 63)
        let index: Int
        if let last = pages.last, last.number == page {
            index = pages.count - 1
        } else {
            index = pageIndex(for: page)
        }
        pages[index].instrumented |= bit
        if hit { pages[index].covered |= bit }
    }

    /// The number of instrumented lines and of covered lines.
    public var count: CoverageCount {
        var total = 0
        var hits = 0
        for page in pages {
            total += page.instrumented.nonzeroBitCount
            hits += page.covered.nonzeroBitCount
        }
        return CoverageCount(covered: hits, total: total)
    }

    public var isEmpty: Bool { pages.isEmpty }

    /// The instrumented lines that are not covered, as ranges of consecutive line numbers, in order.
    public var uncoveredRanges: [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for page in pages {
            var missed = page.instrumented & ~page.covered
            while missed != 0 {
                let line = Int(page.number) << 6 + missed.trailingZeroBitCount
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
        for page in other.pages {
            let target = pageIndex(for: page.number)
            pages[target].instrumented |= page.instrumented
            pages[target].covered |= page.covered
        }
    }

    /// The index of `page` in the arrays, inserting an empty page where it belongs when it is new.
    private mutating func pageIndex(for page: UInt32) -> Int {
        if pages.last.map({ $0.number < page }) ?? true {
            pages.append(Page(number: page))
            return pages.count - 1
        }
        var low = 0
        var high = pages.count
        while low < high {
            let middle = (low + high) / 2
            if pages[middle].number < page { low = middle + 1 } else { high = middle }
        }
        if low < pages.count, pages[low].number == page { return low }
        pages.insert(Page(number: page), at: low)
        return low
    }
}
