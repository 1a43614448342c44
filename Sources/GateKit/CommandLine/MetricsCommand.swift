/// `protocol metrics FILE...`: what protocol reads from report files, as the metrics a gate can use.
enum MetricsCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "metrics",
        abstract: "Print the metrics protocol reads from report files.",
        discussion: "Use it to find out what to write in a gate: every metric, with its labels, value and unit.",
        options: [
            OptionSpec(
                name: "category", value: "category",
                help:
                    "Read the files as reports of this category: \(ReportCategory.allCases.map(\.rawValue).joined(separator: ", ")).",
                choices: ReportCategory.allCases.map(\.rawValue)),
            OptionSpec(
                name: "format", value: "format", help: "Output format: text or json (default: text).",
                choices: ["text", "json"]),
        ],
        arguments: [(name: "file", help: "Report files to read.", repeating: true)])

    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        let category = arguments.values["category"].flatMap(ReportCategory.init(rawValue:))
        let asJSON = arguments.values["format"] == "json"
        var documents: [JSONOutput] = []
        var printed = false
        var failed = false
        for file in arguments.positionals {
            let shown = invocation.shown(invocation.absolute(file))
            let loaded: LoadedReport
            do {
                loaded = try ReportLoader.load(
                    path: invocation.absolute(file), displayPath: shown, category: category,
                    observer: invocation.readProgress)
            } catch {
                invocation.terminal.writeError("error: \(error.description)\n")
                failed = true
                continue
            }
            let store = MetricStore([
                MetricStore.Input(report: loaded, mapping: PathMapping(root: invocation.currentDirectory))
            ])
            let values = store.allValues()
            if asJSON {
                documents.append(
                    .object([
                        ("path", .string(shown)), ("format", .string(loaded.format.rawValue)),
                        ("category", .string(loaded.category.rawValue)),
                        ("metrics", .array(values.map(json))),
                    ]))
            } else {
                let lines = ["\(shown) (\(loaded.format.displayName), \(loaded.category.rawValue))"] + textRows(values)
                invocation.terminal.write((printed ? "\n" : "") + lines.joined(separator: "\n") + "\n")
                printed = true
            }
        }
        if asJSON {
            invocation.terminal.write(
                JSONOutput.object([("version", .integer(1)), ("reports", .array(documents))]).rendered())
        }
        return failed ? ExitCode.failure : ExitCode.success
    }

    private static func json(_ value: MetricValue) -> JSONOutput {
        .object([
            ("name", .string(value.name)),
            ("labels", .object(value.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("value", .number(value.value)),
            ("unit", .string(CheckJSONRenderer.unitSymbol(value.unit))),
        ])
    }

    private static func textRows(_ values: [MetricValue]) -> [String] {
        let names = values.map { value in
            value.name
                + (value.labels.isEmpty
                    ? ""
                    : "{"
                        + value.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(
                            separator: ",") + "}")
        }
        let width = names.map(\.count).max() ?? 0
        return zip(names, values).map { name, value in
            "  " + name.padding(toLength: width) + "  " + NumberFormatting.quantity(value.value, value.unit)
        }
    }
}
