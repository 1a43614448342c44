/// Which lines of one source file are instrumented and which of those are covered.
///
/// Two bits per line, kept in pages of 64 lines: dense files cost about 3 bits a line, a stray huge line number
/// costs one page. Recording a line twice merges (covered if either record covers it), which is how LCOV's
/// repeated `DA` records and repeated `SF` sections, and several reports of one file, combine.
public struct LineCoverageMap: Equatable, Sendable {
    /// 64 consecutive lines: bit `n` of each mask is line `page * 64 + n`.
    struct Page: Combinable {
        var instrumented: UInt64 = 0
        var covered: UInt64 = 0

        mutating func combine(_ other: Page) {
            instrumented |= other.instrumented
            covered |= other.covered
        }
    }

    private var pages = CompactingMap<Page>()

    public init() {}

    /// Records `line` as instrumented, and as covered when `hit` is true.
    @inline(__always)
    public mutating func record(line: UInt32, hit: Bool) {
        let bit = UInt64(1) << UInt64(line & 63)
        pages.record(line >> 6, Page(instrumented: bit, covered: hit ? bit : 0))
    }

    /// The number of instrumented lines and of covered lines.
    public var count: CoverageCount {
        var total = 0
        var hits = 0
        for (_, page) in pages.entries {
            total += page.instrumented.nonzeroBitCount
            hits += page.covered.nonzeroBitCount
        }
        return CoverageCount(covered: hits, total: total)
    }

    public var isEmpty: Bool { pages.isEmpty }

    /// The instrumented lines that are not covered, as ranges of consecutive line numbers, in order.
    public var uncoveredRanges: [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for (number, page) in pages.entries {
            var missed = page.instrumented & ~page.covered
            while missed != 0 {
                let line = Int(number) << 6 + missed.trailingZeroBitCount
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
        for (number, page) in other.pages.entries { pages.record(number, page) }
    }
}
