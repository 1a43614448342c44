import Testing

@testable import GateKit

@Suite struct ExplainTests {
    private let gates = """
        {
          protocol: 1,
          reports: { coverage: "lcov.info", tests: "junit.xml" },
          gates: [
            { id: "coverage", require: 'coverage.lines{path="src/**"} >= 90%', description: "the sources" },
            { id: "branches", require: "coverage.branches >= 90%" },
            { id: "tests", require: "tests.failed == 0" },
            { id: "review", attest: "a reviewer approved" },
            { id: "docs", documents: ["docs/*.md"] },
          ],
        }
        """
    private let lcov = """
        SF:src/a.c
        DA:1,1
        DA:2,0
        DA:3,0
        DA:4,1
        DA:9,0
        BRDA:4,0,0,1
        BRDA:4,0,1,0
        end_of_record
        SF:src/b.c
        DA:1,1
        end_of_record
        SF:tools/gen.c
        DA:1,0
        end_of_record

        """
    private let junit =
        #"<testsuite name="S"><testcase classname="S" name="ok"/><testcase classname="S" name="bad"><failure message="expected 2"/></testcase></testsuite>"#

    private func explain(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let root = try temporaryProject([
            "gates/g.json5": gates, "lcov.info": lcov, "junit.xml": junit, "src/a.c": "", "src/b.c": "",
        ])
        return run(["explain"] + arguments + ["--root", root])
    }

    @Test func coverageListsTheLeastCoveredFilesWithTheirUncoveredLines() throws {
        let result = try explain(["coverage"])
        #expect(result.status == 1)
        #expect(
            result.output == """
                coverage: FAIL — the sources

                Reports read (1), combined coverage by file path (a line is covered if any report covers it):
                  lcov.info  LCOV tracefile, 3 source files, 1 naming no file under the root

                coverage.lines{path="src/**"} >= 90%: fail
                  value: 50.00% (3 of 6 lines uncovered); short by 40.00 points
                  2 files selected; least covered first:
                    src/a.c  40.00%    3 of 5 lines uncovered: lines 2–3, 9
                    src/b.c  100.00%   0 of 1 lines uncovered

                """)
        #expect(try explain(["coverage", "--limit", "1"]).output.contains("    … 1 more (--limit)\n"))
    }

    @Test func branchesListThePartiallyCoveredLines() throws {
        #expect(
            try explain(["branches"]).output.contains(
                "    src/a.c  50.00%    1 of 2 branches uncovered: lines 4 (1/2)\n"))
    }

    @Test func otherGatesShowWhatIsBehindTheNumber() throws {
        #expect(try explain(["tests"]).output.contains("  worst:\n    failure: S.bad: expected 2\n"))
        let review = try explain(["review"])
        #expect(review.output.contains("Attestation required: “a reviewer approved”\nNot attested: no session is open"))
        #expect(try explain(["docs"]).output.contains("missing: docs/*.md\n  - no file matches docs/*.md"))
    }

    @Test func unknownGatesAndBadLimitsAreUsageErrors() throws {
        #expect(try explain(["coverag"]).error.hasSuffix("(did you mean 'coverage'?)\n"))
        #expect(try explain(["coverage", "--limit", "0"]).status == 2)
        #expect(try explain([]).status == 2)
    }
}
