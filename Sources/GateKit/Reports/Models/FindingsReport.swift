/// How serious a lint finding is, in the three levels every linter and compiler maps to.
public enum FindingLevel: String, Sendable, CaseIterable, Comparable {
    case error
    case warning
    case note

    public static func < (lhs: FindingLevel, rhs: FindingLevel) -> Bool {
        allCases.firstIndex(of: lhs).unsafelyUnwrapped < allCases.firstIndex(of: rhs).unsafelyUnwrapped
    }
}

/// How serious a security finding is, in the five levels of the `vulns.*` metrics (most severe first).
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case critical
    case high
    case medium
    case low
    case unknown

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs).unsafelyUnwrapped < allCases.firstIndex(of: rhs).unsafelyUnwrapped
    }
}

/// What a security finding is about.
public enum FindingKind: String, Sendable, CaseIterable {
    /// A vulnerable dependency (SCA: Trivy, Grype, npm audit, OSV…).
    case dependency
    /// A weakness in the project's own code (SAST: semgrep, bandit, CodeQL…).
    case code
    /// A leaked secret (gitleaks, trufflehog).
    case secret
    /// A misconfiguration (Trivy config, checkov, hadolint…).
    case config
    /// A finding of a running application (DAST: OWASP ZAP).
    case dast
}

/// Whether a finding counts: the state the tool gave it.
public enum FindingState: String, Sendable, CaseIterable {
    /// An open finding: it counts.
    case open
    /// Suppressed in the source or accepted by the tool (SARIF `suppressions` accepted, `# nosec`…).
    case suppressed
    /// Known before, in the baseline the tool compared against, and gone now (SARIF `baselineState: absent`).
    case absent
    /// Not a failure: a check that passed, or only information (SARIF `kind` other than `fail`).
    case informational
}

/// A package a dependency finding is about.
public struct PackageReference: Equatable, Sendable, Hashable {
    public var name: String
    /// The version installed, as the tool names it.
    public var installed: String?
    /// The first version that fixes the vulnerability, when the tool knows one (several: joined with ", ").
    public var fixed: String?
    /// The ecosystem (npm, pypi, maven, go, cargo, os package manager…), when the tool says.
    public var ecosystem: String?

    public init(name: String, installed: String? = nil, fixed: String? = nil, ecosystem: String? = nil) {
        self.name = name
        self.installed = installed
        self.fixed = fixed
        self.ecosystem = ecosystem
    }
}

/// One finding of a linter, compiler or security scanner.
///
/// A finding has both a lint `level` and a security `severity`, because the category a report is declared under
/// (`lint` or `scan`) decides which metrics it feeds: a reader fills both as well as the tool lets it (a tool's
/// severity words map to a level, and a level to a severity, as each reader documents).
///
/// Stored compactly (112 bytes instead of 216), because a report of a million findings is held in memory whole:
/// line and column are kept as 32-bit numbers (beyond ±2,147,483,647 they read as absent), the CVSS score in
/// thousandths (CVSS scores have one decimal), and the package of a dependency finding out of line.
public struct Finding: Equatable, Sendable {
    /// The tool that reported it (`swiftc`, `semgrep`, `trivy`…); after deduplication, every tool that saw it.
    public var tool: String
    /// The rule, diagnostic group or vulnerability id (`CVE-2024-1234`, `GHSA-…`, `no-unused-vars`).
    public var rule: String?
    /// Other ids of the same vulnerability (a GHSA's CVE, an OSV id's aliases).
    public var aliases: [String]
    public var path: String?
    public var message: String
    /// The tool's fingerprint of the finding, when it gives one (SARIF `fingerprints`, gitleaks `Fingerprint`).
    public var fingerprint: String?
    private var packageBox: PackageBox?
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedScore: Int32
    public var level: FindingLevel
    public var severity: Severity
    public var kind: FindingKind?
    public var state: FindingState

    public init(
        tool: String, rule: String? = nil, aliases: [String] = [], level: FindingLevel,
        severity: Severity = .unknown, cvssScore: Double? = nil, kind: FindingKind? = nil,
        package: PackageReference? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil,
        message: String, fingerprint: String? = nil, state: FindingState = .open
    ) {
        self.tool = tool
        self.rule = rule
        self.aliases = aliases
        self.path = path
        self.message = message
        self.fingerprint = fingerprint
        packageBox = package.map(PackageBox.init)
        storedLine = Self.store(line)
        storedColumn = Self.store(column)
        storedScore = Self.store(cvssScore.map { ($0 * 1000).rounded() }.flatMap { Int(exactly: $0) })
        self.level = level
        self.severity = severity
        self.kind = kind
        self.state = state
    }

    /// The CVSS base score the tool gives (or computed from its vector), when there is one.
    public var cvssScore: Double? {
        get { Self.load(storedScore).map { Double($0) / 1000 } }
        set { storedScore = Self.store(newValue.map { ($0 * 1000).rounded() }.flatMap { Int(exactly: $0) }) }
    }

    public var package: PackageReference? {
        get { packageBox?.package }
        set { packageBox = newValue.map(PackageBox.init) }
    }

    public var line: Int? {
        get { Self.load(storedLine) }
        set { storedLine = Self.store(newValue) }
    }

    public var column: Int? {
        get { Self.load(storedColumn) }
        set { storedColumn = Self.store(newValue) }
    }

    private static func store(_ number: Int?) -> Int32 {
        guard let number, let stored = Int32(exactly: number), stored != .min else { return .min }
        return stored
    }

    private static func load(_ stored: Int32) -> Int? { stored == .min ? nil : Int(stored) }

    /// A package, boxed: most findings (lint, code) have none.
    private final class PackageBox: Equatable, Sendable {
        let package: PackageReference

        init(_ package: PackageReference) { self.package = package }

        static func == (lhs: PackageBox, rhs: PackageBox) -> Bool { lhs.package == rhs.package }
    }
}

/// A findings report (lint or scan): its findings, in report order.
public struct FindingsReport: Equatable, Sendable {
    public var findings: [Finding]

    public init(findings: [Finding]) { self.findings = findings }
}
