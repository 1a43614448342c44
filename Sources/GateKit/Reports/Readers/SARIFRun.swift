import Glibc

/// One run of a SARIF log, read member by member (see ``SARIFReader`` for the rules).
struct SARIFRun {
    private let json: JSONTokenizer
    private var tool: String?
    private var secretScanner = false
    private var toolRead = false
    private var rules = SARIFRules()
    /// `originalUriBaseIds`: base id → URI.
    private var bases: [String: String] = [:]
    /// Results read before the tool, resolved against its rules at the end of the run: (finding index, result).
    private var deferred: [(Int, SARIFResult)] = []
    /// Findings whose `uriBaseId` came before `originalUriBaseIds`: (finding index, base id).
    private var unresolvedBases: [(Int, String)] = []
    /// The smallest fingerprint key of the result being read, reused from result to result.
    private var fingerprintKey: [UInt8] = []

    init(json: JSONTokenizer) { self.json = json }

    /// Reads the run and appends its findings.
    mutating func read(into findings: inout [Finding], pool: inout SARIFStringPool) throws(InputError) {
        let start = findings.count
        try json.forEachMember { key throws(InputError) in
            if key == "tool" {
                try readTool(pool: &pool)
                toolRead = true
            } else if key == "results" {
                try json.forEachElement { () throws(InputError) in
                    let result = try readResult(pool: &pool)
                    if toolRead {
                        findings.append(finding(from: result))
                    } else {
                        deferred.append((findings.count, result))
                        findings.append(Finding(tool: "", level: .warning, message: ""))
                    }
                    if toolRead, let base = result.base, bases.isEmpty {
                        unresolvedBases.append((findings.count - 1, base))
                    }
                }
            } else if key == "originalUriBaseIds" {
                try readBases()
            }
        }
        for (index, result) in deferred { findings[index] = finding(from: result) }
        for (index, base) in unresolvedBases {
            if let prefix = bases[base], let path = findings[index].path {
                findings[index].path = SARIFPath.joined(prefix, path)
            }
        }
        guard tool == nil, start < findings.count else { return }
        for index in start..<findings.count { findings[index].tool = "sarif" }
    }

    // MARK: - Tool and rules

