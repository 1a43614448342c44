/// Reads compiler-style diagnostics text: the output of swiftc, clang, gcc, `swift format lint`, mypy,
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
/// `[#Group]` (swiftc), a trailing `  [code]` (mypy), or the MSBuild/tsc code. The tool is `swift-format`, `mypy`,
/// `tsc` (TS codes), `msbuild` (other codes), `swiftc` (another diagnostic of a `.swift` file) or else `compiler`.
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
        let named = DiagnosticRule(
            message: try diagnostic.message.string("the message"), code: diagnostic.code?.description)
        return Finding(
            tool: named.tool ?? (path.hasSuffix(".swift") ? "swiftc" : "compiler"), rule: named.rule, level: level,
            path: path, line: diagnostic.line, column: diagnostic.column, message: named.message)
    }
}

/// The rule a diagnostic names, the tool that the naming gives away, and the message without them.
struct DiagnosticRule {
    var rule: String?
    var tool: String?
    var message: String

    init(message: String, code: String?) {
        self.message = message
        if let code {
            // MSBuild and tsc: `error CS0168: …`; MSBuild ends with the project: `… [/src/App/App.csproj]`.
            rule = code
            tool = code.hasPrefix("TS") ? "tsc" : "msbuild"
            if message.hasSuffix("proj]"), let open = message.lastIndex(of: "[") {
                self.message = String(message[..<open]).trimmingSpaces
            }
        } else if let (name, rest) = Self.leadingBracket(message), name.allSatisfy({ $0.isLetter || $0.isNumber }) {
            // swift-format: `[Indentation] unindent by 2 spaces`.
            rule = name
            tool = "swift-format"
            self.message = rest
        } else if let (name, rest) = Self.trailingBracket(message) {
            if name.hasPrefix("-W") || name.hasPrefix("#") {
                // clang `[-Werror,-Wflag]`, gcc `[-Werror=flag]`, swiftc `[#DiagnosticGroup]`.
                let flag = String(name.split(separator: ",").last ?? Substring(name))
                rule =
                    flag.hasPrefix("-Werror=")
                    ? "-W" + flag.dropFirst("-Werror=".count) : String(flag.trimmingPrefix("#"))
                self.message = rest
            } else if message.dropLast(name.count + 2).hasSuffix("  ") {
                // mypy: `Incompatible return value type (got "str", expected "int")  [return-value]`.
                rule = name
                tool = "mypy"
                self.message = rest
            }
        }
    }

    /// `[name] rest` → (name, rest).
    private static func leadingBracket(_ text: String) -> (String, String)? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let name = String(text[text.index(after: text.startIndex)..<close])
        return name.isEmpty ? nil : (name, String(text[text.index(after: close)...]).trimmingSpaces)
    }

    /// `rest [name]` → (name, rest), for a name without spaces.
    private static func trailingBracket(_ text: String) -> (String, String)? {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return nil }
        let name = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, String(text[..<open]).trimmingSpaces)
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
