import Foundation
import Testing

@testable import GateKit

/// The headings of `text` as "level text", read through a small buffer so that lines cross refills.
private func headings(_ text: String) throws -> [String] {
    try MarkdownHeadings.read(inputBuffer(text, capacity: 16)).map { "\($0.level) \($0.text)" }
}

/// Removes the temporary folder holding `path`.
private func removeFolder(of path: String) {
    try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
}

@Suite struct MarkdownHeadingsTests {
    @Test func atxHeadingsHaveOneToSixHashesAndASpaceOrTheEndOfTheLine() throws {
        let text = """
            # One
            ## Two
            ### Three
            #### Four
            ##### Five
            ###### Six
            ####### Seven is text
            #5 is text
            #hashtag is text
            \\# escaped is text
               ### Indented three spaces
            #\tTab
            #
            """
        #expect(
            try headings(text) == [
                "1 One", "2 Two", "3 Three", "4 Four", "5 Five", "6 Six", "3 Indented three spaces", "1 Tab", "1 ",
            ])
    }

    @Test func closingHashesAfterASpaceAreRemoved() throws {
        let text = """
            ## Scope ##
            # Trailing spaces too ###\u{20}\u{20}
            # C#
            ### ###
            ## Escaped \\##
            #   Spaces   inside   are kept   #
            """
        #expect(
            try headings(text) == [
                "2 Scope", "1 Trailing spaces too", "1 C#", "3 ", "2 Escaped \\##", "1 Spaces   inside   are kept",
            ])
    }

    @Test func setextHeadingsUnderlineAParagraph() throws {
        let text = """
            Title
            =====

            Subtitle
            ---

            Two
            lines
               ==\u{20}\u{20}

            Indented
                continuation
            -
            """
        #expect(try headings(text) == ["1 Title", "2 Subtitle", "1 Two lines", "2 Indented continuation"])
    }

    @Test func underlinesWithoutAParagraphAreNotHeadings() throws {
        let text = """
            ---

            ===

            Paragraph

            ===
            Spaced underline
            = =
            Thematic break
            - - -
            Under a heading
            # Heading
            ---
            """
        #expect(try headings(text) == ["1 Heading"])
    }

    @Test func headingsInsideFencedCodeAreNotHeadings() throws {
        let text = """
            ```sh
            # a shell comment
            ```
            # After backticks
            ~~~~
            # inside tildes
            ~~~
            ``` not a closing fence
            Setext inside
            ---
            ~~~~~
            # After tildes
            Paragraph
            ````
            # inside a fence that interrupted a paragraph
            ```
            ````````
            # After a longer closing fence
            """
        #expect(try headings(text) == ["1 After backticks", "1 After tildes", "1 After a longer closing fence"])
    }

    @Test func aFenceNeverClosedRunsToTheEndOfTheFile() throws {
        #expect(try headings("# Before\n~~~\n# inside\n\n## still inside\n") == ["1 Before"])
        #expect(try headings("# Before\n```\n# inside\n    ```\n# still inside") == ["1 Before"])
    }

    @Test func backticksInTheInfoStringMakeInlineCodeNotAFence() throws {
        #expect(try headings("```a`b```\n# Heading") == ["1 Heading"])
        #expect(try headings("``\n# Heading\n``") == ["1 Heading"])
    }

    @Test func indentedCodeIsNotAHeading() throws {
        #expect(
            try headings("    # code\n\t# code after a tab\n  \t# code after spaces and a tab\n# Real") == ["1 Real"])
    }

    @Test func htmlBlocksHideTheirLines() throws {
        let text = """
            <!--
            # Commented out
            -->
            # After a comment
            <!-- one line --> text
            # After a one-line comment
            <PRE>
            # preformatted
            </p
            </b></pre>
            # After pre
            <div align="center">
            # inside the div
            Underlined
            ===

            # After the div
            </details>
            # inside a closing tag's block

            <?php
            # code
            ?>
            <!DOCTYPE html
            # still the declaration
            >
            <![CDATA[
            # data
            ]]>
            <div/>
            # in a self-closed div


            # After the rest
            """
        #expect(
            try headings(text) == [
                "1 After a comment", "1 After a one-line comment", "1 After pre", "1 After the div", "1 After the rest",
            ])
    }

    @Test func aLoneTagOpensAnHTMLBlockButInlineHTMLIsText() throws {
        let text = """
            <span>Intro</span>
            # After inline HTML
            <my-tag a="1" b='2' c=3 d>
            # inside the tag's block

            </my-tag>
            # inside the closing tag's block

            <pre/>
            # inside too

            # After the blocks

            <x y="unterminated>
            ===

            <a/ >
            ===

            <a b=>
            ===

            <a b c="1"d>
            ===

            <a b
            ===

            <a b=
            ===

            <1>
            ===
            """
        #expect(
            try headings(text) == [
                "1 After inline HTML", "1 After the blocks", "1 <x y=\"unterminated>", "1 <a/ >", "1 <a b=>",
                "1 <a b c=\"1\"d>", "1 <a b", "1 <a b=", "1 <1>",
            ])
    }

    @Test func aLoneTagDoesNotInterruptAParagraph() throws {
        #expect(try headings("Paragraph\n<my-tag>\n===") == ["1 Paragraph <my-tag>"])
        #expect(try headings("> Quote\n<my-tag>\n# Heading") == ["1 Heading"])
    }

    @Test func headingsInBlockQuotesAreNotSectionsOfTheDocument() throws {
        let text = """
            > # Quoted
            > Quoted paragraph
            ===

            > Lazy
            continuation
            ---
            >No space
            ===
            # Interrupts the quote
            """
        #expect(try headings(text) == ["1 Interrupts the quote"])
    }

    @Test func headingsInListItemsAreNotSectionsOfTheDocument() throws {
        let text = """
            - # In an item
            - Item
              # Indented under the item

              Still in the item
            lazy continuation
            ===
            # Ends the list
            - # A heading in an item
            is no paragraph to continue
            ===
            1. First

               ### In the ordered item
            10.  Wide marker

                 # In the wide item
            -     code in an item

              # In that item
            *
              # In an item that started blank

            ## After the lists
            """
        #expect(try headings(text) == ["1 Ends the list", "1 is no paragraph to continue", "2 After the lists"])
    }

    @Test func codeAndHTMLInsideQuotesAndItemsAreFollowed() throws {
        let text = """
            > ```
            > # code in a quote
            > ```
            text after the quote
            ---
            - item
              ```
              # code in an item

              more code
              ```
            # After the item
            1. item
               <!--
               # a comment
               -->
            text after the comment, not a lazy line
            ===
            - > - > quoted item
            lazy
            ===
            """
        #expect(
            try headings(text) == [
                "2 text after the quote", "1 After the item", "1 text after the comment, not a lazy line",
            ])
    }

    @Test func htmlInAnItemEndsAsAtTheTopLevel() throws {
        #expect(try headings("- <!-- one line -->\nnot lazy\n===") == ["1 not lazy"])
        #expect(try headings("- <!--\n\n  -->\nnot lazy either\n===") == ["1 not lazy either"])
    }

    @Test func anIndentedLineInAQuoteContinuesItsParagraph() throws {
        #expect(try headings("> foo\n>     bar\nlazy\n---") == [])
    }

    @Test func aLineThatLeavesAQuoteOrItemEndsTheCodeInIt() throws {
        #expect(try headings("> ```\n> code\n# Heading\n```") == ["1 Heading"])
        #expect(try headings("- ~~~\n  code\n# Heading") == ["1 Heading"])
        #expect(try headings("- <div>\n# Heading") == ["1 Heading"])
    }

    @Test func anItemMayStartWithOneBlankLineNotTwo() throws {
        #expect(try headings("-\n  # In the item") == [])
        #expect(try headings("-\n\n  # After the item") == ["1 After the item"])
    }

    @Test func lazyLinesMayBeIndented() throws {
        #expect(try headings("> quote\n    indented lazy line\n===") == [])
        #expect(try headings("- item\n\tindented lazy line\n===") == [])
    }

    @Test func deeplyNestedContainersAreBounded() throws {
        let quotes = String(repeating: "> ", count: 100_000) + "x"
        let items = String(repeating: "- ", count: 100_000) + "x"
        #expect(
            try headings("\(quotes)\n# After quotes\n\(items)\n# After items") == ["1 After quotes", "1 After items"])
    }

    @Test func aListItemInterruptsAParagraphOnlyWithTextAndFromOne() throws {
        #expect(try headings("Paragraph\n2. not a list\n===") == ["1 Paragraph 2. not a list"])
        #expect(try headings("Paragraph\n-x\n1234567890. ten digits\n===") == ["1 Paragraph -x 1234567890. ten digits"])
        #expect(try headings("Paragraph\n-\n") == ["2 Paragraph"])
        #expect(try headings("Paragraph\n1) a list\n===") == [])
        #expect(try headings("Paragraph\n+ a list\n---") == [])
        #expect(try headings("Paragraph\n*\t\n===") == ["1 Paragraph *"])
    }

    @Test func aThematicBreakEndsAParagraph() throws {
        #expect(try headings("Paragraph\n***\n===\n") == [])
        #expect(try headings("Paragraph\n_ _ _\nNext\n---") == ["2 Next"])
    }

    @Test func crlfLineEndingsReadLikeLineFeeds() throws {
        #expect(
            try headings("# One #\r\nTwo\r\n---\r\n```\r\n# code\r\n```\r\n### Three\r\n") == [
                "1 One", "2 Two", "3 Three",
            ])
    }

    @Test func filesAreDecodedWithTheirByteOrderMark() throws {
        let withBOM = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("# Title\nText\n".utf8), name: "bom.md")
        defer { removeFolder(of: withBOM) }
        #expect(try MarkdownHeadings.read(path: withBOM).map(\.text) == ["Title"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "## Zwölf\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let littleEndian = try temporaryFile(utf16, name: "utf16.md")
        defer { removeFolder(of: littleEndian) }
        #expect(try MarkdownHeadings.read(path: littleEndian).map(\.text) == ["Zwölf"])
    }

    @Test func invalidUTF8InAHeadingIsDecodedLeniently() throws {
        let input = InputBuffer(source: MemoryByteSource(Array("# Bad ".utf8) + [0xFF] + Array(" byte\n".utf8)))
        #expect(try MarkdownHeadings.read(input).map(\.text) == ["Bad \u{FFFD} byte"])
    }

    @Test func longHeadingTextIsCutAtACharacterBoundary() throws {
        let long = String(repeating: "é", count: 2000)
        let texts = try MarkdownHeadings.read(inputBuffer("# \(long)\n\na\(long)\n\(long)\n===\n")).map(\.text)
        #expect(texts == [String(long.prefix(512)), "a" + long.prefix(511)])
        #expect(
            texts.map(\.utf8.count) == [MarkdownHeadings.maximumTextLength, MarkdownHeadings.maximumTextLength - 1])
    }

    @Test func aParagraphStopsCollectingTextWhenFull() throws {
        let full = String(repeating: "x", count: MarkdownHeadings.maximumTextLength)
        #expect(try MarkdownHeadings.read(inputBuffer("\(full)\nmore\n===")).map(\.text) == [full])
    }

    @Test func aMissingFileIsAnError() throws {
        #expect(throws: InputError("no such file")) { try MarkdownHeadings.read(path: "/nonexistent/doc.md") }
    }

    @Test func aLargeDocumentIsStreamed() throws {
        let block = """
            ## Section

            Some text that goes on for a while, with *emphasis* and `code` in it.
            More text on a second line.

            ```swift
            # not a heading
            let x = 1
            ```

            - a list item
              # not a heading either

            Setext
            ------


            """
        let repeats = 20 * 1024 * 1024 / block.utf8.count + 1
        let path = try temporaryFile(String(repeating: block, count: repeats), name: "large.md")
        defer { removeFolder(of: path) }
        let found = try MarkdownHeadings.read(path: path)
        #expect(found.count == 2 * repeats)
        #expect(found.prefix(2).map(\.text) == ["Section", "Setext"])
    }
}
