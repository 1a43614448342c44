/// `protocol attest GATE --by NAME [--note TEXT]`: records that a person attests an attestation gate.
enum AttestCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "attest",
        abstract: "Record that an attestation gate's requirement is met (a review, a sign-off).",
        discussion: """
            The attestation is recorded in the open session (one is opened when none is) and makes the gate pass in \
            the session's next checks. Attesting a gate that does not exist, or that is not an attestation gate \
            ({id, attest: "…"}), is an error.
            """,
        options: [
            OptionSpec(name: "by", value: "name", help: "Who attests (required)."),
            OptionSpec(name: "note", value: "text", help: "What was reviewed, a ticket, a link."),
            Project.rootOption, Project.gatesOption, Project.profileOption, Project.logOption,
        ],
        arguments: [(name: "gate", help: "The id of an attestation gate.", repeating: false)])

    static let needsGates = true

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let gates = project.gateSet?.gates ?? []
        guard arguments.positionals.count == 1, let id = arguments.positionals.first else {
            return usage("give exactly one gate", invocation)
        }
        guard let by = arguments.values["by"], !by.trimmingSpaces.isEmpty else {
            return usage("say who attests with --by NAME", invocation)
        }
        guard let gate = gates.first(where: { $0.id == id }) else {
            let attestable = gates.filter { $0.attestation != nil }.map(\.id)
            return usage(
                "no gate '\(id)'"
                    + (attestable.isEmpty
                        ? "; no gate is an attestation gate"
                        : "; attestation gates: "
                            + attestable.joined(separator: ", ")) + Suggestions.didYouMean(id, in: gates.map(\.id)),
                invocation)
        }
        guard let statement = gate.attestation else {
            return usage("'\(id)' is not an attestation gate: its result comes from reports or documents", invocation)
        }
        let data = JSONOutput.object([
            ("gate", .string(id)), ("statement", .string(statement)), ("by", .string(by)),
            ("note", .optional(arguments.values["note"])),
        ])
        do {
            let entries = try project.log.append(
                { tail, _ throws(LogError) in
                    switch SessionLog.open(after: tail) {
                    case .session(let number):
                        return [(.attest, number, data)]
                    case .none(let next):
                        let start = JSONOutput.object([
                            ("title", .string("opened by protocol attest")), ("opened_by", .string("attest")),
                        ])
                        return [(.sessionStart, next, start), (.attest, next, data)]
                    }
                }, time: invocation.clock())
            guard let entry = entries.last else { return ExitCode.failure }
            invocation.terminal.write(
                "Recorded: \(by) attests \(id) (“\(statement)”) in session \(entry.session), entry \(entry.seq).\n")
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }

    private static func usage(_ message: String, _ invocation: Invocation) -> Int32 {
        invocation.terminal.writeError("error: \(message)\n")
        return ExitCode.usage
    }
}
