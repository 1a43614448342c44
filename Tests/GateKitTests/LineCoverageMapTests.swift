import Testing

@testable import GateKit

@Suite struct LineCoverageMapTests {
    @Test func recordsMergeACoveredLineWins() {
        var map = LineCoverageMap()
        map.record(line: 3, hit: false)
        map.record(line: 3, hit: true)
        map.record(line: 4, hit: true)
        map.record(line: 4, hit: false)
        map.record(line: 5, hit: false)
        #expect(map.count == CoverageCount(covered: 2, total: 3))
        #expect(map.uncoveredRanges == [5...5])
    }

    @Test func linesOutOfOrderAndFarApartAreKept() {
        var map = LineCoverageMap()
        for line: UInt32 in [1000, 2, 70, 64, 63, 4_000_000_000, 1] { map.record(line: line, hit: line % 2 == 0) }
        #expect(map.count == CoverageCount(covered: 5, total: 7))
        #expect(map.uncoveredRanges == [1...1, 63...63])
    }

    @Test func uncoveredRangesJoinConsecutiveLinesAcrossPages() {
        var map = LineCoverageMap()
        for line: UInt32 in 60...70 { map.record(line: line, hit: line == 65) }
        #expect(map.uncoveredRanges == [60...64, 66...70])
    }

    @Test func mergeIsAUnion() {
        var first = LineCoverageMap()
        var second = LineCoverageMap()
        first.record(line: 1, hit: true)
        first.record(line: 2, hit: false)
        second.record(line: 2, hit: true)
        second.record(line: 200, hit: false)
        first.merge(second)
        #expect(first.count == CoverageCount(covered: 2, total: 3))
        #expect(first.uncoveredRanges == [200...200])
        #expect(LineCoverageMap().isEmpty)
    }
}
