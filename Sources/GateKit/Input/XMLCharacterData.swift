import Glibc

/// A problem in character data, at a byte offset of the data being decoded (the tokenizer adds the line).
struct XMLDataError: Error {
    var message: String
    var offset: Int
}

/// A growable byte buffer that holds decoded text and attribute values for ``XMLTokenizer``.
///
/// It is reused from event to event: after the first few events nothing is allocated. Spans into it stay valid
/// until the next append (which may move the storage) or ``removeAll()``.
final class XMLTextBuffer {
    // Used by one tokenizer on one thread: no runtime exclusivity checks (see XMLTokenizer).
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    func removeAll() { count = 0 }

    func removeLast(_ length: Int) { count -= length }

    func span(_ start: Int, _ length: Int) -> ByteSpan { ByteSpan(base: storage + start, count: length) }

    func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (storage + count).update(from: bytes, count: length)
        count += length
    }

    private func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = grown
    }

    /// Appends `length` bytes of character data with entity and character references replaced by what they stand
    /// for: the five predefined entities (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) and `&#N;` / `&#xH;`.
    ///
    /// Any other named reference is an error: protocol defines no entities and never expands declared ones.
    func appendDecoding(_ bytes: UnsafePointer<UInt8>, count length: Int) throws(XMLDataError) {
        var index = 0
        while index < length {
            guard let found = memchr(bytes + index, Int32(UInt8(ascii: "&")), length - index) else {
                append(bytes + index, count: length - index)
                return
            }
            let ampersand = found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: bytes)
            append(bytes + index, count: ampersand - index)
            var end = ampersand + 1
            while end < length, XMLSyntax.isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
            guard end < length, bytes[end] == UInt8(ascii: ";"), end > ampersand + 1 else {
                throw XMLDataError(
                    message: "'&' does not start a reference such as &amp; (write a literal '&' as &amp;)",
                    offset: ampersand)
            }
            try appendReference(ByteSpan(base: bytes + ampersand + 1, count: end - ampersand - 1), at: ampersand)
            index = end + 1
        }
    }

    /// Appends what the reference `&name;` stands for (`name` is the part between `&` and `;`).
    private func appendReference(_ name: ByteSpan, at offset: Int) throws(XMLDataError) {
        if name[0] == UInt8(ascii: "#") {
            return try appendCharacter(name.dropFirst(1), at: offset)
        }
        switch name.count {
        case 2 where name == "lt": append(UInt8(ascii: "<"))
        case 2 where name == "gt": append(UInt8(ascii: ">"))
        case 3 where name == "amp": append(UInt8(ascii: "&"))
        case 4 where name == "quot": append(UInt8(ascii: "\""))
        case 4 where name == "apos": append(UInt8(ascii: "'"))
        default:
            throw XMLDataError(message: "undefined entity &\(XMLSyntax.shown(name));", offset: offset)
        }
    }

    /// Appends the UTF-8 bytes of the character reference `&#digits;` or `&#xhex;` (given without `&#` and `;`).
    private func appendCharacter(_ digits: ByteSpan, at offset: Int) throws(XMLDataError) {
        let hex = digits.count > 0 && digits[0] == UInt8(ascii: "x")
        let body = hex ? digits.dropFirst(1) : digits
        var value: UInt32 = 0
        var valid = body.count > 0
        for index in 0..<body.count {
            let byte = body[index]
            let digit: UInt32
            if byte.isASCIIDigit {
                digit = UInt32(byte - UInt8(ascii: "0"))
            } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                valid = false
                break
            }
            value = value * (hex ? 16 : 10) + digit
            if value > 0x10FFFF { break }
        }
        guard valid else {
            throw XMLDataError(message: "malformed character reference &#\(XMLSyntax.shown(digits));", offset: offset)
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else {
            throw XMLDataError(
                message: "character reference &#\(XMLSyntax.shown(digits)); is not a valid character", offset: offset)
        }
        for byte in UTF8.encode(scalar).unsafelyUnwrapped { append(byte) }
    }
}

/// Byte classes and message helpers shared by the XML tokenizer.
enum XMLSyntax {
    /// True for a byte that may start a name: a letter, `_`, `:` or any byte of a multi-byte UTF-8 character.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    /// True for a byte that may continue a name: a name start, a digit, `-` or `.`.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// A name or other span for an error message: at most 60 bytes, invalid UTF-8 replaced.
    static func shown(_ span: ByteSpan) -> String {
        span.count <= 60 ? span.description : span.slice(0, 60).description + "…"
    }

    /// The number of line feeds in `base[from..<to]`, eight bytes at a time.
    static func countNewlines(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = from
        while index + 8 <= to {
            // Bytes equal to '\n' become zero; a byte's high bit then ends up set exactly when it is zero.
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            count &+= (~(((word & low) &+ low) | word | low)).nonzeroBitCount
            index += 8
        }
        while index < to {
            if base[index] == UInt8(ascii: "\n") { count += 1 }
            index += 1
        }
        return count
    }

    /// A byte for an error message: the character when it is printable ASCII, else its value.
    static func shown(_ byte: UInt8) -> String {
        byte > 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
