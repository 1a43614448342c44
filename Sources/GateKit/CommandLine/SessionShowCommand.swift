/// `protocol session show [N]`: every check of a session, each gate's values over time, and the attestations.
enum SessionShowCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session show", abstract: "Show a session's checks, each gate's values over time, and its attestations.",
        options: [Project.rootOption, Project.gatesOption, Project.logOption],
        arguments: [(name: "number", help: "The session (default: the open one, else the latest).", repeating: false)],
        argumentsOptional: true)

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        switch SessionChoice.choose(project, arguments, invocation) {
        case .success(let session):
            invocation.terminal.write(SessionTextRenderer.show(session))
            return ExitCode.success
        case .failure(let failure):
            return failure.code
        }
    }
}

/// Picks the session a command names (`[N]`, or the option `--session N`), by default the open one, else the latest.
enum SessionChoice {
    static func choose(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation)
        -> Result<SessionRecord, ExitFailure>
    {
        choose(project, arguments, invocation, option: nil).map(\.session)
    }

    /// The session named by the positional argument, or by `option` when given, with every session of the log.
    static func choose(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation, option: String?)
        -> Result<(session: SessionRecord, sessions: [SessionRecord]), ExitFailure>
    {
        var wanted: Int?
        let given = option.map { arguments.values[$0].map { [$0] } ?? [] } ?? arguments.positionals
        if let text = given.first {
            guard given.count == 1, let number = Int(text), number > 0 else {
                invocation.terminal.writeError(
                    "error: a session is named by its number, not '\(given.joined(separator: " "))'\n")
                return .failure(ExitFailure(code: ExitCode.usage))
            }
            wanted = number
        }
        let sessions: [SessionRecord]
        do {
            sessions = SessionRecord.group(try project.log.allEntries())
        } catch {
            return .failure(ExitFailure(code: Project.fail(error, invocation)))
        }
        guard let session = wanted.map({ number in sessions.first { $0.number == number } }) ?? sessions.last else {
            let known = sessions.isEmpty ? "the log has no sessions" : "sessions: 1 to \(sessions.last?.number ?? 0)"
            invocation.terminal.writeError(
                "error: no session\(wanted.map { " \($0)" } ?? "") in \(project.logShown); \(known)\n")
            return .failure(ExitFailure(code: ExitCode.usage))
        }
        return .success((session, sessions))
    }
}
