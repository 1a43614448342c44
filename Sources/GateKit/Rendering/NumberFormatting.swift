/// Number formatting shared by every renderer: thousands separators, units, and as many digits as it takes for a
/// value never to look equal to a threshold it differs from.
public enum NumberFormatting {
    /// An integer with thousands separators: `75,710`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `value` with `decimals` digits after the point, thousands separated, without a trailing `.000`-style tail
    /// when `trimZeros` is set.
    public static func decimal(_ value: Double, decimals: Int, trimZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let scale = pow10(decimals)
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = rounded.rounded(.down)
        var fraction = ""
        if decimals > 0 {
            let digits = Int(((rounded - whole) * scale).rounded())
            fraction = String(digits)
            fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
            if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        }
        let integer = whole < 1e15 ? count(Int(whole)) : String(whole)
        let sign = value < 0 && rounded != 0 ? "-" : ""
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The number of decimals (at least `minimum`) at which `value` and `threshold` print differently when they
    /// differ: 94.996 against 95 prints as 94.996, never as 95.00.
    public static func decimals(toSeparate value: Double, from threshold: Double, minimum: Int) -> Int {
        guard value != threshold, value.isFinite, threshold.isFinite else { return minimum }
        var decimals = minimum
        while decimals < 12, decimal(value, decimals: decimals) == decimal(threshold, decimals: decimals) {
            decimals += 1
        }
        return decimals
    }

    /// A value of `kind` for people: `93.41%`, `1,204`, `187 ms`, `1.5 s`, `512 MB`, `1,234.5/s`.
    ///
    /// Durations take the largest unit in which they are at least 1 (ns, µs, ms, s; min from 10 minutes, h from
    /// 10 hours): 1.234 s is `1.23 s`. Beside a threshold, value and threshold share the unit of the smaller of the
    /// two, so that they compare at a glance: 1.234 s against 500 ms is `1,234 ms`. Sizes are decimal (1 KB = 1,000
    /// B). Percentages have two decimals, more only where two decimals would print a miss as the threshold itself.
    public static func quantity(_ value: Double, _ kind: UnitKind, against threshold: Double? = nil) -> String {
        switch kind {
        case .percent:
            let places = decimals(toSeparate: value, from: threshold ?? value, minimum: 2)
            return decimal(value, decimals: places) + "%"
        case .count:
            if value == value.rounded(), abs(value) < 1e15 { return count(Int(value)) }
            return decimal(value, decimals: decimals(toSeparate: value, from: threshold ?? value, minimum: 2))
        case .duration:
            let (scale, symbol) = durationScale(threshold.map { min(abs($0), abs(value)) } ?? abs(value))
            return scaled(value / scale, against: threshold.map { $0 / scale }) + " " + symbol
        case .bytes:
            let (scale, symbol) = byteScale(abs(value))
            return scaled(value / scale, against: threshold.map { $0 / scale }) + " " + symbol
        case .rate:
            return scaled(value, against: threshold) + "/s"
        }
    }

    private static func scaled(_ value: Double, against threshold: Double?) -> String {
        let minimum = value == value.rounded() ? 0 : (threshold == nil ? 2 : 1)
        let places = decimals(toSeparate: value, from: threshold ?? value, minimum: minimum)
        return decimal(value, decimals: places, trimZeros: threshold == nil)
    }

    private static func durationScale(_ seconds: Double) -> (Double, String) {
        if seconds == 0 { return (1e-3, "ms") }
        if seconds >= 3600 * 10 { return (3600, "h") }
        if seconds >= 60 * 10 { return (60, "min") }
        if seconds >= 1 { return (1, "s") }
        if seconds >= 1e-3 { return (1e-3, "ms") }
        if seconds >= 1e-6 { return (1e-6, "µs") }
        return (1e-9, "ns")
    }

    private static func byteScale(_ bytes: Double) -> (Double, String) {
        if bytes >= 1e9 { return (1e9, "GB") }
        if bytes >= 1e6 { return (1e6, "MB") }
        if bytes >= 1e3 { return (1e3, "KB") }
        return (1, "B")
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
