import Testing

@testable import GateKit

/// Samples in milliseconds, as a distribution in seconds.
func distribution(_ milliseconds: [Double]) -> SampleDistribution {
    var samples = SampleDistribution()
    for value in milliseconds { samples.add(value / 1000) }
    return samples
}

/// True when `value` is within a billionth of `expected` (sums of binary fractions are not exact).
func approx(_ value: Double?, _ expected: Double) -> Bool {
    value.map { abs($0 - expected) <= 1e-9 * max(1, abs(expected)) } ?? false
}

/// A store of benchmark reports named `run0`, `run1`…
func benchStore(_ reports: [BenchmarkReport]) -> MetricStore {
    MetricStore(
        reports.enumerated().map { index, report in
            MetricStore.Input(
                report: LoadedReport(
                    path: "run\(index)", format: .jmeterCSV, report: .benchmark(report), byteCount: 0,
                    encoding: .utf8, category: .bench),
                mapping: PathMapping(root: "/repo"))
        })
}

extension MetricStore {
    /// The outcome of a condition's metric and selector, as the evaluator measures it.
    func outcome(_ condition: String) throws -> MetricOutcome {
        let parsed = try ConditionParser.parse(condition)
        return measure(parsed.metric, selector: parsed.selector)
    }

    /// The measurement of a condition's metric and selector, or nil.
    func measurement(_ condition: String) throws -> Measurement? {
        guard case .measured(let measurement) = try outcome(condition) else { return nil }
        return measurement
    }

    /// Why a condition's metric has no value, or nil.
    func unavailable(_ condition: String) throws -> String? {
        guard case .unavailable(let reason) = try outcome(condition) else { return nil }
        return reason
    }
}

@Suite struct PercentileTests {
    /// 50, 100, 150, 200, 300, 400 ms; hand-computed below for each definition.
    let six = distribution([400, 100, 300, 50, 200, 150])

    @Test(arguments: [
        // linear: h = p/100 · 5
        (PercentileDefinition.linear, 50.0, 175.0), (.linear, 90, 350), (.linear, 95, 375), (.linear, 99, 395),
        (.linear, 0, 50), (.linear, 100, 400), (.linear, 20, 100),
        // nearest rank: x[⌈p/100 · 6⌉ − 1]
        (.nearestRank, 50, 150), (.nearestRank, 90, 400), (.nearestRank, 95, 400), (.nearestRank, 10, 50),
        (.nearestRank, 0, 50), (.nearestRank, 34, 150),
        // R6: pos = p/100 · 7; 80 → 5.6: x[4] + 0.6 · (x[5] − x[4])
        (.jmeter, 50, 175), (.jmeter, 25, 87.5), (.jmeter, 90, 400), (.jmeter, 10, 50), (.jmeter, 80, 360),
    ])
    func definitionsMatchHandComputedValues(_ definition: PercentileDefinition, _ rank: Double, _ expected: Double)
        throws
    {
        let value = try #require(definition.percentile(rank, of: six))
        #expect(abs(value * 1000 - expected) < 1e-9)
    }

    @Test func repeatedValuesAndOneSample() throws {
        let repeated = distribution([10, 10, 10, 20])
        #expect(PercentileDefinition.linear.percentile(50, of: repeated) == 0.01)
        #expect(try #require(PercentileDefinition.linear.percentile(90, of: repeated)) * 1000 - 17 < 1e-9)
        let one = distribution([42])
        for definition in PercentileDefinition.allCases {
            #expect(definition.percentile(99, of: one) == 0.042)
        }
        #expect(PercentileDefinition.linear.percentile(50, of: SampleDistribution()) == nil)
    }

    @Test func histogramBucketsAndMergedDistributionsKeepExactCounts() {
        var bulk = SampleDistribution()
        bulk.add(0.2, times: 3)
        bulk.add(0.1, times: 2)
        bulk.add(0.2, times: 1)
        bulk.add(0.3, times: 0)
        #expect(bulk.count == 6)
        #expect(bulk.distinctValues().map(\.count) == [2, 4])
        var merged = distribution([100, 300])
        merged.add(bulk)
        #expect(merged.distinctValues().map(\.value) == [0.1, 0.2, 0.3])
        #expect(merged.distinctValues().map(\.count) == [3, 4, 1])
        #expect(merged.count == 8)
        #expect(abs(merged.sum - 1.4) < 1e-12)
    }
}

