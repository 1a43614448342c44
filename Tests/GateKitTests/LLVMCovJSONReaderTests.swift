import Foundation
import Testing

@testable import GateKit

@Suite struct LLVMCovJSONReaderTests {
    private func read(_ input: InputBuffer) throws -> [FileCoverage] {
        guard case .coverage(let report) = try LLVMCovJSONReader.read(input) else {
            Issue.record("not a coverage report")
            return []
        }
        return report.files
    }

    private func read(_ text: String) throws -> [FileCoverage] { try read(inputBuffer(text, capacity: 64)) }

    private func readFixture(_ name: String) throws -> [FileCoverage] {
        try read(TextDecoding.open(path: fixture("llvm-cov/\(name)")).0)
    }

    private func error(_ text: String) -> InputError? { error(inputBuffer(text, capacity: 64)) }

    private func error(_ input: InputBuffer) -> InputError? {
        do {
            _ = try LLVMCovJSONReader.read(input)
            return nil
        } catch {
            return error
        }
    }

    /// An export holding `files` (the entries' JSON), laid out as llvm-cov writes it.
    private func export(_ files: String...) -> String {
        #"{"data":[{"files":[\#(files.joined(separator: ","))],"totals":{}}],"type":"llvm.coverage.json.export","version":"3.0.1"}"#
    }

    /// A file entry with the given summary members.
    private func entry(_ summary: String, filename: String = "/src/a.swift") -> String {
        #"{"filename":"\#(filename)","segments":[[1,5,2,true,true,false],[3,2,0,false,false,false]],"summary":{\#(summary)}}"#
    }

    private func total(_ files: [FileCoverage], _ count: (FileCoverage) -> CoverageCount?) -> CoverageCount {
        files.compactMap(count).reduce(.zero, +)
    }

    /// The `totals` llvm-cov wrote in an export (summed over `data[]`), read with Foundation as a cross-check.
    private func statedTotals(_ path: String, _ kind: String) throws -> CoverageCount {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let data = try #require(document["data"] as? [[String: Any]])
        return try data.reduce(.zero) { sum, entry in
            let counts = try #require((entry["totals"] as? [String: Any])?[kind] as? [String: Any])
            let covered = try #require(counts["covered"] as? Int)
            let count = try #require(counts["count"] as? Int)
            return sum + CoverageCount(covered: covered, total: count)
        }
    }

    // MARK: Fixtures

