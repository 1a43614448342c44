import Foundation
import GateKit

/// The folder holding this test target's fixtures.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The absolute path of a fixture file, e.g. `fixture("lcov/basic.info")`.
func fixture(_ relativePath: String) -> String {
    fixturesDirectory.appendingPathComponent(relativePath).path
}

/// An input buffer over `text`, decoded the way report files are.
func inputBuffer(_ text: String, capacity: Int = InputBuffer.defaultCapacity) -> InputBuffer {
    InputBuffer(source: MemoryByteSource(text), capacity: capacity)
}

/// An input buffer over raw bytes, decoded (BOM, UTF-16) the way report files are.
func decodedBuffer(_ bytes: [UInt8]) throws -> InputBuffer {
    try TextDecoding.open(source: MemoryByteSource(bytes)).0
}

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "report") throws -> String {
    let directory = scratchDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String, name: String = "report") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

/// The shared corpus of real report files beside this repository, when it is present.
let corpusDirectory: String? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
}()

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
        "protocol-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchDirectory) }
    return url
}()
