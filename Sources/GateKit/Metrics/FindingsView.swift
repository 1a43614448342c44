/// How a waiver fared in a check.
public struct WaiverStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        /// In force, and it covered at least one finding.
        case active
        /// Past its expiry date: it no longer waives anything.
        case expired
        /// In force, but no finding matched it: probably fixed, or mistyped.
        case stale
    }

    public let waiver: Waiver
    public let state: State
    /// Findings it covers (or, expired, would cover).
    public let matched: Int
    /// In force, and expiring within ``FindingsView/expiryWarningDays`` days.
    public let expiringSoon: Bool
}

/// The findings of one category (lint or scan) as the metrics count them: deduplicated across tools and reports,
/// without those a tool did not count (suppressed, baseline-absent, informational), and without those an active
/// waiver covers.
///
/// Deduplication: two findings are the same when they name the same package and installed version and share an
/// id or alias (`CVE-2024-1234` from Trivy and `GHSA-…` with that CVE alias from Grype), or — without a package —
/// when they have the same fingerprint, or the same rule at the same path, line and column. The merged finding
/// keeps the most severe severity and level of the group (a gate should not pass because one scanner rated a
/// vulnerability lower) and names every tool that saw it, sorted, joined by ", ". Findings of one report are never
/// merged with each other: the tool counted them apart (semgrep's two results on one line, a CVE in two targets of
/// one Trivy scan), so each report's own count stands and only reports of several tools or runs are deduplicated.
public struct FindingsView: Sendable {
    /// A waiver expiring within this many days is warned about.
    public static let expiryWarningDays = 14

    public let open: [Finding]
    public let waived: [Finding]
    /// Findings the tools themselves said not to count.
    public let notCounted: [Finding]
    /// How many findings were read, counted or not.
    public let read: Int
    /// How many counted findings were dropped as the same as one of another report (``deduplicate(_:reports:)``).
    public let duplicates: Int
    public let waivers: [WaiverStatus]

    /// `reports[i]` is the report `findings[i]` came from: findings of one report are never merged (the tool
    /// counted them apart). Without it, every finding is its own report.
    public init(
        _ findings: [Finding] = [], reports: [Int]? = nil, waivers: [Waiver] = [], today: CalendarDate? = nil
    ) {
        let origins = reports ?? Array(findings.indices)
        let counting: [Finding]
        if findings.allSatisfy({ $0.state == .open }) {
            // The common case, kept without a copy: from one report, `open` below shares this array's storage.
            counting = Self.deduplicate(findings, reports: origins)
            notCounted = []
            duplicates = findings.count - counting.count
        } else {
            let counted = findings.indices.filter { findings[$0].state == .open }
            counting = Self.deduplicate(counted.map { findings[$0] }, reports: counted.map { origins[$0] })
            notCounted = findings.filter { $0.state != .open }
            duplicates = counted.count - counting.count
        }
        read = findings.count
        var matched = Array(repeating: 0, count: waivers.count)
        var isWaived: [Bool] = []
        if !waivers.isEmpty {
            isWaived = counting.map { finding in
                var covered = false
                for (index, waiver) in waivers.enumerated() where waiver.covers(finding) {
                    matched[index] += 1
                    if today.map({ waiver.expires >= $0 }) ?? true { covered = true }
                }
                return covered
            }
        }
        if isWaived.contains(true) {
            open = zip(counting, isWaived).filter { !$0.1 }.map(\.0)
            waived = zip(counting, isWaived).filter { $0.1 }.map(\.0)
        } else {
            open = counting
            waived = []
        }
        self.waivers = zip(waivers, matched).map { waiver, count in
            let expired = today.map { waiver.expires < $0 } ?? false
            let soon = today.map { !expired && waiver.expires <= $0.adding(days: Self.expiryWarningDays) } ?? false
            return WaiverStatus(
                waiver: waiver, state: expired ? .expired : (count == 0 ? .stale : .active), matched: count,
                expiringSoon: soon)
        }
    }

    /// `findings` of one report with repeats of the same finding merged, in first-seen order, the others kept as they
    /// are: for formats that list a finding once per dependency path or location (Snyk, yarn audit, CycloneDX) while
    /// the tool counts it once.
    public static func collapsingRepeats(_ findings: [Finding]) -> [Finding] {
        let open = findings.filter { $0.state == .open }
        let merged = deduplicate(open, reports: Array(open.indices))
        guard merged.count < open.count else { return findings }
        return merged + findings.filter { $0.state != .open }
    }

    /// One finding per group of findings that are the same (see the type's description), in first-seen order.
    static func deduplicate(_ findings: [Finding], reports: [Int]) -> [Finding] {
        guard let first = reports.first, reports.contains(where: { $0 != first }) else { return findings }
        // Every group a key names, oldest first: a finding joins the first of them that has no finding of its report.
        var groupsOfKey: [String: [Int]] = [:]
        var groups: [Finding] = []
        var groupReports: [Set<Int>] = []
        for (finding, report) in zip(findings, reports) {
            let keys = identities(of: finding)
            let candidates = keys.flatMap { groupsOfKey[$0] ?? [] }.sorted()
            if let group = candidates.first(where: { !groupReports[$0].contains(report) }) {
                groups[group] = merged(groups[group], finding)
                groupReports[group].insert(report)
                for key in identities(of: groups[group]) where !(groupsOfKey[key]?.contains(group) ?? false) {
                    groupsOfKey[key, default: []].append(group)
                }
            } else {
                groups.append(finding)
                groupReports.append([report])
                for key in keys { groupsOfKey[key, default: []].append(groups.count - 1) }
            }
        }
        return groups
    }

    /// The keys under which a finding is the same as another.
    private static func identities(of finding: Finding) -> [String] {
        if let package = finding.package {
            let ids = ([finding.rule].compactMap { $0 } + finding.aliases).map { $0.uppercased() }
            let version = package.installed ?? ""
            return ids.map { "\($0)\u{0}\(package.name.lowercased())\u{0}\(version)" }
        }
        var keys: [String] = []
        if let fingerprint = finding.fingerprint { keys.append("#\(finding.tool)\u{0}\(fingerprint)") }
        if let rule = finding.rule, let path = finding.path, let line = finding.line {
            keys.append("@\(rule)\u{0}\(path)\u{0}\(line)\u{0}\(finding.column ?? 0)")
        }
        return keys
    }

    private static func merged(_ first: Finding, _ second: Finding) -> Finding {
        var result = first
        let tools = Set((first.tool + "," + second.tool).split(separator: ",").map { String($0).trimmingSpaces })
        result.tool = tools.sorted().joined(separator: ", ")
        result.severity = min(first.severity, second.severity)
        result.level = min(first.level, second.level)
        result.cvssScore = [first.cvssScore, second.cvssScore].compactMap { $0 }.max()
        result.aliases = Array(
            Set(first.aliases + second.aliases + [second.rule].compactMap { $0 }).subtracting(
                [first.rule].compactMap { $0 })
        ).sorted()
        if result.package?.fixed == nil { result.package?.fixed = second.package?.fixed }
        return result
    }
}
