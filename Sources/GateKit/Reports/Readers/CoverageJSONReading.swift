/// What the JSON coverage readers (coverage.py, Istanbul, Istanbul summary, Coveralls) share: checked counts and
/// line numbers, per-line branch tallies, and a structural look at a report's head for recognition.
enum CoverageJSONReading {
    /// Reads a whole number (within `Int`'s range). Errors name `field`.
    private static func integer(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError) -> Int {
        try wholeNumber(after: try json.next(), json, field())
    }

    /// Reads a count: a whole number from 0 to `Int.max`. Errors name `field`.
    static func count(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError) -> Int {
        try count(try integer(json, field()), json, field())
    }

    /// Reads a source line number. Errors name `field`.
    static func lineNumber(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError) -> UInt32 {
        try lineNumber(try integer(json, field()), json, field())
    }

    /// The whole number that `token`, just read, holds.
    static func wholeNumber(
        after token: JSONTokenizer.Token, _ json: JSONTokenizer, _ field: @autoclosure () -> String
    ) throws(InputError) -> Int {
        guard token == .number, let value = json.bytes.int() else {
            throw InputError(
                "\(field()): expected a whole number, found \(describe(token, json))", line: json.line,
                column: json.column)
        }
        return value
    }

    /// `value`, just read, checked to be a count (0 or more).
    @inline(__always)
    static func count(_ value: Int, _ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError)
        -> Int
    {
        guard value >= 0 else {
            throw InputError(
                "\(field()): expected a count of 0 or more, found \(value)", line: json.line, column: json.column)
        }
        return value
    }

    /// `value`, just read, checked to be a source line number (0 to 2³¹ − 1, as LCOV allows).
    @inline(__always)
    static func lineNumber(_ value: Int, _ json: JSONTokenizer, _ field: @autoclosure () -> String)
        throws(InputError) -> UInt32
    {
        guard value >= 0, value <= LCOVRecord.maximumLineNumber else {
            throw InputError("\(field()): \(value) is not a line number", line: json.line, column: json.column)
        }
        return UInt32(value)
    }

    /// A value token just read, for messages.
    static func describe(_ token: JSONTokenizer.Token, _ json: JSONTokenizer) -> String {
        switch token {
        case .number: return json.bytes.count <= 40 ? json.bytes.description : "a number"
        case .string: return json.bytes.count <= 40 ? "the string \"\(json.bytes)\"" : "a string"
        case .bool: return json.boolValue ? "true" : "false"
        case .beginObject: return "an object"
        case .beginArray: return "an array"
        default: return "\(token)"
        }
    }

    /// Checks `covered <= total` and returns the count, or nil when `total` is 0: a file with no branches (or no
    /// functions) has no data of that kind, as for the LCOV and llvm-cov readers.
    static func count(covered: Int, total: Int, _ what: String, line: Int? = nil, column: Int? = nil)
        throws(InputError) -> CoverageCount?
    {
        guard covered <= total else {
            throw InputError("\(what): \(covered) covered of only \(total)", line: line, column: column)
        }
        return total > 0 ? CoverageCount(covered: covered, total: total) : nil
    }

    /// Runs `body`, which reads the entry for `name` (starting at `line` and `column`), naming the entry in its
    /// errors and placing an error without a position at the entry.
    static func entry<Result>(
        _ name: String, line: Int, column: Int, _ body: () throws(InputError) -> Result
    ) throws(InputError) -> Result {
        do {
            return try body()
        } catch {
            throw InputError(
                "the entry for \(name): \(error.message)", line: error.line ?? line,
                column: error.line == nil ? column : error.column)
        }
    }

    /// Branches counted per source line while one file is read, for its ``BranchCoverageMap``. Lines usually come in
    /// order, so each is appended (or added to the last one); lines out of order are sorted once at the end.
    struct BranchTally {
        private var lines: [UInt32] = []
        private var counts: [CoverageCount] = []
        private var inOrder = true
        /// All branches added.
        private(set) var count = CoverageCount.zero

        /// Adds `total` branches of `line`, `covered` of them taken.
        mutating func add(line: UInt32, covered: Int, total: Int) {
            let added = CoverageCount(covered: covered, total: total)
            count = count + added
            if let last = lines.last {
                if last == line {
                    counts[counts.count - 1] = counts[counts.count - 1] + added
                    return
                }
                inOrder = inOrder && last < line
            }
            lines.append(line)
            counts.append(added)
        }

        /// The branches per line, or nil when none were added.
        var map: BranchCoverageMap? {
            guard !lines.isEmpty else { return nil }
            let entries = inOrder ? Array(zip(lines, counts)) : zip(lines, counts).sorted { $0.0 < $1.0 }
            var map = BranchCoverageMap()
            var index = 0
            while index < entries.count {
                var (line, sum) = entries[index]
                index += 1
                while index < entries.count, entries[index].0 == line {
                    sum = sum + entries[index].1
                    index += 1
                }
                map.record(line: line, sum)
            }
            return map
        }
    }
}
