/// One line with its indentation measured.
struct MarkdownLine {
    let bytes: ByteSpan
    /// The column of the first byte that is not a space or a tab (a tab advances to the next multiple of four).
    let indent: Int
    /// The index of that byte; the line's length when it is blank.
    let start: Int

    init(_ bytes: ByteSpan) {
        self.bytes = bytes
        var index = 0
        var column = 0
        while index < bytes.count, bytes[index].isSpaceOrTab {
            column = Self.column(after: bytes[index], at: column)
            index += 1
        }
        indent = column
        start = index
    }

    /// True for a line of spaces and tabs only.
    var isBlank: Bool { start == bytes.count }

    /// The line from its first byte that is not a space or a tab.
    var content: ByteSpan { bytes.dropFirst(start) }

    /// The line from the column `column` of its indentation on: what is inside a list item whose content starts
    /// there (a tab that reaches past `column` is dropped whole).
    func content(fromColumn column: Int) -> ByteSpan {
        var index = 0
        var reached = 0
        while reached < column, index < start {
            reached = Self.column(after: bytes[index], at: reached)
            index += 1
        }
        return bytes.dropFirst(index)
    }

    /// The column after a space or tab at `column`.
    static func column(after byte: UInt8, at column: Int) -> Int {
        byte == UInt8(ascii: "\t") ? (column / 4 + 1) * 4 : column + 1
    }
}

/// What a non-blank line that is not inside a code fence or an HTML block starts or continues.
enum MarkdownLineKind {
    /// Indented four columns or more: a paragraph's continuation, or else indented code.
    case indented
    case fence(CodeFence)
    case heading(level: Int, text: ByteSpan)
    /// A Setext underline below an open paragraph.
    case underline(level: Int)
    case thematicBreak
    case html(HTMLBlockEnd)
    /// A `>` line, with what follows the marker and the space after it.
    case blockQuote(content: ByteSpan)
    /// A list item whose content starts at `contentColumn`, with that content.
    case listItem(contentColumn: Int, content: ByteSpan)
    /// Paragraph text.
    case text

    /// Classifies `line`. `paragraphOpen` when the paragraph the line would continue is open: an underline may
    /// then make it a heading, and a list item interrupting it must start with text, an ordered one with 1.
    /// `lazyParagraphOpen` when a paragraph of a quote or list item that the line does not continue is open: the
    /// line may be a lazy continuation of it, so a lone tag is text (the one block that paragraphs rule out).
    init(_ line: MarkdownLine, paragraphOpen: Bool, lazyParagraphOpen: Bool = false) {
        guard line.indent < 4 else {
            self = .indented
            return
        }
        let content = line.content
        if let fence = CodeFence(opening: content) {
            self = .fence(fence)
        } else if let heading = Self.atxHeading(content) {
            self = heading
        } else if paragraphOpen, let level = Self.underlineLevel(content) {
            self = .underline(level: level)
        } else if Self.isThematicBreak(content) {
            self = .thematicBreak
        } else if let end = HTMLBlockEnd(opening: content, paragraphOpen: paragraphOpen || lazyParagraphOpen) {
            self = .html(end)
        } else if content[0] == UInt8(ascii: ">") {
            let skipsSpace = content.count > 1 && content[1].isSpaceOrTab
            self = .blockQuote(content: content.dropFirst(skipsSpace ? 2 : 1))
        } else if let item = Self.listItem(line, interrupting: paragraphOpen) {
            self = item
        } else {
            self = .text
        }
    }

    /// True for a line that a paragraph takes as its continuation (a lazy one, in a quote or list item).
    var continuesParagraph: Bool {
        switch self {
        case .text, .indented: return true
        default: return false
        }
    }

