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

/// The result of one gate.
public struct GateResult: Sendable {
    public let gate: Gate
    public let conditions: [ConditionResult]

    public var status: GateStatus {
        if conditions.allSatisfy(\.passed) { return .pass }
        return gate.level == .warn ? .warn : .fail
    }
}

/// A report that was read for the check.
public struct ReportUse: Sendable, Equatable {
    public let path: String
    public let format: ReportFormat
    public let category: ReportCategory
    public let byteCount: Int
}

/// The verdict of a check: every gate's result, the reports used and what could not be read.
public struct Verdict: Sendable {
    public let gates: [GateResult]
    public let reports: [ReportUse]
    /// Problems finding or reading reports, per category: each made that category's conditions fail.
    public let problems: [ReportCategory: [String]]

    /// True when no gate failed (warnings allowed).
    public var passed: Bool { !gates.contains { $0.status == .fail } }

    public func count(_ status: GateStatus) -> Int { gates.count { $0.status == status } }
}