    private mutating func readTool(pool: inout SARIFStringPool) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "driver" {
                try readComponent(isDriver: true, pool: &pool)
            } else if key == "extensions" {
                try json.forEachElement { () throws(InputError) in try readComponent(isDriver: false, pool: &pool) }
            }
        }
    }

    private mutating func readComponent(isDriver: Bool, pool: inout SARIFStringPool) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "name", isDriver {
                let name = try json.readString().lowercased()
                tool = name
                secretScanner = SARIFFacts.isSecretScanner(name)
            } else if key == "rules" {
                try json.forEachElement { () throws(InputError) in
                    rules.add(try readRule(pool: &pool), isDriver: isDriver)
                }
            }
        }
    }

    private func readRule(pool: inout SARIFStringPool) throws(InputError) -> SARIFRule {
        var rule = SARIFRule()
        try json.forEachMember { key throws(InputError) in
            if key == "id" {
                rule.id = try pool.string(json, "a rule id")
            } else if key == "defaultConfiguration" {
                try json.forEachMember { key throws(InputError) in
                    if key == "level" { rule.level = try SARIFLevel(json) }
                }
            } else if key == "properties" {
                rule.facts = try SARIFFacts(json)
            }
        }
        return rule
    }

    private mutating func readBases() throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            let name = key.description
            try json.forEachMember { key throws(InputError) in
                if key == "uri" { bases[name] = try json.readString() }
            }
        }
    }

    // MARK: - Results

    private mutating func readResult(pool: inout SARIFStringPool) throws(InputError) -> SARIFResult {
        var result = SARIFResult()
        var fullFingerprint = false
        try json.forEachMember { key throws(InputError) in
            switch key.count {
            case 4 where key == "rule":
                try json.forEachMember { key throws(InputError) in
                    if key == "id" {
                        result.ruleID = try pool.string(json, "rule.id")
                    } else if key == "index" {
                        result.ruleIndex = try SARIFResult.index(json, "rule.index")
                    }
                }
            case 4 where key == "kind":
                result.isFailure = try json.readString() == "fail"
            case 5 where key == "level":
                result.level = try SARIFLevel(json)
            case 6 where key == "ruleId":
                result.ruleID = try pool.string(json, "ruleId")
            case 7 where key == "message":
                try result.readMessage(json)
            case 9 where key == "ruleIndex":
                result.ruleIndex = try SARIFResult.index(json, "ruleIndex")
            case 9 where key == "locations":
                try json.forEachElement { () throws(InputError) in
                    guard !result.located else { return }
                    result.located = true
                    try result.readLocation(json, pool: &pool)
                }
            case 10 where key == "properties":
                result.facts = try SARIFFacts(json)
            case 12 where key == "fingerprints":
                fullFingerprint = true
                result.fingerprint = try smallestKeyValue()
            case 12 where key == "suppressions":
                try json.forEachElement { () throws(InputError) in
                    var status: String?
                    try json.forEachMember { key throws(InputError) in
                        if key == "status" { status = try json.readString() }
                    }
                    if status == nil || status == "accepted" { result.suppressed = true }
                }
            case 13 where key == "baselineState":
                result.absent = try json.readString() == "absent"
            case 19 where key == "partialFingerprints":
                if !fullFingerprint { result.fingerprint = try smallestKeyValue() }
            default:
                break
            }
        }
        return result
    }

    /// The value of the smallest key of a fingerprints object (empty values are none).
    private mutating func smallestKeyValue() throws(InputError) -> String? {
        var value: String?
        fingerprintKey.removeAll(keepingCapacity: true)
        try json.forEachMember { key throws(InputError) in
            let candidate = try json.readString()
            guard !candidate.isEmpty, value == nil || key.isLess(than: fingerprintKey) else { return }
            fingerprintKey.removeAll(keepingCapacity: true)
            fingerprintKey.append(contentsOf: UnsafeBufferPointer(start: key.base, count: key.count))
            value = candidate
        }
        return value
    }

    // MARK: - Findings

    private func finding(from result: SARIFResult) -> Finding {
        let rule = rules.rule(index: result.ruleIndex, id: result.ruleID)
        let ruleID = result.ruleID ?? rule?.id
        let level = result.level ?? rule?.level ?? .warning
        let facts = result.facts.merged(over: rule?.facts)
        var path = result.path
        if let base = result.base, let prefix = bases[base], let relative = path {
            path = SARIFPath.joined(prefix, relative)
        }
        let state: FindingState =
            if result.suppressed {
                .suppressed
            } else if result.absent {
                .absent
            } else if !result.isFailure || level == .none {
                .informational
            } else {
                .open
            }
        let tool = self.tool ?? "sarif"
        return Finding(
            tool: tool, rule: ruleID, aliases: SARIFFacts.cveAlias(of: ruleID).map { [$0] } ?? [],
            level: level.findingLevel, severity: facts.severity(level: level.findingLevel), cvssScore: facts.score,
            kind: facts.kind(secretScanner: secretScanner, rule: ruleID), package: facts.package, path: path,
            line: result.line,
            column: result.column, message: result.message ?? "",
            fingerprint: result.fingerprint.map { Self.fingerprint($0, rule: ruleID, path: path, line: result.line) },
            state: state)
    }
}

extension SARIFRun {
    /// A result's identity for deduplication: its fingerprint (a hash of the line's text, CodeQL's
    /// `primaryLocationLineHash`, repeats across files) scoped by rule, path and line, hashed to 64 bits so that it
    /// costs no allocation per finding.
    static func fingerprint(_ value: String, rule: String?, path: String?, line: Int?) -> String {
        var hasher = FNV1a()
        hasher.add(field: rule ?? "")
        hasher.add(field: path ?? "")
        hasher.add(field: line.map(String.init) ?? "")
        hasher.add(field: value)
        return hasher.compactText
    }
}

/// The rules of a run's driver and extensions.
struct SARIFRules {
    private var driver: [SARIFRule] = []
    private var byID: [String: SARIFRule] = [:]

    mutating func add(_ rule: SARIFRule, isDriver: Bool) {
        if isDriver { driver.append(rule) }
        if let id = rule.id, byID[id] == nil { byID[id] = rule }
    }

    /// The rule a result names: by index into the driver's rules, else by id, else by the longest `/`-separated
    /// prefix of a hierarchical id (`js/sql-injection/2` → `js/sql-injection`).
    func rule(index: Int?, id: String?) -> SARIFRule? {
        if let index, index >= 0, index < driver.count { return driver[index] }
        guard var id = id?[...] else { return nil }
        while true {
            if let rule = byID[String(id)] { return rule }
            guard let slash = id.lastIndex(of: "/") else { return nil }
            id = id[..<slash]
        }
    }
}

/// What a rule gives its results.
struct SARIFRule {
    var id: String?
    var level: SARIFLevel?
    var facts = SARIFFacts()
}

/// A SARIF level.
enum SARIFLevel {
    case error, warning, note, none

