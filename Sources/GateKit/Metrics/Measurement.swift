/// A metric's value for one selection, with the evidence behind it.
public struct Measurement: Sendable, Equatable {
    /// The value in the metric's canonical unit (percent points, count, seconds, bytes, per second).
    public var value: Double
    /// What the value is made of, in words: "1,204 of 75,710 lines uncovered".
    public var basis: String?
    /// The items that explain a failure, worst first: uncovered files, failed tests, findings.
    public var offenders: [String]
    /// Set when the value is true but says nothing (0 failed tests of 0): `protocol metrics` shows the value,
    /// a gate fails with this reason (fail closed).
    public var vacuous: String?
    /// For per-item conditions (`per="file"`): every item's value; the condition must hold for each.
    public var items: [MeasuredItem]?
    /// The findings behind a lint or scan value (the first few, worst first), for annotations at their location.
    public var findings: [Finding] = []

    public init(
        value: Double, basis: String? = nil, offenders: [String] = [], vacuous: String? = nil,
        items: [MeasuredItem]? = nil
    ) {
        self.value = value
        self.basis = basis
        self.offenders = offenders
        self.vacuous = vacuous
        self.items = items
    }
}

/// One item of a per-item measurement: a file and its value.
public struct MeasuredItem: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var basis: String

    public init(name: String, value: Double, basis: String) {
        self.name = name
        self.value = value
        self.basis = basis
    }
}

/// The outcome of measuring a metric: a value, or the reason there is none (which fails the gate: fail closed).
public enum MetricOutcome: Sendable, Equatable {
    case measured(Measurement)
    case unavailable(String)
}

/// One metric as `protocol metrics` lists it.
public struct MetricValue: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var value: Double
    public var unit: UnitKind
}
