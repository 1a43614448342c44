import Glibc

/// A pull tokenizer for XML reports: one event at a time, straight from an ``InputBuffer``, without a tree.
///
/// - Events: ``next()`` returns ``Event/startElement``, ``Event/endElement`` (also right after a self-closing
///   `<tag/>`), ``Event/text`` and, after the root element, ``Event/end``. Comments, processing instructions
///   (the XML declaration too) and the DOCTYPE are consumed silently. Character data and CDATA sections next to
///   each other form one text event. Text that is only white space (with no reference and no CDATA section) is
///   never reported.
/// - Spans from ``name``, ``attribute(_:)`` and ``text`` point into the input buffer, or into a scratch buffer
///   when references were decoded; they are valid until the next call to ``next()`` or ``skipElement()``.
/// - Security: nothing is ever read but the input. A DOCTYPE is skipped and never fetched; one whose internal
///   subset declares an entity is refused, so entities are never expanded; a reference other than the five
///   predefined entities and numeric character references is an error.
/// - Well-formedness: tags nest and match (at most `maxDepth` deep), there is exactly one root element and no
///   text outside it, attribute values are quoted and hold no `<`, references are well-formed. Element and
///   attribute names must be valid UTF-8; attribute values and text are not checked here
///   (``ByteSpan/string()`` checks them when a reader converts them). Duplicate attributes are not detected:
///   ``attribute(_:)`` returns the first.
/// - The tokenizer owns the buffer's read position while it reads: `input.start` is brought up to date before each
///   refill and at the end of the document.
public final class XMLTokenizer {
    /// What ``next()`` found.
    public enum Event: Equatable, Sendable {
        case startElement
        case endElement
        case text
        case end
    }

    /// Where an attribute of the current start tag is: offsets from `cursor`, or into the scratch buffer.
    private struct Attribute {
        var nameStart: Int
        var nameCount: Int
        var valueStart: Int
        var valueCount: Int
        var decoded: Bool
    }

    // The tokenizer is used from one thread and never re-entered: its state opts out of runtime exclusivity
    // checks, which would otherwise cost more than the tokenizing itself.
    private let window: XMLInputWindow
    private let maxDepth: Int
    @exclusivity(unchecked) private var current: Event?
    /// Length of the current token, released at the next call.
    @exclusivity(unchecked) private var consumed = 0
    @exclusivity(unchecked) private var nameStart = 0
    @exclusivity(unchecked) private var nameCount = 0
    @exclusivity(unchecked) public private(set) var isSelfClosing = false
    /// A self-closing tag was reported as a start element; its end element comes next.
    @exclusivity(unchecked) private var endPending = false
    /// The attributes of the current start tag: the first `attributeCount` entries.
    @exclusivity(unchecked) private var attributes: [Attribute] = []
    @exclusivity(unchecked) private var attributeCount = 0
    @exclusivity(unchecked) private var textStart = 0
    @exclusivity(unchecked) private var textCount = 0
    @exclusivity(unchecked) private var textDecoded = false
    private let scratch = XMLTextBuffer()
    /// The names of the open elements, back to back, with where each starts and the line of its start tag.
    private let openNames = XMLTextBuffer(capacity: 256)
    @exclusivity(unchecked) private var openStarts: [Int] = []
    @exclusivity(unchecked) private var openLines: [Int] = []
    @exclusivity(unchecked) private var rootSeen = false
    /// Inside ``skipElement()``: text is not reported and attributes are not recorded.
    @exclusivity(unchecked) private var skipping = false

    /// Reads from `input`; elements nested deeper than `maxDepth` are an error.
    public init(_ input: InputBuffer, maxDepth: Int = 256) {
        window = XMLInputWindow(input)
        self.maxDepth = maxDepth
    }

    /// For start and end elements: the qualified name as written (e.g. `ns:tag`); empty for other events.
    public var name: ByteSpan {
        guard current == .startElement || current == .endElement else { return ByteSpan(base: window.bytes, count: 0) }
        return ByteSpan(base: window.bytes + window.cursor + nameStart, count: nameCount)
    }

    /// For start and end elements: the name without its namespace prefix.
    public var localName: ByteSpan {
        let qualified = name
        guard let colon = qualified.firstIndex(of: UInt8(ascii: ":")) else { return qualified }
        return qualified.dropFirst(colon + 1)
    }

    /// For text: the character data, references decoded and CDATA sections included verbatim; empty otherwise.
    public var text: ByteSpan {
        guard current == .text else { return ByteSpan(base: window.bytes, count: 0) }
        return textDecoded
            ? scratch.span(textStart, textCount)
            : ByteSpan(base: window.bytes + window.cursor + textStart, count: textCount)
    }

