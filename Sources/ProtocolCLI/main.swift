import GateKit
import Glibc

/// The process's standard output and error, written with write(2).
final class StandardTerminal: Terminal {
    func write(_ text: String) { Self.write(text, to: STDOUT_FILENO) }
    func writeError(_ text: String) { Self.write(text, to: STDERR_FILENO) }
    var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }
    var isErrorInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// The window's width from TIOCGWINSZ, asked of standard output, then of standard error.
    var columns: Int? {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return nil
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

/// The environment as a dictionary (the last definition of a name wins).
func environment() -> [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
        let pair = String(cString: pointer)
        if let equals = pair.firstIndex(of: "=") {
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        entry += 1
    }
    return result
}

let invocation = Invocation(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: environment(),
    currentDirectory: FileSystem.currentDirectory, terminal: StandardTerminal())
exit(ProtocolTool.run(invocation))
