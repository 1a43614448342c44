/// Package URLs (`pkg:type/namespace/name@version?qualifiers#subpath`, the purl specification) as CycloneDX BOMs and
/// OWASP Dependency-Check name the packages they found vulnerable.
enum PackageURLParser {
    /// The package a purl names, or nil when `purl` is not one: the name is `namespace/name` (npm `@scope/name`,
    /// Go module paths), for Maven `group:artifact` as Maven and the other scanners write it; percent-encoding is
    /// decoded; qualifiers and subpath are left out; the ecosystem is the purl type.
    static func package(_ purl: String) -> PackageReference? {
        guard purl.hasPrefix("pkg:") else { return nil }
        var rest = Substring(purl.dropFirst(4))
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        while rest.first == "/" { rest = rest.dropFirst() }
        var version: String?
        if let at = rest.lastIndex(of: "@") {
            version = decoded(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        let type = parts[0].lowercased()
        let path = parts.dropFirst().map { decoded($0) }
        let name = type == "maven" ? path.joined(separator: ":") : path.joined(separator: "/")
        return PackageReference(name: name, installed: version.flatMap { $0.isEmpty ? nil : $0 }, ecosystem: type)
    }

    /// `text` with its `%XX` escapes decoded (a malformed escape stays as written).
    private static func decoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Severity {
    /// The lint level of a vulnerability of this severity, for scanners without levels of their own: critical and
    /// high are errors, medium a warning, low and unknown notes.
    var vulnerabilityLevel: FindingLevel {
        switch self {
        case .critical, .high: return .error
        case .medium: return .warning
        case .low, .unknown: return .note
        }
    }
}
