/// What one gate file declares, validated.
public struct GateFile: Sendable {
    /// The file, as given or relative to the project root.
    public let path: String
    public let name: String?
    public let sources: [ReportSource]
    public let gates: [Gate]
    /// The session log's path relative to the project root (`log`), when the file names one.
    public let logPath: String?
    /// Where each gate's `id` stands, for messages about duplicates.
    let gatePositions: [String: SourcePosition]
}

/// Validates one gate file (DESIGN §4) against the schema, collecting every problem with its place.
public struct GateFileParser {
    /// The gate-file format version this protocol reads.
    public static let formatVersion = 1
    static let topLevelKeys = ["protocol", "name", "reports", "gates", "log"]
    static let sourceKeys =
        ["paths", "format", "strip", "map", "require_files", "include", "exclude", "waivers"] + BenchmarkOptions.keys
    static let gateKeys = ["id", "description", "require", "attest", "documents", "level", "phase"]
    static let gateKinds = ["require", "attest", "documents"]
    static let documentKeys = ["path", "sections"]

    private let file: String
    private var errors: [GateFileError] = []

    private init(file: String) { self.file = file }

    /// Parses and validates `bytes`, the contents of `file`. Throws every problem found.
    public static func parse(_ bytes: [UInt8], file: String) throws(GateFileErrors) -> GateFile {
        var parser = GateFileParser(file: file)
        let document: JSON5Value
        do {
            document = try JSON5.parse(bytes)
        } catch {
            throw GateFileErrors([GateFileError(file: file, position: error.position, message: error.message)])
        }
        let result = parser.validate(document)
        guard parser.errors.isEmpty, let result else { throw GateFileErrors(parser.errors) }
        return result
    }

    private mutating func fail(_ value: JSON5Value?, _ path: String?, _ message: String) {
        errors.append(GateFileError(file: file, position: value?.position, jsonPath: path, message: message))
    }

    private mutating func validate(_ document: JSON5Value) -> GateFile? {
        guard case .object(let members) = document.kind else {
            fail(
                document, nil,
                "a gate file is an object ({ protocol: 1, reports: {…}, gates: […] }), not \(document.kindDescription)")
            return nil
        }
        checkKeys(members, allowed: Self.topLevelKeys, at: nil)
        let version = member("protocol", in: members)
        if let version {
            checkVersion(version)
        } else {
            fail(document, nil, "missing 'protocol: \(Self.formatVersion)' (the gate-file format version)")
        }
        var name: String?
        if let value = member("name", in: members) { name = string(value, "name") }
        var sources: [ReportSource] = []
        if let value = member("reports", in: members) { sources = reportSources(value) }
        var logPath: String?
        if let value = member("log", in: members), let text = string(value, "log") {
            if text.isEmpty { fail(value, "log", "the log path is empty") } else { logPath = text }
        }
        var positions: [String: SourcePosition] = [:]
        var gates: [Gate] = []
        if let list = member("gates", in: members) {
            if case .array(let items) = list.kind {
                for (index, item) in items.enumerated() {
                    guard let gate = gate(item, "gates[\(index)]") else { continue }
                    if let first = positions[gate.id] {
                        fail(item, "gates[\(index)].id", "duplicate gate id '\(gate.id)' (first at line \(first.line))")
                        continue
                    }
                    positions[gate.id] = item.position
                    gates.append(gate)
                }
            } else {
                fail(list, "gates", "expected an array of gates, found \(list.kindDescription)")
            }
        }
        return GateFile(
            path: file, name: name, sources: sources, gates: gates, logPath: logPath, gatePositions: positions)
    }

    private mutating func checkVersion(_ value: JSON5Value) {
        guard case .number(let number) = value.kind, number == number.rounded(), number >= 1, number < 1e6 else {
            fail(value, "protocol", "expected the format version \(Self.formatVersion), found \(value.kindDescription)")
            return
        }
        if Int(number) > Self.formatVersion {
            fail(
                value, "protocol",
                "this file is written for gate-file format \(Int(number)), but this protocol reads format "
                    + "\(Self.formatVersion): upgrade protocol to use it")
        }
    }

    // MARK: reports

