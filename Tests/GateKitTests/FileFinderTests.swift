import Foundation
import Glibc
import Testing

@testable import GateKit

/// A fresh temporary directory holding `files` (relative paths; parent folders are created).
private func makeTree(_ files: [String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-finder-\(UUID().uuidString)")
        .path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for file in files {
        let url = URL(fileURLWithPath: root).appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.utf8).write(to: url)
    }
    return root
}

private func find(_ pattern: String, in root: String, limit: Int = 100_000) throws -> [String] {
    try FileFinder.find(Glob(pattern), under: root, limit: limit)
}

/// The error that finding `pattern` gives, or nil.
private func findError(_ pattern: String, in root: String, limit: Int = 100_000) throws -> FileFinderError? {
    let glob = try Glob(pattern)
    do {
        _ = try FileFinder.find(glob, under: root, limit: limit)
        return nil
    } catch {
        return error
    }
}

@Suite struct FileFinderTests {
    static let files = [
        "build/test-results/a/TEST-one.xml", "build/test-results/TEST-two.xml", "build/test-results/notes.txt",
        "build/other/TEST-three.xml", "src/main.swift", "src/Sub/b.swift", "src/Sub/Deeper/c.swift", "README.md",
        ".hidden/x.swift", "src/.cache/d.swift", "src/.e.swift", "a.txt", "a/b.txt", "a-b.txt",
    ]

