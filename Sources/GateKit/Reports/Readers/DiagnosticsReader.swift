/// Reads compiler-style diagnostics text: the output of swiftc, clang, gcc, `swift format lint`, mypy,
/// `cargo --message-format short`, MSBuild/`dotnet build`, `tsc`, golangci-lint's line-number format and the Go
/// tools, Ruff's concise and pylint formats (see ``DiagnosticLine`` for the layouts), and ESLint's stylish format
/// (see ``DiagnosticStylishRows``).
///
/// Counting rules:
/// - each diagnostic line or stylish row counts once; lines that repeat an earlier diagnostic (same path, line,
///   column, level, rule and message, as in MSBuild's closing summary) do not; the copies inside swiftc's source
///   excerpts (`` `- warning: ``) are not diagnostic lines at all;
/// - `fatal error` is an error; `note` and `remark` lines that follow an error or warning explain it and are not
///   findings of their own; a note before any error or warning is a finding at level note;
/// - Go and Ruff lines carry no severity word; each one fails its tool (ruff: "Found N errors"), so each is an
///   error; ESLint rows say `error` or `warning`, so the counts equal stylish's "N problems (E errors, W warnings)";
/// - everything that is not a diagnostic line (source excerpts, carets, "2 errors generated.", "Found 3 errors.",
///   the "✖" summary) is ignored, so an empty file, or a build log without diagnostics, means no findings.
///
/// The rule is the `[RuleName]` that starts a swift-format message, a trailing `[-Wflag]` (clang, gcc), a trailing
/// `[#Group]` (swiftc), a trailing `  [code]` (mypy), the MSBuild/tsc code, the Ruff code, golangci-lint's trailing
/// `(linter)`, or the ESLint rule. The tool is `swift-format`, `mypy`, `tsc` (TS codes), `msbuild` (other codes),
/// `ruff`, `golangci-lint` (a linter named), `go` (another Go line), `eslint`, `swiftc` (another diagnostic of a
/// `.swift` file) or else `compiler`.
public enum DiagnosticsReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "compiler diagnostics"

    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        var stylish = DiagnosticStylishRows()
        return head.lines(limit: 2000).contains { DiagnosticLine.parse($0) != nil || (try? stylish.row($0)) != nil }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var findings: [Finding] = []
        var seen = Set<Identity>()
        var stylish = DiagnosticStylishRows()
        var afterFinding = false
        while let text = try scanner.nextLine() {
            let found: Finding
            do {
                if let (path, row) = try stylish.row(text) {
                    found = try finding(from: row, path: path)
                } else if let diagnostic = DiagnosticLine.parse(text) {
                    if diagnostic.severity == .note, afterFinding { continue }
                    found = try finding(from: diagnostic)
                } else {
                    continue
                }
            } catch {
                throw InputError(error.message, line: scanner.lineNumber)
            }
            afterFinding = true
            guard seen.insert(Identity(found)).inserted else { continue }
            findings.append(found)
        }
        return .findings(FindingsReport(findings: findings))
    }

    /// What makes two diagnostic lines the same diagnostic.
    private struct Identity: Hashable {
        var path: String?
        var line: Int?
        var column: Int?
        var level: FindingLevel
        var rule: String?
        var message: String

        init(_ finding: Finding) {
            (path, line, column) = (finding.path, finding.line, finding.column)
            (level, rule, message) = (finding.level, finding.rule, finding.message)
        }
    }

    private static func finding(from diagnostic: DiagnosticLine) throws(InputError) -> Finding {
        let path = try diagnostic.path.string("the file name")
        let named = DiagnosticRule(
            message: try diagnostic.message.string("the message"), code: diagnostic.code?.description,
            layout: diagnostic.layout)
        let level: FindingLevel =
            switch diagnostic.severity {
            case .error: .error
            case .warning: .warning
            case .note: .note
            }
        return Finding(
            tool: named.tool ?? (path.hasSuffix(".swift") ? "swiftc" : "compiler"), rule: named.rule, level: level,
            path: path, line: diagnostic.line, column: diagnostic.column, message: named.message)
    }

    private static func finding(from row: DiagnosticStylishRows.Row, path: String) throws(InputError) -> Finding {
        Finding(
            tool: "eslint", rule: try row.rule?.string("the rule"), level: row.level, path: path, line: row.line,
            column: row.column, message: try row.message.string("the message"))
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
