/// Workflow commands for GitHub Actions: an `::error` (or `::warning` for a warn gate) per failed requirement, and
/// one per finding behind a failed lint or scan condition, at the finding's file and line, so they show in the
/// pull request's diff. Messages and properties are escaped as the workflow-command syntax requires.
public enum GitHubAnnotations {
    /// The most findings annotated per condition (GitHub shows at most 10 error annotations per step).
    public static let findingLimit = 10

    public static func render(_ verdict: Verdict) -> String {
        var lines: [String] = []
        for result in verdict.gates where result.status != .pass {
            let command = result.status == .warn ? "warning" : "error"
            let title = "protocol gate \(result.gate.id)"
            for row in GateRow.rows(of: result) where !row.passed {
                lines.append("::\(command) title=\(property(title))::\(message(row.summary))")
            }
            for condition in result.conditions where !condition.passed {
                for finding in condition.measurement?.findings.prefix(findingLimit) ?? [] {
                    guard let path = finding.path else { continue }
                    var properties = ["file=\(property(path))"]
                    if let line = finding.line { properties.append("line=\(line)") }
                    if let column = finding.column { properties.append("col=\(column)") }
                    let rule = finding.rule.map { " [\($0)]" } ?? ""
                    properties.append("title=\(property("\(title): \(finding.tool)\(rule)"))")
                    lines.append("::\(command) \(properties.joined(separator: ","))::\(message(finding.message))")
                }
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// A message: `%`, CR and LF escaped.
    static func message(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// A property value: as a message, and `:` and `,` escaped too.
    static func property(_ text: String) -> String {
        var result = ""
        for character in message(text) {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.append(character)
            }
        }
        return result
    }
}
