/// One line of a Go coverage profile: `path:startLine.startColumn,endLine.endColumn statements count`.
struct GoCoverprofileBlock {
    /// Start line and column, then end line and column, packed so that blocks sort by position.
    var start: UInt64
    var end: UInt64
    var statements: UInt32
    var hit: Bool

    /// The largest statement count accepted for one block (Go's own counters hold 16 bits).
    static let maximumStatements = 1 << 24

    /// Splits a block line into its file path and its block.
    ///
    /// The line is read from the end, as Go's own parser does, so that a path may hold `:` (a Windows drive).
    @inline(__always)
    static func parse(_ line: ByteSpan) throws(InputError) -> (path: ByteSpan, block: GoCoverprofileBlock) {
        guard let countSpace = line.lastIndex(of: UInt8(ascii: " ")),
            let statementsSpace = line.slice(0, countSpace).lastIndex(of: UInt8(ascii: " ")),
            let colon = line.slice(0, statementsSpace).lastIndex(of: UInt8(ascii: ":")), colon > 0
        else {
            throw InputError(
                "not a coverage block: '\(line.prefixForMessage)' "
                    + "(expected file.go:line.column,line.column statements count)")
        }
        let hit = try parseCount(line.dropFirst(countSpace + 1))
        let statements = line.slice(statementsSpace + 1, countSpace)
        guard !statements.isEmpty, statements[0].isASCIIDigit, let number = statements.int(),
            number <= maximumStatements
        else {
            throw InputError("'\(statements.prefixForMessage)' is not a number of statements")
        }
        let (start, end) = try parseRange(line.slice(colon + 1, statementsSpace))
        return (line.slice(0, colon), GoCoverprofileBlock(start: start, end: end, statements: UInt32(number), hit: hit))
    }

    /// Whether the execution count is above zero; it may have any number of digits (atomic counters wrap at 2³²).
    @inline(__always)
    private static func parseCount(_ count: ByteSpan) throws(InputError) -> Bool {
        guard !count.isEmpty else { throw InputError("a coverage block without an execution count") }
        var hit = false
        for index in 0..<count.count {
            let byte = count[index]
            guard byte.isASCIIDigit else {
                let kind = byte == UInt8(ascii: "-") ? "a negative" : "not an"
                throw InputError("'\(count.prefixForMessage)' is \(kind) execution count")
            }
            hit = hit || byte != UInt8(ascii: "0")
        }
        return hit
    }

    /// `startLine.startColumn,endLine.endColumn`, each packed as line << 32 | column.
    @inline(__always)
    private static func parseRange(_ range: ByteSpan) throws(InputError) -> (UInt64, UInt64) {
        var index = 0
        /// The number at `index` and the separator after it (none for the last number).
        func number(then separator: StaticString?) -> UInt64? {
            let from = index
            var value = 0
            while index < range.count, range[index].isASCIIDigit, index - from < 10 {
                value = value * 10 + Int(range[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > from, value <= LCOVRecord.maximumLineNumber else { return nil }
            if let separator {
                guard index < range.count, range[index] == separator.utf8Start[0] else { return nil }
                index += 1
            } else if index != range.count {
                return nil
            }
            return UInt64(value)
        }
        guard let startLine = number(then: "."), let startColumn = number(then: ","), let endLine = number(then: "."),
            let endColumn = number(then: nil)
        else {
            throw InputError("'\(range.prefixForMessage)' is not a block position (expected line.column,line.column)")
        }
        return (startLine << 32 | startColumn, endLine << 32 | endColumn)
    }
}

/// The blocks of one source file, merged the way Go merges a profile: blocks with the same position are one block,
/// covered when any of its records counts above zero.
struct GoCoverprofileBlocks {
    private var blocks: [GoCoverprofileBlock] = []
    /// How many blocks are known to be sorted and distinct (a prefix of `blocks`).
    private var merged = 0
    private var inOrder = true
    /// The first block found recorded with two statement counts, described for the error that counting throws.
    private var conflict: String?

    @inline(__always)
    mutating func append(_ block: GoCoverprofileBlock) {
        if let last = blocks.last, (last.start, last.end) >= (block.start, block.end) { inOrder = false }
        blocks.append(block)
        // Records of blocks seen before (a profile concatenated many times) are folded in as they pile up.
        if blocks.count >= 2 * merged + 4096 { merge() }
    }

    mutating func removeAll() {
        blocks.removeAll(keepingCapacity: true)
        merged = 0
        inOrder = true
        conflict = nil
    }

    /// Statements in all blocks, and in the blocks that ran; an error naming `path` when a block was recorded with
    /// two statement counts, as Go refuses such profiles.
    mutating func count(of path: String) throws(InputError) -> CoverageCount {
        merge()
        if let conflict { throw InputError("\(path): \(conflict)") }
        var total = 0
        var covered = 0
        for block in blocks {
            total += Int(block.statements)
            if block.hit { covered += Int(block.statements) }
        }
        return CoverageCount(covered: covered, total: total)
    }

    /// Sorts the blocks and folds repeated ones together, covered when any of them is.
    private mutating func merge() {
        if !inOrder { blocks.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        var kept = 0
        for block in blocks {
            if kept > 0, blocks[kept - 1].start == block.start, blocks[kept - 1].end == block.end {
                if blocks[kept - 1].statements != block.statements, conflict == nil {
                    conflict =
                        "the block at \(Self.describe(block)) is recorded with \(blocks[kept - 1].statements) and "
                        + "with \(block.statements) statements: are these profiles of different sources?"
                }
                blocks[kept - 1].hit = blocks[kept - 1].hit || block.hit
            } else {
                blocks[kept] = block
                kept += 1
            }
        }
        blocks.removeLast(blocks.count - kept)
        merged = kept
        inOrder = true
    }

    private static func describe(_ block: GoCoverprofileBlock) -> String {
        "\(block.start >> 32).\(block.start & 0xFFFF_FFFF),\(block.end >> 32).\(block.end & 0xFFFF_FFFF)"
    }
}
