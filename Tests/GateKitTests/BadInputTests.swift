import Testing

@testable import GateKit

/// The bad-input matrix, for every reader, through the same path a check takes (file → decoding → recognition →
/// reader): clear errors for broken input, and no difference for encodings that only look different.
@Suite struct BadInputTests {
    /// A well-formed sample of each format, its category, and the message a mid-file truncation gives (nil when
    /// a cut is undetectable, as for a compiler log).
    static let samples: [(format: ReportFormat, text: String, truncated: String?)] = [
        (.lcov, "TN:\nSF:src/é.c\nFN:1,main\nFNDA:1,main\nBRDA:2,0,0,1\nDA:1,1\nDA:2,0\nend_of_record\n", "truncated"),
        (
            .llvmCovJSON,
            #"{"data":[{"files":[{"filename":"/src/é.swift","summary":{"lines":{"count":4,"covered":3},"functions":{"count":1,"covered":1}}}]}],"type":"llvm.coverage.json.export","version":"2.0.1"}"#,
            "unexpected end of input"
        ),
        (
            .junit,
            #"<?xml version="1.0"?><testsuites><testsuite name="é"><testcase name="a"/><testcase name="b"><failure message="x"/></testcase></testsuite></testsuites>"#,
            "unexpected end of file"
        ),
        (.diagnostics, "src/é.c:3:5: warning: unused variable [-Wunused]\nsrc/é.c:9:1: error: expected ';'\n", nil),
    ]

    private func load(_ bytes: [UInt8], _ format: ReportFormat, declared: Bool = false) throws(ReportLoadError)
        -> LoadedReport
    {
        let path: String
        do {
            path = try temporaryFile(bytes)
        } catch {
            throw ReportLoadError(path: "-", reason: "\(error)")
        }
        return try ReportLoader.load(path: path, format: declared ? format : nil, category: format.category)
    }

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    @Test(arguments: samples.map(\.format))
    func encodingsThatOnlyLookDifferentReadTheSame(_ format: ReportFormat) throws {
        let text = try #require(Self.samples.first { $0.format == format }).text
        let plain = try load(Array(text.utf8), format).report
        #expect(try load([0xEF, 0xBB, 0xBF] + Array(text.utf8), format).report == plain)
        #expect(try load(utf16(text, bigEndian: false), format).report == plain)
        #expect(try load(utf16(text, bigEndian: true), format).report == plain)
        #expect(try load(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), format).report == plain)
    }

    @Test(arguments: samples.map(\.format))
    func emptyFilesAreRefusedExceptACleanLintLog(_ format: ReportFormat) throws {
        for bytes in [[], Array("  \n\n".utf8)] as [[UInt8]] {
            if format.category == .lint {
                #expect(try load(bytes, format).report == .findings(FindingsReport(findings: [])))
            } else {
                let error = #expect(throws: ReportLoadError.self) { try load(bytes, format) }
                #expect(error?.reason == "the file is empty: no \(format.category.rawValue) data")
            }
        }
    }

