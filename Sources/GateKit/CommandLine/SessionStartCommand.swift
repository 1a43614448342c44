/// `protocol session start TITLE`: opens a session and prints its number.
enum SessionStartCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session start",
        abstract: "Open a session for a piece of work; prints its number.",
        discussion: """
            A session is the unit of accountability: every check of the gates is recorded in it, and it closes only \
            when its latest check passed every gate. Refused while another session is open.
            """,
        options: [Project.rootOption, Project.gatesOption, Project.logOption],
        arguments: [(name: "title", help: "What the work is, e.g. \"Release 2.3\".", repeating: true)])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let title = arguments.positionals.joined(separator: " ")
        var refusal: String?
        do {
            let entries = try project.log.append(
                { tail, _ throws(LogError) in
                    switch SessionLog.open(after: tail) {
                    case .session(let open):
                        refusal = "session \(open) is open; close it first (protocol session close)"
                        return []
                    case .none(let next):
                        return [
                            (
                                .sessionStart, next,
                                .object([("title", .string(title)), ("opened_by", .string("session start"))])
                            )
                        ]
                    }
                }, time: invocation.clock())
            if let refusal {
                invocation.terminal.writeError("error: \(refusal)\n")
                return ExitCode.failure
            }
            guard let entry = entries.first else { return ExitCode.failure }
            invocation.terminal.write("\(entry.session)\n")
            invocation.terminal.writeError("Started session \(entry.session) “\(title)” in \(project.logShown).\n")
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }
}
