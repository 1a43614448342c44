import Glibc

/// A borrowed run of bytes inside an ``InputBuffer`` (or any other memory the caller keeps alive).
///
/// Spans are only valid until the buffer they point into is refilled; copy out what must be kept
/// (``string()``, ``int()``), and compare in place with ``==`` against a `StaticString`.
public struct ByteSpan {
    public let base: UnsafePointer<UInt8>
    public let count: Int

    @inline(__always)
    public init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    public var isEmpty: Bool { count == 0 }

    @inline(__always)
    public subscript(index: Int) -> UInt8 { base[index] }

    /// The bytes from `from` (inclusive) to `to` (exclusive).
    @inline(__always)
    public func slice(_ from: Int, _ to: Int) -> ByteSpan { ByteSpan(base: base + from, count: to - from) }

    /// The bytes from `from` to the end.
    @inline(__always)
    public func dropFirst(_ from: Int) -> ByteSpan { ByteSpan(base: base + from, count: count - from) }

    /// The index of the first `byte` at or after `from`, or nil.
    @inline(__always)
    public func firstIndex(of byte: UInt8, from: Int = 0) -> Int? {
        var index = from
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The index of the last `byte`, or nil.
    public func lastIndex(of byte: UInt8) -> Int? {
        var index = count - 1
        while index >= 0 {
            if base[index] == byte { return index }
            index -= 1
        }
        return nil
    }

    /// The index of the first occurrence of `needle` at or after `from`, or nil.
    public func firstIndex(of needle: StaticString, from: Int = 0) -> Int? {
        let length = needle.utf8CodeUnitCount
        guard length > 0 else { return from }
        let first = needle.utf8Start[0]
        var index = from
        while index + length <= count {
            guard let found = memchr(base + index, Int32(first), count - length + 1 - index) else { return nil }
            index = found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            if memcmp(base + index, needle.utf8Start, length) == 0 { return index }
            index += 1
        }
        return nil
    }

    /// True when the span starts with the bytes of `prefix`.
    @inline(__always)
    public func hasPrefix(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard count >= length else { return false }
        return memcmp(base, prefix.utf8Start, length) == 0
    }

    /// True when the span ends with the bytes of `suffix`.
    public func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        return memcmp(base + count - length, suffix.utf8Start, length) == 0
    }

    /// True when the span holds exactly the bytes of `text`.
    @inline(__always)
    public static func == (span: ByteSpan, text: StaticString) -> Bool {
        span.count == text.utf8CodeUnitCount && memcmp(span.base, text.utf8Start, span.count) == 0
    }

    /// True when both spans hold the same bytes.
    public static func == (lhs: ByteSpan, rhs: ByteSpan) -> Bool {
        lhs.count == rhs.count && memcmp(lhs.base, rhs.base, lhs.count) == 0
    }

    /// The span without leading and trailing ASCII white space (space, tab, CR, LF).
    public func trimmed() -> ByteSpan {
        var from = 0
        var to = count
        while from < to, base[from].isASCIIWhitespace { from += 1 }
        while to > from, base[to - 1].isASCIIWhitespace { to -= 1 }
        return slice(from, to)
    }

    /// The bytes as an array (a copy).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes decoded as UTF-8, or nil when they are not valid UTF-8.
    public func string() -> String? {
        String(validating: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// The bytes decoded as UTF-8, or an error naming what was being read when they are not valid UTF-8.
    public func string(_ what: @autoclosure () -> String) throws(InputError) -> String {
        guard let text = string() else { throw InputError("\(what()) is not valid UTF-8") }
        return text
    }

    /// A decimal integer (optional sign, digits only), or nil when the span is not one or overflows `Int`.
    public func int() -> Int? {
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            index = 1
            guard count > 1 else { return nil }
        }
        var value = 0
        while index < count {
            let digit = Int(base[index]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// A finite decimal number (integer, fraction, exponent), or nil when the span is not one.
    ///
    /// `nan`, `inf` and numbers too large for a `Double` are refused: a report value must be a real figure.
    public func double() -> Double? {
        guard count > 0, count <= 64 else { return nil }
        for index in 0..<count {
            switch base[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let text = string(), let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension ByteSpan: CustomStringConvertible {
    public var description: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}

extension UInt8 {
    @inline(__always)
    var isASCIIWhitespace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\n")
            || self == UInt8(ascii: "\r")
    }

    @inline(__always)
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

/// Runs `body` with a span over the UTF-8 bytes of `text` (for tests and small in-memory inputs).
public func withByteSpan<Result>(_ text: String, _ body: (ByteSpan) throws -> Result) rethrows -> Result {
    var copy = text
    return try copy.withUTF8 { buffer in
        try body(
            ByteSpan(base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, count: buffer.count))
    }
}
