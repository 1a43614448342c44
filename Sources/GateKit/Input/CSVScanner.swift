/// Splits an ``InputBuffer`` into CSV records (RFC 4180) without copying them.
///
/// - Fields are separated by `delimiter` (a comma unless told otherwise); records end at LF or CRLF. A field that
///   starts with `"` is quoted: it may hold delimiters, line breaks and `""` (one literal quote), and must be
///   followed by a delimiter or the end of the record. A `"` inside an unquoted field is an ordinary character.
/// - Blank lines are skipped: they hold no record.
/// - ``field(_:)`` hands out fields as ``ByteSpan``s without quotes, valid until the next ``nextRecord()``. They
///   point into the input buffer, except quoted fields with `""` escapes, which are unescaped into a scratch buffer.
/// - A record may be as long as the buffer's maximum capacity; nothing else is kept between records.
public struct CSVScanner {
    /// Where one field of the current record is: an offset from the record's first byte, or, for a quoted field
    /// with `""` escapes (once a record is complete), into the scratch buffer.
    private struct Field {
        var start: Int
        var count: Int
        var escaped: Bool
    }

    /// The fields of the current record: a buffer reused from record to record, used by one scanner on one thread
    /// (so without runtime exclusivity checks, as in ``InputBuffer``).
    private final class Fields {
        @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<Field>
        @exclusivity(unchecked) private var capacity = 32
        @exclusivity(unchecked) private(set) var count = 0

        init() { base = .allocate(capacity: capacity) }

        deinit { base.deallocate() }

        @inline(__always)
        func append(_ field: Field) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Field>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            (base + count).initialize(to: field)
            count += 1
        }

