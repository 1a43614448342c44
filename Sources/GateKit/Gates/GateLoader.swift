/// Finds, parses and merges the gate files of a project.
public enum GateLoader {
    /// Loads every `*.json5`/`*.json` file of `gates/` under `root`, or the file or folder `gatesPath` names
    /// (relative to the current directory). Throws every problem found, in every file.
    public static func load(gatesPath: String? = nil, root: String) throws(GateFileErrors) -> GateSet {
        let files = try discover(gatesPath: gatesPath, root: root)
        var parsed: [GateFile] = []
        var errors: [GateFileError] = []
        for (path, shown) in files {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.contents(of: path)
            } catch {
                errors.append(GateFileError(file: shown, message: "cannot read the file: \(error.message)"))
                continue
            }
            if Self.isWaiverFile(bytes) { continue }
            do {
                parsed.append(try GateFileParser.parse(bytes, file: shown))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw GateFileErrors(errors) }
        var set = try merge(parsed, paths: files.map(\.0))
        set.sources = try readWaivers(set.sources, root: root)
        return set
    }

    /// A file with a top-level `waivers` list and no `protocol` key is a waiver file kept beside the gate files
    /// (`gates/waivers.json5`), not a gate file.
    static func isWaiverFile(_ bytes: [UInt8]) -> Bool {
        guard let document = try? JSON5.parse(bytes) else { return false }
        return document["waivers"] != nil && document["protocol"] == nil
    }

    /// Reads the waiver file of every source that names one (relative to the root).
    static func readWaivers(_ sources: [ReportSource], root: String) throws(GateFileErrors) -> [ReportSource] {
        var errors: [GateFileError] = []
        var read: [String: [Waiver]] = [:]
        var result = sources
        for index in result.indices {
            guard let file = result[index].waiverFile else { continue }
            if let known = read[file] {
                result[index].waivers = known
                continue
            }
            do {
                let bytes = try FileSystem.contents(of: file.hasPrefix("/") ? file : root + "/" + file)
                read[file] = try WaiverFile.parse(bytes, file: file)
            } catch let error as GateFileErrors {
                errors += error.errors
            } catch let error as InputError {
                errors.append(
                    GateFileError(
                        file: result[index].declaredIn, jsonPath: "reports.\(result[index].category.rawValue).waivers",
                        message: "cannot read the waiver file \(file): \(error.message)"))
            } catch {
                errors.append(GateFileError(file: file, message: "\(error)"))
            }
            result[index].waivers = read[file] ?? []
        }
        guard errors.isEmpty else { throw GateFileErrors(errors) }
        return result
    }

    /// Merges parsed gate files: gate ids must be unique across files, and every category a gate reads must have
    /// reports declared in some file.
    public static func merge(_ files: [GateFile], paths: [String]? = nil) throws(GateFileErrors) -> GateSet {
        var errors: [GateFileError] = []
        var owners: [String: GateFile] = [:]
        var gates: [Gate] = []
        for file in files {
            for gate in file.gates {
                if let first = owners[gate.id] {
                    let firstLine = first.gatePositions[gate.id].map { ":\($0.line)" } ?? ""
                    errors.append(
                        GateFileError(
                            file: file.path, position: file.gatePositions[gate.id], jsonPath: "gates",
                            message: "duplicate gate id '\(gate.id)' (also in \(first.path)\(firstLine))"))
                    continue
                }
                owners[gate.id] = file
                gates.append(gate)
            }
        }
        let sources = files.flatMap(\.sources)
        let options = benchmarkDefaults(sources, errors: &errors)
        gates = gates.map { $0.defaulting(to: options) }
        let declared = Set(sources.map(\.category))
        for gate in gates {
            for category in gate.categories.sorted() where !declared.contains(category) {
                let file = owners[gate.id]
                errors.append(
                    GateFileError(
                        file: gate.declaredIn, position: file?.gatePositions[gate.id], jsonPath: "gates",
                        message: "gate '\(gate.id)' reads \(category.rawValue) metrics, but no gate file says where "
                            + "the \(category.rawValue) reports are: add reports: { \(category.rawValue): \"…\" }"))
            }
        }
        if gates.isEmpty, errors.isEmpty {
            let names = files.map(\.path).joined(separator: ", ")
            errors.append(GateFileError(file: names, message: "no gates are defined: add a gates: [ … ] list"))
        }
        let logPaths = files.filter { $0.logPath != nil }
        if let first = logPaths.first, let other = logPaths.first(where: { $0.logPath != first.logPath }) {
            errors.append(
                GateFileError(
                    file: other.path, jsonPath: "log",
                    message: "the log is '\(other.logPath ?? "")' here but '\(first.logPath ?? "")' in \(first.path): "
                        + "a project keeps one session log"))
        }
        guard errors.isEmpty else { throw GateFileErrors(errors) }
        return GateSet(
            files: files.map(\.path), paths: paths, name: files.lazy.compactMap(\.name).first, sources: sources,
            gates: gates, logPath: logPaths.first?.logPath)
    }

    /// The benchmark options the bench sources set; two sources setting one option differently is an error.
    static func benchmarkDefaults(_ sources: [ReportSource], errors: inout [GateFileError]) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var setBy: [String: (value: String, file: String)] = [:]
        for source in sources where source.category == .bench {
            for (key, value) in source.benchmarkOptions.terms {
                if let first = setBy[key], first.value != value {
                    errors.append(
                        GateFileError(
                            file: source.declaredIn, jsonPath: "reports.bench.\(key)",
                            message: "\(key) is \"\(value)\" here but \"\(first.value)\" in \(first.file): the bench "
                                + "sources' options apply to every bench condition; set it on the conditions instead"))
                    continue
                }
                setBy[key] = (value, source.declaredIn)
                _ = try? options.set(key, value)
            }
        }
        return options
    }

    /// The gate files to read: (path to open, path to show), sorted.
    static func discover(gatesPath: String?, root: String) throws(GateFileErrors) -> [(String, String)] {
        let folder: String
        let shownFolder: String
        if let gatesPath {
            guard let kind = FileSystem.kind(of: gatesPath) else {
                throw GateFileErrors([GateFileError(file: gatesPath, message: "no such file or folder")])
            }
            guard kind == .directory else { return [(gatesPath, gatesPath)] }
            folder = gatesPath
            shownFolder = gatesPath
        } else {
            folder = root + "/gates"
            shownFolder = "gates"
        }
        let names = FileSystem.names(in: folder) ?? []
        let files = names.filter { ($0.hasSuffix(".json5") || $0.hasSuffix(".json")) && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else {
            throw GateFileErrors([
                GateFileError(
                    file: shownFolder,
                    message: "no gate files (*.json5 or *.json) found; create gates/protocol.json5 "
                        + "(see the README) or name one with --gates PATH")
            ])
        }
        let prefix = shownFolder.hasSuffix("/") ? shownFolder : shownFolder + "/"
        return files.map { (folder + "/" + $0, prefix + $0) }
    }
}
