import Glibc

/// What a SARIF `properties` bag (of a result or of its rule) says about severity, package and kind.
struct SARIFFacts {
    /// `security-severity`: a CVSS-like score.
    var securitySeverity: Double?
    /// A severity word (`severity`, `issue_severity`), when it names a level.
    var word: Severity?
    /// `cvssv3_baseScore` (Dependency-Check, Trivy).
    var cvss: Double?
    var package: PackageReference?
    /// The kind its `tags` name (`vulnerability`, `misconfiguration`, `secret`).
    var taggedKind: FindingKind?

    init() {}

    /// Reads a `properties` bag; members of other types than expected are ignored (property bags are free-form).
    init(_ json: JSONTokenizer) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "security-severity" {
                securitySeverity = try Self.scalar(json)?.double()
            } else if key == "severity" || key == "issue_severity" {
                if let word = try Self.scalar(json) { self.word = SeverityScale.severity(ofWord: word.description) }
            } else if key == "cvssv3_baseScore" {
                cvss = try Self.scalar(json)?.double()
            } else if key == "purl" {
                package = try Self.scalar(json).flatMap { Self.package(ofPURL: $0.description) }
            } else if key == "purls" {
                guard try json.next() == .beginArray else { return }
                try json.forEachElement { () throws(InputError) in
                    guard package == nil else { return }
                    package = try Self.scalar(json).flatMap { Self.package(ofPURL: $0.description) }
                }
            } else if key == "tags" {
                guard try json.next() == .beginArray else { return }
                try json.forEachElement { () throws(InputError) in
                    guard let tag = try Self.scalar(json) else { return }
                    if tag.equalsIgnoringCase("vulnerability") {
                        taggedKind = .dependency
                    } else if tag.equalsIgnoringCase("misconfiguration") {
                        taggedKind = .config
                    } else if tag.equalsIgnoringCase("secret") {
                        taggedKind = .secret
                    }
                }
            }
        }
    }

    /// The next value's bytes when it is a string or a number; nil (and left to be skipped) otherwise.
    private static func scalar(_ json: JSONTokenizer) throws(InputError) -> ByteSpan? {
        let token = try json.next()
        return token == .string || token == .number ? json.bytes : nil
    }

    /// These facts, with the gaps filled from the rule's.
    func merged(over rule: SARIFFacts?) -> SARIFFacts {
        guard let rule else { return self }
        var facts = self
        facts.securitySeverity = securitySeverity ?? rule.securitySeverity
        facts.word = word ?? rule.word
        facts.cvss = cvss ?? rule.cvss
        facts.package = package ?? rule.package
        facts.taggedKind = taggedKind ?? rule.taggedKind
        return facts
    }

    /// The score shown beside the severity.
    var score: Double? { securitySeverity ?? cvss }

    /// security-severity, else the word, else the CVSS score, else the level (error → high, warning → medium,
    /// note → low).
    func severity(level: FindingLevel) -> Severity {
        if let securitySeverity { return SeverityScale.severity(ofScore: securitySeverity) }
        if let word { return word }
        if let cvss { return SeverityScale.severity(ofScore: cvss) }
        switch level {
        case .error: return .high
        case .warning: return .medium
        case .note: return .low
        }
    }

    /// Tools whose every finding is a leaked secret.
    private static let secretScanners = ["gitleaks", "trufflehog", "detect-secrets"]
    /// Prefixes of vulnerability ids.
    private static let vulnerabilityPrefixes = ["CVE-", "GHSA-", "GO-", "PYSEC-", "RUSTSEC-", "OSV-"]

    /// True for a tool whose every finding is a leaked secret.
    static func isSecretScanner(_ tool: String) -> Bool {
        secretScanners.contains { tool.contains($0) }
    }

    /// The kind of a finding of a secret scanner or not, for its rule.
    func kind(secretScanner: Bool, rule: String?) -> FindingKind {
        if secretScanner { return .secret }
        if package != nil { return .dependency }
        if let taggedKind { return taggedKind }
        if let rule, Self.isVulnerabilityID(rule) { return .dependency }
        return .code
    }

    /// True for an id of a vulnerability database (CVE-, GHSA-, GO-, PYSEC-, RUSTSEC-, OSV-).
    static func isVulnerabilityID(_ id: String) -> Bool {
        vulnerabilityPrefixes.contains { id.hasPrefix($0) }
    }

    /// `CVE-2019-1549` for a rule id that adds a suffix to a CVE id (Grype: `CVE-2019-1549-libssl1.1`).
    static func cveAlias(of rule: String?) -> String? {
        guard let rule, rule.hasPrefix("CVE-") else { return nil }
        let parts = rule.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1].count == 4, parts[2].count >= 4,
            (parts[1] + parts[2]).allSatisfy(\.isASCII), (parts[1] + parts[2]).allSatisfy(\.isNumber)
        else { return nil }
        return "CVE-\(parts[1])-\(parts[2])"
    }

    /// The package of Trivy's message: `Package: …`, `Installed Version: …`, `Fixed Version: …` lines.
    static func trivyPackage(_ text: ByteSpan) -> PackageReference? {
        var fields: [String: String] = [:]
        for line in text.description.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            if !value.isEmpty { fields[String(line[..<colon])] = String(value) }
        }
        guard let name = fields["Package"] else { return nil }
        return PackageReference(name: name, installed: fields["Installed Version"], fixed: fields["Fixed Version"])
    }

    /// Package URL types whose namespace is part of the package's name (npm scopes, Go module paths…).
    private static let namespacedTypes: Set = ["npm", "golang", "composer", "github", "swift"]

    /// The package of a package URL: `pkg:npm/%40scope/name@1.2.3?x=y` → `@scope/name` 1.2.3 (npm); Maven's
    /// `namespace/name` becomes `namespace:name`; other types drop the namespace (`pkg:deb/debian/libxml2` →
    /// `libxml2`).
    static func package(ofPURL purl: String) -> PackageReference? {
        guard purl.hasPrefix("pkg:") else { return nil }
        var rest = purl.dropFirst(4)
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let type = String(rest[..<slash]).lowercased()
        var name = rest[rest.index(after: slash)...]
        var version: String?
        if let at = name.lastIndex(of: "@"), at != name.startIndex {
            version = SARIFPath.percentDecoded(String(name[name.index(after: at)...]))
            name = name[..<at]
        }
        var decoded = SARIFPath.percentDecoded(String(name))
        if type == "maven" {
            decoded = String(decoded.map { $0 == "/" ? ":" : $0 })
        } else if !namespacedTypes.contains(type), let slash = decoded.lastIndex(of: "/") {
            decoded = String(decoded[decoded.index(after: slash)...])
        }
        guard !decoded.isEmpty else { return nil }
        return PackageReference(name: decoded, installed: version, ecosystem: type)
    }
}

