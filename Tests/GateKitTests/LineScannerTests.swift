import Testing

@testable import GateKit

@Suite struct LineScannerTests {
    private func lines(_ text: String, capacity: Int = 16) throws -> [String] {
        var scanner = LineScanner(inputBuffer(text, capacity: capacity))
        var result: [String] = []
        while let line = try scanner.nextLine() { result.append(line.description) }
        return result
    }

    @Test func splitsOnLineFeedAndDropsCarriageReturns() throws {
        #expect(try lines("a\nbb\r\n\nccc") == ["a", "bb", "", "ccc"])
    }

    @Test func aTrailingNewlineDoesNotAddAnEmptyLine() throws {
        #expect(try lines("a\nb\n") == ["a", "b"])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines("") == [])
    }

    @Test func linesLongerThanTheBufferAreJoinedAcrossRefills() throws {
        let long = String(repeating: "x", count: 1000)
        #expect(try lines("\(long)\nshort\n\(long)", capacity: 16) == [long, "short", long])
    }

    @Test func countsLines() throws {
        var scanner = LineScanner(inputBuffer("a\nb\nc"))
        while try scanner.nextLine() != nil {}
        #expect(scanner.lineNumber == 3)
    }

    @Test func aLineLongerThanTheMaximumIsAnErrorNamingTheLine() throws {
        let input = InputBuffer(
            source: MemoryByteSource("ok\n" + String(repeating: "y", count: 100)), capacity: 16, maximumCapacity: 32)
        var scanner = LineScanner(input)
        _ = try scanner.nextLine()
        #expect(throws: InputError.self) { try scanner.nextLine() }
        do {
            _ = try scanner.nextLine()
        } catch {
            #expect(error.message == "line 2 is longer than 32 bytes")
        }
    }
}
