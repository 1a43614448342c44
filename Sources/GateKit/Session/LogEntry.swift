/// One line of the session log.
///
/// A line is the entry's canonical JSON (``JSONOutput/canonical()``: sorted keys, no white space) with the member
/// `"hash":"<hex>"` added just before the closing brace:
///
/// ```
/// {"data":{…},"event":"check","prev":"<64 hex>","seq":7,"session":2,"time":"2026-11-21T19:04:05Z","v":1,"hash":"<64 hex>"}
/// ```
///
/// `hash` is the SHA-256 of the line's bytes without `,"hash":"…"` — the canonical body exactly as written — and
/// `prev` is the SHA-256 of the whole previous line (without its line feed), or 64 zeros for the first entry. So a
/// third party verifies a log with standard tools, without re-serialising any JSON:
/// `sed -E 's/,"hash":"[0-9a-f]{64}"}$/}/'` then `sha256sum` for each line.
public struct LogEntry: Sendable {
    /// The version of the entry layout (`v`).
    public static let formatVersion = 1
    /// `prev` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Entry kinds.
    public enum Event: String, Sendable, CaseIterable {
        case sessionStart = "session.start"
        case check
        case attest
        case sessionClose = "session.close"
        /// A torn last line was set aside (see `protocol log repair`).
        case logRepair = "log.repair"
    }

    public let seq: Int
    public let time: String
    public let session: Int
    public let event: Event
    public let data: JSONOutput
    public let prev: String

    public init(seq: Int, time: String, session: Int, event: Event, data: JSONOutput, prev: String) {
        self.seq = seq
        self.time = time
        self.session = session
        self.event = event
        self.data = data
        self.prev = prev
    }

    /// The canonical body that `hash` covers.
    public var body: String {
        JSONOutput.object([
            ("data", data), ("event", .string(event.rawValue)), ("prev", .string(prev)), ("seq", .integer(seq)),
            ("session", .integer(session)), ("time", .string(time)), ("v", .integer(Self.formatVersion)),
        ]).canonical()
    }

    /// The line to append (without its line feed) and its hash.
    public func line() -> (text: String, hash: String) {
        let body = self.body
        let hash = SHA256.digest(body).hex
        return (String(body.dropLast()) + ",\"hash\":\"\(hash)\"}", hash)
    }
}

/// A line read back from the log: its fields, and whether its hash holds.
public struct LoggedEntry: Sendable {
    public let seq: Int
    public let time: String
    public let session: Int
    public let event: LogEntry.Event
    /// The entry's payload (`null` when the line was read without it, see ``init(line:readingData:)``).
    public let data: JSON5Value
    public let prev: String
    public let hash: String
    /// SHA-256 of the whole line: what the next entry's `prev` must be.
    public let lineHash: String
    /// Whether `hash` is the SHA-256 of the line without its `hash` member.
    public let hashHolds: Bool

    /// The marker the hash member starts with; the body is the line without it and the 64 digits after it.
    static let hashMarker = ",\"hash\":\""

    /// Parses one line (without its line feed). Throws a message for a line that is not a log entry.
    ///
    /// The envelope is read with the streaming ``JSONTokenizer``; `data` is built as a tree only when
    /// `readingData` (verification reads millions of envelopes and few payloads).
    public init(line: [UInt8], readingData: Bool = true) throws(LogError) {
        let fields: Envelope
        do {
            fields = try Envelope(line)
        } catch {
            throw LogError("not a JSON object: \(error.message)")
        }
        guard fields.version == LogEntry.formatVersion else {
            throw LogError("not an entry of log format \(LogEntry.formatVersion)")
        }
        func required<Value>(_ value: Value?, _ name: String) throws(LogError) -> Value {
            guard let value else { throw LogError("no \(name)") }
            return value
        }
        seq = try required(fields.seq, "seq")
        time = try required(fields.time, "time")
        session = try required(fields.session, "session")
        let eventName = try required(fields.event, "event")
        guard let event = LogEntry.Event(rawValue: eventName) else { throw LogError("unknown event '\(eventName)'") }
        self.event = event
        prev = try required(fields.prev, "prev")
        hash = try required(fields.hash, "hash")
        data = readingData ? Self.data(of: line) : JSON5Value(.null, at: SourcePosition(line: 1, column: 1))
        lineHash = SHA256.digest(line).hex
        let suffix = Array((Self.hashMarker + hash + "\"}").utf8)
        if line.count > suffix.count, line[(line.count - suffix.count)...].elementsEqual(suffix) {
            var body = SHA256()
            line.withUnsafeBytes { body.update(UnsafeRawBufferPointer(rebasing: $0[..<(line.count - suffix.count)])) }
            body.update("}")
            hashHolds = body.finalize().hex == hash
        } else {
            hashHolds = false
        }
    }

    /// The `data` member of an entry line, as a tree (`null` when the line has none or is not JSON).
    public static func data(of line: [UInt8]) -> JSON5Value {
        let none = JSON5Value(.null, at: SourcePosition(line: 1, column: 1))
        guard let value = try? JSON5.parse(line) else { return none }
        return value["data"] ?? none
    }

    /// The top-level members of an entry line other than `data`.
    private struct Envelope {
        var version: Int?
        var seq: Int?
        var session: Int?
        var time: String?
        var event: String?
        var prev: String?
        var hash: String?

        private init() {}

        init(_ line: [UInt8]) throws(InputError) {
            let tokenizer = JSONTokenizer(InputBuffer(source: MemoryByteSource(line), capacity: max(64, line.count)))
            guard try tokenizer.next() == .beginObject else { throw InputError("it does not start with {") }
            var envelope = Envelope()
            try tokenizer.forEachMember { key throws(InputError) in
                if key == "v" {
                    envelope.version = try tokenizer.readInt()
                } else if key == "seq" {
                    envelope.seq = try tokenizer.readInt()
                } else if key == "session" {
                    envelope.session = try tokenizer.readInt()
                } else if key == "time" {
                    envelope.time = try tokenizer.readString()
                } else if key == "event" {
                    envelope.event = try tokenizer.readString()
                } else if key == "prev" {
                    envelope.prev = try tokenizer.readString()
                } else if key == "hash" {
                    envelope.hash = try tokenizer.readString()
                }
            }
            try tokenizer.expectEnd()
            self = envelope
        }
    }
}

/// A problem with the session log, in words for the user.
public struct LogError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
