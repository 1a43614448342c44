/// Reads SimpleCov's `coverage/.resultset.json` (Ruby): `{"<command>": {"coverage": {"<file>": {"lines": […],
/// "branches": {…}, "methods": {…}}}, "timestamp": …}}`, and the format of SimpleCov before 0.18, where a file
/// maps straight to its `lines` array.
///
/// What is counted, per file, the way SimpleCov counts it for `Line Coverage: 90.12% (155 / 172)`:
/// - **lines**: relevant lines are the non-null entries of `lines`; covered ones are those above zero.
/// - **branches**: every branch of every condition in `branches`, covered when its count is above zero; each is
///   reported on SimpleCov's line for it (the condition's line for a branch on that line, else the line before the
///   branch), which is the line of the branch map.
/// - **functions**: the methods of `methods` (SimpleCov 0.22 and later with method coverage), covered when above zero.
///
/// Several commands (test suites, `parallel_tests` workers) in one file are merged as SimpleCov 1.x merges them
/// (`SimpleCov::Combine`): line counts add, so a line is relevant when any suite marks it so and covered when any
/// suite ran it; branches and methods are matched on their type and source location (not their ids) and their counts
/// add. SimpleCov 0.18 to 0.22 differed in one corner: a line null in one suite and 0 in another was dropped.
///
/// Not applied, because the resultset does not record them: `merge_timeout` (SimpleCov drops suites older than it,
/// by the clock of the merging run; protocol has no clock of the run, so every suite counts), `# :nocov:` sections
/// (SimpleCov reads them from the sources, so such lines count here) and the check that each file still exists.
/// SimpleCov's filters were already applied when the file was written.
///
/// Memory: branches and methods are kept for one file entry at a time; when a file has them in several commands, a
/// second pass merges exactly those files'.
public enum SimpleCovReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "SimpleCov .resultset.json"

    /// True for a JSON object whose first member (a command) is an object that starts with a `coverage` object,
    /// after a `timestamp` if any.
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, try json.next() == .beginObject else {
                return false
            }
            while try json.next() == .key {
                if json.bytes == "coverage" { return try json.next() == .beginObject }
                guard json.bytes == "timestamp" else { return false }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        var files = try SimpleCovFirstPass.run(input)
        let repeated = Set(files.indices.filter { files[$0].needsUnion })
        if !repeated.isEmpty {
            try input.rewind()
            try SimpleCovUnionPass.run(input, files: &files, only: repeated)
        }
        return .coverage(CoverageReport(files: files.map(\.coverage)))
    }
}

/// One source file, over every command of the resultset.
struct SimpleCovFile {
    var path: String
    var lines = LineCoverageMap()
    var branches: CoverageCount?
    var branchMap = BranchCoverageMap()
    var functions: CoverageCount?
    /// Branches or methods of this file appear in several commands: the union pass counts them.
    var needsUnion = false

    var coverage: FileCoverage {
        FileCoverage(
            path: path, lineMap: lines, branches: branches, functions: functions,
            branchMap: branchMap.isEmpty ? nil : branchMap)
    }

    /// Takes the branches and methods of one file entry; a second entry with them marks the file for the union pass.
    mutating func fold(branches: inout SimpleCovItems, methods: inout SimpleCovItems) {
        defer {
            branches.removeAll()
            methods.removeAll()
        }
        if let counted = branches.counted() {
            if self.branches == nil {
                self.branches = counted.count
                branchMap = counted.byLine
            } else {
                needsUnion = true
            }
        }
        if let counted = methods.counted() {
            if functions == nil { functions = counted.count } else { needsUnion = true }
        }
    }
}

/// Walks the file entries of a resultset, command by command.
enum SimpleCovResultset {
    /// Calls `body` with the tokenizer and each file entry's path, the tokenizer positioned before the entry's value.
    static func forEachEntry(_ input: InputBuffer, _ body: (JSONTokenizer, ByteSpan) throws(InputError) -> Void)
        throws(InputError)
    {
        let json = JSONTokenizer(input)
        let first = try json.next()
        guard first == .beginObject else { throw SimpleCovData.unexpected(first, "an object of test commands", json) }
        try json.forEachMember { command throws(InputError) in
            let name = command.description
            var hasCoverage = false
            do throws(InputError) {
                try json.forEachMember { key throws(InputError) in
                    guard key == "coverage" else { return }
                    hasCoverage = true
                    try json.forEachMember { path throws(InputError) in try body(json, path) }
                }
            } catch {
                throw InputError("command '\(name)': \(error.message)", line: error.line, column: error.column)
            }
            guard hasCoverage else {
                throw InputError("command '\(name)' has no coverage", line: json.line, column: json.column)
            }
        }
        try json.expectEnd()
    }

