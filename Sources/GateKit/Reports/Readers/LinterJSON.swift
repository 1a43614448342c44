/// What the JSON readers of linters (ESLint, SwiftLint, pylint, Ruff, golangci-lint, mypy) share: recognising a
/// report by the keys of its first record, and reading the nullable fields that linters write.
enum LinterJSON {
    /// True when the head is a JSON array whose first element is an object with every key of `keys` (or, with
    /// `inArray` false, a JSON object with those keys). The keys may come in any order; the head must reach them.
    static func firstObjectHas(_ keys: [StaticString], in head: ContentHead, inArray: Bool = true) -> Bool {
        head.probeJSON { json throws(InputError) in
            if inArray, try json.next() != .beginArray { return false }
            guard try json.next() == .beginObject else { return false }
            var missing = keys.map { ByteSpan(base: $0.utf8Start, count: $0.utf8CodeUnitCount) }
            while try json.next() == .key {
                missing.removeAll { $0 == json.bytes }
                if missing.isEmpty { return true }
                try json.skipValue()
            }
            return false
        }
    }

    /// The next value as a string, or nil for `null`.
    static func optionalString(_ json: JSONTokenizer, _ what: String) throws(InputError) -> String? {
        switch try json.next() {
        case .null: return nil
        case .string: return try json.bytes.string(what)
        default: throw InputError("\(what) must be a string", line: json.line, column: json.column)
        }
    }

    /// The next value as a line or column number (up to 2³¹ − 1), or nil for `null` or a negative number (mypy
    /// writes -1 for "no column").
    static func position(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Int? {
        let token = try json.next()
        if token == .null { return nil }
        guard token == .number, let value = json.bytes.int(), (-Int(Int32.max)...Int(Int32.max)).contains(value) else {
            throw InputError(
                "\(what) must be a whole number of at most \(Int32.max), not \(json.bytes)", line: json.line,
                column: json.column)
        }
        return value < 0 ? nil : value
    }

    /// The next value as a boolean.
    static func bool(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Bool {
        guard try json.next() == .bool else {
            throw InputError("\(what) must be true or false", line: json.line, column: json.column)
        }
        return json.boolValue
    }

    /// The next value, a string, as a one-line message: its first line without surrounding white space (pylint and
    /// ESLint messages may quote source lines after it).
    static func message(_ json: JSONTokenizer, _ what: String) throws(InputError) -> String {
        guard try json.next() == .string else {
            throw InputError("\(what) must be a string", line: json.line, column: json.column)
        }
        var text = json.bytes.trimmed()
        if let end = text.firstIndex(of: UInt8(ascii: "\n")) { text = text.slice(0, end).trimmed() }
        return try text.string(what)
    }

    /// Reads a report that is a JSON array of records, calling `record` on each element (positioned at its start).
    static func readArray(
        _ input: InputBuffer, _ what: String, _ record: (JSONTokenizer) throws(InputError) -> Void
    ) throws(InputError) {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginArray else {
            throw InputError("not \(what): the JSON value is not an array", line: json.line, column: json.column)
        }
        try json.forEachElement { () throws(InputError) in try record(json) }
        try json.expectEnd()
    }

    /// The first line of a message, without surrounding spaces.
    static func firstLine(_ message: String) -> String {
        String(message.prefix { $0 != "\n" && $0 != "\r" }).trimmingSpaces
    }

    /// Runs `body` and, when it throws an error without a position, gives it the position of the record.
    static func locating<Result>(
        line: Int, column: Int, _ body: () throws(InputError) -> Result
    ) throws(InputError) -> Result {
        do {
            return try body()
        } catch {
            guard error.line == nil else { throw error }
            throw InputError(error.message, line: line, column: column)
        }
    }
}
