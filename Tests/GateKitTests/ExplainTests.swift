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
                  gate      gates/g.json5, level error
                  sources   lcov.info: LCOV tracefile (lcov), 154 B, 3 files
                              1 of 3 source paths name no file under the root: tools/gen.c
                  merged    coverage: union by path; a line is covered if any report covers it
                            1 report, 3 files

                  condition coverage.lines{path="src/**"} >= 90%: FAIL
                  filtered  path="src/**": 2 of 3 files
                  value     50.00% (>= 90%): short by 40.00 points
                            3 of 6 lines uncovered
                  worst     least covered first:
                            src/a.c  40.00%   3 of 5 lines uncovered: lines 2–3, 9
                            src/b.c  100.00%  0 of 1 lines uncovered

                """)
        #expect(try explain(["coverage", "--limit", "1"]).output.contains("            … 1 more (--limit)\n"))
    }

    @Test func branchesListThePartiallyCoveredLines() throws {
        #expect(
            try explain(["branches"]).output.contains(
                "            src/a.c  50.00%  1 of 2 branches uncovered: lines 4 (1/2)\n"))
    }

    @Test func otherGatesShowWhatIsBehindTheNumber() throws {
        #expect(
            try explain(["tests"]).output.contains(
                "  worst     failed and errored tests, in report order:\n            S.bad  failure: expected 2\n"))
        let review = try explain(["review"])
        #expect(review.output.contains("  value     not attested — no session is open"))
        #expect(try explain(["docs"]).output.contains("  worst     no file matches docs/*.md\n"))
    }

    @Test func jsonNamesTheSourcesTheMergeAndTheWorstItems() throws {
        let output = try explain(["coverage", "--format", "json"]).output
        let document = try #require(try? JSON5.parse(Array(output.utf8)))
        let source = document["sources"]?.arrayValue?.first
        let condition = document["conditions"]?.arrayValue?.first
        let worst = condition?["worst"]?.arrayValue?.first
        #expect(document["version"]?.numberValue == 1)
        #expect(document["gate"]?["id"]?.stringValue == "coverage")
        #expect(source?["records"]?["files"]?.numberValue == 3)
        #expect(document["merged"]?.arrayValue?.first?["method"]?.stringValue == "union")
        #expect(worst?["name"]?.stringValue == "src/a.c")
        #expect(worst?["value"]?.numberValue == 40)
        #expect(worst?["unit"]?.stringValue == "%")
    }

    @Test func findingsBenchmarksMetricsAndMissingReportsShareTheFrame() throws {
        let root = try temporaryProject([
            "gates/g.json5": #"""
            { protocol: 1,
              reports: { lint: "build.log", bench: "run.jtl", metrics: "app.prom", tests: "none/*.xml" },
              gates: [
                { id: "lint", require: "lint.total == 0" },
                { id: "bench", require: 'latency.max{label="GET /"} < 150ms' },
                { id: "rss", require: "metrics.rss_bytes < 100MB" },
                { id: "tests", require: "tests.failed == 0" },
              ] }
            """#,
            "build.log": "a.c:3:5: warning: unused variable 'x' [-Wunused-variable]\n",
            "run.jtl": "timeStamp,elapsed,label,success\n1,100,GET /,true\n2,300,GET /,true\n3,50,POST /,true\n",
            "app.prom": "rss_bytes{instance=\"a\"} 120000000\nrss_bytes{instance=\"b\"} 1000\n",
        ])
        let lint = run(["explain", "lint", "--root", root]).output
        #expect(
            lint.contains(
                "  sources   build.log: compiler diagnostics (diagnostics), 58 B, 1 finding; by\n              compiler\n"
            ))
        #expect(lint.contains("            warning  a.c:3:5 [-Wunused-variable] unused variable 'x' — compiler\n"))
        let bench = run(["explain", "bench", "--root", root]).output
        #expect(bench.contains("            GET /  300 ms  fail  2 samples\n"))
        let rss = run(["explain", "rss", "--root", root]).output
        #expect(rss.contains("            rss_bytes{instance=\"a\"}  120 MB  fail\n"))
        let tests = run(["explain", "tests", "--root", root])
        #expect(tests.status == 1)
        #expect(tests.output.contains("problem (tests, fails closed): no tests report matched 'none/*.xml'"))
        #expect(tests.output.contains("  worst     none\n"))
    }

    @Test func unknownGatesAndBadLimitsAreUsageErrors() throws {
        #expect(try explain(["coverag"]).error.hasSuffix("(did you mean 'coverage'?)\n"))
        #expect(try explain(["coverage", "--limit", "0"]).status == 2)
        #expect(try explain([]).status == 2)
        #expect(try explain(["coverage", "--format", "xml"]).status == 2)
    }
}
