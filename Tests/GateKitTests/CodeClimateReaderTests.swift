import Testing

@testable import GateKit

@Suite struct CodeClimateReaderTests {
    private func findings(_ path: String) throws -> [Finding] {
        guard case .findings(let report) = try ReportLoader.load(path: path, category: .lint).report else {
            throw InputError("not findings")
        }
        return report.findings
    }

    private func read(_ text: String) throws -> [Finding] {
        guard case .findings(let report) = try CodeClimateReader.read(inputBuffer(text)) else { return [] }
        return report.findings
    }

    private func summary(_ finding: Finding) -> String {
        "\(finding.tool) \(finding.rule ?? "-") \(finding.level.rawValue) \(finding.severity.rawValue) "
            + "\(finding.path ?? "-"):\(finding.line ?? 0):\(finding.column ?? 0)"
    }

    @Test func severitiesLocationsAndTrivysVulnerabilities() throws {
        // GitLab's widget: 7 issues (1 blocker, 1 critical, 2 major, 1 minor, 1 info, 1 without severity).
        let found = try findings(fixture("codeclimate/gitlab-code-quality.json"))
        #expect(
            found.map(summary) == [
                "codeclimate no-unused-vars error high src/cart.js:14:0",
                "codeclimate eqeqeq warning low src/cart.js:30:11",
                "structure method_complexity error critical src/checkout.js:3:0",
                "codeclimate todo note low src/caisse.js:1:0",
                "codeclimate blocker-rule error critical config/secrets.js:2:0",
                "codeclimate CVE-2023-5363 error high alpine:3.18 (alpine 3.18.3):0:0",
                "codeclimate unrated warning unknown src/x.js:5:0",
            ])
        #expect(found.map(\.kind) == [.code, .code, .code, .code, .code, .dependency, .code])
        #expect(found[5].package == PackageReference(name: "libssl3", installed: "3.1.2-r0"))
        #expect(found[3].message == "TODO found: à revoir")
        #expect(
            found.map(\.fingerprint) == [
                "7815696ecbf1c96e6894b779456d330e", "d0a8f1c3e2b4", "cf1c1d6b5e2a", nil, "aa11", "0c5f3e", nil,
            ])
        let lint = try store([.findings(FindingsReport(findings: found))])
        #expect(try lint.value("lint.errors") == 4)
        #expect(try lint.value("lint.warnings") == 2)
        #expect(try lint.value("lint.notes") == 1)
        let scan = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try scan.value("vulns.critical") == 2)
        #expect(try scan.value("vulns.unknown") == 1)
    }

    @Test func levelsOfOtherSeverityWords() {
        #expect(CodeClimateReader.levelAndSeverity("MAJOR") == (.error, .high))
        #expect(CodeClimateReader.levelAndSeverity("medium") == (.warning, .medium))
        #expect(CodeClimateReader.levelAndSeverity("whatever") == (.warning, .unknown))
        #expect(CodeClimateReader.vulnerability("CVE-1 - pkg - 1.0") == nil)
        #expect(CodeClimateReader.vulnerability("X-1 - pkg - 1.0 - t") == nil)
        #expect(CodeClimateReader.vulnerability("GHSA-1 - pkg -  - t")?.1 == PackageReference(name: "pkg"))
    }

    @Test func malformedIssuesAreErrors() {
        for (text, message) in [
            (#"{"issues": []}"#, "not a Code Climate report: the JSON value is not an array of issues"),
            (#"[{"description": 3}]"#, "description must be a string"),
            (#"[{"location": {"lines": {"begin": -4}}}]"#, "location.lines.begin must be a whole number"),
            (#"[{"location": {"positions": {"begin": {"column": "2"}}}}]"#, "location.positions.begin.column must be"),
            (#"[3]"#, "expected an object"),
            (#"[] []"#, "unexpected '[' after the end of the JSON value"),
        ] {
            let error = #expect(throws: InputError.self) { try read(text) }
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["gitlab-codequality"]))
    func corpusCountsEqualTheIssues(_ entry: CorpusExpectation) throws {
        let metrics = try store([.findings(FindingsReport(findings: try findings(entry.absolutePath)))])
        for check in entry.checks where check.labels.isEmpty {
            #expect(try metrics.value(check.metric) == check.value, "\(check.metric)")
        }
    }

    @Test func badInputMatrix() throws {
        let sample = """
            [
              {
                "check_name": "F401",
                "severity": "major",
                "fingerprint": "4dbad37161e65c72",
                "description": "F401: `café` imported but unused",
                "location": { "path": "input.py", "positions": { "begin": { "line": 1, "column": 8 } } }
              }
            ]
            """
        try BadInputMatrix(format: .codeClimate, sample: sample, truncated: "unexpected end of input").check()
    }

    @Test func recognition() throws {
        try forEachCorpusHead(under: "lint") { path, head in
            let isCodeClimate = path.hasPrefix("lint/codeclimate/")
            #expect(CodeClimateReader.recognizes(head) == isCodeClimate, "\(path)")
            if isCodeClimate {
                #expect(ReportFormat.allCases.first { $0.reader.recognizes(head) } == .codeClimate, "\(path)")
            }
        }
        try forEachCorpusHead(under: "scan") { path, head in #expect(!CodeClimateReader.recognizes(head), "\(path)") }
        withByteSpan(#"[{"check_name": "x", "description": "y"}]"#) {
            #expect(!CodeClimateReader.recognizes(ContentHead($0)))
        }
        withByteSpan(#"[{"type": "issue", "check_name": "x", "description": "y"}]"#) {
            #expect(CodeClimateReader.recognizes(ContentHead($0)))
        }
    }
}
