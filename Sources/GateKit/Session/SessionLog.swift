import Glibc

/// The session log file: an append-only, hash-chained JSON Lines file (see ``LogEntry`` for a line's layout).
///
/// Every append takes an exclusive `flock` on the file, reads only the last line (to chain to it and learn the
/// open session), writes the new lines with one `write` and `fsync`s: concurrent checks all land, in order, and an
/// append costs the same whatever the length of the log. Readers take a shared lock.
///
/// A last line without its line feed is *torn* (a writer was killed mid-write): appends refuse to build on it and
/// ask for `protocol log repair`, which sets the torn bytes aside in a file beside the log and records that in a
/// `log.repair` entry — nothing is dropped silently.
public struct SessionLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The state of the log's end, as an append sees it.
    public enum Tail: Sendable {
        case empty
        case entry(LoggedEntry)
        /// The file ends in `bytes` bytes without a line feed; `last` is the entry before them, if any.
        case torn(bytes: Int, last: LoggedEntry?)
    }

    /// The session open at the end of the log, or the number the next one gets.
    public enum Open: Equatable, Sendable {
        case session(Int)
        case none(next: Int)
    }

    // MARK: Appending

    /// What an append may read while it holds the lock.
    public struct LockedReader {
        fileprivate let file: LogFile

        /// Every entry of `session` (see ``SessionLog/entries(ofSession:)``).
        public func entries(ofSession session: Int) throws(LogError) -> [LoggedEntry] {
            try file.entries(ofSession: session)
        }
    }

    /// Runs `body` with the log locked for writing: `body` sees the tail (and may read the log through the reader)
    /// and returns the entries to append (their `seq` and `prev` are filled in here). Creates the log's folder and
    /// file when missing.
    @discardableResult
    public func append(
        _ body: (Tail, LockedReader) throws(LogError) -> [(event: LogEntry.Event, session: Int, data: JSONOutput)],
        time: String
    ) throws(LogError) -> [LogEntry] {
        try createFolder()
        let file = try LogFile(path: path, write: true)
        let tail = try file.tail()
        let drafts = try body(tail, LockedReader(file: file))
        guard !drafts.isEmpty else { return [] }
        var last: LoggedEntry
        switch tail {
        case .torn:
            throw LogError(
                "the log \(path) ends in a torn line (a write was interrupted); run 'protocol log repair' to set "
                    + "it aside with a recorded entry, then try again")
        case .empty:
            return try file.write(drafts, after: (seq: 0, hash: LogEntry.genesis), time: time)
        case .entry(let entry):
            last = entry
        }
        guard last.hashHolds else {
            throw LogError(
                "the last entry of \(path) (seq \(last.seq)) does not match its hash: the log was edited; "
                    + "run 'protocol log verify'")
        }
        return try file.write(drafts, after: (seq: last.seq, hash: last.lineHash), time: time)
    }

    /// Sets a torn last line aside (into `<log>.torn-<offset>`), truncates it and records a `log.repair` entry.
    /// Returns the file the torn bytes were saved to, or nil when the log was not torn.
    public func repair(time: String) throws(LogError) -> String? {
        guard exists else { return nil }
        let file = try LogFile(path: path, write: true)
        guard case .torn(let bytes, let last) = try file.tail() else { return nil }
        let keep = file.size - bytes
        let torn = try file.read(at: keep, count: bytes)
        let saved = "\(path).torn-\(keep)"
        try LogFile.writeNew(saved, torn)
        try file.truncate(to: keep)
        let data = JSONOutput.object([
            ("torn_bytes", .integer(bytes)), ("torn_sha256", .string(SHA256.digest(torn).hex)),
            ("saved_to", .string(saved)),
        ])
        let session = last?.session ?? 0
        _ = try file.write(
            [(.logRepair, session, data)], after: (seq: last?.seq ?? 0, hash: last?.lineHash ?? LogEntry.genesis),
            time: time)
        return saved
    }

    // MARK: Reading

    /// Whether the log file exists.
    public var exists: Bool { FileSystem.kind(of: path) == .file }

    /// The end of the log (empty when there is no log yet).
    public func tail() throws(LogError) -> Tail {
        guard exists else { return .empty }
        return try LogFile(path: path, write: false).tail()
    }

    /// The session open at the end of the log.
    public func openSession() throws(LogError) -> Open {
        Self.open(after: try tail())
    }

    static func open(after tail: Tail) -> Open {
        let last: LoggedEntry?
        switch tail {
        case .empty: last = nil
        case .entry(let entry): last = entry
        case .torn(_, let entry): last = entry
        }
        guard let last else { return .none(next: 1) }
        return last.event == .sessionClose ? .none(next: last.session + 1) : .session(last.session)
    }

    /// Every entry of `session`, read backwards from the end of the log until its `session.start` (so reading the
    /// open session does not read the whole log), returned in log order.
    public func entries(ofSession session: Int) throws(LogError) -> [LoggedEntry] {
        guard exists else { return [] }
        return try LogFile(path: path, write: false).entries(ofSession: session)
    }

    /// Every entry, in order (a torn last line is left out; ``LogVerifier`` reports it).
    public func allEntries() throws(LogError) -> [LoggedEntry] {
        var entries: [LoggedEntry] = []
        try forEachLine { line, number, terminated throws(LogError) in
            guard terminated else { return }
            do throws(LogError) {
                entries.append(try LoggedEntry(line: line))
            } catch {
                throw LogError("\(path): line \(number): \(error.message); run 'protocol log verify'")
            }
        }
        return entries
    }

    /// Calls `body` with every line of the log, in order, with its 1-based line number (without the line feed;
    /// `terminated` is false for a torn last line).
    public func forEachLine(_ body: ([UInt8], _ number: Int, _ terminated: Bool) throws(LogError) -> Void)
        throws(LogError)
    {
        guard exists else { return }
        let input: InputBuffer
        do {
            input = InputBuffer(source: try FileByteSource(path: path))
        } catch {
            throw LogError("cannot read \(path): \(error.message)")
        }
        var scanner = LineScanner(input)
        while true {
            let line: ByteSpan?
            do {
                line = try scanner.nextLine()
            } catch {
                throw LogError("cannot read \(path): \(error.message)")
            }
            guard let line else { return }
            try body(line.bytes, scanner.lineNumber, !scanner.lastLineUnterminated)
        }
    }

    private func createFolder() throws(LogError) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard !folder.isEmpty else { return }
        do {
            try FileSystem.createDirectories(folder)
        } catch {
            throw LogError(error.message)
        }
    }
}

