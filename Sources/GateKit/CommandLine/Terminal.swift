/// Where a command writes: the executable supplies the real terminal, tests a recording one.
public protocol Terminal: AnyObject {
    /// Writes to standard output.
    func write(_ text: String)
    /// Writes to standard error.
    func writeError(_ text: String)
    /// True when standard output is a terminal (colours are only used then).
    var isInteractive: Bool { get }
}

/// Everything a command may know of the world it runs in; only the executable builds one from the real process.
public struct Invocation {
    public var arguments: [String]
    public var environment: [String: String]
    public var currentDirectory: String
    public var terminal: Terminal
    /// The current time, RFC 3339 UTC (tests fix it).
    public var clock: () -> String

    public init(
        arguments: [String], environment: [String: String], currentDirectory: String, terminal: Terminal,
        clock: @escaping () -> String = Timestamp.now
    ) {
        self.arguments = arguments
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.terminal = terminal
        self.clock = clock
    }

    /// Colour only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
    public var usesColour: Bool {
        terminal.isInteractive && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// `path` made absolute against the current directory.
    public func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "." { return currentDirectory }
        return currentDirectory + (currentDirectory.hasSuffix("/") ? "" : "/") + path
    }

    /// `path` relative to the current directory when it lies under it, else unchanged.
    public func shown(_ path: String) -> String {
        guard currentDirectory != "/" else { return path }
        let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Process exit codes (DESIGN §6).
public enum ExitCode {
    /// Every gate passed (warnings allowed).
    public static let success: Int32 = 0
    /// A gate failed, including a gate without data; or a report could not be read.
    public static let failure: Int32 = 1
    /// The invocation or a gate file is invalid.
    public static let usage: Int32 = 2
}