        func removeAll() { count = 0 }
    }

    private let input: InputBuffer
    /// The byte between fields.
    public let delimiter: UInt8
    private let fields = Fields()
    /// Some field of the current record holds `""` escapes.
    private var hasEscapes = false
    private let scratch = XMLTextBuffer(capacity: 256)
    /// The current record's first byte, valid until the next call.
    private var record: UnsafePointer<UInt8>
    /// The 1-based line where the current record starts (0 before the first).
    public private(set) var lineNumber = 0
    /// The line after the last record read: where the next record may start.
    private var nextLine = 1
    /// True when the current record ended the input without a line feed (a cut-off file ends so).
    public private(set) var lastRecordUnterminated = false

    public init(_ input: InputBuffer, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.input = input
        self.delimiter = delimiter
        record = input.base
    }

    /// The number of fields of the current record.
    public var fieldCount: Int { fields.count }

    /// Field `index` of the current record (0-based), without its quotes; an empty span for an index past the last
    /// field (or below 0).
    @inline(__always)
    public func field(_ index: Int) -> ByteSpan {
        guard index >= 0, index < fields.count else { return ByteSpan(base: record, count: 0) }
        let field = fields.base[index]
        return field.escaped
            ? scratch.span(field.start, field.count) : ByteSpan(base: record + field.start, count: field.count)
    }

    /// Reads the next record; false at the end of the input.
    public mutating func nextRecord() throws(InputError) -> Bool {
        var tried = 0
        while true {
            let available = input.available
            if available > 0, available >= 2 * tried || input.reachedEndOfSource {
                tried = available
                let base = input.base + input.start
                if let blank = Self.blankLineLength(base, count: available, atEnd: input.reachedEndOfSource) {
                    input.start += blank
                    nextLine += 1
                    tried = 0
                    continue
                }
                if let length = try scan(base, count: available, atEnd: input.reachedEndOfSource) {
                    record = base
                    input.start += length
                    if hasEscapes { unescapeQuotes() }
                    return true
                }
            }
            if input.available >= input.maximumCapacity {
                throw InputError("the record is longer than \(input.limitDescription)", line: nextLine)
            }
            if !(try input.refill()) && input.available == 0 { return false }
        }
    }

    /// The length of the blank line (LF or CRLF) at `base`, or nil when it is not one.
    private static func blankLineLength(_ base: UnsafePointer<UInt8>, count: Int, atEnd: Bool) -> Int? {
        if base[0] == UInt8(ascii: "\n") { return 1 }
        guard base[0] == UInt8(ascii: "\r") else { return nil }
        if count > 1 { return base[1] == UInt8(ascii: "\n") ? 2 : nil }
        return atEnd ? 1 : nil
    }

    /// Splits the record at `base` into fields and returns its length with its line end, or nil when the window ends
    /// before the record does.
    private mutating func scan(_ base: UnsafePointer<UInt8>, count: Int, atEnd: Bool) throws(InputError) -> Int? {
        fields.removeAll()
        hasEscapes = false
        let newline = UInt8(ascii: "\n")
        var newlines = 0
        var index = 0
        while true {
            let start = index
            if index < count, base[index] == UInt8(ascii: "\"") {
                guard let (close, escaped) = try closingQuote(base, from: index + 1, count: count, atEnd, &newlines)
                else { return nil }
                fields.append(Field(start: start + 1, count: close - start - 1, escaped: escaped))
                hasEscapes = hasEscapes || escaped
                index = close + 1
                guard index < count else { return atEnd ? finish(count, newlines: newlines, terminated: false) : nil }
                let next = base[index]
                if next == delimiter {
                    index += 1
                    continue
                }
                if next == newline { return finish(index + 1, newlines: newlines + 1, terminated: true) }
                if next == UInt8(ascii: "\r") {
                    guard index + 1 < count else {
                        return atEnd ? finish(count, newlines: newlines, terminated: false) : nil
                    }
                    if base[index + 1] == newline { return finish(index + 2, newlines: newlines + 1, terminated: true) }
                }
                throw InputError(
                    "unexpected \(XMLSyntax.shown(next)) after the closing quote of field \(fields.count): "
                        + "a quoted field must end at a delimiter or the end of the line", line: nextLine + newlines)
            }
            while index < count, base[index] != delimiter, base[index] != newline { index += 1 }
            guard index < count || atEnd else { return nil }
            if index < count, base[index] == delimiter {
                fields.append(Field(start: start, count: index - start, escaped: false))
                index += 1
                continue
            }
            var end = index
            if end > start, base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            fields.append(Field(start: start, count: end - start, escaped: false))
            return index < count
                ? finish(index + 1, newlines: newlines + 1, terminated: true)
                : finish(count, newlines: newlines, terminated: false)
        }
    }

    /// The index of the quote that closes the quoted field whose content starts at `from`, and whether the field
    /// holds `""` escapes; nil when the window ends first. Counts the line feeds inside into `newlines`.
    private func closingQuote(
        _ base: UnsafePointer<UInt8>, from: Int, count: Int, _ atEnd: Bool, _ newlines: inout Int
    ) throws(InputError) -> (Int, Bool)? {
        let quote = UInt8(ascii: "\"")
        var escaped = false
        var index = from
        while true {
            guard index < count else {
                guard atEnd else { return nil }
                throw InputError(
                    "the file ends inside a quoted field started at line \(nextLine): is it truncated?",
                    line: nextLine + newlines)
            }
            let byte = base[index]
            if byte == quote {
                // A quote at the window's end may be the first of a pair.
                guard index + 1 < count else { return atEnd ? (index, escaped) : nil }
                guard base[index + 1] == quote else { return (index, escaped) }
                escaped = true
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") { newlines += 1 }
            index += 1
        }
    }

    /// Ends the record: it started at `nextLine` and held `newlines` line feeds.
    private mutating func finish(_ length: Int, newlines: Int, terminated: Bool) -> Int {
        lineNumber = nextLine
        nextLine += newlines
        lastRecordUnterminated = !terminated
        return length
    }

    /// Copies the quoted fields with `""` escapes into the scratch buffer, one quote for each pair.
    private func unescapeQuotes() {
        scratch.removeAll()
        for index in 0..<fields.count where fields.base[index].escaped {
            let field = fields.base[index]
            let start = scratch.count
            var from = 0
            while from < field.count {
                let piece = record + field.start + from
                // Up to and including the next quote, whose twin is then skipped.
                var length = 0
                while from + length < field.count, piece[length] != UInt8(ascii: "\"") { length += 1 }
                let end = min(from + length + 1, field.count)
                scratch.append(piece, count: end - from)
                from = end + 1
            }
            fields.base[index] = Field(start: start, count: scratch.count - start, escaped: true)
        }
    }
}

/// The header row of a CSV file: finds columns by name.
public struct CSVHeader {
    private let names: [[UInt8]]

    /// The names in the current record of `scanner`, without surrounding white space.
    public init(_ scanner: CSVScanner) {
        names = (0..<scanner.fieldCount).map { scanner.field($0).trimmed().bytes }
    }

    /// The number of columns.
    public var count: Int { names.count }

    /// The index of the first column called `name` (exactly, case-sensitive), or nil.
    public func column(_ name: StaticString) -> Int? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return names.firstIndex { $0.elementsEqual(wanted) }
    }
}
