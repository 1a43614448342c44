/// Reads Code Climate issues JSON as GitLab Code Quality takes it (`gl-code-quality-report.json`): ruff
/// `--output-format gitlab`, Trivy's `gitlab-codequality.tpl`, ESLint/Stylelint/RuboCop/SwiftLint Code Climate
/// formatters and the Code Climate engines.
///
/// A JSON array of issues; one finding per issue (entries whose `type` is given and is not `issue`, such as
/// Code Climate's `measurement`, are skipped): the count is the number of issues, ruff's "Found N errors". The rule is
/// `check_name`, the message the first line of `description`, the location `location.path` with
/// `location.lines.begin` or `location.positions.begin.line`/`column` (0 is none), the fingerprint `fingerprint`,
/// the tool `engine_name` when given, else `codeclimate`.
///
/// Level from `severity`: `blocker`, `critical`, `major` → error; `minor` → warning; `info` → note; missing or
/// empty → warning. Severity (scan) from the same word (``SeverityScale/severity(ofWord:)``): blocker and critical
/// → critical, major → high, minor and info → low; missing → unknown.
///
/// Trivy writes each vulnerability as `ID - package - installed version - title` under the check `container_scanning`:
/// such a description (its first part a vulnerability id: CVE-, GHSA-…) gives the rule, the package and the kind
/// dependency; other issues are of kind code.
public enum CodeClimateReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "Code Climate / GitLab Code Quality JSON"

    /// True for a JSON array whose first element is an object with `check_name` and two more keys of an issue
    /// (`type`, `description`, `severity`, `fingerprint`, `location`, `categories`).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginArray, try json.next() == .beginObject else { return false }
            var hasCheckName = false
            var others = 0
            while try json.next() == .key {
                let key = json.bytes
                if key == "check_name" {
                    hasCheckName = true
                } else if key == "type" || key == "description" || key == "severity" || key == "fingerprint"
                    || key == "location" || key == "categories"
                {
                    others += 1
                }
                if hasCheckName && others >= 2 { return true }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        guard try json.next() == .beginArray else {
            throw InputError(
                "not a Code Climate report: the JSON value is not an array of issues", line: json.line,
                column: json.column)
        }
        var findings: [Finding] = []
        try json.forEachElement { () throws(InputError) in
            if let finding = try readIssue(json) { findings.append(finding) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    private static func readIssue(_ json: JSONTokenizer) throws(InputError) -> Finding? {
        var finding = Finding(tool: "codeclimate", level: .warning, kind: .code, message: "")
        var isIssue = true
        var description: String?
        try json.forEachMember { key throws(InputError) in
            if key == "type" {
                isIssue = try json.readString().lowercased() == "issue"
            } else if key == "check_name" {
                finding.rule = try json.readString()
            } else if key == "description" {
                guard try json.next() == .string else {
                    throw InputError("description must be a string", line: json.line, column: json.column)
                }
                description = json.bytes.description
                finding.message = SARIFResult.firstLine(json.bytes)
            } else if key == "severity" {
                let word = try json.readString()
                (finding.level, finding.severity) = levelAndSeverity(word)
            } else if key == "fingerprint" {
                finding.fingerprint = try json.readString()
            } else if key == "engine_name" {
                finding.tool = try json.readString()
            } else if key == "location" {
                try readLocation(json, into: &finding)
            }
        }
        guard isIssue else { return nil }
        if let description, let (id, package) = vulnerability(description) {
            finding.rule = id
            finding.package = package
            finding.kind = .dependency
        }
        return finding
    }

    /// The level and severity of a Code Climate severity word.
    static func levelAndSeverity(_ word: String) -> (FindingLevel, Severity) {
        let severity = SeverityScale.severity(ofWord: word) ?? .unknown
        switch word.trimmingSpaces.lowercased() {
        case "blocker", "critical", "major": return (.error, severity)
        case "info": return (.note, severity)
        default: return (.warning, severity)
        }
    }

    private static func readLocation(_ json: JSONTokenizer, into finding: inout Finding) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            if key == "path" {
                finding.path = try json.readString()
            } else if key == "lines" {
                try json.forEachMember { key throws(InputError) in
                    if key == "begin" { finding.line = try SARIFResult.position(json, "location.lines.begin") }
                }
            } else if key == "positions" {
                try json.forEachMember { key throws(InputError) in
                    guard key == "begin" else { return }
                    try json.forEachMember { key throws(InputError) in
                        if key == "line" {
                            finding.line = try SARIFResult.position(json, "location.positions.begin.line")
                        } else if key == "column" {
                            finding.column = try SARIFResult.position(json, "location.positions.begin.column")
                        }
                    }
                }
            }
        }
    }

    /// Trivy's `CVE-2019-1549 - libcrypto1.1 - 1.1.1c-r0 - title`: the id and the package.
    static func vulnerability(_ description: String) -> (String, PackageReference)? {
        let parts = description.split(separator: " - ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, SARIFFacts.isVulnerabilityID(parts[0]), !parts[1].isEmpty else { return nil }
        return (parts[0], PackageReference(name: parts[1], installed: parts[2].isEmpty ? nil : parts[2]))
    }
}
