/// A pattern that is not a valid glob, with the reason in words for the user.
public struct GlobError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A compiled glob pattern over `/`-separated relative paths.
///
/// Syntax, segment by segment (a segment is the text between two `/`):
/// - `*` matches any run of characters within one segment, `?` exactly one character (a Unicode scalar);
/// - `[abc]`, `[a-z]` match one character of the class, `[!abc]` (or `[^abc]`) one character not in it;
///   a `]` right after `[` or `[!` belongs to the class, a `-` first or last is literal;
/// - `{a,b}` matches either alternative; alternatives may hold wildcards and `/`, and nest up to
///   ``maximumBraceDepth`` levels;
/// - `**` as a whole segment matches zero or more segments: `src/**/*.swift` matches `src/a.swift` and
///   `src/x/y/a.swift`, and `src/**` everything below `src`; `**` inside a longer segment is an error;
/// - `\` makes the next character literal (`\*`, `\{`, `\\`).
///
/// A name that begins with `.` is matched only by a pattern segment that itself begins with `.`: `*`, `?`, classes
/// and `**` never match it (like shells without `dotglob`), so `**/*.xml` does not look inside `.build`.
/// Matching is case-sensitive and compares Unicode scalars without normalisation. A leading `./`, `.` segments and
/// empty segments (`a//b`, a trailing `/`) are ignored in both the pattern and the path; a pattern that starts with
/// `/` is absolute and matches only absolute paths.
///
/// Matching takes time proportional to the lengths of path and pattern: a segment is matched with the greedy
/// algorithm that keeps one backtrack point per `*`, and `**` by following every pattern position at once.
public struct Glob: Equatable, Sendable, CustomStringConvertible {
    /// How deeply `{…}` may nest.
    public static let maximumBraceDepth = 4
    /// How many alternatives `{…}` may expand to in all.
    public static let maximumAlternatives = 256

    public let pattern: String
    /// The leading segments without any wildcard (where a file search can start), e.g. "build/test-results" for
    /// "build/test-results/**/*.xml"; "" when the first segment has a wildcard. The whole (normalised) path for a
    /// pattern without wildcards; starts with "/" for an absolute pattern.
    public let literalPrefix: String
    /// True when the pattern holds an unescaped `*`, `?`, `[` or `{`.
    public let hasWildcards: Bool
    /// True when the pattern starts with `/`.
    public let isAbsolute: Bool
    /// The brace expansions of the pattern, each as a list of segments.
    let alternatives: [[GlobSegment]]
    /// How many leading segments `literalPrefix` holds (fewer than any alternative has, unless `namesOnePath`).
    let prefixSegmentCount: Int
    /// True when the pattern names exactly one path (no wildcard once braces are expanded).
    let namesOnePath: Bool

    public init(_ pattern: String) throws(GlobError) {
        let scalars = Array(pattern.unicodeScalars)
        guard !scalars.isEmpty else { throw GlobError("the pattern is empty") }
        var parser = BraceParser(scalars)
        let texts = try parser.expand()
        var alternatives: [[GlobSegment]] = []
        for text in texts {
            var segments: [GlobSegment] = []
            for segmentText in GlobPath.segments(of: text) {
                segments.append(try GlobSegment(segmentText))
            }
            guard !segments.isEmpty else { throw GlobError("the pattern names no file") }
            if !alternatives.contains(segments) { alternatives.append(segments) }
        }
        self.pattern = pattern
        self.alternatives = alternatives
        isAbsolute = scalars.first == "/"
        hasWildcards = scalars.containsUnescaped { "*?[{".unicodeScalars.contains($0) }
        namesOnePath = alternatives.count == 1 && alternatives[0].allSatisfy { $0.literal != nil }
        let prefix = Glob.commonLiteralPrefix(of: alternatives, whole: namesOnePath)
        prefixSegmentCount = prefix.count
        let joined = prefix.joined(separator: "/")
        literalPrefix = isAbsolute ? "/" + joined : joined
    }

    /// The literal segments that begin every alternative, leaving at least one segment of each to match unless
    /// `whole` (the pattern names one path).
    private static func commonLiteralPrefix(of alternatives: [[GlobSegment]], whole: Bool) -> [String] {
        let limit = alternatives.reduce(Int.max) { min($0, $1.count) }
        var prefix: [String] = []
        while prefix.count < (whole ? limit : limit - 1) {
            let index = prefix.count
            guard let literal = alternatives[0][index].literal,
                alternatives.allSatisfy({ $0[index].literal == literal })
            else { break }
            prefix.append(String(decoding: literal, as: UTF8.self))
        }
        return prefix
    }