@Suite struct BenchmarkMetricsTests {
    let raw = BenchmarkReport(series: [
        BenchmarkSeries(
            label: "GET /", samples: distribution([100, 200, 300, 400]), requests: 4, failures: 0, duration: 0.9),
        BenchmarkSeries(label: "POST /", samples: distribution([50, 150]), requests: 2, failures: 1, duration: 0.35),
    ])

    @Test func rawSamplesOfTheSelectedLabelsPool() throws {
        let store = benchStore([raw])
        let p95 = try #require(try store.measurement("latency.p95 < 1s"))
        #expect(abs(p95.value - 0.375) < 1e-12)
        #expect(p95.basis == "p95 of 6 samples, linear interpolation")
        #expect(approx(try store.measurement(#"latency.p50{label="GET /"} < 1s"#)?.value, 0.25))
        #expect(approx(try store.measurement(#"latency.max{label!="GET /"} < 1s"#)?.value, 0.15))
        #expect(approx(try store.measurement(#"latency.min{label~"^(GET|POST)"} < 1s"#)?.value, 0.05))
        #expect(approx(try store.measurement("latency.mean < 1s")?.value, 0.2))
        #expect(approx(try store.measurement("requests.total > 0")?.value, 6))
        #expect(approx(try store.measurement("requests.failed == 0")?.value, 1))
        let rate = try #require(try store.measurement("error_rate < 1%"))
        #expect(abs(rate.value - 100.0 / 6) < 1e-12)
        #expect(rate.basis == "1 of 6 requests failed")
        // Labels of one run: their requests over the longest duration.
        #expect(approx(try store.measurement("throughput > 1/s")?.value, 6 / 0.9))
        #expect(approx(try store.measurement(#"throughput{label="POST /"} > 1/s"#)?.value, 2 / 0.35))
    }

    @Test func theChosenPercentileDefinitionIsUsedAndNamed() throws {
        let store = benchStore([raw])
        let nearest = try #require(try store.measurement(#"latency.p50{percentile="nearest-rank"} < 1s"#))
        #expect(nearest.value == 0.15)
        #expect(nearest.basis == "p50 of 6 samples, nearest rank")
        let jmeter = try #require(try store.measurement(#"latency.p90{percentile="jmeter"} < 1s"#))
        #expect(jmeter.value == 0.4)
        #expect(jmeter.basis == "p90 of 6 samples, JMeter dashboard estimator (R6)")
    }

    @Test func anAggregateSeriesStandsForItsReportWithoutALabelSelector() throws {
        let report = BenchmarkReport(series: [
            BenchmarkSeries(label: "a", stated: StatedStatistics(percentiles: [95: 0.1]), requests: 10, failures: 1),
            BenchmarkSeries(label: "b", stated: StatedStatistics(percentiles: [95: 0.3]), requests: 30, failures: 0),
            BenchmarkSeries(
                label: "Aggregated", isAggregate: true,
                stated: StatedStatistics(percentiles: [95: 0.29], median: 0.02, throughput: 12.5), requests: 40,
                failures: 1),
        ])
        let store = benchStore([report])
        let p95 = try #require(try store.measurement("latency.p95 < 1s"))
        #expect(p95.value == 0.29)
        #expect(p95.basis == "p95 as stated by run0 for Aggregated, 40 samples")
        #expect(approx(try store.measurement("latency.p50 < 1s")?.value, 0.02))
        #expect(approx(try store.measurement("throughput > 1/s")?.value, 12.5))
        #expect(approx(try store.measurement("requests.total > 1")?.value, 40))
        #expect(approx(try store.measurement(#"latency.p95{label="b"} < 1s"#)?.value, 0.3))
        // The aggregate row is never a label of its own.
        let reason = try #require(try store.unavailable(#"latency.p95{label="Aggregated"} < 1s"#))
        #expect(reason == #"no benchmark label matches label="Aggregated" (labels: a, b)"#)
        // Two labels that only state percentiles cannot be combined.
        let pooled = try #require(try store.unavailable(#"latency.p95{label~"a|b"} < 1s"#))
        #expect(pooled.hasPrefix("2 series state a p95 (run0 (a), run0 (b)): stated percentiles are never combined"))
        #expect(pooled.contains(#"select one label with {label="…"}"#))
        #expect(pooled.contains("supply raw samples"))
        #expect(
            try store.unavailable(#"latency.p50{label="a"} < 1s"#)
                == "run0 (a) has neither raw samples nor a stated p50")
    }

