/// A sliding window over a ``ByteSource``: the one buffer that scanners and tokenizers read from.
///
/// Bytes in `start..<end` are read but not yet consumed. ``refill()`` moves them to the front and reads
/// another chunk behind them, growing the window only when one token (a line, a string) is larger than it,
/// and never beyond `maximumCapacity`: memory stays bounded whatever the size of the file.
///
/// A buffer belongs to one reader on one thread and is never re-entered, so its state opts out of the runtime
/// exclusivity checks that would otherwise cost more than the scanning in the readers' hot loops.
public final class InputBuffer {
    /// The default chunk read from the source at a time.
    public static let defaultCapacity = 256 * 1024
    /// The largest single token (line, string, tag) accepted by default.
    public static let defaultMaximumCapacity = 64 * 1024 * 1024

    private let source: ByteSource
    @exclusivity(unchecked) private var storage: UnsafeMutableRawBufferPointer
    /// The largest window this buffer grows to: the longest single token it can hold.
    public let maximumCapacity: Int
    /// Index of the first unconsumed byte.
    @exclusivity(unchecked) public var start = 0
    /// Index one past the last valid byte.
    @exclusivity(unchecked) public private(set) var end = 0
    /// True once the source has reported its end.
    @exclusivity(unchecked) public private(set) var reachedEndOfSource = false
    /// Bytes discarded from the front so far: `consumedBefore + i` is the file offset of index `i`.
    @exclusivity(unchecked) public private(set) var consumedBefore = 0

    public init(
        source: ByteSource, capacity: Int = InputBuffer.defaultCapacity,
        maximumCapacity: Int = InputBuffer.defaultMaximumCapacity
    ) {
        self.source = source
        self.maximumCapacity = max(capacity, maximumCapacity)
        storage = .allocate(byteCount: max(capacity, 16), alignment: 16)
    }

    deinit { storage.deallocate() }

    /// The base address of the window; valid until the next ``refill()``.
    public var base: UnsafePointer<UInt8> {
        UnsafePointer(storage.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self))
    }

    /// Unconsumed bytes in the window.
    public var available: Int { end - start }

    /// The unconsumed bytes as a span; valid until the next ``refill()``.
    public var unconsumed: ByteSpan { ByteSpan(base: base + start, count: end - start) }

    /// File offset of the first unconsumed byte.
    public var offset: Int { consumedBefore + start }

    /// The maximum capacity in words: "64 MiB", or "100 bytes" for small test buffers.
    public var limitDescription: String {
        maximumCapacity % (1024 * 1024) == 0 ? "\(maximumCapacity / 1024 / 1024) MiB" : "\(maximumCapacity) bytes"
    }

    /// Starts reading again from the first byte of the input: for readers that need a second pass.
    public func rewind() throws(InputError) {
        try source.rewind()
        start = 0
        end = 0
        consumedBefore = 0
        reachedEndOfSource = false
    }

    /// Reads more input behind the unconsumed bytes. Returns false when the source is exhausted.
    ///
    /// Indices into the window stay valid relative to `start` only: callers keep offsets from `start`.
    @discardableResult
    public func refill() throws(InputError) -> Bool {
        if reachedEndOfSource { return false }
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                let raw = storage.baseAddress.unsafelyUnwrapped
                raw.copyMemory(from: raw + start, byteCount: pending)
            }
            consumedBefore += start
            start = 0
            end = pending
        }
        if end == storage.count {
            guard storage.count < maximumCapacity else {
                throw InputError("a single token is longer than \(limitDescription)")
            }
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(storage.count * 2, maximumCapacity), alignment: 16)
            grown.baseAddress.unsafelyUnwrapped.copyMemory(
                from: storage.baseAddress.unsafelyUnwrapped, byteCount: end)
            storage.deallocate()
            storage = grown
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
        if count == 0 {
            reachedEndOfSource = true
            return false
        }
        end += count
        return true
    }

    /// Ensures at least `count` unconsumed bytes, reading as needed. Returns false if the input ends first.
    public func ensure(_ count: Int) throws(InputError) -> Bool {
        while end - start < count {
            if !(try refill()) { return false }
        }
        return true
    }
}
