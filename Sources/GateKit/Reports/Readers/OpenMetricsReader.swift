/// Reads the Prometheus text exposition format (0.0.4) and OpenMetrics text (1.0): what a `/metrics` endpoint
/// serves, saved to a file.
///
/// Every sample line `name{label="value",…} value [timestamp] [# exemplar]` becomes one ``MetricSample`` with its
/// name and labels as written: histogram and summary series stay `_bucket{le="…"}`, `_sum`, `_count` and
/// `{quantile="…"}` samples. Label values are unescaped (`\\`, `\"`, `\n`); Prometheus 3's quoted UTF-8 names
/// (`{"my.metric", "label.name"="v"}`) are read too. `# HELP`, `# TYPE` and `# UNIT` lines are checked (a metric
/// name, a known type) and otherwise not used; other `#` lines are comments; nothing but blank lines may follow
/// OpenMetrics' `# EOF`. Timestamps are checked and ignored (a file is one scrape).
///
/// `+Inf` and `-Inf` are kept as values (they fail an upper or lower bound as they should). `NaN` samples are left
/// out of the report: NaN compares unequal to everything, so a `!=` condition would pass on it; with the sample
/// left out a gate on it finds no value.
public enum OpenMetricsReader: ReportReader {
    public static let category = ReportCategory.metrics
    public static let displayName = "OpenMetrics / Prometheus text"

