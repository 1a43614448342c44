import Testing

@testable import GateKit

/// The error that compiling `pattern` gives, or nil when it compiles.
private func globError(_ pattern: String) -> GlobError? {
    do {
        _ = try Glob(pattern)
        return nil
    } catch {
        return error
    }
}

@Suite struct GlobMatchingTests {
    @Test(arguments: [
        // `*` stays within one segment.
        ("*.swift", "a.swift", true), ("*.swift", "src/a.swift", false), ("src/*.swift", "src/a.swift", true),
        ("*", "", false), ("a*", "a", true), ("*a*b", "xaybz", false), ("*a*b*", "xaybzb", true),
        ("a*b*c", "abbbc", true), ("a*b*c", "abcb", false), ("*", "a/b", false),
        // `?` is one Unicode scalar.
        ("?.txt", "a.txt", true), ("?.txt", "ab.txt", false), ("?.txt", ".txt", false), ("?.txt", "é.txt", true),
        ("a?c", "a🎉c", true), ("??", "🎉", false),
        // Classes.
        ("[abc].c", "b.c", true), ("[abc].c", "d.c", false), ("[a-c]x", "cx", true), ("[a-c]x", "dx", false),
        ("[!abc].c", "d.c", true), ("[!abc].c", "a.c", false), ("[^a]", "b", true), ("[]a]", "]", true),
        ("[!]]", "]", false), ("[!]]", "x", true), ("[a-]", "-", true), ("[-a]", "-", true), ("[é-ë]", "ê", true),
        ("[é-ë]", "e", false), ("[\\]]", "]", true), ("[a\\-c]", "b", false), ("[a\\-c]", "-", true),
        ("[[]", "[", true), ("x]", "x]", true),
        // Alternatives.
        ("*.{swift,md}", "a.md", true), ("*.{swift,md}", "a.txt", false), ("{src,tests}/**/*.c", "tests/x/y.c", true),
        ("{a/b,c}/d", "a/b/d", true), ("{a/b,c}/d", "c/d", true), ("{a/b,c}/d", "a/d", false),
        ("x{,.bak}", "x", true), ("x{,.bak}", "x.bak", true), ("{a,{b,c{d,e}}}", "ce", true),
        ("{*.c,[xy]}", "y", true), ("{a}", "a", true), ("a,b", "a,b", true), ("[{]x", "{x", true),
        // `**`.
        ("src/**/*.swift", "src/a.swift", true), ("src/**/*.swift", "src/x/y/a.swift", true),
        ("src/**/*.swift", "lib/a.swift", false), ("src/**", "src/a/b/c", true), ("src/**", "src", true),
        ("src/**", "lib/a", false), ("**", "a/b/c", true), ("**/x", "x", true), ("**/x", "a/b/x", true),
        ("a/**/b/**/c", "a/b/c", true), ("a/**/b/**/c", "a/x/b/y/z/c", true), ("a/**/b/**/c", "a/x/c", false),
        ("**/*.xml", "build/test-results/t.xml", true),
        // Hidden names.
        ("*", ".hidden", false), ("*.swift", ".a.swift", false), (".*", ".hidden", true), (".*", ".", false),
        (".*", "..", false), ("**/*.swift", ".build/a.swift", false), ("**/*.swift", "a/.b/c.swift", false),
        (".build/**/*.o", ".build/x/y.o", true), ("[.]a", ".a", false), ("{.a,b}*", ".ab", true),
        (".git/config", ".git/config", true), ("src/**", "src/.git", false), ("**", ".x/y", false),
        // Escapes.
        ("a\\*b", "a*b", true), ("a\\*b", "axb", false), ("\\{a,b\\}", "{a,b}", true), ("\\[x]", "[x]", true),
        ("a\\\\b", "a\\b", true), ("\\?", "?", true), ("\\?", "x", false),
        // Normalisation and case.
        ("./src/*.c", "src/a.c", true), ("src/*.c", "./src/a.c", true), ("./././a", "a", true), ("a/./b", "a/b", true),
        ("a//b/", "a/b", true), ("a/b", "a//b/", true), ("*.C", "a.c", false), ("Makefile", "makefile", false),
        // Absolute patterns match absolute paths only.
        ("/tmp/*.info", "/tmp/x.info", true), ("/tmp/*.info", "tmp/x.info", false),
        ("tmp/*.info", "/tmp/x.info", false),
        // Unicode is compared scalar by scalar, without normalisation.
        ("caf\u{E9}", "caf\u{E9}", true), ("caf\u{E9}", "cafe\u{301}", false), ("caf*", "cafe\u{301}", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }

    @Test func doesNotBacktrackExponentially() throws {
        let glob = try Glob("*a*a*a*a*a*a*a*a*a*a*a*a*b")
        let name = String(repeating: "a", count: 5_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!glob.matches(name)) }
        #expect(elapsed < .seconds(1))
        let deep = try Glob("**/**/**/**/**/**/**/**/x/**/y")
        let path = Array(repeating: "d", count: 2_000).joined(separator: "/") + "/x/z"
        let deepElapsed = clock.measure { #expect(!deep.matches(path)) }
        #expect(deepElapsed < .seconds(1))
    }

    @Test func matchesNamesThatAreNotValidUTF8ByteByByte() throws {
        let glob = try Glob("a?[!x]*")
        let name: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0x62]
        var matched: [Glob.State] = []
        name.withUnsafeBufferPointer { bytes in
            glob.advance(glob.startStates(afterPrefix: false), by: bytes, into: &matched)
        }
        // `?` takes 0xFF, `[!x]` does not accept the malformed 0xC3 0x28, so no state survives.
        #expect(matched.isEmpty)
        let lenient = try Glob("a*b")
        var accepted: [Glob.State] = []
        name.withUnsafeBufferPointer { bytes in
            lenient.advance(lenient.startStates(afterPrefix: false), by: bytes, into: &accepted)
        }
        #expect(lenient.isAccepting(accepted))
    }
}

@Suite struct GlobPropertiesTests {
    @Test(arguments: [
        ("build/test-results/**/*.xml", "build/test-results", true),
        ("coverage/lcov.info", "coverage/lcov.info", false),
        ("./coverage//lcov.info", "coverage/lcov.info", false),
        ("*.xml", "", true),
        ("{a,b}/x.xml", "", true),
        ("src/{a/x,b}/*.c", "src", true),
        ("{a}", "a", true),
        ("{a,a}/b", "a/b", true),
        ("{a,a/b}", "", true),
        ("a\\*b/c?", "a*b", true),
        ("a\\*b", "a*b", false),
        ("/tmp/*.info", "/tmp", true),
        ("/*.info", "/", true),
        ("/tmp/x.info", "/tmp/x.info", false),
        ("reports/**", "reports", true),
    ])
    func hasALiteralPrefix(pattern: String, prefix: String, hasWildcards: Bool) throws {
        let glob = try Glob(pattern)
        #expect(glob.literalPrefix == prefix)
        #expect(glob.hasWildcards == hasWildcards)
        #expect(glob.pattern == pattern)
        #expect(glob.description == pattern)
    }