    @Test func twoReportsStatingOneLabelAreAnErrorNeverAnAverage() throws {
        func stated(_ p95: Double) -> BenchmarkReport {
            BenchmarkReport(series: [
                BenchmarkSeries(
                    label: "GET /", stated: StatedStatistics(percentiles: [95: p95], minimum: p95 / 10, mean: p95 / 2),
                    requests: 100, failures: 2)
            ])
        }
        let store = benchStore([stated(0.2), stated(0.4)])
        let reason = try #require(try store.unavailable("latency.p95 < 1s"))
        #expect(reason.hasPrefix("2 series state a p95 (run0 (GET /), run1 (GET /))"))
        // Extremes and request-weighted means combine exactly; counts add up.
        #expect(approx(try store.measurement("latency.min < 1s")?.value, 0.02))
        #expect(approx(try store.measurement("latency.mean < 1s")?.value, 0.15))
        #expect(approx(try store.measurement("requests.failed < 10")?.value, 4))
        // One run each, with an aggregate: the median of two runs is the mean of both.
        let median = try #require(try store.measurement(#"latency.p95{aggregate="median"} < 1s"#))
        #expect(abs(median.value - 0.3) < 1e-12)
        #expect(median.basis == "median of 2 runs")
        #expect(median.offenders.count == 2)
    }

    @Test func aggregateTakesTheMedianBestOrWorstRun() throws {
        let runs = [300.0, 100, 200].map { p95 in
            BenchmarkReport(series: [
                BenchmarkSeries(
                    label: "GET /", samples: distribution([p95, p95]), requests: 2, failures: 0, duration: p95 / 100)
            ])
        }
        let store = benchStore(runs)
        #expect(approx(try store.measurement(#"latency.p95{aggregate="median"} < 1s"#)?.value, 0.2))
        #expect(approx(try store.measurement(#"latency.p95{aggregate="best"} < 1s"#)?.value, 0.1))
        #expect(approx(try store.measurement(#"latency.p95{aggregate="worst"} < 1s"#)?.value, 0.3))
        // Higher is better for throughput: best is the fastest run (2 requests in 1 s).
        #expect(approx(try store.measurement(#"throughput{aggregate="best"} > 0/s"#)?.value, 2))
        #expect(approx(try store.measurement(#"throughput{aggregate="worst"} > 0/s"#)?.value, 2.0 / 3))
        // Without aggregate the runs pool: raw samples of one label add up.
        #expect(approx(try store.measurement("latency.p50 < 1s")?.value, 0.2))
        #expect(approx(try store.measurement("requests.total > 0")?.value, 6))
        // Throughput of several reports: their rates add up (load generators run side by side).
        let expected = 2.0 / 3 + 3
        #expect(approx(try store.measurement("throughput > 0/s")?.value, expected))
        // A run that cannot give a value makes the aggregate fail, naming the run.
        let partial = benchStore(runs + [BenchmarkReport(series: [BenchmarkSeries(label: "GET /")])])
        #expect(
            try partial.unavailable(#"latency.p95{aggregate="median"} < 1s"#)
                == "run3: run3 (GET /) has neither raw samples nor a stated p95")
    }