    /// Reads a `level` value.
    init(_ json: JSONTokenizer) throws(InputError) {
        guard try json.next() == .string else {
            throw InputError("a level must be a string", line: json.line, column: json.column)
        }
        let word = json.bytes
        if word.equalsIgnoringCase("error") {
            self = .error
        } else if word.equalsIgnoringCase("warning") {
            self = .warning
        } else if word.equalsIgnoringCase("note") {
            self = .note
        } else if word.equalsIgnoringCase("none") {
            self = .none
        } else {
            throw InputError(
                "unknown level \"\(word)\" (expected error, warning, note or none)", line: json.line,
                column: json.column)
        }
    }

    /// `none` is a note that is not a problem.
    var findingLevel: FindingLevel {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .note, .none: return .note
        }
    }
}

/// What protocol keeps of one `results[]` entry until its rule is known.
struct SARIFResult {
    var ruleID: String?
    var ruleIndex: Int?
    var level: SARIFLevel?
    var isFailure = true
    var suppressed = false
    var absent = false
    var message: String?
    var located = false
    var path: String?
    var base: String?
    var line: Int?
    var column: Int?
    var fingerprint: String?
    var facts = SARIFFacts()

    /// The longest message kept, in bytes.
    static let messageLimit = 240

    /// Reads `message`: its text, else markdown, else id; a Trivy message also names the package.
    mutating func readMessage(_ json: JSONTokenizer) throws(InputError) {
        var markdown: String?
        var id: String?
        try json.forEachMember { key throws(InputError) in
            if key == "text" || key == "markdown" {
                guard try json.next() == .string else {
                    throw InputError("message.\(key) must be a string", line: json.line, column: json.column)
                }
                let text = json.bytes
                if key == "text" {
                    message = Self.firstLine(text)
                    if text.hasPrefix("Package: ") { facts.package = SARIFFacts.trivyPackage(text) }
                } else {
                    markdown = Self.firstLine(text)
                }
            } else if key == "id" {
                id = try json.readString()
            }
        }
        message = message ?? markdown ?? id
    }

    /// The first line of `text`, cut to ``messageLimit`` bytes at a character boundary.
    static func firstLine(_ text: ByteSpan) -> String {
        var end = min(text.firstIndex(of: UInt8(ascii: "\n")) ?? text.count, messageLimit)
        while end < text.count, end > 0, text[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(start: text.base, count: end), as: UTF8.self)
            .trimmingSpaces
    }

    /// Reads the first location's physical location.
    mutating func readLocation(_ json: JSONTokenizer, pool: inout SARIFStringPool) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            guard key == "physicalLocation" else { return }
            try json.forEachMember { key throws(InputError) in
                if key == "artifactLocation" {
                    try json.forEachMember { key throws(InputError) in
                        if key == "uri" {
                            guard try json.next() == .string else {
                                throw InputError("uri must be a string", line: json.line, column: json.column)
                            }
                            path = SARIFPath.path(ofURI: json.bytes, pool: &pool)
                        } else if key == "uriBaseId" {
                            base = try pool.string(json, "uriBaseId")
                        }
                    }
                } else if key == "region" {
                    try json.forEachMember { key throws(InputError) in
                        if key == "startLine" {
                            line = try Self.position(json, "region.startLine")
                        } else if key == "startColumn" {
                            column = try Self.position(json, "region.startColumn")
                        }
                    }
                }
            }
        }
    }

    /// A line or column: a whole number from 0 to 2³¹ − 1 (0, which SARIF does not allow, means none).
    static func position(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Int? {
        let value = try number(json, what, range: 0...Int(Int32.max))
        return value == 0 ? nil : value
    }

    /// A rule index: −1 (none) to 2³¹ − 1.
    static func index(_ json: JSONTokenizer, _ what: String) throws(InputError) -> Int? {
        let value = try number(json, what, range: -1...Int(Int32.max))
        return value < 0 ? nil : value
    }

    private static func number(_ json: JSONTokenizer, _ what: String, range: ClosedRange<Int>) throws(InputError)
        -> Int
    {
        guard try json.next() == .number, let value = json.bytes.int(), range.contains(value) else {
            throw InputError(
                "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(json.bytes)",
                line: json.line, column: json.column)
        }
        return value
    }
}

extension ByteSpan {
    /// True when the span sorts before `other` byte by byte.
    fileprivate func isLess(than other: [UInt8]) -> Bool {
        other.withUnsafeBufferPointer { buffer in
            let common = Swift.min(count, buffer.count)
            let order = common == 0 ? 0 : memcmp(base, buffer.baseAddress.unsafelyUnwrapped, common)
            return order < 0 || (order == 0 && count < buffer.count)
        }
    }
}
