/// `protocol check`: loads the gate files, reads the reports they declare, evaluates every gate.
enum CheckCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Evaluate the project's gates against its reports.",
        discussion: """
            Reads every gate file in gates/ under the root (or --gates), finds and reads the reports they declare,
            and prints each gate with its measured value, threshold and margin. Exit code 0 when every gate passed
            (warnings allowed), 1 when a gate failed (including a gate without data), 2 when the invocation or a
            gate file is invalid.
            """,
        options: [
            OptionSpec(
                name: "gates", value: "path", help: "A gate file or a folder of them (default: gates/ under the root)."),
            OptionSpec(name: "phase", value: "name", help: "Evaluate only the gates of this phase."),
            OptionSpec(
                name: "root", value: "dir",
                help: "The project root that report globs are relative to (default: the current directory)."),
            OptionSpec(
                name: "format", value: "format", help: "Output format: text or json (default: text).",
                choices: ["text", "json"]),
            OptionSpec(name: "verbose", value: nil, help: "Show the evidence behind passing gates too."),
        ])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let terminal = invocation.terminal
        let root = invocation.absolute(arguments.values["root"] ?? ".")
        let gateSet: GateSet
        do {
            gateSet = try GateLoader.load(gatesPath: arguments.values["gates"].map(invocation.absolute), root: root)
        } catch {
            terminal.writeError(
                error.errors.map { "error: \(invocation.shown($0.file) == $0.file ? $0.description : $0.description)" }
                    .joined(separator: "\n") + "\n")
            return ExitCode.usage
        }
        var gates = gateSet.gates
        if let phase = arguments.values["phase"] {
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
        let categories = Set(gates.flatMap(\.categories))
        let collection = ReportCollector.collect(gateSet.sources, root: root, categories: categories)
        let verdict = Evaluator.evaluate(
            gates, store: MetricStore(collection.inputs), problems: collection.problems, reports: collection.reports)
        switch arguments.values["format"] ?? "text" {
        case "json":
            terminal.write(CheckJSONRenderer.render(verdict, gateSet: gateSet, toolVersion: ProtocolTool.version))
        default:
            let renderer = CheckTextRenderer(
                colour: invocation.usesColour, verbose: arguments.flags.contains("verbose"))
            terminal.write(renderer.render(verdict, gateSet: gateSet))
        }
        return verdict.passed ? ExitCode.success : ExitCode.failure
    }
}
