/// Reads compiler-style diagnostics text: the output of swiftc, clang, gcc, `swift format lint`,
/// `cargo --message-format short`, MSBuild/`dotnet build` and `tsc` (see ``DiagnosticLine`` for the layouts).
///
/// Counting rules:
/// - each diagnostic line counts once; lines that repeat an earlier diagnostic (same path, line, column, severity
///   and message, as in MSBuild's closing summary) do not; the copies inside swiftc's source excerpts
///   (`` `- warning: ``) are not diagnostic lines at all;
/// - `fatal error` is an error; `note` and `remark` lines that follow an error or warning explain it and are not
///   findings of their own; a note before any error or warning is a finding at level note;
/// - everything that is not a diagnostic line (source excerpts, carets, "2 errors generated.") is ignored, so an
///   empty file, or a build log without diagnostics, means no findings.
///
/// The rule is the `[RuleName]` that starts a swift-format message, a trailing `[-Wflag]` (clang, gcc), a trailing
/// `[#Group]` (swiftc), or the MSBuild/tsc code. The tool is `swift-format`, `swiftc` (a `.swift` path), `tsc`
/// (TS codes), `msbuild` (other codes) or else `compiler`.
public enum DiagnosticsReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "compiler diagnostics"

    public static func recognizes(_ head: ContentHead) -> Bool {
        guard head.kind == .text else { return false }
        return head.lines(limit: 2000).contains { DiagnosticLine.parse($0) != nil }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var scanner = LineScanner(input)
        var findings: [Finding] = []
        var seen = Set<UInt64>()
        var afterFinding = false
        while let text = try scanner.nextLine() {
            guard let diagnostic = DiagnosticLine.parse(text) else { continue }
            let level: FindingLevel
            switch diagnostic.severity {
            case .error: level = .error
            case .warning: level = .warning
            case .note:
                if afterFinding { continue }
                level = .note
            }
            afterFinding = true
            guard seen.insert(identity(of: diagnostic)).inserted else { continue }
            do throws(InputError) {
                findings.append(try finding(from: diagnostic, level: level))
            } catch {
                throw InputError(error.message, line: scanner.lineNumber)
            }
        }
        return .findings(FindingsReport(findings: findings))
    }

    private static func identity(of diagnostic: DiagnosticLine) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(diagnostic.path)
        for byte in "|\(diagnostic.line)|\(diagnostic.column ?? -1)|\(diagnostic.severity)|".utf8 { hasher.add(byte) }
        hasher.add(diagnostic.message)
        return hasher.value
    }

    private static func finding(from diagnostic: DiagnosticLine, level: FindingLevel) throws(InputError) -> Finding {
        let path = try diagnostic.path.string("the file name")
        var message = try diagnostic.message.string("the message")
        var rule: String?
        var tool = path.hasSuffix(".swift") ? "swiftc" : "compiler"
        if let code = diagnostic.code {
            rule = code.description
            tool = code.hasPrefix("TS") ? "tsc" : "msbuild"
            // MSBuild ends each diagnostic with the project it belongs to: `… [/src/App/App.csproj]`.
            if message.hasSuffix("proj]"), let open = message.lastIndex(of: "[") {
                message = String(message[..<open]).trimmingSpaces
            }
        } else if message.hasPrefix("["), let close = message.firstIndex(of: "]"),
            message[message.index(after: message.startIndex)..<close].allSatisfy({ $0.isLetter || $0.isNumber })
        {
            rule = String(message[message.index(after: message.startIndex)..<close])
            message = String(message[message.index(after: close)...]).trimmingSpaces
            tool = "swift-format"
        } else if message.hasSuffix("]"), let open = message.lastIndex(of: "["),
            message[message.index(after: open)...].hasPrefix("-W")
                || message[message.index(after: open)...].hasPrefix("#")
        {
            let inside = message[message.index(after: open)..<message.index(before: message.endIndex)]
            // `[-Werror,-Wflag]` (clang) and `[-Werror=flag]` (gcc) name the flag that was made an error.
            let flag = String(inside.split(separator: ",").last ?? inside)
            rule =
                flag.hasPrefix("-Werror=") ? "-W" + flag.dropFirst("-Werror=".count) : String(flag.trimmingPrefix("#"))
            message = String(message[..<open]).trimmingSpaces
        }
        return Finding(
            tool: tool, rule: rule, level: level, path: path, line: diagnostic.line, column: diagnostic.column,
            message: message)
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
