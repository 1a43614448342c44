/// Reads govulncheck's JSON (`govulncheck -json`, protocol v1): a stream of objects, each with one member —
/// `config`, `progress`, `osv` (an OSV entry) or `finding` — written one after another; the same objects wrapped
/// in a JSON array (as some uploaders store them) read the same.
///
/// One finding per OSV id that the code calls: a `finding` whose first trace frame names a `function` is a call of
/// the vulnerable symbol. govulncheck reports only those by default ("Your code is affected by 1 vulnerability"),
/// so they are the ones that count; a vulnerability only imported or required (no frame with a function, or a
/// package- or module-level scan) is kept as informational. Severity: from the OSV entry's CVSS `severity`
/// vectors when it has some; the Go vulnerability database gives none, so usually unknown (level note). Rule: the
/// OSV id (GO-…), aliases its `aliases` (CVE-…, GHSA-…). Package: the first frame's module and version, the
/// `fixed_version`, ecosystem go; path/line: the last frame with a position (the call in the scanned code).
public enum GovulncheckReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "govulncheck JSON"

    /// True for a JSON object (or an array starting with one) whose first key is `config`, an object starting with
    /// `protocol_version` or `scanner_name`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("config", in: head, inArray: true) { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key else { return false }
            return json.bytes == "protocol_version" || json.bytes == "scanner_name"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var stream = GovulncheckStream()
        try json.forEachStreamValue { () throws(InputError) in
            switch try json.next() {
            case .beginObject: try stream.readMessage(json)
            case .beginArray:
                try json.forEachElement { () throws(InputError) in
                    guard try json.next() == .beginObject else {
                        throw InputError("expected a govulncheck message object", line: json.line, column: json.column)
                    }
                    try stream.readMessage(json)
                }
            default:
                throw InputError(
                    "not a govulncheck stream: expected a JSON object", line: json.line, column: json.column)
            }
        }
        return .findings(FindingsReport(findings: stream.findings))
    }
}

/// The OSV entries and findings of a govulncheck stream, gathered by OSV id (entries and findings may come in
/// any order).
private struct GovulncheckStream {
    var entries: [String: OSVEntry] = [:]
    /// Per OSV id in order of first finding: whether it is called, and the best finding's details.
    var order: [String] = []
    var found: [String: (called: Bool, package: PackageReference, path: String?, line: Int?)] = [:]

    /// Reads one message object whose `{` was just read.
    mutating func readMessage(_ json: JSONTokenizer) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "osv" {
                let entry = try OSVEntry.read(json)
                entries[entry.id] = entry
            } else if key == "finding" {
                try readFinding(json)
            }
        }
    }

    private mutating func readFinding(_ json: JSONTokenizer) throws(InputError) {
        var id: String?
        var fixed: String?
        var frames: [(module: String?, version: String?, function: Bool, path: String?, line: Int?)] = []
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            if key == "osv" {
                id = try VulnerabilityJSONReading.text(json, "finding.osv")
            } else if key == "fixed_version" {
                fixed = try VulnerabilityJSONReading.text(json, "finding.fixed_version")
            } else if key == "trace", try VulnerabilityJSONReading.openArray(json, "finding.trace") {
                try json.forEachElement { () throws(InputError) in frames.append(try Self.frame(json)) }
            }
        }
        guard let id else { throw InputError("a finding has no osv id", line: line, column: column) }
        let called = frames.first?.function ?? false
        if let known = found[id], known.called || !called { return }
        if found[id] == nil { order.append(id) }
        let located = frames.last { $0.path != nil }
        found[id] = (
            called,
            PackageReference(
                name: frames.first?.module ?? "", installed: frames.first?.version, fixed: fixed, ecosystem: "go"),
            located?.path, located?.line
        )
    }

    /// One trace frame: module, version, whether it names a function, and its position.
    private static func frame(_ json: JSONTokenizer) throws(InputError) -> (String?, String?, Bool, String?, Int?) {
        var module: String?
        var version: String?
        var function = false
        var path: String?
        var line: Int?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "module": module = try VulnerabilityJSONReading.text(json, "trace.module")
            case "version": version = try VulnerabilityJSONReading.text(json, "trace.version")
            case "function": function = try VulnerabilityJSONReading.text(json, "trace.function") != nil
            case "position":
                try json.forEachMember { key throws(InputError) in
                    if key == "filename" {
                        path = try VulnerabilityJSONReading.text(json, "position.filename")
                    } else if key == "line" {
                        line = try LinterJSON.position(json, "position.line")
                    }
                }
            default: return
            }
        }
        return (module, version, function, path, line.flatMap { $0 > 0 ? $0 : nil })
    }

    var findings: [Finding] {
        order.compactMap { id in
            guard let finding = found[id] else { return nil }
            let entry = entries[id]
            let score = entry?.score
            let severity =
                entry?.word.flatMap(SeverityScale.severity(ofWord:)) ?? score.map(SeverityScale.severity(ofScore:))
                ?? .unknown
            return VulnerabilityJSONReading.finding(
                tool: "govulncheck", id: id, aliases: entry?.aliases ?? [], severity: severity, cvssScore: score,
                package: finding.package, path: finding.path, line: finding.line, message: entry?.summary,
                state: finding.called ? .open : .informational)
        }
    }
}
