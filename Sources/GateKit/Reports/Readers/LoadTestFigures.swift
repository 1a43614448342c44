/// Checks and converts the figures of load-test reports (k6, Locust, Gatling, ab, wrk, autocannon, Artillery):
/// durations to seconds, counts to whole numbers, each refused with a message naming what it was when it is
/// negative, not finite or absurdly large.
enum LoadTestFigures {
    /// The longest duration accepted, in seconds (about 116 days): larger is a corrupt figure, not a latency.
    static let maximumSeconds = 1e7
    /// The largest count accepted.
    static let maximumCount = 1e15

    /// `value` in the unit of which `secondsPerUnit` seconds make one (0.001 for ms), as seconds.
    static func seconds(
        _ value: Double, unit secondsPerUnit: Double, _ what: @autoclosure () -> String, line: Int? = nil
    ) throws(InputError) -> Double {
        // Dividing by 1000 (not multiplying by 0.001) gives the double nearest the decimal: 410.5 ms is 0.4105 s.
        let seconds = secondsPerUnit >= 1 ? value * secondsPerUnit : value / (1 / secondsPerUnit).rounded()
        guard value.isFinite, value >= 0, seconds <= maximumSeconds else {
            throw InputError("\(what()) is \(value), not a duration", line: line)
        }
        return seconds
    }

    /// `value` in milliseconds, as seconds.
    static func milliseconds(_ value: Double, _ what: @autoclosure () -> String, line: Int? = nil)
        throws(InputError) -> Double
    {
        try seconds(value, unit: 0.001, what(), line: line)
    }

    /// `value` as a count: a whole number from 0 to ``maximumCount``.
    static func count(_ value: Double, _ what: @autoclosure () -> String, line: Int? = nil) throws(InputError) -> Int {
        guard value.isFinite, value >= 0, value <= maximumCount, value.rounded() == value else {
            throw InputError("\(what()) is \(value), not a count", line: line)
        }
        return Int(value)
    }

    /// `value` as a rate per second: finite and not negative.
    static func rate(_ value: Double, _ what: @autoclosure () -> String, line: Int? = nil) throws(InputError) -> Double
    {
        guard value.isFinite, value >= 0, value <= maximumCount else {
            throw InputError("\(what()) is \(value), not a rate", line: line)
        }
        return value
    }

    /// A field of a text or CSV report as a number, or an error naming it.
    static func number(_ field: ByteSpan, _ what: @autoclosure () -> String, line: Int?) throws(InputError) -> Double {
        guard let value = field.trimmed().double() else {
            throw InputError("\(what()) is '\(XMLSyntax.shown(field))', not a number", line: line)
        }
        return value
    }

    /// The rank of a percentile written `p(99.9)` (k6), `99.9%` (Locust, wrk, ab), `p99_9` (autocannon) or `p999`
    /// (Artillery: digits after the first two are decimals), or nil when `name` is none of these.
    static func percentileRank(_ name: ByteSpan) -> Double? {
        var text = name.trimmed()
        if text.hasPrefix("p("), text.hasSuffix(")") {
            text = text.slice(2, text.count - 1)
        } else if text.hasSuffix("%") {
            text = text.slice(0, text.count - 1)
        } else if text.count > 1, text[0] == UInt8(ascii: "p") {
            let digits = text.dropFirst(1)
            guard let underscore = digits.firstIndex(of: UInt8(ascii: "_")) else {
                guard let whole = digits.int(), whole >= 0, digits.count <= 6 else { return nil }
                // Artillery: p50 p75 p90 p95 p99 p999 (99.9).
                let decimals = max(digits.count - 2, 0)
                return rank(Double(whole) / pow10(decimals))
            }
            guard let whole = digits.slice(0, underscore).int(), whole >= 0,
                let fraction = digits.dropFirst(underscore + 1).int(), fraction >= 0
            else { return nil }
            return rank(Double(whole) + Double(fraction) / pow10(digits.count - underscore - 1))
        } else {
            return nil
        }
        return text.double().flatMap(rank)
    }

    /// `bytes` decoded as UTF-8, or an error naming what was being read.
    static func string(_ bytes: [UInt8], _ what: @autoclosure () -> String) throws(InputError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError("\(what()) is not valid UTF-8")
        }
        return text
    }

    private static func rank(_ value: Double) -> Double? { value >= 0 && value <= 100 ? value : nil }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension JSONTokenizer {
    /// The numeric members of the object that comes next, by key; members of other kinds (strings, `null`,
    /// objects) are skipped. A number that is not finite is an error.
    func numericMembers() throws(InputError) -> [String: Double] {
        var values: [String: Double] = [:]
        try forEachMember { key throws(InputError) in
            guard try next() == .number else { return }
            guard let value = Double(bytes.description), value.isFinite else {
                throw InputError("\(key) is \(bytes), not a finite number", line: line, column: column)
            }
            values[key.description] = value
        }
        return values
    }
}

/// The words of a line, split at white space, as spans into it.
struct LoadTestWords {
    private var ranges: [(Int, Int)] = []
    private let text: ByteSpan

    init(_ text: ByteSpan) {
        self.text = text
        var from = 0
        while from < text.count {
            while from < text.count, text[from].isASCIIWhitespace { from += 1 }
            var to = from
            while to < text.count, !text[to].isASCIIWhitespace { to += 1 }
            if to > from { ranges.append((from, to)) }
            from = to
        }
    }

    var count: Int { ranges.count }

    subscript(index: Int) -> ByteSpan { text.slice(ranges[index].0, ranges[index].1) }
}
