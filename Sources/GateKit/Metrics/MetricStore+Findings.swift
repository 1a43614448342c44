extension MetricStore {
    /// `lint.*`: open findings of the selected tools, rules and paths at the metric's level.
    func measureLint(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let level = Self.level(of: metric)
        var count = 0
        var first: [Finding] = []
        for finding in lint.open where (level == nil || finding.level == level) && Self.selects(selector, finding) {
            count += 1
            if first.count < Self.offenderCount { first.append(finding) }
        }
        let noun = level.map { "\($0.rawValue)s" } ?? "findings"
        let basis =
            "\(RecordCount(noun, count).text) in \(RecordCount("reports", lintReportCount).text)"
            + Self.waivedNote(lint, selector)
        let offenders = first.map { finding in
            let rule = finding.rule.map { " [\($0)]" } ?? ""
            return "\(Self.location(of: finding)): \(finding.level.rawValue): \(finding.message)\(rule)"
        }
        var measurement = Measurement(value: Double(count), basis: basis, offenders: offenders)
        measurement.findings = first
        return .measured(measurement)
    }

    /// The level a `lint.*` metric counts; nil for `lint.total`.
    static func level(of metric: MetricDefinition) -> FindingLevel? {
        switch metric.name {
        case "lint.errors": return .error
        case "lint.warnings": return .warning
        case "lint.notes": return .note
        default: return nil
        }
    }

    /// `vulns.*`: open security findings of the selected tools, kinds, ids, packages and paths, by severity.
    func measureScan(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let name = metric.name.dropFirst("vulns.".count)
        if name == "waived" {
            let waived = scan.waived.filter { Self.selects(selector, $0) }
            return .measured(
                Measurement(
                    value: Double(waived.count), basis: "\(RecordCount("findings", waived.count).text) waived",
                    offenders: waived.prefix(Self.offenderCount).map(Self.describe)))
        }
        let severity = Severity(rawValue: String(name))
        var count = 0
        var bySeverity = Array(repeating: 0, count: Severity.allCases.count)
        var worst = WorstFindings(limit: Self.offenderCount)
        for finding in scan.open where Self.selects(selector, finding) {
            bySeverity[Severity.allCases.firstIndex(of: finding.severity) ?? 0] += 1
            guard severity == nil || finding.severity == severity else { continue }
            count += 1
            worst.consider(finding)
        }
        let counts = zip(Severity.allCases, bySeverity).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        let basis =
            (counts.isEmpty ? "no open findings" : counts.joined(separator: ", "))
            + " in \(NumberFormatting.count(scanReportCount)) \(scanReportCount == 1 ? "report" : "reports")"
            + Self.waivedNote(scan, selector)
        var measurement = Measurement(value: Double(count), basis: basis, offenders: worst.findings.map(Self.describe))
        measurement.findings = worst.findings
        return .measured(measurement)
    }

    /// How many findings a measurement names (the worst, or the first).
    static let offenderCount = 10

    /// Whether every term selects the finding; `tool` selects a finding any of whose tools it names.
    static func selects(_ selector: [SelectorTerm], _ finding: Finding) -> Bool {
        selector.allSatisfy { term in
            switch term.key {
            case "tool":
                let tools = finding.tool.split(separator: ",").map { String($0).trimmingSpaces }
                return term.match == .notEquals
                    ? tools.allSatisfy { term.selects($0) } : tools.contains { term.selects($0) }
            case "rule": return term.selects(finding.rule)
            case "kind": return term.selects(finding.kind?.rawValue)
            case "package": return term.selects(finding.package?.name)
            case "id":
                let ids = [finding.rule].compactMap { $0 } + finding.aliases
                return term.match == .notEquals
                    ? ids.allSatisfy { term.selects($0) } : ids.contains { term.selects($0) }
            default: return term.selects(finding.path)
            }
        }
    }

    /// `CVE-2024-1234 (critical, CVSS 9.8) in lodash 4.17.20, fixed in 4.17.21 — trivy, grype`.
    static func describe(_ finding: Finding) -> String {
        var text = finding.rule ?? "finding"
        text +=
            " (\(finding.severity.rawValue)"
            + (finding.cvssScore.map { ", CVSS \(NumberFormatting.decimal($0, decimals: 1))" } ?? "") + ")"
        if let package = finding.package {
            text += " in \(package.name)" + (package.installed.map { " \($0)" } ?? "")
            if let fixed = package.fixed { text += ", fixed in \(fixed)" }
        } else {
            text += " at \(location(of: finding))"
        }
        return text + " — \(finding.tool)"
    }

    static func location(of finding: Finding) -> String {
        let location = [finding.path, finding.line.map(String.init), finding.column.map(String.init)].compactMap { $0 }
        return location.isEmpty ? finding.tool : location.joined(separator: ":")
    }

    private static func waivedNote(_ view: FindingsView, _ selector: [SelectorTerm]) -> String {
        let waived = view.waived.count { selects(selector, $0) }
        return waived == 0 ? "" : "; \(NumberFormatting.count(waived)) waived"
    }
}

/// The most severe findings seen so far, at most `limit` of them, most severe first (then highest CVSS score, then
/// first seen): the worst offenders of a scan without sorting, or copying, every finding.
struct WorstFindings {
    let limit: Int
    private(set) var findings: [Finding] = []

    init(limit: Int) { self.limit = limit }

    mutating func consider(_ finding: Finding) {
        guard limit > 0 else { return }
        if findings.count == limit, let last = findings.last, !Self.precedes(finding, last) { return }
        let position = findings.firstIndex { Self.precedes(finding, $0) } ?? findings.count
        findings.insert(finding, at: position)
        if findings.count > limit { findings.removeLast() }
    }

    private static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool { lhs.severityOrder < rhs.severityOrder }
}

extension Finding {
    /// Sorts security findings most severe first: by severity, then by CVSS score, highest first.
    var severityOrder: (Severity, Double) { (severity, -(cvssScore ?? 0)) }
}