    @Test func minSamplesFailsWithTheCounts() throws {
        let store = benchStore([raw])
        let few = try #require(try store.measurement(#"latency.p95{min_samples="100"} < 1s"#))
        #expect(few.vacuous == "not enough samples: 6 < 100")
        #expect(try store.measurement(#"latency.p95{min_samples="6"} < 1s"#)?.vacuous == nil)
        let condition = try ConditionParser.parse(#"latency.p95{min_samples="37"} < 1s"#)
        let result = Evaluator.evaluate(condition, store: store, problems: [])
        #expect(!result.passed)
        #expect(result.reason == "not enough samples: 6 < 37")
        let unknown = benchStore([
            BenchmarkReport(series: [BenchmarkSeries(label: "x", stated: StatedStatistics(percentiles: [95: 0.1]))])
        ])
        #expect(
            try unknown.measurement(#"latency.p95{min_samples="1"} < 1s"#)?.vacuous
                == "the sample count is unknown: min_samples cannot be checked")
        let runs = benchStore([
            raw, BenchmarkReport(series: [BenchmarkSeries(label: "GET /", samples: distribution([1]))]),
        ])
        #expect(
            try runs.measurement(#"latency.p95{aggregate="worst", min_samples="2"} < 1s"#)?.vacuous
                == "not enough samples: 1 < 2 in run1")
    }

    @Test func statedValuesWinUnlessADefinitionIsChosenForRawSamples() throws {
        let both = BenchmarkReport(series: [
            BenchmarkSeries(
                label: "cmd", samples: distribution([1, 2, 3, 10]),
                stated: StatedStatistics(percentiles: [95: 0.5], mean: 0.004), requests: 4)
        ])
        let store = benchStore([both])
        #expect(approx(try store.measurement("latency.p95 < 1s")?.value, 0.5))
        #expect(approx(try store.measurement("latency.mean < 1s")?.value, 0.004))
        let chosen = try #require(try store.measurement(#"latency.p95{percentile="linear"} < 1s"#))
        #expect(abs(chosen.value - 0.00895) < 1e-12)
    }

    @Test func missingCountsAndDurationsAreReasonsNotValues() throws {
        let bare = benchStore([BenchmarkReport(series: [BenchmarkSeries(label: "x", samples: distribution([5]))])])
        #expect(try bare.unavailable("requests.failed == 0") == "run0 (x) does not say how many requests failed")
        #expect(
            try bare.unavailable("throughput > 1/s") == "run0 (x) states no throughput, nor requests and a duration")
        #expect(approx(try bare.measurement("requests.total > 0")?.value, 1))
        let empty = benchStore([BenchmarkReport(series: [BenchmarkSeries(label: "x", requests: 0, failures: 0)])])
        #expect(try empty.unavailable("error_rate < 1%") == "no requests were made: 0 of 0 is not an error rate")
        #expect(try empty.unavailable("requests.total > 0") == nil)
        let unnamed = benchStore([BenchmarkReport(series: [BenchmarkSeries(label: "x")])])
        #expect(try unnamed.unavailable("requests.total > 0") == "run0 (x) does not say how many requests were made")
        #expect(try unnamed.unavailable("latency.min < 1s") == "run0 (x) states no minimum latency")
        let instant = benchStore([
            BenchmarkReport(series: [BenchmarkSeries(label: "x", samples: distribution([0]), duration: 0)])
        ])
        #expect(try instant.unavailable("throughput > 1/s") == "run0 lasted 0 s: a throughput needs a duration")
        let noSamples = benchStore([
            BenchmarkReport(series: [BenchmarkSeries(label: "x", samples: SampleDistribution())])
        ])
        #expect(try noSamples.unavailable("latency.p50 < 1s") == "the selected labels have no samples")
        #expect(try benchStore([]).unavailable("latency.p50 < 1s") == "no benchmark report was read")
        let unweighted = benchStore([
            BenchmarkReport(series: [
                BenchmarkSeries(label: "a", stated: StatedStatistics(mean: 0.1)),
                BenchmarkSeries(label: "b", stated: StatedStatistics(mean: 0.2)),
            ])
        ])
        #expect(try unweighted.unavailable("latency.mean < 1s")?.hasPrefix("run0 (a) states no mean latency") == true)
    }

    @Test func metricsListsBenchmarkValuesOverallAndPerLabel() throws {
        let values = benchStore([raw]).allValues()
        let p50 = values.filter { $0.name == "latency.p50" }
        #expect(p50.map(\.labels) == [[:], ["label": "GET /"], ["label": "POST /"]])
        #expect(zip(p50.map(\.value), [0.175, 0.25, 0.1]).allSatisfy { approx($0, $1) })
        #expect(p50.allSatisfy { $0.unit == .duration })
        #expect(values.first { $0.name == "throughput" }?.unit == .rate)
        #expect(values.count == 33)
    }
}

