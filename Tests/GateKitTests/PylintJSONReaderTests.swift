import Testing

@testable import GateKit

@Suite struct PylintJSONReaderTests {
    @Test func messageTypesGiveTheLevels() throws {
        // pylint --output-format=json: 1 convention, 1 warning, 1 error, 1 refactor message.
        let findings = try lintFindings(fixture("pylint-json/json.json"), recognisedAs: .pylintJSON)
        #expect(
            lintSummary(findings) == [
                "pylint note shop/cart.py:1:0 missing-module-docstring Missing module docstring",
                "pylint warning shop/cart.py:12:8 unused-variable Unused variable 'price'",
                "pylint error shop/cart.py:20:15 no-member Instance of 'Cart' has no 'itemz' member",
                "pylint note shop/cart.py:5:0 too-few-public-methods Too few public methods (1/2)",
            ])
        #expect(findings.map(\.aliases) == [["C0114"], ["W0612"], ["E1101"], ["R0903"]])
    }

    @Test func json2MessagesFatalIsAnErrorInfoANote() throws {
        // pylint --output-format=json2: statistics.messageTypeCount fatal 1, info 1.
        let findings = try lintFindings(fixture("pylint-json/json2.json"), recognisedAs: .pylintJSON)
        #expect(
            lintSummary(findings) == [
                "pylint error shop/orders.py:7:11 syntax-error Parsing failed: 'invalid syntax (shop.orders, line 7)'",
                "pylint note shop/orders.py:2:0 locally-disabled Locally disabling unused-import (W0611)",
            ])
    }

    @Test func json2WithoutMessagesIsRecognisedByItsStatistics() throws {
        let text = #"{"messages": [], "statistics": {"messageTypeCount": {"fatal": 0}, "score": 10.0}}"#
        let loaded = try ReportLoader.load(path: try temporaryFile(text), category: .lint)
        #expect(loaded.format == .pylintJSON)
        #expect(loaded.report == .findings(FindingsReport(findings: [])))
        withByteSpan(#"{"statistics": {"messageTypeCount": {}}, "messages": []}"#) {
            #expect(PylintJSONReader.recognizes(ContentHead($0)))
        }
        withByteSpan(#"{"statistics": {"requests": 3}}"#) { #expect(!PylintJSONReader.recognizes(ContentHead($0))) }
    }

    @Test func theUTF16CorpusFileReadsThroughTheLoader() throws {
        // sarif-sdk's pylint output saved by a Windows shell: UTF-16LE with a byte-order mark; 56 convention and
        // 16 warning messages, one of which quotes two source lines after its first.
        guard let corpusDirectory else { return }
        let findings = try lintFindings(
            corpusDirectory + "/lint/pylint-json/sarif-sdk-pylint-01-UTF16LE.json", recognisedAs: .pylintJSON)
        #expect(findings.count { $0.level == .note } == 56)
        #expect(findings.count { $0.level == .warning } == 16)
        #expect(findings[1].message == "Wrong continued indentation (add 2 spaces).")
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["pylint-json"]))
    func corpus(_ entry: CorpusExpectation) throws {
        try checkLintCorpusEntry(entry, format: .pylintJSON)
    }

    @Test func malformedMessages() {
        for (text, message) in [
            (#""x""#, "not a pylint JSON report: the JSON value is neither an array nor an object"),
            (#"{"statistics": {}}"#, "not a pylint json2 report: no messages"),
            (#"[{"type": "error"}]"#, "a pylint message has no message"),
            (#"[{"message": "m"}]"#, "a pylint message has no type"),
            (
                #"[{"message": "m", "type": "usage"}]"#,
                #"pylint message type "usage" is not one of fatal, error, warning, convention, refactor, info"#
            ),
        ] {
            let error = #expect(throws: InputError.self) { try PylintJSONReader.read(inputBuffer(text)) }
            #expect(error?.message == message, "\(text)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.pylintJSON, corpusFolder: "lint/pylint-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .pylintJSON,
            sample: """
                [
                    {"type": "warning", "module": "cart", "obj": "", "line": 3, "column": 0, "path": "cart.py",
                     "symbol": "unused-import", "message": "Unused import os", "message-id": "W0611"},
                    {"type": "convention", "module": "cart", "obj": "", "line": 1, "column": 0, "path": "cart.py",
                     "symbol": "missing-module-docstring", "message": "Missing module docstring", "message-id": "C0114"},
                    {"type": "error", "module": "café", "obj": "f", "line": 9, "column": 4, "path": "café.py",
                     "symbol": "undefined-variable", "message": "Undefined variable 'y'", "message-id": "E0602"}
                ]
                """,
            truncated: "unexpected end of input"
        ).check()
    }
}
