/// What the SimpleCov readers share: counts, `lines` arrays, messages, and sets of branches or methods.
enum SimpleCovData {
    /// Whether the number just read (an execution count) is above zero; an error when it is not a whole count.
    @inline(__always)
    static func isHit(_ json: JSONTokenizer) throws(InputError) -> Bool {
        let number = json.bytes
        for index in 0..<number.count {
            let byte = number[index]
            guard byte.isASCIIDigit else {
                let kind = byte == UInt8(ascii: "-") ? "a negative count" : "not a whole count"
                throw InputError("\(number.prefixForMessage) is \(kind)", line: json.line, column: json.column)
            }
        }
        // JSON allows no leading zeros: a whole number is zero only when it is "0".
        return number.count > 1 || number[0] != UInt8(ascii: "0")
    }

    /// Reads a `lines` array into `map`: entry `i` is line `i + 1`, a count (a relevant line, covered when above
    /// zero), `null` (not relevant: blank, comment, `end`) or `"ignored"` (excluded by `# :nocov:`, in the JSON
    /// formatter's output).
    ///
    /// `opened` is true when the array's `[` was already read.
    static func readLines(_ json: JSONTokenizer, opened: Bool = false, into map: inout LineCoverageMap)
        throws(InputError)
    {
        if !opened {
            let token = try json.next()
            guard token == .beginArray else { throw unexpected(token, "an array of line counts", json) }
        }
        var line: UInt32 = 0
        while true {
            let token = try json.next()
            guard token != .endArray else { return }
            guard line < UInt32(LCOVRecord.maximumLineNumber) else {
                throw InputError("more lines than any source file has", line: json.line, column: json.column)
            }
            line += 1
            switch token {
            case .number:
                map.record(line: line, hit: try isHit(json))
            case .null:
                continue
            case .string where json.bytes == "ignored":
                continue
            default:
                throw unexpected(token, "a count, null or \"ignored\" for line \(line)", json)
            }
        }
    }

    /// The error for `token` found where `expected` should be.
    static func unexpected(_ token: JSONTokenizer.Token, _ expected: String, _ json: JSONTokenizer) -> InputError {
        let found: String
        switch token {
        case .beginObject: found = "an object"
        case .beginArray: found = "an array"
        case .string: found = "the string \"\(json.bytes.prefixForMessage)\""
        case .number: found = "the number \(json.bytes.prefixForMessage)"
        case .bool: found = json.boolValue ? "true" : "false"
        case .null: found = "null"
        default: found = "the end of the \(token == .endArray ? "array" : "object")"
        }
        return InputError("expected \(expected), found \(found)", line: json.line, column: json.column)
    }
}

/// The branches (or methods) of one source file: each one an identity, the line it is reported on and whether it
/// ran. Records of one item (from several test suites) are merged when counted, keeping memory to distinct items.
struct SimpleCovItems {
    /// Line in the top 31 bits, a 32-bit identity below it, covered in the lowest bit: sorting groups each line.
    private var entries: [UInt64] = []
    private var compacted = 0

    mutating func insert(line: UInt32, identity: UInt64, covered: Bool) {
        entries.append(UInt64(line) << 33 | (identity & 0xFFFF_FFFF) << 1 | (covered ? 1 : 0))
        if entries.count >= 2 * compacted + 4096 { compact() }
    }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        compacted = 0
    }

    /// Sorts the records and keeps one per item, covered when any of its records is.
    private mutating func compact() {
        entries.sort()
        var kept = 0
        for entry in entries {
            if kept > 0, entries[kept - 1] >> 1 == entry >> 1 {
                entries[kept - 1] |= entry & 1
            } else {
                entries[kept] = entry
                kept += 1
            }
        }
        entries.removeLast(entries.count - kept)
        compacted = kept
    }

    /// The distinct items and how many of them ran, with the same per line; nil when there are none.
    mutating func counted() -> (count: CoverageCount, byLine: BranchCoverageMap)? {
        guard !entries.isEmpty else { return nil }
        compact()
        var byLine = BranchCoverageMap()
        var index = 0
        while index < entries.count {
            let line = entries[index] >> 33
            var count = CoverageCount.zero
            while index < entries.count, entries[index] >> 33 == line {
                count = count + CoverageCount(covered: Int(entries[index] & 1), total: 1)
                index += 1
            }
            byLine.record(line: UInt32(line), count)
        }
        return (byLine.count, byLine)
    }
}

/// A key of a resultset's `branches` or `methods`: an inspected Ruby array ending in the source location,
/// `[:then, 1, 3, 4, 3, 6]` (type, id, start line, start column, end line, end column) or
/// `[Foo, :bar, 3, 2, 5, 5]` (class, method name, location).
struct SimpleCovTuple {
    /// The elements before the location, e.g. `:then, 1`.
    var leading: ByteSpan
    /// The location as written: `3, 4, 3, 6`.
    var location: ByteSpan
    var startLine: Int

    /// Parses `key`; nil when it is not such an array.
    init?(_ key: ByteSpan) {
        let text = key.trimmed()
        guard text.count > 2, text[0] == UInt8(ascii: "["), text[text.count - 1] == UInt8(ascii: "]") else {
            return nil
        }
        let inner = text.slice(1, text.count - 1)
        // The four numbers of the location, read from the end: end column, end line, start column, start line.
        var end = inner.count
        var locationEnd = 0
        var number = 0
        for position in 0..<4 {
            var to = end
            while to > 0, inner[to - 1] == UInt8(ascii: " ") { to -= 1 }
            var from = to
            while from > 0, inner[from - 1].isASCIIDigit { from -= 1 }
            guard from < to, to - from <= 10, let value = inner.slice(from, to).int(),
                value <= LCOVRecord.maximumLineNumber
            else { return nil }
            if position == 0 { locationEnd = to }
            number = value
            end = from
            while end > 0, inner[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end > 0, inner[end - 1] == UInt8(ascii: ",") else { return nil }
            end -= 1
        }
        var locationStart = end + 1
        while inner[locationStart] == UInt8(ascii: " ") { locationStart += 1 }
        leading = inner.slice(0, end).trimmed()
        location = inner.slice(locationStart, locationEnd)
        startLine = number
        guard !leading.isEmpty, startLine >= 1 else { return nil }
    }

    /// The first element (the branch or condition type, without the id SimpleCov numbers it with).
    var kind: ByteSpan {
        guard let comma = leading.lastIndex(of: UInt8(ascii: ",")) else { return leading }
        return leading.slice(0, comma).trimmed()
    }
}
