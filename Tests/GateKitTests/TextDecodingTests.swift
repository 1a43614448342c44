import Testing

@testable import GateKit

@Suite struct TextDecodingTests {
    private func decode(_ bytes: [UInt8]) throws -> (String, TextDecoding.Encoding) {
        let (input, encoding) = try TextDecoding.open(source: MemoryByteSource(bytes))
        var scanner = LineScanner(input)
        var lines: [String] = []
        while let line = try scanner.nextLine() { lines.append(line.description) }
        return (lines.joined(separator: "\n"), encoding)
    }

    private func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        return bytes
    }

    @Test func plainUTF8PassesThrough() throws {
        #expect(try decode(Array("SF:é.c\nend".utf8)) == ("SF:é.c\nend", .utf8))
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8)) == ("<a/>", .utf8WithBOM))
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16IsTranscoded(bigEndian: Bool, bom: Bool) throws {
        let text = "<testsuite name=\"Zürich 😀\">\n</testsuite>"
        let (decoded, encoding) = try decode(utf16(text, bigEndian: bigEndian, bom: bom))
        #expect(decoded == text)
        #expect(encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    }

    @Test func longUTF16InputIsTranscodedAcrossChunks() throws {
        let line = String(repeating: "ab€😀", count: 40_000)
        #expect(try decode(utf16(line, bigEndian: false, bom: true)).0 == line)
    }

    @Test func unpairedSurrogatesAndOddEndingsAreErrors() {
        #expect(throws: InputError("invalid UTF-16 (an unpaired surrogate after 1 characters)")) {
            try decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC, 0x41, 0x00])
        }
        #expect(throws: InputError("invalid UTF-16 (an unpaired surrogate after 0 characters)")) {
            try decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])
        }
        #expect(throws: InputError("invalid UTF-16 (an unpaired surrogate after 0 characters)")) {
            try decode([0xFF, 0xFE, 0x3D, 0xD8, 0x3D])
        }
        #expect(throws: InputError("the UTF-16 text ends in the middle of a character")) {
            try decode([0xFF, 0xFE, 0x41, 0x00, 0x42])
        }
    }

    @Test func utf32IsRefusedWithAWayOut() {
        #expect(throws: InputError("the file is UTF-32; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)")) {
            try decode([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0])
        }
    }

    @Test func shortAndEmptyInputs() throws {
        #expect(try decode([]) == ("", .utf8))
        #expect(try decode([0x41]) == ("A", .utf8))
    }

    @Test func rewindingReadsTheSameBytesAgain() throws {
        for bytes in [[0xEF, 0xBB, 0xBF] + Array("abc\ndef".utf8), utf16("abc\ndef", bigEndian: true, bom: true)] {
            let (input, _) = try TextDecoding.open(source: MemoryByteSource(bytes))
            var first = LineScanner(input)
            while try first.nextLine() != nil {}
            try input.rewind()
            var second = LineScanner(input)
            #expect(try second.nextLine()?.description == "abc")
            #expect(try second.nextLine()?.description == "def")
        }
    }
}

@Suite struct ReportLoaderTests {
    @Test func aMissingFileOrAFolderIsAnErrorNamingIt() throws {
        #expect(throws: ReportLoadError(path: "nope.info", reason: "no such file")) {
            try ReportLoader.load(path: "/nonexistent/nope.info", displayPath: "nope.info")
        }
        #expect(throws: ReportLoadError(path: "/tmp", reason: "is a directory, not a report file")) {
            try ReportLoader.load(path: "/tmp")
        }
    }

    @Test func emptyAndBinaryFilesAreRefused() throws {
        let empty = try temporaryFile("")
        #expect(throws: ReportLoadError(path: empty, reason: "the file is empty: no coverage data")) {
            try ReportLoader.load(path: empty, category: .coverage)
        }
        let binary = try temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 0, 0xFF])
        #expect(throws: ReportLoadError(path: binary, reason: "binary data, not a text report")) {
            try ReportLoader.load(path: binary)
        }
    }

    @Test func aFileOfAnotherCategoryIsNotRecognised() throws {
        let lcov = try temporaryFile("SF:a.c\nDA:1,1\nend_of_record\n")
        let error = #expect(throws: ReportLoadError.self) { try ReportLoader.load(path: lcov, category: .tests) }
        #expect(
            error?.reason.hasPrefix("not a recognised tests report format; expected one of: JUnit XML (junit)") == true)
        #expect(try ReportLoader.load(path: lcov).format == .lcov)
    }

    @Test func aDeclaredFormatMustFitTheCategory() throws {
        let lcov = try temporaryFile("SF:a.c\nDA:1,1\nend_of_record\n")
        #expect(
            throws: ReportLoadError(
                path: lcov, reason: "format 'lcov' holds coverage results, but the file is declared under 'lint'")
        ) { try ReportLoader.load(path: lcov, format: .lcov, category: .lint) }
        #expect(try ReportLoader.load(path: lcov, format: .lcov, category: .coverage).byteCount == 28)
    }

    @Test func recognisesTheRootElementOfXMLBehindItsProlog() {
        let xml = "<?xml version=\"1.0\"?>\n<!-- generated -->\n<!DOCTYPE x>\n<ns:testsuites>"
        withByteSpan(xml) { #expect(ContentHead($0).xmlRoot == "testsuites") }
        withByteSpan("[1/4] Compiling") { #expect(ContentHead($0).kind == .text) }
        withByteSpan("  [ {\"a\": 1}]") { #expect(ContentHead($0).kind == .json) }
        withByteSpan(" \n\t") { #expect(ContentHead($0).kind == .empty) }
    }
}
