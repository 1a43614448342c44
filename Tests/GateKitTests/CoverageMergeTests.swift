import Testing

@testable import GateKit

@Suite struct CoverageMergeTests {
    private func map(_ lines: [UInt32: Bool]) -> LineCoverageMap {
        var map = LineCoverageMap()
        for (line, hit) in lines { map.record(line: line, hit: hit) }
        return map
    }

    @Test func twoReportsOfOneFileAreUnionedLineByLine() {
        var branchesA = BranchCoverageMap()
        branchesA.record(line: 3, CoverageCount(covered: 1, total: 2))
        var branchesB = BranchCoverageMap()
        branchesB.record(line: 3, CoverageCount(covered: 2, total: 2))
        branchesB.record(line: 9, CoverageCount(covered: 0, total: 2))
        let a = FileCoverage(path: "a.c", lineMap: map([1: true, 2: false, 3: false]), branchMap: branchesA)
        let b = FileCoverage(path: "a.c", lineMap: map([2: true, 3: false, 4: false]), branchMap: branchesB)
        let merged = a.union(b)
        #expect(merged.lines == CoverageCount(covered: 2, total: 4))
        #expect(merged.branches == CoverageCount(covered: 2, total: 4))
        #expect(merged.lineMap?.uncoveredRanges == [3...4])
        #expect(b.union(a) == merged, "the union does not depend on the order")
    }

    @Test func withoutLineDetailTheBiggerEntryStandsForTheFile() {
        let summary = FileCoverage(path: "a.go", lines: CoverageCount(covered: 7, total: 10))
        let detail = FileCoverage(path: "a.go", lineMap: map([1: true, 2: true]))
        #expect(summary.union(detail) == summary)
        #expect(detail.union(summary) == summary)
        let tie = FileCoverage(
            path: "a.go", lines: CoverageCount(covered: 7, total: 10), functions: CoverageCount(covered: 1, total: 1))
        #expect(summary.union(tie) == summary, "on a tie the entry read first stays")
    }

    @Test func aMergeOfLCOVAndCoberturaEqualsTheUnionComputedByHand() throws {
        // The same C file covered by two CI jobs: one wrote LCOV, the other Cobertura (via gcovr).
        let root = try temporaryProject([
            "src/queue.c": "int main(void) { return 0; }\n",
            "unit.info":
                "SF:/home/runner/work/q/q/src/queue.c\nDA:1,1\nDA:2,0\nDA:3,0\nDA:4,1\nBRDA:2,0,0,1\nBRDA:2,0,1,0\nend_of_record\n",
            "gates/g.json5":
                #"{protocol: 1, reports: {coverage: ["unit.info", "integration.xml"]}, gates: [{id: "c", require: ["coverage.lines.covered == 3", "coverage.lines.total == 5", "coverage.branches.covered == 1", "coverage.branches.total == 2"]}]}"#,
            "integration.xml": """
            <?xml version="1.0" ?>
            <coverage version="8.2" line-rate="0.5" branch-rate="0.5">
            <sources><source>/builds/q</source></sources>
            <packages><package name="src"><classes><class name="queue_c" filename="src/queue.c">
            <methods/><lines>
            <line number="2" hits="5" branch="true" condition-coverage="50% (1/2)"/>
            <line number="5" hits="0"/>
            </lines></class></classes></package></packages></coverage>
            """,
        ])
        // Union by hand: lines 1..5, covered {1, 2, 4}. Line 2 has 2 branches, 1 covered in each report: per-line
        // counts cannot tell whether it is the same branch, so the union keeps the larger count (1 of 2).
        let set = try GateLoader.load(root: root)
        let collection = ReportCollector.collect(set.sources, root: root, categories: [.coverage])
        #expect(collection.reports.allSatisfy { $0.unmatchedPaths.isEmpty })
        #expect(collection.reports.map(\.format) == [.lcov, .cobertura])
        let verdict = Evaluator.evaluate(
            set.gates, store: MetricStore(collection.inputs), problems: collection.problems,
            reports: collection.reports, context: Evaluator.Context(root: root))
        #expect(
            verdict.passed,
            "\(verdict.gates.flatMap(\.conditions).map { "\($0.condition.text): \($0.measurement?.value ?? -1)" })")
    }
}

