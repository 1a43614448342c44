import Testing

@testable import GateKit

@Suite struct JSONTokenizerTests {
    /// Every token of `text`, written compactly: `{ } [ ]`, `k:key`, `s:string`, `n:number`, `true`, `null`.
    private func tokens(_ text: String, capacity: Int = 16) throws -> [String] {
        try tokens(JSONTokenizer(inputBuffer(text, capacity: capacity)))
    }

    private func tokens(_ json: JSONTokenizer) throws -> [String] {
        var result: [String] = []
        while true {
            switch try json.next() {
            case .beginObject: result.append("{")
            case .endObject: result.append("}")
            case .beginArray: result.append("[")
            case .endArray: result.append("]")
            case .key: result.append("k:\(json.bytes)")
            case .string: result.append("s:\(json.bytes)")
            case .number: result.append("n:\(json.bytes)")
            case .bool: result.append(json.boolValue ? "true" : "false")
            case .null: result.append("null")
            case .end: return result
            }
        }
    }

    /// The error that reading all of `text` (or running `body`) throws, or nil.
    private func error(
        _ text: String, capacity: Int = 16, maxDepth: Int = 512,
        _ body: (JSONTokenizer) throws(InputError) -> Void = { json throws(InputError) in
            while try json.next() != .end {}
        }
    ) -> InputError? {
        error(inputBuffer(text, capacity: capacity), maxDepth: maxDepth, body)
    }

    private func error(
        _ input: InputBuffer, maxDepth: Int = 512,
        _ body: (JSONTokenizer) throws(InputError) -> Void = { json throws(InputError) in
            while try json.next() != .end {}
        }
    ) -> InputError? {
        do {
            try body(JSONTokenizer(input, maxDepth: maxDepth))
            return nil
        } catch {
            return error
        }
    }

    // MARK: Tokens

