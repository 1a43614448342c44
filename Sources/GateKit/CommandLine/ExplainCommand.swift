/// `protocol explain GATE`: how a gate's value was computed, worst offenders first.
enum ExplainCommand: ProjectCommand {
    static let needsGates = true
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Show how a gate's value was computed: reports, merging, selection, worst offenders.",
        discussion: """
            For coverage gates, lists the least-covered files with their uncovered line ranges; for other gates, the \
            failed tests or findings behind the number, and for attestation and document gates what is there and \
            what is missing.
            """,
        options: [
            OptionSpec(name: "limit", value: "n", help: "How many files or items to list (default 10)."),
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
        let collection = ReportCollector.collect(
            project.gateSet?.sources ?? [], root: project.root, categories: gate.categories)
        let store = MetricStore(
            collection.inputs, waivers: project.gateSet?.waivers ?? [:], today: CalendarDate(invocation.clock()))
        let verdict = Evaluator.evaluate(
            [gate], store: store, problems: collection.problems, reports: collection.reports, context: context)
        guard let result = verdict.gates.first else { return ExitCode.failure }
        invocation.terminal.write(
            ExplainRenderer(limit: limit).render(
                result, reports: collection.reports, problems: collection.problems, store: store))
        return result.status == .fail ? ExitCode.failure : ExitCode.success
    }
}
