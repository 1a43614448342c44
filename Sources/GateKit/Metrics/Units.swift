/// What a metric measures, which decides the units its thresholds may be written in.
public enum UnitKind: String, Sendable, CaseIterable {
    /// A percentage on a 0–100 scale, written `95%`.
    case percent
    /// A number of things (tests, findings, lines); written without a unit.
    case count
    /// A time, canonically in seconds; written `200ms`, `1.5s`, `2m`.
    case duration
    /// A size, canonically in bytes; written `512MB`, `1GiB`.
    case bytes
    /// A rate per second, written `100/s`.
    case rate

    /// How a user would name the kind in a sentence.
    public var noun: String {
        switch self {
        case .percent: return "a percentage"
        case .count: return "a count"
        case .duration: return "a duration"
        case .bytes: return "a size"
        case .rate: return "a rate"
        }
    }

    /// An example threshold, used in error messages.
    public var example: String {
        switch self {
        case .percent: return "95%"
        case .count: return "0"
        case .duration: return "200ms"
        case .bytes: return "512MB"
        case .rate: return "100/s"
        }
    }
}

/// A unit a threshold may carry, with its factor to the canonical unit of its kind.
///
/// Sizes follow SI and IEC: `KB` = 1000 bytes, `KiB` = 1024 bytes. `m` is minutes.
public struct ThresholdUnit: Sendable, Equatable {
    public let symbol: String
    public let kind: UnitKind
    public let factor: Double

    public static let all: [ThresholdUnit] = [
        ThresholdUnit(symbol: "%", kind: .percent, factor: 1),
        ThresholdUnit(symbol: "ns", kind: .duration, factor: 1e-9),
        ThresholdUnit(symbol: "us", kind: .duration, factor: 1e-6),
        ThresholdUnit(symbol: "µs", kind: .duration, factor: 1e-6),
        ThresholdUnit(symbol: "ms", kind: .duration, factor: 1e-3),
        ThresholdUnit(symbol: "s", kind: .duration, factor: 1),
        ThresholdUnit(symbol: "m", kind: .duration, factor: 60),
        ThresholdUnit(symbol: "B", kind: .bytes, factor: 1),
        ThresholdUnit(symbol: "KB", kind: .bytes, factor: 1e3),
        ThresholdUnit(symbol: "MB", kind: .bytes, factor: 1e6),
        ThresholdUnit(symbol: "GB", kind: .bytes, factor: 1e9),
        ThresholdUnit(symbol: "KiB", kind: .bytes, factor: 1024),
        ThresholdUnit(symbol: "MiB", kind: .bytes, factor: 1024 * 1024),
        ThresholdUnit(symbol: "GiB", kind: .bytes, factor: 1024 * 1024 * 1024),
        ThresholdUnit(symbol: "/s", kind: .rate, factor: 1),
    ]

    /// The unit written as `symbol`, if there is one.
    public static func named(_ symbol: String) -> ThresholdUnit? { all.first { $0.symbol == symbol } }
}
