/// One session as the log records it: its entries, in order.
public struct SessionRecord: Sendable {
    public let number: Int
    public let entries: [LoggedEntry]

    public init(number: Int, entries: [LoggedEntry]) {
        self.number = number
        self.entries = entries
    }

    /// The title given when the session started.
    public var title: String {
        guard let start = entries.first(where: { $0.event == .sessionStart }) else { return "" }
        return start.data["title"]?.stringValue ?? ""
    }

    public var started: String? { entries.first { $0.event == .sessionStart }?.time }
    public var closed: String? { entries.last { $0.event == .sessionClose }?.time }
    public var isOpen: Bool { closed == nil }
    public var checks: [LoggedEntry] { entries.filter { $0.event == .check } }

    /// The latest attestation of each gate.
    public var attestations: [String: Attestation] {
        var result: [String: Attestation] = [:]
        for entry in entries where entry.event == .attest {
            guard let gate = entry.data["gate"]?.stringValue, let by = entry.data["by"]?.stringValue else { continue }
            result[gate] = Attestation(
                gate: gate, by: by, note: entry.data["note"]?.stringValue, time: entry.time, seq: entry.seq)
        }
        return result
    }

    /// Groups entries into sessions, in order.
    public static func group(_ entries: [LoggedEntry]) -> [SessionRecord] {
        var sessions: [SessionRecord] = []
        var current: [LoggedEntry] = []
        for entry in entries {
            if let first = current.first, first.session != entry.session {
                sessions.append(SessionRecord(number: first.session, entries: current))
                current = []
            }
            current.append(entry)
        }
        if let first = current.first { sessions.append(SessionRecord(number: first.session, entries: current)) }
        return sessions.filter { $0.number > 0 }
    }
}

/// A check entry's gates as the log recorded them.
public struct LoggedGate: Sendable {
    public let id: String
    public let status: String
    /// Each condition's text, value and status; for attestation and document gates, one line saying so.
    public let conditions: [(text: String, value: Double?, unit: String, passed: Bool)]

    /// The gates of a check entry.
    public static func gates(of entry: LoggedEntry) -> [LoggedGate] {
        guard let gates = entry.data["gates"]?.arrayValue else { return [] }
        return gates.compactMap { gate in
            guard let id = gate["id"]?.stringValue, let status = gate["status"]?.stringValue else { return nil }
            let conditions = (gate["conditions"]?.arrayValue ?? []).map { condition in
                (
                    text: condition["text"]?.stringValue ?? "",
                    value: condition["value"]?.numberValue,
                    unit: condition["unit"]?.stringValue ?? "",
                    passed: condition["status"]?.stringValue == "pass"
                )
            }
            return LoggedGate(id: id, status: status, conditions: conditions)
        }
    }
}

extension JSON5Value {
    /// The member `key` of an object.
    public subscript(key: String) -> JSON5Value? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let number) = kind { return number }
        return nil
    }

    public var arrayValue: [JSON5Value]? {
        if case .array(let items) = kind { return items }
        return nil
    }
}
