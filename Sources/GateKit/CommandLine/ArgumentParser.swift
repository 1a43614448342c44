/// An option of a command: `--name <value>` or a flag `--name`.
struct OptionSpec {
    let name: String
    /// The placeholder of the value (`path`), or nil for a flag.
    let value: String?
    let help: String
    /// The accepted values, when there is a fixed set.
    var choices: [String]? = nil
    /// A one-letter alias such as `-h`.
    var short: String? = nil
    /// May be given several times; every value is kept, in order, in ``ParsedArguments/lists``.
    var repeatable = false
}

/// A command: its name, what it does, its options and positional arguments.
struct CommandSpec {
    let name: String
    let abstract: String
    var discussion: String? = nil
    var options: [OptionSpec] = []
    /// Positional arguments: placeholder and help.
    var arguments: [(name: String, help: String, repeating: Bool)] = []
    /// Whether the positional arguments may be left out.
    var argumentsOptional = false
}

/// What was given on the command line for one command.
struct ParsedArguments {
    var values: [String: String] = [:]
    /// The values of repeatable options, in the order given.
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
}

/// A usage mistake: printed with the command's usage line, exit code 2.
struct UsageError: Error {
    let message: String
}

extension CommandSpec {
    static let help = OptionSpec(name: "help", value: nil, help: "Show help information.", short: "h")

    /// Parses `arguments` (without the command name). `--name=value` and `--name value` both work; `--` ends
    /// the options.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        let all = options + [Self.help]
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            let body = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
            let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first ?? ""
            let isShort = !argument.hasPrefix("--")
            guard let option = all.first(where: { isShort ? $0.short == name : $0.name == name }) else {
                let known = all.map { "--\($0.name)" }
                throw UsageError(
                    message: "unknown option '\(argument)' for '\(self.name)'"
                        + Suggestions.didYouMean("--" + name, in: known))
            }
            guard option.value != nil else {
                if parts.count > 1 { throw UsageError(message: "--\(option.name) takes no value") }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if parts.count > 1 {
                value = parts[1]
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "--\(option.name) needs a value <\(option.value ?? "value")>")
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError(
                    message: "--\(option.name) is one of \(choices.joined(separator: ", ")), not '\(value)'"
                        + Suggestions.didYouMean(value, in: choices))
            }
            if option.repeatable {
                parsed.lists[option.name, default: []].append(value)
                continue
            }
            if parsed.values[option.name] != nil { throw UsageError(message: "--\(option.name) is given twice") }
            parsed.values[option.name] = value
        }
        if parsed.flags.contains("help") { return parsed }
        let accepted = self.arguments.contains(where: \.repeating) ? Int.max : self.arguments.count
        if parsed.positionals.count > accepted {
            throw UsageError(message: "unexpected argument '\(parsed.positionals[accepted])' for '\(name)'")
        }
        if let required = self.arguments.first, parsed.positionals.isEmpty, !argumentsOptional {
            throw UsageError(message: "missing <\(required.name)>")
        }
        return parsed
    }

    /// The usage line: `protocol check [--gates <path>] …`.
    var usage: String {
        var parts = ["protocol", name]
        for option in options {
            parts.append(
                option.value.map { "[--\(option.name) <\($0)>\(option.repeatable ? " ..." : "")]" }
                    ?? "[--\(option.name)]")
        }
        for argument in arguments {
            let word = "<\(argument.name)>" + (argument.repeating ? " ..." : "")
            parts.append(argumentsOptional ? "[\(word)]" : word)
        }
        return parts.joined(separator: " ")
    }

    /// Help in the layout of swift-argument-parser: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
    var helpText: String {
        var lines = ["OVERVIEW: \(abstract)", ""]
        if let discussion { lines += HelpLayout.wrap(discussion, width: 80) + [""] }
        lines += ["USAGE: \(usage)", ""]
        if !arguments.isEmpty {
            lines.append("ARGUMENTS:")
            lines += arguments.map { HelpLayout.row("<\($0.name)>", $0.help) }
            lines.append("")
        }
        lines.append("OPTIONS:")
        for option in options + [Self.help] {
            var label = (option.short.map { "-\($0), " } ?? "") + "--\(option.name)"
            if let value = option.value { label += " <\(value)>" }
            lines.append(HelpLayout.row(label, option.help))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Two-column help rows, wrapped to 80 columns.
enum HelpLayout {
    static let labelWidth = 24

    /// `text` as lines of at most `width` characters, broken between words.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func row(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: labelWidth + 4)
        let wrapped = wrap(help, width: 80 - indent.count)
        var lines: [String] = []
        if label.count > labelWidth {
            lines.append("  " + label)
            lines += wrapped.map { indent + $0 }
        } else {
            lines.append("  " + label.padding(toLength: labelWidth) + "  " + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { indent + $0 }
        }
        return lines.map(\.trimmingTrailingSpaces).joined(separator: "\n")
    }
}
