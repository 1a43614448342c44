import Glibc

/// The first bytes of a report, looked at to recognise its format before it is read.
public struct ContentHead {
    /// How many bytes are looked at.
    public static let size = 64 * 1024

    /// The broad shape of the content.
    public enum Kind: Equatable, Sendable {
        case empty
        case binary
        case xml
        case json
        case text
    }

    /// The first bytes (UTF-8, byte-order mark removed); valid only while the head is being examined.
    public let bytes: ByteSpan
    public let kind: Kind
    /// For XML, the name of the root element (after the prolog, comments and DOCTYPE).
    public let xmlRoot: String?

    public init(_ bytes: ByteSpan) {
        self.bytes = bytes
        var index = 0
        while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 }
        if index == bytes.count {
            kind = .empty
            xmlRoot = nil
        } else if memchr(bytes.base, 0, bytes.count) != nil {
            kind = .binary
            xmlRoot = nil
        } else if bytes[index] == UInt8(ascii: "<") {
            kind = .xml
            xmlRoot = ContentHead.rootElement(bytes, from: index)
        } else if ContentHead.startsJSON(bytes, at: index) {
            kind = .json
            xmlRoot = nil
        } else {
            kind = .text
            xmlRoot = nil
        }
    }

    /// `{`, or `[` followed by `{`, `[`, `"` or `]`: a JSON document of the kind reports are (a log line such as
    /// `[1/4] Compiling` is text).
    private static func startsJSON(_ bytes: ByteSpan, at index: Int) -> Bool {
        if bytes[index] == UInt8(ascii: "{") { return true }
        guard bytes[index] == UInt8(ascii: "[") else { return false }
        var next = index + 1
        while next < bytes.count, bytes[next].isASCIIWhitespace { next += 1 }
        guard next < bytes.count else { return true }
        return [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "]")].contains(bytes[next])
    }

    /// Runs `body` on a JSON tokenizer over the head, for recognisers that need a report's structure (its first
    /// keys, their order). A head that ends, or stops being valid JSON, before `body` decides is not recognised.
    public func probeJSON(_ body: (JSONTokenizer) throws(InputError) -> Bool) -> Bool {
        guard kind == .json else { return false }
        let input = InputBuffer(source: MemoryByteSource(bytes.bytes), capacity: bytes.count)
        do {
            return try body(JSONTokenizer(input))
        } catch {
            return false
        }
    }

    /// True when `text` occurs in the head.
    public func contains(_ text: StaticString) -> Bool {
        bytes.firstIndex(of: text) != nil
    }

    /// The first `limit` lines of the head (the last one may be cut short by the head's end).
    public func lines(limit: Int) -> [ByteSpan] {
        var result: [ByteSpan] = []
        var from = 0
        while from < bytes.count, result.count < limit {
            let end = bytes.firstIndex(of: UInt8(ascii: "\n"), from: from) ?? bytes.count
            var line = bytes.slice(from, end)
            if line.count > 0, line[line.count - 1] == UInt8(ascii: "\r") { line = line.slice(0, line.count - 1) }
            result.append(line)
            from = end + 1
        }
        return result
    }

    /// Skips the XML declaration, processing instructions, comments and a DOCTYPE, and returns the root's name.
    private static func rootElement(_ bytes: ByteSpan, from start: Int) -> String? {
        var index = start
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let rest = bytes.dropFirst(index)
            if rest.hasPrefix("<?") {
                index = skip(past: "?>", in: bytes, from: index)
            } else if rest.hasPrefix("<!--") {
                index = skip(past: "-->", in: bytes, from: index)
            } else if rest.hasPrefix("<!") {
                index = skip(past: ">", in: bytes, from: index)
            } else {
                var end = index + 1
                while end < bytes.count, !bytes[end].isASCIIWhitespace, bytes[end] != UInt8(ascii: ">"),
                    bytes[end] != UInt8(ascii: "/")
                {
                    end += 1
                }
                let name = bytes.slice(index + 1, end)
                // A namespace prefix does not change what the element is.
                let local = name.firstIndex(of: UInt8(ascii: ":")).map { name.dropFirst($0 + 1) } ?? name
                return local.string()
            }
        }
        return nil
    }

    private static func skip(past terminator: StaticString, in bytes: ByteSpan, from index: Int) -> Int {
        guard let found = bytes.firstIndex(of: terminator, from: index) else { return bytes.count }
        return found + terminator.utf8CodeUnitCount
    }
}