    /// The 1-based line where the current event starts.
    public var line: Int { window.lineAt(window.cursor) }

    /// How many elements enclose the current event; a start or end element counts itself (the root is at 1).
    public var depth: Int { current == .endElement ? openStarts.count + 1 : openStarts.count }

    /// For a start element: the value of attribute `name`, references decoded; nil when it has none.
    public func attribute(_ name: StaticString) -> ByteSpan? {
        guard current == .startElement else { return nil }
        let base = window.bytes + window.cursor
        let length = name.utf8CodeUnitCount
        for index in 0..<attributeCount {
            let attribute = attributes[index]
            guard attribute.nameCount == length, memcmp(base + attribute.nameStart, name.utf8Start, length) == 0
            else { continue }
            return attribute.decoded
                ? scratch.span(attribute.valueStart, attribute.valueCount)
                : ByteSpan(base: base + attribute.valueStart, count: attribute.valueCount)
        }
        return nil
    }

    /// Advances to the next event.
    public func next() throws(InputError) -> Event {
        if endPending {
            endPending = false
            closeElement()
            return .endElement
        }
        window.cursor += consumed
        consumed = 0
        while true {
            guard try window.ensure(1) else { return try finish() }
            if window.bytes[window.cursor] != UInt8(ascii: "<") {
                if openStarts.isEmpty {
                    try window.skipWhiteSpace(
                        orFail: rootSeen ? "text after the root element" : "text before the root element")
                } else if skipping {
                    try window.skipToMarkup()
                } else if try readText() {
                    return .text
                }
                continue
            }
            guard try window.ensure(2) else { throw window.unexpectedEnd(inside: "a tag") }
            switch window.bytes[window.cursor + 1] {
            case UInt8(ascii: "/"):
                try readEndTag()
                return .endElement
            case UInt8(ascii: "?"):
                try window.skipPast("?>", from: 2, inside: "a processing instruction")
            case UInt8(ascii: "!"):
                if try readMarkupDeclaration() { return .text }
            default:
                try readStartTag()
                return .startElement
            }
        }
    }

    /// Consumes the rest of the innermost open element, up to and including its end tag, without decoding it:
    /// after a start element, the element it starts; after text, the element that holds it. The current event
    /// is then that element's end, and ``next()`` continues after it. Does nothing outside the root element.
    public func skipElement() throws(InputError) {
        let target = openStarts.count - 1
        guard target >= 0 else { return }
        skipping = true
        defer { skipping = false }
        while openStarts.count > target { _ = try next() }
    }

    // MARK: - Elements

    private func readStartTag() throws(InputError) {
        let length = try window.complete(inside: "a tag") { () throws(InputError) -> Int? in try scanStartTag() }
        nameStart = 1
        if openStarts.isEmpty, rootSeen {
            throw window.error(
                "a second root element <\(tagName)>: the document must have one root", at: 0)
        }
        guard openStarts.count < maxDepth else {
            throw window.error("elements are nested more than \(maxDepth) levels deep", at: 0)
        }
        openLines.append(window.lineAt(window.cursor))
        openStarts.append(openNames.count)
        openNames.append(window.bytes + window.cursor + 1, count: nameCount)
        rootSeen = true
        consumed = length
        current = .startElement
        endPending = isSelfClosing
    }

    /// Parses the start tag at the front of the window and returns its length, or nil when the window ends inside
    /// it. Records its name and (unless skipping) its attributes.
    private func scanStartTag() throws(InputError) -> Int? {
        let base = window.bytes + window.cursor
        let count = window.available
        attributeCount = 0
        scratch.removeAll()
        guard var index = try scanName(base, from: 1, count: count, of: "an element") else { return nil }
        nameCount = index - 1
        while true {
            let spaceStart = index
            while index < count, base[index].isASCIIWhitespace { index += 1 }
            guard index < count else { return nil }
            let byte = base[index]
            if byte == UInt8(ascii: ">") {
                isSelfClosing = false
                return index + 1
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < count else { return nil }
                guard base[index + 1] == UInt8(ascii: ">") else {
                    throw window.error("expected '>' after '/' in the tag <\(tagName)>", at: index)
                }
                isSelfClosing = true
                return index + 2
            }
            guard XMLSyntax.isNameStart(byte) else {
                throw window.error("unexpected \(XMLSyntax.shown(byte)) in the tag <\(tagName)>", at: index)
            }
            guard index > spaceStart else {
                throw window.error("attributes in the tag <\(tagName)> must be separated by white space", at: index)
            }
            guard let end = try scanAttribute(base, from: index, count: count) else { return nil }
            index = end
        }
    }

