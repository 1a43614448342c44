/// Reads OSV-Scanner's JSON (`osv-scanner --format json`): `results[].packages[]`, each package with its
/// `vulnerabilities` (OSV entries) and their `groups`.
///
/// One finding per group of a package, as OSV-Scanner's table prints one row per group (the ids of one group are
/// the same vulnerability under several databases' names: `GHSA-…` and `PYSEC-…`); a package written without
/// groups (OSV-Scanner before 1.3) gives one finding per vulnerability. Rule: the group's first id; aliases: its
/// other ids and `aliases`.
///
/// Severity of a group, from its vulnerabilities: the worst `database_specific.severity` word (GitHub's
/// `MODERATE` → medium); else the highest CVSS base score computed from their `severity` vectors
/// (``SeverityScale/baseScore(ofVector:)``); else the group's `max_severity` score; else unknown. Level:
/// critical/high → error, medium → warning, low/unknown → note. Package: name, version, ecosystem, and the `fixed`
/// versions of the entries' `affected` ranges for that package; path: the result's `source.path`.
public enum OSVScannerReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OSV-Scanner JSON"

    /// True for a JSON object whose first key is `results`, an array whose first result starts with `source` or
    /// `packages` (or is empty and followed by `experimental_config`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("results", in: head) { json throws(InputError) in
            guard try json.next() == .beginArray else { return false }
            switch try json.next() {
            case .beginObject:
                return try json.next() == .key && (json.bytes == "source" || json.bytes == "packages")
            case .endArray: return try json.next() == .key && json.bytes == "experimental_config"
            default: return false
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError("not an OSV-Scanner report: the JSON value is not an object", line: json.line, column: 1)
        }
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == "results", try VulnerabilityJSONReading.openArray(json, "results") else { return }
            try json.forEachElement { () throws(InputError) in try result(json, into: &findings) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    private static func result(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        var path: String?
        let first = findings.count
        try json.forEachMember { key throws(InputError) in
            if key == "source" {
                try json.forEachMember { key throws(InputError) in
                    if key == "path" { path = try VulnerabilityJSONReading.text(json, "source.path") }
                }
            } else if key == "packages", try VulnerabilityJSONReading.openArray(json, "packages") {
                try json.forEachElement { () throws(InputError) in findings += try OSVPackage.read(json).findings }
            }
        }
        for index in first..<findings.count { findings[index].path = path }
    }
}

/// One package of an OSV-Scanner result, read whole before its findings are made (groups may come first).
private struct OSVPackage {
    var package = PackageReference(name: "")
    var entries: [OSVEntry] = []
    var groups: [(ids: [String], aliases: [String], maxScore: Double?)] = []

    static func read(_ json: JSONTokenizer) throws(InputError) -> OSVPackage {
        var result = OSVPackage()
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "package":
                try json.forEachMember { key throws(InputError) in
                    switch key {
                    case "name": result.package.name = try VulnerabilityJSONReading.text(json, "package.name") ?? ""
                    case "version": result.package.installed = try VulnerabilityJSONReading.text(json, "version")
                    case "ecosystem": result.package.ecosystem = try VulnerabilityJSONReading.text(json, "ecosystem")
                    default: return
                    }
                }
            case "vulnerabilities":
                guard try VulnerabilityJSONReading.openArray(json, "vulnerabilities") else { return }
                try json.forEachElement { () throws(InputError) in result.entries.append(try OSVEntry.read(json)) }
            case "groups":
                guard try VulnerabilityJSONReading.openArray(json, "groups") else { return }
                try json.forEachElement { () throws(InputError) in result.groups.append(try group(json)) }
            default: return
            }
        }
        return result
    }

    private static func group(_ json: JSONTokenizer) throws(InputError) -> ([String], [String], Double?) {
        var ids: [String] = []
        var aliases: [String] = []
        var maxScore: Double?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "ids": ids = try VulnerabilityJSONReading.strings(json, "groups.ids")
            case "aliases": aliases = try VulnerabilityJSONReading.strings(json, "groups.aliases")
            case "max_severity": maxScore = try VulnerabilityJSONReading.score(json, "groups.max_severity")
            default: return
            }
        }
        return (ids, aliases, maxScore)
    }

    var findings: [Finding] {
        let grouping = groups.isEmpty ? entries.map { ([$0.id], $0.aliases, nil) } : groups
        return grouping.compactMap { ids, aliases, maxScore in
            guard let rule = ids.first else { return nil }
            let members = entries.filter { ids.contains($0.id) }
            let worded = members.compactMap { $0.word.flatMap(SeverityScale.severity(ofWord:)) }.min()
            let score = members.compactMap(\.score).max() ?? maxScore
            var package = self.package
            var fixes: [String] = []
            for fix in members.flatMap({ $0.fixed(for: package.name) }) where !fixes.contains(fix) { fixes.append(fix) }
            package.fixed = fixes.isEmpty ? nil : fixes.joined(separator: ", ")
            return VulnerabilityJSONReading.finding(
                tool: "osv-scanner", id: rule, aliases: Array(ids.dropFirst()) + aliases,
                severity: worded ?? score.map(SeverityScale.severity(ofScore:)) ?? .unknown, cvssScore: score,
                package: package, message: members.first?.summary ?? rule)
        }
    }
}

/// What a finding needs of one OSV entry.
struct OSVEntry {
    var id = ""
    var aliases: [String] = []
    var summary: String?
    /// `database_specific.severity`.
    var word: String?
    /// The highest base score of `severity`.
    var score: Double?
    /// The `fixed` events of each `affected` package, by package name.
    var fixes: [(package: String, versions: [String])] = []

    func fixed(for package: String) -> [String] {
        fixes.filter { $0.package == package }.flatMap(\.versions)
    }

    static func read(_ json: JSONTokenizer) throws(InputError) -> OSVEntry {
        var entry = OSVEntry()
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "id": entry.id = try VulnerabilityJSONReading.text(json, "id") ?? ""
            case "aliases": entry.aliases = try VulnerabilityJSONReading.strings(json, "aliases")
            case "summary": entry.summary = try VulnerabilityJSONReading.text(json, "summary")
            case "severity": entry.score = try VulnerabilityJSONReading.osvScore(json, "severity")
            case "database_specific":
                try json.forEachMember { key throws(InputError) in
                    if key == "severity" { entry.word = try VulnerabilityJSONReading.text(json, "severity") }
                }
            case "affected":
                guard try VulnerabilityJSONReading.openArray(json, "affected") else { return }
                try json.forEachElement { () throws(InputError) in entry.fixes.append(try affected(json)) }
            default: return
            }
        }
        guard !entry.id.isEmpty else { throw InputError("a vulnerability has no id", line: line, column: column) }
        return entry
    }

    /// One `affected` entry: its package's name and the versions its ranges' `fixed` events name.
    private static func affected(_ json: JSONTokenizer) throws(InputError) -> (String, [String]) {
        var name = ""
        var fixed: [String] = []
        try json.forEachMember { key throws(InputError) in
            if key == "package" {
                try json.forEachMember { key throws(InputError) in
                    if key == "name" { name = try VulnerabilityJSONReading.text(json, "affected.package.name") ?? "" }
                }
            } else if key == "ranges", try VulnerabilityJSONReading.openArray(json, "ranges") {
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        guard key == "events", try VulnerabilityJSONReading.openArray(json, "events") else { return }
                        try json.forEachElement { () throws(InputError) in
                            try json.forEachMember { key throws(InputError) in
                                if key == "fixed", let version = try VulnerabilityJSONReading.text(json, "fixed") {
                                    fixed.append(version)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (name, fixed)
    }
}
