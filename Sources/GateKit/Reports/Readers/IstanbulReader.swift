/// Reads Istanbul's `coverage-final.json` (the `json` reporter of nyc, jest, c8, vitest and istanbul-lib-coverage;
/// also solidity-coverage's `coverage.json`): one member per source file, keyed by path, holding `statementMap`,
/// `fnMap`, `branchMap` and the hit counts `s`, `f`, `b`.
///
/// Counted per file the way istanbul-lib-coverage summarises it (the text-summary and text reporters' figures):
/// - **lines**: Istanbul's Lines, the distinct start lines of the statements counted in `s` (those with a
///   `statementMap` entry); a line is covered when any statement starting on it ran. The line map holds them.
///   Istanbul's Statements (every `s` entry) has no metric of its own.
/// - **branches**: every entry of every `b` array (each branch location), covered when above 0; the per-line map
///   puts them on their `branchMap` entry's `line`, else its `loc.start.line`.
/// - **functions**: every `f` entry, covered when above 0.
/// A file without branches or functions has no data of that kind (nil, not 0 of 0).
///
/// The path is the entry's `path` (else its key), as written. solidity-coverage and istanbul 0.x also write an
/// `l` line-hit map that counts other lines than the statement start lines: it is skipped, as Istanbul's own
/// summary skips it. `fnMap`, `inputSourceMap` (which can be larger than the rest of a bundle's coverage), `hash`
/// and `_coverageSchema` are skipped unread. Memory: only the ids and lines of the file being read are kept.
public enum IstanbulReader: ReportReader {
    public static let category = ReportCategory.coverage
    public static let displayName = "Istanbul coverage-final.json"

    /// True for a JSON object whose first member is an object with a `statementMap`, `fnMap` or `branchMap`, or
    /// with both `path` and `s` (istanbul 0.x wrote the counts first).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject, try json.next() == .key, try json.next() == .beginObject else {
                return false
            }
            var seenPath = false
            var seenCounts = false
            while try json.next() == .key {
                let key = json.bytes
                if key == "statementMap" || key == "fnMap" || key == "branchMap" { return true }
                seenPath = seenPath || key == "path"
                seenCounts = seenCounts || key == "s"
                if seenPath && seenCounts { return true }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "an Istanbul coverage-final.json")
        var files: [FileCoverage] = []
        var scratch = IstanbulFile()
        try json.forEachMember { key throws(InputError) in
            let name = key.description
            scratch.reset()
            let file = try CoverageJSONReading.entry(name, line: json.line, column: json.column) {
                () throws(InputError) in try scratch.read(json, key: name)
            }
            files.append(file)
        }
        try json.expectEnd()
        return .coverage(CoverageReport(files: files))
    }
}

/// Values of one of a file's maps (`statementMap`, `s`, `branchMap`, `b`) by their ids, in the order written.
struct IstanbulEntries<Value> {
    private(set) var ids: [UInt64] = []
    private(set) var values: [Value] = []

    mutating func append(_ id: ByteSpan, _ value: Value) {
        ids.append(FNV1a.hash(id))
        values.append(value)
    }

    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the value of `self` and of `other` for each id of `other` that `self` has too, in the order
    /// of `other`. The maps of one file list the same ids in the same order, which is checked first.
    func join<Other>(_ other: IstanbulEntries<Other>, _ body: (Value, Other) -> Void) {
        if ids == other.ids {
            for index in values.indices { body(values[index], other.values[index]) }
            return
        }
        var byID: [UInt64: Value] = [:]
        for (id, value) in zip(ids, values) { byID[id] = value }
        for (id, value) in zip(other.ids, other.values) {
            if let known = byID[id] { body(known, value) }
        }
    }
}

/// One file entry of a coverage-final.json, gathered while it is read; reused from file to file.
struct IstanbulFile {
    var path: String?
    /// Start line of each statement, and whether each statement ran.
    var statementLines = IstanbulEntries<UInt32>()
    var statementHits = IstanbulEntries<Bool>()
    /// Line of each branch point, and how many of its locations ran.
    var branchLines = IstanbulEntries<UInt32>()
    var branchCounts = IstanbulEntries<CoverageCount>()
    var functions = CoverageCount.zero
    var hasStatementMap = false
    var hasStatementCounts = false