    /// Reads one file entry: `lines` into `lines` when `readLines` (else they are skipped), branches and methods into
    /// their item sets. Errors name the file.
    static func readEntry(
        _ json: JSONTokenizer, path: ByteSpan, readLines: Bool, lines: inout LineCoverageMap,
        branches: inout SimpleCovItems, methods: inout SimpleCovItems
    ) throws(InputError) {
        try CoverageJSONReading.entry(path.description, line: json.line, column: json.column) { () throws(InputError) in
            let token = try json.next()
            if token == .beginArray {
                // Before SimpleCov 0.18, the entry is the lines array itself.
                guard readLines else { return try json.forEachElement {} }
                return try SimpleCovData.readLines(json, opened: true, into: &lines)
            }
            guard token == .beginObject else { throw SimpleCovData.unexpected(token, "an object or an array", json) }
            try json.forEachMember { key throws(InputError) in
                if key == "lines" {
                    if readLines { try SimpleCovData.readLines(json, into: &lines) }
                } else if key == "branches" {
                    try readBranches(json, into: &branches)
                } else if key == "methods" {
                    try readMethods(json, into: &methods)
                }
            }
        }
    }

    /// `{"[:if, 0, 3, 4, 3, 10]": {"[:then, 1, 3, 4, 3, 6]": 2, "[:else, 2, 3, 4, 3, 10]": 0}, …}`.
    private static func readBranches(_ json: JSONTokenizer, into items: inout SimpleCovItems) throws(InputError) {
        try json.forEachMember { conditionKey throws(InputError) in
            guard let condition = SimpleCovTuple(conditionKey) else { throw badKey(conditionKey, "condition", json) }
            var conditionIdentity = FNV1a()
            conditionIdentity.add(condition.kind)
            conditionIdentity.add(0)
            conditionIdentity.add(condition.location)
            try json.forEachMember { branchKey throws(InputError) in
                guard let branch = SimpleCovTuple(branchKey) else { throw badKey(branchKey, "branch", json) }
                var identity = conditionIdentity
                identity.add(0)
                identity.add(branch.kind)
                identity.add(0)
                identity.add(branch.location)
                let covered = try readCount(json)
                // SimpleCov reports a branch on its condition's line when it starts there, else on the line before.
                let line = branch.startLine == condition.startLine ? branch.startLine : max(branch.startLine - 1, 1)
                items.insert(line: UInt32(line), identity: identity.value, covered: covered)
            }
        }
    }

    /// `{"[Foo, :bar, 3, 2, 5, 5]": 1, …}`: a method is matched on its location alone, as SimpleCov matches it.
    private static func readMethods(_ json: JSONTokenizer, into items: inout SimpleCovItems) throws(InputError) {
        try json.forEachMember { key throws(InputError) in
            guard let method = SimpleCovTuple(key) else { throw badKey(key, "method", json) }
            let covered = try readCount(json)
            items.insert(line: UInt32(method.startLine), identity: FNV1a.hash(method.location), covered: covered)
        }
    }

    private static func readCount(_ json: JSONTokenizer) throws(InputError) -> Bool {
        let token = try json.next()
        guard token == .number else { throw SimpleCovData.unexpected(token, "an execution count", json) }
        return try SimpleCovData.isHit(json)
    }

    private static func badKey(_ key: ByteSpan, _ what: String, _ json: JSONTokenizer) -> InputError {
        InputError(
            "'\(key.prefixForMessage)' is not a \(what) of SimpleCov's coverage (expected [type, id, start line, "
                + "start column, end line, end column])", line: json.line, column: json.column)
    }
}

/// The first pass: every file's lines, and the branches and methods of files that have them in one command only.
enum SimpleCovFirstPass {
    static func run(_ input: InputBuffer) throws(InputError) -> [SimpleCovFile] {
        var files: [SimpleCovFile] = []
        var indexByPath: [String: Int] = [:]
        var branches = SimpleCovItems()
        var methods = SimpleCovItems()
        try SimpleCovResultset.forEachEntry(input) { json, path throws(InputError) in
            let name = path.description
            let index: Int
            if let known = indexByPath[name] {
                index = known
            } else {
                index = files.count
                indexByPath[name] = index
                files.append(SimpleCovFile(path: name))
            }
            try SimpleCovResultset.readEntry(
                json, path: path, readLines: true, lines: &files[index].lines, branches: &branches, methods: &methods)
            files[index].fold(branches: &branches, methods: &methods)
        }
        return files
    }
}

/// The second pass, over files whose branches or methods appear in several commands: merges them.
enum SimpleCovUnionPass {
    static func run(_ input: InputBuffer, files: inout [SimpleCovFile], only wanted: Set<Int>) throws(InputError) {
        var indexByPath: [String: Int] = [:]
        for index in wanted { indexByPath[files[index].path] = index }
        var unions: [Int: (branches: SimpleCovItems, methods: SimpleCovItems)] = [:]
        var unused = LineCoverageMap()
        try SimpleCovResultset.forEachEntry(input) { json, path throws(InputError) in
            guard let index = indexByPath[path.description] else { return }
            var union = unions.removeValue(forKey: index) ?? (SimpleCovItems(), SimpleCovItems())
            try SimpleCovResultset.readEntry(
                json, path: path, readLines: false, lines: &unused, branches: &union.branches,
                methods: &union.methods)
            unions[index] = union
        }
        for (index, var union) in unions {
            let branches = union.branches.counted()
            files[index].branches = branches?.count
            files[index].branchMap = branches?.byLine ?? BranchCoverageMap()
            files[index].functions = union.methods.counted()?.count
        }
    }
}