    /// `# Text ##` → level 1, "Text"; nil unless one to six `#` are followed by a space, a tab or the end.
    private static func atxHeading(_ content: ByteSpan) -> MarkdownLineKind? {
        var level = 0
        while level < content.count, content[level] == UInt8(ascii: "#") { level += 1 }
        guard level >= 1, level <= 6, level == content.count || content[level].isSpaceOrTab else { return nil }
        var text = content.dropFirst(level).trimmed()
        var closing = text.count
        while closing > 0, text[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing == 0 {
            text = text.slice(0, 0)
        } else if closing < text.count, text[closing - 1].isSpaceOrTab {
            text = text.slice(0, closing).trimmed()
        }
        return .heading(level: level, text: text)
    }

    /// 1 for a run of `=`, 2 for a run of `-` (trailing spaces allowed), else nil.
    private static func underlineLevel(_ content: ByteSpan) -> Int? {
        let marker = content[0]
        guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return nil }
        var index = 1
        while index < content.count, content[index] == marker { index += 1 }
        guard content.dropFirst(index).trimmed().isEmpty else { return nil }
        return marker == UInt8(ascii: "=") ? 1 : 2
    }

    /// Three or more `*`, `-` or `_` (one kind), spaces and tabs between them allowed.
    private static func isThematicBreak(_ content: ByteSpan) -> Bool {
        let marker = content[0]
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_") else {
            return false
        }
        var count = 0
        for index in 0..<content.count {
            if content[index] == marker {
                count += 1
            } else if !content[index].isSpaceOrTab {
                return false
            }
        }
        return count >= 3
    }

    /// The list item starting this line (`-`, `+`, `*` or up to nine digits and `.` or `)`, then a space, a tab or
    /// the end of the line), or nil.
    private static func listItem(_ line: MarkdownLine, interrupting: Bool) -> MarkdownLineKind? {
        let content = line.content
        var markerLength = 1
        switch content[0] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            break
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digits = 0
            while digits < content.count, content[digits].isASCIIDigit { digits += 1 }
            guard digits <= 9, digits < content.count,
                content[digits] == UInt8(ascii: ".") || content[digits] == UInt8(ascii: ")")
            else { return nil }
            if interrupting, content.slice(0, digits).int() != 1 { return nil }
            markerLength = digits + 1
        default:
            return nil
        }
        guard markerLength == content.count || content[markerLength].isSpaceOrTab else { return nil }
        let markerEnd = line.indent + markerLength
        var column = markerEnd
        var index = markerLength
        while index < content.count, content[index].isSpaceOrTab {
            column = MarkdownLine.column(after: content[index], at: column)
            index += 1
        }
        if index == content.count {
            // An item that starts blank cannot interrupt a paragraph; its content is one column past the marker.
            return interrupting ? nil : .listItem(contentColumn: markerEnd + 1, content: content.dropFirst(index))
        }
        // Five columns or more after the marker start indented code inside the item, one column past the marker.
        guard column - markerEnd <= 4 else {
            return .listItem(contentColumn: markerEnd + 1, content: content.dropFirst(markerLength + 1))
        }
        return .listItem(contentColumn: column, content: content.dropFirst(index))
    }
}

/// A fenced code block's opening fence.
struct CodeFence: Equatable {
    /// The fence character: a backtick or a tilde.
    let marker: UInt8
    let length: Int

    /// The fence `content` opens (three or more backticks or tildes; a backtick fence's info string holds none),
    /// or nil.
    init?(opening content: ByteSpan) {
        let marker = content[0]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var length = 1
        while length < content.count, content[length] == marker { length += 1 }
        guard length >= 3 else { return nil }
        if marker == UInt8(ascii: "`"), content.firstIndex(of: marker, from: length) != nil { return nil }
        self.marker = marker
        self.length = length
    }

    /// True when `line` closes the fence: indented less than four columns, at least as many of the same character,
    /// then only spaces and tabs.
    func isClosed(by line: MarkdownLine) -> Bool {
        guard line.indent < 4 else { return false }
        let content = line.content
        var run = 0
        while run < content.count, content[run] == marker { run += 1 }
        return run >= length && content.dropFirst(run).trimmed().isEmpty
    }
}