    @Test func readsASwiftPMExportWithItsGeneratedFiles() throws {
        let files = try readFixture("swiftpm-codecov.json")
        let derived = "/home/dev/Geometry/.build/x86_64-unknown-linux-gnu/debug/"
        #expect(
            files.map(\.path) == [
                derived + "GeometryPackageDiscoveredTests.derived/GeometryTests.swift",
                derived + "GeometryPackageDiscoveredTests.derived/all-discovered-tests.swift",
                derived + "GeometryPackageTests.derived/runner.swift",
                "/home/dev/Geometry/Sources/Geometry/Area.swift",
                "/home/dev/Geometry/Sources/Geometry/Shapes.swift",
                "/home/dev/Geometry/Tests/GeometryTests/ShapeTests.swift",
            ])
        #expect(
            files[3]
                == FileCoverage(
                    path: "/home/dev/Geometry/Sources/Geometry/Area.swift",
                    lines: CoverageCount(covered: 22, total: 28),
                    branches: nil, functions: CoverageCount(covered: 4, total: 5)))
        // llvm-cov report: TOTAL … Functions 56, Missed 38, Executed 32.14% … Lines 277, Missed 177, Cover 36.10%.
        #expect(total(files, \.lines) == CoverageCount(covered: 100, total: 277))
        #expect(total(files, \.functions) == CoverageCount(covered: 18, total: 56))
        #expect(files.allSatisfy { $0.branches == nil })
        let path = fixture("llvm-cov/swiftpm-codecov.json")
        #expect(try statedTotals(path, "lines") == total(files, \.lines))
        #expect(try statedTotals(path, "functions") == total(files, \.functions))
    }

    @Test func readsAPrettyPrintedCargoSummaryOnlyExport() throws {
        let files = try readFixture("cargo-summary-only.json")
        #expect(files.map(\.path).last == "/home/dev/inventory/src/stock/reorder.rs")
        #expect(files.last?.lines == CoverageCount(covered: 0, total: 9))
        // llvm-cov report: TOTAL … Functions 12, Missed 4, Executed 66.67% … Lines 91, Missed 32, Cover 64.84%.
        #expect(total(files, \.lines) == CoverageCount(covered: 59, total: 91))
        #expect(total(files, \.functions) == CoverageCount(covered: 8, total: 12))
        let path = fixture("llvm-cov/cargo-summary-only.json")
        #expect(try statedTotals(path, "lines") == total(files, \.lines))
        #expect(try statedTotals(path, "functions") == total(files, \.functions))
    }

    @Test func readsBranchCountsOnlyWhereBranchesWereCounted() throws {
        let files = try readFixture("clang-branches.json")
        #expect(
            files.map(\.branches) == [
                CoverageCount(covered: 23, total: 30), nil, CoverageCount(covered: 41, total: 62),
            ])
        // llvm-cov report: TOTAL … Lines 269, Missed 55, Cover 79.55% … Branches 92, Missed 28, Cover 69.57%.
        #expect(total(files, \.lines) == CoverageCount(covered: 214, total: 269))
        #expect(total(files, \.branches) == CoverageCount(covered: 64, total: 92))
        let path = fixture("llvm-cov/clang-branches.json")
        #expect(try statedTotals(path, "branches") == total(files, \.branches))
        #expect(try statedTotals(path, "lines") == total(files, \.lines))
    }

    @Test func readsTheSameThroughAnySizeOfBuffer() throws {
        for name in ["swiftpm-codecov.json", "cargo-summary-only.json", "clang-branches.json"] {
            let tiny = InputBuffer(source: try FileByteSource(path: fixture("llvm-cov/\(name)")), capacity: 16)
            #expect(try read(tiny) == readFixture(name), "\(name)")
        }
    }

    @Test func isChosenByTheReportLoader() throws {
        for name in ["swiftpm-codecov.json", "cargo-summary-only.json", "clang-branches.json"] {
            let loaded = try ReportLoader.load(path: fixture("llvm-cov/\(name)"))
            #expect(loaded.format == .llvmCovJSON, "\(name)")
        }
    }

    @Test(arguments: CorpusExpectation.entries(formats: ["llvm-cov-export-json"]))
    func matchesTheCorpus(_ expectation: CorpusExpectation) throws {
        let files = try read(TextDecoding.open(path: expectation.absolutePath).0)
        for (metric, count) in [("lines", total(files, \.lines)), ("functions", total(files, \.functions))] {
            if let covered = expectation.expected("coverage.\(metric).covered") {
                #expect(Double(count.covered) == covered.value, "\(metric)")
            }
            if let total = expectation.expected("coverage.\(metric).total") {
                #expect(Double(count.total) == total.value, "\(metric)")
            }
            if let percent = expectation.expected("coverage.\(metric)"), let value = count.percent {
                #expect(abs(value - percent.value) <= percent.tolerance, "\(metric)")
            }
            #expect(try statedTotals(expectation.absolutePath, metric) == count, "\(metric)")
        }
    }

    // MARK: Layout

    @Test func concatenatesTheFilesOfEveryDataEntry() throws {
        let text = #"""
            {"data":[{"files":[\#(entry(#""lines":{"count":4,"covered":1}"#, filename: "a"))]},
                     {"totals":{},"files":[\#(entry(#""lines":{"count":6,"covered":6}"#, filename: "b"))]}]}
            """#
        #expect(try read(text).map(\.path) == ["a", "b"])
        #expect(try read(#"{"data":[]}"#).isEmpty)
    }

    @Test func acceptsKeysInAnyOrder() throws {
        let text = #"""
            {"version":"2.0.0","type":"llvm.coverage.json.export","data":[{"totals":{"lines":{"count":1}},"files":[
              {"summary":{"percent":5,"functions":{"percent":50,"covered":1,"count":2},"lines":{"covered":3,"count":4}},
               "expansions":[{"filenames":["x"]}],"filename":"/src/b.swift"}]}]}
            """#
        #expect(
            try read(text) == [
                FileCoverage(
                    path: "/src/b.swift", lines: CoverageCount(covered: 3, total: 4),
                    functions: CoverageCount(covered: 1, total: 2))
            ])
    }

    @Test func readsUTF8WithABOMAndUTF16() throws {
        let text = export(entry(#""lines":{"count":4,"covered":3}"#, filename: "/src/é.swift"))
        let withBOM = try decodedBuffer([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(try read(withBOM).map(\.path) == ["/src/é.swift"])
        let utf16 = try decodedBuffer([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(try read(utf16).map(\.lines) == [CoverageCount(covered: 3, total: 4)])
    }

    // MARK: Recognition

    private func recognizes(_ text: String) -> Bool {
        withByteSpan(text) { LLVMCovJSONReader.recognizes(ContentHead($0)) }
    }

    @Test func recognizesExportsByTheirTypeOrTheirShape() throws {
        #expect(recognizes(#"{"type": "llvm.coverage.json.export"}"#))
        // The head of a large export ends long before "type", which llvm-cov writes last.
        #expect(recognizes(#"{"data":[{"files":[{"branches":[],"expansions":[],"filename":"/a.swift","segments":[[1,"#))
        #expect(
            recognizes(
                "{\n  \"data\": [\n    {\n      \"files\": [\n        {\n          \"filename\": \"a.rs\",\n"
                    + "          \"summary\": {\n"))
        #expect(!recognizes(#"{"meta": {"format": 2}, "files": {"a.py": {"summary": {}}}, "totals": {}}"#))
        #expect(!recognizes(#"{"/src/a.js": {"path": "/src/a.js", "statementMap": {}}}"#))
        #expect(!recognizes(#"{"data": {"files": [{"name": "a"}]}, "summary": 1}"#))
        #expect(!recognizes("TN:\nSF:/src/a.c\nDA:1,1\nend_of_record\n"))
        #expect(!recognizes("<coverage>\"llvm.coverage.json.export\"</coverage>"))
    }

    // MARK: Bad input

    @Test func namesTheFileEntryOfABadCount() {
        let cases: [(String, String, Int)] = [
            (#""lines":{"count":1e400,"covered":1}"#, "summary.lines.count: expected an integer, found 1e400", 138),
            (
                #""lines":{"count":99999999999999999999,"covered":1}"#,
                "summary.lines.count: the integer 99999999999999999999 is out of range", 138
            ),
            (#""lines":{"count":2.5,"covered":1}"#, "summary.lines.count: expected an integer, found 2.5", 138),
            (
                #""lines":{"count":"7","covered":1}"#,
                "summary.lines.count: expected an integer, found the string \"7\"", 138
            ),
            (
                #""lines":{"count":3,"covered":-1}"#, "summary.lines.covered: expected a count of 0 or more, found -1",
                150
            ),
            (#""lines":{"count":3,"covered":4}"#, "summary.lines has covered 4 larger than count 3", 121),
            (#""lines":{"count":3}"#, "summary.lines has no covered", 121),
            (#""lines":[3, 4]"#, "summary.lines: expected an object, found an array", 129),
            (#""functions":{"covered":1}"#, "summary.functions has no count", 121),
            (
                #""branches":{"count":2,"covered":3},"lines":{"count":1,"covered":1}"#,
                "summary.branches has covered 3 larger than count 2", 121
            ),
            (#""regions":{"count":2,"covered":1}"#, "the summary has no lines", 20),
        ]
        for (summary, message, column) in cases {
            let found = error(export(entry(summary)))
            #expect(found?.message == "the entry for /src/a.swift: \(message)", "\(summary)")
            #expect(found?.line == 1 && found?.column == column, "\(summary): \(String(describing: found))")
        }
    }

    @Test func namesTheFileEvenWhenItsNameComesAfterTheSummary() {
        let text = export(#"{"summary":{"lines":{"count":-2,"covered":0}},"filename":"/src/late.swift"}"#)
        #expect(
            error(text)
                == InputError(
                    "the entry for /src/late.swift: summary.lines.count: expected a count of 0 or more, found -2",
                    line: 1, column: 49))
    }

    @Test func refusesEntriesWithoutAFilenameOrASummary() {
        #expect(
            error(export(#"{"summary":{"lines":{"count":1,"covered":1}}}"#))
                == InputError("a files[] entry has no filename", line: 1, column: 20))
        #expect(
            error(export(#"{"summary":{"lines":{"count":1,"covered":"x"}}}"#))?.message
                == "a files[] entry without a filename: summary.lines.covered: expected an integer, found the string \"x\""
        )
        #expect(
            error(export(#"{"filename":"/src/a.swift","segments":[]}"#))
                == InputError("the entry for /src/a.swift has no summary", line: 1, column: 20))
        #expect(error(export("7"))?.message == "expected an object, found the number 7")
    }

    @Test func refusesJSONThatIsNotAnLLVMCovExport() {
        #expect(
            error(#"{"meta": {"format": 2}, "files": {}, "totals": {}}"#)?.message == "not an llvm-cov export: no data")
        #expect(
            error(#"[{"data": []}]"#)
                == InputError("not an llvm-cov export: the JSON value is not an object", line: 1, column: 1))
        #expect(
            error(#"{"data": [], "type": "coverage.py"}"#)
                == InputError(
                    "not an llvm-cov export: the type is \"coverage.py\", not \"llvm.coverage.json.export\"",
                    line: 1, column: 22))
        #expect(
            error(#"{"data": [], "version": "4.0.0"}"#)?.message
                == "llvm-cov export version 4.0.0 is not supported (protocol reads versions 2.x and 3.x)")
        #expect(error(#"{"data": {"files": []}}"#)?.message == "expected an array, found an object")
        #expect(
            error("TN:\nSF:/src/a.c\nDA:1,1\n")
                == InputError("expected a JSON value, found 'T'", line: 1, column: 1))
    }

    @Test func refusesBrokenJSON() throws {
        #expect(error("")?.message == "the input is empty: expected a JSON value")
        #expect(
            error(InputBuffer(source: MemoryByteSource([0x00, 0x01, 0xFF, 0xFE])))?.message
                == "expected a JSON value, found byte 0x00")
        let text = export(entry(#""lines":{"count":NaN,"covered":1}"#))
        #expect(error(text)?.message == "expected a JSON value, found 'N' (NaN and Infinity are not valid JSON)")
        #expect(
            error(export(entry(#""lines":{"count":1,"covered":1}"#)) + " {}")?.message
                == "unexpected '{' after the end of the JSON value")
        let badName = Array(export(entry(#""lines":{"count":1,"covered":1}"#, filename: "/src/X.swift")).utf8)
            .map { $0 == UInt8(ascii: "X") ? 0xFF : $0 }
        #expect(
            error(InputBuffer(source: MemoryByteSource(badName)))
                == InputError("invalid UTF-8 in a string (byte 0xFF)", line: 1, column: 38))
    }

    @Test func refusesATruncatedExport() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture("llvm-cov/swiftpm-codecov.json")))
        for length in [1, 9, 5_000, whole.count / 2, whole.count - 30] {
            let found = error(InputBuffer(source: MemoryByteSource(Array(whole.prefix(length)))))
            #expect(
                found?.message.hasPrefix("unexpected end of input inside") == true,
                "\(length): \(String(describing: found))")
        }
    }

    @Test func refusesDeeplyNestedJSON() {
        let deep = String(repeating: "[", count: 100_000)
        let tooDeep = "arrays and objects are nested deeper than 512 levels"
        #expect(error(#"{"data":\#(deep)"#)?.message == tooDeep)
        #expect(error(#"{"data":[{"files":[{"segments":\#(deep)"#)?.message == tooDeep)
    }
}
