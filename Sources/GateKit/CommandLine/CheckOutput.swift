/// One rendering of a check's verdict: the terminal's, or a file named by `--output FORMAT:PATH`.
struct CheckOutput {
    /// The formats `check` can write.
    static let formats = ["text", "json", "junit", "markdown", "codeclimate"]

    let format: String
    /// The file to write; empty for the terminal.
    let path: String
    var colour = false
    var verbose = false
    /// The columns the text format fits in (files get 80).
    var width = 80

    /// `junit:reports/gates.xml`; a relative path is under `root`.
    init(parsing text: String, root: String) throws(InputError) {
        guard let colon = text.firstIndex(of: ":"), !text[text.index(after: colon)...].isEmpty else {
            throw InputError("--output needs FORMAT:PATH, e.g. junit:reports/gates.xml, not '\(text)'")
        }
        let format = String(text[..<colon])
        guard Self.formats.contains(format) else {
            throw InputError(
                "--output format is one of \(Self.formats.joined(separator: ", ")), not '\(format)'"
                    + Suggestions.didYouMean(format, in: Self.formats))
        }
        let path = String(text[text.index(after: colon)...])
        self.init(format: format, path: path.hasPrefix("/") ? path : root + "/" + path)
    }

    init(format: String, path: String, colour: Bool = false, verbose: Bool = false) {
        self.format = format
        self.path = path
        self.colour = colour
        self.verbose = verbose
    }

    func render(_ verdict: Verdict, gateSet: GateSet, record: CheckJSONRenderer.Record?, note: String) -> String {
        switch format {
        case "json":
            return CheckJSONRenderer.render(
                verdict, gateSet: gateSet, toolVersion: ProtocolTool.version, record: record)
        case "junit": return CheckJUnitRenderer.render(verdict)
        case "markdown": return CheckMarkdownRenderer.render(verdict, gateSet: gateSet)
        case "codeclimate": return CheckCodeClimateRenderer.render(verdict)
        default:
            return CheckTextRenderer(colour: colour, verbose: verbose, width: width)
                .render(verdict, gateSet: gateSet, recorded: note)
        }
    }
}

/// What a check does inside GitHub Actions (`GITHUB_ACTIONS=true`): annotations on standard output, and the
/// Markdown verdict appended to the job summary file (`GITHUB_STEP_SUMMARY`).
struct GitHubActions {
    let summaryPath: String?

    /// Nil outside GitHub Actions.
    init?(_ environment: [String: String]) {
        guard environment["GITHUB_ACTIONS"] == "true" else { return nil }
        summaryPath = environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func report(_ verdict: Verdict, gateSet: GateSet, terminal: Terminal) throws(InputError) {
        terminal.write(GitHubAnnotations.render(verdict))
        if let summaryPath {
            try FileSystem.write(CheckMarkdownRenderer.render(verdict, gateSet: gateSet), to: summaryPath, append: true)
        }
    }
}
