import Foundation
import Testing

@testable import GateKit

@Suite struct SHA256Tests {
    // MARK: FIPS 180-4 / NIST test vectors

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistVectors(message: String, expected: String) {
        #expect(SHA256.digest(message).hex == expected)
        #expect(SHA256.digest(Array(message.utf8)).hex == expected)
    }

    @Test func oneMillionAFedInIrregularPieces() {
        let pieceSizes = [1, 7, 63, 64, 65, 1000, 4097, 13, 55, 128, 0, 3]
        let a = [UInt8](repeating: UInt8(ascii: "a"), count: 4097)
        var hasher = SHA256()
        var fed = 0
        var turn = 0
        while fed < 1_000_000 {
            let size = min(pieceSizes[turn % pieceSizes.count], 1_000_000 - fed)
            hasher.update(Array(a[..<size]))
            fed += size
            turn += 1
        }
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: Streaming

    @Test func everyWayOfCuttingA200ByteMessageInThreeGivesTheSameDigest() {
        let message = randomBytes(200, seed: 200)
        let expected = SHA256.digest(message)
        var mismatches: [(Int, Int)] = []
        for first in 0...200 {
            for second in first...200 {
                var hasher = SHA256()
                hasher.update(Array(message[..<first]))
                hasher.update(Array(message[first..<second]))
                hasher.update(Array(message[second...]))
                if hasher.finalize() != expected { mismatches.append((first, second)) }
            }
        }
        #expect(mismatches.isEmpty, "cuts giving another digest: \(mismatches.prefix(5))")
    }

    @Test func unalignedInputGivesTheSameDigest() {
        let message = randomBytes(64 * 5 + 9, seed: 3)
        let expected = SHA256.digest(message)
        for shift in 1..<8 {
            let storage = [UInt8](repeating: 0, count: shift) + message
            storage.withUnsafeBytes { all in
                var hasher = SHA256()
                hasher.update(UnsafeRawBufferPointer(rebasing: all[shift...]))
                #expect(hasher.finalize() == expected, "input at offset \(shift)")
            }
        }
    }

    @Test func finalizeResetsTheHasherForTheNextMessage() {
        var hasher = SHA256()
        hasher.update("something else entirely")
        _ = hasher.finalize()
        hasher.update("abc")
        #expect(hasher.finalize() == SHA256.digest("abc"))
        #expect(hasher.finalize() == SHA256.digest(""))
    }

    @Test func textIsHashedAsItsUTF8() {
        #expect(SHA256.digest("é✓") == SHA256.digest([0xC3, 0xA9, 0xE2, 0x9C, 0x93]))
        var hasher = SHA256()
        hasher.update("ab")
        hasher.update([UInt8(ascii: "c")])
        #expect(hasher.finalize() == SHA256.digest("abc"))
    }

    // MARK: Against coreutils

    @Test(
        .enabled(if: sha256sumPath != nil, "sha256sum is not on PATH"),
        arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 1024 * 1024 + 7]
    )
    func matchesSha256sum(size: Int) throws {
        let bytes = randomBytes(size, seed: UInt64(size) + 1)
        let path = try temporaryFile(bytes, name: "random-\(size).bin")
        defer { removeFolder(of: path) }
        let expected = try #require(try sha256sum(path))
        #expect(try SHA256.digest(ofFile: path).hex == expected)
        #expect(SHA256.digest(bytes).hex == expected)
    }

    @Test func aFileLargerThanOneReadIsHashedWhole() throws {
        let bytes = randomBytes(SHA256.fileChunkSize * 2 + 100, seed: 42)
        let path = try temporaryFile(bytes)
        defer { removeFolder(of: path) }
        #expect(try SHA256.digest(ofFile: path) == SHA256.digest(bytes))
    }

    @Test func unreadableFilesThrowInputError() throws {
        #expect(throws: InputError("no such file")) {
            try SHA256.digest(ofFile: "/nonexistent/protocol-sha256-test")
        }
        #expect(throws: InputError("is a directory, not a report file")) {
            try SHA256.digest(ofFile: FileManager.default.temporaryDirectory.path)
        }
    }

    // MARK: Digest value

    @Test func hexRoundTripsInEitherCase() throws {
        let digest = SHA256.digest("abc")
        #expect(digest.description == digest.hex)
        #expect(SHA256Digest(hex: digest.hex) == digest)
        #expect(SHA256Digest(hex: digest.hex.uppercased()) == digest)
        #expect(Set([digest, try #require(SHA256Digest(hex: digest.hex)), SHA256.digest("abd")]).count == 2)
    }

    @Test func bytesAreTheDigestInOrder() {
        let bytes = SHA256.digest("abc").bytes
        #expect(bytes.count == 32)
        #expect(bytes.prefix(4) == [0xBA, 0x78, 0x16, 0xBF])
        #expect(bytes.suffix(4) == [0xF2, 0x00, 0x15, 0xAD])
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == SHA256.digest("abc").hex)
    }

    @Test(arguments: [
        String(repeating: "a", count: 63),
        String(repeating: "a", count: 65),
        String(repeating: "a", count: 63) + "g",
        String(repeating: "a", count: 63) + " ",
        String(repeating: "a", count: 62) + "é",
        "",
    ])
    func hexParsingRefuses(text: String) {
        #expect(SHA256Digest(hex: text) == nil)
    }

    // MARK: Helpers

    /// Deterministic pseudo-random bytes (SplitMix64), so a failure can be reproduced.
    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    private func removeFolder(of path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// The digest `sha256sum` prints for `path`.
    private func sha256sum(_ path: String) throws -> String? {
        guard let executable = sha256sumPath else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data.prefix(64), as: UTF8.self)
    }
}

/// `sha256sum` found on PATH, or nil.
private let sha256sumPath: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return directories.map { "\($0)/sha256sum" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()