/// The log file, open and locked for the lifetime of the value.
private final class LogFile {
    let path: String
    let descriptor: Int32

    init(path: String, write: Bool) throws(LogError) {
        self.path = path
        let flags = write ? O_RDWR | O_CREAT | O_CLOEXEC : O_RDONLY | O_CLOEXEC
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw LogError("cannot open \(path): \(FileByteSource.describe(errno: errno))") }
        while flock(descriptor, write ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else {
                let reason = FileByteSource.describe(errno: errno)
                close(descriptor)
                throw LogError("cannot lock \(path): \(reason)")
            }
        }
    }

    deinit { close(descriptor) }

    var size: Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    func read(at offset: Int, count: Int) throws(LogError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.unsafelyUnwrapped + done, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw LogError("cannot read \(path): \(FileByteSource.describe(errno: errno))") }
            done += got
        }
        return bytes
    }

    /// Calls `body` with each line from the last to the first; stops when it returns false.
    func linesBackward(_ body: ([UInt8]) throws(LogError) -> Bool) throws(LogError) {
        var end = size
        var pending: [UInt8] = []
        let chunk = 64 * 1024
        while end > 0 {
            let start = max(0, end - chunk)
            pending = try read(at: start, count: end - start) + pending
            end = start
            // Every complete line now lies after a line feed in `pending` (or starts the file).
            while let newline = pending.dropLast().lastIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[(newline + 1)...]).droppingLineFeed
                pending.removeSubrange((newline + 1)...)
                if !line.isEmpty, try !body(line) { return }
            }
        }
        let first = pending.droppingLineFeed
        if !first.isEmpty { _ = try body(first) }
    }

    /// Every entry of `session`, read backwards until its `session.start`, in log order (a torn last line is
    /// left out).
    func entries(ofSession session: Int) throws(LogError) -> [LoggedEntry] {
        var found: [LoggedEntry] = []
        // A torn last line is no entry: appends refuse it, verify reports it.
        var skip = false
        if size > 0 { skip = try read(at: size - 1, count: 1) != [UInt8(ascii: "\n")] }
        try linesBackward { line throws(LogError) in
            if skip {
                skip = false
                return true
            }
            let entry = try LoggedEntry(line: line)
            if entry.session == session { found.append(entry) }
            return !(entry.session < session || (entry.session == session && entry.event == .sessionStart))
        }
        return found.reversed()
    }

    /// The last entry, or a torn tail.
    func tail() throws(LogError) -> SessionLog.Tail {
        let total = size
        guard total > 0 else { return .empty }
        let lastByte = try read(at: total - 1, count: 1)
        var lines: [[UInt8]] = []
        try linesBackward { line throws(LogError) in
            lines.append(line)
            return lines.count < 2
        }
        if lastByte != [UInt8(ascii: "\n")] {
            let tornBytes = lines.first.map { $0.count } ?? total
            let previous = try lines.dropFirst().first.map { line throws(LogError) in try LoggedEntry(line: line) }
            return .torn(bytes: tornBytes, last: previous)
        }
        guard let last = lines.first else { return .empty }
        do {
            return .entry(try LoggedEntry(line: last))
        } catch {
            throw LogError("the last line of \(path) is not a log entry (\(error.message)): run 'protocol log verify'")
        }
    }

    /// Appends `drafts` as chained entries after (`seq`, `hash`), in one write, and syncs the file to disk.
    func write(
        _ drafts: [(event: LogEntry.Event, session: Int, data: JSONOutput)], after previous: (seq: Int, hash: String),
        time: String
    ) throws(LogError) -> [LogEntry] {
        var entries: [LogEntry] = []
        var text = ""
        var (seq, hash) = previous
        for draft in drafts {
            seq += 1
            let entry = LogEntry(
                seq: seq, time: time, session: draft.session, event: draft.event, data: draft.data, prev: hash)
            let line = entry.line()
            text += line.text + "\n"
            hash = SHA256.digest(line.text).hex
            entries.append(entry)
        }
        var bytes = Array(text.utf8)
        let offset = size
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeMutableBytes { buffer in
                pwrite(
                    descriptor, buffer.baseAddress.unsafelyUnwrapped + done, buffer.count - done, off_t(offset + done))
            }
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { throw LogError("cannot write \(path): \(FileByteSource.describe(errno: errno))") }
            done += wrote
        }
        guard fsync(descriptor) == 0 else {
            throw LogError("cannot sync \(path): \(FileByteSource.describe(errno: errno))")
        }
        return entries
    }

    func truncate(to length: Int) throws(LogError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw LogError("cannot truncate \(path): \(FileByteSource.describe(errno: errno))")
        }
    }

    /// Writes a new file (refusing to overwrite one).
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws(LogError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LogError("cannot create \(path): \(FileByteSource.describe(errno: errno))") }
        defer { close(descriptor) }
        let wrote = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard wrote == bytes.count else {
            throw LogError("cannot write \(path): \(FileByteSource.describe(errno: errno))")
        }
    }
}

extension Array where Element == UInt8 {
    /// The bytes without a trailing line feed (and carriage return).
    fileprivate var droppingLineFeed: [UInt8] {
        var result = self
        if result.last == UInt8(ascii: "\n") { result.removeLast() }
        if result.last == UInt8(ascii: "\r") { result.removeLast() }
        return result
    }
}
