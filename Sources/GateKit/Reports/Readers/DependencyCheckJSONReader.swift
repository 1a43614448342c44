/// Reads OWASP Dependency-Check JSON (`dependency-check --format JSON`, report schema 1.x, releases 5 to 12).
///
/// One finding per (dependency, vulnerability): every `dependencies[].vulnerabilities[]` entry is an open finding,
/// every `suppressedVulnerabilities[]` entry a suppressed one, so `vulns.total` equals the number of vulnerabilities
/// the HTML report lists (the format states no totals). Severity, level, package and rule follow
/// ``DependencyCheckVulnerability``. Evidence, references and vulnerable software lists are skipped unread.
///
/// A scan that failed is not a clean result: when `scanInfo.analysisExceptions` lists an exception (an analyzer
/// could not run, e.g. the Node Audit API refused the payload), the report is refused with an error that quotes
/// the first exception, since the vulnerabilities it lists — often none — are not the whole truth.
public enum DependencyCheckJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP Dependency-Check JSON"

    /// True for a JSON object with the `reportSchema` and `scanInfo` members every Dependency-Check report starts with.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            var seenSchema = false
            while try json.next() == .key {
                if json.bytes == "scanInfo" { return seenSchema }
                seenSchema = seenSchema || json.bytes == "reportSchema"
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a Dependency-Check JSON report")
        var findings: [Finding] = []
        var hasDependencies = false
        try json.forEachMember { key throws(InputError) in
            if key == "scanInfo" {
                try readScanInfo(json)
            } else if key == "dependencies" {
                hasDependencies = true
                try json.forEachElement { () throws(InputError) in findings += try readDependency(json) }
            }
        }
        try json.expectEnd()
        guard hasDependencies else { throw InputError("not a Dependency-Check JSON report: no dependencies") }
        return .findings(FindingsReport(findings: findings))
    }

    /// Throws when `analysisExceptions` lists a failure.
    private static func readScanInfo(_ json: JSONTokenizer) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            guard key == "analysisExceptions" else { return }
            let line = json.line
            var count = 0
            var first: String?
            try json.forEachElement { () throws(InputError) in
                count += 1
                try json.forEachMember { key throws(InputError) in
                    guard key == "exception", first == nil else { return }
                    try json.forEachMember { key throws(InputError) in
                        if key == "message" { first = try json.readString() }
                    }
                }
            }
            guard count > 0 else { return }
            throw analysisFailed(count: count, first: first, line: line)
        }
    }

    /// The error for a report whose analysis failed (shared with the XML reader).
    static func analysisFailed(count: Int, first: String?, line: Int) -> InputError {
        let plural = count == 1 ? "exception" : "exceptions"
        return InputError(
            "Dependency-Check reports \(count) analysis \(plural): the scan partially failed, so its vulnerabilities "
                + "are not a complete result" + (first.map { " (\($0))" } ?? ""), line: line)
    }

    private static func readDependency(_ json: JSONTokenizer) throws(InputError) -> [Finding] {
        let line = json.line
        var dependency = DependencyCheckDependency()
        var vulnerabilities: [DependencyCheckVulnerability] = []
        try json.forEachMember { key throws(InputError) in
            if key == "fileName" {
                dependency.fileName = try json.readString()
            } else if key == "filePath" {
                dependency.filePath = try json.readString()
            } else if key == "packages" {
                try json.forEachElement { () throws(InputError) in
                    try json.forEachMember { key throws(InputError) in
                        guard key == "id", dependency.packageURL == nil else { return }
                        dependency.packageURL = try json.readString()
                    }
                }
            } else if key == "vulnerabilities" || key == "suppressedVulnerabilities" {
                let suppressed = key == "suppressedVulnerabilities"
                try json.forEachElement { () throws(InputError) in
                    vulnerabilities.append(try readVulnerability(json, suppressed: suppressed))
                }
            }
        }
        var findings: [Finding] = []
        for vulnerability in vulnerabilities { findings.append(try vulnerability.finding(of: dependency, line: line)) }
        return findings
    }

    private static func readVulnerability(_ json: JSONTokenizer, suppressed: Bool) throws(InputError)
        -> DependencyCheckVulnerability
    {
        var vulnerability = DependencyCheckVulnerability(suppressed: suppressed)
        try json.forEachMember { key throws(InputError) in
            if key == "name" {
                vulnerability.name = try json.readString()
            } else if key == "severity" {
                vulnerability.severity = try json.readString()
            } else if key == "description" {
                vulnerability.description = try json.readString()
            } else if key == "cvssv2" {
                vulnerability.cvss2 = try readRating(json, score: "score", severity: "severity")
            } else if key == "cvssv3" {
                vulnerability.cvss3 = try readRating(json, score: "baseScore", severity: "baseSeverity")
            } else if key == "cvssv4" {
                vulnerability.cvss4 = try readRating(json, score: "baseScore", severity: "baseSeverity")
            }
        }
        return vulnerability
    }

    private static func readRating(_ json: JSONTokenizer, score: StaticString, severity: StaticString)
        throws(InputError) -> DependencyCheckRating
    {
        var rating = DependencyCheckRating()
        try json.forEachMember { key throws(InputError) in
            if key == score {
                rating.score = try readScore(json)
            } else if key == severity {
                rating.severity = try json.readString()
            }
        }
        return rating
    }

    /// A CVSS score between 0 and 10.
    private static func readScore(_ json: JSONTokenizer) throws(InputError) -> Double {
        let score = try json.readDouble()
        guard (0...10).contains(score) else {
            throw InputError(
                "a CVSS score must be between 0 and 10, not \(score)", line: json.line, column: json.column)
        }
        return score
    }
}
