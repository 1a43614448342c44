/// Where a command writes: the executable supplies the real terminal, tests a recording one.
public protocol Terminal: AnyObject {
    /// Writes to standard output.
    func write(_ text: String)
    /// Writes to standard error.
    func writeError(_ text: String)
    /// True when standard output is a terminal (colours are only used then).
    var isInteractive: Bool { get }
    /// True when standard error is a terminal (the progress line is only drawn then).
    var isErrorInteractive: Bool { get }
    /// The terminal's width in columns (of standard output, else of standard error), when one is a terminal.
    var columns: Int? { get }
}

extension Terminal {
    public var isErrorInteractive: Bool { false }
    public var columns: Int? { nil }
}

/// Everything a command may know of the world it runs in; only the executable builds one from the real process.
public struct Invocation {
    public var arguments: [String]
    public var environment: [String: String]
    public var currentDirectory: String
    public var terminal: Terminal
    /// The current time, RFC 3339 UTC (tests fix it).
    public var clock: () -> String
    /// Seconds on a monotonic clock, for measuring how long something takes (tests fix it).
    public var stopwatch: () -> Double = Stopwatch.seconds

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

    /// The columns text output fits in: on a terminal, `COLUMNS` when set, else the terminal's width; elsewhere
    /// (pipes, files, CI logs) 80, so that logs are the same everywhere. Never less than 60.
    public var outputWidth: Int {
        terminal.isInteractive ? terminalWidth : 80
    }

    /// `COLUMNS` when set, else the terminal's width, else 80; never less than 60.
    private var terminalWidth: Int {
        let width = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? terminal.columns ?? 80
        return max(width, 60)
    }

    /// The progress line for reading reports, on standard error when it is a terminal; nil elsewhere.
    public var readProgress: ProgressLine? {
        guard terminal.isErrorInteractive, environment["TERM"] != "dumb" else { return nil }
        let terminal = self.terminal
        return ProgressLine(width: terminalWidth, clock: stopwatch, write: { terminal.writeError($0) })
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