    @Test func findsTheFilesThatMatchSortedByPath() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try find("build/test-results/**/*.xml", in: root) == [
                "build/test-results/TEST-two.xml", "build/test-results/a/TEST-one.xml",
            ])
        #expect(
            try find("src/**/*.swift", in: root) == ["src/Sub/Deeper/c.swift", "src/Sub/b.swift", "src/main.swift"])
        #expect(try find("*", in: root) == ["README.md", "a-b.txt", "a.txt"])
        #expect(try find("**/*.txt", in: root) == ["a-b.txt", "a.txt", "a/b.txt", "build/test-results/notes.txt"])
        #expect(
            try find("{src,build}/*/*.{swift,xml}", in: root) == [
                "build/other/TEST-three.xml", "build/test-results/TEST-two.xml", "src/Sub/b.swift",
            ])
        #expect(try find("./src//*.swift", in: root) == ["src/main.swift"])
    }

    @Test func entersDotDirectoriesOnlyWhenThePatternNamesThem() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!(try find("**/*.swift", in: root)).contains { $0.contains("/.") || $0.hasPrefix(".") })
        #expect(try find(".hidden/*.swift", in: root) == [".hidden/x.swift"])
        #expect(try find("src/.*/*.swift", in: root) == ["src/.cache/d.swift"])
        #expect(try find("src/.*.swift", in: root) == ["src/.e.swift"])
        #expect(try find("{.hidden,src}/*.swift", in: root) == [".hidden/x.swift", "src/main.swift"])
    }

    @Test func namesOneFileWhenThePatternHasNoWildcard() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try find("src/main.swift", in: root) == ["src/main.swift"])
        #expect(try find("./src/main.swift", in: root) == ["src/main.swift"])
        #expect(try find("src/missing.swift", in: root) == [])
        #expect(try find("src", in: root) == [])
        #expect(try find("{a.txt}", in: root) == ["a.txt"])
        #expect(try find(".hidden/x.swift", in: root) == [".hidden/x.swift"])
    }

    @Test func aMissingLiteralPrefixGivesNoMatches() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try find("coverage/**/*.info", in: root) == [])
        #expect(try find("a.txt/*", in: root) == [])
        #expect(try find("*.txt", in: root + "/nowhere") == [])
    }

    @Test func acceptsAnAbsolutePatternAndReturnsAbsolutePaths() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try find("\(root)/build/**/TEST-*.xml", in: "/elsewhere") == [
                "\(root)/build/other/TEST-three.xml", "\(root)/build/test-results/TEST-two.xml",
                "\(root)/build/test-results/a/TEST-one.xml",
            ])
        #expect(try find("\(root)/README.md", in: "/elsewhere") == ["\(root)/README.md"])
    }

    @Test func acceptsRelativeRootsAndTheCurrentDirectory() throws {
        let root = try makeTree(Self.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let current = FileManager.default.currentDirectoryPath
        let upwards = String(repeating: "../", count: current.split(separator: "/").count)
        let relativeRoot = upwards + root.dropFirst()
        #expect(try find("src/*.swift", in: relativeRoot) == ["src/main.swift"])
        #expect(try find("src/*.swift", in: root + "/") == ["src/main.swift"])
        #expect(try find("\(relativeRoot)/src/*.swift", in: "") == ["\(relativeRoot)/src/main.swift"])
        let regularFiles = try FileManager.default.contentsOfDirectory(atPath: current).filter { name in
            let type = try? FileManager.default.attributesOfItem(atPath: current + "/" + name)[.type]
            return !name.hasPrefix(".") && type as? FileAttributeType == .typeRegular
        }
        #expect(try find("*", in: "") == regularFiles.sorted())
    }

    @Test func doesNotFollowSymbolicLinksToDirectories() throws {
        let root = try makeTree(["tree/a.xml", "tree/sub/b.xml", "elsewhere/c.xml"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A loop back to the top, a link to another directory, a link to a file and a dangling link.
        #expect(symlink(root + "/tree", root + "/tree/sub/loop") == 0)
        #expect(symlink(root + "/elsewhere", root + "/tree/away") == 0)
        #expect(symlink(root + "/elsewhere/c.xml", root + "/tree/linked.xml") == 0)
        #expect(symlink(root + "/missing.xml", root + "/tree/dangling.xml") == 0)
        #expect(try find("tree/**/*.xml", in: root) == ["tree/a.xml", "tree/linked.xml", "tree/sub/b.xml"])
        // A link named by the literal prefix is followed: the user asked for it.
        #expect(try find("tree/away/*.xml", in: root) == ["tree/away/c.xml"])
    }

    @Test func reportsALiteralPrefixThatCannotBeOpened() throws {
        let root = try makeTree([])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(symlink(root + "/loop", root + "/loop") == 0)
        #expect(
            try findError("loop/*.xml", in: root)
                == FileFinderError("cannot read the directory 'loop': too many levels of symbolic links"))
        #expect(
            try findError("*.xml", in: root + "/loop")
                == FileFinderError("cannot read the directory '\(root)/loop': too many levels of symbolic links"))
    }

    @Test func skipsOtherKindsOfFiles() throws {
        let root = try makeTree(["x/a.xml"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/x/pipe.xml", 0o600) == 0)
        #expect(try find("x/*.xml", in: root) == ["x/a.xml"])
    }

    @Test func stopsAtTheLimit() throws {
        let root = try makeTree((1...5).map { "r/\($0).xml" })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try find("r/*.xml", in: root, limit: 5).count == 5)
        #expect(
            try findError("r/*.xml", in: root, limit: 4)
                == FileFinderError("more than 4 files match 'r/*.xml'; make the pattern more specific"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads every directory"))
    func reportsAnUnreadableLiteralPrefixButSkipsUnreadableDirectoriesBelowIt() throws {
        let root = try makeTree(["open/a.xml", "open/closed/b.xml", "closed/c.xml"])
        defer {
            chmod(root + "/open/closed", 0o755)
            chmod(root + "/closed", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        chmod(root + "/open/closed", 0)
        chmod(root + "/closed", 0)
        #expect(try find("open/**/*.xml", in: root) == ["open/a.xml"])
        #expect(
            try findError("closed/*.xml", in: root)
                == FileFinderError("cannot read the directory 'closed': permission denied"))
    }

    @Test func findsInALargeTreeQuickly() throws {
        let root = try makeTree([])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for directory in 0..<20 {
            let path = "\(root)/d\(directory)/sub"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for file in 0..<50 { close(open("\(path)/f\(file).xml", O_CREAT | O_WRONLY, 0o644)) }
        }
        let clock = ContinuousClock()
        var found: [String] = []
        let elapsed = try clock.measure { found = try find("**/*.xml", in: root) }
        #expect(found.count == 1_000)
        #expect(found.first == "d0/sub/f0.xml")
        #expect(elapsed < .seconds(1))
    }
}
