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
        try BadInputMatrix(format: format, sample: "", truncated: nil).load(bytes, declared: declared)
    }

    @Test(arguments: samples.map(\.format))
    func theMatrixHoldsForTheCoreReaders(_ format: ReportFormat) throws {
        let sample = try #require(Self.samples.first { $0.format == format })
        try BadInputMatrix(format: format, sample: sample.text, truncated: sample.truncated).check()
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
}