@Suite struct BenchmarkConditionTests {
    @Test func benchmarkUnitsParse() throws {
        #expect(try ConditionParser.parse("latency.p95 < 200ms").threshold == 0.2)
        #expect(try ConditionParser.parse("throughput >= 100/s").threshold == 100)
        #expect(try ConditionParser.parse("error_rate < 1%").threshold == 1)
        #expect(try ConditionParser.parse("requests.failed == 0").threshold == 0)
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("latency.p95 < 200") }
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("throughput > 100ms") }
    }

    @Test func optionsAreCheckedWithSuggestions() throws {
        let condition = try ConditionParser.parse(
            #"latency.p95{label="GET /", percentile="jmeter", min_samples="100", aggregate="worst"} < 200ms"#)
        let (options, labels) = BenchmarkOptions.split(condition.selector)
        #expect(options == BenchmarkOptions(percentile: .jmeter, minimumSamples: 100, aggregate: .worst))
        #expect(labels.map(\.text) == [#"label="GET /""#])
        #expect(condition.labels["percentile"] == "jmeter")
        for (text, message) in [
            (
                #"latency.p95{percentile="nearest"} < 1s"#,
                #"percentile is one of "linear", "nearest-rank", "jmeter", not 'nearest'"#
            ),
            (
                #"latency.p95{aggregate="medain"} < 1s"#,
                #"aggregate is one of "median", "best", "worst", not 'medain' (did you mean 'median'?)"#
            ),
            (#"latency.p95{min_samples="-1"} < 1s"#, "min_samples takes a whole number of samples, e.g. 100, not '-1'"),
            (#"latency.p95{min_samples!="1"} < 1s"#, #"min_samples is an option: write min_samples="…""#),
            (
                #"latency.p95{lable="x"} < 1s"#,
                "latency.p95 has no selector 'lable'; it accepts label, percentile, min_samples, aggregate "
                    + "(did you mean 'label'?)"
            ),
        ] {
            let error = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(text) }
            #expect(error?.message == message)
        }
    }

    @Test func sourceOptionsAreTheDefaultsOfBenchConditions() throws {
        let file = try GateFileParser.parse(
            Array(
                """
                { protocol: 1,
                  reports: { bench: { paths: "results.jtl", percentile: "jmeter", min_samples: 50 } },
                  gates: [{ id: "perf", require: ["latency.p95 < 200ms", 'latency.p99{percentile="linear"} < 1s'] }] }
                """.utf8), file: "gates/g.json5")
        let set = try GateLoader.merge([file])
        let conditions = set.gates[0].conditions
        #expect(
            BenchmarkOptions.split(conditions[0].selector).options
                == BenchmarkOptions(percentile: .jmeter, minimumSamples: 50))
        #expect(
            BenchmarkOptions.split(conditions[1].selector).options
                == BenchmarkOptions(percentile: .linear, minimumSamples: 50))
    }

    @Test func sourceOptionsAreValidated() throws {
        for (source, message) in [
            (
                #"bench: { paths: "r.jtl", aggregate: "mean" }"#,
                #"aggregate is one of "median", "best", "worst", not 'mean'"#
            ),
            (#"bench: { paths: "r.jtl", min_samples: 1.5 }"#, "expected a string or a whole number, found a number"),
            (#"tests: { paths: "r.xml", percentile: "linear" }"#, "percentile applies to bench reports"),
            (#"bench: { paths: "r.jtl", percentil: "linear" }"#, "unknown key 'percentil'"),
        ] {
            let text = "{ protocol: 1, reports: { \(source) }, gates: [{ id: \"g\", require: \"tests.failed == 0\" }] }"
            let error = #expect(throws: GateFileErrors.self) {
                try GateFileParser.parse(Array(text.utf8), file: "gates/g.json5")
            }
            #expect(error?.errors.contains { $0.message.hasPrefix(message) } == true, "\(error?.errors ?? [])")
        }
    }

    @Test func twoBenchSourcesDisagreeingOnAnOptionIsAnError() throws {
        func file(_ name: String, _ percentile: String) throws -> GateFile {
            try GateFileParser.parse(
                Array(
                    """
                    { protocol: 1, reports: { bench: { paths: "\(name).jtl", percentile: "\(percentile)" } },
                      gates: [{ id: "\(name)", require: "latency.p95 < 1s" }] }
                    """.utf8), file: "gates/\(name).json5")
        }
        let error = #expect(throws: GateFileErrors.self) {
            try GateLoader.merge([try file("a", "linear"), try file("b", "jmeter")])
        }
        #expect(
            error?.errors.first?.message.hasPrefix(#"percentile is "jmeter" here but "linear" in gates/a.json5"#)
                == true)
        #expect(try GateLoader.merge([try file("a", "linear"), try file("b", "linear")]).gates.count == 2)
    }
}

