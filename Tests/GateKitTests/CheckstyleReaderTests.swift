import Testing

@testable import GateKit

@Suite struct CheckstyleReaderTests {
    private func findings(_ path: String) throws -> [Finding] {
        guard case .findings(let report) = try ReportLoader.load(path: path, category: .lint).report else {
            throw InputError("not findings")
        }
        return report.findings
    }

    private func read(_ text: String) throws -> [Finding] {
        guard case .findings(let report) = try CheckstyleReader.read(inputBuffer(text)) else { return [] }
        return report.findings
    }

    private func summary(_ finding: Finding) -> String {
        "\(finding.tool) \(finding.rule ?? "-") \(finding.level.rawValue) \(finding.state.rawValue) "
            + "\(finding.path ?? "-"):\(finding.line ?? 0):\(finding.column ?? 0) \(finding.message)"
    }

    @Test func checkstyleSeveritiesAndRulesWithoutTheirPackage() throws {
        // mvn checkstyle:check: "You have 2 Checkstyle violations" (errors and warnings; info and ignore are not).
        let found = try findings(fixture("checkstyle/checkstyle-10.xml"))
        let cart = "/home/ci/shop/src/main/java/com/example/shop/Cart.java"
        #expect(
            found.map(summary) == [
                "checkstyle MissingJavadocTypeCheck warning open \(cart):1:0 Missing a Javadoc comment.",
                "checkstyle NeedBracesCheck error open \(cart):12:9 'if' construct must use '{}'s.",
                "checkstyle LocalVariableNameCheck note open \(cart):20:5 "
                    + "Le nom « prixTotal » est trop long: 41 caractères, préféré ≤ 30.",
                "checkstyle LineLengthCheck note informational \(cart):33:1 "
                    + "Line is longer than 120 characters (found 131).",
            ])
        #expect(found.allSatisfy { $0.severity == .unknown })
        let metrics = try store([.findings(FindingsReport(findings: found))])
        #expect(try metrics.value("lint.errors") == 1)
        #expect(try metrics.value("lint.warnings") == 1)
        #expect(try metrics.value("lint.notes") == 1)
    }

    @Test func eslintCheckstyleFormatterOnOneLine() throws {
        // eslint -f checkstyle: "✖ 3 problems (2 errors, 1 warning)".
        let found = try findings(fixture("checkstyle/eslint.xml"))
        #expect(
            found.map(summary) == [
                "eslint no-unused-vars error open /home/ci/web/src/app.js:3:7 "
                    + "'unused' is assigned a value but never used. (no-unused-vars)",
                "eslint no-console warning open /home/ci/web/src/app.js:9:1 Unexpected console statement. (no-console)",
                "checkstyle - error open /home/ci/web/src/util.js:1:1 Parsing error: Unexpected token )",
            ])
    }

    @Test func toolsAreNamedByTheirSourcePrefix() {
        #expect(CheckstyleReader.toolAndRule("detekt.UnusedParameter") == ("detekt", "UnusedParameter"))
        #expect(CheckstyleReader.toolAndRule("swiftlint.rules.colon") == ("swiftlint", "colon"))
        #expect(CheckstyleReader.toolAndRule("final-newline") == ("checkstyle", "final-newline"))
        #expect(CheckstyleReader.toolAndRule(nil) == ("checkstyle", nil))
    }

    @Test func aMissingSeverityIsAnErrorAndAnUnknownOneIsRefused() throws {
        let found = try read(#"<checkstyle><file name="a"><error line="2" message="m"/></file><error/></checkstyle>"#)
        #expect(found.map(\.level) == [.error, .error])
        #expect(found.map(\.path) == ["a", nil])
        let error = #expect(throws: InputError.self) {
            try read("<checkstyle>\n<file name=\"a\">\n<error severity=\"fatal\"/></file></checkstyle>")
        }
        #expect(error?.message == "unknown severity \"fatal\" (expected error, warning, info or ignore)")
        #expect(error?.line == 3)
    }

    @Test func absurdPositionsAndInvalidUTF8AreErrors() {
        for (text, message) in [
            (#"<checkstyle><file><error line="-1"/></file></checkstyle>"#, "the line of <error> must be"),
            (#"<checkstyle><file><error column="99999999999"/></file></checkstyle>"#, "the column of <error> must be"),
            (#"<checkstyle><file><error line="1.5"/></file></checkstyle>"#, "the line of <error> must be"),
            (#"<testsuites/>"#, "not a Checkstyle report: the root element is not <checkstyle>"),
        ] {
            let error = #expect(throws: InputError.self) { try read(text) }
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
        }
        let bytes =
            Array(#"<checkstyle><file name="a"><error message=""#.utf8) + [0xC3, 0x28]
            + Array(#""/></file></checkstyle>"#.utf8)
        let error = #expect(throws: InputError.self) {
            try CheckstyleReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the message of <error> is not valid UTF-8")
    }

    @Test func hostileXMLIsRefused() {
        let entity = #"<!DOCTYPE checkstyle [<!ENTITY x "y">]><checkstyle><file name="&x;"/></checkstyle>"#
        #expect(throws: InputError.self) { try read(entity) }
        let deep =
            "<checkstyle>" + String(repeating: "<a>", count: 400) + String(repeating: "</a>", count: 400)
            + "</checkstyle>"
        #expect(throws: InputError.self) { try read(deep) }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["checkstyle-xml"]))
    func corpusCountsEqualTheErrorElements(_ entry: CorpusExpectation) throws {
        let metrics = try store([.findings(FindingsReport(findings: try findings(entry.absolutePath)))])
        for check in entry.checks where check.labels.isEmpty {
            #expect(try metrics.value(check.metric) == check.value, "\(check.metric)")
        }
    }

    @Test func badInputMatrix() throws {
        let sample = """
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="10.12.4">
            <file name="src/Café.java">
            <error line="3" column="5" severity="warning" message="Missing a Javadoc comment."
              source="com.puppycrawl.tools.checkstyle.checks.javadoc.MissingJavadocMethodCheck"/>
            </file>
            </checkstyle>
            """
        try BadInputMatrix(format: .checkstyle, sample: sample, truncated: "unexpected end of file").check()
    }

    @Test func recognition() throws {
        try forEachCorpusHead(under: "lint") { path, head in
            let isCheckstyle = path.hasPrefix("lint/checkstyle/")
            #expect(CheckstyleReader.recognizes(head) == isCheckstyle, "\(path)")
            if isCheckstyle {
                #expect(ReportFormat.allCases.first { $0.reader.recognizes(head) } == .checkstyle, "\(path)")
            }
        }
        for folder in ["scan", "tests", "coverage"] {
            try forEachCorpusHead(under: folder) { path, head in
                #expect(!CheckstyleReader.recognizes(head), "\(path)")
            }
        }
    }
}
