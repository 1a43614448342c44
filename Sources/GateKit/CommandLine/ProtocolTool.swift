/// The `protocol` command line: dispatches to a command and returns the exit code.
public enum ProtocolTool {
    /// The version `protocol --version` prints.
    public static let version = "0.1.0"

    static let overview = "Quality gates from the reports your tools already write."

    /// The commands, in help order.
    static var commands: [any ToolCommand.Type] { [CheckCommand.self, MetricsCommand.self] }

    /// Runs the command line in `invocation.arguments` (without the program name) and returns the exit code.
    public static func run(_ invocation: Invocation) -> Int32 {
        let arguments = invocation.arguments
        guard let first = arguments.first else {
            invocation.terminal.writeError(helpText)
            return ExitCode.usage
        }
        switch first {
        case "--version":
            invocation.terminal.write("protocol \(version)\n")
            return ExitCode.success
        case "-h", "--help":
            invocation.terminal.write(helpText)
            return ExitCode.success
        case "help":
            guard let name = arguments.dropFirst().first else {
                invocation.terminal.write(helpText)
                return ExitCode.success
            }
            guard let command = commands.first(where: { $0.spec.name == name }) else {
                return usageError(unknownCommand(name), invocation)
            }
            invocation.terminal.write(command.spec.helpText)
            return ExitCode.success
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            return usageError(first.hasPrefix("-") ? "unknown option '\(first)'" : unknownCommand(first), invocation)
        }
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

    private static func unknownCommand(_ name: String) -> String {
        "unknown command '\(name)'" + Suggestions.didYouMean(name, in: commands.map { $0.spec.name })
    }

    private static func usageError(_ message: String, _ invocation: Invocation) -> Int32 {
        invocation.terminal.writeError("error: \(message)\n  See 'protocol --help' for the commands.\n")
        return ExitCode.usage
    }

    static var helpText: String {
        var lines = ["OVERVIEW: \(overview)", "", "USAGE: protocol <subcommand>", "", "OPTIONS:"]
        lines.append(HelpLayout.row("--version", "Show the version."))
        lines.append(HelpLayout.row("-h, --help", "Show help information."))
        lines += ["", "SUBCOMMANDS:"]
        lines += commands.map { HelpLayout.row($0.spec.name, $0.spec.abstract) }
        lines.append(HelpLayout.row("help", "Show help for a subcommand."))
        lines += ["", "  See 'protocol help <subcommand>' for detailed help."]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A subcommand of `protocol`.
protocol ToolCommand {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32
}
