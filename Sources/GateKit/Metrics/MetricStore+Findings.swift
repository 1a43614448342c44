extension MetricStore {
    /// `lint.*`: open findings of the selected tools, rules and paths at the metric's level.
    func measureLint(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let level = Self.level(of: metric)
        let selected = lint.open.filter { level == nil || $0.level == level }.filter { Self.selects(selector, $0) }
        let noun = level.map { "\($0.rawValue)s" } ?? "findings"
        let basis =
            "\(NumberFormatting.count(selected.count)) \(noun) in \(NumberFormatting.count(lintReportCount)) "
            + (lintReportCount == 1 ? "report" : "reports") + Self.waivedNote(lint, selector)
        let offenders = selected.prefix(10).map { finding in
            let rule = finding.rule.map { " [\($0)]" } ?? ""
            return "\(Self.location(of: finding)): \(finding.level.rawValue): \(finding.message)\(rule)"
        }
        var measurement = Measurement(value: Double(selected.count), basis: basis, offenders: Array(offenders))
        measurement.findings = Array(selected.prefix(10))
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
                    value: Double(waived.count), basis: "\(NumberFormatting.count(waived.count)) findings waived",
                    offenders: waived.prefix(10).map(Self.describe)))
        }
        let severity = Severity(rawValue: String(name))
        let selected = scan.open.filter { severity == nil || $0.severity == severity }.filter {
            Self.selects(selector, $0)
        }
        .sorted { ($0.severity, -($0.cvssScore ?? 0)) < ($1.severity, -($1.cvssScore ?? 0)) }
        let counts = Severity.allCases.map { level in
            (level, scan.open.filter { $0.severity == level && Self.selects(selector, $0) }.count)
        }
        .filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        let basis =
            (counts.isEmpty ? "no open findings" : counts.joined(separator: ", "))
            + " in \(NumberFormatting.count(scanReportCount)) \(scanReportCount == 1 ? "report" : "reports")"
            + Self.waivedNote(scan, selector)
        var measurement = Measurement(
            value: Double(selected.count), basis: basis, offenders: selected.prefix(10).map(Self.describe))
        measurement.findings = Array(selected.prefix(10))
        return .measured(measurement)
    }

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
