/// `protocol summary [--session N] [--format text|markdown|json]`: a session's gate summary for release managers,
/// read from the session log.
enum SummaryCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "summary",
        abstract: "Summarise a session from the log: latest gate table, trend, attestations, waivers, digests.",
        discussion: """
            Reads the session log, not the current reports: the gate table of the session's latest check, each \
            value against the session's first check and the previous session's latest check, the attestations, \
            the waivers in force, the report files' SHA-256 and whether the session may close. Exits 0 whenever the \
            summary is printed, whatever the verdict: it is a report, not a gate.
            """,
        options: [
            OptionSpec(name: "session", value: "n", help: "The session (default: the open one, else the latest)."),
            OptionSpec(
                name: "format", value: "format", help: "text (default), markdown or json.",
                choices: ["text", "markdown", "json"]),
            Project.rootOption, Project.gatesOption, Project.logOption,
        ])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        switch SessionChoice.choose(project, arguments, invocation, option: "session") {
        case .failure(let failure):
            return failure.code
        case .success(let chosen):
            let attestationGates = (project.gateSet?.gates ?? []).filter { $0.attestation != nil }
            let summary = SessionSummary(chosen.session, in: chosen.sessions, attestationGates: attestationGates)
            switch arguments.values["format"] ?? "text" {
            case "markdown": invocation.terminal.write(SummaryMarkdownRenderer.render(summary))
            case "json": invocation.terminal.write(SummaryJSONRenderer.render(summary))
            default:
                invocation.terminal.write(
                    SummaryTextRenderer.render(summary, colour: invocation.usesColour, width: invocation.outputWidth))
            }
            return ExitCode.success
        }
    }
}
