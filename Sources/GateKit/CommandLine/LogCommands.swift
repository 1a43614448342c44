/// `protocol log verify [--head HASH]`: recomputes the hash chain (and stored evidence).
enum LogVerifyCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "log verify",
        abstract: "Recompute the log's hash chain and stored evidence; name the first bad entry.",
        discussion: """
            Detects an edited, deleted, inserted or reordered entry and a torn last line, naming the first bad \
            entry by its seq and line number. With --head, also detects entries cut from the end: give a hash that \
            protocol log head printed earlier. Exit code 0 when the log verifies, 1 when it does not.
            """,
        options: [
            OptionSpec(name: "head", value: "hash", help: "A head hash the log must still contain."),
            Project.rootOption, Project.gatesOption, Project.logOption,
        ])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        guard project.log.exists else {
            invocation.terminal.writeError("error: there is no session log at \(project.logShown)\n")
            return ExitCode.usage
        }
        if let head = arguments.values["head"], SHA256Digest(hex: head) == nil {
            invocation.terminal.writeError("error: --head takes the 64 hex digits protocol log head prints\n")
            return ExitCode.usage
        }
        let result = LogVerifier.verify(
            project.log, expectedHead: arguments.values["head"]?.lowercased(),
            evidence: EvidenceStore(besideLog: project.log.path))
        let evidence = result.evidenceChecked == 0 ? "" : ", \(result.evidenceChecked) evidence files"
        if result.verified {
            invocation.terminal.write(
                "\(project.logShown): \(result.entries) entries verify\(evidence); head \(result.head ?? LogEntry.genesis)\n"
            )
            return ExitCode.success
        }
        invocation.terminal.write(
            "\(project.logShown): does not verify (\(result.entries) entries verify before the first problem)\n"
                + result.problems.map { "  \($0)\n" }.joined())
        return ExitCode.failure
    }
}

/// `protocol log head`: the hash of the last entry, to keep elsewhere and verify against later.
enum LogHeadCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "log head",
        abstract: "Print the hash of the log's last entry (keep it to detect a cut tail with log verify --head).",
        options: [Project.rootOption, Project.gatesOption, Project.logOption])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        do {
            switch try project.log.tail() {
            case .empty:
                invocation.terminal.writeError("error: the log \(project.logShown) has no entries\n")
                return ExitCode.failure
            case .torn:
                invocation.terminal.writeError("error: the log ends in a torn line: protocol log repair\n")
                return ExitCode.failure
            case .entry(let entry):
                invocation.terminal.write("\(entry.lineHash)\n")
                return ExitCode.success
            }
        } catch {
            return Project.fail(error, invocation, code: ExitCode.failure)
        }
    }
}

/// `protocol log repair`: sets a torn last line aside and records that.
enum LogRepairCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "log repair",
        abstract: "Set a torn last line aside (into a file beside the log) and record a log.repair entry.",
        options: [Project.rootOption, Project.gatesOption, Project.logOption])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        do {
            guard let saved = try project.log.repair(time: invocation.clock()) else {
                invocation.terminal.write("\(project.logShown) is not torn: nothing to repair.\n")
                return ExitCode.success
            }
            invocation.terminal.write(
                "Set the torn line aside in \(invocation.shown(saved)) and recorded a log.repair entry.\n")
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation, code: ExitCode.failure)
        }
    }
}
