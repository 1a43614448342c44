/// Reads OWASP Dependency-Check XML (`dependency-check --format XML`): `<analysis>` in the namespace of any schema
/// version (`dependency-check.1.x.xsd` to `4.x`), with or without a prefix.
///
/// One finding per (dependency, vulnerability): each `<vulnerability>` of a `<dependency>` is an open finding, each
/// `<suppressedVulnerability>` a suppressed one, so `vulns.total` equals the number of vulnerabilities the HTML
/// report lists (the format states no totals); the JSON report of the same run gives the same findings. Severity,
/// level, package and rule follow ``DependencyCheckVulnerability`` (the CVSS v2 score of old schemas, `<cvssScore>`,
/// counts as a v2 rating). Evidence, references, vulnerable software and related dependencies are skipped unread.
///
/// As for the JSON report, a report whose `<scanInfo><analysisExceptions>` lists an exception is refused: the scan
/// partially failed, so its vulnerabilities are not a complete result.
public enum DependencyCheckXMLReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "OWASP Dependency-Check XML"

    /// True for XML whose root is `<analysis>` in a Dependency-Check namespace.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "analysis" && head.contains("DependencyCheck/dependency-check.")
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        _ = try xml.next()  // The root element: the tokenizer reports nothing before it.
        guard xml.localName == "analysis" else {
            throw InputError(
                "not a Dependency-Check XML report: root element is <\(XMLSyntax.shown(xml.localName))>",
                line: xml.line)
        }
        var findings: [Finding] = []
        var hasDependencies = false
        try forEachChild(xml) { name throws(InputError) in
            if name == "scanInfo" {
                try readScanInfo(xml)
            } else if name == "dependencies" {
                hasDependencies = true
                try forEachChild(xml) { name throws(InputError) in
                    guard name == "dependency" else { return false }
                    findings += try readDependency(xml)
                    return true
                }
            } else {
                return false
            }
            return true
        }
        guard try xml.next() == .end else { throw InputError("unexpected content after </analysis>", line: xml.line) }
        guard hasDependencies else { throw InputError("not a Dependency-Check XML report: no <dependencies>") }
        return .findings(FindingsReport(findings: findings))
    }

    /// Throws when `<analysisExceptions>` lists a failure.
    private static func readScanInfo(_ xml: XMLTokenizer) throws(InputError) {
        try forEachChild(xml) { name throws(InputError) in
            guard name == "analysisExceptions" else { return false }
            let line = xml.line
            var count = 0
            var first: String?
            try forEachChild(xml) { name throws(InputError) in
                guard name == "exception" else { return false }
                count += 1
                try forEachChild(xml) { name throws(InputError) in
                    guard name == "message", first == nil else { return false }
                    first = try text(xml, "an exception message")
                    return true
                }
                return true
            }
            if count > 0 { throw DependencyCheckJSONReader.analysisFailed(count: count, first: first, line: line) }
            return true
        }
    }

    private static func readDependency(_ xml: XMLTokenizer) throws(InputError) -> [Finding] {
        let line = xml.line
        var dependency = DependencyCheckDependency()
        var vulnerabilities: [DependencyCheckVulnerability] = []
        try forEachChild(xml) { name throws(InputError) in
            if name == "fileName" {
                dependency.fileName = try text(xml, "a file name")
            } else if name == "filePath" {
                dependency.filePath = try text(xml, "a file path")
            } else if name == "identifiers" {
                try forEachChild(xml) { name throws(InputError) in
                    guard name == "package", dependency.packageURL == nil else { return false }
                    try forEachChild(xml) { name throws(InputError) in
                        guard name == "id" else { return false }
                        dependency.packageURL = try text(xml, "a package id")
                        return true
                    }
                    return true
                }
            } else if name == "vulnerabilities" {
                try forEachChild(xml) { name throws(InputError) in
                    guard name == "vulnerability" || name == "suppressedVulnerability" else { return false }
                    vulnerabilities.append(try readVulnerability(xml, suppressed: name == "suppressedVulnerability"))
                    return true
                }
            } else {
                return false
            }
            return true
        }
        var findings: [Finding] = []
        for vulnerability in vulnerabilities { findings.append(try vulnerability.finding(of: dependency, line: line)) }
        return findings
    }

    private static func readVulnerability(_ xml: XMLTokenizer, suppressed: Bool) throws(InputError)
        -> DependencyCheckVulnerability
    {
        var vulnerability = DependencyCheckVulnerability(suppressed: suppressed)
        try forEachChild(xml) { name throws(InputError) in
            if name == "name" {
                vulnerability.name = try text(xml, "a vulnerability name")
            } else if name == "severity" {
                vulnerability.severity = try text(xml, "a severity")
            } else if name == "description" {
                vulnerability.description = try text(xml, "a description")
            } else if name == "cvssScore" {
                vulnerability.cvss2.score = try score(xml)
            } else if name == "cvssV2" {
                vulnerability.cvss2 = try readRating(xml, score: "score", severity: "severity")
            } else if name == "cvssV3" {
                vulnerability.cvss3 = try readRating(xml, score: "baseScore", severity: "baseSeverity")
            } else if name == "cvssV4" {
                vulnerability.cvss4 = try readRating(xml, score: "baseScore", severity: "baseSeverity")
            } else {
                return false
            }
            return true
        }
        return vulnerability
    }

    private static func readRating(_ xml: XMLTokenizer, score scoreName: StaticString, severity: StaticString)
        throws(InputError) -> DependencyCheckRating
    {
        var rating = DependencyCheckRating()
        try forEachChild(xml) { name throws(InputError) in
            if name == scoreName {
                rating.score = try score(xml)
            } else if name == severity {
                rating.severity = try text(xml, "a severity")
            } else {
                return false
            }
            return true
        }
        return rating
    }

    /// A CVSS score between 0 and 10; nil when the element is empty.
    private static func score(_ xml: XMLTokenizer) throws(InputError) -> Double? {
        let line = xml.line
        let written = try text(xml, "a CVSS score")
        guard !written.isEmpty else { return nil }
        guard let score = Double(written), (0...10).contains(score) else {
            throw InputError(
                "a CVSS score must be a number between 0 and 10, not \"\(written.prefix(40))\"", line: line)
        }
        return score
    }

    // MARK: - Elements

    /// Calls `body` with the local name of each child element of the element just started, up to its end; `body`
    /// consumes the child and returns true, or returns false to have it skipped.
    private static func forEachChild(_ xml: XMLTokenizer, _ body: (ByteSpan) throws(InputError) -> Bool)
        throws(InputError)
    {
        while true {
            switch try xml.next() {
            case .startElement:
                if try !body(xml.localName) { try xml.skipElement() }
            case .text:
                continue
            case .endElement, .end:
                return
            }
        }
    }

    /// The text of the element just started (child elements skipped), trimmed; consumes the element. At most the
    /// first 64 KiB are kept.
    private static func text(_ xml: XMLTokenizer, _ what: String) throws(InputError) -> String {
        let limit = 64 * 1024
        var bytes: [UInt8] = []
        while true {
            switch try xml.next() {
            case .text:
                let text = xml.text
                let kept = min(text.count, limit - bytes.count)
                if kept > 0 { bytes += UnsafeBufferPointer(start: text.base, count: kept) }
            case .startElement:
                try xml.skipElement()
            case .endElement, .end:
                if bytes.count == limit {
                    // Do not leave a character cut in two at the limit.
                    while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
                    if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
                }
                guard let string = String(validating: bytes, as: UTF8.self) else {
                    throw InputError("\(what) is not valid UTF-8", line: xml.line)
                }
                return string.trimmingWhitespace
            }
        }
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks).
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