    public var description: String { pattern }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    /// True when `path` (relative, or absolute for an absolute pattern) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard (bytes.first == UInt8(ascii: "/")) == isAbsolute else { return false }
            var states = startStates(afterPrefix: false)
            var next: [State] = []
            var segmentStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])
                segmentStart = index + 1
                guard !GlobPath.isIgnorable(segment) else { continue }
                advance(states, by: segment, into: &next)
                swap(&states, &next)
                if states.isEmpty { return false }
            }
            return isAccepting(states)
        }
    }

    // MARK: Matching one segment at a time (also used by FileFinder)

    /// A place in the pattern: the next segment of one alternative to match.
    struct State: Equatable {
        var alternative: Int
        var segment: Int
    }

    /// The states before the first segment of the path, or (for a file search) after the literal prefix.
    func startStates(afterPrefix: Bool) -> [State] {
        var states: [State] = []
        for alternative in alternatives.indices {
            insert(State(alternative: alternative, segment: afterPrefix ? prefixSegmentCount : 0), into: &states)
        }
        return states
    }

    /// Replaces `next` with the states after matching one more path segment called `name`; empty when no alternative
    /// can go on.
    func advance(_ states: [State], by name: UnsafeBufferPointer<UInt8>, into next: inout [State]) {
        next.removeAll(keepingCapacity: true)
        for state in states where state.segment < alternatives[state.alternative].count {
            switch alternatives[state.alternative][state.segment] {
            case .anySegments:
                if GlobName.isHidden(name) { continue }
                insert(state, into: &next)
            case .name(let pattern):
                if pattern.matches(name) {
                    insert(State(alternative: state.alternative, segment: state.segment + 1), into: &next)
                }
            }
        }
    }

    /// True when one of the states has matched every segment of its alternative.
    func isAccepting(_ states: [State]) -> Bool {
        states.contains { $0.segment == alternatives[$0.alternative].count }
    }

    /// True when one of the states still expects a segment (a directory is worth entering).
    func expectsMore(_ states: [State]) -> Bool {
        states.contains { $0.segment < alternatives[$0.alternative].count }
    }

    /// Adds `state` and, when it stands before `**` (which may match nothing), the state after it.
    private func insert(_ state: State, into states: inout [State]) {
        var state = state
        while true {
            if !states.contains(state) { states.append(state) }
            let segments = alternatives[state.alternative]
            guard state.segment < segments.count, segments[state.segment] == .anySegments else { return }
            state.segment += 1
        }
    }
}

/// One segment of a compiled pattern.
enum GlobSegment: Equatable {
    /// `**`: zero or more path segments.
    case anySegments
    case name(GlobName)

    /// Compiles one segment's text (escapes still in it).
    init(_ text: [Unicode.Scalar]) throws(GlobError) {
        if text == ["*", "*"] {
            self = .anySegments
        } else {
            self = .name(try GlobName(text))
        }
    }

    /// The segment's bytes when it has no wildcard.
    var literal: [UInt8]? {
        guard case .name(let name) = self else { return nil }
        return name.literal
    }
}

/// A pattern for one name (a path segment): literal bytes, `?`, `*` and classes.
struct GlobName: Equatable {
    enum Token: Equatable {
        case byte(UInt8)
        /// `?`: one Unicode scalar.
        case anyScalar
        /// `*`: any run of scalars.
        case anyRun
        case oneOf(GlobClass)
    }

    let tokens: [Token]
    /// The bytes to compare when the segment has no wildcard.
    let literal: [UInt8]?

