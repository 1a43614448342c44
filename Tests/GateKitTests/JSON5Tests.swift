import Testing

@testable import GateKit

/// Parses `text` as a JSON5 document.
private func parse(_ text: String) throws -> JSON5Value {
    try JSON5.parse(Array(text.utf8))
}

/// The syntax error `text` gives, or nil when it parses.
private func syntaxError(_ bytes: [UInt8]) -> JSON5SyntaxError? {
    do {
        _ = try JSON5.parse(bytes)
        return nil
    } catch {
        return error
    }
}

private func syntaxError(_ text: String) -> JSON5SyntaxError? { syntaxError(Array(text.utf8)) }

private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

/// The value as compact JSON5 (without positions): for comparing trees and for round trips.
private func render(_ value: JSON5Value) -> String {
    switch value.kind {
    case .object(let members):
        return "{" + members.map { quote($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map(render).joined(separator: ",") + "]"
    case .string(let string): return quote(string)
    case .number(let number):
        return number.isNaN ? "NaN" : number.isInfinite ? (number < 0 ? "-Infinity" : "Infinity") : "\(number)"
    case .bool(let bool): return "\(bool)"
    case .null: return "null"
    }
}

private func quote(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\u{0}"..."\u{1F}": result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension JSON5Value {
    fileprivate var members: [JSON5Member]? {
        guard case .object(let members) = kind else { return nil }
        return members
    }

    fileprivate var elements: [JSON5Value]? {
        guard case .array(let elements) = kind else { return nil }
        return elements
    }
}

extension JSON5Value.Kind {
    fileprivate var number: Double? {
        guard case .number(let number) = self else { return nil }
        return number
    }
}

/// The kind of `text` parsed as the one element of an array.
private func element(_ text: String) throws -> JSON5Value.Kind {
    let elements = try #require(try parse("[\(text)]").elements)
    try #require(elements.count == 1)
    return elements[0].kind
}

@Suite struct JSON5ValueTests {
    @Test func parsesPlainJSON() throws {
        let value = try parse(#"{"a": [1, -2.5, "x", true, false, null], "b": {}}"#)
        #expect(render(value) == #"{"a":[1.0,-2.5,"x",true,false,null],"b":{}}"#)
    }

    @Test func keepsMembersInFileOrder() throws {
        #expect(render(try parse("{z: 1, a: 2, m: 3}")) == #"{"z":1.0,"a":2.0,"m":3.0}"#)
    }

    @Test func skipsLineAndBlockComments() throws {
        let text = """
            // leading comment
            /* block
               comment */ {
              a: 1, // after a value
              /* before a key */ b /* between */ : /* before a value */ 2,
            } // trailing comment
            /* final */
            """
        #expect(render(try parse(text)) == #"{"a":1.0,"b":2.0}"#)
        #expect(render(try parse("1//no newline at the end")) == "1.0")
        #expect(render(try parse("/**/2/***/")) == "2.0")
    }

    @Test func acceptsUnquotedIdentifierKeys() throws {
        let value = try parse(
            #"{ $id: 1, _x9: 2, café: 3, 名前: 4, a\u0062c: 5, \u00e9t\u00E9: 6, a\#u{200D}b: 7, ǅx: 8 }"#)
        let members = try #require(value.members)
        #expect(members.map(\.key) == ["$id", "_x9", "café", "名前", "abc", "été", "a\u{200D}b", "ǅx"])
    }

    @Test func acceptsCombiningMarksDigitsAndConnectorsInsideKeys() throws {
        let members = try #require(try parse("{ e\u{301}x: 1, x\u{663}: 2, a\u{203F}b: 3 }").members)
        #expect(members.map(\.key) == ["e\u{301}x", "x\u{663}", "a\u{203F}b"])
        #expect(
            syntaxError("{ a→: 1 }") == JSON5SyntaxError("expected ':' after the key \"a\", found '→'", at: at(1, 4)))
    }

    @Test func acceptsReservedWordsAsKeys() throws {
        #expect(render(try parse("{true: 1, null: 2, Infinity: 3}")) == #"{"true":1.0,"null":2.0,"Infinity":3.0}"#)
    }

    @Test func acceptsQuotedKeys() throws {
        #expect(render(try parse(#"{"a b": 1, 'c"d': 2, "": 3}"#)) == #"{"a b":1.0,"c\"d":2.0,"":3.0}"#)
    }

    @Test func readsSingleAndDoubleQuotedStrings() throws {
        #expect(try element(#"'say "hi"'"#) == .string(#"say "hi""#))
        #expect(try element(#""it's""#) == .string("it's"))
        #expect(try element("''") == .string(""))
        #expect(try element("'naïve 🎉'") == .string("naïve 🎉"))
    }

    @Test func decodesEveryEscape() throws {
        #expect(try element(#"'\'\"\\\b\f\n\r\t\v\0'"#) == .string("'\"\\\u{8}\u{C}\n\r\t\u{B}\u{0}"))
        #expect(try element(#""\x41\x7a\xE9""#) == .string("Azé"))
        #expect(try element(#""\u0041\u00e9\u4E2D""#) == .string("Aé中"))
        #expect(try element(#""\uD83D\uDE00""#) == .string("😀"))
        #expect(try element(#""\a\c\ \%\é""#) == .string("ac %é"))
    }

    @Test func joinsLineContinuations() throws {
        #expect(
            try element("'one \\\ntwo \\\r\nthree \\\rfour \\\u{2028}five \\\u{2029}six'")
                == .string("one two three four five six"))
    }

    @Test func allowsLineAndParagraphSeparatorsInsideStrings() throws {
        #expect(try element("'a\u{2028}b\u{2029}c'") == .string("a\u{2028}b\u{2029}c"))
    }

    @Test(arguments: [
        ("0", 0.0), ("42", 42), ("-7", -7), ("+3", 3), ("1.5", 1.5), (".5", 0.5), ("5.", 5), ("-.25", -0.25),
        ("1e3", 1000), ("1E-2", 0.01), ("2.5e+2", 250), ("0.0", 0), ("0e0", 0), ("5.e3", 5000), ("0x1F", 31),
        ("0XaB", 171), ("-0x10", -16), ("+0x0", 0), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0xFFFFFFFFFFFFFFFFFF", 4.722366482869645e21),
    ])
    func readsNumbers(text: String, expected: Double) throws {
        #expect(try element(text) == .number(expected))
    }

    @Test func readsInfinityAndNaN() throws {
        #expect(try element("Infinity") == .number(.infinity))
        #expect(try element("+Infinity") == .number(.infinity))
        #expect(try element("-Infinity") == .number(-.infinity))
        for text in ["NaN", "-NaN", "+NaN"] {
            #expect(try #require(try element(text).number).isNaN)
        }
    }

    @Test func keepsTheSignOfNegativeZero() throws {
        #expect(try #require(try element("-0").number).sign == .minus)
    }

    @Test func acceptsTrailingCommas() throws {
        #expect(render(try parse("{a: [1, 2,], b: {c: 3,},}")) == #"{"a":[1.0,2.0],"b":{"c":3.0}}"#)
    }

    @Test func acceptsEveryKindOfWhiteSpace() throws {
        let spaces = "\t\u{B}\u{C} \u{A0}\u{FEFF}\u{2028}\u{2029}\u{3000}\u{2003}\r\n"
        #expect(render(try parse("\(spaces){\(spaces)a\(spaces):\(spaces)1\(spaces)}\(spaces)")) == #"{"a":1.0}"#)
    }

    @Test func acceptsAnyValueAsTheDocument() throws {
        #expect(try parse("'text'").kind == .string("text"))
        #expect(try parse(" null ").kind == .null)
        #expect(try parse("[]").kind == .array([]))
    }

    @Test func namesEachKind() throws {
        let elements = try #require(try parse("[{}, [], '', 0, true, false, null]").elements)
        #expect(
            elements.map(\.kindDescription) == [
                "an object", "an array", "a string", "a number", "true", "false", "null",
            ])
    }
}

@Suite struct JSON5PositionTests {
    @Test func recordsThePositionOfEveryValueAndKey() throws {
        let text = """
            {
              name: "x",
              gates: [
                { id: 'a' },  -1,
              ],
            }
            """
        let document = try parse(text)
        #expect(document.position == at(1, 1))
        let members = try #require(document.members)
        try #require(members.count == 2)
        let gates = try #require(members[1].value.elements)
        try #require(gates.count == 2)
        let gate = try #require(gates[0].members)
        #expect(members[0].keyPosition == at(2, 3))
        #expect(members[0].value.position == at(2, 9))
        #expect(members[1].keyPosition == at(3, 3))
        #expect(members[1].value.position == at(3, 10))
        #expect(gates[0].position == at(4, 5))
        #expect(gate[0].keyPosition == at(4, 7))
        #expect(gate[0].value.position == at(4, 11))
        #expect(gates[1].position == at(4, 19))
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        let members = try #require(try parse("{ 'é🎉': 'ü', x: 1 }").members)
        #expect(members[1].keyPosition == at(1, 14))
    }

    @Test func countsCarriageReturnLineEndings() throws {
        let elements = try #require(try parse("[\r\n1,\r2,\n3,\u{2028}4]").elements)
        #expect(elements.map(\.position) == [at(2, 1), at(3, 1), at(4, 1), at(4, 4)])
    }

    @Test func skipsAByteOrderMarkWithoutCountingIt() throws {
        let value = try JSON5.parse([0xEF, 0xBB, 0xBF] + Array("{a: 1}".utf8))
        #expect(value.position == at(1, 1))
        #expect(syntaxError([0xEF, 0xBB, 0xBF] + Array("x".utf8))?.position == at(1, 1))
    }

    @Test func describesPositions() {
        #expect(at(3, 5).description == "line 3, column 5")
        #expect(JSON5SyntaxError("oops", at: at(2, 1)).description == "line 2, column 1: oops")
    }
}

@Suite struct JSON5ErrorTests {
    @Test(arguments: [
        // Unexpected characters.
        ("{ gates: 1 x }", "expected ',' or '}' after the value of \"gates\", found 'x'", 1, 12),
        ("{ a: 1 b: 2 }", "expected ',' or '}' after the value of \"a\", found 'b'", 1, 8),
        ("{ a 1 }", "expected ':' after the key \"a\", found '1'", 1, 5),
        ("{ a: }", "expected a value for \"a\", found '}'", 1, 6),
        ("{ , }", "expected a key or '}', found ','", 1, 3),
        ("{ a: 1,, }", "expected a key or '}', found ','", 1, 8),
        ("{ 1: 2 }", "expected a key or '}', found '1' (a key that is not a name needs quotes)", 1, 3),
        ("{ -a: 2 }", "expected a key or '}', found '-'", 1, 3),
        ("[1 2]", "expected ',' or ']' after element 1 of the array, found '2'", 1, 4),
        ("[,]", "expected element 1 of the array or ']', found ','", 1, 2),
        ("[1,,]", "expected element 2 of the array or ']', found ','", 1, 4),
        ("{ g: [1, }", "expected element 2 of \"g\" or ']', found '}'", 1, 10),
        ("{ g: [[1] 2] }", "expected ',' or ']' after element 1 of \"g\", found '2'", 1, 11),
        ("[[1 2]]", "expected ',' or ']' after element 1 of element 1 of the array, found '2'", 1, 5),
        ("{ a: tests.failed }", "expected a value for \"a\", found the word \"tests\" (text values need quotes)", 1, 6),
        ("True", "expected a value, found the word \"True\" (text values need quotes)", 1, 1),
        ("{ a: \u{1} }", "expected a value for \"a\", found U+0001", 1, 6),
        ("{ a: # }", "expected a value for \"a\", found '#'", 1, 6),
        ("[1 /x]", "unexpected '/' (a comment starts with // or /*)", 1, 4),
        ("[1 /", "unexpected '/' (a comment starts with // or /*)", 1, 4),
        // Unterminated containers, strings and comments.
        ("{\n  a: 1,\n", "the object that starts at line 1, column 1 is never closed", 3, 1),
        ("{ a: 1", "the object that starts at line 1, column 1 is never closed", 1, 7),
        ("{ a", "the object that starts at line 1, column 1 is never closed", 1, 4),
        ("{ a:", "the object that starts at line 1, column 1 is never closed", 1, 5),
        ("[\n  [1, 2", "the array that starts at line 2, column 3 is never closed", 2, 8),
        ("['abc", "the string that starts at line 1, column 2 is never closed", 1, 6),
        ("['abc\\", "the string that starts at line 1, column 2 is never closed", 1, 6),
        (
            "['abc\ndef']",
            "the string that starts at line 1, column 2 is not closed before the end of the line (write \\n for a line break)",
            1, 6
        ),
        ("[1] /* note", "the comment that starts at line 1, column 5 is never closed", 1, 12),
        // Duplicate keys.
        ("{\n  gates: 1,\n  'gates': 2 }", "duplicate key \"gates\" (first at line 2)", 3, 3),
        ("{ a: { b: 1, b: 2 } }", "duplicate key \"b\" (first at line 1)", 1, 14),
        // Invalid escapes.
        (#"['\1']"#, "invalid escape '\\1' (a digit cannot be escaped)", 1, 3),
        (#"['\01']"#, "'\\0' cannot be followed by a digit (write \\x00 instead)", 1, 3),
        (#"['ab\x4']"#, "'\\x' must be followed by two hexadecimal digits", 1, 5),
        (#"['\u12']"#, "'\\u' must be followed by four hexadecimal digits", 1, 3),
        (#"['\x4"#, "'\\x' must be followed by two hexadecimal digits", 1, 3),
        (#"['\uD83D']"#, "'\\uD83D' is half of a UTF-16 surrogate pair without its other half", 1, 3),
        (#"['\uD83D\u0041']"#, "'\\uD83D' is half of a UTF-16 surrogate pair without its other half", 1, 3),
        (#"['\uDE00\uD83D']"#, "'\\uDE00' is half of a UTF-16 surrogate pair without its other half", 1, 3),
        (#"{ a\u002D: 1 }"#, "invalid escape in a key; only \\u followed by a letter's code is allowed", 1, 4),
        (#"{ \u0031: 1 }"#, "invalid escape in a key; only \\u followed by a letter's code is allowed", 1, 3),
        (#"{ a\x41: 1 }"#, "invalid escape in a key; only \\u followed by a letter's code is allowed", 1, 4),
        // Numbers.
        ("[01]", "a number cannot start with 0 (leading zeros are not allowed)", 1, 2),
        ("[-00.5]", "a number cannot start with 0 (leading zeros are not allowed)", 1, 3),
        ("[0x]", "expected hexadecimal digits after '0x', found ']'", 1, 4),
        ("[0X", "expected hexadecimal digits after '0X', found the end of the file", 1, 4),
        ("[-\n1]", "expected a digit, found the end of the line", 1, 3),
        ("[1e]", "expected the digits of the exponent, found ']'", 1, 4),
        ("[1e+]", "expected the digits of the exponent, found ']'", 1, 5),
        ("[.]", "expected a digit, found '.'", 1, 2),
        ("[-]", "expected a digit, found ']'", 1, 3),
        ("[- 1]", "expected a digit, found a space", 1, 3),
        ("[-foo]", "expected a number after the sign, found 'f'", 1, 3),
        ("[12px]", "unexpected 'p' after the number", 1, 4),
        ("[0x1G]", "unexpected 'G' after the number", 1, 5),
        (
            "[Infinity1]", "expected element 1 of the array, found the word \"Infinity1\" (text values need quotes)", 1,
            2
        ),
        // The document as a whole.
        ("", "the document is empty; expected a value", 1, 1),
        ("  // only a comment\n", "the document is empty; expected a value", 2, 1),
        ("{} {}", "expected the end of the document after the value, found '{'", 1, 4),
        ("{}\n}", "expected the end of the document after the value, found '}'", 2, 1),
        ("1 2", "expected the end of the document after the value, found '2'", 1, 3),
    ])
    func reportsTheErrorWhereItIs(text: String, message: String, line: Int, column: Int) {
        let error = syntaxError(text)
        #expect(error?.message == message)
        #expect(error?.position == at(line, column))
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        let depth = JSON5.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try parse(deepest) }
        let tooDeep = String(repeating: "{a:", count: depth) + "[1]" + String(repeating: "}", count: depth)
        let error = syntaxError(tooDeep)
        #expect(error?.message == "objects and arrays are nested deeper than 128 levels")
        #expect(error?.position == at(1, 3 * depth + 1))
        #expect(syntaxError(String(repeating: "[", count: 100_000))?.message.contains("nested deeper") == true)
    }

    @Test func refusesInvalidUTF8WithItsPosition() {
        let error = syntaxError(Array("{\n  a: 'x".utf8) + [0xFF] + Array("' }".utf8))
        #expect(error?.message == "the file is not valid UTF-8")
        #expect(error?.position == at(2, 8))
        #expect(syntaxError([0xC0, 0x80])?.message == "the file is not valid UTF-8")
        #expect(syntaxError([0x22, 0xED, 0xA0, 0x80, 0x22])?.position == at(1, 2))
    }
}

@Suite struct JSON5GateFileTests {
    /// The example of DESIGN.md §4.
    static let gateFile = """
        // gates/protocol.json5
        {
          protocol: 1,                         // format version
          name: "payments-service",
          reports: {                           // category -> where its reports are (globs, relative to the root)
            coverage: { paths: ["coverage/lcov.info"], strip: ["/home/runner/work/app/app/"] },
            tests: "build/test-results/**/*.xml",
            lint: ["reports/eslint.sarif", "reports/swiftlint.json"],
            scan: { paths: ["reports/trivy.json"], waivers: "gates/waivers.json5" },
            bench: "reports/k6-summary.json",
          },
          gates: [                             // an array: the order is the display order
            { id: "tests_pass",    require: "tests.failed == 0" },
            { id: "coverage_met",  require: "coverage.lines >= 95%" },
            { id: "lint_clean",    require: "lint.errors == 0", phase: "code-complete" },
            { id: "security_scan", require: ["vulns.critical == 0", "vulns.high == 0"], phase: "deployment" },
            { id: "performance",   require: ["latency.p95 < 200ms", "latency.p99 < 500ms", "error_rate < 1%"],
              phase: "deployment" },
            { id: "code_review",   attest: "a peer reviewer approved the change" },
            { id: "docs",          documents: ["docs/adr/*.md", "docs/threat-model.md"], level: "warn" },
          ],
        }
        """

    @Test func readsTheExampleGateFile() throws {
        let document = try parse(Self.gateFile)
        let members = try #require(document.members)
        #expect(members.map(\.key) == ["protocol", "name", "reports", "gates"])
        #expect(members[0].value.kind == .number(1))
        #expect(members[1].value.kind == .string("payments-service"))
        let reports = try #require(members[2].value.members)
        let gates = try #require(members[3].value.elements)
        #expect(reports.map(\.key) == ["coverage", "tests", "lint", "scan", "bench"])
        #expect(reports[1].value.kind == .string("build/test-results/**/*.xml"))
        #expect(reports[1].keyPosition == at(7, 5))
        #expect(gates.count == 7)
        #expect(gates[4].position == at(17, 5))
        #expect(
            render(gates[4])
                == #"{"id":"performance","require":["latency.p95 < 200ms","latency.p99 < 500ms","error_rate < 1%"],"#
                + #""phase":"deployment"}"#)
    }

    @Test func aRenderedTreeParsesBackToTheSameTree() throws {
        let document = try parse(Self.gateFile)
        let rendered = render(document)
        #expect(render(try parse(rendered)) == rendered)
        let awkward = try parse(#"{ s: "\u0000\n\"\\ \u001Fé", n: [-0.5, 1e300, Infinity, -Infinity, NaN] }"#)
        #expect(render(try parse(render(awkward))) == render(awkward))
    }
}
