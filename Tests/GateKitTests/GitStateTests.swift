import Foundation
import Glibc
import Testing

@testable import GateKit

private let sha1 = "0123456789abcdef0123456789abcdef01234567"
private let otherSHA1 = "89abcdef0123456789abcdef0123456789abcdef"
private let sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/// A fresh temporary folder with `files` (path → bytes) written in it.
private func makeFolder(_ files: [String: [UInt8]]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("protocol-git-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, bytes) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    return root.path
}

/// A fresh temporary folder with `files` (path → text) written in it.
private func makeFolder(_ files: [String: String]) throws -> String {
    try makeFolder(files.mapValues { Array($0.utf8) })
}

/// The state of the repository holding `root`, read from the files only (no git executable).
private func state(_ root: String) -> GitState { GitState.read(root: root, git: nil) }

/// The problem reading a repository made of `files` reports.
private func problem(_ files: [String: String]) throws -> String? {
    let root = try makeFolder(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let read = state(root)
    #expect(read.commit == nil)
    return read.problem
}

@Suite struct GitStateTests {
    @Test func branchWithALooseRef() throws {
        let root = try makeFolder([".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": sha1 + "\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root) == GitState(commit: sha1, branch: "main"))
    }

    @Test func branchOnlyInPackedRefsSkipsCommentsPeeledLinesAndSimilarNames() throws {
        let packed = """
            # pack-refs with: peeled fully-peeled sorted 
            \(otherSHA1) refs/heads/feature/main
            \(otherSHA1) refs/heads/main-old
            \(otherSHA1) refs/tags/v1.0
            ^\(otherSHA1)

            \(sha1) refs/heads/main

            """
        let root = try makeFolder([".git/HEAD": "ref: refs/heads/main\n", ".git/packed-refs": packed])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root) == GitState(commit: sha1, branch: "main"))
    }

    @Test func aLooseRefWinsOverPackedRefs() throws {
        let root = try makeFolder([
            ".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": sha1 + "\n",
            ".git/packed-refs": "\(otherSHA1) refs/heads/main\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root).commit == sha1)
    }

    @Test func detachedHeadIsAHashInLowercaseWithoutABranch() throws {
        let root = try makeFolder([".git/HEAD": sha1.uppercased() + "\r\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root) == GitState(commit: sha1))
    }

    @Test func unbornBranchNamesTheBranchButNoCommit() throws {
        let root = try makeFolder([
            ".git/HEAD": "ref: refs/heads/topic/x\n", ".git/refs/heads/main": sha1,
            ".git/packed-refs": "\(sha1) refs/heads/topic/y\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            state(root)
                == GitState(branch: "topic/x", problem: "HEAD names refs/heads/topic/x, which has no commit yet"))
    }

    @Test func worktreeFileLeadsToItsGitDirectoryAndTheCommonRefs() throws {
        let base = try makeFolder([
            "main/.git/HEAD": "ref: refs/heads/main\n", "main/.git/refs/heads/main": sha1 + "\n",
            "main/.git/packed-refs": "\(otherSHA1) refs/heads/feature\n",
            "main/.git/worktrees/wt/HEAD": "ref: refs/heads/feature\n", "main/.git/worktrees/wt/commondir": "../..\n",
            "wt/.git": "gitdir: ../main/.git/worktrees/wt\n", "wt/Sources/a.swift": "",
        ])
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(state(base + "/wt") == GitState(commit: otherSHA1, branch: "feature"))
        #expect(state(base + "/wt/Sources") == GitState(commit: otherSHA1, branch: "feature"))
        #expect(state(base + "/main") == GitState(commit: sha1, branch: "main"))
    }

    @Test func submoduleFileWithAnAbsoluteGitdirAndNoCommondir() throws {
        let base = try makeFolder([
            "super/.git/modules/lib/HEAD": otherSHA1 + "\n", "super/lib/README": "",
        ])
        defer { try? FileManager.default.removeItem(atPath: base) }
        try "gitdir: \(base)/super/.git/modules/lib".write(
            toFile: base + "/super/lib/.git", atomically: true, encoding: .utf8)
        #expect(state(base + "/super/lib") == GitState(commit: otherSHA1))
    }

    @Test func foundFromASubfolder() throws {
        let root = try makeFolder([".git/HEAD": sha1, "Sources/GateKit/deep/file.swift": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root + "/Sources/GateKit/deep").commit == sha1)
        #expect(state(root + "/Sources/GateKit/deep/file.swift").commit == sha1)
        #expect(state(root + "/Sources/GateKit/../GateKit/deep").commit == sha1)
    }

    @Test func notARepository() throws {
        let root = try makeFolder(["Sources/main.swift": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root + "/Sources") == GitState(problem: "not a git work tree"))
        #expect(state(root + "/missing").problem == "cannot read \(root)/missing: no such file")
    }

    @Test func symbolicRefsAreFollowedAFewLevelsDeep() throws {
        let root = try makeFolder([
            ".git/HEAD": "ref: refs/heads/alias\n", ".git/refs/heads/alias": "ref: refs/heads/main\n",
            ".git/refs/heads/main": sha1,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root) == GitState(commit: sha1, branch: "alias"))
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/a\n", ".git/refs/heads/a": "ref: refs/heads/b"])
                == "refs/heads/a names refs/heads/b, which has no commit yet")
        #expect(
            try problem([
                ".git/HEAD": "ref: refs/heads/a\n", ".git/refs/heads/a": "ref: refs/heads/b",
                ".git/refs/heads/b": "ref: refs/heads/a",
            ]) == "refs/heads/a leads through more than 5 symbolic refs")
    }

    @Test func corruptHeadOrRefsSetAProblemAndNoCommit() throws {
        let expected = "commit hash of 40 hex digits"
        #expect(try problem([".git/HEAD": "garbage\n"]) == ".git/HEAD holds neither 'ref: refs/…' nor a \(expected)")
        #expect(try problem([".git/HEAD": ""]) == ".git/HEAD holds neither 'ref: refs/…' nor a \(expected)")
        #expect(
            try problem([".git/HEAD": String(sha1.dropLast()) + "g"])
                == ".git/HEAD holds neither 'ref: refs/…' nor a \(expected)")
        #expect(
            try problem([".git/HEAD": sha256]) == ".git/HEAD holds neither 'ref: refs/…' nor a \(expected)")
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/main", ".git/refs/heads/main": String(sha1.dropLast())])
                == ".git/refs/heads/main holds neither 'ref: refs/…' nor a \(expected)")
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/main", ".git/packed-refs": "# x\nxyz refs/heads/main\n"])
                == ".git/packed-refs line 2 gives refs/heads/main no valid \(expected)")
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/../../../etc/passwd"])
                == ".git/HEAD names 'refs/heads/../../../etc/passwd', which is not a valid ref name")
    }

    @Test func unreadableFilesSayWhy() throws {
        #expect(try problem([".git/config": ""]) == "cannot read .git/HEAD: no such file")
        #expect(try problem([".git/HEAD/x": ""]) == "cannot read .git/HEAD: not a file")
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/main", ".git/packed-refs/x": ""])
                == "cannot read .git/packed-refs: not a file")
        let longLine = String(repeating: "#", count: 70_000)
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/main", ".git/packed-refs": "# a\n\(longLine)\n"])
                == "cannot read .git/packed-refs: line 2 is longer than 65536 bytes")
        #expect(
            try problem([".git/HEAD": sha1, ".git/config": "[core]\n\(longLine)\n"])
                == "cannot read .git/config: line 2 is longer than 65536 bytes")
        let large = try makeFolder([".git/HEAD": String(repeating: " ", count: 1024 * 1024 + 1)])
        defer { try? FileManager.default.removeItem(atPath: large) }
        #expect(state(large).problem == "cannot read .git/HEAD: larger than 1 MiB")
        let binary = try makeFolder([".git/HEAD": [0xFF, 0xFE, 0x00]])
        defer { try? FileManager.default.removeItem(atPath: binary) }
        #expect(state(binary).problem == ".git/HEAD is not valid UTF-8")
    }

    @Test func brokenGitFilesAndFolders() throws {
        #expect(try problem([".git": "not a link\n"]) == ".git is a file, but does not start with 'gitdir: '")
        #expect(try problem([".git": "gitdir: missing\n"]) == ".git names missing, which is not a folder")
        #expect(
            try problem([".git/HEAD": sha1, ".git/commondir": "../shared\n"])
                == ".git/commondir names ../shared, which is not a folder")
        #expect(
            try problem([".git/HEAD": "ref: refs/heads/.invalid\n", ".git/reftable/tables.list": ""])
                == "the repository keeps its refs in the reftable format, which protocol does not read")
        let fifo = try makeFolder(["README": ""])
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        #expect(mkfifo(fifo + "/.git", 0o600) == 0)
        #expect(state(fifo).problem == ".git is neither a folder nor a file")
    }

    @Test func sha256RepositoriesHave64DigitHashes() throws {
        let config = "[core]\n\trepositoryformatversion = 1\n[Extensions]\n\tobjectFormat = \"SHA256\" ; comment\n"
        let root = try makeFolder([
            ".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": sha256 + "\n", ".git/config": config,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(state(root) == GitState(commit: sha256, branch: "main"))
        #expect(
            try problem([".git/HEAD": sha1, ".git/config": config])
                == ".git/HEAD holds neither 'ref: refs/…' nor a commit hash of 64 hex digits")
        let sha1Config = "[extensions \"x\"]\nobjectformat = sha256\n[extensions]\nobjectformat = sha1\n"
        #expect(try problem([".git/HEAD": sha256, ".git/config": sha1Config])?.hasSuffix("of 40 hex digits") == true)
    }

    @Test func commitHashesAreHexOfTheRightLength() {
        #expect(GitState.commitHash(sha1) == sha1)
        #expect(GitState.commitHash(sha256.uppercased()) == sha256)
        #expect(GitState.commitHash(sha1, length: 64) == nil)
        #expect(GitState.commitHash(sha256, length: 64) == sha256)
        #expect(GitState.commitHash(String(sha1.dropLast())) == nil)
        #expect(GitState.commitHash(sha1 + "0") == nil)
        #expect(GitState.commitHash(String(sha1.dropLast()) + "g") == nil)
        #expect(GitState.commitHash(String(sha1.dropLast()) + "é") == nil)
        #expect(GitState.commitHash("") == nil)
    }

    @Test func refNamesFollowGitsRules() {
        for valid in ["refs/heads/main", "refs/heads/feature/x-1", "refs/heads/ünïcode", "refs/tags/v1.0"] {
            #expect(GitRepository.isValidRefName(valid), "\(valid)")
        }
        for invalid in [
            "heads/main", "refs/", "refs/heads/", "refs//main", "refs/heads/a..b", "refs/heads/.hidden",
            "refs/heads/x.lock", "refs/heads/x.", "refs/heads/a b", "refs/heads/a~1", "refs/heads/a^", "refs/heads/a:b",
            "refs/heads/a?", "refs/heads/a*", "refs/heads/a[", "refs/heads/a\\b", "refs/heads/a@{1}",
            "refs/heads/\u{7F}",
            "refs/heads/a\tb",
        ] {
            #expect(!GitRepository.isValidRefName(invalid), "\(invalid)")
        }
    }

    @Test func jsonHasEveryKeyWithNullsWhereUnknown() {
        let known = GitState(commit: sha1, branch: "main", dirty: false)
        #expect(
            known.json.rendered()
                == "{\n  \"commit\": \"\(sha1)\",\n  \"branch\": \"main\",\n  \"dirty\": false,\n  \"problem\": null\n}\n"
        )
        #expect(
            GitState(problem: "not a git work tree").json.rendered()
                == "{\n  \"commit\": null,\n  \"branch\": null,\n  \"dirty\": null,\n  \"problem\": \"not a git work tree\"\n}\n"
        )
    }
}

