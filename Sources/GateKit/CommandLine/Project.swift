/// The project a command works on: its root, its gates, and where its session log is.
struct Project {
    let root: String
    /// The gate set; nil for commands that can work without one when the gate files cannot be read.
    let gateSet: GateSet?
    let log: SessionLog
    /// The log's path as shown to the user.
    let logShown: String

    static let rootOption = OptionSpec(
        name: "root", value: "dir",
        help: "The project root that report globs are relative to (default: the current directory).")
    static let gatesOption = OptionSpec(
        name: "gates", value: "path", help: "A gate file or a folder of them (default: gates/ under the root).")
    static let profileOption = OptionSpec(
        name: "profile", value: "name",
        help: "Evaluate a built-in profile (protocol, standards) on the reports found under the root, not gate files.",
        choices: BuiltInProfile.allCases.map(\.rawValue))
    static let logOption = OptionSpec(
        name: "log", value: "path",
        help: "The session log (default: the gate files' log key, else .protocol/log.jsonl under the root).")

    /// Opens the project named by `--root`, `--gates` and `--log`. With `needsGates`, invalid gate files are an
    /// error (exit 2); without, they only mean the gate files' `log` key is not known, which `--log` or the
    /// default location replaces.
    static func open(_ arguments: ParsedArguments, _ invocation: Invocation, needsGates: Bool) -> Result<
        Project, ExitFailure
    > {
        let root = invocation.absolute(arguments.values["root"] ?? ".")
        var gateSet: GateSet?
        let profile = arguments.values["profile"].flatMap(BuiltInProfile.init(rawValue:))
        if profile != nil, arguments.values["gates"] != nil {
            invocation.terminal.writeError("error: --profile replaces the gate files; it cannot be used with --gates\n")
            return .failure(ExitFailure(code: ExitCode.usage))
        }
        do {
            if let profile {
                gateSet = try ProfileGateFile.discover(profile, root: root).gateSet()
            } else {
                gateSet = try GateLoader.load(gatesPath: arguments.values["gates"].map(invocation.absolute), root: root)
            }
        } catch {
            if needsGates {
                invocation.terminal.writeError(error.errors.map { "error: \($0)" }.joined(separator: "\n") + "\n")
                return .failure(ExitFailure(code: ExitCode.usage))
            }
        }
        let path: String
        if let given = arguments.values["log"] {
            path = invocation.absolute(given)
        } else if let configured = gateSet?.logPath {
            path = configured.hasPrefix("/") ? configured : root + "/" + configured
        } else {
            path = root + "/.protocol/log.jsonl"
        }
        return .success(
            Project(root: root, gateSet: gateSet, log: SessionLog(path: path), logShown: invocation.shown(path)))
    }

    /// Reports a log problem on standard error and returns the exit code for it.
    static func fail(_ error: LogError, _ invocation: Invocation, code: Int32 = ExitCode.usage) -> Int32 {
        invocation.terminal.writeError("error: \(error.message)\n")
        return code
    }
}

/// A command that already told the user why it stops, with the exit code to return.
struct ExitFailure: Error {
    let code: Int32
}

/// A command that works on a project: the project is opened (and the errors of opening it reported) before it runs.
protocol ProjectCommand: ToolCommand {
    /// Whether invalid gate files stop the command (exit 2), or only hide the gate files' `log` key.
    static var needsGates: Bool { get }
    static func run(_ project: Project, _ arguments: ParsedArguments, _ invocation: Invocation) -> Int32
}

extension ProjectCommand {
    static func run(_ arguments: ParsedArguments, _ invocation: Invocation) -> Int32 {
        switch Project.open(arguments, invocation, needsGates: needsGates) {
        case .success(let project): return run(project, arguments, invocation)
        case .failure(let failure): return failure.code
        }
    }
}
