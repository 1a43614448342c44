/// Reads flat JSON metrics: an object of named numbers, `{"rss_bytes": 1.2e8, "cpu_seconds": 3.5}`, whose nested
/// objects give dotted names (`{"memory": {"rss_bytes": 1.2e8}}` is `memory.rss_bytes`, gated as
/// `metrics.memory.rss_bytes`).
///
/// Rules: objects nest at most ``maximumDepth`` levels; every number is a sample without labels; strings,
/// booleans and nulls are not metrics and are skipped (a report may carry a version or a unit beside its figures);
/// an array is an error, since its elements have no names and numbering them would give names that change meaning
/// when the order does; an empty key, or two values with the same dotted name (`{"a.b": 1, "a": {"b": 2}}`), is an
/// error.
///
/// Any JSON object could be metrics, so content recognition is strict: only a JSON object that ends within the
/// head and holds nothing but numbers and objects of numbers is recognised (the formats recognised before it have
/// had their turn); anything else must be declared with `format: "metrics-json"`.
public enum MetricsJSONReader: ReportReader {
    public static let category = ReportCategory.metrics
    public static let displayName = "flat JSON metrics"
    /// The deepest nesting of objects: the most parts a dotted name has.
    public static let maximumDepth = 8

    /// True for a JSON object, whole within the head, of numbers and objects of numbers (at least one number).
    ///
    /// The shape is checked on the bytes, without decoding the keys, so that a key with bad UTF-8 is reported by
    /// ``read(_:)`` rather than leaving the file unrecognised.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .json else { return false }
        var shape = Shape(head.bytes)
        return shape.isObjectOfNumbers()
    }

    /// A scan of the head's bytes for the shape ``recognizes(_:)`` accepts.
    private struct Shape {
        let bytes: ByteSpan
        var index = 0

        init(_ bytes: ByteSpan) { self.bytes = bytes }

        mutating func isObjectOfNumbers() -> Bool {
            guard next() == UInt8(ascii: "{") else { return false }
            var depth = 1
            var numbers = 0
            var afterValue = false
            while true {
                guard let byte = next() else { return false }
                if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return numbers > 0 && next() == nil }
                    afterValue = true
                    continue
                }
                if afterValue {
                    guard byte == UInt8(ascii: ",") else { return false }
                    guard next() == UInt8(ascii: "\"") else { return false }
                } else if byte != UInt8(ascii: "\"") {
                    return false
                }
                guard skipString(), next() == UInt8(ascii: ":"), let value = next() else { return false }
                if value == UInt8(ascii: "{") {
                    depth += 1
                    guard depth <= maximumDepth else { return false }
                    afterValue = false
                } else if value == UInt8(ascii: "-") || value.isASCIIDigit {
                    while index < bytes.count,
                        bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: ".")
                            || bytes[index] | 0x20 == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "+")
                            || bytes[index] == UInt8(ascii: "-")
                    {
                        index += 1
                    }
                    numbers += 1
                    afterValue = true
                } else {
                    return false
                }
            }
        }

        /// The next byte that is not white space, consumed; nil at the end.
        private mutating func next() -> UInt8? {
            while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 }
            guard index < bytes.count else { return nil }
            index += 1
            return bytes[index - 1]
        }

        /// Passes the rest of a string whose opening quote was consumed; false when the head ends inside it.
        private mutating func skipString() -> Bool {
            while index < bytes.count {
                let byte = bytes[index]
                index += byte == UInt8(ascii: "\\") ? 2 : 1
                if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "flat JSON metrics")
        var samples: [MetricSample] = []
        var names = Set<String>()
        var path: [String] = []
        func readObject() throws(InputError) {
            try json.forEachMember { key throws(InputError) in
                guard !key.isEmpty else { throw InputError("a key is empty", line: json.line, column: json.column) }
                path.append(key.description)
                defer { path.removeLast() }
                let name = path.joined(separator: ".")
                switch try json.next() {
                case .number:
                    guard let value = json.bytes.double() else {
                        throw InputError(
                            "\(name) is \(json.bytes), not a finite number", line: json.line, column: json.column)
                    }
                    guard names.insert(name).inserted else {
                        throw InputError("two values are named \(name)", line: json.line, column: json.column)
                    }
                    samples.append(MetricSample(name: name, value: value))
                case .beginObject:
                    guard path.count < maximumDepth else {
                        throw InputError(
                            "\(name) nests objects deeper than \(maximumDepth) levels", line: json.line,
                            column: json.column)
                    }
                    try readObject()
                case .beginArray:
                    throw InputError(
                        "\(name) is an array: metrics must be named numbers", line: json.line, column: json.column)
                default:
                    break
                }
            }
        }
        try readObject()
        try json.expectEnd()
        return .metrics(MetricsReport(samples: samples))
    }
}
