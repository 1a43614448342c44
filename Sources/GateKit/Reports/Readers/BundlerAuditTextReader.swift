/// Reads the text bundler-audit prints (`bundle-audit check`, 0.7 and later, with or without `--verbose` and
/// `--update`): one block per advisory, `Insecure Source URI found: …` lines, and the closing line.
///
/// ```text
/// Name: rack
/// Version: 1.6.13
/// CVE: CVE-2020-8161
/// GHSA: GHSA-5f9h-9pjv-v6j7
/// Criticality: Unknown
/// URL: https://groups.google.com/forum/#!topic/ruby-security-ann/T4ZIsfRf2eA
/// Title: Directory traversal in Rack::Directory app bundled with Rack
/// Solution: upgrade to ~> 2.1.3, >= 2.2.0
///
/// Vulnerabilities found!
/// ```
///
/// - One finding per block (from `Name:` to `Solution:`), so `vulns.total` equals the number of advisories printed;
///   the rule is the CVE (else the GHSA, else the `Advisory:` id of 0.6), with the GHSA as alias; the package is
///   `Name`/`Version` (ecosystem `rubygems`), fixed by the versions after `Solution: upgrade to` (without the quotes of 0.9.1); the message is the
///   `Title` (with `--verbose`, the first line of the description). An insecure source is a config finding at level
///   warning, as in ``BundlerAuditReader``.
/// - Severity: `Criticality` — `Critical`, `High`, `Medium`, `Low`; `None` (CVSS v3 0.0) → low; `Unknown` (no
///   CVSS in the advisory) → unknown. Level from severity: critical/high → error, medium → warning, low/unknown →
///   note. The JSON report of the same run gives the same findings.
/// - The report must end with `Vulnerabilities found!` or `No vulnerabilities found` (checked against the blocks);
///   a report without it was cut short and is refused. Lines before the first block (the output of `--update`)
///   are ignored.
public enum BundlerAuditTextReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let displayName = "bundler-audit text"

    /// True for text with a `Name:` line, then a `Version:` line, then a `CVE:`, `GHSA:`, `Advisory:` or
    /// `Criticality:` line (the start of every advisory block), an `Insecure Source URI found:` line, or a short
    /// output ending in `No vulnerabilities found` after the ruby-advisory-db update (or alone).
    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        let lines = head.lines(limit: 400)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("Insecure Source URI found: ") { return true }
            guard line.hasPrefix("Name: "), index + 2 < lines.count, lines[index + 1].hasPrefix("Version: ") else {
                continue
            }
            let third = lines[index + 2]
            return third.hasPrefix("CVE: ") || third.hasPrefix("GHSA: ") || third.hasPrefix("Advisory: ")
                || third.hasPrefix("Criticality: ")
        }
        let filled = lines.filter { !$0.trimmed().isEmpty }
        guard head.bytes.count < ContentHead.size, let last = filled.last, last.trimmed() == "No vulnerabilities found"
        else { return false }
        return filled.count == 1 || filled.contains { $0.hasPrefix("Updating ruby-advisory-db") }
    }

    /// An advisory block being read.
    private struct Block {
        var line: Int
        var name: String
        var version: String?
        var cve: String?
        var ghsa: String?
        var advisory: String?
        var criticality: String?
        var title: String?
        var description: String?
        var inDescription = false
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var findings: [Finding] = []
        var block: Block?
        var closing: Bool?
        while let raw = try scanner.nextLine() {
            let number = scanner.lineNumber
            let line = raw.trimmed()
            if line == "Vulnerabilities found!" || line == "No vulnerabilities found" {
                if let block {
                    throw InputError("the advisory of \(block.name) has no Solution line", line: block.line)
                }
                closing = line == "Vulnerabilities found!"
                continue
            }
            guard closing == nil else {
                guard line.isEmpty else {
                    throw InputError("unexpected text after the closing line of the report", line: number)
                }
                continue
            }
            if line.hasPrefix("Insecure Source URI found: ") {
                findings.append(
                    BundlerAuditReader.insecureSource(try value(line, after: "Insecure Source URI found: ", number)))
            } else if line.hasPrefix("Name: ") {
                if let block {
                    throw InputError("the advisory of \(block.name) has no Solution line", line: block.line)
                }
                block = Block(line: number, name: try value(line, after: "Name: ", number))
            } else if var current = block {
                if line.hasPrefix("Solution: ") {
                    findings.append(try finding(current, solution: try value(line, after: "Solution: ", number)))
                    block = nil
                    continue
                }
                try record(line, into: &current, number)
                block = current
            }
        }
        if let block {
            throw InputError(
                "the report is cut short: the advisory of \(block.name) has no Solution line", line: block.line)
        }
        guard let closing else {
            throw InputError(
                "the report is cut short: it does not end with \"Vulnerabilities found!\" or \"No vulnerabilities "
                    + "found\"", line: scanner.lineNumber)
        }
        guard closing == !findings.isEmpty else {
            throw InputError(
                closing
                    ? "the report says \"Vulnerabilities found!\" but lists none"
                    : "the report says \"No vulnerabilities found\" but lists \(findings.count)",
                line: scanner.lineNumber)
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// Records a field line of an advisory block (other lines — URL, wrapped description — change nothing).
    private static func record(_ line: ByteSpan, into block: inout Block, _ number: Int) throws(InputError) {
        if line.hasPrefix("Version: ") {
            block.version = try value(line, after: "Version: ", number)
        } else if line.hasPrefix("CVE: ") {
            block.cve = try value(line, after: "CVE: ", number)
        } else if line.hasPrefix("GHSA: ") {
            block.ghsa = try value(line, after: "GHSA: ", number)
        } else if line.hasPrefix("Advisory: ") {
            block.advisory = try value(line, after: "Advisory: ", number)
        } else if line.hasPrefix("Criticality: ") {
            block.criticality = try value(line, after: "Criticality: ", number)
        } else if line.hasPrefix("Title: ") {
            block.title = try value(line, after: "Title: ", number)
        } else if line == "Description:" {
            block.inDescription = true
        } else if block.inDescription, block.description == nil, !line.isEmpty {
            block.description = try line.string("the description")
        }
    }

    private static func finding(_ block: Block, solution: String) throws(InputError) -> Finding {
        guard let version = block.version else {
            throw InputError("the advisory of \(block.name) has no Version line", line: block.line)
        }
        guard let id = block.cve ?? block.ghsa ?? block.advisory else {
            throw InputError("the advisory of \(block.name) names no CVE, GHSA or advisory id", line: block.line)
        }
        let severity = BundlerAuditReader.severity(criticality: block.criticality, score: nil)
        // 0.9.1 and later quote each requirement: `upgrade to '~> 2.1.4, >= 2.1.4.3', '>= 2.2.6.3'`.
        let fixed =
            solution.hasPrefix("upgrade to ")
            ? String(solution.dropFirst("upgrade to ".count).filter { $0 != "'" }) : nil
        return Finding(
            tool: BundlerAuditReader.tool, rule: id,
            aliases: [block.cve, block.ghsa, block.advisory].compactMap { $0 }.filter { $0 != id },
            level: severity.vulnerabilityLevel, severity: severity, kind: .dependency,
            package: PackageReference(name: block.name, installed: version, fixed: fixed, ecosystem: "rubygems"),
            message: block.title ?? block.description ?? id)
    }

    /// The text after `prefix` on `line`, which must be valid UTF-8.
    private static func value(_ line: ByteSpan, after prefix: StaticString, _ number: Int) throws(InputError)
        -> String
    {
        guard let text = line.dropFirst(prefix.utf8CodeUnitCount).trimmed().string() else {
            throw InputError("the line is not valid UTF-8", line: number)
        }
        return text
    }
}
