/// `protocol session close`: closes the open session, only when its latest check passed every gate and every
/// attestation gate is attested.
enum SessionCloseCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "session close",
        abstract: "Close the open session; refused unless its latest check passed and every attestation is in.",
        options: [Project.rootOption, Project.gatesOption, Project.profileOption, Project.logOption])

    static let needsGates = true

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let attestationGates = (project.gateSet?.gates ?? []).filter { $0.attestation != nil }
        var refusal: [String] = []
        do {
            let entries = try project.log.append(
                { tail, reader throws(LogError) in
                    guard case .session(let number) = SessionLog.open(after: tail) else {
                        refusal = ["no session is open"]
                        return []
                    }
                    let session = SessionRecord(number: number, entries: try reader.entries(ofSession: number))
                    refusal = reasons(session, attestationGates: attestationGates)
                    guard refusal.isEmpty, let latest = session.checks.last else { return [] }
                    return [
                        (
                            .sessionClose, number,
                            .object([("checks", .integer(session.checks.count)), ("last_check", .integer(latest.seq))])
                        )
                    ]
                }, time: invocation.clock())
            guard let entry = entries.first, refusal.isEmpty else {
                invocation.terminal.writeError(
                    "error: the session cannot close:\n" + refusal.map { "  - \($0)\n" }.joined())
                return ExitCode.failure
            }
            invocation.terminal.write("Closed session \(entry.session) (entry \(entry.seq)).\n")
            return ExitCode.success
        } catch {
            return Project.fail(error, invocation)
        }
    }

    /// Why the session cannot close: no check yet, gates that failed its latest check, attestations missing.
    static func reasons(_ session: SessionRecord, attestationGates: [Gate]) -> [String] {
        guard let latest = session.checks.last else {
            return ["the session has no check yet: run protocol check"]
        }
        var reasons = LoggedGate.gates(of: latest).filter { $0.status == "fail" }.map {
            "gate \($0.id) failed the latest check (entry \(latest.seq), \(latest.time))"
        }
        let attested = session.attestations
        reasons += attestationGates.filter { attested[$0.id] == nil }.map {
            "gate \($0.id) is not attested (“\($0.attestation ?? "")”): protocol attest \($0.id) --by NAME"
        }
        return reasons
    }
}