@Suite struct PerFileConditionTests {
    private let report = Report.coverage(
        CoverageReport(files: [
            FileCoverage(path: "/repo/src/a.c", lines: CoverageCount(covered: 95, total: 100)),
            FileCoverage(path: "/repo/src/b.c", lines: CoverageCount(covered: 10, total: 20)),
            FileCoverage(path: "/repo/src/tiny.c", lines: CoverageCount(covered: 0, total: 3)),
            FileCoverage(path: "/repo/src/c.c", lines: CoverageCount(covered: 70, total: 100)),
        ]))

    private func result(_ text: String) throws -> ConditionResult {
        let verdict = Evaluator.evaluate(
            [try gate("g", text)], store: try store([report]), problems: [:], reports: [],
            context: Evaluator.Context(root: "/repo"))
        return try #require(verdict.gates.first?.conditions.first)
    }

    @Test func everyFileMustHoldAndTheFailingOnesAreListedWorstFirst() throws {
        let failed = try result(#"coverage.lines{per="file"} >= 60%"#)
        #expect(!failed.passed)
        #expect(failed.measurement?.value == 0, "the worst file's value")
        #expect(
            failed.measurement?.offenders == [
                "src/tiny.c: 0.00% (3 of 3 lines uncovered)", "src/b.c: 50.00% (10 of 20 lines uncovered)",
            ])
        #expect(failed.measurement?.basis == "2 of 4 files fail; the worst: src/tiny.c (3 of 3 lines uncovered)")
    }

