/// Parses condition strings (DESIGN §4):
///
/// ```
/// condition := metric [selector] op value [unit]
/// selector  := '{' key ('=' | '!=' | '~') "string" (',' …)* '}'
/// op        := < <= > >= == != ≤ ≥ ≠
/// unit      := % | ns us µs ms s m | B KB MB GB KiB MiB GiB | /s
/// ```
///
/// The metric must exist, the selector keys must be ones the metric accepts, and the unit must fit the metric:
/// a percentage needs `%` (`coverage.lines >= 0.95` is refused, 0 excepted), a duration or size needs a unit,
/// a count takes none.
public enum ConditionParser {
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var cursor = Cursor(Array(text.unicodeScalars))
        cursor.skipSpaces()
        let metricStart = cursor.column
        let name = cursor.take {
            $0.properties.isAlphabetic || $0 == "_" || $0 == "." || $0 == ":" || ("0"..."9").contains($0)
        }
        guard !name.isEmpty else {
            throw ConditionSyntaxError("expected a metric name such as coverage.lines", column: metricStart)
        }
        guard let metric = MetricDefinition.named(name) else {
            throw ConditionSyntaxError(
                "unknown metric '\(name)'\(Suggestions.didYouMean(name, in: MetricDefinition.all.map(\.name)))",
                column: metricStart)
        }
        cursor.skipSpaces()
        let terms = try cursor.peek == "{" ? parseSelector(&cursor, metric: metric) : []
        let (selector, perFile, minimumLines) = try modifiers(terms, metric: metric)
        cursor.skipSpaces()
        let comparison = try parseComparison(&cursor)
        cursor.skipSpaces()
        let (threshold, thresholdText) = try parseThreshold(&cursor, metric: metric)
        return Condition(
            text: text.trimmingSpaces, metric: metric, selector: selector, comparison: comparison,
            threshold: threshold, thresholdText: thresholdText, perFile: perFile, minimumLines: minimumLines)
    }

    private static func parseSelector(_ cursor: inout Cursor, metric: MetricDefinition) throws(ConditionSyntaxError)
        -> [(term: SelectorTerm, column: Int)]
    {
        let open = cursor.column
        cursor.advance()
        var terms: [(term: SelectorTerm, column: Int)] = []
        while true {
            cursor.skipSpaces()
            if cursor.peek == "}" {
                cursor.advance()
                return terms
            }
            let keyColumn = cursor.column
            let key = cursor.take { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
            guard !key.isEmpty else {
                if cursor.peek == nil {
                    throw ConditionSyntaxError("the selector opened at column \(open) is never closed", column: open)
                }
                throw ConditionSyntaxError("expected a selector key such as path", column: keyColumn)
            }
            guard metric.acceptsAnyLabel || metric.selectorKeys.contains(key) else {
                throw ConditionSyntaxError(
                    "\(metric.name) has no selector '\(key)'; it accepts "
                        + metric.selectorKeys.joined(separator: ", ")
                        + Suggestions.didYouMean(key, in: metric.selectorKeys), column: keyColumn)
            }
            cursor.skipSpaces()
            let match: SelectorTerm.Match
            if cursor.consume("!=") {
                match = .notEquals
            } else if cursor.consume("=") {
                match = .equals
            } else if cursor.consume("~") {
                match = .regex
            } else {
                throw ConditionSyntaxError("expected =, != or ~ after '\(key)'", column: cursor.column)
            }
            cursor.skipSpaces()
            let value = try parseQuoted(&cursor)
            do {
                terms.append((try SelectorTerm(key: key, match: match, value: value), keyColumn))
            } catch {
                throw ConditionSyntaxError(error.message, column: keyColumn)
            }
            cursor.skipSpaces()
            if cursor.consume(",") { continue }
            guard cursor.peek == "}" else {
                throw ConditionSyntaxError("expected ',' or '}' in the selector", column: cursor.column)
            }
        }
    }

    /// Separates `per` and `min_lines`, which shape the measurement, from the terms that select items; checks the
    /// benchmark options (``BenchmarkOptions``), which stay in the selector for the benchmark metrics to read.
    private static func modifiers(_ terms: [(term: SelectorTerm, column: Int)], metric: MetricDefinition)
        throws(ConditionSyntaxError) -> ([SelectorTerm], Bool, Int)
    {
        var selector: [SelectorTerm] = []
        var perFile = false
        var minimumLines: Int?
        var options = BenchmarkOptions()
        for (term, column) in terms {
            if metric.category == .bench, BenchmarkOptions.keys.contains(term.key) {
                guard term.match == .equals else {
                    throw ConditionSyntaxError("\(term.key) is an option: write \(term.key)=\"…\"", column: column)
                }
                do {
                    try options.set(term.key, term.value)
                } catch {
                    throw ConditionSyntaxError(error.message, column: column)
                }
                selector.append(term)
                continue
            }
            switch term.key {
            case "per":
                guard term.match == .equals, term.value == "file" else {
                    throw ConditionSyntaxError(
                        #"per="file" is the only grouping: the condition must hold for every file"#, column: column)
                }
                perFile = true
            case "min_lines":
                guard term.match == .equals, let lines = Int(term.value), lines >= 0 else {
                    throw ConditionSyntaxError(
                        #"min_lines takes a whole number of lines, e.g. min_lines="20""#, column: column)
                }
                minimumLines = lines
            default:
                selector.append(term)
            }
        }
        if minimumLines != nil, !perFile {
            throw ConditionSyntaxError(#"min_lines guards per-file rules: add per="file""#, column: terms.first?.column)
        }
        return (selector, perFile, minimumLines ?? 0)
    }

    private static func parseQuoted(_ cursor: inout Cursor) throws(ConditionSyntaxError) -> String {
        guard let quote = cursor.peek, quote == "\"" || quote == "'" else {
            throw ConditionSyntaxError("expected a quoted value, e.g. \"Sources/**\"", column: cursor.column)
        }
        let start = cursor.column
        cursor.advance()
        var value = String.UnicodeScalarView()
        while let scalar = cursor.peek {
            cursor.advance()
            if scalar == quote { return String(value) }
            if scalar == "\\", let escaped = cursor.peek {
                cursor.advance()
                value.append(escaped)
            } else {
                value.append(scalar)
            }
        }
        throw ConditionSyntaxError("the quoted value that starts at column \(start) is never closed", column: start)
    }

    private static func parseComparison(_ cursor: inout Cursor) throws(ConditionSyntaxError) -> Comparison {
        let column = cursor.column
        for (written, comparison) in [
            ("<=", Comparison.lessOrEqual), (">=", .greaterOrEqual), ("==", .equal), ("!=", .notEqual),
            ("≤", .lessOrEqual), ("≥", .greaterOrEqual), ("≠", .notEqual), ("<", .less), (">", .greater),
        ] where cursor.consume(written) {
            return comparison
        }
        if cursor.peek == "=" {
            throw ConditionSyntaxError("'=' is not a comparison; write == to compare", column: column)
        }
        throw ConditionSyntaxError("expected a comparison (<, <=, >, >=, ==, !=)", column: column)
    }

    private static func parseThreshold(_ cursor: inout Cursor, metric: MetricDefinition) throws(ConditionSyntaxError)
        -> (Double, String)
    {
        let column = cursor.column
        let number = cursor.take { ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "+" }
        guard !number.isEmpty, let value = Double(number), value.isFinite else {
            throw ConditionSyntaxError(
                "expected a number after the comparison, e.g. \(metric.name) ... \(metric.unit.example)",
                column: column)
        }
        cursor.skipSpaces()
        let unitColumn = cursor.column
        let symbol = cursor.takeRest().trimmingSpaces
        let written = number + symbol
        if metric.category == .metrics, let converted = metricsThreshold(value, symbol, metric: metric) {
            return (converted, written)
        }
        if symbol.isEmpty {
            switch metric.unit {
            case .count:
                return (value, written)
            case .percent where value == 0, .duration where value == 0, .bytes where value == 0, .rate where value == 0:
                return (0, written)
            case .percent:
                let hint = value > 0 && value <= 1 ? "\(formatPlain(value * 100))%" : "\(formatPlain(value))%"
                throw ConditionSyntaxError(
                    "\(metric.name) is a percentage: write \(hint), not \(number)", column: column)
            case .duration, .bytes, .rate:
                throw ConditionSyntaxError(
                    "\(metric.name) is \(metric.unit.noun): add a unit, e.g. \(metric.unit.example)", column: column)
            }
        }
        guard let unit = ThresholdUnit.named(symbol) else {
            throw ConditionSyntaxError(
                "unknown unit '\(symbol)'\(Suggestions.didYouMean(symbol, in: ThresholdUnit.all.map(\.symbol)))",
                column: unitColumn)
        }
        guard unit.kind == metric.unit else {
            let advice = metric.unit == .count ? "write a plain number" : "use a unit like \(metric.unit.example)"
            throw ConditionSyntaxError(
                "\(metric.name) is \(metric.unit.noun) but '\(symbol)' is a unit of \(unit.kind.noun.dropFirst(2)); "
                    + advice, column: unitColumn)
        }
        return (value * unit.factor, written)
    }

    /// A threshold of `metrics.NAME`, whose values are plain numbers in OpenMetrics base units (bytes, seconds): a
    /// plain number stands as written; a size, duration or rate unit converts to the base unit when the metric's
    /// name does not say its unit, else must fit it (checked by the caller, which also refuses `%`).
    private static func metricsThreshold(_ value: Double, _ symbol: String, metric: MetricDefinition) -> Double? {
        if symbol.isEmpty { return value }
        guard metric.unit == .count, let unit = ThresholdUnit.named(symbol), unit.kind != .percent else { return nil }
        return value * unit.factor
    }

    /// A number without a needless trailing `.0`.
    private static func formatPlain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A position in a condition string, counted in Unicode scalars.
private struct Cursor {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    /// The 1-based column of the next scalar.
    var column: Int { index + 1 }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let scalar = peek, scalar.properties.isWhitespace { index += 1 }
    }

    /// Consumes `text` when the input continues with it.
    mutating func consume(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else {
            return false
        }
        index += wanted.count
        return true
    }

    /// Consumes and returns the longest run of scalars satisfying `predicate`.
    mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
        var result = String.UnicodeScalarView()
        while let scalar = peek, predicate(scalar) {
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    mutating func takeRest() -> String {
        defer { index = scalars.count }
        return String(String.UnicodeScalarView(scalars[index...]))
    }
}