    /// True when the first line that is not blank is a `# HELP`, `# TYPE` or `# UNIT` line naming a metric, or
    /// when the first ten lines that are not blank nor comments are all sample lines.
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        var samples = 0
        for line in head.lines(limit: 64).map({ $0.trimmed() }) where !line.isEmpty {
            if line.hasPrefix("#") {
                if samples == 0, (try? metadata(line)) != nil { return true }
                continue
            }
            guard (try? Sample(line)) != nil else { return false }
            samples += 1
            if samples == 10 { break }
        }
        return samples > 0
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var samples: [MetricSample] = []
        var ended = false
        while let untrimmed = try scanner.nextLine() {
            let line = untrimmed.trimmed()
            do throws(InputError) {
                if line.isEmpty { continue }
                if ended { throw InputError("text after '# EOF'") }
                if line == "# EOF" {
                    ended = true
                } else if line.hasPrefix("#") {
                    _ = try metadata(line)
                } else {
                    let sample = try Sample(line)
                    guard !sample.value.isNaN else { continue }
                    // Samples of one family follow each other: they share one name string, not one each.
                    var name = sample.name
                    if let previous = samples.last?.name, previous == name { name = previous }
                    samples.append(MetricSample(name: name, labels: sample.labels, value: sample.value))
                }
            } catch {
                let cut =
                    scanner.lastLineUnterminated ? " (the last line, without a line end: is the file truncated?)" : ""
                throw InputError(error.message + cut, line: scanner.lineNumber, column: error.column)
            }
        }
        return .metrics(MetricsReport(samples: samples))
    }

    /// For `# HELP name …`, `# TYPE name type` and `# UNIT name unit`, the metric name (checked); nil for another
    /// comment.
    static func metadata(_ line: ByteSpan) throws(InputError) -> String? {
        let isType = line.hasPrefix("# TYPE ")
        guard line.hasPrefix("# HELP ") || isType || line.hasPrefix("# UNIT ") else { return nil }
        var cursor = Cursor(line)
        cursor.position = 7
        cursor.skipBlanks()
        let name = try cursor.name("metric name")
        guard cursor.atEnd || cursor.skipBlanks() else {
            throw InputError("expected a space after the metric name '\(name)'", column: cursor.position + 1)
        }
        if isType {
            let type = cursor.rest.trimmed()
            let known = [
                "counter", "gauge", "histogram", "summary", "untyped", "unknown", "gaugehistogram", "stateset", "info",
            ]
            guard known.contains(type.description.lowercased()) else {
                throw InputError("unknown metric type '\(type)' for \(name)", column: cursor.position + 1)
            }
        }
        return name
    }

    /// One sample line.
    struct Sample {
        var name = ""
        var labels: [String: String] = [:]
        var value = 0.0

        init(_ line: ByteSpan) throws(InputError) {
            var cursor = Cursor(line)
            var named = false
            if cursor.peek != UInt8(ascii: "{") {
                name = try cursor.name("metric name")
                named = true
            }
            if cursor.peek == UInt8(ascii: "{") {
                cursor.position += 1
                try readLabels(&cursor, named: &named)
            }
            guard named else { throw InputError("the sample has no metric name", column: 1) }
            guard cursor.skipBlanks() else {
                throw InputError("expected a space and a value after \(name)", column: cursor.position + 1)
            }
            let column = cursor.position + 1
            let text = cursor.word()
            guard let number = Self.number(text) else {
                throw InputError("the value of \(name) is '\(text)', not a number", column: column)
            }
            value = number
            cursor.skipBlanks()
            guard !cursor.atEnd, cursor.peek != UInt8(ascii: "#") else { return }
            let timestampColumn = cursor.position + 1
            let timestamp = cursor.word()
            guard timestamp.double() != nil else {
                throw InputError("the timestamp of \(name) is '\(timestamp)', not a number", column: timestampColumn)
            }
            cursor.skipBlanks()
            guard cursor.atEnd || cursor.peek == UInt8(ascii: "#") else {
                throw InputError("unexpected text after the value of \(name)", column: cursor.position + 1)
            }
        }

        /// The label set after `{`, up to and including `}`; a quoted entry without `=` is the metric name.
        private mutating func readLabels(_ cursor: inout Cursor, named: inout Bool) throws(InputError) {
            while true {
                cursor.skipBlanks()
                if cursor.peek == UInt8(ascii: "}") {
                    cursor.position += 1
                    return
                }
                let column = cursor.position + 1
                let key =
                    cursor.peek == UInt8(ascii: "\"") ? try cursor.quoted("label name") : try cursor.name("label name")
                cursor.skipBlanks()
                if cursor.peek == UInt8(ascii: "=") {
                    cursor.position += 1
                    cursor.skipBlanks()
                    guard cursor.peek == UInt8(ascii: "\"") else {
                        throw InputError(
                            "the value of label \(key) is not in double quotes", column: cursor.position + 1)
                    }
                    guard labels.updateValue(try cursor.quoted("label value"), forKey: key) == nil else {
                        throw InputError("label \(key) is given twice", column: column)
                    }
                } else if !named, cursor.line[column - 1] == UInt8(ascii: "\"") {
                    name = key
                    named = true
                } else {
                    throw InputError("expected '=' after label name \(key)", column: cursor.position + 1)
                }
                cursor.skipBlanks()
                if cursor.peek == UInt8(ascii: ",") {
                    cursor.position += 1
                } else if cursor.peek != UInt8(ascii: "}") {
                    let found = cursor.atEnd ? "the end of the line" : "'\(Character(UnicodeScalar(cursor.peek)))'"
                    throw InputError("expected ',' or '}' in the labels, found \(found)", column: cursor.position + 1)
                }
            }
        }

        /// A sample value: a decimal number, `+Inf`, `-Inf`, `Inf` or `NaN` (any case), or nil.
        static func number(_ text: ByteSpan) -> Double? {
            if let value = text.double() { return value }
            guard text.count <= 9, let word = text.string()?.lowercased() else { return nil }
            switch word {
            case "+inf", "inf", "+infinity", "infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan": return .nan
            default: return nil
            }
        }
    }

    /// A position in one line.
    struct Cursor {
        let line: ByteSpan
        var position = 0

        init(_ line: ByteSpan) { self.line = line }

        var atEnd: Bool { position >= line.count }
        var peek: UInt8 { atEnd ? 0 : line[position] }
        var rest: ByteSpan { line.dropFirst(min(position, line.count)) }

        /// Skips spaces and tabs; true when there were some.
        @discardableResult
        mutating func skipBlanks() -> Bool {
            let start = position
            while !atEnd, line[position] == UInt8(ascii: " ") || line[position] == UInt8(ascii: "\t") { position += 1 }
            return position > start
        }

        /// The bytes up to the next space or tab.
        mutating func word() -> ByteSpan {
            let start = position
            while !atEnd, line[position] != UInt8(ascii: " "), line[position] != UInt8(ascii: "\t") { position += 1 }
            return line.slice(start, position)
        }

        /// A name of `[a-zA-Z_:][a-zA-Z0-9_:]*` (no colon for a label name).
        mutating func name(_ what: String) throws(InputError) -> String {
            let start = position
            let colons = what == "metric name"
            func allowed(_ byte: UInt8, first: Bool) -> Bool {
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
                    || (colons && byte == UInt8(ascii: ":")) || (!first && byte.isASCIIDigit)
            }
            while !atEnd, allowed(line[position], first: position == start) { position += 1 }
            guard position > start else {
                let found = atEnd ? "the end of the line" : "'\(Character(UnicodeScalar(peek)))'"
                throw InputError("expected a \(what), found \(found)", column: position + 1)
            }
            return line.slice(start, position).description
        }

        /// A double-quoted string with `\\`, `\"` and `\n` escapes, decoded.
        mutating func quoted(_ what: String) throws(InputError) -> String {
            let column = position + 1
            position += 1
            var bytes: [UInt8] = []
            while !atEnd {
                let byte = line[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        throw InputError("a \(what) is not valid UTF-8", column: column)
                    }
                    return text
                }
                guard byte == UInt8(ascii: "\\") else {
                    bytes.append(byte)
                    continue
                }
                switch atEnd ? 0 : line[position] {
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
                default: throw InputError("invalid escape in a \(what) (only \\\\, \\\" and \\n)", column: position)
                }
                position += 1
            }
            throw InputError("a \(what) has no closing double quote", column: column)
        }
    }
}
