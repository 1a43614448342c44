/// The source files of a Cobertura or Clover report, merged by path as the report lists them.
///
/// Both formats may describe one source file in several elements (a Cobertura `<class>` per class, nested and
/// compiler-generated classes included; a Clover `<file>` listed twice): their lines and per-line branches are
/// unioned, their functions added up (each element holds different methods).
struct CoberturaFileTable {
    /// What one element said about a file's lines, branches and functions.
    struct Part {
        var lines = LineCoverageMap()
        var branches = BranchCoverageMap()
        /// Nil when the element holds no function detail.
        var functions: CoverageCount?
        /// Totals the element states for kinds it may hold no detail of (Clover's `<metrics>`).
        var stated = Stated()

        /// Counts one function, covered or not.
        mutating func addFunction(covered: Bool) {
            functions = (functions ?? .zero) + CoverageCount(covered: covered ? 1 : 0, total: 1)
        }
    }

    /// Totals a report states rather than lists, used only for a kind the file has no detail of.
    struct Stated {
        var lines: CoverageCount?
        var branches: CoverageCount?
        var functions: CoverageCount?

        static func + (lhs: Stated, rhs: Stated) -> Stated {
            Stated(
                lines: sum(lhs.lines, rhs.lines), branches: sum(lhs.branches, rhs.branches),
                functions: sum(lhs.functions, rhs.functions))
        }
    }

    private var paths: [String] = []
    private var parts: [Part] = []
    private var indexByPath: [String: Int] = [:]

    /// Adds what one element says about the file at `path`.
    mutating func add(_ part: Part, path: String) {
        guard let index = indexByPath[path] else {
            indexByPath[path] = parts.count
            paths.append(path)
            parts.append(part)
            return
        }
        parts[index].lines.merge(part.lines)
        parts[index].branches.merge(part.branches)
        parts[index].functions = sum(parts[index].functions, part.functions)
        parts[index].stated = parts[index].stated + part.stated
    }

    /// The files in the order of their first element. Each kind comes from the detail when the file has any; else
    /// from the stated totals when they count something; else lines are 0 of 0 and branches and functions absent.
    var files: [FileCoverage] {
        zip(paths, parts).map { path, part in
            let branches = part.branches.isEmpty ? part.stated.branches.flatMap(nonZero) : part.branches.count
            let functions = part.functions ?? part.stated.functions.flatMap(nonZero)
            let branchMap = part.branches.isEmpty ? nil : part.branches
            if part.lines.isEmpty, let stated = part.stated.lines.flatMap(nonZero) {
                return FileCoverage(
                    path: path, lines: stated, branches: branches, functions: functions, branchMap: branchMap)
            }
            return FileCoverage(
                path: path, lineMap: part.lines, branches: branches, functions: functions, branchMap: branchMap)
        }
    }
}

private func sum(_ lhs: CoverageCount?, _ rhs: CoverageCount?) -> CoverageCount? {
    guard let lhs else { return rhs }
    guard let rhs else { return lhs }
    return lhs + rhs
}

private func nonZero(_ count: CoverageCount) -> CoverageCount? { count.total > 0 ? count : nil }

/// The attribute values of Cobertura and Clover reports. The number readers return nil for a value they do not
/// accept; the reader names the element in its message.
enum CoberturaValues {
    /// The most branches one line may have: more is not a real line of code.
    static let maximumBranchesPerLine = 1_000_000

    /// A line number from 0 to `Int32.max` (`12`, or `12.0` as some converters write it).
    @inline(__always)
    static func lineNumber(_ span: ByteSpan) -> UInt32? {
        if let value = span.int() { return value >= 0 && value <= Int(Int32.max) ? UInt32(value) : nil }
        guard let value = wholeNumber(span), value <= Double(Int32.max) else { return nil }
        return UInt32(value)
    }

    /// Whether an execution count (`hits`, `count`) is above zero. Whole numbers of any size are accepted (a
    /// count beyond `Int` still means "ran"), and so are whole numbers written as decimals (`1.0`).
    @inline(__always)
    static func isHit(_ span: ByteSpan) -> Bool? {
        guard span.count > 0 else { return nil }
        var hit = false
        for index in 0..<span.count {
            let byte = span[index]
            guard byte.isASCIIDigit else { return wholeNumber(span).map { $0 > 0 } }
            hit = hit || byte != UInt8(ascii: "0")
        }
        return hit
    }

    /// A count of items from 0 to `limit` (whole numbers written as decimals accepted).
    static func count(_ span: ByteSpan, limit: Int) -> Int? {
        if let value = span.int() { return value >= 0 && value <= limit ? value : nil }
        guard let value = wholeNumber(span), value <= Double(limit) else { return nil }
        return Int(value)
    }

    /// The `(covered/total)` of a Cobertura `condition-coverage` such as `50% (1/2)`.
    static func conditionCoverage(_ value: ByteSpan) -> CoverageCount? {
        let span = value.trimmed()
        guard let open = span.firstIndex(of: UInt8(ascii: "(")), let slash = span.firstIndex(of: UInt8(ascii: "/")),
            slash > open, span.count > slash + 1, span[span.count - 1] == UInt8(ascii: ")"),
            let covered = span.slice(open + 1, slash).trimmed().int(),
            let total = span.slice(slash + 1, span.count - 1).trimmed().int(),
            covered >= 0, covered <= total, total <= maximumBranchesPerLine
        else { return nil }
        return CoverageCount(covered: covered, total: total)
    }

    /// The bytes of an attribute as a `String`, or an error at `line` naming `what` when they are not valid UTF-8.
    static func text(_ span: ByteSpan, _ what: String, line: Int) throws(InputError) -> String {
        guard let text = span.string() else { throw InputError("\(what) is not valid UTF-8", line: line) }
        return text
    }

    /// A finite, non-negative whole number however it is written (`3`, ` 3 `, `3.0`, `3e2`), or nil.
    private static func wholeNumber(_ span: ByteSpan) -> Double? {
        guard let value = span.trimmed().double(), value >= 0, value == value.rounded(.towardZero) else { return nil }
        return value
    }
}

extension XMLTokenizer {
    /// Calls `body` at the start of each child element of the element just started, up to that element's end.
    /// `body` must consume the child, through its end tag.
    func forEachCoverageChild(_ body: () throws(InputError) -> Void) throws(InputError) {
        while true {
            switch try next() {
            case .startElement: try body()
            case .text: continue
            case .endElement, .end: return
            }
        }
    }
}

extension ContentHead {
    /// The start tag of the `<coverage>` root that Cobertura and Clover reports share, up to its `>`; nil when the
    /// head does not hold one.
    var coverageRootTag: ByteSpan? {
        var from = 0
        while let found = bytes.firstIndex(of: "<coverage", from: from) {
            let after = found + "<coverage".utf8.count
            guard after < bytes.count else { return nil }
            if bytes[after].isASCIIWhitespace || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/")
            {
                return bytes.slice(found, bytes.firstIndex(of: UInt8(ascii: ">"), from: after) ?? bytes.count)
            }
            from = after
        }
        return nil
    }
}