    @Test(arguments: samples.map(\.format))
    func truncatedFilesAreRefused(_ format: ReportFormat) throws {
        let sample = try #require(Self.samples.first { $0.format == format })
        guard let message = sample.truncated else { return }
        let bytes = Array(sample.text.utf8)
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 3] {
            let error = #expect(throws: ReportLoadError.self) { try load(Array(bytes[..<cut]), format) }
            #expect(error?.reason.contains(message) == true, "\(format) cut at \(cut): \(error?.reason ?? "")")
        }
    }

    @Test(arguments: samples.map(\.format))
    func binaryGarbageIsRefused(_ format: ReportFormat) {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        let error = #expect(throws: ReportLoadError.self) { try load(garbage, format) }
        #expect(error?.reason == "binary data, not a text report")
        let declared = #expect(throws: ReportLoadError.self) { try load(garbage, format, declared: true) }
        #expect(declared?.reason == "binary data, not a text report")
    }

    @Test(arguments: samples.map(\.format))
    func invalidUTF8InANameIsRefusedNamingWhatItIs(_ format: ReportFormat) throws {
        let text = try #require(Self.samples.first { $0.format == format }).text
        let utf8 = Array(text.utf8)
        let accent = Array("é".utf8)
        let position = try #require((0..<utf8.count).first { Array(utf8[$0..<min($0 + 2, utf8.count)]) == accent })
        var broken = utf8
        broken.replaceSubrange(position..<position + 2, with: [0xC3, 0x28])
        let error = #expect(throws: ReportLoadError.self) { try load(broken, format) }
        #expect(error?.reason.contains("UTF-8") == true, "\(error?.reason ?? "")")
    }

    @Test(arguments: samples.map(\.format))
    func aReportOfAnotherFormatIsNotRecognised(_ format: ReportFormat) throws {
        for other in Self.samples where other.format.category != format.category {
            let error = #expect(throws: ReportLoadError.self) { try load(Array(other.text.utf8), format) }
            #expect(error?.reason.hasPrefix("not a recognised \(format.category.rawValue) report format") == true)
        }
        for other in Self.samples where other.format != format && other.format.category == format.category {
            #expect(throws: ReportLoadError.self) { try load(Array(other.text.utf8), format, declared: true) }
        }
    }

    @Test func absurdNumbersAreRefused() throws {
        let cases: [(ReportFormat, String, String)] = [
            (.lcov, "SF:a\nDA:18446744073709551616,1\nend_of_record\n", "DA record needs a line number"),
            (.lcov, "SF:a\nLF:99999999999999999999\nend_of_record\n", "LF needs a count"),
            (
                .llvmCovJSON,
                #"{"data":[{"files":[{"filename":"a","summary":{"lines":{"count":1e400,"covered":1}}}]}]}"#,
                "a"
            ),
            (.junit, #"<testsuite name="s"><testcase name="t" time="1e999"/></testsuite>"#, "time"),
            (.junit, #"<testsuite name="s" tests="99999999999999999999999"/>"#, "tests"),
        ]
        for (format, text, mention) in cases {
            let error = #expect(throws: ReportLoadError.self) { try load(Array(text.utf8), format) }
            #expect(error?.reason.contains(mention) == true, "\(format): \(error?.reason ?? "")")
        }
    }

    @Test func hostileXMLIsRefusedWithoutExpandingOrFetchingAnything() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <testsuite name="&lol2;"><testcase name="a"/></testsuite>
            """
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <testsuite name="&secret;"><testcase name="a"/></testsuite>
            """
        let remote =
            #"<?xml version="1.0"?><!DOCTYPE testsuite SYSTEM "http://127.0.0.1:9/evil.dtd"><testsuite name="&evil;"><testcase name="a"/></testsuite>"#
        for text in [laughs, external] {
            let error = #expect(throws: ReportLoadError.self) { try load(Array(text.utf8), .junit) }
            #expect(error?.reason.contains("entity declarations are not allowed") == true, "\(error?.reason ?? "")")
        }
        let error = #expect(throws: ReportLoadError.self) { try load(Array(remote.utf8), .junit) }
        #expect(error?.reason.contains("&evil;") == true, "\(error?.reason ?? "")")
    }

    @Test(arguments: samples.map(\.format))
    func mutatedReportsNeverCrashOrHang(_ format: ReportFormat) throws {
        let bytes = Array(try #require(Self.samples.first { $0.format == format }).text.utf8)
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0...Int(generator.next() % 4) {
                let index = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: mutated.remove(at: index)
                default: mutated.insert(mutated[index], at: index)
                }
            }
            // Either a report or a clear error; both are fine, a crash or a hang is not.
            do {
                _ = try load(mutated, format)
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }
}

/// A small deterministic generator, so that the mutation test is the same on every run.
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
