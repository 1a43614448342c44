/// Reads `cargo audit --json`: one finding per entry of `vulnerabilities.list` (an advisory for one locked crate
/// version), which is `vulnerabilities.count`, the number cargo-audit prints ("error: 4 vulnerabilities found!").
///
/// `warnings` (unmaintained, unsound, yanked crates, notices) are kept as informational findings: cargo-audit
/// prints them as warnings, not vulnerabilities, and does not fail on them by default. Severity: from the
/// advisory's `cvss` vector (``SeverityScale/baseScore(ofVector:)``); RustSec advisories without one are unknown
/// (level note). Level: critical/high → error, medium → warning, low/unknown → note. Rule: the RUSTSEC id;
/// aliases: the advisory's `aliases` (CVE-…, GHSA-…). Package: name, version, the `patched` version ranges,
/// ecosystem crates.io.
public enum CargoAuditReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "cargo-audit JSON"

    /// True for a JSON object whose first key is `database`, an object starting with `advisory-count` or
    /// `last-commit`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        VulnerabilityJSONReading.firstKey("database", in: head) { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key else { return false }
            return json.bytes == "advisory-count" || json.bytes == "last-commit" || json.bytes == "last-updated"
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginObject else {
            throw InputError("not a cargo-audit report: the JSON value is not an object", line: json.line, column: 1)
        }
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            if key == "vulnerabilities" {
                try json.forEachMember { key throws(InputError) in
                    guard key == "list", try VulnerabilityJSONReading.openArray(json, "vulnerabilities.list") else {
                        return
                    }
                    try json.forEachElement { () throws(InputError) in
                        findings.append(try entry(json, kind: nil))
                    }
                }
            } else if key == "warnings" {
                try json.forEachMember { kind throws(InputError) in
                    let kind = kind.description
                    guard try VulnerabilityJSONReading.openArray(json, "warnings.\(kind)") else { return }
                    try json.forEachElement { () throws(InputError) in
                        findings.append(try entry(json, kind: kind))
                    }
                }
            }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// A vulnerability, or (with the `kind` of its list) a warning.
    private static func entry(_ json: JSONTokenizer, kind: String?) throws(InputError) -> Finding {
        var id: String?
        var aliases: [String] = []
        var title: String?
        var score: Double?
        var package = PackageReference(name: "", ecosystem: "crates.io")
        var patched: [String] = []
        let (line, column) = (json.line, json.column)
        try json.forEachMember { key throws(InputError) in
            switch key {
            case "advisory":
                guard try json.next() == .beginObject else { return }
                try json.forEachMember { key throws(InputError) in
                    switch key {
                    case "id": id = try VulnerabilityJSONReading.text(json, "advisory.id")
                    case "aliases": aliases = try VulnerabilityJSONReading.strings(json, "advisory.aliases")
                    case "title": title = try VulnerabilityJSONReading.text(json, "advisory.title")
                    case "cvss":
                        score = try VulnerabilityJSONReading.text(json, "advisory.cvss").flatMap(
                            SeverityScale.baseScore(ofVector:))
                    default: return
                    }
                }
            case "versions":
                guard try json.next() == .beginObject else { return }
                try json.forEachMember { key throws(InputError) in
                    if key == "patched" { patched = try VulnerabilityJSONReading.strings(json, "versions.patched") }
                }
            case "package":
                try json.forEachMember { key throws(InputError) in
                    if key == "name" {
                        package.name = try VulnerabilityJSONReading.text(json, "package.name") ?? ""
                    } else if key == "version" {
                        package.installed = try VulnerabilityJSONReading.text(json, "package.version")
                    }
                }
            default: return
            }
        }
        guard !package.name.isEmpty, kind != nil || id != nil else {
            throw InputError("a vulnerability has no advisory id or package", line: line, column: column)
        }
        package.fixed = patched.isEmpty ? nil : patched.joined(separator: ", ")
        return VulnerabilityJSONReading.finding(
            tool: "cargo-audit", id: id ?? kind, aliases: aliases,
            severity: score.map(SeverityScale.severity(ofScore:)) ?? .unknown, cvssScore: score, package: package,
            message: title ?? kind.map { "\(package.name) is \($0)" },
            state: kind == nil ? .open : .informational)
    }
}
