/// A built-in profile wired to the reports discovery found: the gate file `protocol init` writes, and the gates
/// `protocol check --profile` evaluates (the same text, read by the same parser).
public struct ProfileGateFile: Sendable {
    public let profile: BuiltInProfile
    public let discovery: ReportDiscovery
    private let root: String

    /// One entry of `reports.<category>`: a path or a glob, and what it is.
    struct ReportLine {
        let pattern: String
        let comment: String
    }

    public init(_ profile: BuiltInProfile, discovery: ReportDiscovery, root: String) {
        self.profile = profile
        self.discovery = discovery
        self.root = root
    }

    /// Discovers the reports under `root` and wires `profile` to them.
    public static func discover(_ profile: BuiltInProfile, root: String) -> ProfileGateFile {
        ProfileGateFile(profile, discovery: ReportDiscovery.discover(root: root), root: root)
    }

    /// The categories the profile's gates read that no report was found for.
    public var missing: [ReportCategory] {
        Set(profile.entries.compactMap(\.reads)).subtracting(discovery.categories).sorted()
    }

    /// The gate file. `starter` (for `init`): a category without reports is a commented-out line with a hint, and
    /// so are the gates that read it, so that the file is valid as written. Otherwise (for `check --profile`) those
    /// gates stay: they fail closed, with what was looked for.
    public func text(starter: Bool) -> String {
        let command = "protocol init\(profile == .protocol ? "" : " --profile \(profile.rawValue)")"
        var lines = ["// Written by `\(command)`: the \(profile.rawValue) profile, wired to the reports found here."]
        var line = "// It checks:"
        for item in profile.summary.split(separator: "; ") {
            if line.count + item.count + 2 > 110 {
                lines.append(line)
                line = "//"
            }
            line += " \(item)" + (item.hasSuffix(".") ? "" : ";")
        }
        lines.append(line)
        lines += [
            "// Edit freely: `protocol check` reads this file (see the README, \"Gate files\").",
            "{",
            "  protocol: 1,",
            "  reports: {",
        ]
        let found = Dictionary(grouping: discovery.reports, by: \.category)
        for category in ReportCategory.allCases where category != .metrics {
            guard let reports = found[category] else {
                guard missing.contains(category) else { continue }
                lines.append(
                    "    // \(category.rawValue): \"…\",  — no \(category.rawValue) report found; generate one, e.g.")
                lines += Self.hint(category).generate.split(separator: ", ").map { "    //   " + $0 }
                continue
            }
            let entries = reportLines(reports)
            if entries.count == 1, let entry = entries.first {
                lines.append("    \(category.rawValue): \(JSONOutput.quoted(entry.pattern)),  // \(entry.comment)")
            } else {
                lines.append("    \(category.rawValue): [")
                lines += entries.map { "      \(JSONOutput.quoted($0.pattern)),  // \($0.comment)" }
                lines.append("    ],")
            }
        }
        lines += ["  },", "  gates: ["]
        for entry in profile.entries {
            lines += HelpLayout.wrap(entry.comment, width: 110).map { "    // " + $0 }
            let gate = entry.json5.split(separator: "\n").map { "    " + $0 }
            if starter, let category = entry.reads, missing.contains(category) {
                lines.append(
                    "    // No \(category.rawValue) report was found: enable with reports.\(category.rawValue) above.")
                lines += gate.map { "    // " + $0.dropFirst(4) }
            } else {
                lines += gate
            }
        }
        lines += ["  ],", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gates `check --profile` evaluates: the profile text parsed as a gate file named `--profile NAME`, with
    /// every category that has no report declared as not found, which fails its gates with what was looked for.
    public func gateSet() throws(GateFileErrors) -> GateSet {
        let shown = "--profile \(profile.rawValue)"
        let text = text(starter: false)
        let file = try GateFileParser.parse(Array(text.utf8), file: shown)
        var sources = file.sources
        for category in missing {
            var source = ReportSource(category: category, patterns: [], declaredIn: shown)
            let example = Self.hint(category).generate.split(separator: ",").first.map(String.init) ?? ""
            source.notFound =
                "no \(category.rawValue) report found under the root (known names such as "
                + Self.hint(category).names + "; \(discovery.sniffed) files sniffed by content"
                + (discovery.truncated ? ", stopped at the discovery limits" : "") + "); generate one, e.g. "
                + example
            sources.append(source)
        }
        let merged = GateFile(
            path: shown, name: nil, sources: sources, gates: file.gates, logPath: nil,
            gatePositions: file.gatePositions)
        var set = try GateLoader.merge([merged], paths: [shown])
        set.profileText = text
        return set
    }

    /// The entries for one category's reports: several files of one format in one folder become `folder/*.ext`
    /// when that glob matches exactly them; every other file is named as it is.
    func reportLines(_ reports: [DiscoveredReport]) -> [ReportLine] {
        var lines: [ReportLine] = []
        var done = Set<String>()
        for report in reports where !done.contains(report.path) {
            let folder = report.path.split(separator: "/").dropLast().joined(separator: "/")
            let name = report.path.split(separator: "/").last.map(String.init) ?? report.path
            let suffix = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { ".\($0)" } : nil
            let siblings = reports.filter {
                $0.format == report.format && $0.path.hasPrefix(folder.isEmpty ? "" : folder + "/")
                    && !$0.path.dropFirst(folder.isEmpty ? 0 : folder.count + 1).contains("/")
                    && suffix.map($0.path.hasSuffix) == true
            }
            let what = "\(report.format.displayName) (\(report.format.rawValue))"
            if siblings.count > 1, let suffix {
                let pattern = (folder.isEmpty ? "" : Self.escaped(folder) + "/") + "*" + Self.escaped(suffix)
                let matched = (try? Glob(pattern)).flatMap { try? FileFinder.find($0, under: root) }
                if matched == siblings.map(\.path) {
                    done.formUnion(matched ?? [])
                    lines.append(
                        ReportLine(pattern: pattern, comment: "\(siblings.count) files: \(what)\(Self.how(report))"))
                    continue
                }
            }
            done.insert(report.path)
            lines.append(ReportLine(pattern: Self.escaped(report.path), comment: what + Self.how(report)))
        }
        return lines
    }

    /// How a report was found: by the name a tool writes, or by its content.
    private static func how(_ report: DiscoveredReport) -> String {
        report.writtenBy.map { "; found by name: \($0)" } ?? "; recognised by content"
    }

    /// `path` as a glob that matches only itself.
    static func escaped(_ path: String) -> String {
        var result = ""
        for character in path {
            if "*?[]{}\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// What discovery looks for in a category, and how to generate such a report.
    static func hint(_ category: ReportCategory) -> (names: String, generate: String) {
        switch category {
        case .coverage:
            return (
                "coverage/lcov.info, coverage.xml, coverage-final.json, jacoco.xml, coverage.out",
                "jest --coverage, pytest --cov --cov-report=xml, swift test --enable-code-coverage, "
                    + "go test -coverprofile=coverage.out"
            )
        case .tests:
            return (
                "junit.xml, build/test-results/**/*.xml, target/surefire-reports/*.xml, *.trx",
                "pytest --junitxml=junit.xml, jest with jest-junit, swift test --xunit-output junit.xml, "
                    + "dotnet test --logger trx"
            )
        case .lint:
            return (
                "eslint.json, *.sarif, checkstyle-result.xml, swiftlint.json",
                "eslint . -f json -o eslint.json, swiftlint --reporter json > swiftlint.json, "
                    + "mypy . > mypy.txt, a compiler log (build.log)"
            )
        case .scan:
            return (
                "trivy.json, grype.json, dependency-check-report.json, gl-*-report.json, *.sarif",
                "trivy fs --format json --output trivy.json ., npm audit --json > npm-audit.json, "
                    + "pip-audit -f json -o pip-audit.json"
            )
        case .bench, .metrics:
            return (
                "k6-summary.json, summary.json, *.jtl, statistics.json, *_stats.csv",
                "k6 run --summary-export=k6-summary.json script.js, jmeter -n -t plan.jmx -l results.jtl, "
                    + "locust --headless --csv=load"
            )
        }
    }
}
