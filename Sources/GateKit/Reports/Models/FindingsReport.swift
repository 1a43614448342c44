/// How serious a lint finding is, in the three levels every linter and compiler maps to.
public enum FindingLevel: String, Sendable, CaseIterable, Comparable {
    case error
    case warning
    case note

    public static func < (lhs: FindingLevel, rhs: FindingLevel) -> Bool {
        allCases.firstIndex(of: lhs).unsafelyUnwrapped < allCases.firstIndex(of: rhs).unsafelyUnwrapped
    }
}

/// One finding of a linter or compiler.
public struct Finding: Equatable, Sendable {
    /// The tool that reported it (`swiftc`, `swift-format`, `clang`…), or `unknown`.
    public var tool: String
    /// The rule or diagnostic group, when the tool names one.
    public var rule: String?
    public var level: FindingLevel
    public var path: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(
        tool: String, rule: String? = nil, level: FindingLevel, path: String? = nil, line: Int? = nil,
        column: Int? = nil, message: String
    ) {
        self.tool = tool
        self.rule = rule
        self.level = level
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }
}

/// A lint report: its findings, in report order.
public struct FindingsReport: Equatable, Sendable {
    public var findings: [Finding]

    public init(findings: [Finding]) { self.findings = findings }
}
