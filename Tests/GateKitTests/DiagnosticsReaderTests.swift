import Testing

@testable import GateKit

@Suite struct DiagnosticsReaderTests {
    private func findings(fixture name: String) throws -> [Finding] {
        guard
            case .findings(let report) = try ReportLoader.load(path: fixture("diagnostics/\(name)"), category: .lint)
                .report
        else { throw InputError("not findings") }
        return report.findings
    }

    private func summary(_ findings: [Finding]) -> [String] {
        findings.map {
            "\($0.tool) \($0.level.rawValue) \($0.path ?? "-"):\($0.line ?? 0):\($0.column ?? 0) \($0.rule ?? "-") \($0.message)"
        }
    }

    @Test func swiftcCountsEachDiagnosticOnceNotTheCopiesInItsExcerpts() throws {
        // swift build: 2 warnings, 1 error; the note explains the last warning.
        #expect(
            summary(try findings(fixture: "swiftc-swift-style.txt")) == [
                "swiftc warning /work/ledger/Sources/Ledger/Ledger.swift:14:13 - variable 'total' was never mutated; consider changing to 'let' constant",
                "swiftc error /work/ledger/Sources/Ledger/Ledger.swift:22:16 - cannot convert return expression of type 'String' to return type 'Int'",
                "swiftc warning /work/ledger/Sources/Ledger/Ledger.swift:30:9 SendableClosureCaptures 'sendable' capture",
            ])
    }

    @Test func clangNotesExplainTheDiagnosticBeforeThemAndFatalErrorsAreErrors() throws {
        // clang: "1 warning and 2 errors generated."
        #expect(
            summary(try findings(fixture: "clang.txt")) == [
                "compiler warning src/codec.h:8:13 -Wunused-function unused function 'swap16'",
                "compiler error src/codec.c:21:12 -Wincompatible-pointer-types incompatible pointer types passing 'char *' to parameter of type 'unsigned short *'",
                "compiler error src/codec.c:40:1 - 'zlib.h' file not found",
            ])
    }

    @Test func gccFlagsMadeErrorsNameTheFlag() throws {
        #expect(
            summary(try findings(fixture: "gcc.txt")) == [
                "compiler warning src/main.c:7:9 -Wunused-variable unused variable ‘tmp’",
                "compiler error src/main.c:12:5 -Wimplicit-function-declaration implicit declaration of function ‘frobnicate’",
            ])
    }

    @Test func swiftFormatRulesAndTool() throws {
        let found = try findings(fixture: "swift-format-lint.txt")
        #expect(found.map(\.rule) == ["Indentation", "LineLength", "NeverForceUnwrap", "OrderedImports"])
        #expect(Set(found.map(\.tool)) == ["swift-format"])
        #expect(found.first?.message == "unindent by 2 spaces")
        #expect(found.allSatisfy { $0.level == .error })
    }

    @Test func msbuildsClosingSummaryDoesNotCountTwice() throws {
        // dotnet build: "2 Warning(s) 0 Error(s)"
        #expect(
            summary(try findings(fixture: "dotnet-build.txt")) == [
                "msbuild warning /src/Shop/Cart.cs:14:17 CS0168 The variable 'ex' is declared but never used",
                "msbuild warning /src/Shop/Cart.cs:30:9 CS8602 Dereference of a possibly null reference.",
            ])
    }

    @Test func typescriptCompilerCodes() throws {
        // tsc: "Found 2 errors in the same file"
        let found = try findings(fixture: "tsc.txt")
        #expect(found.map(\.rule) == ["TS2305", "TS2322"])
        #expect(found.map(\.tool) == ["tsc", "tsc"])
        #expect(found.map(\.line) == [4, 18])
    }

    @Test func mypyErrorCodesAreRules() throws {
        // mypy: "Found 3 errors in 2 files"; one space before a bracket is part of the message, as mypy never writes it.
        #expect(
            summary(try findings(fixture: "mypy.txt")) == [
                #"mypy error app/billing.py:12:0 return-value Incompatible return value type (got "str", expected "int")"#,
                #"mypy error app/orders.py:7:5 name-defined Name "Order" is not defined"#,
                #"mypy warning app/orders.py:19:0 unused-ignore Unused "type: ignore" comment"#,
                #"compiler error app/orders.py:40:0 - Argument 1 to "ship" has incompatible type "list[int]"; expected "int" [arg-type]"#,
            ])
    }

    @Test func eslintStylishRowsBelongToThePathAboveThem() throws {
        // eslint (stylish): "✖ 3 problems (2 errors, 1 warning)"
        #expect(
            summary(try findings(fixture: "eslint-stylish.txt")) == [
                "eslint error /home/ci/shop/src/cart.js:4:7 no-unused-vars 'total' is assigned a value but never used",
                "eslint warning /home/ci/shop/src/cart.js:9:15 eqeqeq Expected '===' and instead saw '=='",
                "eslint error /home/ci/shop/src/broken.js:3:9 - Parsing error: Unexpected token )",
            ])
    }

    @Test func golangciLintLinesAreErrorsNamingTheirLinter() throws {
        // golangci-lint run --out-format line-number: "3 issues: * errcheck: 1 * gofmt: 1 * revive: 1"
        #expect(
            summary(try findings(fixture: "golangci-lint.txt")) == [
                "golangci-lint error internal/store/file.go:23:13 errcheck Error return value of `f.Close` is not checked",
                "golangci-lint error internal/store/file.go:40:0 gofmt File is not `gofmt`-ed with `-s`",
                "golangci-lint error internal/store/store.go:9:1 revive exported: exported function Open should have comment or be unexported",
            ])
        guard case .findings(let report) = try DiagnosticsReader.read(inputBuffer("./main.go:7:2: undefined: frob\n"))
        else { return }
        #expect(summary(report.findings) == ["go error ./main.go:7:2 - undefined: frob"])
    }

    @Test(arguments: ["ruff-concise.txt", "ruff-pylint.txt"])
    func ruffLinesAreErrorsWithTheirCodes(_ name: String) throws {
        // ruff check: "Found 3 errors. [*] 1 fixable with the `--fix` option."
        let found = try findings(fixture: name)
        #expect(found.map(\.rule) == ["F401", "E501", "invalid-syntax"])
        #expect(
            found.map(\.message) == [
                "`os` imported but unused", "Line too long (100 > 88)",
                "Expected an indented block after function definition",
            ])
        #expect(found.allSatisfy { $0.tool == "ruff" && $0.level == .error })
    }

    @Test func linesWithoutASeverityWordNeedAGoFileOrARuffCode() throws {
        let text = """
            tests/test_cart.py:12: AssertionError
            tests/test_cart.py:14: E   assert 1 == 2
            2024-05-01 12:30:45: started
            notes.txt:3:1: F401 looks like a code
            my file.go:3:1: spaces in the path
            app.py:3:1: 
              4:2  error  a stylish row without a path line  semi
            """
        guard case .findings(let report) = try DiagnosticsReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.isEmpty)
        withByteSpan(text) { #expect(!DiagnosticsReader.recognizes(ContentHead($0))) }
        withByteSpan("/src/a.js\n  1:1  error  Unexpected var  no-var\n") {
            #expect(DiagnosticsReader.recognizes(ContentHead($0)))
        }
    }

    @Test func stylishRowsWithoutARuleOrWithOddColumns() throws {
        let text = "/src/a.js\n  1:2  warning  two  spaces inside\n  x:1  error  not a row\n  3:4  info  not a row\n"
        guard case .findings(let report) = try DiagnosticsReader.read(inputBuffer(text)) else { return }
        #expect(summary(report.findings) == ["eslint warning /src/a.js:1:2 - two  spaces inside"])
        let bad = Array("/src/".utf8) + [0xC3, 0x28] + Array(".js\n  1:1  error  m  r\n".utf8)
        let error = #expect(throws: InputError.self) {
            try DiagnosticsReader.read(InputBuffer(source: MemoryByteSource(bad)))
        }
        #expect(error?.message == "the file name is not valid UTF-8")
        #expect(error?.line == 2)
    }

    @Test func aNoteBeforeAnyDiagnosticIsAFindingOfItsOwn() throws {
        guard
            case .findings(let report) = try DiagnosticsReader.read(
                inputBuffer("a.c:1:1: note: standalone\nb.c:2: remark: x\n"))
        else { return }
        #expect(report.findings.map(\.level) == [.note])
        #expect(report.findings.first?.column == 1)
    }

    @Test func lineWithoutColumnAndWindowsDrivePaths() throws {
        let text =
            "C:\\src\\a.c:12: warning: no column\nC:\\src\\b.c:3:4: error: with column\nd.cs(7): error CS1: no column\n"
        guard case .findings(let report) = try DiagnosticsReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.map(\.path) == ["C:\\src\\a.c", "C:\\src\\b.c", "d.cs"])
        #expect(report.findings.map(\.line) == [12, 3, 7])
        #expect(report.findings.map(\.column) == [nil, 4, nil])
    }

    @Test func textThatIsNotADiagnosticIsIgnored() throws {
        let text = """
            Compiling...
            note: no location
            a.c:1:1: error
            a.cs(1,2): error: no code
            a.cs(x): error CS1: bad line
            a.cs(1,y): error CS1: bad column
              a.c:1:1: error: indented, part of an excerpt
            | a.c:1:1: error: excerpt
            a.cs(1,2): error C$1: odd code
            """
        guard case .findings(let report) = try DiagnosticsReader.read(inputBuffer(text)) else { return }
        #expect(report.findings.isEmpty)
    }

    @Test func anEmptyLintLogIsACleanOne() throws {
        let path = try temporaryFile("")
        let loaded = try ReportLoader.load(path: path, category: .lint)
        #expect(loaded.format == .diagnostics)
        #expect(loaded.report == .findings(FindingsReport(findings: [])))
    }

    @Test func invalidUTF8InAMessageIsAnErrorWithItsLine() {
        let bytes = Array("ok.c:1:1: warning: fine\na.c:1:1: error: bad ".utf8) + [0xC3, 0x28] + [10]
        let error = #expect(throws: InputError.self) {
            try DiagnosticsReader.read(InputBuffer(source: MemoryByteSource(bytes)))
        }
        #expect(error?.message == "the message is not valid UTF-8")
        #expect(error?.line == 2)
    }

    @Test func recognisedOnlyWhenADiagnosticLineIsNearTheTop() {
        withByteSpan("Building...\nsrc/a.c:1:2: warning: x\n") {
            #expect(DiagnosticsReader.recognizes(ContentHead($0)))
        }
        withByteSpan("Building...\nBuild complete!\n") { #expect(!DiagnosticsReader.recognizes(ContentHead($0))) }
        withByteSpan("<a>x.c:1:1: error: y</a>") { #expect(!DiagnosticsReader.recognizes(ContentHead($0))) }
    }

    @Test(
        arguments: CorpusExpectation.entries(formats: [
            "swiftc-diagnostics", "clang-diagnostics", "gcc-diagnostics", "cargo-short-diagnostics",
            "msbuild-diagnostics", "tsc-diagnostics", "eslint-stylish", "golangci-lint-text", "ruff-concise",
            "ruff-pylint",
        ]))
    func corpusCountsEqualTheCompilersSummary(_ entry: CorpusExpectation) throws {
        guard case .findings(let report) = try ReportLoader.load(path: entry.absolutePath, category: .lint).report
        else {
            Issue.record("not a findings report")
            return
        }
        for (metric, level) in [
            ("lint.errors", FindingLevel.error), ("lint.warnings", .warning), ("lint.notes", .note),
        ] {
            if let expected = entry.expected(metric) {
                #expect(Double(report.findings.count { $0.level == level }) == expected.value)
            }
        }
        if let expected = entry.expected("lint.total") { #expect(Double(report.findings.count) == expected.value) }
    }
}
