/// The rule a diagnostic names, the tool that the naming gives away, and the message without them.
struct DiagnosticRule {
    var rule: String?
    var tool: String?
    var message: String

    init(message: String, code: String?, layout: DiagnosticLine.Layout) {
        self.message = message
        if layout == .ruff {
            rule = code
            tool = "ruff"
        } else if layout == .go {
            // golangci-lint names the linter last: `File is not `gofmt`-ed (gofmt)`.
            tool = "go"
            if let (name, rest) = Self.trailingGroup(message, "(", ")"), name.allSatisfy(\.isLinterNameCharacter) {
                rule = name
                tool = "golangci-lint"
                self.message = rest
            }
        } else if let code {
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
        trailingGroup(text, "[", "]")
    }

    /// `rest <open>name<close>` → (name, rest), for a name without spaces after a space.
    private static func trailingGroup(_ text: String, _ open: Character, _ close: Character) -> (String, String)? {
        guard text.last == close, let start = text.lastIndex(of: open) else { return nil }
        let name = String(text[text.index(after: start)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, String(text[..<start]).trimmingSpaces)
    }
}

extension Character {
    /// A character of a golangci-lint linter name (`gocritic`, `go-errorlint`).
    fileprivate var isLinterNameCharacter: Bool {
        ("a"..."z").contains(self) || ("0"..."9").contains(self) || self == "-" || self == "_"
    }
}
