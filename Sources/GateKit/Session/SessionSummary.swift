/// What `protocol summary` shows of one session, read from the session log alone: the latest check's gate table,
/// each value's trend against the session's first check and the previous session's latest check, the attestations,
/// the waivers in force, the report digests and whether the session may close.
public struct SessionSummary: Sendable {
    public let session: SessionRecord
    /// The session's latest check; nil when it has none (then there is nothing to summarise).
    public let latest: LoggedEntry?
    /// The session's first check, when it is not the latest.
    public let first: LoggedEntry?
    /// The latest check of the most recent earlier session that has one.
    public let previous: (session: Int, check: LoggedEntry)?
    public let rows: [SummaryGateRow]
    public let trends: [SummaryTrend]
    /// The attestation in force for each gate, in the order they were recorded.
    public let attestations: [Attestation]
    /// The waivers the latest check applied, in force or expired.
    public let waivers: [SummaryWaiver]
    public let reports: [SummaryReport]
    /// Why `session close` would refuse; empty when it would close. Only for an open session.
    public let closeBlockers: [String]

    /// The summary of `session`, with `sessions` (the whole log, grouped) for the previous session;
    /// `attestationGates` are the gate files' attestation gates, which `session close` requires attested.
    public init(_ session: SessionRecord, in sessions: [SessionRecord], attestationGates: [Gate]) {
        self.session = session
        let checks = session.checks
        latest = checks.last
        first = checks.count > 1 ? checks.first : nil
        previous =
            sessions.last { $0.number < session.number && !$0.checks.isEmpty }
            .flatMap { earlier in earlier.checks.last.map { (earlier.number, $0) } }
        let latestGates = latest.map { SummaryGateRow.loggedGates(of: $0) } ?? []
        rows = latestGates.flatMap(SummaryGateRow.rows(of:))
        trends = SummaryTrend.trends(
            latest: latestGates, first: first.map { SummaryGateRow.loggedGates(of: $0) },
            previous: previous.map { SummaryGateRow.loggedGates(of: $0.check) })
        attestations = session.attestations.values.sorted { $0.seq < $1.seq }
        waivers = (latest?.data["waivers"]?.arrayValue ?? []).map(SummaryWaiver.init)
        reports = (latest?.data["reports"]?.arrayValue ?? []).map(SummaryReport.init)
        closeBlockers =
            session.isOpen ? SessionCloseCommand.reasons(session, attestationGates: attestationGates) : []
    }

    /// The project's name, as the latest check recorded it.
    public var name: String? { latest?.data["name"]?.stringValue }

    /// "pass" or "fail" for the latest check; nil without one.
    public var verdict: String? { latest?.data["verdict"]?.stringValue }

    /// Whether `session close` would close the session now (false for a closed session or one without a check).
    public var mayClose: Bool { session.isOpen && latest != nil && closeBlockers.isEmpty }

    /// The latest check's gate counts: gates, passed, failed, warned.
    public var counts: (gates: Int, passed: Int, failed: Int, warned: Int) {
        let summary = latest?.data["summary"]
        func count(_ key: String) -> Int { Int(summary?[key]?.numberValue ?? 0) }
        return (count("gates"), count("passed"), count("failed"), count("warned"))
    }

    /// Where the latest check ran: commit, branch, whether the work tree was dirty, or why the commit is unknown.
    public var git: GitState? {
        guard let git = latest?.data["git"] else { return nil }
        var dirty: Bool?
        if case .bool(let flag)? = git["dirty"]?.kind { dirty = flag }
        return GitState(
            commit: git["commit"]?.stringValue, branch: git["branch"]?.stringValue,
            problem: git["problem"]?.stringValue, dirty: dirty)
    }

    /// The CI run of the latest check, when one was detected.
    public var ci: CIRun? {
        guard let ci = latest?.data["ci"], let provider = ci["provider"]?.stringValue else { return nil }
        return CIRun(
            provider: provider, runID: ci["run_id"]?.stringValue, url: ci["url"]?.stringValue,
            repository: ci["repository"]?.stringValue, commit: ci["commit"]?.stringValue, job: ci["job"]?.stringValue)
    }
}

/// A waiver as a check entry recorded it (see `CheckJSONRenderer.waivers`).
public struct SummaryWaiver: Sendable {
    public let id: String?
    public let rule: String?
    public let package: String?
    public let path: String?
    public let reason: String
    /// The last day it works, `YYYY-MM-DD`.
    public let expires: String
    public let approvedBy: String?
    /// "active", "stale" (in force, matched nothing) or "expired".
    public let state: String
    public let matched: Int
    public let expiringSoon: Bool

    init(_ value: JSON5Value) {
        id = value["id"]?.stringValue
        rule = value["rule"]?.stringValue
        package = value["package"]?.stringValue
        path = value["path"]?.stringValue
        reason = value["reason"]?.stringValue ?? ""
        expires = value["expires"]?.stringValue ?? "?"
        approvedBy = value["approved_by"]?.stringValue
        state = value["state"]?.stringValue ?? "?"
        matched = Int(value["matched"]?.numberValue ?? 0)
        expiringSoon = value["expiring_soon"]?.kind == .bool(true)
    }

    /// Whether it still waived findings at the check (active or stale, not expired).
    public var inForce: Bool { state != "expired" }

    /// `CVE-2024-1234 in lodash`, `no-unused-vars under legacy/**`.
    public var name: String {
        (id ?? rule ?? "?") + (package.map { " in \($0)" } ?? "") + (path.map { " under \($0)" } ?? "")
    }
}

/// A report file a check read, with its digest.
public struct SummaryReport: Sendable {
    public let path: String
    public let format: String
    public let category: String
    public let bytes: Int
    /// Nil when the check could not hash it.
    public let sha256: String?

    init(_ value: JSON5Value) {
        path = value["path"]?.stringValue ?? "?"
        format = value["format"]?.stringValue ?? "?"
        category = value["category"]?.stringValue ?? "?"
        bytes = Int(value["bytes"]?.numberValue ?? 0)
        sha256 = value["sha256"]?.stringValue
    }
}