    mutating func reset() {
        path = nil
        statementLines.removeAll()
        statementHits.removeAll()
        branchLines.removeAll()
        branchCounts.removeAll()
        functions = .zero
        hasStatementMap = false
        hasStatementCounts = false
    }

    mutating func read(_ json: JSONTokenizer, key: String) throws(InputError) -> FileCoverage {
        let (line, column) = (json.line, json.column)
        try json.forEachMember { member throws(InputError) in
            if member == "path" {
                path = try json.readString()
            } else if member == "statementMap" {
                hasStatementMap = true
                try json.forEachMember { id throws(InputError) in
                    statementLines.append(id, try Self.startLine(json, "statementMap[\"\(id)\"]"))
                }
            } else if member == "s" {
                hasStatementCounts = true
                try json.forEachMember { id throws(InputError) in
                    statementHits.append(id, try CoverageJSONReading.count(json, "s[\"\(id)\"]") > 0)
                }
            } else if member == "branchMap" {
                try json.forEachMember { id throws(InputError) in
                    if let line = try Self.branchLine(json, "branchMap[\"\(id)\"]") { branchLines.append(id, line) }
                }
            } else if member == "b" {
                try json.forEachMember { id throws(InputError) in
                    branchCounts.append(id, try Self.locationCounts(json, "b[\"\(id)\"]"))
                }
            } else if member == "f" {
                try json.forEachMember { id throws(InputError) in
                    let ran = try CoverageJSONReading.count(json, "f[\"\(id)\"]") > 0
                    functions = functions + CoverageCount(covered: ran ? 1 : 0, total: 1)
                }
            }
        }
        guard hasStatementMap, hasStatementCounts else {
            throw InputError(
                "the entry has no \(hasStatementMap ? "s (statement counts)" : "statementMap")", line: line,
                column: column)
        }
        return coverage(path: path ?? key)
    }

    private func coverage(path: String) -> FileCoverage {
        var lineMap = LineCoverageMap()
        statementLines.join(statementHits) { line, hit in lineMap.record(line: line, hit: hit) }
        var tally = CoverageJSONReading.BranchTally()
        branchLines.join(branchCounts) { line, count in
            tally.add(line: line, covered: count.covered, total: count.total)
        }
        let branches = branchCounts.values.reduce(.zero, +)
        return FileCoverage(
            path: path, lineMap: lineMap, branches: branches.total > 0 ? branches : nil,
            functions: functions.total > 0 ? functions : nil, branchMap: tally.map)
    }

    /// The `start.line` of a location `{"start": {"line", "column"}, "end": …}`.
    private static func startLine(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError)
        -> UInt32
    {
        if let start = try json.coverageLocationStartLine() {
            return try CoverageJSONReading.lineNumber(start, json, "\(field()).start.line")
        }
        let (line, column) = (json.line, json.column)
        var start: UInt32?
        try json.forEachMember { key throws(InputError) in
            guard key == "start" else { return }
            try json.forEachMember { key throws(InputError) in
                if key == "line" { start = try CoverageJSONReading.lineNumber(json, "\(field()).start.line") }
            }
        }
        guard let start else { throw InputError("\(field()) has no start.line", line: line, column: column) }
        return start
    }

    /// The line of a branch point: its `line` (istanbul 0.x and later), else its `loc.start.line`; nil when it has
    /// neither, so that its locations count for the file but on no line.
    private static func branchLine(_ json: JSONTokenizer, _ field: @autoclosure () -> String) throws(InputError)
        -> UInt32?
    {
        var line: UInt32?
        var locationLine: UInt32?
        try json.forEachMember { key throws(InputError) in
            if key == "line" {
                line = try CoverageJSONReading.lineNumber(json, "\(field()).line")
            } else if key == "loc" {
                locationLine = try startLine(json, "\(field()).loc")
            }
        }
        return line.flatMap { $0 > 0 ? $0 : nil } ?? locationLine
    }

    /// The locations of a branch point `[count, …]`, and how many of them ran.
    private static func locationCounts(_ json: JSONTokenizer, _ field: @autoclosure () -> String)
        throws(InputError) -> CoverageCount
    {
        var count = CoverageCount.zero
        try json.forEachCoverageNumber(field()) { value throws(InputError) in
            let ran = try CoverageJSONReading.count(value, json, field()) > 0
            count = count + CoverageCount(covered: ran ? 1 : 0, total: 1)
        }
        return count
    }
}
