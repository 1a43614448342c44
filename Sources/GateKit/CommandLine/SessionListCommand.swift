/// `protocol session list`: every session of the log.
enum SessionListCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session list", abstract: "List every session: status, dates, checks and latest verdict.",
        options: [Project.rootOption, Project.gatesOption, Project.logOption])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        do {
            invocation.terminal.write(SessionTextRenderer.list(SessionRecord.group(try project.log.allEntries())))
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }
}