    init(_ text: [Unicode.Scalar]) throws(GlobError) {
        let shown = String(String.UnicodeScalarView(text))
        var tokens: [Token] = []
        var index = 0
        while index < text.count {
            switch text[index] {
            case "\\" where index + 1 < text.count:
                index += 1
                tokens.append(contentsOf: Array(String(text[index]).utf8).map(Token.byte))
            case "*":
                guard index + 1 == text.count || text[index + 1] != "*" else {
                    throw GlobError(
                        "'**' must be a whole path segment, as in 'src/**/*.swift' (found \(shown.debugDescription))")
                }
                tokens.append(.anyRun)
            case "?":
                tokens.append(.anyScalar)
            case "[":
                guard let end = GlobPath.classEnd(in: text, openingAt: index) else {
                    throw GlobError("'[' in \(shown.debugDescription) is never closed by ']'")
                }
                tokens.append(.oneOf(try GlobClass(text[index + 1..<end])))
                index = end
            default:
                tokens.append(contentsOf: Array(String(text[index]).utf8).map(Token.byte))
            }
            index += 1
        }
        self.tokens = tokens
        var bytes: [UInt8] = []
        for token in tokens {
            guard case .byte(let byte) = token else { break }
            bytes.append(byte)
        }
        literal = bytes.count == tokens.count ? bytes : nil
    }

    /// True for a name that only a pattern beginning with `.` may match.
    static func isHidden(_ name: UnsafeBufferPointer<UInt8>) -> Bool { name.first == UInt8(ascii: ".") }

    /// True when the whole of `name` matches.
    func matches(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if let literal { return name.elementsEqual(literal) }
        if GlobName.isHidden(name) {
            // Only a pattern that starts with `.` may match a hidden name, and no wildcard matches `.` or `..`.
            guard tokens.first == .byte(UInt8(ascii: ".")), !GlobPath.isDotOrDotDot(name) else { return false }
        }
        var token = 0
        var position = 0
        // The last `*` seen and where its run currently ends: on a mismatch the run grows by one scalar.
        var star: (token: Int, end: Int)?
        while position < name.count {
            if token < tokens.count, tokens[token] == .anyRun {
                star = (token, position)
                token += 1
            } else if token < tokens.count, let next = step(tokens[token], at: position, in: name) {
                token += 1
                position = next
            } else if let previous = star {
                let grown = GlobName.scalarEnd(in: name, from: previous.end)
                star = (previous.token, grown)
                token = previous.token + 1
                position = grown
            } else {
                return false
            }
        }
        return tokens[token...].allSatisfy { $0 == .anyRun }
    }

    /// Where a token other than `*` stops when it matches at `position`, or nil.
    private func step(_ token: Token, at position: Int, in name: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = GlobName.scalarEnd(in: name, from: position)
        switch token {
        case .byte(let byte): return name[position] == byte ? position + 1 : nil
        case .anyRun, .anyScalar: return end
        case .oneOf(let set):
            var bytes = UnsafeBufferPointer(rebasing: name[position..<end]).makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&bytes), set.contains(scalar) else { return nil }
            return end
        }
    }

    /// The index after the UTF-8 scalar that starts at `position` (continuation bytes are skipped).
    private static func scalarEnd(in name: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        var end = position + 1
        while end < name.count, name[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}

/// A `[…]` character class.
struct GlobClass: Equatable {
    let ranges: [ClosedRange<Unicode.Scalar>]
    let negated: Bool

    /// Compiles the text between `[` and `]`.
    init(_ text: ArraySlice<Unicode.Scalar>) throws(GlobError) {
        var scalars = text
        negated = scalars.first == "!" || scalars.first == "^"
        if negated { scalars = scalars.dropFirst() }
        var members: [Unicode.Scalar] = []
        var escaped: [Bool] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let isEscape = scalars[index] == "\\" && index + 1 < scalars.endIndex
            if isEscape { index += 1 }
            members.append(scalars[index])
            escaped.append(isEscape)
            index += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var member = 0
        while member < members.count {
            let low = members[member]
            if member + 2 < members.count, members[member + 1] == "-", !escaped[member + 1] {
                let high = members[member + 2]
                guard low <= high else { throw GlobError("the range '\(low)-\(high)' in '[…]' is reversed") }
                ranges.append(low...high)
                member += 3
            } else {
                ranges.append(low...low)
                member += 1
            }
        }
        self.ranges = ranges
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar) } != negated
    }
}

/// Splitting patterns and paths into segments.
enum GlobPath {
    /// The segments of `text` split at unescaped `/`, without empty and `.` segments.
    static func segments(of text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var segments: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var index = 0
        while index <= text.count {
            if index == text.count || text[index] == "/" {
                if !current.isEmpty, current != ["."] { segments.append(current) }
                current = []
            } else {
                if text[index] == "\\", index + 1 < text.count {
                    current.append(text[index])
                    index += 1
                }
                current.append(text[index])
            }
            index += 1
        }
        return segments
    }

