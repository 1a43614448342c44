import Foundation
import Testing

/// The repository root (this file is Tests/ProtocolCLITests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `protocol` binary SwiftPM built next to the test bundle.
let protocolBinary: String = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return bundle.appendingPathComponent("protocol").path
}()

/// What a run of the binary printed and how it exited.
struct RunResult {
    var status: Int32
    var output: String
    var error: String
}

/// Runs `protocol` with `arguments` in `directory`, as a user would from a shell (stdout is a pipe, not a TTY).
func runProtocol(_ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:])
    throws -> RunResult
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: protocolBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // A test run inside a CI (GitHub Actions, .ci/run's CI=true…) must not turn on the annotations of every run nor
    // record that CI's run: each test says which CI it runs in.
    var inherited = ProcessInfo.processInfo.environment
    for marker in [
        "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI", "JENKINS_URL", "CIRCLECI", "BUILDKITE", "TF_BUILD",
    ] {
        inherited[marker] = nil
    }
    process.environment = inherited.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        error: String(decoding: errorData, as: UTF8.self))
}

/// Compares `text` with the golden file `Golden/<name>`; with `UPDATE_GOLDEN=1` in the environment, rewrites it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)").path
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
        text == golden, "output differs from Golden/\(name) (UPDATE_GOLDEN=1 rewrites it)",
        sourceLocation: sourceLocation)
}

/// A fresh temporary project folder with the given files (path → contents).
func temporaryProject(_ files: [String: String]) throws -> String {
    let root = scratchDirectory.appendingPathComponent(UUID().uuidString)
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    return root.path
}

/// One folder for every temporary file of this test run, removed when the run ends.
let scratchDirectory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "protocol-e2e-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchDirectory) }
    return url
}()