/// How an HTML block (CommonMark kinds 1 to 7) ends.
enum HTMLBlockEnd: Equatable {
    /// Kind 1 (`<pre`, `<script`, `<style`, `<textarea`): at a line holding one of their end tags.
    case rawTextEndTag
    /// Kind 2 (`<!--`): at a line holding `-->`.
    case commentEnd
    /// Kind 3 (`<?`): at a line holding `?>`.
    case processingInstructionEnd
    /// Kind 4 (`<!` and a letter): at a line holding `>`.
    case declarationEnd
    /// Kind 5 (`<![CDATA[`): at a line holding `]]>`.
    case characterDataEnd
    /// Kind 6 (a block tag such as `<div>` or `</table>`) and kind 7 (a line holding only a complete tag, which
    /// cannot interrupt a paragraph): at a blank line.
    case blankLine

    /// The tags whose raw text ends a kind 1 block.
    private static let rawTextTags: [StaticString] = ["pre", "script", "style", "textarea"]
    /// The tags that start a kind 6 block.
    private static let blockTags: [StaticString] = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe",
        "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p",
        "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
        "track", "ul",
    ]

    /// How the HTML block that `content` opens ends, or nil when it opens none.
    init?(opening content: ByteSpan, paragraphOpen: Bool) {
        guard content[0] == UInt8(ascii: "<"), content.count > 1 else { return nil }
        if content.hasPrefix("<!--") {
            self = .commentEnd
        } else if content.hasPrefix("<?") {
            self = .processingInstructionEnd
        } else if content.hasPrefix("<![CDATA[") {
            self = .characterDataEnd
        } else if content[1] == UInt8(ascii: "!"), content.count > 2, content[2].isASCIILetter {
            self = .declarationEnd
        } else if Self.startsTag(content.dropFirst(1), among: Self.rawTextTags, selfClosing: false) {
            self = .rawTextEndTag
        } else if Self.startsTag(content.dropFirst(1), among: Self.blockTags, selfClosing: true)
            || (content[1] == UInt8(ascii: "/")
                && Self.startsTag(content.dropFirst(2), among: Self.blockTags, selfClosing: false))
        {
            self = .blankLine
        } else if !paragraphOpen, Self.isLoneTag(content) {
            self = .blankLine
        } else {
            return nil
        }
    }

    /// True when `line` ends the block (it may be the line that opened it).
    func isReached(by line: MarkdownLine) -> Bool {
        let bytes = line.bytes
        switch self {
        case .rawTextEndTag:
            var found = bytes.firstIndex(of: "</")
            while let start = found {
                let name = bytes.dropFirst(start + 2)
                let ends = Self.rawTextTags.contains {
                    name.hasPrefixIgnoringASCIICase($0) && name.dropFirst($0.utf8CodeUnitCount).hasPrefix(">")
                }
                if ends { return true }
                found = bytes.firstIndex(of: "</", from: start + 2)
            }
            return false
        case .commentEnd: return bytes.firstIndex(of: "-->") != nil
        case .processingInstructionEnd: return bytes.firstIndex(of: "?>") != nil
        case .declarationEnd: return bytes.firstIndex(of: UInt8(ascii: ">")) != nil
        case .characterDataEnd: return bytes.firstIndex(of: "]]>") != nil
        case .blankLine: return line.isBlank
        }
    }

    /// True when `text` starts with one of `tags` (ASCII, any case) followed by a space, a tab, `>`, the end of the
    /// line or, when `selfClosing`, `/>`.
    private static func startsTag(_ text: ByteSpan, among tags: [StaticString], selfClosing: Bool) -> Bool {
        var length = 0
        while length < text.count, text[length].isASCIILetter || text[length].isASCIIDigit { length += 1 }
        let name = text.slice(0, length)
        guard tags.contains(where: { $0.utf8CodeUnitCount == length && name.hasPrefixIgnoringASCIICase($0) })
        else { return false }
        let rest = text.dropFirst(length)
        return rest.isEmpty || rest[0].isSpaceOrTab || rest[0] == UInt8(ascii: ">")
            || (selfClosing && rest.hasPrefix("/>"))
    }

    /// True when `content` is a complete open tag (`<a href="x">`, `<br/>`) or closing tag (`</a>`) followed only by
    /// spaces and tabs. (CommonMark's text leaves out `pre`, `script`, `style` and `textarea` here, but its reference
    /// implementations, cmark and commonmark.js, do not: `</pre>` and `<pre/>` alone on a line are HTML blocks.)
    private static func isLoneTag(_ content: ByteSpan) -> Bool {
        var tag = TagScanner(text: content, index: 1)
        let closing = tag.skip(UInt8(ascii: "/"))
        guard tag.name(startingWith: \.isASCIILetter, continuingWith: \.isTagNameByte) != nil else { return false }
        if !closing {
            while tag.skipSpaces(),
                tag.name(startingWith: \.isAttributeNameStart, continuingWith: \.isAttributeNameByte) != nil
            {
                let afterName = tag.index
                tag.skipSpaces()
                guard tag.skip(UInt8(ascii: "=")) else {
                    tag.index = afterName
                    continue
                }
                tag.skipSpaces()
                guard tag.attributeValue() else { return false }
            }
            _ = tag.skip(UInt8(ascii: "/"))
        } else {
            tag.skipSpaces()
        }
        guard tag.skip(UInt8(ascii: ">")) else { return false }
        tag.skipSpaces()
        return tag.index == content.count
    }
}

