/// A pull tokenizer for JSON (RFC 8259) over an ``InputBuffer``: every JSON report reader builds on it.
///
/// Readers walk to the keys they need and skip everything else:
///
/// ```swift
/// let json = JSONTokenizer(input)
/// try json.forEachMember { key throws(InputError) in
///     if key == "name" { name = try json.readString() }  // members the body does not read are skipped
/// }
/// try json.expectEnd()
/// ```
///
/// Strings are decoded (escapes resolved, surrogate pairs combined, UTF-8 validated) only when they are read;
/// ``skipValue()`` passes over whole subtrees tracking nothing but brackets and string boundaries. Nesting is
/// limited to `maxDepth` and no method recurses, so no input can exhaust the stack. After a syntax error every
/// further call throws that same error.
public final class JSONTokenizer {
    /// What ``next()`` read.
    public enum Token: Equatable, Sendable {
        case beginObject, endObject, beginArray, endArray, key, string, number, bool, null, end
    }

    /// What the grammar allows next.
    enum Expectation {
        /// A value: at the top level or after a colon.
        case value
        /// A value after a comma in an array (a closing bracket would be a trailing comma).
        case element
        /// A value or `]`, just after `[`.
        case valueOrEnd
        /// A key or `}`, just after `{`.
        case keyOrEnd
        /// A key after a comma in an object.
        case key
        /// The colon after a key.
        case colon
        /// A comma or the closing bracket after a value; the end of input after the top-level value.
        case separator
    }

    static let arrayKind: UInt8 = 0
    static let objectKind: UInt8 = 1

    let input: InputBuffer
    let maxDepth: Int
    /// The kind (``arrayKind`` or ``objectKind``) of each open container, outermost first.
    let stack: UnsafeMutablePointer<UInt8>
    /// The mutable state, behind a pointer: every access to a stored `var` of a class pays a dynamic exclusivity
    /// check, which would cost more than the tokenizing itself.
    let state: UnsafeMutablePointer<State>

    struct State {
        /// The window of `input` as of its last refill, and the tokenizer's cursor in it. `input.start` is brought up
        /// to date at each refill and when the tokenizer is released.
        var base: UnsafePointer<UInt8>
        var position: Int
        var end: Int
        var consumedBefore: Int
        var depth = 0
        var expect = Expectation.value
        /// A token ``forEachElement(_:)`` read ahead to see whether the array goes on; ``next()`` returns it first.
        var replay: Token?
        /// The syntax error that stopped the tokenizer, thrown again by every later call.
        var failure: InputError?
        /// Decoded bytes of a string that had escapes.
        var scratch: UnsafeMutablePointer<UInt8>
        var scratchCapacity: Int
        /// Copies of the keys ``forEachMember(_:)`` hands out, one buffer per nesting level, reused.
        var keyCopies: [(base: UnsafeMutablePointer<UInt8>?, capacity: Int)] = []
        /// The current line, and the file offset where it starts.
        var currentLine = 1
        var lineStart = 0
        var bytes: ByteSpan
        var boolValue = false
        var line = 1
        var column = 1
    }

    /// For `.key` and `.string`: the decoded bytes; for `.number`: the number as written. Valid until the next call.
    public var bytes: ByteSpan { state.pointee.bytes }
    /// For `.bool`: its value.
    public var boolValue: Bool { state.pointee.boolValue }
    /// The 1-based line where the token last read starts.
    public var line: Int { state.pointee.line }
    /// The 1-based column (in bytes) where the token last read starts.
    public var column: Int { state.pointee.column }

    var position: Int {
        get { state.pointee.position }
        set { state.pointee.position = newValue }
    }
    var depth: Int {
        get { state.pointee.depth }
        set { state.pointee.depth = newValue }
    }
    var expect: Expectation {
        get { state.pointee.expect }
        set { state.pointee.expect = newValue }
    }
    var replay: Token? {
        get { state.pointee.replay }
        set { state.pointee.replay = newValue }
    }

