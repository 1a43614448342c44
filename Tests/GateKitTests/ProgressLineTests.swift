import Testing

@testable import GateKit

/// Records what a ``ProgressByteSource`` tells its observer.
private final class RecordingObserver: ReadObserver {
    var events: [String] = []
    func begin(path: String, total: Int) { events.append("begin \(path) \(total)") }
    func update(bytesRead bytes: Int) { events.append("\(bytes)") }
    func end() { events.append("end") }
}

/// A clock that moves on by `step` seconds each time it is read.
private final class SteppingClock {
    var now = 0.0
    let step: Double
    init(step: Double) { self.step = step }
    func read() -> Double {
        defer { now += step }
        return now
    }
}

/// The progress line on standard error while a slow report is read.
@Suite struct ProgressLineTests {
    @Test func theSourceReportsEveryFewChunksAtTheEndAndFromZeroAfterARewind() throws {
        let observer = RecordingObserver()
        let source = ProgressByteSource(
            MemoryByteSource(Array(repeating: 65, count: 10)), observer: observer,
            chunksPerUpdate: 2)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3, alignment: 1)
        defer { buffer.deallocate() }
        var total = 0
        while case let count = try source.read(into: buffer), count > 0 { total += count }
        #expect(total == 10)
        #expect(observer.events == ["6", "10", "10"], "after chunks 2 and 4, then at the end (chunk 5)")
        try source.rewind()
        #expect(try source.read(into: buffer) == 3)
        #expect(observer.events == ["6", "10", "10", "0", "3"], "counted from zero after a rewind")
    }

    @Test func theLineShowsAfterADelayIsRewrittenInPlaceAndErased() {
        var written: [String] = []
        let clock = SteppingClock(step: 0.5)
        let line = ProgressLine(width: 80, clock: clock.read, write: { written.append($0) })
        line.begin(path: "reports/results.jtl", total: 200_000_000)
        line.update(bytesRead: 10_000_000)  // 0.5 s: too early
        line.update(bytesRead: 50_000_000)  // 1 s
        line.update(bytesRead: 90_000_000)  // 1.5 s
        line.end()
        #expect(
            written == [
                "\r\u{1B}[Kreading reports/results.jtl: 50.0 MB of 200.0 MB (25%), 50.0 MB/s",
                "\r\u{1B}[Kreading reports/results.jtl: 90.0 MB of 200.0 MB (45%), 60.0 MB/s",
                "\r\u{1B}[K",
            ])
        line.end()
        #expect(written.count == 3, "erased once")
    }

    @Test func aQuickReadDrawsNothingAndRedrawsAreSpacedOut() {
        var written: [String] = []
        let clock = SteppingClock(step: 0.01)
        let line = ProgressLine(width: 80, clock: clock.read, write: { written.append($0) })
        line.begin(path: "a.xml", total: 0)
        for bytes in 1...50 { line.update(bytesRead: bytes) }
        line.end()
        #expect(written.isEmpty)
        clock.now = 0
        line.begin(path: "b.xml", total: 0)
        clock.now = 5
        for bytes in 1...25 { line.update(bytesRead: bytes * 1_000_000) }
        line.end()
        #expect(written.count == 4, "drawn at 5.0, 5.1, 5.2 s (every tenth of a second), then erased")
        #expect(written.first == "\r\u{1B}[Kreading b.xml: 1.0 MB of 0.0 MB, 0.2 MB/s")
    }

    @Test func aLongPathIsShortenedToKeepTheLineOnOneRow() {
        let line = ProgressLine(width: 60, clock: { 0 }, write: { _ in })
        line.begin(path: "build/test-results/integration/very/deep/folder/TEST-payments.xml", total: 2_000_000)
        let text = line.text(bytes: 1_000_000, seconds: 2)
        #expect(text == "reading build/te…ents.xml: 1.0 MB of 2.0 MB (50%), 0.5 MB/s")
        #expect(text.count == 59)
        #expect(line.text(bytes: 0, seconds: 0) == "reading build/test-res…-payments.xml: 0.0 MB of 2.0 MB (0%)")
    }

    @Test func checkDrawsTheLineOnlyWhenStandardErrorIsATerminalAndTheReadIsSlow() throws {
        let root = try TerminalOutputTests.wideProject()
        let clock = SteppingClock(step: 1)
        let slow = TerminalOutputTests.check(root, terminal: FakeTTY(output: false), stopwatch: clock.read)
        #expect(slow.error.contains("\r\u{1B}[Kreading cov/lcov.info: 0.0 MB of 0.0 MB (100%), 0.0 MB/s\r\u{1B}[K"))
        #expect(slow.error.hasSuffix("\r\u{1B}[K"), "erased when done")
        #expect(!slow.output.contains("\r"))
        let piped = TerminalOutputTests.check(
            root, terminal: FakeTTY(error: false), stopwatch: SteppingClock(step: 1).read)
        #expect(piped.error.isEmpty)
        let dumb = TerminalOutputTests.check(
            root, terminal: FakeTTY(), environment: ["TERM": "dumb"], stopwatch: SteppingClock(step: 1).read)
        #expect(dumb.error.isEmpty)
        let quick = TerminalOutputTests.check(root, terminal: FakeTTY(), stopwatch: { 0 })
        #expect(quick.error.isEmpty)
    }

    @Test func metricsDrawsTheLineToo() throws {
        let root = try TerminalOutputTests.wideProject()
        let terminal = FakeTTY(output: false)
        var invocation = Invocation(
            arguments: ["metrics", "lint.txt"], environment: [:], currentDirectory: root, terminal: terminal)
        invocation.stopwatch = SteppingClock(step: 1).read
        #expect(ProtocolTool.run(invocation) == 0)
        #expect(terminal.error.hasPrefix("\r\u{1B}[Kreading lint.txt: 0.0 MB of 0.0 MB (100%)"))
    }
}