    private mutating func reportSources(_ value: JSON5Value) -> [ReportSource] {
        guard case .object(let members) = value.kind else {
            fail(value, "reports", "expected an object of category → report paths, found \(value.kindDescription)")
            return []
        }
        var sources: [ReportSource] = []
        for member in members {
            let path = "reports.\(member.key)"
            guard let category = ReportCategory(rawValue: member.key) else {
                let known = ReportCategory.allCases.map(\.rawValue)
                errors.append(
                    GateFileError(
                        file: file, position: member.keyPosition, jsonPath: path,
                        message: "unknown report category '\(member.key)'; known: \(known.joined(separator: ", "))"
                            + Suggestions.didYouMean(member.key, in: known)))
                continue
            }
            if let source = reportSource(member.value, category: category, path: path) { sources.append(source) }
        }
        return sources
    }

    private mutating func reportSource(_ value: JSON5Value, category: ReportCategory, path: String) -> ReportSource? {
        switch value.kind {
        case .string, .array:
            let patterns = globs(value, path)
            return patterns.isEmpty ? nil : ReportSource(category: category, patterns: patterns, declaredIn: file)
        case .object(let members):
            checkKeys(members, allowed: Self.sourceKeys, at: path)
            guard let paths = member("paths", in: members) else {
                fail(value, path, "missing 'paths': the report files, as a glob or a list of globs")
                return nil
            }
            let patterns = globs(paths, "\(path).paths")
            var format: ReportFormat?
            if let formatValue = member("format", in: members) {
                format = reportFormat(formatValue, category: category, path: "\(path).format")
            }
            var strip: [String] = []
            var include: [Glob] = []
            var exclude: [Glob] = []
            if let value = member("strip", in: members) { strip = strings(value, "\(path).strip") }
            var map: [(from: String, to: String)] = []
            if let value = member("map", in: members) { map = prefixMap(value, "\(path).map") }
            var waiverFile: String?
            if let value = member("waivers", in: members), let text = string(value, "\(path).waivers") {
                waiverFile = text
                if category != .lint && category != .scan {
                    fail(value, "\(path).waivers", "waivers apply to lint and scan findings")
                }
            }
            var requireFiles: Double?
            if let value = member("require_files", in: members) {
                requireFiles = requiredShare(value, "\(path).require_files")
                if category != .coverage {
                    fail(value, "\(path).require_files", "require_files applies to coverage reports")
                }
            }
            let options = benchmarkOptions(members, category: category, path: path)
            if let value = member("include", in: members) { include = globs(value, "\(path).include") }
            if let value = member("exclude", in: members) { exclude = globs(value, "\(path).exclude") }
            if category == .tests, let filter = member("include", in: members) ?? member("exclude", in: members) {
                fail(
                    filter, path,
                    "include and exclude filter the source paths of coverage and lint reports; test reports have none")
            }
            guard !patterns.isEmpty else { return nil }
            return ReportSource(
                category: category, patterns: patterns, format: format, strip: strip, map: map,
                requireFiles: requireFiles, include: include,
                exclude: exclude, waiverFile: waiverFile, benchmarkOptions: options, declaredIn: file)
        default:
            fail(
                value, path,
                "expected a glob, a list of globs or { paths, format, strip, map, require_files, include, exclude }, found \(value.kindDescription)"
            )
            return nil
        }
    }

    /// `percentile`, `min_samples` and `aggregate` of a bench source: the defaults of its bench conditions.
    private mutating func benchmarkOptions(_ members: [JSON5Member], category: ReportCategory, path: String)
        -> BenchmarkOptions
    {
        var options = BenchmarkOptions()
        for key in BenchmarkOptions.keys {
            guard let value = member(key, in: members) else { continue }
            let text: String
            switch value.kind {
            case .string(let string): text = string
            case .number(let number) where key == "min_samples" && number == number.rounded() && abs(number) < 1e15:
                text = String(Int(number))
            default:
                fail(
                    value, "\(path).\(key)",
                    "expected a string\(key == "min_samples" ? " or a whole number" : ""), found \(value.kindDescription)"
                )
                continue
            }
            if category != .bench {
                fail(value, "\(path).\(key)", "\(key) applies to bench reports")
                continue
            }
            do {
                try options.set(key, text)
            } catch {
                fail(value, "\(path).\(key)", error.message)
            }
        }
        return options
    }