    /// True for an empty or `.` path segment.
    static func isIgnorable(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.isEmpty || (segment.count == 1 && segment[0] == UInt8(ascii: "."))
    }

    /// True for the names `.` and `..`.
    static func isDotOrDotDot(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.first == UInt8(ascii: ".") && (name.count == 1 || (name.count == 2 && name[1] == UInt8(ascii: ".")))
    }

    /// The index of the `]` closing the class opened at `open`, or nil (a class never spans a `/`).
    static func classEnd(in text: [Unicode.Scalar], openingAt open: Int) -> Int? {
        var index = open + 1
        if index < text.count, text[index] == "!" || text[index] == "^" { index += 1 }
        if index < text.count, text[index] == "]" { index += 1 }
        while index < text.count, text[index] != "/" {
            if text[index] == "]" { return index }
            if text[index] == "\\" { index += 1 }
            index += 1
        }
        return nil
    }
}

/// Expands `{a,b}` alternatives into plain patterns (escapes and classes are kept for the segment compiler).
private struct BraceParser {
    /// A piece of a pattern: plain text, or a choice between alternatives.
    private enum Part {
        case text([Unicode.Scalar])
        case choice([[Part]])
    }

    private let text: [Unicode.Scalar]
    private var index = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    /// Every expansion of the pattern, in order.
    mutating func expand() throws(GlobError) -> [[Unicode.Scalar]] {
        let parts = try parseSequence(depth: 0)
        return try BraceParser.expand(parts)
    }

    /// Parses text up to the end, or up to the `,` or `}` that ends an alternative inside braces.
    private mutating func parseSequence(depth: Int) throws(GlobError) -> [Part] {
        var parts: [Part] = []
        var literal: [Unicode.Scalar] = []
        while index < text.count {
            let scalar = text[index]
            switch scalar {
            case "\\":
                guard index + 1 < text.count else {
                    throw GlobError("the pattern ends with '\\', which escapes nothing")
                }
                literal += text[index...index + 1]
                index += 2
            case "[":
                let end = GlobPath.classEnd(in: text, openingAt: index) ?? index
                literal += text[index...end]
                index = end + 1
            case "{":
                guard depth < Glob.maximumBraceDepth else {
                    throw GlobError("'{…}' is nested more than \(Glob.maximumBraceDepth) levels deep")
                }
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = []
                parts.append(try parseChoice(depth: depth + 1))
            case ",", "}":
                if depth > 0 {
                    if !literal.isEmpty { parts.append(.text(literal)) }
                    return parts
                }
                guard scalar == "," else {
                    throw GlobError("'}' at character \(index + 1) has no matching '{' (write '\\}' to match a '}')")
                }
                literal.append(scalar)
                index += 1
            default:
                literal.append(scalar)
                index += 1
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }

    /// Parses `{a,b,…}` from its `{`.
    private mutating func parseChoice(depth: Int) throws(GlobError) -> Part {
        let open = index
        var options: [[Part]] = []
        repeat {
            index += 1
            options.append(try parseSequence(depth: depth))
        } while index < text.count && text[index] == ","
        guard index < text.count else {
            throw GlobError("'{' at character \(open + 1) is never closed by '}'")
        }
        index += 1
        return .choice(options)
    }

    private static func expand(_ parts: [Part]) throws(GlobError) -> [[Unicode.Scalar]] {
        var results: [[Unicode.Scalar]] = [[]]
        for part in parts {
            switch part {
            case .text(let text):
                for index in results.indices { results[index] += text }
            case .choice(let options):
                var endings: [[Unicode.Scalar]] = []
                for option in options { endings += try expand(option) }
                guard results.count * endings.count <= Glob.maximumAlternatives else {
                    throw GlobError("'{…}' expands to more than \(Glob.maximumAlternatives) alternatives")
                }
                results = results.flatMap { start in endings.map { start + $0 } }
            }
        }
        return results
    }
}

extension [Unicode.Scalar] {
    /// True when a scalar that is not escaped by `\` satisfies `predicate`.
    fileprivate func containsUnescaped(where predicate: (Unicode.Scalar) -> Bool) -> Bool {
        var index = 0
        while index < count {
            if self[index] == "\\" {
                index += 2
            } else {
                if predicate(self[index]) { return true }
                index += 1
            }
        }
        return false
    }
}
