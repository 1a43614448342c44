/// What the JSON readers of security scanners (hadolint, gosec, Bandit, Semgrep, Checkov, gitleaks, TruffleHog,
/// OWASP ZAP) share beyond ``LinterJSON``: the level a severity gives, one-line messages, line numbers written as
/// strings, the keys of a report's root object, and JSON-lines reports.
enum ScannerJSON {
    /// Reads a report object of `what` and turns each element of its `member` array into a finding; the other
    /// members are skipped.
    static func findings(
        _ input: InputBuffer, of what: String, in member: StaticString,
        _ finding: (JSONTokenizer) throws(InputError) -> Finding
    ) throws(InputError) -> [Finding] {
        let json = JSONTokenizer(input)
        try json.openObject(of: what)
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == member else { return }
            try json.forEachElement { () throws(InputError) in findings.append(try finding(json)) }
        }
        try json.expectEnd()
        return findings
    }

    /// The longest message kept, in characters; longer ones are cut and end with "…".
    static let messageLimit = 300

    /// The lint level of a scanner's severity: critical and high → error, medium → warning, low and unknown → note.
    static func level(for severity: Severity) -> FindingLevel {
        switch severity {
        case .critical, .high: return .error
        case .medium: return .warning
        case .low, .unknown: return .note
        }
    }

    /// `text` on one line: runs of white space (line breaks included) become one space, surrounding ones go, and
    /// the result is cut at ``messageLimit`` characters.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var length = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = length > 0
                continue
            }
            if length >= messageLimit {
                result.append("…")
                break
            }
            if pendingSpace {
                result.append(" ")
                length += 1
                pendingSpace = false
            }
            result.append(character)
            length += 1
        }
        return result
    }

    /// The next value as a whole number from 0 to 2³¹ − 1, written as a number or as a string of digits (gosec
    /// writes `"12"`, or `"12-14"` for a range, whose first number is taken); nil for `null` or an empty string.
    static func number(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Int? {
        let token = try json.next()
        var digits = json.bytes
        switch token {
        case .null: return nil
        case .number: break
        case .string:
            digits = digits.trimmed()
            if digits.isEmpty { return nil }
            if let dash = digits.firstIndex(of: UInt8(ascii: "-")), dash > 0 { digits = digits.slice(0, dash) }
        default:
            throw InputError("\(what) must be a number", line: json.line, column: json.column)
        }
        guard let value = digits.int(), value >= 0, value <= Int(Int32.max) else {
            throw InputError(
                "\(what) must be a whole number from 0 to \(Int32.max), not \(json.bytes)", line: json.line,
                column: json.column)
        }
        return value
    }

    /// Reads the keys of the object whose `{` was just read, skipping their values, until `decide` returns true or
    /// false for one of them (the answer), or the object ends (false). `decide` returns nil to go on; it may read
    /// the key's whole value, or leave it to be skipped.
    static func scanKeys(_ json: JSONTokenizer, _ decide: (ByteSpan) throws(InputError) -> Bool?) throws(InputError)
        -> Bool
    {
        while try json.next() == .key {
            if let answer = try decide(json.bytes) { return answer }
            if json.expect == .colon { try json.skipValue() }
        }
        return false
    }

    /// True when the object whose `{` was just read has every key of `keys` (in any order).
    static func hasKeys(_ json: JSONTokenizer, _ keys: [StaticString]) throws(InputError) -> Bool {
        var missing = keys.map { ByteSpan(base: $0.utf8Start, count: $0.utf8CodeUnitCount) }
        return try scanKeys(json) { key in
            missing.removeAll { $0 == key }
            return missing.isEmpty ? true : nil
        }
    }

    /// The number of elements of the next value, an array, or 0 for `null`; the elements are skipped.
    static func count(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Int {
        switch try json.next() {
        case .null: return 0
        case .beginArray:
            var count = 0
            try json.forEachElement { count += 1 }
            return count
        default: throw InputError("\(what) must be an array", line: json.line, column: json.column)
        }
    }

    /// Reads a report of JSON lines (one JSON value per line, blank lines ignored), calling `record` with a
    /// tokenizer over each line. Errors carry the line of the file.
    static func readLines(_ input: InputBuffer, _ record: (JSONTokenizer) throws(InputError) -> Void)
        throws(InputError)
    {
        var scanner = LineScanner(input)
        while let text = try scanner.nextLine() {
            guard !text.trimmed().isEmpty else { continue }
            let json = JSONTokenizer(InputBuffer(source: MemoryByteSource(text.bytes), capacity: max(text.count, 1)))
            do {
                try record(json)
                try json.expectEnd()
            } catch {
                throw InputError(error.message, line: scanner.lineNumber, column: error.column ?? json.column)
            }
        }
    }
}
