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
    /// How many counted findings were dropped as the same as one of another report (``FindingGroups``).
    public let duplicates: Int
    public let waivers: [WaiverStatus]

    /// The findings of `reports`, one list per report read: findings of one report are never merged (the tool
    /// counted them apart). From one report whose findings all count, ``open`` is that very list, not a copy.
    public init(reports: [[Finding]], waivers: [Waiver] = [], today: CalendarDate? = nil) {
        let nonEmpty = reports.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 {
            let only = nonEmpty.first ?? []
            let allCount = only.allSatisfy { $0.state == .open }
            self.init(
                counting: allCount ? only : only.filter { $0.state == .open },
                notCounted: allCount ? [] : only.filter { $0.state != .open }, read: only.count, duplicates: 0,
                waivers: waivers, today: today)
        } else {
            let pairs = reports.enumerated().lazy.flatMap { report, findings in findings.lazy.map { ($0, report) } }
            self.init(grouping: pairs, read: reports.reduce(0) { $0 + $1.count }, waivers: waivers, today: today)
        }
    }

    /// `reports[i]` is the report `findings[i]` came from; without it, every finding is its own report.
    public init(
        _ findings: [Finding] = [], reports: [Int]? = nil, waivers: [Waiver] = [], today: CalendarDate? = nil
    ) {
        self.init(
            grouping: zip(findings, reports ?? Array(findings.indices)), read: findings.count, waivers: waivers,
            today: today)
    }

    private init(
        grouping pairs: some Sequence<(Finding, Int)>, read: Int, waivers: [Waiver], today: CalendarDate?
    ) {
        var groups = FindingGroups()
        var notCounted: [Finding] = []
        var counted = 0
        for (finding, report) in pairs {
            if finding.state == .open {
                groups.add(finding, from: report)
                counted += 1
            } else {
                notCounted.append(finding)
            }
        }
        self.init(
            counting: groups.groups, notCounted: notCounted, read: read, duplicates: counted - groups.groups.count,
            waivers: waivers, today: today)
    }

    private init(
        counting: [Finding], notCounted: [Finding], read: Int, duplicates: Int, waivers: [Waiver],
        today: CalendarDate?
    ) {
        self.notCounted = notCounted
        self.read = read
        self.duplicates = duplicates
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
        var groups = FindingGroups()
        var open = 0
        for (index, finding) in findings.enumerated() where finding.state == .open {
            groups.add(finding, from: index)
            open += 1
        }
        guard groups.groups.count < open else { return findings }
        return groups.groups + findings.filter { $0.state != .open }
    }
}
