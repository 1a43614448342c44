import Testing

@testable import GateKit

@Suite struct ESLintJSONReaderTests {
    @Test func messagesBySeverityFatalIsAnErrorSuppressedAreKept() throws {
        // eslint: "✖ 3 problems (2 errors, 1 warning)"; errorCount 1 + 1, warningCount 1.
        let findings = try lintFindings(fixture("eslint-json/report.json"), recognisedAs: .eslintJSON)
        #expect(
            lintSummary(findings) == [
                "eslint error /home/ci/shop/src/cart.js:4:7 no-unused-vars 'total' is assigned a value but never used.",
                "eslint warning /home/ci/shop/src/cart.js:9:15 eqeqeq Expected '===' and instead saw '=='.",
                "eslint warning /home/ci/shop/src/cart.js:12:5 no-console Unexpected console statement. (suppressed)",
                "eslint error /home/ci/shop/src/broken.js:3:9 - Parsing error: Unexpected token )",
            ])
        #expect(findings.allSatisfy { $0.severity == .unknown })
    }

    @Test func statedCountsThatContradictTheMessagesLoseToTheMessages() throws {
        let text =
            #"[{"filePath": "a.js", "messages": [{"ruleId": "r", "severity": 1, "message": "m"}], "errorCount": 6}]"#
        guard case .findings(let report) = try ESLintJSONReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.map(\.level) == [.warning])
    }

    @Test func disputedJuiceShopCountsTheTwoListedMessages() throws {
        // Disputed: basketItems.js states errorCount 6 / warningCount 0 beside one error and one warning message.
        guard let corpusDirectory else { return }
        let findings = try lintFindings(
            corpusDirectory + "/lint/eslint-json/defectdojo-eslint-juiceshop.json", recognisedAs: .eslintJSON)
        let metrics = try store([.findings(FindingsReport(findings: findings))])
        #expect(try metrics.value("lint.errors") == 1)
        #expect(try metrics.value("lint.warnings") == 1)
        #expect(try metrics.value("lint.total") == 2)
    }

    @Test func aCleanRunsEmptyArrayIsNoFindings() throws {
        let loaded = try ReportLoader.load(path: try temporaryFile("[]\n"), category: .lint)
        #expect(loaded.format == .eslintJSON)
        #expect(loaded.report == .findings(FindingsReport(findings: [])))
    }

    @Test func malformedMessages() {
        for (text, message) in [
            (#"{"filePath": "a"}"#, "not an ESLint JSON report: the JSON value is not an array"),
            (#"[{"messages": [{"severity": 2}]}]"#, "an ESLint message has no message"),
            (#"[{"messages": [{"message": "m"}]}]"#, "an ESLint message has no severity"),
            (
                #"[{"messages": [{"message": "m", "severity": 0}]}]"#,
                "ESLint severity 0 is neither 1 (warning) nor 2 (error)"
            ),
            (
                #"[{"messages": [{"message": "m", "severity": 2, "line": 99999999999}]}]"#,
                "line must be a whole number of at most 2147483647, not 99999999999"
            ),
            (#"[{"messages": [{"message": "m", "severity": 2, "fatal": "yes"}]}]"#, "fatal must be true or false"),
            (#"[{"messages": [{"message": "m", "severity": 2, "ruleId": 3}]}]"#, "ruleId must be a string"),
        ] {
            let error = #expect(throws: InputError.self) { try ESLintJSONReader.read(inputBuffer(text)) }
            #expect(error?.message == message, "\(text)")
            #expect(error?.line == 1, "\(text)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.eslintJSON, corpusFolder: "lint/eslint-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .eslintJSON,
            sample: """
                [
                    {"filePath": "/src/index.js", "messages": [], "errorCount": 0, "warningCount": 0},
                    {"filePath": "/src/cart.js", "messages": [
                        {"ruleId": "semi", "severity": 2, "message": "Missing semicolon.", "line": 1, "column": 9},
                        {"ruleId": "eqeqeq", "severity": 1, "message": "Expected '===' in café.", "line": 4, "column": 7}
                    ], "errorCount": 1, "warningCount": 1}
                ]
                """,
            truncated: "unexpected end of input"
        ).check()
    }
}