    /// Parses `name = "value"` starting at `start`; returns the index after the closing quote, or nil when the
    /// window ends first.
    private func scanAttribute(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) throws(InputError) -> Int? {
        guard let nameEnd = try scanName(base, from: start, count: count, of: "an attribute") else { return nil }
        var index = nameEnd
        func attributeName() -> String { XMLSyntax.shown(ByteSpan(base: base + start, count: nameEnd - start)) }
        while index < count, base[index].isASCIIWhitespace { index += 1 }
        guard index < count else { return nil }
        guard base[index] == UInt8(ascii: "=") else {
            throw window.error("attribute '\(attributeName())' of <\(tagName)> has no value: expected '='", at: index)
        }
        index += 1
        while index < count, base[index].isASCIIWhitespace { index += 1 }
        guard index < count else { return nil }
        let quote = base[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw window.error(
                "the value of attribute '\(attributeName())' of <\(tagName)> must be in quotes", at: index)
        }
        index += 1
        let valueStart = index
        var hasReference = false
        while index < count, base[index] != quote {
            if base[index] == UInt8(ascii: "<") {
                throw window.error(
                    "'<' in the value of attribute '\(attributeName())' of <\(tagName)> (write it as &lt;)",
                    at: index)
            }
            hasReference = hasReference || base[index] == UInt8(ascii: "&")
            index += 1
        }
        guard index < count else { return nil }
        guard !skipping else { return index + 1 }
        var attribute = Attribute(
            nameStart: start, nameCount: nameEnd - start, valueStart: valueStart, valueCount: index - valueStart,
            decoded: false)
        if hasReference {
            attribute.valueStart = scratch.count
            try decode(base + valueStart, count: attribute.valueCount, at: valueStart)
            attribute.valueCount = scratch.count - attribute.valueStart
            attribute.decoded = true
        }
        if attributeCount < attributes.count {
            attributes[attributeCount] = attribute
        } else {
            attributes.append(attribute)
        }
        attributeCount += 1
        return index + 1
    }

    /// Scans a name starting at `start` (which is inside the window); returns the index after it, or nil when the
    /// window ends inside it.
    private func scanName(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, of what: String)
        throws(InputError) -> Int?
    {
        guard XMLSyntax.isNameStart(base[start]) else {
            throw window.error("expected \(what) name, found \(XMLSyntax.shown(base[start]))", at: start)
        }
        var index = start + 1
        var bits = base[start]
        while index < count, XMLSyntax.isNameByte(base[index]) {
            bits |= base[index]
            index += 1
        }
        guard index < count else { return nil }
        if bits >= 0x80, ByteSpan(base: base + start, count: index - start).string() == nil {
            throw window.error("\(what) name is not valid UTF-8", at: start)
        }
        return index
    }

    /// The name of the tag being parsed, for messages.
    private var tagName: String { XMLSyntax.shown(ByteSpan(base: window.bytes + window.cursor + 1, count: nameCount)) }

    private func readEndTag() throws(InputError) {
        let end = try window.complete(inside: "an end tag") { () -> Int? in
            let base = window.bytes + window.cursor
            guard let found = memchr(base + 2, Int32(UInt8(ascii: ">")), window.available - 2) else { return nil }
            return found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
        }
        let base = window.bytes + window.cursor
        var index = 2
        while index < end, XMLSyntax.isNameByte(base[index]) { index += 1 }
        let closing = ByteSpan(base: base + 2, count: index - 2)
        while index < end, base[index].isASCIIWhitespace { index += 1 }
        guard index == end, closing.count > 0 else {
            throw window.error(
                "malformed end tag </\(XMLSyntax.shown(ByteSpan(base: base + 2, count: end - 2)))>", at: 0)
        }
        guard let start = openStarts.last, let line = openLines.last else {
            throw window.error("end tag </\(XMLSyntax.shown(closing))> without a matching start tag", at: 0)
        }
        guard openNames.span(start, openNames.count - start) == closing else {
            throw window.error(
                "end tag </\(XMLSyntax.shown(closing))> does not match <\(openName(from: start))> started at line \(line)",
                at: 0)
        }
        nameStart = 2
        nameCount = closing.count
        consumed = end + 1
        closeElement()
    }

    private func closeElement() {
        if let start = openStarts.popLast() { openNames.removeLast(openNames.count - start) }
        openLines.removeLast()
        current = .endElement
    }

    /// The name of the open element whose name starts at `start`, for messages.
    private func openName(from start: Int) -> String {
        XMLSyntax.shown(openNames.span(start, openNames.count - start))
    }

