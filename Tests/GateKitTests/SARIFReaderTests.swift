import Testing

@testable import GateKit

@Suite struct SARIFReaderTests {
    private func findings(_ path: String) throws -> [Finding] {
        guard case .findings(let report) = try ReportLoader.load(path: path, category: .lint).report else {
            throw InputError("not findings")
        }
        return report.findings
    }

    private func read(_ text: String) throws -> [Finding] {
        guard case .findings(let report) = try SARIFReader.read(inputBuffer(text)) else { return [] }
        return report.findings
    }

    private func summary(_ finding: Finding) -> String {
        "\(finding.tool) \(finding.rule ?? "-") \(finding.level.rawValue) \(finding.severity.rawValue) "
            + "\(finding.state.rawValue) \(finding.path ?? "-"):\(finding.line ?? 0):\(finding.column ?? 0)"
    }

    /// A one-run log around `results` (and `rules`).
    private func log(results: String, rules: String = "[]") -> String {
        #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "T", "rules": \#(rules)}}, "#
            + #""results": \#(results)}]}"#
    }

    @Test func levelsStatesAndLocationsOfACodeQLRunAndASemgrepRunWithTheToolLast() throws {
        let found = try findings(fixture("sarif/codeql-and-semgrep.sarif"))
        // CodeQL: 10 results, 7 alerts (4 error, 2 warning, 1 note); semgrep: 2 results (1 warning, 1 note).
        #expect(
            found.map(summary) == [
                "codeql js/sql-injection error high open /home/runner/work/shop/shop/src/db.js:42:7",
                "codeql js/unused-local-variable note low open src/café menu.js:3:9",
                "codeql js/reflected-xss error medium open C:/shop/src/view.js:10:0",
                "codeql js/missing-rate-limiting error high open /home/runner/work/shop/shop/src/app.js:5:1",
                "codeql js/reflected-xss warning medium suppressed src/a.js:1:0",
                "codeql js/reflected-xss warning medium open src/b.js:2:0",
                "codeql js/reflected-xss warning medium absent src/c.js:3:0",
                "codeql js/reflected-xss note medium informational -:0:0",
                "codeql js/not-in-the-rules warning medium open src/d.js:4:0",
                "codeql js/sql-injection/2 error high open src/e.js:5:0",
                "semgrep oss python.lang.security.audit.eval-detected.eval-detected warning medium open "
                    + "/src/app.py:12:5",
                "semgrep oss python.lang.correctness.useless-eqeq.useless-eqeq note low open /src/app.py:30:8",
            ])
        #expect(found[0].message == "This query string depends on a [user-provided value](1).")
        #expect(found[0].cvssScore == 8.8)
        #expect(found[0].kind == .code)
        #expect(
            found[0].fingerprint
                == SARIFRun.fingerprint(
                    "a1b2c3d4e5f60718:1", rule: "js/sql-injection", path: "/home/runner/work/shop/shop/src/db.js",
                    line: 42))
        #expect(found[1].message == "Unused variable café.")
        #expect(found[2].message == "Cross-site scripting vulnerability due to a [user-provided value](1).")
        #expect(
            found[2].fingerprint
                == SARIFRun.fingerprint("first", rule: "js/reflected-xss", path: "C:/shop/src/view.js", line: 10))
        let metrics = try store([.findings(FindingsReport(findings: found))])
        #expect(try metrics.value("lint.errors") == 4)
        #expect(try metrics.value("lint.warnings") == 3)
        #expect(try metrics.value("lint.notes") == 2)
    }

    @Test func scanSeverityFromSecuritySeverityThenWordThenLevel() throws {
        let found = try findings(fixture("sarif/scanners.sarif"))
        #expect(
            found.map(summary) == [
                "trivy CVE-2021-3711 error critical open /library/alpine:1:1",
                "trivy DS002 error high open /Dockerfile:1:1",
                "trivy aws-access-key-id error critical open /config/deploy.env:3:1",
                "grype CVE-2022-40303-libxml2 error high open image/var/lib/dpkg/status:1:1",
                "dependency-check CVE-2023-44487 error medium open /app/lib/netty-codec-http2-4.1.94.Final.jar:0:0",
                "bandit B307 warning low open src/todo.py:48:0",
                "gitleaks generic-api-key warning medium open settings.py:7:13",
            ])
        #expect(found.map(\.kind) == [.dependency, .config, .secret, .dependency, .dependency, .code, .secret])
        #expect(found.map(\.cvssScore) == [9.8, 8.0, 9.5, 7.5, 7.5, nil, nil])
        #expect(found[0].package == PackageReference(name: "libssl1.1", installed: "1.1.1k-r0", fixed: "1.1.1l-r0"))
        #expect(found[0].message == "Package: libssl1.1")
        #expect(found[3].aliases == ["CVE-2022-40303"])
        #expect(found[3].package == PackageReference(name: "libxml2", installed: "2.9.10+dfsg-6.7", ecosystem: "deb"))
        #expect(
            found[4].package
                == PackageReference(name: "io.netty:netty-codec-http2", installed: "4.1.94.Final", ecosystem: "maven"))
        #expect(found[6].fingerprint == nil)
        // Declared under scan: 2 critical, 2 high, 2 medium, 1 low.
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try metrics.value("vulns.critical") == 2)
        #expect(try metrics.value("vulns.high") == 2)
        #expect(try metrics.value("vulns.medium") == 2)
        #expect(try metrics.value("vulns.low") == 1)
    }

    @Test func resultSecuritySeverityWinsOverTheRulesAndScoresAreOnlyReadWhenNumeric() throws {
        let found = try read(
            log(
                results: #"""
                    [{"ruleId": "r", "properties": {"security-severity": 3.5}},
                     {"ruleId": "r"},
                     {"ruleId": "r", "properties": {"security-severity": "high", "severity": "", "tags": "x"}}]
                    """#,
                rules: #"[{"id": "r", "properties": {"security-severity": "9.1", "severity": {"nested": 1}}}]"#))
        #expect(found.map(\.severity) == [.low, .critical, .critical])
        #expect(found.map(\.cvssScore) == [3.5, 9.1, 9.1])
    }

    @Test func packageURLsOfNamespacedEcosystemsKeepTheirNamespace() {
        #expect(
            SARIFFacts.package(ofPURL: "pkg:npm/%40babel/traverse@7.22.5")
                == PackageReference(name: "@babel/traverse", installed: "7.22.5", ecosystem: "npm"))
        #expect(
            SARIFFacts.package(ofPURL: "pkg:golang/golang.org/x/net@v0.7.0#http2")
                == PackageReference(name: "golang.org/x/net", installed: "v0.7.0", ecosystem: "golang"))
        #expect(SARIFFacts.package(ofPURL: "pkg:pypi/django") == PackageReference(name: "django", ecosystem: "pypi"))
        #expect(SARIFFacts.package(ofPURL: "npm/lodash@1") == nil)
        #expect(SARIFFacts.package(ofPURL: "pkg:npm") == nil)
        #expect(SARIFFacts.package(ofPURL: "pkg:deb/debian/") == nil)
        #expect(SARIFFacts.cveAlias(of: "CVE-2019-1549") == nil)
        #expect(SARIFFacts.cveAlias(of: "CVE-20x9-1549-pkg") == nil)
    }

    @Test func percentEscapesThatAreNotEscapesAreKept() throws {
        #expect(SARIFPath.percentDecoded("a%2Fb%zz%4") == "a/b%zz%4")
        #expect(SARIFPath.joined("file:///", "/abs/path") == "/abs/path")
        #expect(SARIFPath.joined("", "rel") == "rel")
        let found = try read(
            log(results: #"[{"ruleId": "r", "locations": [{"physicalLocation": {"artifactLocation": {"uri": ""}}}]}]"#))
        #expect(found.first?.path == nil)
    }

    @Test func theInvalidSARIF200DraftIsAnError() throws {
        let corpus = try #require(corpusDirectory)
        let path = corpus + "/lint/sarif/sarif-sdk-binskim-INVALID-trailing-comma-sarif-2.0.0.sarif"
        let error = #expect(throws: ReportLoadError.self) { try ReportLoader.load(path: path, category: .lint) }
        #expect(error?.reason.contains("SARIF version 2.0.0 is not supported") == true, "\(error?.reason ?? "")")
        // The same log without its version still fails, at the trailing comma.
        let trailing = #"{"runs": [{"tool": {"driver": {"name": "T"}}, "results": [{"ruleId": "a",}]}]}"#
        let comma = #expect(throws: InputError.self) { try read(trailing) }
        #expect(comma?.message == "a trailing comma before '}' is not allowed")
    }

    @Test func malformedValuesAreErrorsWithTheirPlace() {
        let cases: [(String, String)] = [
            (log(results: #"[{"level": "fatal"}]"#), "unknown level \"fatal\" (expected error, warning, note or none)"),
            (log(results: #"[{"level": 3}]"#), "a level must be a string"),
            (log(results: #"[{"ruleIndex": 1.5}]"#), "ruleIndex must be a whole number from -1 to 2147483647, not 1.5"),
            (
                log(results: #"[{"locations": [{"physicalLocation": {"region": {"startLine": 99999999999}}}]}]"#),
                "region.startLine must be a whole number from 0 to 2147483647, not 99999999999"
            ),
            (log(results: #"[{"ruleId": 7}]"#), "ruleId must be a string"),
            (log(results: #"[{"message": {"text": ["x"]}}]"#), "message.text must be a string"),
            (
                log(results: #"[{"locations": [{"physicalLocation": {"artifactLocation": {"uri": 1}}}]}]"#),
                "uri must be a string"
            ),
            (log(results: #"{"ruleId": "a"}"#), "expected an array, found an object"),
            (#"{"version": "2.1.0"}"#, "not a SARIF log: no runs"),
            (#"[{"runs": []}]"#, "not a SARIF log: the JSON value is not an object"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try read(text) }
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "") for \(text)")
        }
    }

    @Test func aRunWithoutADriverNameIsToolSARIFAndExplicitNullIndexesAreNone() throws {
        let text = #"{"runs": [{"results": [{"ruleIndex": -1, "rule": {"index": -1}, "message": {"id": "default"}}]}]}"#
        let found = try read(text)
        #expect(found.map(\.tool) == ["sarif"])
        #expect(found.first?.rule == nil)
        #expect(found.first?.message == "default")
        let markdown = try read(log(results: #"[{"message": {"markdown": "**bold**\nmore"}}]"#))
        #expect(markdown.first?.message == "**bold**")
    }

    @Test func baseIDsDefinedAfterTheResultsStillResolveAndPositionZeroIsNone() throws {
        let text = #"""
            {"runs": [{"tool": {"driver": {"name": "T"}},
              "results": [
                {"locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.py", "uriBaseId": "SRC"},
                                                     "region": {"startLine": 0, "startColumn": 0}}}]},
                {"locations": [{"physicalLocation": {"artifactLocation": {"uri": "b.py", "uriBaseId": "OTHER"}}}]}],
              "originalUriBaseIds": {"SRC": {"uri": "file:///work/src"}}}]}
            """#
        let found = try read(text)
        #expect(found.map(\.path) == ["/work/src/a.py", "b.py"])
        #expect(found.map(\.line) == [nil, nil])
        #expect(found.map(\.column) == [nil, nil])
    }

    @Test func longMessagesAreCutAtACharacterBoundary() throws {
        let text = String(repeating: "a", count: 239) + "é" + String(repeating: "b", count: 50)
        let found = try read(log(results: #"[{"message": {"text": "\#(text)"}}]"#))
        #expect(found.first?.message == String(repeating: "a", count: 239))
    }

    @Test func fingerprintsAreScopedByRulePathAndLineAndStayInline() throws {
        func result(_ path: String, line: Int) -> String {
            #"{"ruleId": "js/xss", "message": {"text": "m"}, "partialFingerprints": {"primaryLocationLineHash": "h:1"}, "#
                + #""locations": [{"physicalLocation": {"artifactLocation": {"uri": "\#(path)"}, "region": {"startLine": \#(line)}}}]}"#
        }
        let first = try read(log(results: "[\(result("a.js", line: 3)), \(result("b.js", line: 3))]"))
        let second = try read(log(results: "[\(result("a.js", line: 3)), \(result("a.js", line: 4))]"))
        #expect(first[0].fingerprint == second[0].fingerprint)
        #expect(first[0].fingerprint != first[1].fingerprint, "the same line hash in another file is another finding")
        #expect(second[0].fingerprint != second[1].fingerprint)
        #expect(first.allSatisfy { $0.fingerprint?.utf8.count == 11 }, "short enough to need no allocation")
        let view = FindingsView(first + second, reports: [0, 0, 1, 1])
        #expect(view.open.map(\.path) == ["a.js", "b.js", "a.js"], "two runs of one result count once")
    }

    @Test func theStringPoolSharesRepeatedStringsAndToleratesCollisions() {
        var pool = SARIFStringPool()
        withByteSpan("src/a.swift") { span in
            #expect(pool.string(span) == "src/a.swift")
            #expect(pool.string(span) == "src/a.swift")
        }
        withByteSpan("") { #expect(pool.string($0) == "") }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["sarif"]))
    func corpusCountsEqualTheToolsResults(_ entry: CorpusExpectation) throws {
        let found = try findings(entry.absolutePath)
        let metrics = try store([.findings(FindingsReport(findings: found))])
        // Results of one report at the same rule@path:line:column stay apart (semgrep reports two hard-coded-secret
        // results on one line, SwiftLint's canned log two line_length ones, ShiftLeft two taint-idor ones).
        for check in entry.checks where check.labels.isEmpty {
            let level = FindingLevel.allCases.first { "lint.\($0.rawValue)s" == check.metric }
            let open = found.filter { $0.state == .open && (level == nil || $0.level == level) }
            #expect(Double(open.count) == check.value, "\(check.metric)")
            #expect(try metrics.value(check.metric) == check.value, "\(check.metric)")
        }
    }

    /// The corpus's disputed entries, each with the rule this reader chose.
    @Test func disputedCorpusFilesFollowTheDocumentedRules() throws {
        let corpus = try #require(corpusDirectory)
        func counts(_ name: String) throws -> [String] {
            let found = try findings(corpus + "/lint/sarif/" + name).filter { $0.state == .open }
            return FindingLevel.allCases.map { level in "\(level.rawValue) \(found.count { $0.level == level })" }
        }
        // result.level → rule defaultConfiguration.level → warning (SARIF §3.27.10).
        #expect(try counts("bandit.sarif") == ["error 0", "warning 1", "note 0"])
        #expect(try counts("defectdojo-codeql.sarif") == ["error 11", "warning 4", "note 57"])
        #expect(try counts("defectdojo-gitleaks-sarif.sarif") == ["error 0", "warning 8", "note 0"])
        #expect(try counts("defectdojo-shiftleft-scan-python.sarif") == ["error 8", "warning 1", "note 2"])
        #expect(try counts("sarif-sdk-multitool-baseline-updated.sarif") == ["error 23", "warning 2", "note 5"])
        #expect(try counts("semgrep-0.44.0.sarif") == ["error 361", "warning 216", "note 0"])
        // kind "pass" is not a problem: 54 results − 1.
        let flawfinder = try findings(corpus + "/lint/sarif/defectdojo-flawfinder.sarif")
        #expect(flawfinder.count == 54)
        #expect(flawfinder.count { $0.state == .open } == 53)
        #expect(flawfinder.filter { $0.state == .informational }.map(\.rule) == ["FF1013"])
        // Suppressions without a status are accepted ones: 3 of 5 results do not count.
        let suppressed = try findings(corpus + "/lint/sarif/defectdojo-suppressions.sarif")
        #expect(suppressed.map(\.state) == [.suppressed, .suppressed, .suppressed, .open, .open])
        #expect(
            suppressed.map(\.path) == [
                "C:/code/file1.c", "C:/code/file2.c", "C:/code/file3.c", "C:/code/file4.c", "C:/code/file5.c",
            ])
    }

    @Test func badInputMatrix() throws {
        let sample = log(
            results: #"""
                [{"ruleId": "r1", "level": "error", "message": {"text": "café"},
                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.c"},
                                                      "region": {"startLine": 3}}}]}]
                """#,
            rules: #"[{"id": "r1"}]"#)
        try BadInputMatrix(format: .sarif, sample: sample, truncated: "unexpected end of input").check()
    }

    @Test func recognition() throws {
        for text in [
            #"{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}"#,
            #"{"runs": [{"tool": {"driver": {"name": "x"}}}], "version": "2.1.0"}"#,
            #"{"version": "2.1.0", "runs": [{"results": []}]}"#,
        ] {
            withByteSpan(text) { #expect(SARIFReader.recognizes(ContentHead($0)), "\(text)") }
        }
        for text in [
            #"{"$schema": "https://json.schemastore.org/eslintrc.json"}"#, #"{"runs": [{"name": "x"}]}"#,
            #"{"runs": 3}"#, #"{"version": "2.1.0"}"#, "[]",
        ] {
            withByteSpan(text) { #expect(!SARIFReader.recognizes(ContentHead($0)), "\(text)") }
        }
        try forEachCorpusHead(under: "lint") { path, head in
            let isSARIF = path.hasPrefix("lint/sarif/")
            #expect(SARIFReader.recognizes(head) == isSARIF, "\(path)")
            if isSARIF {
                let claimedBy = ReportFormat.allCases.first { $0.reader.recognizes(head) }
                #expect(claimedBy == .sarif, "\(path) claimed by \(claimedBy?.rawValue ?? "none")")
            }
        }
        try forEachCorpusHead(under: "scan") { path, head in #expect(!SARIFReader.recognizes(head), "\(path)") }
    }
}