/// Paths from SARIF artifact URIs.
enum SARIFPath {
    /// The path of an artifact URI: `file://` removed (and the slash before a Windows drive: `file:///C:/a` →
    /// `C:/a`), percent-escapes decoded; nil when empty.
    static func path(ofURI uri: ByteSpan, pool: inout SARIFStringPool) -> String? {
        var span = uri
        if span.hasPrefix("file://") {
            span = span.dropFirst(7)
            while span.count > 1, span[0] == UInt8(ascii: "/"), span[1] == UInt8(ascii: "/") {
                span = span.dropFirst(1)
            }
            if span.count > 2, span[0] == UInt8(ascii: "/"), span[2] == UInt8(ascii: ":") { span = span.dropFirst(1) }
        }
        guard !span.isEmpty else { return nil }
        guard span.firstIndex(of: UInt8(ascii: "%")) != nil else { return pool.string(span) }
        return percentDecoded(span.description)
    }

    /// `text` with its `%XX` escapes decoded (an escape that is not one is kept as written).
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let byte = UInt8(String(decoding: source[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A relative path resolved against a base URI from `originalUriBaseIds`.
    static func joined(_ base: String, _ relative: String) -> String {
        guard !relative.hasPrefix("/"), !relative.contains("://") else { return relative }
        var pool = SARIFStringPool()
        let prefix = withByteSpan(base) { path(ofURI: $0, pool: &pool) } ?? ""
        guard !prefix.isEmpty else { return relative }
        return prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative
    }
}

/// One copy of each string that repeats from result to result (paths, rule ids, base ids), shared by the findings.
struct SARIFStringPool {
    /// The most strings kept, so that a log of all-different paths does not grow the pool without end.
    static let capacity = 1 << 16
    private var strings: [UInt64: String] = [:]

    mutating func string(_ bytes: ByteSpan) -> String {
        let hash = FNV1a.hash(bytes)
        if var known = strings[hash] {
            let same = known.withUTF8 { stored in
                stored.count == bytes.count
                    && (bytes.count == 0 || memcmp(stored.baseAddress.unsafelyUnwrapped, bytes.base, bytes.count) == 0)
            }
            if same { return known }
        }
        let string = String(decoding: UnsafeBufferPointer(start: bytes.base, count: bytes.count), as: UTF8.self)
        if strings.count < Self.capacity { strings[hash] = string }
        return string
    }

    /// The next value, which must be a string.
    mutating func string(_ json: JSONTokenizer, _ what: String) throws(InputError) -> String {
        guard try json.next() == .string else {
            throw InputError("\(what) must be a string", line: json.line, column: json.column)
        }
        return string(json.bytes)
    }
}
