/// Checks and conversions shared by the readers of microbenchmark reports (hyperfine, Go, Google Benchmark,
/// pytest-benchmark).
enum MicrobenchmarkFigures {
    /// The longest duration accepted, in seconds (about 116 days): a larger figure is a corrupt report.
    static let maximumSeconds = 1e7

    /// `value` in a unit of which `perSecond` make a second, as seconds; an error unless it is finite, not negative
    /// and not absurd. Dividing by an exact power of ten gives the decimal figure's nearest `Double` in seconds.
    static func seconds(
        _ value: Double, perSecond: Double = 1, _ what: @autoclosure () -> String, line: Int? = nil,
        column: Int? = nil
    ) throws(InputError) -> Double {
        let seconds = value / perSecond
        guard value.isFinite else { throw InputError("\(what()) is not a finite number", line: line, column: column) }
        guard value >= 0 else { throw InputError("\(what()) is negative (\(value))", line: line, column: column) }
        guard seconds <= maximumSeconds else {
            throw InputError(
                "\(what()) is absurdly large (\(value), over \(Int(maximumSeconds)) seconds)", line: line,
                column: column)
        }
        return seconds
    }

    /// How many of a time unit the tools write make a second: `ns`, `us` (or `µs`), `ms`, `s`.
    static func perSecond(ofTimeUnit unit: ByteSpan) -> Double? {
        if unit == "ns" { return 1e9 }
        if unit == "us" || unit == "µs" { return 1e6 }
        if unit == "ms" { return 1e3 }
        if unit == "s" { return 1 }
        return nil
    }

    /// Reads a JSON number, or nil for `null`; anything else is an error.
    static func optionalNumber(_ json: JSONTokenizer) throws(InputError) -> Double? {
        let token = try json.next()
        if token == .null { return nil }
        guard token == .number else {
            throw InputError("expected a number, found \(token)", line: json.line, column: json.column)
        }
        guard let value = json.bytes.double() else {
            throw InputError("\(json.bytes) is not a finite number", line: json.line, column: json.column)
        }
        return value
    }

    /// True when the head is a JSON object whose member `array` holds an object first, and that object has every
    /// key of `keys` (other members, before and inside, are skipped).
    static func firstElement(of head: ContentHead, in array: StaticString, has keys: [StaticString]) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                guard json.bytes == array else {
                    try json.skipValue()
                    continue
                }
                guard try json.next() == .beginArray, try json.next() == .beginObject else { return false }
                var missing = keys.count
                var seen = [Bool](repeating: false, count: keys.count)
                while try json.next() == .key {
                    if let index = keys.firstIndex(where: { json.bytes == $0 }), !seen[index] {
                        seen[index] = true
                        missing -= 1
                        if missing == 0 { return true }
                    }
                    try json.skipValue()
                }
                return false
            }
            return false
        }
    }

    /// The label of each series: its short name, or its qualified name (Go package and name, pytest's full node
    /// id) where one short name stands for more than one qualified name in the report.
    static func labels(_ names: [(short: String, qualified: String)]) -> [String] {
        var qualified: [String: Set<String>] = [:]
        for name in names { qualified[name.short, default: []].insert(name.qualified) }
        return names.map { (qualified[$0.short]?.count ?? 0) > 1 ? $0.qualified : $0.short }
    }
}
