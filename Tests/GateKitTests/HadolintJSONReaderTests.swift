import Testing

@testable import GateKit

@Suite struct HadolintJSONReaderTests {
    @Test func levelsAreHadolintsOwnAndSeverityIsUnknown() throws {
        // hadolint Dockerfile (tty): 6 lines — 1 error, 2 warning, 2 info, 1 style.
        let found = try ScannerJSONTest.findings(fixture("hadolint-json/levels.json"), .hadolintJSON)
        #expect(
            ScannerJSONTest.summary(found) == [
                "warning unknown DL3006 Dockerfile:3:1 open Always tag the version of an image explicitly",
                "warning unknown DL3008 Dockerfile:5:1 open Pin versions in apt get install. Instead of "
                    + "`apt-get install <package>` use `apt-get install <package>=<version>`",
                "note unknown DL3015 Dockerfile:5:1 open Avoid additional packages by specifying "
                    + "`--no-install-recommends`",
                "note unknown SC2086 Dockerfile:7:1 open Double quote to prevent globbing and word splitting.",
                "error unknown DL3020 Dockerfile:9:1 open Use COPY instead of ADD for files and folders",
                "note unknown DL3059 Dockerfile:11:1 open Multiple consecutive `RUN` instructions. Consider "
                    + "consolidation.",
            ])
        #expect(found.allSatisfy { $0.tool == "hadolint" && $0.kind == .config })
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["hadolint-json"]))
    func corpusCountsEqualHadolints(_ entry: CorpusExpectation) throws {
        try ScannerJSONTest.checkCorpus(entry, .hadolintJSON, category: .lint)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .hadolintJSON,
            sample: #"[{"code":"DL3006","level":"warning","file":"Dockerfile","line":2,"column":1,"#
                + #""message":"Always tag the version of an image explicitly, even for a base image: café"}]"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedViolations() {
        let cases = [
            (#"[{"code":"DL1","file":"F","level":"fatal","line":1}]"#, "no level error, warning, info or style"),
            (#"[{"code":"DL1","file":"F","level":"error","line":99999999999}]"#, "line must be a whole number"),
            (#"[{"code":7,"file":"F","level":"error"}]"#, "code must be a string"),
            (#"{"code":"DL1"}"#, "not an array"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .hadolintJSON) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
            #expect(error?.line == 1)
        }
    }
}
