import Foundation
import Testing

@testable import GateKit

/// The bad-input matrix of the core issue, for one reader, through the path a check takes (file → decoding →
/// recognition → reader): encodings that only look different read the same; empty, truncated, binary, invalid
/// UTF-8 and wrong-format input give clear errors; mutated input never crashes or hangs.
///
/// `sample` is a small well-formed report of the format that contains "é" (for the invalid UTF-8 case);
/// `truncated` is a piece of the message a cut-off file gives (nil when a cut cannot be detected).
struct BadInputMatrix {
    let format: ReportFormat
    let sample: String
    let truncated: String?

    /// Every check of the matrix.
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try encodingsReadTheSame(sourceLocation)
        emptyFiles(sourceLocation)
        truncatedFiles(sourceLocation)
        binaryGarbage(sourceLocation)
        try invalidUTF8(sourceLocation)
        mutationsNeverCrash()
    }

    func load(_ bytes: [UInt8], declared: Bool = false) throws(ReportLoadError) -> LoadedReport {
        let path: String
        do {
            path = try temporaryFile(bytes)
        } catch {
            throw ReportLoadError(path: "-", reason: "\(error)")
        }
        return try ReportLoader.load(path: path, format: declared ? format : nil, category: format.category)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    private func encodingsReadTheSame(_ location: SourceLocation) throws {
        let plain = try load(Array(sample.utf8))
        #expect(plain.format == format, "recognised as \(plain.format)", sourceLocation: location)
        for variant in [
            [0xEF, 0xBB, 0xBF] + Array(sample.utf8), Self.utf16(sample, bigEndian: false),
            Self.utf16(sample, bigEndian: true), Array(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8),
        ] {
            #expect(try load(variant).report == plain.report, sourceLocation: location)
        }
    }

    private func emptyFiles(_ location: SourceLocation) {
        for bytes in [[], Array("  \n\n".utf8)] as [[UInt8]] {
            if format.category == .lint {
                #expect((try? load(bytes).report) == .findings(FindingsReport(findings: [])), sourceLocation: location)
            } else {
                let error = #expect(throws: ReportLoadError.self, sourceLocation: location) { try load(bytes) }
                #expect(
                    error?.reason == "the file is empty: no \(format.category.rawValue) data", sourceLocation: location)
            }
        }
    }

    private func truncatedFiles(_ location: SourceLocation) {
        guard let truncated else { return }
        let bytes = Array(sample.utf8)
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 3] {
            let error = #expect(throws: ReportLoadError.self, sourceLocation: location) {
                try load(Array(bytes[..<cut]))
            }
            #expect(
                error?.reason.contains(truncated) == true, "cut at \(cut): \(error?.reason ?? "")",
                sourceLocation: location)
        }
    }

    private func binaryGarbage(_ location: SourceLocation) {
        var generator = SplitMix64(seed: 0xB1A5)
        let garbage = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) } + [0]
        for declared in [false, true] {
            let error = #expect(throws: ReportLoadError.self, sourceLocation: location) {
                try load(garbage, declared: declared)
            }
            #expect(error?.reason == "binary data, not a text report", sourceLocation: location)
        }
    }

    private func invalidUTF8(_ location: SourceLocation) throws {
        var bytes = Array(sample.utf8)
        let accent = Array("é".utf8)
        let position = try #require(
            (0..<bytes.count - 1).first { Array(bytes[$0...$0 + 1]) == accent }, "the sample needs an é",
            sourceLocation: location)
        bytes.replaceSubrange(position...position + 1, with: [0xC3, 0x28])
        let error = #expect(throws: ReportLoadError.self, sourceLocation: location) { try load(bytes) }
        #expect(error?.reason.contains("UTF-8") == true, "\(error?.reason ?? "")", sourceLocation: location)
    }

    private func mutationsNeverCrash() {
        let bytes = Array(sample.utf8)
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<200 {
            var mutated = bytes
            for _ in 0...Int(generator.next() % 4) {
                let index = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: mutated.remove(at: index)
                default: mutated.insert(mutated[index], at: index)
                }
            }
            // Either a report or a clear error: both are fine, a crash or a hang is not.
            _ = try? load(mutated)
        }
    }
}

/// A small deterministic generator, so that generated inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