@Suite struct MetricsMetricTests {
    let report = MetricsReport(samples: [
        MetricSample(name: "process_resident_memory_bytes", labels: ["instance": "a"], value: 400e6),
        MetricSample(name: "process_resident_memory_bytes", labels: ["instance": "b"], value: 600e6),
        MetricSample(name: "http_request_duration_seconds", value: 0.25),
        MetricSample(name: "queue_depth", labels: ["queue": "jobs"], value: 12),
    ])

    var store: MetricStore {
        MetricStore([
            MetricStore.Input(
                report: LoadedReport(
                    path: "metrics.prom", format: .openMetrics, report: .metrics(report), byteCount: 0,
                    encoding: .utf8, category: .metrics),
                mapping: PathMapping(root: "/repo"))
        ])
    }

    @Test func anyNameAfterMetricsIsAMetricWithAUnitFromItsSuffix() throws {
        let memory = try ConditionParser.parse("metrics.process_resident_memory_bytes < 512MB")
        #expect(memory.metric.unit == .bytes)
        #expect(memory.threshold == 512e6)
        #expect(try ConditionParser.parse("metrics.http_request_duration_seconds < 200ms").threshold == 0.2)
        #expect(try ConditionParser.parse("metrics.queue_depth{queue=\"jobs\"} < 100").threshold == 100)
        #expect(try ConditionParser.parse("metrics.heap < 1GiB").threshold == 1024 * 1024 * 1024)
        #expect(try ConditionParser.parse("metrics.process_resident_memory_bytes < 1000").threshold == 1000)
        #expect(try ConditionParser.parse("metrics.job:rate5m > 2").metric.name == "metrics.job:rate5m")
        let percent = #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("metrics.cpu < 80%") }
        #expect(percent?.message.contains("is a count but '%'") == true)
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse("metrics.x_bytes < 1s") }
        #expect(MetricDefinition.named("metrics.") == nil)
        #expect(MetricDefinition.named("metrics.9lives") == nil)
    }

    @Test func oneSampleIsTheValueSeveralAreItemsThatMustEachHold() throws {
        #expect(approx(try store.measurement(#"metrics.queue_depth{queue="jobs"} < 100"#)?.value, 12))
        #expect(
            try store.measurement("metrics.http_request_duration_seconds < 1s")?.basis
                == "http_request_duration_seconds in metrics.prom")
        let memory = try #require(try store.measurement("metrics.process_resident_memory_bytes < 512MB"))
        #expect(
            memory.items?.map(\.name) == [
                #"process_resident_memory_bytes{instance="a"}"#, #"process_resident_memory_bytes{instance="b"}"#,
            ])
        let result = Evaluator.evaluate(
            try ConditionParser.parse("metrics.process_resident_memory_bytes < 512MB"), store: store, problems: [])
        #expect(!result.passed)
        #expect(result.measurement?.value == 600e6)
        #expect(
            approx(try store.measurement(#"metrics.process_resident_memory_bytes{instance="a"} < 512MB"#)?.value, 400e6)
        )
        #expect(
            try store.unavailable("metrics.process_resident_memory < 1GB")
                == "the metrics reports have no sample of process_resident_memory (did you mean 'process_resident_memory_bytes'?)"
        )
        #expect(
            try store.unavailable(#"metrics.queue_depth{queue="mail"} < 1"#)
                == #"the metrics reports have no sample of queue_depth with queue="mail""#)
        #expect(try benchStore([]).unavailable("metrics.x < 1") == "no metrics report was read")
    }

    @Test func metricsListsEverySampleWithItsLabels() {
        let values = store.allValues()
        #expect(values.map(\.name) == report.samples.map { "metrics." + $0.name })
        #expect(values.map(\.labels) == report.samples.map(\.labels))
        #expect(values.map(\.unit) == [.bytes, .bytes, .duration, .count])
    }
}
