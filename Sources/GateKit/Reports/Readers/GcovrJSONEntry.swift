/// One branch of a line of a gcovr JSON report, under gcovr's own identity for it.
struct GcovrBranch {
    /// `branchno`, or the branch's position in the line's list (gcovr up to 8.3 wrote no `branchno`).
    var number: Int
    /// `source_block_id` (`blockno` before gcovr 8.3), -1 when not written.
    var source = -1
    /// `destination_block_id` (`destination_blockno` in gcovr 8.0 to 8.2), -1 when not written.
    var destination = -1
    var taken = false
    var excluded = false

    /// gcovr's key for a branch: two records with the same key are one branch.
    @inline(__always)
    func precedes(_ other: GcovrBranch) -> Bool {
        (number, source, destination) < (other.number, other.source, other.destination)
    }

    /// Branches counted once per key: a key is taken when any of its records is, and excluded when any of its records
    /// is (gcovr's merge); excluded branches are not counted.
    static func count(_ branches: inout [GcovrBranch]) -> CoverageCount {
        if !zip(branches, branches.dropFirst()).allSatisfy({ $0.precedes($1) }) {
            branches.sort { $0.precedes($1) }
        }
        var count = CoverageCount.zero
        var index = 0
        while index < branches.count {
            let first = branches[index]
            var (taken, excluded) = (false, false)
            while index < branches.count, !first.precedes(branches[index]) {
                taken = taken || branches[index].taken
                excluded = excluded || branches[index].excluded
                index += 1
            }
            if !excluded { count = count + CoverageCount(covered: taken ? 1 : 0, total: 1) }
        }
        return count
    }
}

/// Functions by identity (name and line), each covered when any of its records ran and excluded when any of its
/// records is. Kept as a plain array and deduplicated when counted: records of one function rarely repeat.
struct GcovrFunctionSet {
    /// The identity in the high 62 bits, excluded in bit 1, covered in bit 0.
    private var entries: [UInt64] = []

    mutating func insert(_ identity: UInt64, covered: Bool, excluded: Bool) {
        entries.append(identity << 2 | (excluded ? 2 : 0) | (covered ? 1 : 0))
    }

    mutating func formUnion(_ other: GcovrFunctionSet) { entries += other.entries }

    /// Distinct functions that are not excluded, and how many of them ran; nil when there are none.
    var count: CoverageCount? {
        let sorted = entries.sorted()
        var count = CoverageCount.zero
        var index = 0
        while index < sorted.count {
            let identity = sorted[index] >> 2
            var flags: UInt64 = 0
            while index < sorted.count, sorted[index] >> 2 == identity {
                flags |= sorted[index] & 3
                index += 1
            }
            if flags & 2 == 0 { count = count + CoverageCount(covered: Int(flags & 1), total: 1) }
        }
        return count.total > 0 ? count : nil
    }
}

/// What a pass over a gcovr JSON report keeps of the lines and functions of one `files[]` entry.
protocol GcovrEntrySink {
    /// One `lines[]` record: its line, whether it ran, whether it is excluded (or noncode), and its branches.
    mutating func addLine(_ number: UInt32, covered: Bool, excluded: Bool, branches: [GcovrBranch])
    /// One `functions[]` record, by identity (name and line).
    mutating func addFunction(_ identity: UInt64, covered: Bool, excluded: Bool)
}

/// The first pass's view of one entry: its line map, its branches per line and its functions.
///
/// gcovr lists the records of one line (one per function since gcovr 8.4) next to each other, so the branches of a
/// line are unioned exactly while it is the current line. A line that comes back after other lines (never in
/// gcovr's sorted output) has its branches unioned by the second pass instead.
struct GcovrEntryCoverage: GcovrEntrySink {
    private(set) var lines = LineCoverageMap()
    private(set) var branches = BranchCoverageMap()
    private(set) var functions = GcovrFunctionSet()
    /// A line came after a later one.
    private var unsorted = false
    private var current: UInt32?
    private var currentBranches: [GcovrBranch] = []

    /// Branches of a line that came back apart from its other records need the second pass.
    var needsUnion: Bool { unsorted && !branches.isEmpty }

    mutating func addLine(_ number: UInt32, covered: Bool, excluded: Bool, branches: [GcovrBranch]) {
        if !excluded { lines.record(line: number, hit: covered) }
        if number != current {
            finish()
            if let current, number < current { unsorted = true }
            current = number
        }
        currentBranches += branches
    }