    @Test func comparesByPattern() throws {
        #expect(try Glob("a/*") == Glob("a/*"))
        #expect(try Glob("a/*") != Glob("./a/*"))
    }
}

@Suite struct GlobErrorTests {
    @Test(arguments: [
        ("", "the pattern is empty"),
        ("./", "the pattern names no file"),
        ("/", "the pattern names no file"),
        ("src/[ab", "'[' in \"[ab\" is never closed by ']'"),
        ("[a/b]", "'[' in \"[a\" is never closed by ']'"),
        ("[]", "'[' in \"[]\" is never closed by ']'"),
        ("[z-a]", "the range 'z-a' in '[…]' is reversed"),
        ("src/{a,b", "'{' at character 5 is never closed by '}'"),
        ("{a,{b,c}", "'{' at character 1 is never closed by '}'"),
        ("a}", "'}' at character 2 has no matching '{' (write '\\}' to match a '}')"),
        ("src/**.swift", "'**' must be a whole path segment, as in 'src/**/*.swift' (found \"**.swift\")"),
        ("a**/b", "'**' must be a whole path segment, as in 'src/**/*.swift' (found \"a**\")"),
        ("***", "'**' must be a whole path segment, as in 'src/**/*.swift' (found \"***\")"),
        ("a\\", "the pattern ends with '\\', which escapes nothing"),
        ("{a,{b,{c,{d,{e}}}}}", "'{…}' is nested more than 4 levels deep"),
        ("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", "'{…}' expands to more than 256 alternatives"),
    ])
    func refusesInvalidPatterns(pattern: String, message: String) {
        #expect(globError(pattern) == GlobError(message))
        #expect(globError(pattern)?.description == message)
    }

    @Test func acceptsBracesNestedToTheLimit() throws {
        #expect(try Glob("{a,{b,{c,{d,e}}}}").matches("e"))
        #expect(try Glob("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}").matches("abababab"))
    }
}
