/// Reads pip-audit's JSON (`pip-audit -f json`): the current layout `{"dependencies": [...], "fixes": [...]}` and
/// the legacy top-level list of dependencies (pip-audit before 2.0).
///
/// One finding per entry of a dependency's `vulns` (a vulnerability of one installed package), as pip-audit's
/// "Found 7 known vulnerabilities in 4 packages" counts them; dependencies it skipped (`skip_reason`) are not
/// findings. pip-audit writes no severity (and its aliases are only other ids), so every finding's severity is
/// unknown and its level note: a gate on `vulns.total` (or on specific ids) works, one on `vulns.critical` cannot
/// see pip-audit's findings; the same vulnerability from a scanner with severities (OSV-Scanner, Trivy, Grype)
/// merges with it by id or alias and brings its severity. Rule: the `id` (PYSEC-…, GHSA-…), aliases its
/// `aliases`; package: name, version, the `fix_versions` joined, ecosystem pypi.
public enum PipAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "pip-audit JSON"

    /// True for a JSON object whose first key is `dependencies`, or a JSON array, whose first dependency has
    /// `vulns` or `skip_reason` after its `name` and `version` (or an empty `dependencies` followed by `fixes`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            var token = try json.next()
            if token == .beginObject {
                guard try json.next() == .key, json.bytes == "dependencies", try json.next() == .beginArray else {
                    return false
                }
                token = try json.next()
                if token == .endArray { return try json.next() == .key && json.bytes == "fixes" }
            } else if token == .beginArray {
                token = try json.next()
            }
            guard token == .beginObject else { return false }
            return try VulnerabilityJSONReading.findKey(json, skipping: ["name", "version"]) { key in
                key == "vulns" || key == "skip_reason"
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var findings: [Finding] = []
        let readDependencies = { () throws(InputError) in
            try json.forEachElement { () throws(InputError) in try dependency(json, into: &findings) }
        }
        switch try json.next() {
        case .beginArray:
            try readDependencies()
        case .beginObject:
            try json.forEachMember { key throws(InputError) in
                if key == "dependencies", try VulnerabilityJSONReading.openArray(json, "dependencies") {
                    try readDependencies()
                }
            }
        default:
            throw InputError(
                "not a pip-audit report: the JSON value is neither an object nor an array", line: json.line, column: 1)
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    private static func dependency(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        var name: String?
        var version: String?
        let first = findings.count
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "name": name = try VulnerabilityJSONReading.text(json, "name")
            case "version": version = try VulnerabilityJSONReading.text(json, "version")
            case "vulns":
                guard try VulnerabilityJSONReading.openArray(json, "vulns") else { return }
                try json.forEachElement { () throws(InputError) in findings.append(try vulnerability(json)) }
            default: return
            }
        }
        guard let name else { throw InputError("a dependency has no name", line: line, column: column) }
        for index in first..<findings.count {
            findings[index].package?.name = name
            findings[index].package?.installed = version
        }
    }

    private static func vulnerability(_ json: JSONTokenizer) throws(InputError) -> Finding {
        var id: String?
        var aliases: [String] = []
        var fixes: [String] = []
        var description: String?
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "id": id = try VulnerabilityJSONReading.text(json, "vulns.id")
            case "aliases": aliases = try VulnerabilityJSONReading.strings(json, "vulns.aliases")
            case "fix_versions": fixes = try VulnerabilityJSONReading.strings(json, "vulns.fix_versions")
            case "description": description = try VulnerabilityJSONReading.text(json, "vulns.description")
            default: return
            }
        }
        guard let id else { throw InputError("a vulnerability has no id", line: line, column: column) }
        return VulnerabilityJSONReading.finding(
            tool: "pip-audit", id: id, aliases: aliases, severity: .unknown,
            package: PackageReference(
                name: "", fixed: fixes.isEmpty ? nil : fixes.joined(separator: ", "), ecosystem: "pypi"),
            message: description)
    }
}
