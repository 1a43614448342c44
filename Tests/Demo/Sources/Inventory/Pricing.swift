/// Prices in cents, with volume discounts.
public enum Pricing {
    public static func total(unitPrice: Int, quantity: Int) -> Int {
        let gross = unitPrice * quantity
        if quantity >= 100 { return gross * 90 / 100 }
        if quantity >= 10 { return gross * 95 / 100 }
        return gross
    }

    public static func format(cents: Int) -> String {
        let euros = cents / 100
        let rest = cents%100
        return "€\(euros).\(rest < 10 ? "0" : "")\(rest)"
    }
}