    /// `map`: an object of path prefix → replacement.
    private mutating func prefixMap(_ value: JSON5Value, _ path: String) -> [(from: String, to: String)] {
        guard case .object(let members) = value.kind, !members.isEmpty else {
            fail(
                value, path,
                "expected an object of prefix → replacement, e.g. { \"/build/src/\": \"Sources/\" }, found \(value.kindDescription)"
            )
            return []
        }
        var result: [(from: String, to: String)] = []
        for member in members {
            guard let replacement = string(member.value, "\(path).\(member.key)") else { continue }
            if member.key.isEmpty {
                errors.append(
                    GateFileError(
                        file: file, position: member.keyPosition, jsonPath: path,
                        message: "an empty prefix maps every path: use a non-empty prefix"))
                continue
            }
            result.append((member.key, replacement))
        }
        return result
    }

    /// `require_files`: true (every path), false, or a percentage such as "90%".
    private mutating func requiredShare(_ value: JSON5Value, _ path: String) -> Double? {
        switch value.kind {
        case .bool(let required):
            return required ? 100 : nil
        case .string(let text) where text.hasSuffix("%"):
            if let share = Double(text.dropLast()), share > 0, share <= 100 { return share }
        default:
            break
        }
        fail(
            value, path,
            "expected true, false or a percentage of source paths such as \"90%\", found \(value.kindDescription)")
        return nil
    }

    private mutating func reportFormat(_ value: JSON5Value, category: ReportCategory, path: String) -> ReportFormat? {
        guard let name = string(value, path) else { return nil }
        let candidates = ReportFormat.allCases.filter { $0.categories.contains(category) }.map(\.rawValue)
        guard let format = ReportFormat(rawValue: name) else {
            fail(
                value, path,
                "unknown \(category.rawValue) format '\(name)'; known: \(candidates.joined(separator: ", "))"
                    + Suggestions.didYouMean(name, in: candidates))
            return nil
        }
        guard format.categories.contains(category) else {
            fail(value, path, "'\(name)' is a \(format.category.rawValue) format, not a \(category.rawValue) one")
            return nil
        }
        return format
    }

    // MARK: gates

