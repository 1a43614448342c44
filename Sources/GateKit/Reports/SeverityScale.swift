import Glibc

/// Normalises the severities of security tools to the five levels of the `vulns.*` metrics.
///
/// In order of preference:
/// 1. the tool's own severity word, when it has one: `critical`; `high`/`error`/`important`; `medium`/`moderate`/
///    `warning`; `low`/`minor`/`negligible`/`info`/`informational`/`note`; `unknown`/`none`/`""` give no answer;
/// 2. else the CVSS base score (v3.x ranges: 9.0–10 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low, 0 none
///    → low), computed from the vector string when only a vector is given (CVSS v3.0/v3.1 and v2; a v4 vector
///    without a score is not computed: its scoring needs the specification's lookup tables);
/// 3. else unknown.
///
/// When a tool gives both a word and a score that disagree (Grype rating a CVE "Low" with CVSS 8.2), the word
/// wins: it is the tool's (or its database's) considered rating, often for the packaged version, while the score
/// is the generic NVD vector; both stay visible (the score as `cvssScore`).
public enum SeverityScale {
    /// The level a tool's severity word names, or nil when the word says nothing (`unknown`, empty).
    public static func severity(ofWord word: String) -> Severity? {
        switch word.trimmingSpaces.lowercased() {
        case "critical", "blocker": return .critical
        case "high", "error", "important", "severe", "major": return .high
        case "medium", "moderate", "warning", "warn": return .medium
        case "low", "minor", "negligible", "info", "informational", "information", "note": return .low
        default: return nil
        }
    }

    /// The level of a CVSS base score.
    public static func severity(ofScore score: Double) -> Severity {
        switch score {
        case 9...: return .critical
        case 7..<9: return .high
        case 4..<7: return .medium
        default: return .low
        }
    }

    /// The best severity for a word and/or a score (see the type's description).
    public static func severity(word: String?, score: Double?) -> Severity {
        if let word, let level = severity(ofWord: word) { return level }
        if let score { return severity(ofScore: score) }
        return .unknown
    }

    /// The base score of a CVSS v3.0/v3.1 vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H` → 9.8) or a v2
    /// vector (`AV:N/AC:L/Au:N/C:P/I:P/A:P` → 7.5); nil when the vector is not one of these or incomplete.
    public static func baseScore(ofVector vector: String) -> Double? {
        var metrics: [String: String] = [:]
        var version: String?
        for part in vector.trimmingSpaces.split(separator: "/") {
            let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            if pair[0] == "CVSS" { version = pair[1] } else { metrics[pair[0]] = pair[1] }
        }
        switch version {
        case "3.0"?, "3.1"?: return cvss3(metrics)
        case nil: return metrics["Au"] != nil ? cvss2(metrics) : nil
        default: return nil
        }
    }

    private static func cvss3(_ metrics: [String: String]) -> Double? {
        guard let scope = metrics["S"], scope == "U" || scope == "C",
            let attackVector = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"] ?? ""],
            let complexity = ["L": 0.77, "H": 0.44][metrics["AC"] ?? ""],
            let privileges = (scope == "U" ? ["N": 0.85, "L": 0.62, "H": 0.27] : ["N": 0.85, "L": 0.68, "H": 0.5])[
                metrics["PR"] ?? ""],
            let interaction = ["N": 0.85, "R": 0.62][metrics["UI"] ?? ""]
        else { return nil }
        let impacts = ["H": 0.56, "L": 0.22, "N": 0.0]
        guard let confidentiality = impacts[metrics["C"] ?? ""], let integrity = impacts[metrics["I"] ?? ""],
            let availability = impacts[metrics["A"] ?? ""]
        else { return nil }
        let subScore = 1 - (1 - confidentiality) * (1 - integrity) * (1 - availability)
        let impact =
            scope == "U" ? 6.42 * subScore : 7.52 * (subScore - 0.029) - 3.25 * pow(subScore - 0.02, 15)
        let exploitability = 8.22 * attackVector * complexity * privileges * interaction
        guard impact > 0 else { return 0 }
        return roundUp(min((scope == "U" ? 1 : 1.08) * (impact + exploitability), 10))
    }

    private static func cvss2(_ metrics: [String: String]) -> Double? {
        guard let attackVector = ["L": 0.395, "A": 0.646, "N": 1.0][metrics["AV"] ?? ""],
            let complexity = ["H": 0.35, "M": 0.61, "L": 0.71][metrics["AC"] ?? ""],
            let authentication = ["M": 0.45, "S": 0.56, "N": 0.704][metrics["Au"] ?? ""]
        else { return nil }
        let impacts = ["N": 0.0, "P": 0.275, "C": 0.660]
        guard let confidentiality = impacts[metrics["C"] ?? ""], let integrity = impacts[metrics["I"] ?? ""],
            let availability = impacts[metrics["A"] ?? ""]
        else { return nil }
        let impact = 10.41 * (1 - (1 - confidentiality) * (1 - integrity) * (1 - availability))
        let exploitability = 20 * attackVector * complexity * authentication
        let score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact == 0 ? 0 : 1.176)
        return (score * 10).rounded() / 10
    }

    /// CVSS v3.1's Roundup: the smallest number with one decimal that is at least `value`, computed on integers
    /// so that floating-point noise (4.000001) does not round up.
    private static func roundUp(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        return scaled % 10_000 == 0 ? Double(scaled) / 100_000 : Double(scaled / 10_000 + 1) / 10
    }
}
