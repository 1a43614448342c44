/// A JSON document to print: keys keep the order they are given in, so output is deterministic.
public indirect enum JSONOutput: Equatable, Sendable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The same value, read back from a JSON document (object member order is kept).
    public init(_ value: JSON5Value) {
        switch value.kind {
        case .object(let members): self = .object(members.map { ($0.key, JSONOutput($0.value)) })
        case .array(let items): self = .array(items.map(JSONOutput.init))
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        }
    }

    /// A string, or null when nil.
    public static func optional(_ text: String?) -> JSONOutput { text.map { .string($0) } ?? .null }

    /// A number, or null when nil or not finite.
    public static func optional(_ number: Double?) -> JSONOutput {
        guard let number, number.isFinite else { return .null }
        return .number(number)
    }

    /// The canonical form the session log hashes: object keys sorted by their UTF-8 bytes, recursively, and no
    /// white space outside strings. Strings escape only `"`, `\` and control characters (as `\n`, `\r`, `\t` or
    /// `\u00XX`); numbers are integers or the shortest decimal that reads back as the same double.
    public func canonical() -> String {
        var text = ""
        writeCanonical(to: &text)
        return text
    }

    private func writeCanonical(to text: inout String) {
        switch self {
        case .object(let members):
            text += "{"
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (index, (key, value)) in sorted.enumerated() {
                if index > 0 { text += "," }
                text += Self.quoted(key) + ":"
                value.writeCanonical(to: &text)
            }
            text += "}"
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.writeCanonical(to: &text)
            }
            text += "]"
        default:
            write(to: &text, indent: "")
        }
    }

    /// The document as text: two-space indentation, one member per line, a newline at the end.
    public func rendered() -> String {
        var text = ""
        write(to: &text, indent: "")
        return text + "\n"
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                text += indent + "  " + Self.quoted(key) + ": "
                value.write(to: &text, indent: indent + "  ")
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        case .array(let items):
            guard !items.isEmpty else {
                text += "[]"
                return
            }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += indent + "  "
                item.write(to: &text, indent: indent + "  ")
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .string(let value):
            text += Self.quoted(value)
        case .number(let value):
            text += Self.number(value)
        case .integer(let value):
            text += String(value)
        case .bool(let value):
            text += value ? "true" : "false"
        case .null:
            text += "null"
        }
    }

    /// A finite number in its shortest round-tripping form, integers without a fraction; null when not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
