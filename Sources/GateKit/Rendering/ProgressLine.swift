/// The line on standard error that shows a slow report being read: the file, the bytes read of its size and the
/// speed, rewritten in place (`\r` and erase-line) and erased when the file is read.
///
/// Nothing is drawn for a file read in under `delay` seconds, and the line is redrawn at most every `interval`
/// seconds; the clock is only read when the ``ProgressByteSource`` reports, every few chunks.
public final class ProgressLine: ReadObserver {
    private let width: Int
    private let clock: () -> Double
    private let write: (String) -> Void
    private let delay: Double
    private let interval: Double
    private var path = ""
    private var total = 0
    private var started = 0.0
    private var drawn: Double?

    /// - Parameters:
    ///   - width: the terminal's columns; the line stays shorter.
    ///   - clock: monotonic seconds (``Stopwatch/seconds()``).
    ///   - write: writes to standard error.
    public init(
        width: Int, clock: @escaping () -> Double, write: @escaping (String) -> Void, delay: Double = 1,
        interval: Double = 0.1
    ) {
        self.width = width
        self.clock = clock
        self.write = write
        self.delay = delay
        self.interval = interval
    }

    public func begin(path: String, total: Int) {
        self.path = path
        self.total = total
        started = clock()
        drawn = nil
    }

    public func update(bytesRead bytes: Int) {
        let now = clock()
        guard now - started >= delay, drawn.map({ now - $0 >= interval }) ?? true else { return }
        drawn = now
        write("\r\u{1B}[K" + text(bytes: bytes, seconds: now - started))
    }

    public func end() {
        if drawn != nil { write("\r\u{1B}[K") }
        drawn = nil
    }

    /// `reading reports/big.jtl: 123.4 MB of 512.0 MB (24%), 85.3 MB/s`, the path shortened to fit.
    func text(bytes: Int, seconds: Double) -> String {
        let percent = total > 0 ? " (\(min(bytes, total) * 100 / total)%)" : ""
        let rate = seconds > 0 ? ", \(Self.megabytes(Double(bytes) / seconds))/s" : ""
        let tail = ": \(Self.megabytes(Double(bytes))) of \(Self.megabytes(Double(total)))\(percent)\(rate)"
        let room = max(width - 1 - "reading ".count - tail.count, 8)
        return "reading " + TextWrapping.shortened(path, to: room) + tail
    }

    /// Bytes in MB with one decimal, so that the line keeps its width while it changes.
    private static func megabytes(_ bytes: Double) -> String {
        NumberFormatting.decimal(bytes / 1e6, decimals: 1) + " MB"
    }
}
