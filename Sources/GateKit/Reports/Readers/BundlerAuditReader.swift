/// Reads bundler-audit JSON (`bundle-audit check --format json`, 0.8 and later): `{version, created_at, results}`.
///
/// - One finding per `results[]` entry, so `vulns.total` equals the number of advisories bundler-audit prints:
///   `unpatched_gem` (and `unpatched_engine`, a vulnerable Ruby) → a dependency finding whose rule is the advisory
///   `id` (`CVE-…`, `GHSA-…`, `OSVDB-…`), with the advisory's other ids (`cve`, `ghsa`, `osvdb`, written without
///   their prefix) as aliases, the package `gem.name`/`gem.version` (ecosystem `rubygems`) fixed by
///   `patched_versions` (joined with ", "), and the `title` as message; `insecure_source` (a `git://` or `http://`
///   gem source) → a config finding, rule `insecure-source`, at level warning (bundler-audit prints it as a
///   warning), severity unknown.
/// - Severity: `criticality` (bundler-audit's word, derived from `cvss_v3`, else `cvss_v2`), else the score
///   (``SeverityScale/severity(word:score:)``); a null criticality without scores is **unknown**, which is what the
///   text report of the same run prints (`Criticality: Unknown`). `none` (CVSS v3 0.0) is low, as a 0.0 score is.
///   Level from severity: critical/high → error, medium → warning, low/unknown → note.
public enum BundlerAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "bundler-audit JSON"

    static let tool = "bundler-audit"

    /// True for a JSON object whose members start with `version`, `created_at` and `results`, in bundler-audit's
    /// order (a cut-off head is still recognised, so that a truncated report gets a truncation error).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            let keys: [StaticString] = ["version", "created_at", "results"]
            for (index, expected) in keys.enumerated() {
                guard try json.next() == .key, json.bytes == expected else { return false }
                if index < keys.count - 1 { try json.skipValue() }
            }
            return true
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError(
                "not a bundler-audit JSON report: the JSON value is not an object", line: json.line, column: json.column
            )
        }
        var findings: [Finding]?
        try json.forEachMember { key throws(InputError) in
            guard key == "results" else { return }
            var results: [Finding] = []
            try json.forEachElement { () throws(InputError) in results.append(try readResult(json)) }
            findings = results
        }
        try json.expectEnd()
        guard let findings else { throw InputError("not a bundler-audit JSON report: no results") }
        return .findings(FindingsReport(findings: findings))
    }

    private static func readResult(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var type: String?
        var source: String?
        var gem: PackageReference?
        var advisory: Finding?
        try json.forEachMember { key throws(InputError) in
            if key == "type" {
                type = try json.readString()
            } else if key == "source" {
                source = try json.readString()
            } else if key == "gem" || key == "engine" {
                gem = try readGem(json, ecosystem: key == "gem" ? "rubygems" : nil)
            } else if key == "advisory" {
                advisory = try readAdvisory(json)
            }
        }
        switch type {
        case "insecure_source"?:
            guard let source else { throw InputError("an insecure_source result has no source", line: line) }
            return insecureSource(source)
        case "unpatched_gem"?, "unpatched_engine"?:
            guard var finding = advisory, let gem else {
                throw InputError(
                    "an \(type ?? "") result needs both \(type == "unpatched_gem" ? "gem" : "engine") and advisory",
                    line: line, column: column)
            }
            finding.package?.name = gem.name
            finding.package?.installed = gem.installed
            finding.package?.ecosystem = gem.ecosystem
            return finding
        default:
            throw InputError(
                "unknown bundler-audit result type \(type.map { "\"\($0.prefix(40))\"" } ?? "(none)")", line: line,
                column: column)
        }
    }

    /// The finding for an insecure gem source (shared with the text reader).
    static func insecureSource(_ source: String) -> Finding {
        Finding(
            tool: tool, rule: "insecure-source", level: .warning, severity: .unknown, kind: .config,
            message: "Insecure Source URI found: \(source)")
    }

    private static func readGem(_ json: JSONTokenizer, ecosystem: String?) throws(InputError) -> PackageReference {
        let (line, column) = (json.line, json.column)
        var name: String?
        var version: String?
        try json.forEachMember { key throws(InputError) in
            if key == "name" {
                name = try json.readString()
            } else if key == "version" {
                version = try json.readString()
            }
        }
        guard let name else { throw InputError("a gem has no name", line: line, column: column) }
        return PackageReference(name: name, installed: version, ecosystem: ecosystem)
    }

    /// The advisory as a finding, its package not yet named.
    private static func readAdvisory(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var id: String?
        var title: String?
        var ids: [String] = []
        var criticality: String?
        var scores: [Double] = []
        var patched: [String] = []
        try json.forEachMember { key throws(InputError) in
            if key == "id" {
                id = try json.readString()
            } else if key == "title" {
                title = try json.readString()
            } else if key == "cve" || key == "ghsa" || key == "osvdb" {
                guard let value = try optionalString(json) else { return }
                // Written without their prefix (`"cve": "2020-8161"`), except in newer advisories.
                let prefix = key == "cve" ? "CVE-" : key == "ghsa" ? "GHSA-" : "OSVDB-"
                ids.append(value.hasPrefix(prefix) ? value : prefix + value)
            } else if key == "criticality" {
                criticality = try optionalString(json)
            } else if key == "cvss_v3" || key == "cvss_v2" {
                guard try json.next() != .null else { return }
                guard let score = json.bytes.double(), (0...10).contains(score) else {
                    throw InputError(
                        "\(key) must be a CVSS score between 0 and 10", line: json.line, column: json.column)
                }
                // cvss_v3 is written before cvss_v2; either way v3 is preferred.
                if key == "cvss_v3" { scores.insert(score, at: 0) } else { scores.append(score) }
            } else if key == "patched_versions" {
                try json.forEachElement { () throws(InputError) in patched.append(try json.readString()) }
            }
        }
        guard let id = id ?? ids.first else {
            throw InputError("an advisory has no id", line: line, column: column)
        }
        let severity = severity(criticality: criticality, score: scores.first)
        return Finding(
            tool: tool, rule: id, aliases: ids.filter { $0 != id }, level: severity.vulnerabilityLevel,
            severity: severity, cvssScore: scores.first, kind: .dependency,
            package: PackageReference(name: "", fixed: patched.isEmpty ? nil : patched.joined(separator: ", ")),
            message: title ?? id)
    }

    /// The severity of a criticality word (`none` is a 0.0 score: low) or else of a CVSS score.
    static func severity(criticality: String?, score: Double?) -> Severity {
        if criticality?.lowercased() == "none" { return SeverityScale.severity(ofScore: 0) }
        return SeverityScale.severity(word: criticality, score: score)
    }

    /// A string, or nil for null.
    private static func optionalString(_ json: JSONTokenizer) throws(InputError) -> String? {
        let token = try json.next()
        if token == .null { return nil }
        guard token == .string, let value = json.bytes.string() else {
            throw InputError("expected a string or null", line: json.line, column: json.column)
        }
        return value
    }
}