    private mutating func gate(_ value: JSON5Value, _ path: String) -> Gate? {
        guard case .object(let members) = value.kind else {
            fail(
                value, path,
                "expected a gate object { id, require | attest | documents, … }, found \(value.kindDescription)")
            return nil
        }
        checkKeys(members, allowed: Self.gateKeys, at: path)
        guard let idValue = member("id", in: members) else {
            fail(value, path, "missing 'id': every gate needs a name, e.g. id: \"coverage_met\"")
            return nil
        }
        guard let id = string(idValue, "\(path).id") else { return nil }
        guard id.first.map({ $0.isLetter || $0.isNumber }) == true,
            id.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) })
        else {
            fail(
                idValue, "\(path).id",
                "gate id '\(id)' must start with a letter or digit and use only letters, digits, _ - .")
            return nil
        }
        var description: String?
        if let value = member("description", in: members) { description = string(value, "\(path).description") }
        var level = GateLevel.error
        if let levelValue = member("level", in: members), let name = string(levelValue, "\(path).level") {
            if let known = GateLevel(rawValue: name) {
                level = known
            } else {
                let names = GateLevel.allCases.map(\.rawValue)
                fail(
                    levelValue, "\(path).level",
                    "level is \"error\" or \"warn\", not '\(name)'" + Suggestions.didYouMean(name, in: names))
            }
        }
        var phase: String?
        if let phaseValue = member("phase", in: members), let name = string(phaseValue, "\(path).phase") {
            if name.isEmpty { fail(phaseValue, "\(path).phase", "the phase name is empty") } else { phase = name }
        }
        let given = members.filter { Self.gateKinds.contains($0.key) }
        guard given.count == 1, let requirement = given.first else {
            fail(
                given.dropFirst().first?.value ?? value, path,
                given.isEmpty
                    ? "gate '\(id)' requires nothing: give require (conditions such as \"tests.failed == 0\"), "
                        + "attest (a statement to attest) or documents (required files)"
                    : "gate '\(id)' has both \(given.map { "'\($0.key)'" }.joined(separator: " and ")): "
                        + "a gate is one kind; split it into several gates")
            return nil
        }
        let kind: GateKind
        switch requirement.key {
        case "attest":
            guard let statement = string(requirement.value, "\(path).attest") else { return nil }
            guard !statement.trimmingSpaces.isEmpty else {
                fail(
                    requirement.value, "\(path).attest", "say what must be attested, e.g. \"a peer reviewer approved\"")
                return nil
            }
            kind = .attestation(statement)
        case "documents":
            let documents = self.documents(requirement.value, "\(path).documents")
            guard !documents.isEmpty else { return nil }
            kind = .documents(documents)
        default:
            let conditions = self.conditions(requirement.value, "\(path).require")
            guard !conditions.isEmpty else { return nil }
            kind = .conditions(conditions)
        }
        return Gate(id: id, description: description, kind: kind, level: level, phase: phase, declaredIn: file)
    }

    /// `documents`: a non-empty list of globs or `{path, sections}` objects.
    private mutating func documents(_ value: JSON5Value, _ path: String) -> [DocumentRequirement] {
        guard case .array(let items) = value.kind, !items.isEmpty else {
            fail(
                value, path,
                "expected a non-empty list of document globs or { path, sections } objects, found \(value.kindDescription)"
            )
            return []
        }
        var result: [DocumentRequirement] = []
        var failed = false
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            var patternValue = item
            var sections: [String] = []
            if case .object(let members) = item.kind {
                checkKeys(members, allowed: Self.documentKeys, at: itemPath)
                guard let pathValue = member("path", in: members) else {
                    fail(item, itemPath, "missing 'path': the document's path or glob")
                    failed = true
                    continue
                }
                patternValue = pathValue
                if let list = member("sections", in: members) { sections = strings(list, "\(itemPath).sections") }
            }
            guard case .string = patternValue.kind else {
                fail(patternValue, itemPath, "expected a document path or glob, found \(patternValue.kindDescription)")
                failed = true
                continue
            }
            guard let pattern = globs(patternValue, itemPath).first else {
                failed = true
                continue
            }
            result.append(DocumentRequirement(pattern: pattern, sections: sections))
        }
        return failed ? [] : result
    }

    private mutating func conditions(_ value: JSON5Value, _ path: String) -> [Condition] {
        var items: [(JSON5Value, String)] = []
        switch value.kind {
        case .string: items = [(value, path)]
        case .array(let list) where !list.isEmpty: items = list.enumerated().map { ($1, "\(path)[\($0)]") }
        default:
            fail(value, path, "expected a condition string or a non-empty list of them, found \(value.kindDescription)")
            return []
        }
        var result: [Condition] = []
        var failed = false
        for (item, itemPath) in items {
            guard let text = string(item, itemPath) else {
                failed = true
                continue
            }
            do {
                result.append(try ConditionParser.parse(text))
            } catch {
                failed = true
                var position = item.position
                if let column = error.column { position.column += column }
                errors.append(GateFileError(file: file, position: position, jsonPath: itemPath, message: error.message))
            }
        }
        return failed ? [] : result
    }

    // MARK: values

    private func member(_ key: String, in members: [JSON5Member]) -> JSON5Value? {
        members.first { $0.key == key }?.value
    }

    private mutating func checkKeys(_ members: [JSON5Member], allowed: [String], at path: String?) {
        for member in members where !allowed.contains(member.key) {
            errors.append(
                GateFileError(
                    file: file, position: member.keyPosition, jsonPath: path,
                    message: "unknown key '\(member.key)'; expected one of: \(allowed.joined(separator: ", "))"
                        + Suggestions.didYouMean(member.key, in: allowed)))
        }
    }

    private mutating func string(_ value: JSON5Value, _ path: String) -> String? {
        guard case .string(let text) = value.kind else {
            fail(value, path, "expected a string, found \(value.kindDescription)")
            return nil
        }
        return text
    }

    /// A string or a non-empty array of strings.
    private mutating func strings(_ value: JSON5Value, _ path: String) -> [String] {
        switch value.kind {
        case .string(let text):
            return [text]
        case .array(let items) where !items.isEmpty:
            var result: [String] = []
            for (index, item) in items.enumerated() {
                if let text = string(item, "\(path)[\(index)]") { result.append(text) }
            }
            return result
        default:
            fail(value, path, "expected a string or a non-empty list of strings, found \(value.kindDescription)")
            return []
        }
    }

    private mutating func globs(_ value: JSON5Value, _ path: String) -> [Glob] {
        var items: [(JSON5Value, String)] = [(value, path)]
        if case .array(let list) = value.kind { items = list.enumerated().map { ($1, "\(path)[\($0)]") } }
        if items.isEmpty { fail(value, path, "expected at least one glob") }
        var result: [Glob] = []
        for (item, itemPath) in items {
            guard let text = string(item, itemPath) else { continue }
            do {
                result.append(try Glob(text))
            } catch {
                fail(item, itemPath, "'\(text)' is not a valid glob: \(error.message)")
            }
        }
        return result
    }
}
