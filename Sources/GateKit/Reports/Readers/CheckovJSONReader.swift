/// Reads the output of `checkov -o json`: one object per framework (`{"check_type", "results": {"passed_checks",
/// "failed_checks", "skipped_checks", "parsing_errors"}, "summary": {…}}`), or an array of them when several
/// frameworks ran; a run that found nothing to scan writes only a summary (`{"passed": 0, "failed": 0, …}`).
///
/// One finding per element of `failed_checks`, so the open findings number checkov's `summary.failed` (summed
/// over the frameworks). Each element of `skipped_checks` (a `checkov:skip` comment, `--skip-check`) is a
/// suppressed finding; passed checks are not findings. The severity is the check's `severity` (only filled with
/// a Bridgecrew/Prisma Cloud API key, else null) and, when null, unknown: checkov rates nothing itself, and an
/// unrated failed check should neither pass a `vulns.high == 0` gate by a guess nor fail it. The level is error
/// for a failed check, as checkov's SARIF output writes it. The rule is `check_id` (`CKV_AWS_20`), the message
/// `check_name` (and the `resource`), the path `file_path` at the first line of `file_line_range`; the kind is
/// config, the tool `checkov`.
public enum CheckovJSONReader: ReportReader {
    public static let category = ReportCategory.scan
    public static let categories: [ReportCategory] = [.scan, .lint]
    public static let displayName = "Checkov JSON"

    /// True for an object (or an array starting with one) with `check_type` and then `results` or `summary`, or
    /// for a summary alone with `checkov_version`.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            var token = try json.next()
            if token == .beginArray { token = try json.next() }
            guard token == .beginObject else { return false }
            var checkType = false
            return try ScannerJSON.scanKeys(json) { key in
                if key == "checkov_version" { return true }
                if key == "check_type" { checkType = true }
                return checkType && (key == "results" || key == "summary") ? true : nil
            }
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        var findings: [Finding] = []
        switch try json.next() {
        case .beginObject:
            try readFramework(json, into: &findings)
        case .beginArray:
            try json.forEachElement { () throws(InputError) in try readFramework(json, into: &findings) }
        default:
            throw InputError(
                "not a Checkov JSON report: the JSON value is neither an object nor an array", line: json.line,
                column: json.column)
        }
        try json.expectEnd()
        return .findings(FindingsReport(findings: findings))
    }

    /// Reads one framework's object (its `{` may have been read already).
    private static func readFramework(_ json: JSONTokenizer, into findings: inout [Finding]) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            guard key == "results" else { return }
            try json.forEachMember { key throws(InputError) in
                let state: FindingState
                if key == "failed_checks" {
                    state = .open
                } else if key == "skipped_checks" {
                    state = .suppressed
                } else {
                    return
                }
                try json.forEachElement { () throws(InputError) in findings.append(try check(json, state: state)) }
            }
        }
    }

    private static func check(_ json: JSONTokenizer, state: FindingState) throws(InputError) -> Finding {
        let (line, column) = (json.line, json.column)
        var finding = Finding(tool: "checkov", level: .error, kind: .config, message: "", state: state)
        var name: String?
        var resource: String?
        var severity: String?
        try json.forEachMember { key throws(InputError) in
            if key == "check_id" {
                finding.rule = try LinterJSON.optionalString(json, "check_id")
            } else if key == "check_name" {
                name = try LinterJSON.optionalString(json, "check_name")
            } else if key == "resource" {
                resource = try LinterJSON.optionalString(json, "resource")
            } else if key == "file_path" {
                finding.path = try LinterJSON.optionalString(json, "file_path")
            } else if key == "file_line_range" {
                finding.line = try firstLine(json)
            } else if key == "severity" {
                severity = try LinterJSON.optionalString(json, "severity")
            }
        }
        return try LinterJSON.locating(line: line, column: column) { () throws(InputError) in
            guard let rule = finding.rule else { throw InputError("a checkov check has no check_id") }
            finding.severity = SeverityScale.severity(word: severity, score: nil)
            let text = (name ?? rule) + (resource.map { " (\($0))" } ?? "")
            finding.message = ScannerJSON.oneLine(text)
            return finding
        }
    }

    /// The first number of `file_line_range` (`[12, 20]`), or nil for `null` or an empty range.
    private static func firstLine(_ json: JSONTokenizer) throws(InputError) -> Int? {
        switch try json.next() {
        case .null: return nil
        case .beginArray:
            var first: Int?
            try json.forEachElement { () throws(InputError) in
                if first == nil { first = try LinterJSON.position(json, "file_line_range") }
            }
            return first
        default: throw InputError("file_line_range must be an array", line: json.line, column: json.column)
        }
    }
}
