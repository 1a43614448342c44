/// The `protocol` command line: dispatches to a command and returns the exit code.
public enum ProtocolTool {
    /// The version `protocol --version` prints.
    public static let version = "0.1.0"

    static let overview = "Quality gates from the reports your tools already write."

    /// The commands, in help order.
    static var commands: [CommandNode] {
        [
            .leaf(CheckCommand.self), .leaf(MetricsCommand.self), .leaf(ExplainCommand.self), .leaf(InitCommand.self),
            .group(
                name: "session", abstract: "Start, inspect, close and export sessions (the unit of the audit trail).",
                [
                    .leaf(SessionStartCommand.self), .leaf(SessionStatusCommand.self),
                    .leaf(SessionListCommand.self), .leaf(SessionShowCommand.self),
                    .leaf(SessionCloseCommand.self), .leaf(SessionExportCommand.self),
                ]),
            .leaf(AttestCommand.self), .leaf(SummaryCommand.self),
            .group(
                name: "log", abstract: "Verify, inspect and repair the session log.",
                [.leaf(LogVerifyCommand.self), .leaf(LogHeadCommand.self), .leaf(LogRepairCommand.self)]),
        ]
    }

    /// Runs the command line in `invocation.arguments` (without the program name) and returns the exit code.
    public static func run(_ invocation: Invocation) -> Int32 {
        let arguments = invocation.arguments
        guard let first = arguments.first else {
            invocation.terminal.writeError(helpText(commands, path: []))
            return ExitCode.usage
        }
        switch first {
        case "--version":
            invocation.terminal.write("protocol \(version)\n")
            return ExitCode.success
        case "-h", "--help":
            invocation.terminal.write(helpText(commands, path: []))
            return ExitCode.success
        case "help":
            return help(Array(arguments.dropFirst()), invocation)
        default:
            return dispatch(arguments, among: commands, path: [], invocation)
        }
    }

    private static func dispatch(
        _ arguments: [String], among nodes: [CommandNode], path: [String], _ invocation: Invocation
    )
        -> Int32
    {
        guard let name = arguments.first, !name.hasPrefix("-") else {
            if let option = arguments.first, option != "-h", option != "--help" {
                return usageError("unknown option '\(option)'", path: path, invocation)
            }
            let text = helpText(nodes, path: path)
            arguments.isEmpty ? invocation.terminal.writeError(text) : invocation.terminal.write(text)
            return arguments.isEmpty ? ExitCode.usage : ExitCode.success
        }
        guard let node = nodes.first(where: { $0.name == name }) else {
            return usageError(unknownCommand(name, among: nodes), path: path, invocation)
        }
        switch node {
        case .group(_, _, let children):
            return dispatch(Array(arguments.dropFirst()), among: children, path: path + [name], invocation)
        case .leaf(let command):
            do {
                let parsed = try command.spec.parse(Array(arguments.dropFirst()))
                if parsed.flags.contains("help") {
                    invocation.terminal.write(command.spec.helpText)
                    return ExitCode.success
                }
                return command.run(parsed, invocation)
            } catch {
                invocation.terminal.writeError(
                    "error: \(error.message)\nUsage: \(command.spec.usage)\n"
                        + "  See 'protocol \(command.spec.name) --help' for help.\n")
                return ExitCode.usage
            }
        }
    }

    /// `protocol help [command [subcommand]]`.
    private static func help(_ words: [String], _ invocation: Invocation) -> Int32 {
        var nodes = commands
        var path: [String] = []
        for word in words {
            guard let node = nodes.first(where: { $0.name == word }) else {
                return usageError(unknownCommand(word, among: nodes), path: path, invocation)
            }
            switch node {
            case .leaf(let command):
                invocation.terminal.write(command.spec.helpText)
                return ExitCode.success
            case .group(_, _, let children):
                nodes = children
                path.append(word)
            }
        }
        invocation.terminal.write(helpText(nodes, path: path))
        return ExitCode.success
    }

    private static func unknownCommand(_ name: String, among nodes: [CommandNode]) -> String {
        "unknown command '\(name)'" + Suggestions.didYouMean(name, in: nodes.map(\.name))
    }

    private static func usageError(_ message: String, path: [String], _ invocation: Invocation) -> Int32 {
        let command = (["protocol"] + path).joined(separator: " ")
        invocation.terminal.writeError("error: \(message)\n  See '\(command) --help' for the commands.\n")
        return ExitCode.usage
    }

    /// Help for the top level or a group: OVERVIEW, USAGE, OPTIONS, SUBCOMMANDS.
    static func helpText(_ nodes: [CommandNode], path: [String]) -> String {
        let command = (["protocol"] + path).joined(separator: " ")
        let abstract = path.isEmpty ? overview : (commands.first { $0.name == path[0] }?.abstract ?? "")
        var lines = ["OVERVIEW: \(abstract)", "", "USAGE: \(command) <subcommand>", "", "OPTIONS:"]
        if path.isEmpty { lines.append(HelpLayout.row("--version", "Show the version.")) }
        lines.append(HelpLayout.row("-h, --help", "Show help information."))
        lines += ["", "SUBCOMMANDS:"]
        lines += nodes.map { HelpLayout.row($0.name, $0.abstract) }
        if path.isEmpty { lines.append(HelpLayout.row("help", "Show help for a subcommand.")) }
        lines += [
            "",
            "  See '\(path.isEmpty ? "protocol help" : command) <subcommand>\(path.isEmpty ? "" : " --help")' for detailed help.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A command of the tree: a command that runs, or a group of subcommands (`session`, `log`).
enum CommandNode {
    case leaf(any ToolCommand.Type)
    case group(name: String, abstract: String, [CommandNode])

    /// The word that names it on the command line.
    var name: String {
        switch self {
        case .leaf(let command): return String(command.spec.name.split(separator: " ").last ?? "")
        case .group(let name, _, _): return name
        }
    }

    var abstract: String {
        switch self {
        case .leaf(let command): return command.spec.abstract
        case .group(_, let abstract, _): return abstract
        }
    }
}

/// A command that runs.
protocol ToolCommand {
    /// Its specification; `name` is the full command path after `protocol`, e.g. `session start`.
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32
}
