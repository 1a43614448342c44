import Testing

@testable import GateKit

@Suite struct GolangCILintJSONReaderTests {
    @Test func anEmptySeverityIsAnError() throws {
        // golangci-lint run: "4 issues: * errcheck: 1 * gofmt: 1 * gosec: 1 * revive: 1"
        let findings = try lintFindings(fixture("golangci-lint-json/issues.json"), recognisedAs: .golangciLintJSON)
        #expect(
            lintSummary(findings) == [
                "golangci-lint error internal/store/file.go:23:13 errcheck Error return value of `f.Close` is not checked",
                "golangci-lint error internal/store/file.go:40:0 gofmt File is not `gofmt`-ed with `-s`",
                "golangci-lint warning internal/store/store.go:9:1 revive exported: exported function Open should have comment or be unexported",
                "golangci-lint warning internal/store/store.go:12:15 gosec G304: Potential file inclusion via variable",
            ])
        #expect(findings[1].column == nil, "column 0 is no column")
        #expect(findings.map(\.severity) == [.unknown, .unknown, .unknown, .medium])
    }

    @Test func severityWords() {
        #expect(GolangCILintJSONReader.rating("") == (.error, .unknown))
        #expect(GolangCILintJSONReader.rating("Error") == (.error, .unknown))
        #expect(GolangCILintJSONReader.rating("warn") == (.warning, .unknown))
        #expect(GolangCILintJSONReader.rating("info") == (.note, .unknown))
        #expect(GolangCILintJSONReader.rating("critical") == (.error, .critical))
        #expect(GolangCILintJSONReader.rating("high") == (.error, .high))
        #expect(GolangCILintJSONReader.rating("low") == (.note, .low))
        #expect(GolangCILintJSONReader.rating("blocking") == (.error, .unknown))
    }

    @Test func noIssuesIsNullOrEmpty() throws {
        for text in [#"{"Issues":null,"Report":{"Linters":[]}}"#, #"{"Issues":[],"Report":{}}"#] {
            let loaded = try ReportLoader.load(path: try temporaryFile(text), category: .lint)
            #expect(loaded.format == .golangciLintJSON)
            #expect(loaded.report == .findings(FindingsReport(findings: [])))
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["golangci-lint-json"]))
    func corpus(_ entry: CorpusExpectation) throws {
        try checkLintCorpusEntry(entry, format: .golangciLintJSON)
    }

    @Test func disputedLevelsOnlyAnExplicitWarningIsAWarning() throws {
        // Disputed: Severity is "" on 21 of 22 issues; golangci-lint fails the run on each, so they are errors.
        guard let corpusDirectory else { return }
        let findings = try lintFindings(
            corpusDirectory + "/lint/golangci-lint-json/golangci-lint-golden.json", recognisedAs: .golangciLintJSON)
        let metrics = try store([.findings(FindingsReport(findings: findings))])
        #expect(try metrics.value("lint.warnings") == 1)
        #expect(try metrics.value("lint.errors") == 21)
    }

    @Test func malformedReports() {
        for (text, message) in [
            (#"[]"#, "not a golangci-lint JSON report: the JSON value is not an object"),
            (#"{"Report": {}}"#, "not a golangci-lint JSON report: no Issues"),
            (#"{"Issues": [{"FromLinter": "x"}]}"#, "a golangci-lint issue has no Text"),
            (
                #"{"Issues": [], "Report": {"Error": "typechecking failed:\nmain.go:3: undefined"}}"#,
                "golangci-lint did not finish: typechecking failed:"
            ),
        ] {
            let error = #expect(throws: InputError.self) { try GolangCILintJSONReader.read(inputBuffer(text)) }
            #expect(error?.message == message, "\(text)")
        }
    }

    @Test func recognition() throws {
        try checkLintRecognition(.golangciLintJSON, corpusFolder: "lint/golangci-lint-json")
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .golangciLintJSON,
            sample:
                #"{"Issues":[{"FromLinter":"unused","Text":"func `café` is unused","Severity":"","Pos":{"Filename":"a.go","Line":3,"Column":6}}],"Report":{}}"#,
            truncated: "unexpected end of input"
        ).check()
    }
}
