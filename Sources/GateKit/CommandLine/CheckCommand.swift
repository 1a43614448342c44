/// `protocol check`: loads the gate files, reads the reports they declare, evaluates every gate, and records the
/// check in the session log.
enum CheckCommand: ProjectCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Evaluate the project's gates against its reports.",
        discussion: """
            Reads every gate file in gates/ under the root (or --gates), finds and reads the reports they declare, \
            and prints each gate with its measured value, threshold and margin. The check is recorded in the \
            session log (a session is opened when none is). Exit code 0 when every gate passed (warnings allowed), \
            1 when a gate failed (including a gate without data), 2 when the invocation or a gate file is invalid \
            or the log cannot be written.
            """,
        options: [
            Project.gatesOption,
            Project.profileOption,
            OptionSpec(name: "phase", value: "name", help: "Evaluate only the gates of this phase."),
            Project.rootOption,
            OptionSpec(
                name: "format", value: "format",
                help: "Output format: text, json, junit, markdown or codeclimate (default: text).",
                choices: CheckOutput.formats),
            OptionSpec(
                name: "output", value: "format:path",
                help: "Also write the verdict in another format to a file, e.g. junit:reports/gates.xml (repeatable).",
                repeatable: true),
            OptionSpec(name: "verbose", value: nil, help: "Show the evidence behind passing gates too."),
            OptionSpec(name: "quiet", value: nil, help: "Print only the verdict line.", short: "q"),
            Project.logOption,
            OptionSpec(name: "no-log", value: nil, help: "Do not record this check in the session log."),
            OptionSpec(
                name: "keep-evidence", value: nil,
                help: "Store each report file content-addressed under the log's evidence/ folder."),
        ])

    static let needsGates = true

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let terminal = invocation.terminal
        guard let gateSet = project.gateSet else { return ExitCode.usage }
        var gates = gateSet.gates
        let phase = arguments.values["phase"]
        if let phase {
            gates = gates.filter { $0.phase == phase }
            guard !gates.isEmpty else {
                let phases = gateSet.phases
                terminal.writeError(
                    "error: no gate has phase '\(phase)'"
                        + (phases.isEmpty ? "; no gate names a phase" : "; phases: \(phases.joined(separator: ", "))")
                        + Suggestions.didYouMean(phase, in: phases) + "\n")
                return ExitCode.usage
            }
        }
        var outputs: [CheckOutput] = []
        do throws(InputError) {
            for text in arguments.lists["output"] ?? [] {
                outputs.append(try CheckOutput(parsing: text, root: project.root))
            }
        } catch {
            terminal.writeError("error: \(error.message)\n")
            return ExitCode.usage
        }
        let recording = !arguments.flags.contains("no-log")
        let context: Evaluator.Context
        do {
            context = try evaluationContext(gates, project: project)
        } catch {
            return Project.fail(error, invocation)
        }
        let collection = ReportCollector.collect(
            gateSet.sources, root: project.root, categories: Set(gates.flatMap(\.categories)),
            observer: invocation.readProgress)
        let verdict = Evaluator.evaluate(
            gates,
            store: MetricStore(collection.inputs, waivers: gateSet.waivers, today: CalendarDate(invocation.clock())),
            problems: collection.problems, reports: collection.reports,
            context: context)
        var record: CheckJSONRenderer.Record?
        if recording {
            do {
                record = try self.record(
                    verdict, gateSet: gateSet, phase: phase, project: project, invocation: invocation,
                    keepEvidence: arguments.flags.contains("keep-evidence"))
            } catch {
                render(verdict, gateSet, record: nil, note: "Not recorded: \(error.message)", arguments, invocation)
                return Project.fail(error, invocation)
            }
        }
        let note =
            record.map { "Recorded as entry \($0.seq) of session \($0.session) in \(project.logShown)." }
            ?? "Not recorded (--no-log)."
        render(verdict, gateSet, record: record, note: note, arguments, invocation)
        do {
            for output in outputs {
                try FileSystem.write(
                    output.render(verdict, gateSet: gateSet, record: record, note: note), to: output.path)
            }
            try GitHubActions(invocation.environment)?.report(verdict, gateSet: gateSet, terminal: terminal)
        } catch {
            terminal.writeError("error: \(error.message)\n")
            return ExitCode.usage
        }
        return verdict.passed ? ExitCode.success : ExitCode.failure
    }

    private static func render(
        _ verdict: Verdict, _ gateSet: GateSet, record: CheckJSONRenderer.Record?, note: String,
        _ arguments: ParsedArguments, _ invocation: Invocation
    ) {
        let format = arguments.values["format"] ?? "text"
        if format == "text", arguments.flags.contains("quiet") {
            invocation.terminal.write(CheckTextRenderer(colour: invocation.usesColour).verdictLine(verdict) + "\n")
            return
        }
        var output = CheckOutput(
            format: format, path: "", colour: invocation.usesColour, verbose: arguments.flags.contains("verbose"))
        output.width = invocation.outputWidth
        invocation.terminal.write(output.render(verdict, gateSet: gateSet, record: record, note: note))
    }

    /// The attestations of the open session, read only when an attestation gate needs them.
    static func evaluationContext(_ gates: [Gate], project: Project) throws(LogError) -> Evaluator.Context {
        guard gates.contains(where: { $0.attestation != nil }) else { return Evaluator.Context(root: project.root) }
        guard case .session(let number) = try project.log.openSession() else {
            return Evaluator.Context(
                root: project.root,
                attestationsUnavailable: "no session is open: protocol attest GATE --by NAME opens one and records it")
        }
        let session = SessionRecord(number: number, entries: try project.log.entries(ofSession: number))
        return Evaluator.Context(root: project.root, attestations: session.attestations)
    }

    /// Appends the check (and a `session.start` when no session is open) to the log.
    private static func record(
        _ verdict: Verdict, gateSet: GateSet, phase: String?, project: Project, invocation: Invocation,
        keepEvidence: Bool
    ) throws(LogError) -> CheckJSONRenderer.Record {
        var gateFiles: [CheckRecord.DigestedFile] = []
        for (shown, path) in zip(gateSet.files, gateSet.paths) {
            let sha256: String
            if let text = gateSet.profileText { sha256 = SHA256.digest(text).hex } else { sha256 = try digest(path) }
            gateFiles.append(CheckRecord.DigestedFile(path: shown, sha256: sha256))
        }
        var reportDigests: [String: String] = [:]
        let evidence = EvidenceStore(besideLog: project.log.path)
        for report in verdict.reports {
            let path = report.path.hasPrefix("/") ? report.path : project.root + "/" + report.path
            let sha = try digest(path)
            reportDigests[report.path] = sha
            if keepEvidence { try evidence.keep(path, digest: sha) }
        }
        let check = CheckRecord(
            verdict: verdict, name: gateSet.name, gateFiles: gateFiles, reportDigests: reportDigests, phase: phase,
            git: GitState.read(root: project.root), ci: CIRun.detect(invocation.environment), evidence: keepEvidence)
        let entries = try project.log.append(
            { tail, _ throws(LogError) in
                switch SessionLog.open(after: tail) {
                case .session(let number):
                    return [(.check, number, check.json)]
                case .none(let next):
                    let start = JSONOutput.object([
                        ("title", .string("opened by protocol check")), ("opened_by", .string("check")),
                    ])
                    return [(.sessionStart, next, start), (.check, next, check.json)]
                }
            }, time: invocation.clock())
        guard let entry = entries.last else { throw LogError("nothing was recorded") }
        return CheckJSONRenderer.Record(
            path: project.logShown, session: entry.session, seq: entry.seq, hash: SHA256.digest(entry.line().text).hex)
    }

    private static func digest(_ path: String) throws(LogError) -> String {
        do {
            return try SHA256.digest(ofFile: path).hex
        } catch {
            throw LogError("cannot read \(path) to record its digest: \(error.message)")
        }
    }
}
