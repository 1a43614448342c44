/// Reads Checkstyle XML: Checkstyle (and maven-checkstyle-plugin's `checkstyle-result.xml`), detekt, ktlint
/// `--reporter=checkstyle`, SwiftLint `--reporter checkstyle`, ESLint `-f checkstyle` and the many tools that
/// borrow the format.
///
/// One finding per `<error>` element, inside the `<file name=…>` it names (the format states no totals: the count
/// is the number of `<error>` elements, Checkstyle's "Audit done" count). Level from `severity`: `error` → error,
/// `warning` → warning, `info` → note, `ignore` → note and informational (not counted); a missing or other
/// severity is an error, Checkstyle's default. Severity (scan) is unknown: these are linters.
///
/// The rule is `source`, without the tool's prefix (`detekt.`, `swiftlint.rules.`, `eslint.rules.`) and, for
/// Checkstyle's own checks, without the Java package (`JavadocPackageCheck`); the tool is `detekt`, `swiftlint`
/// or `eslint` after that prefix, else `checkstyle` (an empty `source` is no rule). `line` and `column` 0
/// (SwiftLint's "no position") are none. `<exception>` elements and anything else are skipped.
public enum CheckstyleReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let displayName = "Checkstyle XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "checkstyle"
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        guard try xml.next() == .startElement, xml.localName == "checkstyle" else {
            throw InputError("not a Checkstyle report: the root element is not <checkstyle>", line: xml.line)
        }
        var findings: [Finding] = []
        var path: String?
        while true {
            switch try xml.next() {
            case .startElement:
                if xml.localName == "file" {
                    path = try text("name", of: "<file>", xml)
                } else if xml.localName == "error" {
                    findings.append(try finding(xml, path: path))
                } else {
                    try xml.skipElement()
                }
            case .endElement:
                if xml.localName == "file" { path = nil }
            case .text:
                continue
            case .end:
                return .findings(FindingsReport(findings: findings))
            }
        }
    }

    private static func finding(_ xml: XMLTokenizer, path: String?) throws(InputError) -> Finding {
        let severity = xml.attribute("severity")
        let level: FindingLevel
        var state = FindingState.open
        if severity == nil || severity?.equalsIgnoringCase("error") == true {
            level = .error
        } else if severity?.equalsIgnoringCase("warning") == true {
            level = .warning
        } else if severity?.equalsIgnoringCase("info") == true {
            level = .note
        } else if severity?.equalsIgnoringCase("ignore") == true {
            level = .note
            state = .informational
        } else {
            throw InputError(
                "unknown severity \"\(severity?.description ?? "")\" (expected error, warning, info or ignore)",
                line: xml.line)
        }
        let (tool, rule) = toolAndRule(try text("source", of: "<error>", xml))
        return Finding(
            tool: tool, rule: rule, level: level, path: path, line: try position("line", xml),
            column: try position("column", xml), message: try text("message", of: "<error>", xml) ?? "",
            state: state)
    }

    /// The tool a `source` names and the rule without its prefix.
    static func toolAndRule(_ source: String?) -> (String, String?) {
        guard let source, !source.isEmpty else { return ("checkstyle", nil) }
        for (prefix, tool) in [("detekt.", "detekt"), ("swiftlint.rules.", "swiftlint"), ("eslint.rules.", "eslint")]
        where source.hasPrefix(prefix) {
            return (tool, String(source.dropFirst(prefix.count)))
        }
        if source.hasPrefix("com.puppycrawl.tools.checkstyle."), let dot = source.lastIndex(of: ".") {
            return ("checkstyle", String(source[source.index(after: dot)...]))
        }
        return ("checkstyle", source)
    }

    private static func text(_ name: StaticString, of element: String, _ xml: XMLTokenizer) throws(InputError)
        -> String?
    {
        guard let value = xml.attribute(name) else { return nil }
        guard let text = value.string() else {
            throw InputError("the \(name) of \(element) is not valid UTF-8", line: xml.line)
        }
        return text
    }

    /// A `line` or `column`: a whole number from 0 to 2³¹ − 1, 0 meaning none.
    private static func position(_ name: StaticString, _ xml: XMLTokenizer) throws(InputError) -> Int? {
        guard let value = xml.attribute(name) else { return nil }
        guard let number = value.trimmed().int(), number >= 0, number <= Int(Int32.max) else {
            throw InputError(
                "the \(name) of <error> must be a whole number from 0 to \(Int32.max), not \"\(value)\"",
                line: xml.line)
        }
        return number == 0 ? nil : number
    }
}