    @Test func minLinesLeavesSmallFilesOut() throws {
        let guarded = try result(#"coverage.lines{per="file", min_lines="10"} >= 60%"#)
        #expect(guarded.measurement?.offenders == ["src/b.c: 50.00% (10 of 20 lines uncovered)"])
        let passing = try result(#"coverage.lines{path="src/*", per="file", min_lines="50"} >= 70%"#)
        #expect(passing.passed)
        #expect(passing.measurement?.value == 70)
        #expect(
            passing.measurement?.basis
                == "2 files (2 with fewer than 50 lines left out); all hold, the closest: src/c.c")
        let nothing = try result(#"coverage.lines{per="file", min_lines="1000"} >= 60%"#)
        #expect(nothing.reason == "no selected file has at least 1000 instrumented lines (min_lines)")
    }

    @Test func perFileCountsAndUpperBounds() throws {
        let uncoveredAtMost = try result(#"coverage.lines.total{per="file"} <= 50"#)
        #expect(!uncoveredAtMost.passed)
        #expect(uncoveredAtMost.measurement?.value == 100)
        #expect(uncoveredAtMost.measurement?.offenders.count == 2)
    }

    @Test func modifiersAreCheckedWhenParsed() {
        let grouping = #expect(throws: ConditionSyntaxError.self) {
            try ConditionParser.parse(#"coverage.lines{per="dir"} >= 1%"#)
        }
        #expect(grouping?.message == #"per="file" is the only grouping: the condition must hold for every file"#)
        let lines = #expect(throws: ConditionSyntaxError.self) {
            try ConditionParser.parse(#"coverage.lines{per="file", min_lines="x"} >= 1%"#)
        }
        #expect(lines?.message == #"min_lines takes a whole number of lines, e.g. min_lines="20""#)
        let alone = #expect(throws: ConditionSyntaxError.self) {
            try ConditionParser.parse(#"coverage.lines{min_lines="5"} >= 1%"#)
        }
        #expect(alone?.message == #"min_lines guards per-file rules: add per="file""#)
    }

    @Test func labelsShowTheModifiers() throws {
        let condition = try ConditionParser.parse(#"coverage.lines{path="src/**", per="file", min_lines="20"} >= 80%"#)
        #expect(condition.labels == ["path": "src/**", "per": "file", "min_lines": "20"])
        #expect(condition.selector.map(\.key) == ["path"])
    }
}

@Suite struct PathResolutionTests {
    @Test func ciCheckoutPathsResolveByTheirLongestExistingSuffix() throws {
        let root = try temporaryProject([
            "Sources/App/a.swift": "", "Sources/App/b.swift": "", "app/Sources/App/a.swift": "",
        ])
        let resolver = PathResolver(root: root)
        let mapping = PathMapping(root: root)
        #expect(
            resolver.resolve("/home/runner/work/app/app/Sources/App/a.swift", sourceRoots: [], mapping: mapping)
                == "app/Sources/App/a.swift")
        #expect(
            resolver.resolve("/builds/team/x/Sources/App/b.swift", sourceRoots: [], mapping: mapping)
                == "Sources/App/b.swift")
        #expect(
            resolver.resolve("C:/agent/_work/1/s/Sources/App/b.swift", sourceRoots: [], mapping: mapping)
                == "Sources/App/b.swift")
        #expect(resolver.resolve("/elsewhere/Sources/App/missing.swift", sourceRoots: [], mapping: mapping) == nil)
        #expect(resolver.resolve("Sources/App/a.swift", sourceRoots: [], mapping: mapping) == "Sources/App/a.swift")
    }

    @Test func relativePathsAreTriedUnderTheReportsSourceRoots() throws {
        let root = try temporaryProject(["src/pkg/mod.py": ""])
        let mapping = PathMapping(root: root)
        let resolver = PathResolver(root: root)
        #expect(
            resolver.resolve("pkg/mod.py", sourceRoots: ["/ci/checkout/src", root + "/src"], mapping: mapping)
                == "src/pkg/mod.py")
        #expect(
            PathResolver(root: root).resolve("pkg/mod.py", sourceRoots: ["/ci/checkout/src/"], mapping: mapping)
                == "src/pkg/mod.py")
    }

    @Test func stripAndMapRewriteBeforeResolving() {
        let mapping = PathMapping(root: "/repo", strip: ["/ci/"], map: [(from: "build/gen/", to: "Sources/Gen/")])
        #expect(mapping.normalise("/ci/build/gen/x.swift") == "Sources/Gen/x.swift")
        #expect(mapping.normalise("C:\\ci\\a.cs") == "C:/ci/a.cs")
        #expect(mapping.normalise("/repo/./a") == "./a".dropFirst(2).description)
    }

    @Test func unmatchedPathsAreListedAndRequireFilesFailsTheGate() throws {
        let root = try temporaryProject([
            "src/a.c": "",
            "lcov.info":
                "SF:src/a.c\nDA:1,1\nend_of_record\nSF:/ci/gone.c\nDA:1,1\nend_of_record\nSF:/ci/gone2.c\nDA:1,0\nend_of_record\n",
            "gates/g.json5":
                #"{protocol: 1, reports: {coverage: {paths: "lcov.info", require_files: "90%"}}, gates: [{id: "c", require: "coverage.lines >= 1%"}]}"#,
        ])
        let set = try GateLoader.load(root: root)
        let collection = ReportCollector.collect(set.sources, root: root, categories: [.coverage])
        #expect(collection.reports.first?.unmatchedPaths == ["/ci/gone.c", "/ci/gone2.c"])
        #expect(collection.reports.first?.sourcePaths == 3)
        #expect(
            collection.problems[.coverage] == [
                "only 1 of 3 source paths in lcov.info name a file under the root (require_files: 90%); unmatched: /ci/gone.c, /ci/gone2.c — map them with strip or map"
            ])
    }
}