/// The dirty flag, with scripts standing in for git and, when it is installed, git itself.
@Suite struct GitStateDirtyTests {
    /// A folder with an executable script `git` whose body is `script` (and a file `plain` that is not executable).
    ///
    /// The script is written through a close-on-exec descriptor: a child that another test starts meanwhile must
    /// not inherit it open for writing, or running the script would fail with ETXTBSY.
    private func fakeGit(_ script: String) throws -> (folder: String, git: String) {
        let folder = try makeFolder(["plain": ""])
        let descriptor = open(folder + "/git", O_WRONLY | O_CREAT | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let bytes = Array("#!/bin/sh\n\(script)\n".utf8)
        #expect(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)
        return (folder, folder + "/git")
    }

    @Test func findsAnExecutableOnAbsolutePathEntriesOnly() throws {
        let (folder, git) = try fakeGit("exit 0")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(GitState.executable(named: "git", searchPath: "/nonexistent::\(folder)") == git)
        #expect(GitState.executable(named: "git", searchPath: "\(folder)/") == git)
        #expect(GitState.executable(named: "plain", searchPath: folder) == nil)
        #expect(GitState.executable(named: "git", searchPath: "relative:.") == nil)
        #expect(GitState.executable(named: "git", searchPath: nil) == nil)
    }

    @Test func outputMeansDirtyNoOutputMeansClean() throws {
        let root = try makeFolder([".git/HEAD": sha1])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (folder, git) = try fakeGit("printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/arguments\"\necho ' M a.swift'")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(GitState.read(root: root, git: git) == GitState(commit: sha1, dirty: true))
        let arguments = try String(contentsOfFile: folder + "/arguments", encoding: .utf8)
        #expect(arguments == "--no-optional-locks\n-C\n\(root)\nstatus\n--porcelain\n--untracked-files=no\n")
        let (cleanFolder, clean) = try fakeGit("exit 0")
        defer { try? FileManager.default.removeItem(atPath: cleanFolder) }
        #expect(GitState.read(root: root, git: clean).dirty == false)
    }

    @Test func failureOrSilenceBeyondTheTimeLimitLeaveItUnknown() throws {
        let root = try makeFolder([".git/HEAD": sha1])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (failingFolder, failing) = try fakeGit("echo ' M a.swift'\nexit 128")
        defer { try? FileManager.default.removeItem(atPath: failingFolder) }
        #expect(GitState.read(root: root, git: failing) == GitState(commit: sha1))
        let (slowFolder, slow) = try fakeGit("exec sleep 10")
        defer { try? FileManager.default.removeItem(atPath: slowFolder) }
        let started = Date()
        #expect(GitState.read(root: root, git: slow, timeLimit: 0.3).dirty == nil)
        #expect(Date().timeIntervalSince(started) < 5)
        let (quietFolder, quiet) = try fakeGit("exec 1>&-\nexec sleep 10")
        defer { try? FileManager.default.removeItem(atPath: quietFolder) }
        #expect(GitState.read(root: root, git: quiet, timeLimit: 0.3).dirty == nil)
        #expect(GitState.read(root: root, git: root + "/no-such-git").dirty == nil)
    }

    @Test func gitRunsWithoutTheVariablesThatPointItElsewhere() {
        let entries = ["PATH=/usr/bin", "GIT_DIR=/elsewhere", "GIT_INDEX_FILE=/tmp/index", "GIT_DIRTY=1", "HOME=/root"]
        #expect(GitState.gitEnvironment(entries) == ["PATH=/usr/bin", "GIT_DIRTY=1", "HOME=/root"])
    }

    static let git = GitState.executable(named: "git", searchPath: ProcessInfo.processInfo.environment["PATH"])

    /// Runs git in `folder` with no user or system configuration; returns its standard output.
    @discardableResult
    private func run(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.git ?? "git")
        process.arguments = ["-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: git != nil, "git is not installed"))
    func agreesWithGitOnARealRepository() throws {
        let base = try makeFolder(["repo/a.txt": "one\n"])
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/repo"
        try run(["init", "-q", "-b", "main"], in: root)
        try run(["add", "a.txt"], in: root)
        try run(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one"], in: root)
        let head = try run(["rev-parse", "HEAD"], in: root)

        #expect(GitState.read(root: root) == GitState(commit: head, branch: "main", dirty: false))
        try "two\n".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        #expect(GitState.read(root: root).dirty == true)
        try "new\n".write(toFile: root + "/untracked.txt", atomically: true, encoding: .utf8)
        try run(["checkout", "-q", "a.txt"], in: root)
        #expect(GitState.read(root: root).dirty == false)

        try run(["pack-refs", "--all"], in: root)
        #expect(FileSystem.kind(of: root + "/.git/refs/heads/main") == nil)
        #expect(GitState.read(root: root).commit == head)

        try run(["worktree", "add", "-q", "-b", "feature", base + "/wt"], in: root)
        #expect(GitState.read(root: base + "/wt") == GitState(commit: head, branch: "feature", dirty: false))
        try run(["checkout", "-q", "--detach"], in: root)
        #expect(GitState.read(root: root) == GitState(commit: head, dirty: false))
    }
}
