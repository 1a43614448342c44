/// Where the reports of one category are, as a gate file declares them (`reports.<category>`).
public struct ReportSource: Sendable {
    public let category: ReportCategory
    /// Globs relative to the project root (or absolute), matched against files.
    public let patterns: [Glob]
    /// The format to read the files as; nil means recognise it from the content.
    public let format: ReportFormat?
    /// Prefixes removed from the source paths inside the reports, in order, first match only.
    public let strip: [String]
    /// Prefix rewrites applied after `strip` (`map: {"/build/src/": "Sources/"}`), first match only.
    public let map: [(from: String, to: String)]
    /// The percentage of source paths (0–100) that must name a file under the root (`require_files`); nil when
    /// unmatched paths are only listed.
    public let requireFiles: Double?
    /// When not empty, only source paths matching one of these count.
    public let include: [Glob]
    /// Source paths matching one of these do not count.
    public let exclude: [Glob]
    /// The waiver file (`waivers`), relative to the root, for lint and scan reports.
    public let waiverFile: String?
    /// `percentile`, `min_samples`, `aggregate` of a bench source: the defaults of every bench condition.
    public let benchmarkOptions: BenchmarkOptions
    /// The waivers read from it (filled in by ``GateLoader``).
    public var waivers: [Waiver] = []
    /// The gate file that declared it.
    public let declaredIn: String
    /// Why no report is declared: set by a built-in profile when discovery found none, reported as the
    /// category's problem (its gates fail closed with it).
    public var notFound: String?

    public init(
        category: ReportCategory, patterns: [Glob], format: ReportFormat? = nil, strip: [String] = [],
        map: [(from: String, to: String)] = [], requireFiles: Double? = nil, include: [Glob] = [],
        exclude: [Glob] = [], waiverFile: String? = nil, benchmarkOptions: BenchmarkOptions = BenchmarkOptions(),
        declaredIn: String
    ) {
        self.benchmarkOptions = benchmarkOptions
        self.waiverFile = waiverFile
        self.category = category
        self.patterns = patterns
        self.format = format
        self.strip = strip
        self.map = map
        self.requireFiles = requireFiles
        self.include = include
        self.exclude = exclude
        self.declaredIn = declaredIn
    }
}

/// Whether a failing gate fails the build.
public enum GateLevel: String, Sendable, CaseIterable {
    /// A failing gate fails the check (exit 1).
    case error
    /// A failing gate is reported, but the check still passes.
    case warn
}

/// What a gate requires.
public enum GateKind: Sendable {
    /// Conditions on metrics, all of which must hold (`require`).
    case conditions([Condition])
    /// A statement a person must attest in the current session (`attest`): a code review, a penetration test.
    case attestation(String)
    /// Documents that must exist, with the sections they must have (`documents`).
    case documents([DocumentRequirement])
}

/// A gate: what it requires, how much it matters and when it applies.
public struct Gate: Sendable {
    public let id: String
    public let description: String?
    public let kind: GateKind
    public let level: GateLevel
    public let phase: String?
    /// The gate file that declared it.
    public let declaredIn: String

    public init(
        id: String, description: String? = nil, kind: GateKind, level: GateLevel = .error, phase: String? = nil,
        declaredIn: String
    ) {
        self.id = id
        self.description = description
        self.kind = kind
        self.level = level
        self.phase = phase
        self.declaredIn = declaredIn
    }

    /// A gate of conditions.
    public init(
        id: String, description: String? = nil, conditions: [Condition], level: GateLevel = .error,
        phase: String? = nil, declaredIn: String
    ) {
        self.init(
            id: id, description: description, kind: .conditions(conditions), level: level, phase: phase,
            declaredIn: declaredIn)
    }

    /// The gate's conditions (none for attestation and document gates).
    public var conditions: [Condition] {
        if case .conditions(let conditions) = kind { return conditions }
        return []
    }

    /// The statement to attest, for an attestation gate.
    public var attestation: String? {
        if case .attestation(let statement) = kind { return statement }
        return nil
    }

    /// The gate with a bench source's `options` as the defaults of its bench conditions.
    func defaulting(to options: BenchmarkOptions) -> Gate {
        guard case .conditions(let conditions) = kind, options != BenchmarkOptions() else { return self }
        return Gate(
            id: id, description: description, kind: .conditions(conditions.map { $0.defaulting(to: options) }),
            level: level, phase: phase, declaredIn: declaredIn)
    }

    /// The categories whose reports this gate reads.
    public var categories: Set<ReportCategory> { Set(conditions.map(\.metric.category)) }
}

/// Every gate file of a project, loaded, validated and merged.
public struct GateSet: Sendable {
    /// The gate files read, in the order they were merged, as shown to the user.
    public let files: [String]
    /// The same files' paths to open (absolute, or relative to the current directory).
    public let paths: [String]
    /// The project name (the first `name` given).
    public let name: String?
    public internal(set) var sources: [ReportSource]
    /// The gates in display order: files in path order, gates in file order.
    public let gates: [Gate]

    /// Where the session log is, relative to the project root, when a gate file says (`log`).
    public let logPath: String?
    /// The gate-file text of a built-in profile (`check --profile`), which stands in for gate files.
    public internal(set) var profileText: String?

    public init(
        files: [String], paths: [String]? = nil, name: String?, sources: [ReportSource], gates: [Gate],
        logPath: String? = nil
    ) {
        self.files = files
        self.paths = paths ?? files
        self.name = name
        self.sources = sources
        self.gates = gates
        self.logPath = logPath
    }

    /// The waivers of every source of each category.
    public var waivers: [ReportCategory: [Waiver]] {
        Dictionary(grouping: sources, by: \.category).mapValues { $0.flatMap(\.waivers) }
    }

    /// The phases named by at least one gate, sorted.
    public var phases: [String] { Array(Set(gates.compactMap(\.phase))).sorted() }
}
