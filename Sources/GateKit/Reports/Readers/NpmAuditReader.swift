/// Reads `npm audit --json`: npm 7 and later (`auditReportVersion: 2`) and npm 6 (`advisories`).
///
/// - npm ≥ 7: one finding per entry of `vulnerabilities`, a vulnerable package, as npm's summary counts them
///   ("6 vulnerabilities (2 low, 4 moderate)" = `metadata.vulnerabilities`). A package vulnerable only through
///   its dependencies (`via` names packages, not advisories) counts too, as npm counts it; it has no rule.
///   Rule: the GHSA id of its first advisory (from the advisory URL), aliases the other advisories.
/// - npm 6: one finding per advisory and installed version (`findings[].version`). npm 6's summary
///   (`metadata.vulnerabilities`, "found 15 vulnerabilities") counts dependency paths instead: an advisory reached
///   through 4 paths counts 4 times there, once here, because it is one vulnerable package to upgrade, the way
///   npm ≥ 7 and every other scanner count (the path count is in the message).
///   Rule: the advisory's `github_advisory_id`, else its first CVE, else its npm id; aliases: its CVEs.
///
/// Severity: npm's word (`moderate` → medium, `info` → low); the CVSS score, when given, is kept beside it. Level:
/// critical/high → error, medium → warning, low → note. Package: name, installed version (npm 6), the fix
/// (`fixAvailable`: the version, or `name@version` of the package to upgrade; npm 6 `patched_versions`).
public enum NpmAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "npm audit JSON"

    /// True for a JSON object whose first key is `auditReportVersion` (npm ≥ 7), or `actions` or `advisories` in a
    /// head that names npm 6's `module_name` or `resolves`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key else { return false }
            if json.bytes == "auditReportVersion" { return true }
            return (json.bytes == "actions" || json.bytes == "advisories")
                && (head.contains("\"module_name\"") || head.contains("\"resolves\""))
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError("not an npm audit report: the JSON value is not an object", line: json.line, column: 1)
        }
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            if key == "vulnerabilities" {
                let token = try json.next()
                guard token == .beginObject else {
                    if token == .null { return }
                    throw InputError("vulnerabilities must be an object", line: json.line, column: json.column)
                }
                try json.forEachMember { _ throws(InputError) in findings.append(try vulnerablePackage(json)) }
            } else if key == "advisories" {
                try json.forEachMember { _ throws(InputError) in
                    let advisory = try NpmAdvisory.read(json)
                    findings += advisory.findings(tool: "npm", resolution: nil)
                }
            }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// One entry of npm ≥ 7's `vulnerabilities`.
    private static func vulnerablePackage(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var name: String?
        var word: String?
        var advisories: [String] = []
        var titles: [String] = []
        var through: [String] = []
        var score: Double?
        var fix: String?
        var path: String?
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "name": name = try VulnerabilityJSONReading.text(json, "name")
            case "severity": word = try VulnerabilityJSONReading.text(json, "severity")
            case "via":
                guard try VulnerabilityJSONReading.openArray(json, "via") else { return }
                try json.forEachElement { () throws(InputError) in
                    let token = try json.next()
                    if token == .string {
                        through.append(json.bytes.description)
                        return
                    }
                    guard token == .beginObject else {
                        throw InputError("via: expected a package name or an advisory", line: json.line, column: 1)
                    }
                    let advisory = try viaAdvisory(json)
                    if let id = advisory.id { advisories.append(id) }
                    if let title = advisory.title { titles.append(title) }
                    if let value = advisory.score { score = max(score ?? 0, value) }
                }
            case "fixAvailable": fix = try fixAvailable(json)
            case "nodes":
                let nodes = try VulnerabilityJSONReading.strings(json, "nodes")
                path = nodes.first
            default: return
            }
        }
        guard let name else { throw InputError("a vulnerability has no name", line: line, column: column) }
        let message = titles.first ?? (through.isEmpty ? nil : "vulnerable through " + through.joined(separator: ", "))
        return VulnerabilityJSONReading.finding(
            tool: "npm", id: advisories.first, aliases: Array(advisories.dropFirst()),
            severity: SeverityScale.severity(word: word, score: score), cvssScore: score,
            package: PackageReference(name: name, fixed: fix, ecosystem: "npm"), path: path,
            message: message ?? name)
    }

    /// An advisory object of `via`: its GHSA id (else npm's `source` number), title and CVSS score.
    private static func viaAdvisory(_ json: JSONTokenizer) throws(InputError) -> (
        id: String?, title: String?, score: Double?
    ) {
        var url: String?
        var source: String?
        var title: String?
        var score: Double?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "url": url = try VulnerabilityJSONReading.text(json, "via.url")
            case "source":
                let token = try json.next()
                if token == .number || token == .string { source = json.bytes.description }
            case "title": title = try VulnerabilityJSONReading.text(json, "via.title")
            case "cvss":
                try json.forEachMember { key throws(InputError) in
                    if key == "score" { score = try VulnerabilityJSONReading.score(json, "via.cvss.score") }
                }
            default: return
            }
        }
        return (VulnerabilityJSONReading.advisoryID(fromURL: url) ?? source, title, score)
    }

    /// `fixAvailable`: `{name, version}` → the version (or `name@version` when the fix upgrades another package);
    /// `true`/`false` → nil.
    private static func fixAvailable(_ json: JSONTokenizer) throws(InputError) -> String? {
        guard try json.next() == .beginObject else { return nil }
        var name: String?
        var version: String?
        try json.forEachMember { key throws(InputError) in
            if key == "name" {
                name = try VulnerabilityJSONReading.text(json, "fixAvailable.name")
            } else if key == "version" {
                version = try VulnerabilityJSONReading.text(json, "fixAvailable.version")
            }
        }
        guard let version else { return nil }
        return name.map { "\($0)@\(version)" } ?? version
    }
}

