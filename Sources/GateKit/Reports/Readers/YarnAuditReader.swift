/// Reads yarn's audit JSON lines: yarn classic's `yarn audit --json` and yarn berry's `yarn npm audit --json`.
///
/// - yarn classic (1.x): one finding per `auditAdvisory` line, an npm advisory resolved for one dependency path
///   (`data.resolution.path`), for the installed version that path reaches. The `auditSummary` line's
///   `vulnerabilities` counts those lines, so the counts equal yarn's summary ("3 vulnerabilities found"), except
///   that an advisory reached through several paths to the same version is one vulnerable package and counts once
///   (as npm ≥ 7 counts). `auditAction` and other lines are skipped.
/// - yarn berry (2+): one finding per line `{"value": package, "children": {ID, Issue, URL, Severity, …}}`, with
///   the `Tree Versions` as installed versions. Deprecation notices (an `ID` ending in "(deprecation)") are not
///   vulnerabilities: they are kept as informational and do not count.
///
/// Severity: yarn's word (`moderate` → medium, `info` → low). Level: critical/high → error, medium → warning,
/// low → note. Rule: the GHSA id (from the advisory, or its URL), else the first CVE, else npm's advisory number.
public enum YarnAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "yarn audit JSON"

    /// True for JSON lines whose first object is a yarn classic audit line (`{"type": "audit…"`, or another type in
    /// a head that holds audit lines) or a yarn berry one (`{"value": …, "children": {"ID": …`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key else { return false }
            if json.bytes == "type" {
                guard try json.next() == .string else { return false }
                return json.bytes.hasPrefix("audit") || head.contains("{\"type\":\"audit")
            }
            guard json.bytes == "value", try json.next() == .string else { return false }
            guard try json.next() == .key, json.bytes == "children", try json.next() == .beginObject else {
                return false
            }
            return try json.next() == .key && json.bytes == "ID"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var findings: [Finding] = []
        try json.forEachStreamValue { () throws(InputError) in
            guard try json.next() == .beginObject else {
                throw InputError("not a yarn audit line: expected a JSON object", line: json.line, column: json.column)
            }
            var type: String?
            var classic: (advisory: NpmAdvisory, resolution: String?)?
            var berry: BerryEntry?
            var name: String?
            try json.forEachMember { key throws(InputError) in
                switch key {
                case "type": type = try VulnerabilityJSONReading.text(json, "type")
                case "data" where type == nil || type == "auditAdvisory": classic = try classicData(json)
                case "value": name = try VulnerabilityJSONReading.text(json, "value")
                case "children": berry = try BerryEntry.read(json)
                default: return
                }
            }
            if type == "auditAdvisory", let classic {
                findings += classic.advisory.findings(tool: "yarn", resolution: classic.resolution ?? "")
            } else if type == nil, let berry {
                findings.append(berry.finding(package: name))
            }
        }
        return .findings(FindingsReport(findings: FindingsView.collapsingRepeats(findings)))
    }

    /// The `data` of an `auditAdvisory` line: the advisory, and the path it was resolved for.
    private static func classicData(_ json: JSONTokenizer) throws(InputError) -> (NpmAdvisory, String?)? {
        var advisory: NpmAdvisory?
        var resolution: String?
        try json.forEachMember { key throws(InputError) in
            if key == "resolution" {
                try json.forEachMember { key throws(InputError) in
                    if key == "path" { resolution = try VulnerabilityJSONReading.text(json, "resolution.path") }
                }
            } else if key == "advisory" {
                advisory = try NpmAdvisory.read(json, resolution: resolution)
            }
        }
        return advisory.map { ($0, resolution) }
    }

    /// The `children` of a yarn berry line.
    private struct BerryEntry {
        var id: String?
        var issue: String?
        var url: String?
        var word: String?
        var versions: [String] = []

        static func read(_ json: JSONTokenizer) throws(InputError) -> BerryEntry {
            var entry = BerryEntry()
            try json.forEachMember { key throws(InputError) in
                switch key {
                case "ID":
                    let token = try json.next()
                    if token == .number || token == .string { entry.id = json.bytes.description }
                case "Issue": entry.issue = try VulnerabilityJSONReading.text(json, "Issue")
                case "URL": entry.url = try VulnerabilityJSONReading.text(json, "URL")
                case "Severity": entry.word = try VulnerabilityJSONReading.text(json, "Severity")
                case "Tree Versions": entry.versions = try VulnerabilityJSONReading.strings(json, "Tree Versions")
                default: return
                }
            }
            return entry
        }

        func finding(package name: String?) -> Finding {
            let deprecation = id?.hasSuffix("(deprecation)") == true
            let rule = VulnerabilityJSONReading.advisoryID(fromURL: url) ?? id
            return VulnerabilityJSONReading.finding(
                tool: "yarn", id: rule,
                severity: SeverityScale.severity(word: word, score: nil),
                package: name.map {
                    PackageReference(
                        name: $0, installed: versions.isEmpty ? nil : versions.joined(separator: ", "),
                        ecosystem: "npm")
                },
                message: issue, state: deprecation ? .informational : .open)
        }
    }
}
