/// The result of one condition.
public struct ConditionResult: Sendable {
    public let condition: Condition
    /// The measured value, or nil when there was none.
    public let measurement: Measurement?
    /// Why the condition failed without a value (no report, unreadable report, no data).
    public let reason: String?
    public let passed: Bool

    /// `value − threshold` in the metric's unit, when there is a value.
    public var difference: Double? { measurement.map { $0.value - condition.threshold } }
}

/// How a gate ended.
public enum GateStatus: String, Sendable {
    case pass
    case fail
    /// Failed, but the gate is `level: "warn"`: reported, not failing the check.
    case warn
}

/// A person's statement, recorded in the session log, that an attestation gate's requirement is met.
public struct Attestation: Sendable, Equatable {
    public let gate: String
    public let by: String
    public let note: String?
    public let time: String
    /// The log entry that records it.
    public let seq: Int

    public init(gate: String, by: String, note: String?, time: String, seq: Int) {
        self.gate = gate
        self.by = by
        self.note = note
        self.time = time
        self.seq = seq
    }
}

/// How an attestation gate ended: attested in the session, or not (and why).
public enum AttestationOutcome: Sendable, Equatable {
    case attested(Attestation)
    case missing(String)
}

/// The result of one gate.
public struct GateResult: Sendable {
    public let gate: Gate
    /// For a gate of conditions.
    public let conditions: [ConditionResult]
    /// For an attestation gate.
    public let attestation: AttestationOutcome?
    /// For a document gate.
    public let documents: [DocumentResult]

    public init(
        gate: Gate, conditions: [ConditionResult] = [], attestation: AttestationOutcome? = nil,
        documents: [DocumentResult] = []
    ) {
        self.gate = gate
        self.conditions = conditions
        self.attestation = attestation
        self.documents = documents
    }

    /// Whether every requirement of the gate holds.
    public var passed: Bool {
        if case .missing? = attestation { return false }
        return conditions.allSatisfy(\.passed) && documents.allSatisfy(\.satisfied)
    }

    public var status: GateStatus {
        if passed { return .pass }
        return gate.level == .warn ? .warn : .fail
    }
}

/// A report that was read for the check.
public struct ReportUse: Sendable, Equatable {
    public let path: String
    public let format: ReportFormat
    public let category: ReportCategory
    public let byteCount: Int
    /// How many source paths the report names (coverage reports).
    public let sourcePaths: Int
    /// The source paths that name no file under the project root, as written in the report.
    public let unmatchedPaths: [String]
    /// What the report gave, counted (``Report/recordCounts``).
    public let records: [RecordCount]
    /// The tools its findings name (``Report/tools``).
    public let tools: [String]

    public init(
        path: String, format: ReportFormat, category: ReportCategory, byteCount: Int, sourcePaths: Int = 0,
        unmatchedPaths: [String] = [], records: [RecordCount] = [], tools: [String] = []
    ) {
        self.records = records
        self.tools = tools
        self.path = path
        self.format = format
        self.category = category
        self.byteCount = byteCount
        self.sourcePaths = sourcePaths
        self.unmatchedPaths = unmatchedPaths
    }
}

/// The verdict of a check: every gate's result, the reports used and what could not be read.
public struct Verdict: Sendable {
    public let gates: [GateResult]
    public let reports: [ReportUse]
    /// Problems finding or reading reports, per category: each made that category's conditions fail.
    public let problems: [ReportCategory: [String]]
    /// How every waiver fared: applied, expired, stale, expiring soon.
    public let waivers: [WaiverStatus]

    public init(
        gates: [GateResult], reports: [ReportUse], problems: [ReportCategory: [String]], waivers: [WaiverStatus] = []
    ) {
        self.gates = gates
        self.reports = reports
        self.problems = problems
        self.waivers = waivers
    }

    /// True when no gate failed (warnings allowed).
    public var passed: Bool { !gates.contains { $0.status == .fail } }

    public func count(_ status: GateStatus) -> Int { gates.count { $0.status == status } }
}
