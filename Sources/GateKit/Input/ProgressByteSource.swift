/// Told how far the reading of a file has got: the progress line on a terminal.
public protocol ReadObserver: AnyObject {
    /// Reading of `path` starts; `total` is its size in bytes.
    func begin(path: String, total: Int)
    /// `bytes` of the file have been read so far (told every few chunks, and at the end).
    func update(bytesRead bytes: Int)
    /// The reading is over: read whole, failed or abandoned.
    func end()
}

/// A ``ByteSource`` that counts the bytes read through it and tells an observer every `chunksPerUpdate` chunks.
///
/// It sits under the ``InputBuffer``, so it runs once per chunk refill (256 KiB), never in a reader's byte loop;
/// when there is no observer there is no wrapper at all.
public final class ProgressByteSource: ByteSource {
    private let source: ByteSource
    private let observer: ReadObserver
    private let chunksPerUpdate: Int
    private var bytes = 0
    private var chunks = 0

    public init(_ source: ByteSource, observer: ReadObserver, chunksPerUpdate: Int = 4) {
        self.source = source
        self.observer = observer
        self.chunksPerUpdate = max(chunksPerUpdate, 1)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = try source.read(into: buffer)
        bytes += count
        chunks += 1
        if count == 0 || chunks % chunksPerUpdate == 0 { observer.update(bytesRead: bytes) }
        return count
    }

    /// A second pass counts from zero again.
    public func rewind() throws(InputError) {
        try source.rewind()
        bytes = 0
        observer.update(bytesRead: 0)
    }
}
