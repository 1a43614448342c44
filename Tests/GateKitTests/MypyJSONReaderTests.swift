import Testing

@testable import GateKit

@Suite struct MypyJSONReaderTests {
    @Test func oneFindingPerLine() throws {
        // mypy --output json: "Found 2 errors in 2 files (checked 5 source files)"; the hint of the second error is
        // its note, folded in; the reveal_type note stands alone.
        let findings = try lintFindings(fixture("mypy-json/errors.jsonl"), recognisedAs: .mypyJSON)
        #expect(
            lintSummary(findings) == [
                #"mypy error app/billing.py:12:11 return-value Incompatible return value type (got "str", expected "int")"#,
                #"mypy error app/orders.py:7:4 name-defined Name "Order" is not defined"#,
                #"mypy note app/orders.py:19:4 - Revealed type is "builtins.list[builtins.int]""#,
            ])
    }

    @Test func blankLinesAndNegativeColumns() throws {
        let text = """
            {"file": "a.py", "line": 3, "column": -1, "message": "m", "hint": null, "code": "misc", "severity": "warning"}

            """
        guard case .findings(let report) = try MypyJSONReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.map(\.level) == [.warning])
        #expect(report.findings.first?.column == nil)
    }

    @Test func errorsNameTheLine() {
        let good =
            #"{"file": "a.py", "line": 1, "column": 0, "message": "m", "hint": null, "code": null, "severity": "error"}"#
        for (bad, message, column) in [
            (#"{"file": "a.py", "severity": "error"}"#, "a mypy error has no message", 1),
            (#"{"file": "a.py", "message": "m"}"#, "a mypy error has no severity", 1),
            (#"{"message": "m", "severity": "fatal"}"#, #"mypy severity "fatal" is not error, warning or note"#, 1),
            (#"{"message": "m", "severity": "error"} {}"#, "unexpected '{' after the end of the JSON value", 39),
        ] {
            let error = #expect(throws: InputError.self) { try MypyJSONReader.read(inputBuffer(good + "\n" + bad)) }
            #expect(error?.message == message, "\(bad)")
            #expect(error?.line == 2, "\(bad)")
            #expect(error?.column == column, "\(bad)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.mypyJSON, corpusFolder: "lint/mypy-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .mypyJSON,
            sample: #"""
                {"file": "cart.py", "line": 2, "column": 4, "message": "Name \"x\" is not defined", "hint": null, "code": "name-defined", "severity": "error"}
                {"file": "cart.py", "line": 5, "column": 0, "message": "Missing return statement", "hint": null, "code": "return", "severity": "error"}
                {"file": "café.py", "line": 9, "column": 8, "message": "Revealed type is \"int\"", "hint": null, "code": null, "severity": "note"}
                """#,
            truncated: "unexpected end of input"
        ).check()
    }
}
