/// The headings of a Markdown document, found the way CommonMark finds them.
///
/// - ATX headings: up to three spaces, one to six `#`, then a space, a tab or the end of the line; the text loses its
///   surrounding spaces and a closing run of `#` that follows a space (`## Scope ##` is "Scope", `# C#` is "C#").
/// - Setext headings: a paragraph underlined by a line of `=` (level 1) or `-` (level 2); the text is the
///   paragraph's lines joined by single spaces.
/// - Not headings: lines in fenced code blocks (three or more backticks or tildes, up to a closing fence of the same
///   character at least as long, or the end of the file when it is never closed), indented code (four columns or
///   more, tabs stopping every four columns) and HTML blocks (`<!-- … -->` comments, `<pre>`, `<script>`, `<?…?>`,
///   `<!X…>`, `<![CDATA[…]]>` up to their end marker; `<div>`, `<details>` and the other block tags, or any lone
///   tag such as `<my-tag>`, up to a blank line).
/// - Only the document's own headings count: a heading inside a block quote (`> # X`) or a list item (`- # X`, or
///   indented under an item) belongs to that quote or item, not to the document's sections.
///
/// Quotes and list items are followed only as far as the document's own headings need: the item's indentation,
/// lazy continuation lines, and the code, HTML and paragraph blocks open inside. Quotes and items nested in others
/// are flattened into the outermost one, more than ``maximumNesting`` deep taken as text. A line ends at LF or CRLF,
/// not at a lone CR.
///
/// Heading text is decoded from UTF-8 leniently, an invalid sequence becoming U+FFFD: a document is not a report,
/// and one bad byte should not hide its sections. Text longer than ``maximumTextLength`` bytes is cut there.
public enum MarkdownHeadings {
    /// The longest heading text kept, in bytes (cut at a character boundary).
    public static let maximumTextLength = 1024
    /// How many quote and list markers one line may open, one inside the other.
    public static let maximumNesting = 32

    /// The headings of the Markdown file at `path`, in order (a UTF-8 byte-order mark is skipped, UTF-16 decoded).
    public static func read(path: String) throws(InputError) -> [(level: Int, text: String)] {
        try read(TextDecoding.open(path: path).0)
    }

    /// The headings of the UTF-8 Markdown text in `input`, in order.
    public static func read(_ input: InputBuffer) throws(InputError) -> [(level: Int, text: String)] {
        var scanner = MarkdownHeadingScanner(input)
        var headings: [(level: Int, text: String)] = []
        while let heading = try scanner.next() { headings.append(heading) }
        return headings
    }

    /// `bytes` decoded leniently, cut to ``maximumTextLength`` at a character boundary.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var end = bytes.count
        if end > maximumTextLength {
            end = maximumTextLength
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }
}

/// Streams a Markdown document line by line, keeping only the state of the blocks the current line is in.
struct MarkdownHeadingScanner {
    /// The innermost open block that is not a container.
    private enum Leaf: Equatable {
        /// None, or one that a following line cannot extend (a heading, a thematic break, indented code).
        case none
        case paragraph
        case fence(CodeFence)
        case html(HTMLBlockEnd)
    }

    private var lines: LineScanner
    private var leaf = Leaf.none
    /// True when `leaf` is inside a block quote or a list item (a Setext underline then makes no heading).
    private var nested = false
    /// True when the previous line belonged to a block quote (a `>` line or a lazy continuation of one).
    private var quoteOpen = false
    /// The column where the content of the open list item starts: lines indented that far belong to the item.
    private var listContentColumn: Int?
    /// True while the open list item has had no content yet (an item may start with one blank line, not two).
    private var listItemEmpty = false
    /// The document paragraph's lines, trimmed and joined by spaces, up to one byte past the longest text kept.
    private var paragraph: [UInt8] = []
    /// True once a line holding a byte other than white space has been read.
    private(set) var hasText = false

    init(_ input: InputBuffer) { lines = LineScanner(input) }

    /// True once any byte was read (a line, possibly empty).
    var hasBytes: Bool { lines.lineNumber > 0 }

    /// The next heading, or nil at the end of the document.
    mutating func next() throws(InputError) -> (level: Int, text: String)? {
        while let line = try lines.nextLine() {
            if !hasText { hasText = Self.holdsText(line) }
            if let heading = read(MarkdownLine(line)) { return heading }
        }
        return nil
    }

