/// Reads CycloneDX JSON BOMs with vulnerabilities (specification 1.4 to 1.7): what `grype -o cyclonedx-json`,
/// `trivy --format cyclonedx --scanners vuln`, Dependency-Track and `cdxgen` write, and VEX documents.
///
/// - One finding per (vulnerability, affected component): each `vulnerabilities[]` entry counts once for each of its
///   `affects[].ref` (a vulnerability without `affects` counts once, without a package). The count equals the
///   scanner's own list (Grype's and Trivy's tables list one row per vulnerability and package).
/// - The package is resolved through the `bom-ref` of `metadata.component` and of `components` (nested ones too,
///   wherever they come in the file): its purl gives name, version and ecosystem, else its `group`, `name` and
///   `version`; a ref that matches no component is read as a purl, else kept as the name.
/// - Severity: a vulnerability may carry several `ratings` (one per source: NVD, GHSA, Red Hat…). Each rating's
///   severity is its word, else its score, else the score of its vector (``SeverityScale/severity(word:score:)``);
///   the vulnerability takes the **highest** of them, so that a gate does not pass because one database rated it
///   lower. `cvssScore` is the highest score given (or computed from a vector). Level from severity:
///   critical/high → error, medium → warning, low/unknown → note.
/// - State: `analysis.state` `not_affected`, `false_positive`, `resolved` or `resolved_with_pedigree` → suppressed
///   (the VEX statement says it does not apply); an `affects` entry whose listed versions are all `unaffected` →
///   informational. Both are kept but do not count.
/// - Aliases: the ids of `references[]`. Tool: the first of `metadata.tools` (lowercased), else `cyclonedx`.
///
/// A BOM without a `vulnerabilities` member is refused: it is an SBOM, a list of components, and says nothing about
/// vulnerabilities; reading it as "zero vulnerabilities" would pass a gate on a scan that never happened. An empty
/// `vulnerabilities` array is a clean scan.
public enum CycloneDXReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "CycloneDX JSON"

    /// How deeply `components` may nest inside each other.
    static let maxComponentDepth = 64

    /// True for a JSON object whose `bomFormat` is `CycloneDX`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                if json.bytes == "bomFormat" { return try json.next() == .string && json.bytes == "CycloneDX" }
                try json.skipValue()
            }
            return false
        }
    }

    /// A vulnerability read, waiting for its components to be known.
    private struct Pending {
        var finding: Finding
        /// The refs it affects, and whether each is affected (false: every listed version is unaffected).
        var affects: [(ref: String, affected: Bool)] = []
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a CycloneDX BOM")
        var isBOM = false
        var tool: String?
        var components: [String: PackageReference] = [:]
        var pending: [Pending]?
        try json.forEachMember { key throws(InputError) in
            if key == "bomFormat" {
                let format = try json.readString()
                guard format == "CycloneDX" else {
                    throw InputError(
                        "not a CycloneDX BOM: bomFormat is \"\(format.prefix(40))\"", line: json.line,
                        column: json.column)
                }
                isBOM = true
            } else if key == "metadata" {
                try json.forEachMember { key throws(InputError) in
                    if key == "tools" {
                        tool = try readTools(json)
                    } else if key == "component" {
                        try readComponent(json, into: &components, depth: 0)
                    }
                }
            } else if key == "components" {
                try json.forEachElement { () throws(InputError) in try readComponent(json, into: &components, depth: 0)
                }
            } else if key == "vulnerabilities" {
                var read: [Pending] = []
                try json.forEachElement { () throws(InputError) in read.append(try readVulnerability(json)) }
                pending = read
            }
        }
        try json.expectEnd()
        guard isBOM else { throw InputError("not a CycloneDX BOM: no bomFormat") }
        guard let pending else {
            throw InputError(
                "this CycloneDX BOM has no vulnerabilities: it is an SBOM (a list of components), not the result of a "
                    + "vulnerability scan (e.g. `grype -o cyclonedx-json`, `trivy --format cyclonedx --scanners vuln`)")
        }
        let found = findings(pending, components: components, tool: tool ?? "cyclonedx")
        return .findings(FindingsReport(findings: FindingsView.collapsingRepeats(found)))
    }

    /// One finding per (vulnerability, affected component).
    private static func findings(_ pending: [Pending], components: [String: PackageReference], tool: String)
        -> [Finding]
    {
        var findings: [Finding] = []
        for vulnerability in pending {
            var finding = vulnerability.finding
            finding.tool = tool
            guard !vulnerability.affects.isEmpty else {
                findings.append(finding)
                continue
            }
            for (ref, affected) in vulnerability.affects {
                var each = finding
                each.package = components[ref] ?? PackageURLParser.package(ref) ?? PackageReference(name: ref)
                if !affected, each.state == .open { each.state = .informational }
                findings.append(each)
            }
        }
        return findings
    }

    /// The name of the first tool of `metadata.tools`: an array of tools (1.4) or `{components, services}` (1.5+).
    private static func readTools(_ json: JSONTokenizer) throws(InputError) -> String? {
        var name: String?
        func readTool() throws(InputError) {
            try json.forEachMember { key throws(InputError) in
                if key == "name", name == nil { name = try json.readString().lowercased() }
            }
        }
        switch try json.next() {
        case .beginArray:
            try json.forEachElement { () throws(InputError) in try readTool() }
        case .beginObject:
            try json.forEachMember { key throws(InputError) in
                guard key == "components" || key == "services" else { return }
                try json.forEachElement { () throws(InputError) in try readTool() }
            }
        default:
            throw InputError("metadata.tools must be an array or an object", line: json.line, column: json.column)
        }
        return name
    }

    /// Records the package of a component with a `bom-ref`, and of the components nested in it.
    private static func readComponent(
        _ json: JSONTokenizer, into components: inout [String: PackageReference], depth: Int
    ) throws(InputError) {
        guard depth < maxComponentDepth else {
            throw InputError(
                "components are nested deeper than \(maxComponentDepth) levels", line: json.line, column: json.column)
        }
        var ref: String?
        var group: String?
        var name: String?
        var version: String?
        var purl: String?
        try json.forEachMember { key throws(InputError) in
            if key == "bom-ref" {
                ref = try json.readString()
            } else if key == "group" {
                group = try json.readString()
            } else if key == "name" {
                name = try json.readString()
            } else if key == "version" {
                version = try json.readString()
            } else if key == "purl" {
                purl = try json.readString()
            } else if key == "components" {
                try json.forEachElement { () throws(InputError) in
                    try readComponent(json, into: &components, depth: depth + 1)
                }
            }
        }
        guard let ref else { return }
        if let purl, let package = PackageURLParser.package(purl) {
            components[ref] = package
        } else if let name {
            let qualified = group.map { $0.isEmpty ? name : "\($0):\(name)" } ?? name
            components[ref] = PackageReference(name: qualified, installed: version)
        }
    }

    private static func readVulnerability(_ json: JSONTokenizer) throws(InputError) -> Pending {
        let (line, column) = (json.line, json.column)
        var id: String?
        var aliases: [String] = []
        var ratings: [(severity: Severity, score: Double?)] = []
        var description: String?
        var state = FindingState.open
        var affects: [(ref: String, affected: Bool)] = []
        try json.forEachMember { key throws(InputError) in
            if key == "id" {
                id = try json.readString()
            } else if key == "references" {
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        if key == "id" { aliases.append(try json.readString()) }
                    }
                }
            } else if key == "ratings" {
                try json.forEachElement { () throws(InputError) in ratings.append(try readRating(json)) }
            } else if key == "description" || (key == "detail" && description == nil) {
                description = try json.readString()
            } else if key == "analysis" {
                try json.forEachMember { key throws(InputError) in
                    guard key == "state" else { return }
                    let written = try json.readString()
                    if ["not_affected", "false_positive", "resolved", "resolved_with_pedigree"].contains(written) {
                        state = .suppressed
                    }
                }
            } else if key == "affects" {
                try json.forEachElement { () throws(InputError) in
                    if let target = try readAffected(json) { affects.append(target) }
                }
            }
        }
        guard let id, !id.isEmpty else { throw InputError("a vulnerability has no id", line: line, column: column) }
        let severity = ratings.map(\.severity).min() ?? .unknown
        let summary = description?.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) }
        let finding = Finding(
            tool: "", rule: id, aliases: aliases.filter { $0 != id }, level: severity.vulnerabilityLevel,
            severity: severity, cvssScore: ratings.compactMap(\.score).max(), kind: .dependency,
            message: summary ?? id, state: state)
        return Pending(finding: finding, affects: affects)
    }

    /// A rating's severity (word, else score, else the score of its vector) and score.
    private static func readRating(_ json: JSONTokenizer) throws(InputError) -> (severity: Severity, score: Double?) {
        var word: String?
        var score: Double?
        var vector: String?
        try json.forEachMember { key throws(InputError) in
            if key == "severity" {
                word = try json.readString()
            } else if key == "score" {
                let value = try json.readDouble()
                guard (0...10).contains(value) else {
                    throw InputError(
                        "a rating's score must be between 0 and 10, not \(value)", line: json.line, column: json.column)
                }
                score = value
            } else if key == "vector" {
                vector = try json.readString()
            }
        }
        let given = score ?? vector.flatMap { SeverityScale.baseScore(ofVector: $0) }
        return (SeverityScale.severity(word: word, score: given), given)
    }

    /// An `affects[]` entry: its ref, and false when every version it lists is `unaffected`.
    private static func readAffected(_ json: JSONTokenizer) throws(InputError) -> (ref: String, affected: Bool)? {
        var ref: String?
        var statuses: [String] = []
        try json.forEachMember { key throws(InputError) in
            if key == "ref" {
                ref = try json.readString()
            } else if key == "versions" {
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        if key == "status" { statuses.append(try json.readString()) }
                    }
                }
            }
        }
        guard let ref else { return nil }
        return (ref, statuses.isEmpty || statuses.contains { $0 != "unaffected" })
    }
}
