/// `protocol session list`: every session of the log.
enum SessionListCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "session list", abstract: "List every session: status, dates, checks and latest verdict.",
        options: [Project.rootOption, Project.gatesOption, Project.logOption])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let project: Project
        switch Project.open(arguments, invocation, needsGates: false) {
        case .success(let opened): project = opened
        case .failure(let failure): return failure.code
        }
        do {
            invocation.terminal.write(SessionTextRenderer.list(SessionRecord.group(try project.log.allEntries())))
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }
}
