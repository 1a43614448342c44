/// Reads GitLab security reports (schemas 2.x to 15.x): the `gl-dependency-scanning-report.json`,
/// `gl-container-scanning-report.json`, `gl-sast-report.json`, `gl-secret-detection-report.json` and
/// `gl-dast-report.json` that GitLab's analyzers, Trivy's `contrib/gitlab.tpl` template and Dependency-Check's
/// GitLab report write. Not GitLab Code Quality (a top-level array, read by ``CodeClimateReader``).
///
/// - One finding per `vulnerabilities[]` entry, so `vulns.total` equals the number of vulnerabilities GitLab's
///   security dashboard lists for the report. The rule is the `id` of the first identifier of type `cve` (else of
///   the first identifier, else the vulnerability's `cve`, else its `id`); the other identifiers' values are aliases.
/// - Severity: the `severity` word (`Critical`, `High`, `Medium`, `Low`, `Info` → low, `Unknown` → unknown). Level
///   from severity: critical/high → error, medium → warning, low/unknown → note.
/// - Kind from `category` (schemas before 15), else `scan.type`: `dependency_scanning`, `container_scanning`,
///   `cluster_image_scanning` → dependency; `sast`, `coverage_fuzzing` → code; `secret_detection` → secret; `dast`,
///   `api_fuzzing` → dast.
/// - Location: `location.file` (or `location.image` for container scanning) and `start_line`; the package is
///   `location.dependency.package.name` at `location.dependency.version`.
/// - Tool: the vulnerability's `scanner.name` (old schemas), else `scan.scanner.name`, lowercased, else `gitlab`.
/// - A report whose `scan.status` is `failure` is refused: the scan did not complete, so its vulnerabilities are not
///   the whole truth.
public enum GitLabSecurityReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "GitLab security report JSON"

    /// True for a JSON object with a string `version` and either a `scan` object with a `scanner` or `type`, or
    /// `vulnerabilities` whose first entry has `identifiers` as an array (Snyk's are an object).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            var hasVersion = false
            while try json.next() == .key {
                if json.bytes == "version" {
                    hasVersion = try json.next() == .string
                } else if json.bytes == "scan", hasVersion {
                    guard try json.next() == .beginObject else { return false }
                    while try json.next() == .key {
                        if json.bytes == "scanner" || json.bytes == "type" { return true }
                        try json.skipValue()
                    }
                    return false
                } else if json.bytes == "vulnerabilities", hasVersion {
                    guard try json.next() == .beginArray, try json.next() == .beginObject else { return false }
                    while try json.next() == .key {
                        if json.bytes == "identifiers" { return try json.next() == .beginArray }
                        try json.skipValue()
                    }
                    return false
                } else {
                    try json.skipValue()
                }
            }
            return false
        }
    }

    /// A vulnerability read, waiting for the `scan` (which analyzers write last) to name the tool and kind.
    private struct Pending {
        var finding: Finding
        var hasScanner: Bool
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a GitLab security report")
        var pending: [Pending]?
        var scanner: String?
        var scanType: String?
        try json.forEachMember { key throws(InputError) in
            if key == "vulnerabilities" {
                var read: [Pending] = []
                try json.forEachElement { () throws(InputError) in read.append(try readVulnerability(json)) }
                pending = read
            } else if key == "scan" {
                (scanner, scanType) = try readScan(json)
            }
        }
        try json.expectEnd()
        guard let pending else { throw InputError("not a GitLab security report: no vulnerabilities") }
        let findings = pending.map { vulnerability in
            var finding = vulnerability.finding
            if !vulnerability.hasScanner { finding.tool = scanner ?? "gitlab" }
            if finding.kind == nil { finding.kind = scanType.flatMap(kind(ofCategory:)) }
            return finding
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// The scanner's name and the scan type; throws when the scan failed.
    private static func readScan(_ json: JSONTokenizer) throws(InputError) -> (String?, String?) {
        var scanner: String?
        var type: String?
        try json.forEachMember { key throws(InputError) in
            if key == "scanner" {
                scanner = try readName(json)
            } else if key == "type" {
                type = try json.readString()
            } else if key == "status" {
                let (line, column) = (json.line, json.column)
                if try json.readString() == "failure" {
                    throw InputError(
                        "the GitLab security report says the scan failed (scan.status \"failure\"): its "
                            + "vulnerabilities are not a complete result", line: line, column: column)
                }
            }
        }
        return (scanner, type)
    }

    /// The lowercased `name` of a `{id, name, …}` object.
    private static func readName(_ json: JSONTokenizer) throws(InputError) -> String? {
        var name: String?
        try json.forEachMember { key throws(InputError) in
            if key == "name" { name = try json.readString().lowercased() }
        }
        return name
    }

    static func kind(ofCategory category: String) -> FindingKind? {
        switch category {
        case "dependency_scanning", "container_scanning", "cluster_image_scanning": return .dependency
        case "sast", "coverage_fuzzing": return .code
        case "secret_detection": return .secret
        case "dast", "api_fuzzing": return .dast
        default: return nil
        }
    }

    private static func readVulnerability(_ json: JSONTokenizer) throws(InputError) -> Pending {
        let (line, column) = (json.line, json.column)
        var id: String?
        var cve: String?
        var name: String?
        var message: String?
        var severity: String?
        var category: String?
        var scanner: String?
        var identifiers: [(type: String?, value: String)] = []
        var location = Location()
        try json.forEachMember { key throws(InputError) in
            if key == "id" {
                id = try json.readString()
            } else if key == "cve" {
                cve = try json.readString()
            } else if key == "name" {
                name = try json.readString()
            } else if key == "message" {
                message = try json.readString()
            } else if key == "severity" {
                severity = try json.readString()
            } else if key == "category" {
                category = try json.readString()
            } else if key == "scanner" {
                scanner = try readName(json)
            } else if key == "identifiers" {
                try json.forEachElement { () throws(InputError) in
                    if let identifier = try readIdentifier(json) { identifiers.append(identifier) }
                }
            } else if key == "location" {
                location = try readLocation(json)
            }
        }
        let rule = (identifiers.first { $0.type?.lowercased() == "cve" } ?? identifiers.first)?.value ?? cve ?? id
        guard let rule, !rule.isEmpty else {
            throw InputError("a vulnerability has no identifier nor id", line: line, column: column)
        }
        let level = SeverityScale.severity(word: severity, score: nil)
        let text = message ?? name ?? rule
        let finding = Finding(
            tool: scanner ?? "", rule: rule,
            aliases: identifiers.map(\.value).reduce(into: []) { if $1 != rule && !$0.contains($1) { $0.append($1) } },
            level: level.vulnerabilityLevel, severity: level, kind: category.flatMap(kind(ofCategory:)),
            package: location.package, path: location.file, line: location.line,
            message: String(text.split(whereSeparator: \.isNewline).first ?? Substring(rule)))
        return Pending(finding: finding, hasScanner: scanner != nil)
    }

    private static func readIdentifier(_ json: JSONTokenizer) throws(InputError) -> (type: String?, value: String)? {
        var type: String?
        var value: String?
        try json.forEachMember { key throws(InputError) in
            if key == "type" {
                type = try json.readString()
            } else if key == "value" {
                value = try json.readString()
            }
        }
        return value.map { (type, $0) }
    }

    /// Where a vulnerability is.
    private struct Location {
        var file: String?
        var line: Int?
        var package: PackageReference?
    }

    private static func readLocation(_ json: JSONTokenizer) throws(InputError) -> Location {
        var location = Location()
        var image: String?
        try json.forEachMember { key throws(InputError) in
            if key == "file" {
                location.file = try json.readString()
            } else if key == "image" {
                image = try json.readString()
            } else if key == "start_line" {
                let line = try json.readInt()
                guard (1...Int(Int32.max)).contains(line) else {
                    throw InputError("start_line \(line) is not a line number", line: json.line, column: json.column)
                }
                location.line = line
            } else if key == "dependency" {
                var name: String?
                var version: String?
                try json.forEachMember { key throws(InputError) in
                    if key == "package" {
                        try json.forEachMember { key throws(InputError) in
                            if key == "name" { name = try json.readString() }
                        }
                    } else if key == "version" {
                        version = try json.readString()
                    }
                }
                location.package = name.map { PackageReference(name: $0, installed: version) }
            }
        }
        if location.file == nil, let image, image != "Unknown" { location.file = image }
        return location
    }
}
