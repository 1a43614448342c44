import Testing

@testable import GateKit

/// The merge and filter descriptions and the worst items that `explain` shows, as the metric store computes them.
@Suite struct ExplainEvidenceTests {
    private func input(
        _ path: String, _ category: ReportCategory, _ report: Report, format: ReportFormat,
        mapping: PathMapping = PathMapping(root: "/repo")
    ) -> MetricStore.Input {
        MetricStore.Input(
            report: LoadedReport(
                path: path, format: format, report: report, byteCount: 0, encoding: .utf8, category: category),
            mapping: mapping)
    }

    private func result(_ text: String, _ store: MetricStore) throws -> ConditionResult {
        Evaluator.evaluate(try ConditionParser.parse(text), store: store, problems: [])
    }

    private func file(_ path: String, _ lines: [Int: Int]) -> FileCoverage {
        FileCoverage(
            path: path,
            lines: CoverageCount(covered: lines.values.count { $0 > 0 }, total: lines.count))
    }

    @Test func coverageIsAUnionByPathWithTheFilesOfSeveralReportsAndThoseLeftOutCounted() throws {
        let excluding = PathMapping(root: "/repo", exclude: [try Glob("gen/**")])
        let store = MetricStore([
            input(
                "a.info", .coverage, .coverage(CoverageReport(files: [file("src/a.c", [1: 1, 2: 0])])), format: .lcov),
            input(
                "b.info", .coverage,
                .coverage(
                    CoverageReport(files: [file("src/a.c", [1: 1]), file("src/b.c", [1: 0]), file("gen/x.c", [1: 0])])),
                format: .lcov, mapping: excluding),
        ])
        let merge = store.merge(of: .coverage)
        #expect(merge.method == "union")
        #expect(
            merge.counts.map(\.text) == ["2 reports", "2 files", "1 file in several reports", "1 left out"])
        let source = ReportSource(
            category: .coverage, patterns: [try Glob("*.info")], strip: ["/ci/"], map: [("/build/", "src/")],
            exclude: [try Glob("gen/**")], declaredIn: "gates/g.json5")
        let perFile = try result(#"coverage.lines{path="src/**", per="file", min_lines="1"} >= 50%"#, store)
        let evidence = store.evidence(for: perFile, sources: [source], limit: 1)
        #expect(
            evidence.filters == [
                #"source in gates/g.json5: strip "/ci/", map "/build/" → "src/", exclude "gen/**""#,
                "1 file left out by include/exclude", #"path="src/**": 2 of 2 files"#,
                #"per="file": the condition must hold for each file, files with fewer than 1 lines left out (min_lines)"#,
            ])
        #expect(evidence.worst.map(\.name) == ["src/b.c"])
        #expect(evidence.worst.first?.breaks == true)
        #expect(evidence.more == 1)
    }

    @Test func testsAddUpAndASuiteSelectorSaysHowManySuitesItKept() throws {
        let suites = [
            TestSuiteResult(
                name: "UI", counts: TestCounts(passed: 1, failed: 25),
                problems: [TestProblem(kind: .failure, name: "UI.a", message: "")]),
            TestSuiteResult(name: "Unit", counts: TestCounts(passed: 3)),
        ]
        let store = MetricStore([input("t.xml", .tests, .tests(TestReport(suites: suites)), format: .junit)])
        #expect(store.merge(of: .tests).counts.map(\.text) == ["1 report", "2 suites", "29 tests"])
        let evidence = store.evidence(for: try result(#"tests.failed{suite="UI"} == 0"#, store), sources: [], limit: 5)
        #expect(
            evidence.filters == [
                #"suite="UI": 1 of 2 suites"#, "24 more failed tests not kept by the reader (at most 20 per suite)",
            ])
        #expect(evidence.worst == [WorstItem(name: "UI.a", detail: "failure")])
    }

    @Test func findingsAreDeduplicatedWaivedAndListedMostSevereFirst() throws {
        let unused = Finding(tool: "clang", rule: "unused", level: .warning, path: "a.c", line: 3, message: "x")
        let broken = Finding(tool: "gcc", rule: "return", level: .error, path: "b.c", line: 4, message: "y\nmore")
        let hidden = Finding(tool: "gcc", rule: "old", level: .note, message: "z", state: .suppressed)
        var gccUnused = unused
        gccUnused.tool = "gcc"
        let waivers = [
            Waiver(rule: "return", reason: "known", expires: CalendarDate(day: 0), origin: "w.json5:1"),
            Waiver(rule: "nothing", reason: "gone", expires: CalendarDate(day: 100), origin: "w.json5:2"),
        ]
        let store = MetricStore(
            [
                input("clang.log", .lint, .findings(FindingsReport(findings: [unused])), format: .diagnostics),
                input(
                    "gcc.log", .lint, .findings(FindingsReport(findings: [gccUnused, broken, hidden])),
                    format: .diagnostics),
            ], waivers: [.lint: waivers], today: CalendarDate(day: 10))
        let merge = store.merge(of: .lint)
        #expect(
            merge.counts.map(\.text) == [
                "2 reports", "4 findings", "1 not counted", "1 duplicate dropped", "2 open",
            ])
        #expect(merge.waivers.map(\.state) == [.expired, .stale])
        let evidence = store.evidence(for: try result(#"lint.total{tool="gcc"} == 0"#, store), sources: [], limit: 5)
        #expect(evidence.filters == [#"tool="gcc": 2 of 2 findings"#])
        #expect(evidence.worst.map(\.name) == ["error", "warning"])
        #expect(evidence.worst.first?.detail == "b.c:4 [return] y — gcc")
        #expect(evidence.worst.last?.detail == "a.c:3 [unused] x — clang, gcc")
    }

    @Test func scanFindingsAreFilteredBySeverityOrWaiverAndSortedByCVSS() throws {
        func vulnerability(_ id: String, _ severity: Severity, _ score: Double?) -> Finding {
            Finding(
                tool: "trivy", rule: id, level: .error, severity: severity, cvssScore: score,
                package: PackageReference(name: "lib\(id)", installed: "1.0"), message: "")
        }
        let findings = [
            vulnerability("A", .high, 7.1), vulnerability("B", .high, 8.8), vulnerability("C", .critical, nil),
        ]
        let waiver = Waiver(id: "C", reason: "unreachable", expires: CalendarDate(day: 99), origin: "w:1")
        let store = MetricStore(
            [input("trivy.json", .scan, .findings(FindingsReport(findings: findings)), format: .trivyJSON)],
            waivers: [.scan: [waiver]], today: CalendarDate(day: 1))
        let high = store.evidence(for: try result("vulns.high == 0", store), sources: [], limit: 5)
        #expect(high.filters == ["severity high: 2 of 2 open findings", "no selector: all of 2 findings"])
        #expect(
            high.worst.map(\.detail) == [
                "B (high, CVSS 8.8) in libB 1.0 — trivy", "A (high, CVSS 7.1) in libA 1.0 — trivy",
            ])
        let waived = store.evidence(for: try result("vulns.waived == 0", store), sources: [], limit: 5)
        #expect(waived.filters.first == "waived findings only: 1 of 3")
        let all = store.evidence(for: try result("vulns.total == 0", store), sources: [], limit: 1)
        #expect(all.filters == ["no selector: all of 2 findings"])
        #expect(all.more == 1)
    }

    @Test func benchmarkLabelsAreMeasuredOnTheirOwnAndListedWorstFirst() throws {
        func series(_ label: String, _ samples: [Double], failures: Int? = nil) -> BenchmarkSeries {
            var distribution = SampleDistribution()
            for sample in samples { distribution.add(sample) }
            return BenchmarkSeries(label: label, samples: distribution, failures: failures)
        }
        let store = MetricStore([
            input(
                "run.jtl", .bench,
                .benchmark(
                    BenchmarkReport(series: [
                        series("GET /a", [0.1, 0.2], failures: 0), series("GET /b", [0.3, 0.4, 0.5]),
                        series("POST /c", [0.9], failures: 1),
                    ])), format: .jmeterCSV),
            input(
                "again.jtl", .bench, .benchmark(BenchmarkReport(series: [series("GET /a", [0.15])])), format: .jmeterCSV
            ),
        ])
        #expect(store.merge(of: .bench).counts.map(\.text) == ["2 reports", "4 series", "7 samples"])
        let p95 = try result(#"latency.p95{label~"^GET ", percentile="nearest-rank", min_samples="3"} < 400ms"#, store)
        let evidence = store.evidence(for: p95, sources: [], limit: 5)
        #expect(
            evidence.filters == [
                #"label~"^GET ": 2 of 3 labels"#, #"percentile="nearest-rank": nearest rank over raw samples"#,
                #"min_samples="3": a value on fewer samples fails the condition"#,
            ])
        #expect(evidence.worst.map(\.name) == ["GET /b", "GET /a"])
        #expect(evidence.worst.map(\.breaks) == [true, false])
        #expect(evidence.worst.last?.detail == "3 samples in 2 reports")
        let rate = store.evidence(for: try result(#"error_rate{aggregate="worst"} < 1%"#, store), sources: [], limit: 5)
        #expect(rate.filters.first?.hasPrefix("no label selector: each report's overall row") == true)
        #expect(rate.filters.last == #"aggregate="worst": each report one run, the worst run"#)
        #expect(rate.worst.map(\.name) == ["POST /c", "GET /a", "GET /b"])
        #expect(rate.worst.last?.value == nil)
    }

    @Test func metricSeriesAreListedWithTheirLabelsWorstFirst() throws {
        let samples = [
            MetricSample(name: "rss_bytes", labels: ["instance": "a"], value: 90e6),
            MetricSample(name: "rss_bytes", labels: ["instance": "b"], value: 120e6),
        ]
        let store = MetricStore([
            input("one.prom", .metrics, .metrics(MetricsReport(samples: samples)), format: .openMetrics),
            input(
                "two.prom", .metrics, .metrics(MetricsReport(samples: [MetricSample(name: "rss_bytes", value: 1)])),
                format: .openMetrics),
        ])
        #expect(store.merge(of: .metrics).counts.map(\.text) == ["2 reports", "3 samples"])
        let evidence = store.evidence(
            for: try result(#"metrics.rss_bytes{instance!="c"} < 100MB"#, store), sources: [], limit: 5)
        #expect(evidence.filters == [#"rss_bytes: instance!="c": 3 of 3 series"#])
        #expect(evidence.worst.map(\.name) == [#"rss_bytes{instance="b"}"#, #"rss_bytes{instance="a"}"#, "rss_bytes"])
        #expect(evidence.worst.first?.detail == "one.prom")
    }

    @Test func reportsAreCountedInTheirOwnRecords() {
        var distribution = SampleDistribution()
        distribution.add(0.1, times: 3)
        let hidden = Finding(tool: "t", level: .note, message: "", state: .informational)
        #expect(
            Report.benchmark(BenchmarkReport(series: [BenchmarkSeries(label: "x", samples: distribution)])).recordCounts
                .map(\.text) == ["1 series", "3 samples"])
        #expect(
            Report.findings(FindingsReport(findings: [hidden, hidden])).recordCounts.map(\.text) == [
                "2 findings", "2 not counted",
            ])
        #expect(Report.findings(FindingsReport(findings: [hidden])).tools == ["t"])
        #expect(Report.metrics(MetricsReport(samples: [])).recordCounts.map(\.text) == ["0 samples"])
        #expect(Report.metrics(MetricsReport(samples: [])).tools.isEmpty)
    }

    @Test func wrappingKeepsLongWordsWholeAndUnitsWithTheirNumbers() {
        let long = String(repeating: "x", count: 90)
        #expect(ExplainRenderer.wrap(long, first: "  ", rest: "    ") == ["  " + long])
        let text = String(repeating: "word ", count: 12) + "216 B, more"
        let lines = ExplainRenderer.wrap(text, first: String(repeating: " ", count: 12), rest: "  ")
        #expect(lines.contains { $0.contains("216 B,") })
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}