    @Test func readsEveryKindOfValue() throws {
        let text = #"{"a": [1, -2.5e+3, 0, "x", true, false, null, {}, []], "": {"b": 1E-7}}"#
        #expect(
            try tokens(text) == [
                "{", "k:a", "[", "n:1", "n:-2.5e+3", "n:0", "s:x", "true", "false", "null", "{", "}", "[", "]", "]",
                "k:", "{", "k:b", "n:1E-7", "}", "}",
            ])
    }

    @Test func readsScalarsAtTheTopLevel() throws {
        #expect(try tokens(" 42 ") == ["n:42"])
        #expect(try tokens(#""text""#) == ["s:text"])
        #expect(try tokens("null") == ["null"])
    }

    @Test func acceptsWhiteSpaceEverywhereBetweenTokens() throws {
        let text = " \t\r\n{ \n\"a\" \t:\r\n [ 1 ,\n2 ] , \"b\":true\n}\r\n "
        #expect(try tokens(text) == ["{", "k:a", "[", "n:1", "n:2", "]", "k:b", "true", "}"])
    }

    @Test func keepsReturningEndAfterTheTopLevelValue() throws {
        let json = JSONTokenizer(inputBuffer("[]"))
        #expect(try tokens(json) == ["[", "]"])
        #expect(try json.next() == .end)
        try json.expectEnd()
    }

    @Test func resolvesEscapes() throws {
        let text = #""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \ud83d\uDE00 \u0000""#
        #expect(try tokens(text) == ["s:\" \\ / \u{8} \u{c} \n \r \t A é € 😀 \u{0}"])
    }

    @Test func decodesEscapedKeysAndKeepsRawUTF8() throws {
        #expect(try tokens(#"{"na\u006De": "größe ✓"}"#) == ["{", "k:name", "s:größe ✓", "}"])
    }

    @Test func refusesLoneSurrogatesAndBadEscapes() {
        for (text, message) in [
            (#""\ud83d""#, "a lone surrogate in a string (a high surrogate without a low one)"),
            (#""\ud83d\u0041""#, "a lone surrogate in a string (a high surrogate without a low one)"),
            (#""x\ude00""#, "a lone surrogate in a string (a low surrogate without a high one)"),
            (#""\u12G4""#, "'\\u' must be followed by four hexadecimal digits"),
            (#""\u12""#, "'\\u' must be followed by four hexadecimal digits"),
            (#""\x""#, "invalid escape in a string: a backslash before 'x'"),
        ] {
            let found = error(text)
            #expect(found?.message == message, "\(text)")
        }
        #expect(error(#"["ab\ude00"]"#)?.column == 5)
    }

    // MARK: Refills

    @Test func readsTokensSplitAcrossRefills() throws {
        let long = String(repeating: "abc\\n\\u00e9", count: 100)
        let digits = String(repeating: "1234567890", count: 40)
        let text = #"{"a long key name": ["\#(long)", \#(digits).5e-3, true, null, "x"], "k": false}"#
        let expected = try tokens(text, capacity: InputBuffer.defaultCapacity)
        #expect(expected[3] == "s:" + String(repeating: "abc\né", count: 100))
        #expect(expected[4] == "n:\(digits).5e-3")
        for capacity in [16, 17, 31] {
            #expect(try tokens(text, capacity: capacity) == expected)
        }
    }

    @Test func skipsValuesSplitAcrossRefills() throws {
        let long = String(repeating: #"x\"]}["#, count: 50)
        let text = #"{"skip": [{"s": "\#(long)", "n": [1, [2, {"t": "\\"}]]}], "keep": 7}"#
        let json = JSONTokenizer(inputBuffer(text, capacity: 16))
        var kept: [Int] = []
        try json.forEachMember { key throws(InputError) in
            if key == "keep" { kept.append(try json.readInt()) }
        }
        try json.expectEnd()
        #expect(kept == [7])
    }

    @Test func aTokenLongerThanTheBufferMaximumIsAnError() throws {
        let input = InputBuffer(
            source: MemoryByteSource("[\"" + String(repeating: "x", count: 100) + "\"]"), capacity: 16,
            maximumCapacity: 32)
        let json = JSONTokenizer(input)
        #expect(try json.next() == .beginArray)
        let found = try #require(throws: InputError.self) { try json.next() }
        #expect(found.message.hasPrefix("a single token is longer than"))
        #expect(found.line == 1 && found.column == 2)
        #expect(throws: found) { try json.skipValue() }
    }

    // MARK: Syntax errors

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let cases: [(String, String, Int, Int)] = [
            ("[1 2]", "expected ',' or ']' after an array element, found '2'", 1, 4),
            (#"{"a" 1}"#, "expected ':' after the key, found '1'", 1, 6),
            (#"{"a": 1 "b": 2}"#, "expected ',' or '}' after an object member, found '\"'", 1, 9),
            ("[1,]", "a trailing comma before ']' is not allowed", 1, 4),
            ("{\"a\": 1,\n}", "a trailing comma before '}' is not allowed", 2, 1),
            ("{a: 1}", "expected a key in double quotes, found 'a'", 1, 2),
            ("{'a': 1}", "keys must be in double quotes, not single quotes", 1, 2),
            ("['a']", "strings must be in double quotes, not single quotes", 1, 2),
            ("[01]", "leading zeros are not allowed in a number", 1, 2),
            ("[-]", "expected a digit after '-'", 1, 3),
            ("[1.]", "expected a digit after '.' in a number", 1, 4),
            ("[1e+]", "expected a digit in the exponent of a number", 1, 5),
            ("[1-2]", "unexpected '-' in a number", 1, 3),
            ("[NaN]", "expected a JSON value, found 'N' (NaN and Infinity are not valid JSON)", 1, 2),
            ("{\"a\":\n  Infinity}", "expected a JSON value, found 'I' (NaN and Infinity are not valid JSON)", 2, 3),
            ("[-Infinity]", "expected a digit after '-'", 1, 3),
            ("[tru]", "expected a JSON value, found an unknown word (did you mean 'true'?)", 1, 2),
            ("[}", "expected a JSON value, found '}'", 1, 2),
            ("[@]", "expected a JSON value, found '@'", 1, 2),
            ("[\"a\tb\"]", "a control character (byte 0x09) in a string must be escaped", 1, 4),
            ("[\"a\nb\"]", "a control character (byte 0x0A) in a string must be escaped", 1, 4),
            ("{}\n x", "unexpected 'x' after the end of the JSON value", 2, 2),
            ("[1] [2]", "unexpected '[' after the end of the JSON value", 1, 5),
            ("", "the input is empty: expected a JSON value", 1, 1),
            (" \n ", "the input is empty: expected a JSON value", 2, 2),
            ("[\"abc", "unexpected end of input inside a string", 1, 2),
            ("[1,\n2", "unexpected end of input inside an array", 2, 2),
            ("{\"a\": ", "unexpected end of input inside an object", 1, 7),
            ("{\"a\"", "unexpected end of input inside an object", 1, 5),
        ]
        for (text, message, line, column) in cases {
            let found = error(text)
            #expect(found?.message == message, "\(text)")
            #expect(found?.line == line && found?.column == column, "\(text): \(String(describing: found))")
        }
    }

    @Test func aSyntaxErrorIsThrownAgainByEveryLaterCall() throws {
        let json = JSONTokenizer(inputBuffer("[1 2] [3]"))
        #expect(try json.next() == .beginArray)
        #expect(try json.next() == .number)
        let first = try #require(throws: InputError.self) { try json.next() }
        #expect(throws: first) { try json.next() }
        #expect(throws: first) { try json.skipValue() }
        #expect(throws: first) { try json.readInt() }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 100_000)
        let tooDeep = "arrays and objects are nested deeper than 512 levels"
        #expect(error(deep)?.message == tooDeep)
        #expect(error(deep, capacity: 4096) { json throws(InputError) in try json.skipValue() }?.message == tooDeep)
        #expect(error(deep) { json throws(InputError) in try json.forEachElement {} }?.column == 513)
        #expect(error("[[[1]]]", maxDepth: 3) == nil)
        #expect(error("[[[{}]]]", maxDepth: 3)?.column == 4)
        #expect(error("[[[{}]]]", maxDepth: 3) { json throws(InputError) in try json.skipValue() }?.column == 4)
    }

    // MARK: Values

    @Test func readsNumbersStrictly() throws {
        let json = JSONTokenizer(inputBuffer("[-9223372036854775808, 2.5e1, 1e-999, 12]"))
        #expect(try json.next() == .beginArray)
        #expect(try json.readInt() == Int.min)
        #expect(try json.readDouble() == 25)
        #expect(try json.readDouble() == 0)
        #expect(try json.readDouble() == 12)
        #expect(try json.next() == .endArray)

        #expect(
            error("1e999") { json throws(InputError) in _ = try json.readDouble() }?.message
                == "1e999 is not a finite number")
        #expect(
            error("-1E400") { json throws(InputError) in _ = try json.readDouble() }?.message
                == "-1E400 is not a finite number")
        #expect(
            error("99999999999999999999") { json throws(InputError) in _ = try json.readInt() }?.message
                == "the integer 99999999999999999999 is out of range")
        #expect(
            error("9223372036854775808") { json throws(InputError) in _ = try json.readInt() }?.message
                == "the integer 9223372036854775808 is out of range")
        #expect(
            error("2.5") { json throws(InputError) in _ = try json.readInt() }?.message
                == "expected an integer, found 2.5")
        #expect(
            error("1e3") { json throws(InputError) in _ = try json.readInt() }?.message
                == "expected an integer, found 1e3")
    }

    @Test func aValueOfTheWrongKindIsSkippedWholeThenReported() throws {
        let json = JSONTokenizer(inputBuffer(#"[{"a": [1, "]"]}, "7", [true], null, 8]"#, capacity: 16))
        #expect(try json.next() == .beginArray)
        #expect(throws: InputError("expected an integer, found an object", line: 1, column: 2)) { try json.readInt() }
        #expect(throws: InputError("expected a number, found the string \"7\"", line: 1, column: 19)) {
            try json.readDouble()
        }
        #expect(throws: InputError("expected a string, found an array", line: 1, column: 24)) { try json.readString() }
        #expect(throws: InputError("expected an object, found null", line: 1, column: 32)) {
            try json.forEachMember { _ throws(InputError) in }
        }
        #expect(try json.readInt() == 8)
        #expect(throws: InputError("expected a string, found ']'", line: 1, column: 39)) { try json.readString() }
        #expect(throws: InputError("expected an array, found the end of the input", line: 1, column: 40)) {
            try json.forEachElement {}
        }
    }

    @Test func validatesUTF8WhenAStringIsReadButNotWhenItIsSkipped() throws {
        let bytes: [UInt8] = Array(#"["ok", "a"#.utf8) + [0xC3, 0x28] + Array(#"", "b"]"#.utf8)
        let found = error(InputBuffer(source: MemoryByteSource(bytes), capacity: 16))
        #expect(found == InputError("invalid UTF-8 in a string (byte 0xC3)", line: 1, column: 10))
        let json = JSONTokenizer(InputBuffer(source: MemoryByteSource(bytes), capacity: 16))
        try json.skipValue()
        try json.expectEnd()
    }

    @Test func refusesEveryKindOfInvalidUTF8() {
        let invalid: [[UInt8]] = [
            [0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xE2, 0x28, 0xA1],
        ]
        for sequence in invalid {
            let bytes = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
            #expect(error(InputBuffer(source: MemoryByteSource(bytes)))?.column == 2, "\(sequence)")
        }
        let valid = "\"\u{7F} \u{80} \u{7FF} \u{800} \u{D7FF} \u{E000} \u{FFFF} \u{10000} \u{10FFFF}\""
        #expect(error(valid) == nil)
    }

    @Test func readsUTF8WithABOMAndUTF16() throws {
        let text = #"{"name": "café ☕"}"#
        let withBOM = try decodedBuffer([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(try tokens(JSONTokenizer(withBOM)) == ["{", "k:name", "s:café ☕", "}"])
        let utf16 = try decodedBuffer([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try tokens(JSONTokenizer(utf16)) == ["{", "k:name", "s:café ☕", "}"])
    }

    // MARK: Walking

    @Test func forEachMemberSkipsWhatTheBodyLeavesUnread() throws {
        let text = #"{"a": {"x": [1, 2]}, "b": [3, [4]], "c": "s", "d": {"e": 5, "f": 6}, "g": 7}"#
        let json = JSONTokenizer(inputBuffer(text, capacity: 16))
        var seen: [String] = []
        try json.forEachMember { key throws(InputError) in
            seen.append(key.description)
            if key == "b" {
                #expect(try json.next() == .beginArray)  // the rest of the array is left unread
            } else if key == "d" {
                try json.forEachMember { inner throws(InputError) in
                    if inner == "e" { seen.append("e=\(try json.readInt())") }
                }
            } else if key == "g" {
                seen.append("g=\(try json.readInt())")
            }
        }
        try json.expectEnd()
        #expect(seen == ["a", "b", "c", "d", "e=5", "g", "g=7"])
    }

    @Test func aKeyStaysValidWhileTheBodyReadsItsValue() throws {
        let long = String(repeating: "v", count: 200)
        let text = #"{"first key": "\#(long)", "second": {"inner key": [1, "\#(long)"]}, "": 3}"#
        let json = JSONTokenizer(inputBuffer(text, capacity: 16))
        var seen: [String] = []
        try json.forEachMember { key throws(InputError) in
            try json.skipValue()
            seen.append(key.description)
        }
        #expect(seen == ["first key", "second", ""])
    }

    @Test func forEachElementSkipsWhatTheBodyLeavesUnread() throws {
        let text = #"[[1, 2], {"k": [3]}, "s", 4, [5, [6]], 7]"#
        let json = JSONTokenizer(inputBuffer(text, capacity: 16))
        var numbers: [Int] = []
        var index = 0
        try json.forEachElement { () throws(InputError) in
            defer { index += 1 }
            switch index {
            case 0: try json.forEachElement { () throws(InputError) in numbers.append(try json.readInt()) }
            case 4: #expect(try json.next() == .beginArray)
            case 5: numbers.append(try json.readInt())
            default: break
            }
        }
        try json.expectEnd()
        #expect(numbers == [1, 2, 7])
        #expect(index == 6)
    }

    @Test func iterationStopsWhenTheBodyReadsPastTheContainer() throws {
        let json = JSONTokenizer(inputBuffer(#"[[1], {"a": 2}]"#))
        var tokens: [JSONTokenizer.Token] = []
        try json.forEachElement { () throws(InputError) in
            try json.forEachElement { () throws(InputError) in tokens += [try json.next(), try json.next()] }
            try json.forEachMember { _ throws(InputError) in tokens += [try json.next(), try json.next()] }
        }
        #expect(tokens == [.number, .endArray, .number, .endObject])
        try json.expectEnd()
    }

    @Test func iteratesTheContainerJustOpenedByNext() throws {
        let json = JSONTokenizer(inputBuffer(#"{"a": [[1], []], "b": {}}"#))
        #expect(try json.next() == .beginObject)
        var counts: [Int] = []
        try json.forEachMember { _ throws(InputError) in
            guard try json.next() == .beginArray else { return }
            try json.forEachElement { () throws(InputError) in
                var count = 0
                try json.forEachElement { () throws(InputError) in
                    count += 1
                    try json.skipValue()
                }
                counts.append(count)
            }
        }
        #expect(counts == [1, 0])
    }

    @Test func positionsAreThoseOfTheTokenLastRead() throws {
        let json = JSONTokenizer(inputBuffer("{\n  \"a\": [\n    10,\n    \"x\"\n  ]\n}", capacity: 16))
        var positions: [String] = []
        while try json.next() != .end { positions.append("\(json.line):\(json.column)") }
        #expect(positions == ["1:1", "2:3", "2:8", "3:5", "4:5", "5:3", "6:1"])
    }

    @Test func skippingCountsLines() throws {
        let json = JSONTokenizer(inputBuffer("{\"a\": [\n1,\n{\"b\": \"\\\"[\"}\n],\n\"c\": x}", capacity: 16))
        #expect(throws: InputError("expected a JSON value, found 'x'", line: 5, column: 6)) {
            try json.forEachMember { _ throws(InputError) in }
        }
    }

    @Test func skippingChecksThatBracketsMatch() {
        #expect(
            error(#"[{"a": 1]]"#) { json throws(InputError) in try json.skipValue() }
                == InputError("expected '}' to close an object, found ']'", line: 1, column: 9))
        #expect(
            error(#"{"a": [1}}"#) { json throws(InputError) in try json.skipValue() }
                == InputError("expected ']' to close an array, found '}'", line: 1, column: 9))
        #expect(
            error(#"[{"a": "1]]"#) { json throws(InputError) in try json.skipValue() }?.message
                == "unexpected end of input inside a string")
        #expect(
            error(#"{"a": [1, 2"#) { json throws(InputError) in try json.skipValue() }?.message
                == "unexpected end of input inside an array")
    }

    @Test func skipValueNeedsAValueToSkip() {
        #expect(
            error("{}") { json throws(InputError) in
                _ = try json.next()
                try json.skipValue()
            } == InputError("expected a value to skip, found '}'", line: 1, column: 2))
        #expect(
            error("[]") { json throws(InputError) in
                _ = try json.next()
                try json.skipValue()
            } == InputError("expected a value to skip, found ']'", line: 1, column: 2))
        #expect(
            error("1") { json throws(InputError) in
                try json.skipValue()
                try json.skipValue()
            } == InputError("expected a value to skip, found the end of the input", line: 1, column: 2))
        #expect(
            error("[1 2]") { json throws(InputError) in
                _ = try json.next()
                try json.skipValue()
                try json.skipValue()
            }?.message == "expected ',' or ']' after an array element, found '2'")
    }

    @Test func expectEndRefusesAnythingButTheEnd() {
        #expect(
            error("[1]") { json throws(InputError) in try json.expectEnd() }
                == InputError("expected the end of the input, found an array", line: 1, column: 1))
    }
}