    private func finish() throws(InputError) -> Event {
        if let start = openStarts.last, let line = openLines.last {
            throw window.unexpectedEnd(inside: "<\(openName(from: start))>", startedAt: line)
        }
        guard rootSeen else { throw InputError("the document has no root element", line: window.lineAt(window.limit)) }
        window.handBack()
        current = .end
        return .end
    }

    // MARK: - Text and markup declarations

    /// Reads a run of character data and CDATA sections; false when it was only white space (and skipped).
    private func readText() throws(InputError) -> Bool {
        let (length, reported) = try window.complete(inside: "text") { () throws(InputError) -> (Int, Bool)? in
            try scanText()
        }
        guard reported else {
            window.cursor += length
            return false
        }
        consumed = length
        current = .text
        return true
    }

    /// Scans the text at the front of the window and returns its length and whether it is reported; nil when the
    /// window ends before the text does.
    private func scanText() throws(InputError) -> (Int, Bool)? {
        let base = window.bytes + window.cursor
        let count = window.available
        let atEnd = window.sourceEnded
        let cdataOpen: StaticString = "<![CDATA["
        scratch.removeAll()
        textDecoded = false
        var pieces = 0
        var blank = true
        var index = 0
        while true {
            guard index < count else {
                if atEnd { break }
                return nil
            }
            let pieceStart: Int
            let pieceEnd: Int
            let raw: Bool
            if base[index] == UInt8(ascii: "<") {
                let rest = count - index
                guard memcmp(base + index, cdataOpen.utf8Start, min(rest, 9)) == 0 else { break }
                guard rest >= 9 else {
                    if atEnd { break }
                    return nil
                }
                guard let close = ByteSpan(base: base, count: count).firstIndex(of: "]]>", from: index + 9) else {
                    if atEnd {
                        throw window.unexpectedEnd(
                            inside: "a CDATA section", startedAt: window.lineAt(window.cursor + index))
                    }
                    return nil
                }
                (pieceStart, pieceEnd, raw) = (index + 9, close, true)
                index = close + 3
                blank = false
            } else {
                let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index)
                let end = found.map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base) }
                // Character data cut by the window's end may continue (and a reference may be cut in two).
                if end == nil, !atEnd { return nil }
                pieceStart = index
                pieceEnd = end ?? count
                raw = memchr(base + index, Int32(UInt8(ascii: "&")), pieceEnd - index) == nil
                while blank, index < pieceEnd {
                    blank = base[index].isASCIIWhitespace
                    index += 1
                }
                index = pieceEnd
            }
            if pieces == 0, raw {
                (textStart, textCount) = (pieceStart, pieceEnd - pieceStart)
            } else {
                if pieces > 0, !textDecoded { scratch.append(base + textStart, count: textCount) }
                textDecoded = true
                if raw {
                    scratch.append(base + pieceStart, count: pieceEnd - pieceStart)
                } else {
                    try decode(base + pieceStart, count: pieceEnd - pieceStart, at: pieceStart)
                }
            }
            pieces += 1
        }
        if textDecoded { (textStart, textCount) = (0, scratch.count) }
        return (index, !blank)
    }

    /// Decodes references into the scratch buffer; `offset` is where the bytes are, from `cursor`.
    private func decode(_ data: UnsafePointer<UInt8>, count: Int, at offset: Int) throws(InputError) {
        do throws(XMLDataError) {
            try scratch.appendDecoding(data, count: count)
        } catch {
            throw window.error(error.message, at: offset + error.offset)
        }
    }

    /// Handles `<!…`: comments and the DOCTYPE are skipped; a CDATA section starts text (true when reported).
    private func readMarkupDeclaration() throws(InputError) -> Bool {
        if try window.hasPrefix("<!--") {
            try window.skipPast("-->", from: 4, inside: "a comment")
            return false
        }
        if try window.hasPrefix("<![CDATA[") {
            if openStarts.isEmpty { throw window.error("a CDATA section outside the root element", at: 0) }
            if skipping {
                try window.skipPast("]]>", from: 9, inside: "a CDATA section")
                return false
            }
            return try readText()
        }
        if try window.hasPrefix("<!DOCTYPE") {
            guard !rootSeen else { throw window.error("a DOCTYPE is only allowed before the root element", at: 0) }
            window.cursor += try window.complete(inside: "the DOCTYPE") { () throws(InputError) -> Int? in
                try window.doctypeLength()
            }
            return false
        }
        if window.sourceEnded, window.available < 9 { throw window.unexpectedEnd(inside: "a tag") }
        throw window.error("unexpected markup '<!': expected a comment, a CDATA section or the DOCTYPE", at: 0)
    }
}