    /// Takes one line; returns the heading it completes, if any.
    private mutating func read(_ line: MarkdownLine) -> (level: Int, text: String)? {
        if !nested {
            switch leaf {
            case .fence(let fence):
                if fence.isClosed(by: line) { leaf = .none }
                return nil
            case .html(let end):
                guard end.isReached(by: line) else { return nil }
                leaf = .none
                guard line.isBlank else { return nil }
            case .none, .paragraph:
                break
            }
        }
        if line.isBlank {
            readBlankLine()
            return nil
        }
        if let column = listContentColumn, line.indent >= column {
            quoteOpen = false
            listItemEmpty = false
            readNested(line.content(fromColumn: column), continuing: true)
            return nil
        }
        let kind = MarkdownLineKind(
            line, paragraphOpen: !nested && leaf == .paragraph, lazyParagraphOpen: nested && leaf == .paragraph)
        if nested {
            if leaf == .paragraph, kind.continuesParagraph { return nil }
            if case .blockQuote(let content) = kind, quoteOpen {
                readNested(content, continuing: true)
                return nil
            }
            // The line ends the quote or list item.
            nested = false
            quoteOpen = false
            listContentColumn = nil
            leaf = .none
        }
        switch kind {
        case .text:
            appendToParagraph(line)
        case .indented:
            if leaf == .paragraph { appendToParagraph(line) } else { leaf = .none }
        case .fence(let fence):
            leaf = .fence(fence)
        case .heading(let level, let text):
            leaf = .none
            return (level, MarkdownHeadings.text(UnsafeBufferPointer(start: text.base, count: text.count)))
        case .underline(let level):
            leaf = .none
            return (level, paragraph.withUnsafeBufferPointer(MarkdownHeadings.text))
        case .thematicBreak:
            leaf = .none
        case .html(let end):
            leaf = end.isReached(by: line) ? .none : .html(end)
        case .blockQuote(let content):
            nested = true
            quoteOpen = true
            readNested(content, continuing: false)
        case .listItem(let contentColumn, let content):
            nested = true
            listContentColumn = contentColumn
            listItemEmpty = MarkdownLine(content).isBlank
            readNested(content, continuing: false)
        }
        return nil
    }

    /// A blank line ends paragraphs, block quotes and HTML blocks that end so; a list item and code in it go on,
    /// unless the item is still empty.
    private mutating func readBlankLine() {
        quoteOpen = false
        if listItemEmpty { listContentColumn = nil }
        guard nested, listContentColumn != nil else {
            nested = false
            leaf = .none
            return
        }
        switch leaf {
        case .fence: break
        case .html(let end) where end != .blankLine: break
        default: leaf = .none
        }
    }

    /// Follows the blocks inside a quote or list item given the line's `content` inside it, `continuing` the blocks
    /// that the previous line left open there; only what the next line needs is kept (an open paragraph for lazy
    /// lines, open code or HTML), since headings in there are not the document's.
    private mutating func readNested(_ content: ByteSpan, continuing: Bool) {
        var inner = MarkdownLine(content)
        if continuing {
            switch leaf {
            case .fence(let fence):
                if fence.isClosed(by: inner) { leaf = .none }
                return
            case .html(let end):
                if end.isReached(by: inner) { leaf = .none }
                return
            case .none, .paragraph:
                break
            }
        }
        var paragraphOpen = continuing && leaf == .paragraph
        for _ in 0..<MarkdownHeadings.maximumNesting {
            guard !inner.isBlank else {
                leaf = .none
                return
            }
            switch MarkdownLineKind(inner, paragraphOpen: paragraphOpen) {
            case .blockQuote(let quoted):
                inner = MarkdownLine(quoted)
            case .listItem(_, let itemContent):
                inner = MarkdownLine(itemContent)
                paragraphOpen = false
            case .text:
                leaf = .paragraph
                return
            case .indented:
                leaf = paragraphOpen ? .paragraph : .none
                return
            case .fence(let fence):
                leaf = .fence(fence)
                return
            case .html(let end):
                leaf = end.isReached(by: inner) ? .none : .html(end)
                return
            case .heading, .underline, .thematicBreak:
                leaf = .none
                return
            }
        }
        leaf = .paragraph
    }

    /// Starts a document paragraph with a text line, or adds the line to the open one.
    private mutating func appendToParagraph(_ line: MarkdownLine) {
        if leaf == .paragraph {
            guard paragraph.count <= MarkdownHeadings.maximumTextLength else { return }
            paragraph.append(UInt8(ascii: " "))
        } else {
            leaf = .paragraph
            paragraph.removeAll(keepingCapacity: true)
        }
        let room = MarkdownHeadings.maximumTextLength + 1 - paragraph.count
        guard room > 0 else { return }
        let text = line.content.trimmed()
        paragraph.append(contentsOf: UnsafeBufferPointer(start: text.base, count: min(text.count, room)))
    }

    /// True when `line` holds a byte other than space, tab, CR, form feed and vertical tab.
    private static func holdsText(_ line: ByteSpan) -> Bool {
        var index = 0
        while index < line.count {
            switch line[index] {
            case 0x20, 0x09, 0x0D, 0x0C, 0x0B: index += 1
            default: return true
            }
        }
        return false
    }
}
