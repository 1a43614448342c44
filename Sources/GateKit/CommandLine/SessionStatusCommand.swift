/// `protocol session status`: the open session, its latest verdict and what is still to attest.
enum SessionStatusCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session status", abstract: "Show the open session: its checks, latest verdict and missing attestations.",
        options: [Project.rootOption, Project.gatesOption, Project.profileOption, Project.logOption])

    static let needsGates = false

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        do {
            switch try project.log.openSession() {
            case .none(let next):
                invocation.terminal.write(
                    "No session is open; the next will be session \(next) "
                        + "(protocol session start TITLE, or protocol check opens one).\n")
            case .session(let number):
                let session = SessionRecord(number: number, entries: try project.log.entries(ofSession: number))
                let gates = (project.gateSet?.gates ?? []).filter { $0.attestation != nil }
                invocation.terminal.write(SessionTextRenderer.status(session, attestationGates: gates))
            }
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }
}