    mutating func addFunction(_ identity: UInt64, covered: Bool, excluded: Bool) {
        functions.insert(identity, covered: covered, excluded: excluded)
    }

    /// Counts the branches of the current line; call once the entry is read.
    mutating func finish() {
        guard let current, !currentBranches.isEmpty else { return }
        let count = GcovrBranch.count(&currentBranches)
        if count.total > 0 { branches.record(line: current, count) }
        currentBranches.removeAll(keepingCapacity: true)
    }
}

/// The second pass's view of the entries of one file: every branch record by line, and the functions.
struct GcovrFileUnion: GcovrEntrySink {
    private var branchesByLine: [UInt32: [GcovrBranch]] = [:]
    private(set) var functions = GcovrFunctionSet()

    mutating func addLine(_ number: UInt32, covered: Bool, excluded: Bool, branches: [GcovrBranch]) {
        if !branches.isEmpty { branchesByLine[number, default: []] += branches }
    }

    mutating func addFunction(_ identity: UInt64, covered: Bool, excluded: Bool) {
        functions.insert(identity, covered: covered, excluded: excluded)
    }

    /// Adds the records of another entry of the same file.
    mutating func formUnion(_ other: GcovrFileUnion) {
        branchesByLine.merge(other.branchesByLine, uniquingKeysWith: +)
        functions.formUnion(other.functions)
    }

    /// The branches of each line, every key counted once.
    var branchMap: BranchCoverageMap {
        var map = BranchCoverageMap()
        for (line, records) in branchesByLine.sorted(by: { $0.key < $1.key }) {
            var branches = records
            let count = GcovrBranch.count(&branches)
            if count.total > 0 { map.record(line: line, count) }
        }
        return map
    }
}

/// Reads the `files[]` entries of a gcovr JSON report, record by record, into a ``GcovrEntrySink``.
struct GcovrEntryReader {
    private let json: JSONTokenizer
    /// The branches of the line being read, reused from line to line.
    private var branches: [GcovrBranch] = []

    init(_ json: JSONTokenizer) { self.json = json }

    /// Reads the entry that comes next and returns its `file`. Errors name the entry, and the record within it.
    mutating func read<Sink: GcovrEntrySink>(into sink: inout Sink, index: Int) throws(InputError) -> String {
        let (line, column) = (json.line, json.column)
        var path: String?
        do {
            try json.forEachMember { key throws(InputError) in
                if key == "file" {
                    path = try json.readString()
                } else if key == "lines" {
                    try Self.forEachRecord(json, "lines") { () throws(InputError) in try readLine(into: &sink) }
                } else if key == "functions" {
                    try Self.forEachRecord(json, "functions") { () throws(InputError) in
                        try readFunction(into: &sink)
                    }
                }
            }
        } catch {
            let entry = path.map { "the entry for \($0)" } ?? "files[\(index)]"
            throw InputError("\(entry): \(error.message)", line: error.line, column: error.column)
        }
        guard let path else { throw InputError("files[\(index)] has no file", line: line, column: column) }
        return path
    }

    /// Calls `body` for each element of the array `name`, naming the element in the errors it throws.
    private static func forEachRecord(
        _ json: JSONTokenizer, _ name: String, _ body: () throws(InputError) -> Void
    ) throws(InputError) {
        var index = 0
        try json.forEachElement { () throws(InputError) in
            do throws(InputError) {
                try body()
            } catch {
                throw InputError("\(name)[\(index)]: \(error.message)", line: error.line, column: error.column)
            }
            index += 1
        }
    }

    /// Calls `body` with each key of the object that comes next, in place: the key is valid until `body` reads on.
    /// `body` reads the member's value and returns true, or returns false to have the value skipped. (Unlike
    /// `forEachMember`, which copies every key, this is for the records read by the million.)
    @inline(__always)
    private static func forEachKey(
        _ json: JSONTokenizer, _ body: (ByteSpan) throws(InputError) -> Bool
    ) throws(InputError) {
        guard try json.next() == .beginObject else {
            throw InputError("expected an object", line: json.line, column: json.column)
        }
        while try json.next() == .key {
            if try !body(json.bytes) { try json.skipValue() }
        }
    }

