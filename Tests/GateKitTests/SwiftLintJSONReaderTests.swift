import Testing

@testable import GateKit

@Suite struct SwiftLintJSONReaderTests {
    @Test func violationsWithTheirSeverity() throws {
        // swiftlint: "Done linting! Found 3 violations, 1 serious in 2 files."
        let findings = try lintFindings(fixture("swiftlint-json/violations.json"), recognisedAs: .swiftLintJSON)
        #expect(
            lintSummary(findings) == [
                "swiftlint error /work/Ledger/Sources/Ledger/Ledger.swift:14:5 identifier_name Variable name 'x' should be between 3 and 40 characters long",
                "swiftlint warning /work/Ledger/Sources/Ledger/Ledger.swift:31:0 line_length Line should be 120 characters or less; currently it has 131 characters",
                "swiftlint warning /work/Ledger/Sources/Ledger/Entry.swift:2:1 sorted_imports Imports should be sorted",
            ])
        #expect(findings[1].column == nil)
    }

    @Test func theCannedReportKeepsEveryViolation() throws {
        // SwiftLint's canned JSON: 4 violations (Error 3, Warning 1), one without file, line or character.
        guard let corpusDirectory else { return }
        let findings = try lintFindings(
            corpusDirectory + "/lint/swiftlint-json/swiftlint-canned-json-reporter.json", recognisedAs: .swiftLintJSON)
        #expect(findings.map(\.level) == [.warning, .error, .error, .error])
        #expect(findings.last?.path == nil && findings.last?.line == nil)
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["swiftlint-json"]))
    func corpus(_ entry: CorpusExpectation) throws {
        try checkLintCorpusEntry(entry, format: .swiftLintJSON)
    }

    @Test func malformedViolations() {
        for (text, message) in [
            (#"{}"#, "not a SwiftLint JSON report: the JSON value is not an array"),
            (#"[{"severity": "Error"}]"#, "a SwiftLint violation has no reason"),
            (#"[{"reason": "r"}]"#, "a SwiftLint violation has no severity"),
            (#"[{"reason": "r", "severity": "fatal"}]"#, #"SwiftLint severity "fatal" is neither Warning nor Error"#),
            (
                #"[{"reason": "r", "severity": "Error", "line": -99999999999}]"#,
                "line must be a whole number of at most 2147483647, not -99999999999"
            ),
        ] {
            let error = #expect(throws: InputError.self) { try SwiftLintJSONReader.read(inputBuffer(text)) }
            #expect(error?.message == message, "\(text)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.swiftLintJSON, corpusFolder: "lint/swiftlint-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .swiftLintJSON,
            sample: """
                [
                  {"character": 1, "file": "/src/Cafe.swift", "line": 3, "reason": "Imports should be sorted",
                   "rule_id": "sorted_imports", "severity": "Warning", "type": "Sorted Imports"},
                  {"character": 7, "file": "/src/Cart.swift", "line": 9, "reason": "Force casts should be avoided",
                   "rule_id": "force_cast", "severity": "Error", "type": "Force Cast"},
                  {"character": null, "file": "/src/Cart.swift", "line": 40, "reason": "Files should end with a newline (café)",
                   "rule_id": "trailing_newline", "severity": "Warning", "type": "Trailing Newline"}
                ]
                """,
            truncated: "unexpected end of input"
        ).check()
    }
}
