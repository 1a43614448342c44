/// One line of an LCOV tracefile, parsed in place (see geninfo(1), "TRACEFILE FORMAT", lcov 1.x and 2.x).
///
/// Spans point into the line being scanned and are valid only until the next line is read.
enum LCOVRecord {
    /// `TN:<test name>`
    case testName
    /// `SF:<source file>`
    case sourceFile(ByteSpan)
    /// `DA:<line>,<count>[,<checksum>]`
    case line(number: UInt32, hit: Bool)
    /// `FN:<start line>[,<end line>],<name>` (lcov 1.x, and 2.x with the end line)
    case function(name: ByteSpan)
    /// `FNDA:<count>,<name>`
    case functionHit(name: ByteSpan, hit: Bool)
    /// `FNL:<index>,<start line>[,<end line>]` (lcov 2.2)
    case functionLeader(index: Int, startLine: Int)
    /// `FNA:<index>,<count>,<name>` (lcov 2.2: one alias of function `index`)
    case functionAlias(index: Int, hit: Bool, name: ByteSpan)
    /// `BRDA:<line>,[e]<block>,<branch>,<taken>` — identity is the line, block and branch fields.
    case branch(line: UInt32, key: UInt64, taken: Bool)
    /// `LF:`, `LH:`, `BRF:`, `BRH:`, `FNF:`, `FNH:` — totals the producer states for the section.
    case stated(StatedTotal, Int)
    /// `end_of_record`
    case endOfRecord
    /// Blank lines, `VER:`, `MCDC:` and record types from later lcov versions: nothing protocol counts.
    case ignored

    enum StatedTotal { case linesFound, linesHit, branchesFound, branchesHit, functionsFound, functionsHit }

    /// The largest line number accepted; anything above is not a source line but a corrupt record.
    static let maximumLineNumber = Int(Int32.max)

