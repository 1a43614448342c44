/// Words for how far a measured value is from its threshold, shared by every renderer.
public enum MarginText {
    /// "short by 1.59 points", "3 too many", "at the limit", "0.41 points to spare"; nil without a value.
    public static func describe(_ result: ConditionResult) -> String? {
        guard let measurement = result.measurement else { return nil }
        let condition = result.condition
        let kind = condition.metric.unit
        let value = measurement.value
        let threshold = condition.threshold
        let gap = abs(value - threshold)
        let amount = self.amount(gap, kind, value: value, threshold: threshold)
        switch condition.comparison {
        case .greaterOrEqual, .greater:
            if result.passed { return value == threshold ? "exactly at the threshold" : "\(amount) to spare" }
            if value == threshold { return "at the threshold, must be above it" }
            return kind == .count ? "\(amount) too few" : "short by \(amount)"
        case .lessOrEqual, .less:
            if result.passed { return value == threshold ? "exactly at the limit" : "\(amount) to spare" }
            if value == threshold { return "at the limit, must be below it" }
            return kind == .count ? "\(amount) too many" : "over by \(amount)"
        case .equal:
            if result.passed { return nil }
            if kind == .count { return value > threshold ? "\(amount) too many" : "\(amount) too few" }
            return value > threshold ? "over by \(amount)" : "short by \(amount)"
        case .notEqual:
            return result.passed ? nil : "equal to \(NumberFormatting.quantity(threshold, kind))"
        }
    }

    /// A difference in the metric's unit: "1.59 points" for percentages, "3" for counts, "12 ms" for durations.
    static func amount(_ gap: Double, _ kind: UnitKind, value: Double, threshold: Double) -> String {
        switch kind {
        case .percent:
            let places = NumberFormatting.decimals(toSeparate: value, from: threshold, minimum: 2)
            let text = NumberFormatting.decimal(gap, decimals: places)
            return text == "1.00" ? "1 point" : "\(text) points"
        default:
            return NumberFormatting.quantity(gap, kind)
        }
    }
}
