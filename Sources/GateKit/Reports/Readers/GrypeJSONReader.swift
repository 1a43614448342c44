/// Reads Grype's JSON report (`grype -o json`): one finding per entry of `matches` (a vulnerability matched to a
/// package), as Grype's table lists them; `ignoredMatches` (matches an ignore rule or VEX statement set aside) are
/// kept as suppressed and do not count.
///
/// Severity: the vulnerability's `severity` word (`Negligible` → low), which wins over its CVSS score when they
/// disagree (a CVE rated Low with CVSS 8.2 counts as low, as Grype reports it); `Unknown` or no word → the score,
/// else unknown. The score is the base score of the newest CVSS version in `cvss` (computed from its vector when no
/// score is written). Level: critical/high → error, medium → warning, low/unknown → note. Aliases: the ids of
/// `relatedVulnerabilities` (a GHSA's CVE). Package: `artifact` name, version and type; the fix versions when
/// `fix.state` is `fixed`. Path: the artifact's first location.
public enum GrypeJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "Grype JSON"

    /// True for a JSON object whose first key is `matches`, an array whose first match starts with
    /// `vulnerability` (or is empty and followed by Grype's `source`, `distro` or `descriptor`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("matches", in: head) { json throws(InputError) in
            guard try json.next() == .beginArray else { return false }
            switch try json.next() {
            case .beginObject: return try json.next() == .key && json.bytes == "vulnerability"
            case .endArray:
                return try VulnerabilityJSONReading.findKey(json, skipping: ["ignoredMatches"]) { key in
                    key == "source" || key == "distro" || key == "descriptor"
                }
            default: return false
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError("not a Grype JSON report: the JSON value is not an object", line: json.line, column: 1)
        }
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == "matches" || key == "ignoredMatches" else { return }
            let state: FindingState = key == "matches" ? .open : .suppressed
            guard try VulnerabilityJSONReading.openArray(json, key.description) else { return }
            try json.forEachElement { () throws(InputError) in findings.append(try match(json, state: state)) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// What a match's `vulnerability` says.
    private struct Vulnerability {
        var id: String?
        var word: String?
        var description: String?
        var fixed: String?
        var score: Double?
    }

    private static func match(_ json: JSONTokenizer, state: FindingState) throws(InputError) -> Finding {
        var vulnerability = Vulnerability()
        var aliases: [String] = []
        var package: PackageReference?
        var path: String?
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "vulnerability": vulnerability = try readVulnerability(json)
            case "relatedVulnerabilities":
                guard try VulnerabilityJSONReading.openArray(json, "relatedVulnerabilities") else { return }
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        if key == "id", let id = try VulnerabilityJSONReading.text(json, "id") { aliases.append(id) }
                    }
                }
            case "artifact": (package, path) = try artifact(json)
            default: return
            }
        }
        guard let id = vulnerability.id else {
            throw InputError("a match has no vulnerability id", line: line, column: column)
        }
        package?.fixed = vulnerability.fixed
        return VulnerabilityJSONReading.finding(
            tool: "grype", id: id, aliases: aliases,
            severity: SeverityScale.severity(word: vulnerability.word, score: vulnerability.score),
            cvssScore: vulnerability.score, package: package, path: path, message: vulnerability.description,
            state: state)
    }

    private static func readVulnerability(_ json: JSONTokenizer) throws(InputError) -> Vulnerability {
        var result = Vulnerability()
        var newest = ""
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "id": result.id = try VulnerabilityJSONReading.text(json, "vulnerability.id")
            case "severity": result.word = try VulnerabilityJSONReading.text(json, "vulnerability.severity")
            case "description":
                result.description = try VulnerabilityJSONReading.text(json, "vulnerability.description")
            case "fix":
                var versions: [String] = []
                var fixed = false
                try json.forEachMember { key throws(InputError) in
                    if key == "versions" {
                        versions = try VulnerabilityJSONReading.strings(json, "fix.versions")
                    } else if key == "state" {
                        fixed = try VulnerabilityJSONReading.text(json, "fix.state") == "fixed"
                    }
                }
                if fixed, !versions.isEmpty { result.fixed = versions.joined(separator: ", ") }
            case "cvss":
                guard try VulnerabilityJSONReading.openArray(json, "cvss") else { return }
                try json.forEachElement { () throws(InputError) in
                    let (version, score) = try cvss(json)
                    if let score, version >= newest { (newest, result.score) = (version, score) }
                }
            default: return
            }
        }
        return result
    }

    /// One entry of `cvss`: its version and base score (computed from its vector when none is written).
    private static func cvss(_ json: JSONTokenizer) throws(InputError) -> (String, Double?) {
        var version = ""
        var vector: String?
        var score: Double?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "version": version = try VulnerabilityJSONReading.text(json, "cvss.version") ?? ""
            case "vector": vector = try VulnerabilityJSONReading.text(json, "cvss.vector")
            case "metrics":
                try json.forEachMember { key throws(InputError) in
                    if key == "baseScore" { score = try VulnerabilityJSONReading.score(json, "cvss.baseScore") }
                }
            default: return
            }
        }
        return (version, score ?? vector.flatMap(SeverityScale.baseScore(ofVector:)))
    }

    private static func artifact(_ json: JSONTokenizer) throws(InputError) -> (PackageReference?, String?) {
        var name: String?
        var version: String?
        var type: String?
        var path: String?
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "name": name = try VulnerabilityJSONReading.text(json, "artifact.name")
            case "version": version = try VulnerabilityJSONReading.text(json, "artifact.version")
            case "type": type = try VulnerabilityJSONReading.text(json, "artifact.type")
            case "locations":
                guard try VulnerabilityJSONReading.openArray(json, "artifact.locations") else { return }
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        if key == "path", path == nil { path = try VulnerabilityJSONReading.text(json, "path") }
                    }
                }
            default: return
            }
        }
        return (name.map { PackageReference(name: $0, installed: version, ecosystem: type) }, path)
    }
}
