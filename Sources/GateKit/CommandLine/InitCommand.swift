/// `protocol init`: finds the reports already present in the project and writes `gates/protocol.json5`, a built-in
/// profile wired to them.
enum InitCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Write gates/protocol.json5 wired to the reports found in the project.",
        discussion: """
            Looks for the reports already present under the root (known file names, and the content of files \
            with report extensions; dependency, build-output and fixture folders are skipped) and writes \
            gates/protocol.json5: the gates of a built-in profile wired to those reports, with comments. A \
            category without a report is left commented out, with the gates that read it and a hint of what to \
            generate. An existing file is kept unless --force is given. Exit code 0 when the file was written, \
            1 when no report was found, 2 for an invalid invocation or a file that cannot be written.
            """,
        options: [
            OptionSpec(
                name: "profile", value: "name", help: "The gates to start from: protocol (default) or standards.",
                choices: BuiltInProfile.allCases.map(\.rawValue)),
            Project.rootOption,
            OptionSpec(name: "force", value: nil, help: "Replace an existing gates/protocol.json5."),
            OptionSpec(name: "print", value: nil, help: "Print the gate file instead of writing it."),
        ])

    static let fileName = "gates/protocol.json5"

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let terminal = invocation.terminal
        let root = invocation.absolute(arguments.values["root"] ?? ".")
        guard FileSystem.kind(of: root) == .directory else {
            terminal.writeError("error: the root \(invocation.shown(root)) is not a folder\n")
            return ExitCode.usage
        }
        let profile = arguments.values["profile"].flatMap(BuiltInProfile.init(rawValue:)) ?? .protocol
        let file = ProfileGateFile.discover(profile, root: root)
        let discovery = file.discovery
        guard !discovery.reports.isEmpty else {
            terminal.writeError(
                "error: no report found under \(invocation.shown(root)) (\(discovery.visited) entries looked at, "
                    + "\(discovery.sniffed) files sniffed); generate reports first, for instance:\n"
                    + ReportCategory.allCases.filter { $0 != .metrics }.map {
                        "  \($0.rawValue): \(ProfileGateFile.hint($0).generate)\n"
                    }.joined())
            return ExitCode.failure
        }
        let text = file.text(starter: true)
        if arguments.flags.contains("print") {
            terminal.write(text)
            return ExitCode.success
        }
        let path = root + "/" + fileName
        let shown = invocation.shown(path)
        if FileSystem.kind(of: path) != nil, !arguments.flags.contains("force") {
            terminal.writeError(
                "error: \(shown) already exists; --force replaces it, --print shows what would be written\n")
            return ExitCode.usage
        }
        do {
            try FileSystem.write(text, to: path)
        } catch {
            terminal.writeError("error: \(error.message)\n")
            return ExitCode.usage
        }
        terminal.write(report(discovery, missing: file.missing, shown: shown, profile: profile))
        return ExitCode.success
    }

    /// What was written: the reports found per category, the categories left out, and what to do next.
    private static func report(
        _ discovery: ReportDiscovery, missing: [ReportCategory], shown: String, profile: BuiltInProfile
    ) -> String {
        let counts = Dictionary(grouping: discovery.reports, by: \.category).sorted { $0.key < $1.key }
        let found = counts.map { "\($0.key.rawValue) \($0.value.count)" }.joined(separator: ", ")
        var lines = [
            "Wrote \(shown) (profile \(profile.rawValue)): \(NumberFormatting.count(discovery.reports.count)) "
                + "\(discovery.reports.count == 1 ? "report" : "reports") found (\(found))."
        ]
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            lines.append(
                "No report found for \(names): those gates are commented out; generate the reports, then enable them.")
        }
        if discovery.truncated {
            lines.append(
                "Discovery stopped at its limits (\(discovery.visited) entries, \(discovery.sniffed) files sniffed): "
                    + "add any report it missed to reports.")
        }
        lines.append("Next: protocol check")
        return lines.joined(separator: "\n") + "\n"
    }
}
