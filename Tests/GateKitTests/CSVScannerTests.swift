import Testing

@testable import GateKit

@Suite struct CSVScannerTests {
    /// Every record of `text` as arrays of field strings, read through a buffer of `capacity` bytes.
    private func records(
        _ text: String, delimiter: UInt8 = UInt8(ascii: ","), capacity: Int = InputBuffer.defaultCapacity
    ) throws(InputError) -> [[String]] {
        var scanner = CSVScanner(inputBuffer(text, capacity: capacity), delimiter: delimiter)
        var result: [[String]] = []
        while try scanner.nextRecord() {
            result.append((0..<scanner.fieldCount).map { scanner.field($0).description })
        }
        return result
    }

    @Test func splitsRecordsAndFields() throws {
        #expect(try records("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func emptyFieldsAndATrailingDelimiterAreFields() throws {
        #expect(try records(",a,,\n") == [["", "a", "", ""]])
    }

    @Test func crlfLineEndsReadLikeLF() throws {
        #expect(try records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("\"a\",\"b\"\r\n\"1\",\"2\"\r\n") == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "name,note\n\"Smith, J.\",\"said \"\"hi\"\"\"\n\"multi\nline\",\"\"\nlast,\"a\r\nb\"\n"
        #expect(
            try records(text) == [
                ["name", "note"], ["Smith, J.", "said \"hi\""], ["multi\nline", ""], ["last", "a\r\nb"],
            ])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws {
        #expect(try records("5\" disk,a\"b\n") == [["5\" disk", "a\"b"]])
    }

    @Test func blankLinesHoldNoRecord() throws {
        #expect(try records("\na,b\n\r\n\n1,2\n\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a\n\r") == [["a"]])
        // The window of 16 bytes ends between the CR and the LF of the blank line.
        #expect(try records("abcdefghijklmn\n\r\n1,2\n", capacity: 16) == [["abcdefghijklmn"], ["1", "2"]])
    }

    @Test func theLastRecordNeedsNoLineEnd() throws {
        var scanner = CSVScanner(inputBuffer("a,b\n1,\"2\""))
        #expect(try scanner.nextRecord())
        #expect(!scanner.lastRecordUnterminated)
        #expect(try scanner.nextRecord())
        #expect(scanner.field(1) == "2")
        #expect(scanner.lastRecordUnterminated)
        #expect(try !scanner.nextRecord())
        #expect(try records("a,b\n1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,\"b\"\r") == [["a", "b"]])
    }

    @Test func otherDelimiters() throws {
        #expect(try records("a;b;\"c;d\"\n", delimiter: UInt8(ascii: ";")) == [["a", "b", "c;d"]])
        #expect(try records("a\tb, c\n", delimiter: UInt8(ascii: "\t")) == [["a", "b, c"]])
    }

    @Test func lineNumbersCountLineBreaksInsideQuotedFields() throws {
        var scanner = CSVScanner(inputBuffer("h\n\n\"a\nb\nc\"\nd\n"))
        var lines: [Int] = []
        while try scanner.nextRecord() { lines.append(scanner.lineNumber) }
        #expect(lines == [1, 3, 6])
    }

    @Test func fieldsPastTheLastAreEmpty() throws {
        var scanner = CSVScanner(inputBuffer("a\n"))
        #expect(try scanner.nextRecord())
        #expect(scanner.fieldCount == 1)
        #expect(scanner.field(3).isEmpty)
        #expect(scanner.field(-1).isEmpty)
    }

    @Test func recordsLongerThanTheBufferAreReadWhole() throws {
        let long = String(repeating: "x", count: 1000)
        let text = "\(long),\"\(long)\"\"\(long)\"\n\"q\"\"\",b\n"
        for capacity in [16, 17, 64, 1000, 4096] {
            #expect(
                try records(text, capacity: capacity) == [[long, long + "\"" + long], ["q\"", "b"]],
                "capacity \(capacity)")
        }
    }

    /// Random fields (with quotes, delimiters, CR and LF) written the RFC 4180 way read back the same through
    /// buffers of every small size, so that records, quotes and CRLF pairs are cut by refills at every position.
    @Test func randomRecordsRoundTripThroughSmallBuffers() throws {
        var generator = SplitMix64(seed: 0xC5F)
        let alphabet: [Character] = ["a", "b", "é", ",", "\"", "\n", "\r", " "]
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<200 {
            let count = Int(generator.next() % 4) + 1
            var fields: [String] = []
            for _ in 0..<count {
                let length = Int(generator.next() % 6)
                fields.append(String((0..<length).map { _ in alphabet[Int(generator.next() % 8)] }))
            }
            // A record of one empty field is a blank line, which holds no record.
            if fields == [""] { fields = ["a"] }
            expected.append(fields)
            text += fields.map { field in
                field.unicodeScalars.contains(where: { ",\"\r\n ".unicodeScalars.contains($0) })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
            text += generator.next() % 2 == 0 ? "\n" : "\r\n"
        }
        for capacity in [16, 17, 23, 64, 256] {
            #expect(try records(text, capacity: capacity) == expected, "capacity \(capacity)")
        }
    }

    @Test(
        arguments: [
            ("a,b\n\"open,c\n", "the file ends inside a quoted field started at line 2: is it truncated?", 3),
            (
                "a\n\"x\"y,z\n",
                "unexpected 'y' after the closing quote of field 1: a quoted field must end at a "
                    + "delimiter or the end of the line", 2
            ),
            (
                "\"a\nb\" c\n",
                "unexpected byte 0x20 after the closing quote of field 1: a quoted field must end at a "
                    + "delimiter or the end of the line", 2
            ),
            (
                "\"x\"\rz\n",
                "unexpected byte 0xd after the closing quote of field 1: a quoted field must end at a "
                    + "delimiter or the end of the line", 1
            ),
        ] as [(String, String, Int)])
    func malformedQuotingIsAnErrorWithItsLine(_ text: String, _ message: String, _ line: Int) {
        let error = #expect(throws: InputError.self) { try records(text) }
        #expect(error?.message == message)
        #expect(error?.line == line)
    }

    @Test func aRecordLongerThanTheLimitIsAnError() {
        let text = "a,b\n" + String(repeating: "x", count: 300) + "\n"
        let error = #expect(throws: InputError.self) {
            var scanner = CSVScanner(InputBuffer(source: MemoryByteSource(text), capacity: 64, maximumCapacity: 128))
            while try scanner.nextRecord() {}
        }
        #expect(error?.message == "the record is longer than 128 bytes")
        #expect(error?.line == 2)
    }

    @Test func theHeaderFindsColumnsByName() throws {
        var scanner = CSVScanner(inputBuffer(" timeStamp ,elapsed,label,elapsed\n"))
        #expect(try scanner.nextRecord())
        let header = CSVHeader(scanner)
        #expect(header.count == 4)
        #expect(header.column("timeStamp") == 0)
        #expect(header.column("elapsed") == 1)
        #expect(header.column("label") == 2)
        #expect(header.column("Label") == nil)
        #expect(header.column("bytes") == nil)
    }
}