    /// A tokenizer over `input`, refusing arrays and objects nested deeper than `maxDepth` (1 to 1 048 576).
    public init(_ input: InputBuffer, maxDepth: Int = 512) {
        self.input = input
        self.maxDepth = min(max(maxDepth, 1), 1 << 20)
        stack = .allocate(capacity: self.maxDepth)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(
                base: input.base, position: input.start, end: input.end, consumedBefore: input.consumedBefore,
                scratch: scratch, scratchCapacity: 256, bytes: ByteSpan(base: scratch, count: 0)))
    }

    deinit {
        input.start = state.pointee.position
        for copy in state.pointee.keyCopies { copy.base?.deallocate() }
        state.pointee.scratch.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
        stack.deallocate()
    }

    // MARK: Tokens

    /// Reads the next token. After the top-level value, returns `.end` (and throws if anything but white space follows).
    public func next() throws(InputError) -> Token {
        if let token = replay {
            replay = nil
            return token
        }
        guard let byte = try tokenStart() else { return try endOfInput() }
        switch expect {
        case .separator:
            return try close(byte)
        case .keyOrEnd, .key:
            markToken()
            if byte == UInt8(ascii: "\"") {
                state.pointee.bytes = try scanString()
                expect = .colon
                return .key
            }
            if byte == UInt8(ascii: "}") {
                guard expect == .keyOrEnd else { throw fail("a trailing comma before '}' is not allowed") }
                return pop(.endObject)
            }
            if byte == UInt8(ascii: "'") { throw fail("keys must be in double quotes, not single quotes") }
            throw fail("expected a key in double quotes, found \(Self.describe(byte))")
        case .valueOrEnd where byte == UInt8(ascii: "]"):
            markToken()
            return pop(.endArray)
        case .element where byte == UInt8(ascii: "]"):
            markToken()
            throw fail("a trailing comma before ']' is not allowed")
        case .value, .element, .valueOrEnd, .colon:
            return try value(startingWith: byte)
        }
    }

    /// Skips the value that comes next (after a `.key`, or where an array element may start), subtrees included.
    ///
    /// Arrays and objects are passed over at memory speed: only brackets and string boundaries are looked at, so
    /// strings are not decoded nor numbers checked inside them.
    public func skipValue() throws(InputError) {
        if let token = replay {
            replay = nil
            if token == .beginObject || token == .beginArray { try skipContainers(downTo: depth - 1) }
            return
        }
        guard let byte = try tokenStart(), expect != .keyOrEnd, expect != .key, expect != .separator,
            !(expect == .valueOrEnd && byte == UInt8(ascii: "]"))
        else {
            let token = try next()
            throw InputError("expected a value to skip, found \(describe(token))", line: line, column: column)
        }
        guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else {
            _ = try next()
            return
        }
        markToken()
        try push(byte == UInt8(ascii: "[") ? Self.arrayKind : Self.objectKind)
        position += 1
        try skipContainers(downTo: depth - 1)
    }

    /// Checks that nothing but white space follows the top-level value.
    public func expectEnd() throws(InputError) {
        let token = try next()
        guard token == .end else {
            throw InputError("expected the end of the input, found \(describe(token))", line: line, column: column)
        }
    }

    // MARK: Values

    /// Reads the next value as a string. A value of another kind is skipped whole, then reported.
    public func readString() throws(InputError) -> String {
        let token = try next()
        guard token == .string else { throw try mismatch("a string", token) }
        return String(decoding: UnsafeBufferPointer(start: bytes.base, count: bytes.count), as: UTF8.self)
    }

    /// Reads the next value as a finite number. A value of another kind is skipped whole, then reported.
    public func readDouble() throws(InputError) -> Double {
        let token = try next()
        guard token == .number else { throw try mismatch("a number", token) }
        guard let value = Double(bytes.description), value.isFinite else {
            throw InputError("\(bytes) is not a finite number", line: line, column: column)
        }
        return value
    }

    /// Reads the next value as an integer (no fraction nor exponent, within `Int`'s range).
    /// A value of another kind is skipped whole, then reported.
    public func readInt() throws(InputError) -> Int {
        let token = try next()
        guard token == .number else { throw try mismatch("an integer", token) }
        guard bytes.firstIndex(of: UInt8(ascii: ".")) == nil, bytes.firstIndex(of: UInt8(ascii: "e")) == nil,
            bytes.firstIndex(of: UInt8(ascii: "E")) == nil
        else { throw InputError("expected an integer, found \(bytes)", line: line, column: column) }
        guard let value = bytes.int() else {
            throw InputError("the integer \(bytes) is out of range", line: line, column: column)
        }
        return value
    }

    // MARK: Containers

    /// Calls `body` with each key of an object (the key stays valid during the call, while the body reads on).
    ///
    /// Iterates the object whose `.beginObject` was just read, else reads the next value, which must be an object.
    /// `body` may read the member's value, skip it, or leave it (or part of it) unread: what it leaves is skipped.
    public func forEachMember(_ body: (ByteSpan) throws(InputError) -> Void) throws(InputError) {
        try enter(.beginObject, "an object")
        let memberDepth = depth
        while try next() == .key {
            try body(copyOfKey(level: memberDepth - 1))
            if depth < memberDepth { return }  // the body read past the object's end
            if expect == .colon {
                try skipValue()
            } else if depth > memberDepth {
                try skipContainers(downTo: memberDepth)
            }
        }
    }

    /// Calls `body` once for each element of an array; `body` reads the element (or leaves it to be skipped).
    ///
    /// Iterates the array whose `.beginArray` was just read, else reads the next value, which must be an array.
    public func forEachElement(_ body: () throws(InputError) -> Void) throws(InputError) {
        try enter(.beginArray, "an array")
        let elementDepth = depth
        while true {
            let token = try next()
            if token == .endArray { return }
            replay = token
            try body()
            if depth < elementDepth { return }  // the body read past the array's end
            if let unread = replay {
                replay = nil
                if unread == .beginObject || unread == .beginArray { try skipContainers(downTo: elementDepth) }
            } else if depth > elementDepth {
                try skipContainers(downTo: elementDepth)
            }
        }
    }

    /// A copy of the key just read that outlives the refills of the buffer, in the copy buffer of `level`.
    private func copyOfKey(level: Int) -> ByteSpan {
        while state.pointee.keyCopies.count <= level { state.pointee.keyCopies.append((nil, 0)) }
        guard let copy = state.pointee.keyCopies[level].base, state.pointee.keyCopies[level].capacity >= bytes.count
        else {
            state.pointee.keyCopies[level].base?.deallocate()
            let capacity = max(bytes.count, 64)
            state.pointee.keyCopies[level] = (.allocate(capacity: capacity), capacity)
            return copyOfKey(level: level)
        }
        copy.update(from: bytes.base, count: bytes.count)
        return ByteSpan(base: copy, count: bytes.count)
    }

    /// Makes the container that `begin` opens the current one: the one just opened, or the next value.
    private func enter(_ begin: Token, _ what: String) throws(InputError) {
        if replay == nil, expect == (begin == .beginObject ? .keyOrEnd : .valueOrEnd) { return }
        let token = try next()
        guard token == begin else { throw try mismatch(what, token) }
    }

    // MARK: Structure

    /// Skips white space, the colon after a key and the comma after a value; returns the byte a token starts with,
    /// or nil at the end of the input.
    private func tokenStart() throws(InputError) -> UInt8? {
        if let failure = state.pointee.failure { throw failure }
        while true {
            guard let byte = try skipWhitespace() else { return nil }
            if expect == .colon {
                guard byte == UInt8(ascii: ":") else {
                    markToken()
                    throw fail("expected ':' after the key, found \(Self.describe(byte))")
                }
                position += 1
                expect = .value
            } else if expect == .separator, depth > 0, byte == UInt8(ascii: ",") {
                position += 1
                expect = stack[depth - 1] == Self.objectKind ? .key : .element
            } else {
                return byte
            }
        }
    }

    /// The token after a value: the closing bracket of the container (a comma was taken by ``tokenStart()``).
    private func close(_ byte: UInt8) throws(InputError) -> Token {
        markToken()
        guard depth > 0 else { throw fail("unexpected \(Self.describe(byte)) after the end of the JSON value") }
        if stack[depth - 1] == Self.objectKind {
            guard byte == UInt8(ascii: "}") else {
                throw fail("expected ',' or '}' after an object member, found \(Self.describe(byte))")
            }
            return pop(.endObject)
        }
        guard byte == UInt8(ascii: "]") else {
            throw fail("expected ',' or ']' after an array element, found \(Self.describe(byte))")
        }
        return pop(.endArray)
    }

    /// Reads the value that starts with `byte`.
    private func value(startingWith byte: UInt8) throws(InputError) -> Token {
        markToken()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = byte == UInt8(ascii: "{")
            try push(isObject ? Self.objectKind : Self.arrayKind)
            position += 1
            expect = isObject ? .keyOrEnd : .valueOrEnd
            return isObject ? .beginObject : .beginArray
        case UInt8(ascii: "\""):
            state.pointee.bytes = try scanString()
            expect = .separator
            return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            state.pointee.bytes = try scanNumber()
            expect = .separator
            return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            state.pointee.boolValue = byte == UInt8(ascii: "t")
            try scanLiteral(boolValue ? "true" : "false")
            return .bool
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return .null
        case UInt8(ascii: "'"):
            throw fail("strings must be in double quotes, not single quotes")
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw fail("expected a JSON value, found \(Self.describe(byte)) (NaN and Infinity are not valid JSON)")
        default:
            throw fail("expected a JSON value, found \(Self.describe(byte))")
        }
    }

    private func endOfInput() throws(InputError) -> Token {
        markToken()
        if depth == 0, expect == .separator { return .end }
        if depth == 0 { throw fail("the input is empty: expected a JSON value") }
        let inside = stack[depth - 1] == Self.objectKind ? "an object" : "an array"
        throw fail("unexpected end of input inside \(inside)")
    }

    func push(_ kind: UInt8) throws(InputError) {
        guard depth < maxDepth else { throw fail("arrays and objects are nested deeper than \(maxDepth) levels") }
        stack[depth] = kind
        depth += 1
    }

    private func pop(_ token: Token) -> Token {
        position += 1
        depth -= 1
        expect = .separator
        return token
    }

    // MARK: Positions and errors

    /// Records the position of the token that starts at `position`.
    func markToken() {
        state.pointee.line = state.pointee.currentLine
        state.pointee.column = state.pointee.consumedBefore + position - state.pointee.lineStart + 1
    }

    /// A syntax error at `offset` bytes after the token's start, recorded so that every later call throws it.
    func fail(_ message: String, at offset: Int = 0) -> InputError {
        let error = InputError(message, line: line, column: column + offset)
        state.pointee.failure = error
        return error
    }

    /// The error for a value of the wrong kind, after skipping that value so that the caller may carry on.
    private func mismatch(_ expected: String, _ token: Token) throws(InputError) -> InputError {
        let (tokenLine, tokenColumn) = (line, column)
        let found = describe(token)
        if token == .beginObject || token == .beginArray { try skipContainers(downTo: depth - 1) }
        return InputError("expected \(expected), found \(found)", line: tokenLine, column: tokenColumn)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .beginObject: return "an object"
        case .beginArray: return "an array"
        case .endObject: return "'}'"
        case .endArray: return "']'"
        case .key: return "the key \"\(bytes)\""
        case .string: return bytes.count <= 40 ? "the string \"\(bytes)\"" : "a string"
        case .number: return bytes.count <= 40 ? "the number \(bytes)" : "a number"
        case .bool: return boolValue ? "true" : "false"
        case .null: return "null"
        case .end: return "the end of the input"
        }
    }

    /// A byte for a message: the character when it is printable ASCII, else its value.
    static func describe(_ byte: UInt8) -> String {
        guard byte > 0x20, byte < 0x7F else {
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(byte < 0x10 ? "0" : "")\(hex)"
        }
        return "'\(Character(Unicode.Scalar(byte)))'"
    }
}