    private mutating func readLine<Sink: GcovrEntrySink>(into sink: inout Sink) throws(InputError) {
        let (line, column) = (json.line, json.column)
        var number: UInt32?
        var count: Int?
        var excluded = false
        branches.removeAll(keepingCapacity: true)
        try Self.forEachKey(json) { key throws(InputError) in
            if key == "line_number" {
                number = try CoverageJSONReading.lineNumber(json, "line_number")
            } else if key == "count" {
                count = try CoverageJSONReading.count(json, "count")
            } else if key == "branches" {
                try Self.forEachRecord(json, "branches") { () throws(InputError) in try readBranch() }
            } else if key == "gcovr/excluded" {
                if try flag("gcovr/excluded") { excluded = true }
            } else if key == "gcovr/noncode" {
                if try flag("gcovr/noncode") { excluded = true }
            } else {
                return false
            }
            return true
        }
        guard let number, number > 0 else {
            let problem = number == nil ? "has no line_number" : "has line_number 0 (lines start at 1)"
            throw InputError("the line record \(problem)", line: line, column: column)
        }
        guard let count else {
            throw InputError("the record of line \(number) has no count", line: line, column: column)
        }
        if excluded {
            // gcovr excludes the branches of an excluded line with it.
            for index in branches.indices { branches[index].excluded = true }
        }
        sink.addLine(number, covered: count > 0, excluded: excluded, branches: branches)
    }

    private mutating func readBranch() throws(InputError) {
        let (line, column) = (json.line, json.column)
        var branch = GcovrBranch(number: branches.count)
        var counted = false
        try Self.forEachKey(json) { key throws(InputError) in
            if key == "count" {
                branch.taken = try CoverageJSONReading.count(json, "count") > 0
                counted = true
            } else if key == "branchno" {
                branch.number = try CoverageJSONReading.count(json, "branchno")
            } else if key == "source_block_id" || key == "blockno" {
                let field = key == "blockno" ? "blockno" : "source_block_id"
                branch.source = try CoverageJSONReading.count(json, field)
            } else if key == "destination_block_id" || key == "destination_blockno" {
                let field = key == "destination_blockno" ? "destination_blockno" : "destination_block_id"
                branch.destination = try CoverageJSONReading.count(json, field)
            } else if key == "gcovr/excluded" {
                branch.excluded = try flag("gcovr/excluded")
            } else {
                return false
            }
            return true
        }
        guard counted else { throw InputError("the branch has no count", line: line, column: column) }
        branches.append(branch)
    }

    private func readFunction<Sink: GcovrEntrySink>(into sink: inout Sink) throws(InputError) {
        let (line, column) = (json.line, json.column)
        var name: UInt64?
        var demangledName: UInt64?
        var lineno: UInt32?
        var covered = false
        var excluded = false
        try Self.forEachKey(json) { key throws(InputError) in
            if key == "name" {
                name = try nameHash("name")
            } else if key == "demangled_name" {
                demangledName = try nameHash("demangled_name")
            } else if key == "lineno" {
                lineno = try CoverageJSONReading.lineNumber(json, "lineno")
            } else if key == "execution_count" {
                covered = try CoverageJSONReading.count(json, "execution_count") > 0
            } else if key == "gcovr/excluded" {
                excluded = try flag("gcovr/excluded")
            } else {
                return false
            }
            return true
        }
        // gcovr names a function by its demangled name when it has one.
        guard let hash = demangledName ?? name else {
            throw InputError("the function has no name", line: line, column: column)
        }
        guard let lineno else { throw InputError("the function has no lineno", line: line, column: column) }
        sink.addFunction(hash &+ UInt64(lineno) &* 0x9E37_79B9_7F4A_7C15, covered: covered, excluded: excluded)
    }

    /// Reads a string value and returns the hash of its bytes.
    private func nameHash(_ field: String) throws(InputError) -> UInt64 {
        guard try json.next() == .string else {
            throw InputError("\(field): expected a string", line: json.line, column: json.column)
        }
        return FNV1a.hash(json.bytes)
    }

    /// Reads `true` or `false`.
    private func flag(_ field: String) throws(InputError) -> Bool {
        guard try json.next() == .bool else {
            throw InputError("\(field): expected true or false", line: json.line, column: json.column)
        }
        return json.boolValue
    }
}
