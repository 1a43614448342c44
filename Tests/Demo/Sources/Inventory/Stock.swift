/// Items on a shelf, by SKU.
public struct Stock {
    private var counts: [String: Int] = [:]

    public init() {}

    public mutating func receive(_ sku: String, quantity: Int) {
        guard quantity > 0 else { return }
        counts[sku, default: 0] += quantity
    }

    public mutating func ship(_ sku: String, quantity: Int) -> Bool {
        guard let available = counts[sku], available >= quantity else { return false }
        counts[sku] = available - quantity
        return true
    }

    public func count(of sku: String) -> Int { counts[sku] ?? 0 }

    public var isEmpty: Bool { counts.values.allSatisfy { $0 == 0 } }

    public func report() -> String {
        var lines: [String] = []
        for (sku, count) in counts.sorted(by: { $0.key < $1.key }) {
            if count == 0 { continue }
            lines.append("\(sku): \(count)")
        }
        return lines.joined(separator: "\n")
    }
}
