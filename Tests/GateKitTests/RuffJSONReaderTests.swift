import Testing

@testable import GateKit

@Suite struct RuffJSONReaderTests {
    @Test func everyViolationIsAnError() throws {
        // ruff check: "Found 3 errors. [*] 1 fixable with the `--fix` option."
        let findings = try lintFindings(fixture("ruff-json/violations.json"), recognisedAs: .ruffJSON)
        #expect(
            lintSummary(findings) == [
                "ruff error /home/ci/app/billing.py:1:8 F401 `os` imported but unused",
                "ruff error /home/ci/app/billing.py:14:89 E501 Line too long (100 > 88)",
                "ruff error /home/ci/app/orders.py:30:1 - SyntaxError: Expected an indented block",
            ])
    }

    @Test func aSeverityFieldIsRead() throws {
        let text = #"""
            [{"code": "A", "filename": "a.py", "location": {"row": 1, "column": 2}, "message": "m", "severity": "warning"},
             {"code": "B", "filename": "a.py", "location": {"row": 2, "column": 2}, "message": "m", "severity": "info"},
             {"code": "C", "filename": "a.py", "location": {"row": 3, "column": 2}, "message": "m", "severity": "error"}]
            """#
        guard case .findings(let report) = try RuffJSONReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.map(\.level) == [.warning, .note, .error])
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["ruff-json"]))
    func corpus(_ entry: CorpusExpectation) throws {
        try checkLintCorpusEntry(entry, format: .ruffJSON)
    }

    @Test func malformedViolations() {
        for (text, message) in [
            (#"[{"code": "F401"}]"#, "a Ruff violation has no message"),
            (
                #"[{"message": "m", "location": {"row": 1.5}}]"#,
                "location.row must be a whole number of at most 2147483647, not 1.5"
            ),
            (#"[{"message": "m", "location": null}]"#, "expected an object, found null"),
        ] {
            let error = #expect(throws: InputError.self) { try RuffJSONReader.read(inputBuffer(text)) }
            #expect(error?.message == message, "\(text)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.ruffJSON, corpusFolder: "lint/ruff-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .ruffJSON,
            sample: """
                [
                  {"code": "F401", "filename": "cart.py", "location": {"column": 8, "row": 1},
                   "message": "`os` imported but unused", "noqa_row": 1},
                  {"code": "F821", "filename": "cart.py", "location": {"column": 5, "row": 2},
                   "message": "Undefined name `y`", "noqa_row": 2},
                  {"code": "E501", "filename": "café.py", "location": {"column": 89, "row": 7},
                   "message": "Line too long (93 > 88)", "noqa_row": 7}
                ]
                """,
            truncated: "unexpected end of input"
        ).check()
    }
}