/// A cursor over the bytes of an HTML tag.
private struct TagScanner {
    let text: ByteSpan
    var index: Int

    /// Passes over `byte` when it comes next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < text.count, text[index] == byte else { return false }
        index += 1
        return true
    }

    /// Passes over spaces and tabs; true when there were some.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < text.count, text[index].isSpaceOrTab { index += 1 }
        return index > start
    }

    /// The name that comes next, passed over, or nil.
    mutating func name(startingWith first: (UInt8) -> Bool, continuingWith rest: (UInt8) -> Bool) -> ByteSpan? {
        guard index < text.count, first(text[index]) else { return nil }
        let start = index
        index += 1
        while index < text.count, rest(text[index]) { index += 1 }
        return text.slice(start, index)
    }

    /// Passes over an attribute value: quoted with `"` or `'`, or unquoted; false when none comes next.
    mutating func attributeValue() -> Bool {
        guard index < text.count else { return false }
        let quote = text[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let end = text.firstIndex(of: quote, from: index + 1) else { return false }
            index = end + 1
            return true
        }
        let start = index
        while index < text.count, !text[index].endsUnquotedAttributeValue { index += 1 }
        return index > start
    }
}

extension ByteSpan {
    /// True when the span starts with the lowercase ASCII `prefix`, in any case.
    fileprivate func hasPrefixIgnoringASCIICase(_ prefix: StaticString) -> Bool {
        guard count >= prefix.utf8CodeUnitCount else { return false }
        for index in 0..<prefix.utf8CodeUnitCount {
            let byte = self[index]
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            guard lower == prefix.utf8Start[index] else { return false }
        }
        return true
    }
}

extension UInt8 {
    fileprivate var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }

    /// An ASCII letter, in either case.
    var isASCIILetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }

    fileprivate var isTagNameByte: Bool { isASCIILetter || isASCIIDigit || self == UInt8(ascii: "-") }

    fileprivate var isAttributeNameStart: Bool {
        isASCIILetter || self == UInt8(ascii: "_") || self == UInt8(ascii: ":")
    }

    fileprivate var isAttributeNameByte: Bool {
        isAttributeNameStart || isASCIIDigit || self == UInt8(ascii: ".") || self == UInt8(ascii: "-")
    }

    /// True for the bytes an unquoted attribute value cannot hold.
    fileprivate var endsUnquotedAttributeValue: Bool {
        isSpaceOrTab || self == UInt8(ascii: "\"") || self == UInt8(ascii: "'") || self == UInt8(ascii: "=")
            || self == UInt8(ascii: "<") || self == UInt8(ascii: ">") || self == UInt8(ascii: "`")
    }
}
