/// `protocol session export [N] [--vsa]`: the session's verdict as an in-toto Statement (or a SLSA VSA).
enum SessionExportCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session export",
        abstract: "Write a session's verdict as an in-toto Statement v1 (or, with --vsa, a SLSA VSA v1).",
        discussion: """
            The subject is the commit the session's latest check ran on; the predicate records every gate and \
            condition with metric, value, unit, comparator, threshold and status, and the report files' SHA-256 as \
            inputs. The output is unsigned: sign it with existing tools (see the README).
            """,
        options: [
            OptionSpec(name: "vsa", value: nil, help: "Write a SLSA Verification Summary v1 instead."),
            Project.rootOption, Project.gatesOption, Project.logOption,
        ],
        arguments: [(name: "number", help: "The session (default: the open one, else the latest).", repeating: false)],
        argumentsOptional: true)

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        switch SessionChoice.choose(project, arguments, invocation) {
        case .failure(let failure):
            return failure.code
        case .success(let session):
            do {
                let document =
                    arguments.flags.contains("vsa")
                    ? try SessionExport.verificationSummary(session, logPath: project.logShown)
                    : try SessionExport.statement(session, logPath: project.logShown)
                invocation.terminal.write(document.rendered())
                return ExitCode.success
            } catch {
                return Project.fail(error, invocation, code: ExitCode.failure)
            }
        }
    }
}
