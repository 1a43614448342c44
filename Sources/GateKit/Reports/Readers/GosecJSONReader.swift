/// Reads the output of `gosec -fmt json`: `{"Golang errors": {…}, "Issues": [...], "Stats": {"files", "lines",
/// "nosec", "found"}, "GosecVersion"}`.
///
/// One finding per element of `Issues`; the open ones number `Stats.found`. An issue that gosec kept although a
/// `#nosec` comment suppresses it (`-track-suppressions`: a non-empty `suppressions`, or `nosec: true`) is
/// suppressed and does not count, as gosec leaves it out of `found`. The severity is gosec's `severity`
/// (HIGH/MEDIUM/LOW), and the level follows it: high → error, medium → warning, low → note. `line` is a string
/// (`"12"`, or `"12-14"` for a range, whose first line is taken), as is `column`. The rule is `rule_id` (`G104`),
/// the message `details`, the kind code, the tool `gosec`. `Golang errors` (files gosec could not type-check) are
/// not findings.
public enum GosecJSONReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "gosec JSON"

    /// True for an object with `Golang errors` or `GosecVersion`, an `Issues` array whose first element has
    /// `rule_id` and `details`, or `Stats` with `nosec` and `found`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            return try ScannerJSON.scanKeys(json) { key throws(InputError) in
                if key == "Golang errors" || key == "GosecVersion" { return true }
                if key == "Issues" {
                    guard try json.next() == .beginArray else { return false }
                    switch try json.next() {
                    case .endArray: return nil
                    case .beginObject: return try ScannerJSON.hasKeys(json, ["rule_id", "details"])
                    default: return false
                    }
                }
                if key == "Stats" {
                    guard try json.next() == .beginObject else { return false }
                    return try ScannerJSON.hasKeys(json, ["nosec", "found"])
                }
                return nil
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a gosec JSON report")
        var findings: [Finding] = []
        try json.forEachMember { key throws(InputError) in
            guard key == "Issues" else { return }
            guard try json.next() != .null else { return }
            try json.forEachElement { () throws(InputError) in findings.append(try issue(json)) }
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    private static func issue(_ json: JSONTokenizer) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "gosec", level: .note, kind: .code, message: "")
        var severity: String?
        try json.forEachMember { key throws(InputError) in
            if key == "severity" {
                severity = try LinterJSON.optionalString(json, "severity")
            } else if key == "rule_id" {
                finding.rule = try LinterJSON.optionalString(json, "rule_id")
            } else if key == "details" {
                finding.message = ScannerJSON.oneLine(try LinterJSON.optionalString(json, "details") ?? "")
            } else if key == "file" {
                finding.path = try LinterJSON.optionalString(json, "file")
            } else if key == "line" {
                finding.line = try ScannerJSON.number(json, "line")
            } else if key == "column" {
                finding.column = try ScannerJSON.number(json, "column")
            } else if key == "nosec" {
                if try LinterJSON.bool(json, "nosec") { finding.state = .suppressed }
            } else if key == "suppressions" {
                if try ScannerJSON.count(json, "suppressions") > 0 { finding.state = .suppressed }
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard finding.rule != nil else { throw InputError("a gosec issue has no rule_id") }
            finding.severity = SeverityScale.severity(word: severity, score: nil)
            finding.level = ScannerJSON.level(for: finding.severity)
            return finding
        }
    }
}