    /// Parses one line. Throws for a malformed record of a known type or for a line that is not a record.
    @inline(__always)
    static func parse(_ raw: ByteSpan) throws(InputError) -> LCOVRecord {
        if let record = fastLine(raw) { return record }
        let line = raw.trimmed()
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            if line == "end_of_record" { return .endOfRecord }
            if line.isEmpty { return .ignored }
            throw InputError("not an LCOV record: '\(line.prefixForMessage)'")
        }
        let tag = line.slice(0, colon)
        let value = line.dropFirst(colon + 1)
        switch tag.count {
        case 2:
            if tag == "DA" { return try parseLine(value) }
            if tag == "SF" { return .sourceFile(value) }
            if tag == "TN" { return .testName }
            if tag == "LF" { return .stated(.linesFound, try count(value, "LF")) }
            if tag == "LH" { return .stated(.linesHit, try count(value, "LH")) }
            if tag == "FN" { return try parseFunction(value) }
        case 3:
            if tag == "BRF" { return .stated(.branchesFound, try count(value, "BRF")) }
            if tag == "BRH" { return .stated(.branchesHit, try count(value, "BRH")) }
            if tag == "FNF" { return .stated(.functionsFound, try count(value, "FNF")) }
            if tag == "FNH" { return .stated(.functionsHit, try count(value, "FNH")) }
            if tag == "FNL" { return try parseFunctionLeader(value) }
            if tag == "FNA" { return try parseFunctionAlias(value) }
        case 4:
            if tag == "BRDA" { return try parseBranch(value) }
            if tag == "FNDA" { return try parseFunctionHit(value) }
        default:
            break
        }
        guard tag.count > 0, tag.count <= 16, (0..<tag.count).allSatisfy({ tag[$0].isLCOVTagCharacter }) else {
            throw InputError("not an LCOV record: '\(line.prefixForMessage)'")
        }
        return .ignored
    }

    /// `DA:<digits>,<digits>` with nothing else, the bulk of every tracefile, read in one loop; nil for anything
    /// else (checksums, spaces, odd numbers), which the general path handles and reports.
    @inline(__always)
    private static func fastLine(_ line: ByteSpan) -> LCOVRecord? {
        guard line.count >= 6, line[0] == UInt8(ascii: "D"), line[1] == UInt8(ascii: "A"), line[2] == UInt8(ascii: ":")
        else { return nil }
        var index = 3
        var number = 0
        while index < line.count, line[index].isASCIIDigit, index < 12 {
            number = number &* 10 &+ Int(line[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > 3, index < line.count, line[index] == UInt8(ascii: ","), number <= maximumLineNumber else {
            return nil
        }
        index += 1
        let countStart = index
        var hit = false
        while index < line.count, line[index].isASCIIDigit {
            if line[index] != UInt8(ascii: "0") { hit = true }
            index += 1
        }
        guard index == line.count, index > countStart else { return nil }
        return .line(number: UInt32(number), hit: hit)
    }

    private static func parseLine(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        let number = try lineNumber(fields.next(), "DA")
        guard let count = fields.next(), !count.isEmpty else {
            throw InputError("DA record without an execution count")
        }
        return .line(number: UInt32(number), hit: try isHit(count, "DA"))
    }

    private static func parseFunction(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        _ = try lineNumber(fields.next(), "FN")
        // lcov 2.x writes `FN:<start>,<end>,<name>`; the name is the rest of the line and may contain commas.
        var name = fields.rest
        if let comma = name.firstIndex(of: UInt8(ascii: ",")), name.slice(0, comma).int() != nil {
            name = name.dropFirst(comma + 1)
        }
        guard !name.isEmpty else { throw InputError("FN record without a function name") }
        return .function(name: name)
    }

    private static func parseFunctionHit(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        guard let count = fields.next(), !count.isEmpty else { throw InputError("FNDA record without a count") }
        let name = fields.rest
        guard !name.isEmpty else { throw InputError("FNDA record without a function name") }
        return .functionHit(name: name, hit: try isHit(count, "FNDA"))
    }

    private static func parseFunctionLeader(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        let index = try functionIndex(fields.next(), "FNL")
        return .functionLeader(index: index, startLine: try lineNumber(fields.next(), "FNL"))
    }

    private static func parseFunctionAlias(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        let index = try functionIndex(fields.next(), "FNA")
        guard let count = fields.next(), !count.isEmpty else { throw InputError("FNA record without a count") }
        let name = fields.rest
        guard !name.isEmpty else { throw InputError("FNA record without a function name") }
        return .functionAlias(index: index, hit: try isHit(count, "FNA"), name: name)
    }

    private static func parseBranch(_ value: ByteSpan) throws(InputError) -> LCOVRecord {
        var fields = FieldCursor(value)
        let line = try lineNumber(fields.next(), "BRDA")
        guard let block = fields.next(), !block.isEmpty, let branch = fields.next(), !branch.isEmpty else {
            throw InputError("BRDA record needs a line, a block, a branch and a count")
        }
        // lcov 2.x allows an expression (with commas) as the branch; the count is always the last field.
        var rest = fields.rest
        guard !rest.isEmpty else { throw InputError("BRDA record needs a line, a block, a branch and a count") }
        var branchField = branch
        if let lastComma = rest.lastIndex(of: UInt8(ascii: ",")) {
            branchField = ByteSpan(base: branch.base, count: rest.base + lastComma - branch.base)
            rest = rest.dropFirst(lastComma + 1)
        }
        let taken = rest == "-" ? false : try isHit(rest, "BRDA")
        return .branch(
            line: UInt32(line), key: branchIdentity(line: line, block: block, branch: branchField), taken: taken)
    }

    /// The identity of a branch: line, block and branch packed when they are small numbers (gcc, llvm, istanbul),
    /// else a hash of the fields (lcov 2.x expressions, exception blocks such as `e0`).
    @inline(__always)
    private static func branchIdentity(line: Int, block: ByteSpan, branch: ByteSpan) -> UInt64 {
        if let blockNumber = block.int(), let branchNumber = branch.int(), (0..<0x7FFF).contains(blockNumber),
            (0..<0xFFFF).contains(branchNumber)
        {
            return UInt64(line) << 31 | UInt64(blockNumber) << 16 | UInt64(branchNumber)
        }
        var identity = FNV1a()
        identity.add(block)
        identity.add(UInt8(ascii: ","))
        identity.add(branch)
        // Bit 62 marks hashed identities, so they never equal a packed one (whose highest bit is 61).
        return ((identity.value ^ (UInt64(line) &* 0x9E37_79B9_7F4A_7C15)) >> 2) | (1 << 62)
    }

    private static func lineNumber(_ field: ByteSpan?, _ record: String) throws(InputError) -> Int {
        guard let field, let number = field.int() else {
            throw InputError("\(record) record needs a line number, found '\(field?.prefixForMessage ?? "")'")
        }
        guard number >= 0, number <= maximumLineNumber else {
            throw InputError("\(record) record has line number \(number), which no source file has")
        }
        return number
    }

    private static func functionIndex(_ field: ByteSpan?, _ record: String) throws(InputError) -> Int {
        guard let field, let index = field.int(), index >= 0 else {
            throw InputError("\(record) record needs a function index, found '\(field?.prefixForMessage ?? "")'")
        }
        return index
    }

    private static func count(_ value: ByteSpan, _ record: String) throws(InputError) -> Int {
        guard let number = value.int(), number >= 0 else {
            throw InputError("\(record) needs a count, found '\(value.prefixForMessage)'")
        }
        return number
    }

    /// Whether an execution count is above zero. Counts are decimal digits of any length (a count too large for
    /// 64 bits still means "executed"); a sign, a fraction or anything else is an error.
    private static func isHit(_ count: ByteSpan, _ record: String) throws(InputError) -> Bool {
        var hit = false
        for index in 0..<count.count {
            let byte = count[index]
            guard byte.isASCIIDigit else {
                if byte == UInt8(ascii: "-") {
                    throw InputError("\(record) record has a negative execution count '\(count.prefixForMessage)'")
                }
                throw InputError(
                    "\(record) record has an execution count that is not a number: '\(count.prefixForMessage)'")
            }
            if byte != UInt8(ascii: "0") { hit = true }
        }
        return hit
    }
}

/// Walks the comma-separated fields of a record value.
private struct FieldCursor {
    private var remaining: ByteSpan
    private var exhausted = false

    init(_ value: ByteSpan) { remaining = value }

    /// The next field, or nil after the last one.
    mutating func next() -> ByteSpan? {
        guard !exhausted else { return nil }
        if let comma = remaining.firstIndex(of: UInt8(ascii: ",")) {
            let field = remaining.slice(0, comma)
            remaining = remaining.dropFirst(comma + 1)
            return field
        }
        exhausted = true
        return remaining
    }

    /// Everything not yet returned (empty after the last field).
    var rest: ByteSpan { exhausted ? remaining.slice(0, 0) : remaining }
}

extension UInt8 {
    fileprivate var isLCOVTagCharacter: Bool {
        (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z")) || self == UInt8(ascii: "_") || isASCIIDigit
    }
}

extension ByteSpan {
    /// The first 60 characters, for quoting bad input in a message without flooding it.
    var prefixForMessage: String {
        let shown = slice(0, Swift.min(count, 60))
        return shown.description + (count > 60 ? "…" : "")
    }
}