/// An npm 6 advisory (`npm audit --json` of npm 6, and yarn classic's `auditAdvisory` lines): the ids, severity and
/// installed versions, with how many dependency paths reach each.
struct NpmAdvisory {
    var id: String?
    var githubID: String?
    var cves: [String] = []
    var module: String?
    var word: String?
    var title: String?
    var patched: String?
    var score: Double?
    /// Each installed version, how many paths reach it, its first path, and whether the resolved path is one.
    var versions: [(version: String, paths: Int, path: String?, resolved: Bool)] = []

    /// Reads an advisory object; `resolution` is the dependency path yarn resolved it for, when known.
    static func read(_ json: JSONTokenizer, resolution: String? = nil) throws(InputError) -> NpmAdvisory {
        var advisory = NpmAdvisory()
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "id":
                let token = try json.next()
                if token == .number || token == .string { advisory.id = json.bytes.description }
            case "github_advisory_id": advisory.githubID = try VulnerabilityJSONReading.text(json, "github_advisory_id")
            case "cves": advisory.cves = try VulnerabilityJSONReading.strings(json, "cves")
            case "module_name": advisory.module = try VulnerabilityJSONReading.text(json, "module_name")
            case "severity": advisory.word = try VulnerabilityJSONReading.text(json, "severity")
            case "title": advisory.title = try VulnerabilityJSONReading.text(json, "title")
            case "patched_versions": advisory.patched = try VulnerabilityJSONReading.text(json, "patched_versions")
            case "url":
                if advisory.githubID == nil {
                    advisory.githubID = VulnerabilityJSONReading.advisoryID(
                        fromURL: try VulnerabilityJSONReading.text(json, "url"))
                }
            case "cvss":
                try json.forEachMember { key throws(InputError) in
                    if key == "score" { advisory.score = try VulnerabilityJSONReading.score(json, "cvss.score") }
                }
            case "findings":
                guard try VulnerabilityJSONReading.openArray(json, "findings") else { return }
                try json.forEachElement { () throws(InputError) in
                    var version: String?
                    var paths = 0
                    var first: String?
                    var resolved = false
                    try json.forEachMember { key throws(InputError) in
                        if key == "version" {
                            version = try VulnerabilityJSONReading.text(json, "findings.version")
                        } else if key == "paths" {
                            guard try VulnerabilityJSONReading.openArray(json, "findings.paths") else { return }
                            try json.forEachElement { () throws(InputError) in
                                let path = try VulnerabilityJSONReading.text(json, "findings.paths")
                                paths += 1
                                if first == nil { first = path }
                                if path == resolution { resolved = true }
                            }
                        }
                    }
                    advisory.versions.append((version ?? "", paths, first, resolved))
                }
            default: return
            }
        }
        guard advisory.module != nil else {
            throw InputError("an advisory has no module_name", line: line, column: column)
        }
        return advisory
    }

    /// The rule: the GHSA id, else the first CVE, else npm's advisory number.
    var rule: String? { githubID ?? cves.first ?? id }

    /// One finding per installed version, or, given the `resolution` path yarn resolved (empty when unknown), one
    /// for the version that path reaches (the first version when no path names it).
    func findings(tool: String, resolution: String?) -> [Finding] {
        var chosen = versions
        if let resolution {
            chosen = [versions.first { $0.resolved } ?? versions.first ?? ("", 0, nil, true)]
            if !resolution.isEmpty { chosen[0].path = resolution }
        } else if chosen.isEmpty {
            chosen = [("", 0, nil, false)]
        }
        return chosen.map { version in
            let paths = resolution == nil && version.paths > 1 ? " (\(version.paths) paths)" : ""
            return VulnerabilityJSONReading.finding(
                tool: tool, id: rule, aliases: cves + [githubID].compactMap { $0 },
                severity: SeverityScale.severity(word: word, score: score), cvssScore: score,
                package: PackageReference(
                    name: module ?? "", installed: version.version.isEmpty ? nil : version.version, fixed: patched,
                    ecosystem: "npm"),
                path: version.path, message: (title ?? rule ?? "advisory") + paths)
        }
    }
}
