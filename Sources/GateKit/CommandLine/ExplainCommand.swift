/// `protocol explain GATE`: how a gate's value was computed, worst offenders first.
enum ExplainCommand: ProjectCommand {
    static let needsGates = true
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Show how a gate's value was computed: reports, merging, filtering, worst offenders.",
        discussion: """
            For every kind of gate, in one frame: the reports read (path, format, size, what each gave) and the \
            problems that fail the gate closed; how the reports were merged (coverage unioned by path, tests \
            summed, findings deduplicated and waived, benchmark samples pooled per label); and per condition the \
            filters (selectors, per="file", benchmark options, the source's strip/map/include/exclude), the value \
            against the threshold, and the worst items behind it: least-covered files with their uncovered lines, \
            failed tests, findings by severity, labels or series worst first. Attestation and document gates show \
            what is attested or present and what is missing. Exit code 0 when the gate passes, 1 when it fails.
            """,
        options: [
            OptionSpec(name: "limit", value: "n", help: "How many items to list per condition (default 10)."),
            OptionSpec(
                name: "format", value: "format", help: "Output format: text or json (default: text).",
                choices: ["text", "json"]),
            Project.rootOption, Project.gatesOption, Project.profileOption, Project.logOption,
        ],
        arguments: [(name: "gate", help: "The id of the gate to explain.", repeating: false)])

    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let gates = project.gateSet?.gates ?? []
        guard arguments.positionals.count == 1, let id = arguments.positionals.first else {
            invocation.terminal.writeError("error: name exactly one gate\n")
            return ExitCode.usage
        }
        guard let gate = gates.first(where: { $0.id == id }) else {
            invocation.terminal.writeError(
                "error: no gate '\(id)'; gates: \(gates.map(\.id).joined(separator: ", "))"
                    + Suggestions.didYouMean(id, in: gates.map(\.id)) + "\n")
            return ExitCode.usage
        }
        var limit = 10
        if let text = arguments.values["limit"] {
            guard let value = Int(text), value > 0 else {
                invocation.terminal.writeError("error: --limit takes a positive number, not '\(text)'\n")
                return ExitCode.usage
            }
            limit = value
        }
        let context: Evaluator.Context
        do {
            context = try CheckCommand.evaluationContext([gate], project: project)
        } catch {
            return Project.fail(error, invocation)
        }
        let sources = project.gateSet?.sources ?? []
        let collection = ReportCollector.collect(
            sources, root: project.root, categories: gate.categories, observer: invocation.readProgress)
        let store = MetricStore(
            collection.inputs, waivers: project.gateSet?.waivers ?? [:], today: CalendarDate(invocation.clock()))
        let verdict = Evaluator.evaluate(
            [gate], store: store, problems: collection.problems, reports: collection.reports, context: context)
        guard let result = verdict.gates.first else { return ExitCode.failure }
        let explanation = GateExplanation(
            result, reports: collection.reports, problems: collection.problems, store: store, sources: sources,
            log: project.logShown, limit: limit)
        invocation.terminal.write(
            arguments.values["format"] == "json"
                ? ExplainJSONRenderer.render(explanation) : ExplainRenderer().render(explanation))
        return result.status == .fail ? ExitCode.failure : ExitCode.success
    }
}
