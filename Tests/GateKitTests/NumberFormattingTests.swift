import Testing

@testable import GateKit

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (75710, "75,710"), (1_234_567, "1,234,567"), (-1204, "-1,204"),
    ])
    func countsHaveThousandsSeparators(_ value: Int, _ text: String) {
        #expect(NumberFormatting.count(value) == text)
    }

    @Test func aMissIsNeverPrintedAsATie() {
        #expect(NumberFormatting.quantity(94.996, .percent, against: 95) == "94.996%")
        #expect(NumberFormatting.quantity(94.9999, .percent, against: 95) == "94.9999%")
        #expect(NumberFormatting.quantity(95.004, .percent, against: 95) == "95.004%")
        #expect(NumberFormatting.quantity(93.41, .percent, against: 95) == "93.41%")
        #expect(NumberFormatting.quantity(95, .percent, against: 95) == "95.00%")
        #expect(NumberFormatting.quantity(0.2004, .duration, against: 0.2) == "200.4 ms")
    }

    @Test func quantitiesUseHumanUnits() {
        #expect(NumberFormatting.quantity(0.187, .duration) == "187 ms")
        #expect(NumberFormatting.quantity(1.5, .duration) == "1.5 s")
        #expect(NumberFormatting.quantity(0.000_042, .duration) == "42 µs")
        #expect(NumberFormatting.quantity(3e-9, .duration) == "3 ns")
        #expect(NumberFormatting.quantity(0, .duration) == "0 ms")
        #expect(NumberFormatting.quantity(900, .duration) == "15 min")
        #expect(NumberFormatting.quantity(599, .duration) == "599 s")
        #expect(NumberFormatting.quantity(36_000, .duration) == "10 h")
        #expect(NumberFormatting.quantity(1.234, .duration) == "1.23 s")
        #expect(NumberFormatting.quantity(1.234, .duration, against: 0.5) == "1,234 ms", "the threshold's unit")
        #expect(NumberFormatting.quantity(12_345, .count) == "12,345")
        #expect(NumberFormatting.quantity(1_850, .bytes) == "1.85 KB")
        #expect(NumberFormatting.quantity(512_000_000, .bytes) == "512 MB")
        #expect(NumberFormatting.quantity(3_000_000_000, .bytes) == "3 GB")
        #expect(NumberFormatting.quantity(140, .bytes) == "140 B")
        #expect(NumberFormatting.quantity(1234.5, .rate) == "1,234.5/s")
        #expect(NumberFormatting.quantity(3, .count) == "3")
        #expect(NumberFormatting.quantity(2.5, .count) == "2.50")
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(NumberFormatting.decimal(1.005, decimals: 1) == "1.0")
        #expect(NumberFormatting.decimal(2.625, decimals: 2) == "2.63")
        #expect(NumberFormatting.decimal(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormatting.decimal(-12.5, decimals: 0) == "-13")
        #expect(NumberFormatting.decimal(.nan, decimals: 2) == "NaN")
        #expect(NumberFormatting.decimal(-.infinity, decimals: 2) == "-∞")
    }
}
