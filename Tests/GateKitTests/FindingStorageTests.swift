import Testing

@testable import GateKit

/// A finding is held in memory once per finding of every report read, so its size is a feature (a 200 MB SARIF
/// log holds 65,000 of them): these pin the compact storage and what it costs in range.
@Suite struct FindingStorageTests {
    @Test func aFindingTakesAtMost112Bytes() {
        #expect(MemoryLayout<Finding>.stride <= 112)
    }

    @Test func linesAndColumnsBeyond32BitsReadAsAbsent() {
        var finding = Finding(tool: "t", level: .error, line: 2_147_483_647, column: -3, message: "m")
        #expect(finding.line == 2_147_483_647)
        #expect(finding.column == -3, "kept as the tool wrote it")
        finding.line = 2_147_483_648
        finding.column = Int.min
        #expect(finding.line == nil)
        #expect(finding.column == nil)
        finding.line = 0
        #expect(finding.line == 0, "line 0 (a file-level finding) is not absence")
    }

    @Test func cvssScoresAreKeptToThousandths() {
        var finding = Finding(tool: "t", level: .error, cvssScore: 9.8, message: "m")
        #expect(finding.cvssScore == 9.8)
        finding.cvssScore = 7.12345
        #expect(finding.cvssScore == 7.123)
        finding.cvssScore = .nan
        #expect(finding.cvssScore == nil)
        finding.cvssScore = .infinity
        #expect(finding.cvssScore == nil)
        finding.cvssScore = nil
        #expect(finding.cvssScore == nil)
    }

    @Test func packagesAreValuesDespiteTheirBox() {
        let lodash = PackageReference(name: "lodash", installed: "4.17.20")
        let original = Finding(tool: "trivy", level: .error, package: lodash, message: "m")
        var copy = original
        copy.package?.fixed = "4.17.21"
        #expect(original.package?.fixed == nil, "changing a copy leaves the original alone")
        #expect(copy.package?.fixed == "4.17.21")
        #expect(copy != original)
        copy.package?.fixed = nil
        #expect(copy == original, "equal packages in different boxes are equal")
        copy.package = nil
        #expect(copy.package == nil)
    }

    @Test func findingsWhosePathsNeedNoMappingAreNotCopied() throws {
        let findings = (1...3).map { Finding(tool: "t", level: .error, path: "src/f\($0).c", message: "m") }
        let kept = MetricStore.mapped(findings, PathMapping(root: "/work"))
        #expect(kept == findings)
        let mapped = MetricStore.mapped(
            findings + [Finding(tool: "t", level: .error, message: "no path")],
            PathMapping(root: "/work", strip: ["src/"], exclude: [try Glob("f2.c")]))
        #expect(mapped.map(\.path) == ["f1.c", "f3.c", nil])
        let absolute = MetricStore.mapped(
            [
                Finding(tool: "t", level: .error, message: "no path"),
                Finding(tool: "t", level: .error, path: "/work/a.c", message: "m"),
            ],
            PathMapping(root: "/work"))
        #expect(absolute.map(\.path) == [nil, "a.c"], "findings before the first change are kept")
    }
}
