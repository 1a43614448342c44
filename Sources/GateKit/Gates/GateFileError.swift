/// A problem in a gate file: where it is (file, line and column, JSON path) and what was expected.
///
/// Printed the way compilers print diagnostics, so that editors and CI can jump to it:
/// `gates/protocol.json5:12:18: gates[2].require[0]: unknown metric 'coverage.line' (did you mean 'coverage.lines'?)`
public struct GateFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The gate file, as given or relative to the project root.
    public var file: String
    public var position: SourcePosition?
    /// Where in the document, e.g. `gates[2].require[0]`; nil for problems of the whole file.
    public var jsonPath: String?
    public var message: String

    public init(file: String, position: SourcePosition? = nil, jsonPath: String? = nil, message: String) {
        self.file = file
        self.position = position
        self.jsonPath = jsonPath
        self.message = message
    }

    public var description: String {
        let location = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(location): " + (jsonPath.map { "\($0): " } ?? "") + message
    }
}

/// Every problem found in the gate files (all are reported at once, like a compiler does).
public struct GateFileErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [GateFileError]

    public init(_ errors: [GateFileError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
