import Testing

@testable import GateKit

/// The store of one report file, read as a check reads it.
private func loadedStore(_ path: String) throws -> MetricStore {
    let loaded = try ReportLoader.load(path: path, category: .bench)
    return MetricStore([MetricStore.Input(report: loaded, mapping: PathMapping(root: "/"))])
}

private func benchmark(_ report: Report) throws -> BenchmarkReport {
    guard case .benchmark(let benchmark) = report else { throw InputError("not a benchmark report") }
    return benchmark
}

@Suite struct JMeterCSVReaderTests {
    private func read(_ text: String) throws(InputError) -> BenchmarkReport {
        guard case .benchmark(let report) = try JMeterCSVReader.read(inputBuffer(text)) else {
            throw InputError("not a benchmark report")
        }
        return report
    }

    /// The fixture's six samples: GET /users 100, 200, 300, 400 ms; POST /orders, bulk 50 (failed), 150 ms. The
    /// dashboard would print Total: 6 samples, 1 KO, 16.67% errors, average 200, min 50, max 400, 6.67/s.
    @Test(arguments: ["jmeter-csv/results.jtl", "jmeter-csv/no-header-semicolon.jtl"])
    func readsTheFixtureAsTheDashboardCountsIt(_ path: String) throws {
        let store = try loadedStore(fixture(path))
        #expect(approx(try store.measurement("requests.total > 0")?.value, 6))
        #expect(approx(try store.measurement("requests.failed > 0")?.value, 1))
        #expect(approx(try store.measurement("error_rate < 1%")?.value, 100.0 / 6))
        #expect(approx(try store.measurement("latency.mean < 1s")?.value, 0.2))
        #expect(approx(try store.measurement("latency.min < 1s")?.value, 0.05))
        #expect(approx(try store.measurement("latency.max < 1s")?.value, 0.4))
        #expect(approx(try store.measurement("latency.p50 < 1s")?.value, 0.175))
        #expect(approx(try store.measurement("latency.p95 < 1s")?.value, 0.375))
        #expect(approx(try store.measurement(#"latency.p95{percentile="jmeter"} < 1s"#)?.value, 0.4))
        // Total: 6 samples from the first start (…000) to the last end (…500 + 400 ms).
        #expect(approx(try store.measurement("throughput > 0/s")?.value, 6 / 0.9))
        #expect(approx(try store.measurement(#"throughput{label="GET /users"} > 0/s"#)?.value, 4 / 0.9))
        #expect(approx(try store.measurement(#"latency.p50{label="GET /users"} < 1s"#)?.value, 0.25))
    }

    @Test func labelsKeepTheirQuotedDelimitersAndComeInOrderWithTheTotalLast() throws {
        let report = try benchmark(try ReportLoader.load(path: fixture("jmeter-csv/results.jtl")).report)
        #expect(report.series.map(\.label) == ["GET /users", "POST /orders, bulk", "Total"])
        #expect(report.series.map(\.isAggregate) == [false, false, true])
        #expect(report.series[1].failures == 1)
        #expect(report.series[1].duration == 0.35)
        #expect(report.series[2].samples?.count == 6)
    }

    @Test(arguments: [(",", "comma"), ("\t", "tab"), ("|", "pipe"), (";", "semicolon")])
    func sniffsTheDelimiter(_ delimiter: String, _ name: String) throws {
        let text =
            ["timeStamp", "elapsed", "label", "success"].joined(separator: delimiter) + "\n"
            + ["1700000000000", "12", "a \(name)", "true"].joined(separator: delimiter) + "\n"
        let report = try read(text)
        #expect(report.series.first?.label == "a \(name)")
        #expect(report.series.first?.samples?.distinctValues().map(\.value) == [0.012])
    }

    @Test func withoutSuccessOrTimeStampColumnsFailuresAndDurationAreUnknown() throws {
        let report = try read("elapsed,label\n5,a\n7,a\n")
        #expect(report.series[0].failures == nil)
        #expect(report.series[0].duration == nil)
        #expect(report.series[0].requests == 2)
    }

    @Test func formattedTimeStampsLeaveTheDurationUnknown() throws {
        let report = try read("timeStamp,elapsed,label,success\n2024/01/01 10:00:00.000,5,a,true\n")
        #expect(report.series[0].duration == nil)
        #expect(report.series[0].failures == 0)
    }

    @Test(arguments: [
        (
            "timeStamp,elapsed,label,success\n1,-5,a,true\n",
            "line 2: the elapsed time of 'a' is -5 ms: a latency cannot be negative"
        ),
        (
            "timeStamp,elapsed,label,success\n1,86400001,a,true\n",
            "line 2: the elapsed time of 'a' is 86400001 ms: more than a day is not a plausible latency"
        ),
        (
            "timeStamp,elapsed,label,success\n1,NaN,a,true\n",
            "line 2: elapsed is 'NaN', not a whole number of milliseconds"
        ),
        (
            "timeStamp,elapsed,label,success\n1,1.5,a,true\n",
            "line 2: elapsed is '1.5', not a whole number of milliseconds"
        ),
        (
            "timeStamp,elapsed,label,success\n1,99999999999999999999,a,true\n",
            "line 2: elapsed is '99999999999999999999', not a whole number of milliseconds"
        ),
        ("timeStamp,elapsed,label,success\n1,5,a,yes\n", "line 2: success is 'yes', not true or false"),
        ("timeStamp,elapsed,label,success\n1,5,a\n", "line 2: the row has 3 fields where the header has 4"),
        (
            "timeStamp,elapsed,label,success\n1,5,a,true",
            "line 2: the last row has no line end: JMeter ends every row with one; is the file truncated?"
        ),
        ("timeStamp,elapsed,label,success\n", "the JMeter results file has a header but no sample rows"),
        (
            "timeStamp,latency,name\n1,2,3\n",
            "line 1: the JMeter results header has no \"elapsed\" and \"label\" columns"
        ),
        ("hello world\n", "line 1: not a JMeter CSV results file"),
    ])
    func badInputIsAnErrorNamingTheLine(_ text: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func tooManyLabelsIsAnError() {
        var text = "timeStamp,elapsed,label,success\n"
        for index in 0...JMeterSamples.maximumLabels { text += "1,1,label \(index),true\n" }
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.message == "more than 10000 distinct labels: is this a load test's results?")
    }

    /// Many rows: the percentiles per label and overall equal an independent computation over the sorted values.
    @Test func manyRowsGiveExactPercentiles() throws {
        var generator = SplitMix64(seed: 6)
        var text = "timeStamp,elapsed,label,responseCode,success\n"
        var values: [String: [Int]] = ["a": [], "b": [], "c": []]
        for row in 0..<60_000 {
            let label = ["a", "b", "c"][Int(generator.next() % 3)]
            // Mostly short, sometimes beyond the histogram's dense part (16,384 ms).
            let elapsed =
                generator.next() % 50 == 0 ? 16_000 + Int(generator.next() % 5_000) : Int(generator.next() % 900)
            values[label, default: []].append(elapsed)
            text += "\(1_700_000_000_000 + row),\(elapsed),\(label),200,true\n"
        }
        let store = MetricStore([
            MetricStore.Input(
                report: LoadedReport(
                    path: "many.jtl", format: .jmeterCSV, report: try JMeterCSVReader.read(inputBuffer(text)),
                    byteCount: 0, encoding: .utf8, category: .bench),
                mapping: PathMapping(root: "/"))
        ])
        func linear(_ values: [Int], _ rank: Double) -> Double {
            let sorted = values.sorted()
            let position = rank / 100 * Double(sorted.count - 1)
            let lower = Int(position)
            let fraction = position - Double(lower)
            let next = sorted[min(lower + 1, sorted.count - 1)]
            return (Double(sorted[lower]) + fraction * Double(next - sorted[lower])) / 1000
        }
        let all = values.values.flatMap { $0 }
        for rank in [50.0, 95, 99] {
            let metric = "latency.p\(Int(rank))"
            #expect(approx(try store.measurement("\(metric) < 1s")?.value, linear(all, rank)))
            for (label, samples) in values {
                #expect(
                    approx(try store.measurement("\(metric){label=\"\(label)\"} < 1s")?.value, linear(samples, rank)))
            }
        }
        #expect(approx(try store.measurement("latency.max < 1s")?.value, Double(all.max() ?? 0) / 1000))
    }

    @Test func corpusFilesMatchTheirExpectations() throws {
        let entries = CorpusExpectation.entries(formats: ["jmeter-jtl-csv", "jmeter-jtl-xml", "jmeter-statistics-json"])
        if corpusDirectory != nil { #expect(entries.count == 5) }
        for entry in entries {
            let store = try loadedStore(entry.absolutePath)
            for check in entry.checks {
                let metric = try #require(MetricDefinition.named(check.metric))
                guard case .measured(let measurement) = store.measure(metric) else {
                    Issue.record("\(entry): \(check.metric) has no value")
                    continue
                }
                let value = metric.unit == .duration ? measurement.value * 1000 : measurement.value
                #expect(abs(value - check.value) <= max(check.tolerance, 1e-9), "\(entry): \(check.metric)")
            }
        }
    }

    /// The disputed figures of the corpus, decided: every row is a sample (the dashboard's count), percentiles are
    /// linear by default and the dashboard's with `percentile: "jmeter"`.
    @Test func corpusDisputesAreDecided() throws {
        guard let corpusDirectory else { return }
        let folder = corpusDirectory + "/bench/jmeter-jtl-csv/"
        let hebroms = try loadedStore(folder + "hebroms-reqres-results.jtl")
        #expect(approx(try hebroms.measurement("requests.total > 0")?.value, 300))
        #expect(approx(try hebroms.measurement("latency.mean < 1s")?.value, 0.24766))
        // The dashboard's statistics.json of the same run: 625, 1133.15, 1545.98 ms.
        for (rank, stated) in [(90, 0.625), (95, 1.13315), (99, 1.54598)] {
            #expect(approx(try hebroms.measurement("latency.p\(rank){percentile=\"jmeter\"} < 1s")?.value, stated))
        }
        #expect(approx(try hebroms.measurement("latency.p90 < 1s")?.value, 0.601))
        let tailspin = try loadedStore(folder + "mslearn-tailspin-results-with-subresults.jtl")
        #expect(approx(try tailspin.measurement("requests.total > 0")?.value, 300))
        let tailspinMean = try #require(try tailspin.measurement("latency.mean < 1s")?.value)
        #expect(abs(tailspinMean - 0.0735567) < 1e-7)
        let report = try loadedStore(folder + "jmeter-HTMLReportTestFile.csv")
        #expect(approx(try report.measurement("latency.p95 < 1s")?.value, 0.339))
        #expect(approx(try report.measurement("latency.p99 < 1s")?.value, 0.35246))
        #expect(approx(try report.measurement(#"latency.p95{percentile="jmeter"} < 1s"#)?.value, 0.3392))
        let xml = try loadedStore(corpusDirectory + "/bench/jmeter-jtl-xml/jmeter-sample_log1c.jtl")
        #expect(approx(try xml.measurement("latency.p99 < 1s")?.value, 1.0021))
        #expect(approx(try xml.measurement(#"latency.p99{percentile="jmeter"} < 1s"#)?.value, 1.0119))
        #expect(approx(try xml.measurement(#"latency.p99{percentile="nearest-rank"} < 1s"#)?.value, 1.002))
    }

    @Test func badInputMatrix() throws {
        let sample = """
            timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success
            1700000000000,120,GET /café,200,OK,Thread Group 1-1,text,true
            1700000000100,80,GET /café,200,OK,Thread Group 1-1,text,true
            1700000000200,95,POST /order,500,Server Error,Thread Group 1-2,text,false

            """
        try BadInputMatrix(format: .jmeterCSV, sample: sample, truncated: "truncated").check()
    }

    @Test func recognition() throws {
        try forEachCorpusHead(under: "bench") { path, head in
            let isCSV = path.hasPrefix("bench/jmeter-jtl-csv/")
            #expect(JMeterCSVReader.recognizes(head) == isCSV, "\(path)")
            #expect(JMeterXMLReader.recognizes(head) == path.hasPrefix("bench/jmeter-jtl-xml/"), "\(path)")
            #expect(JMeterStatisticsReader.recognizes(head) == path.hasPrefix("bench/jmeter-dashboard/"), "\(path)")
            if isCSV { #expect(ReportFormat.allCases.first { $0.reader.recognizes(head) } == .jmeterCSV, "\(path)") }
        }
        for folder in ["coverage", "tests", "lint", "scan"] {
            try forEachCorpusHead(under: folder) { path, head in
                #expect(!JMeterCSVReader.recognizes(head), "\(path)")
                #expect(!JMeterXMLReader.recognizes(head), "\(path)")
                #expect(!JMeterStatisticsReader.recognizes(head), "\(path)")
            }
        }
        for path in ["jmeter-csv/results.jtl", "jmeter-csv/no-header-semicolon.jtl"] {
            #expect(try ReportLoader.load(path: fixture(path)).format == .jmeterCSV)
        }
        withByteSpan("1700000000000,5,a,200,OK,t,text,maybe\n") {
            #expect(!JMeterCSVReader.recognizes(ContentHead($0)))
        }
        withByteSpan("timeStamp;label\n") { #expect(!JMeterCSVReader.recognizes(ContentHead($0))) }
        withByteSpan("timeStampX\n") { #expect(!JMeterCSVReader.recognizes(ContentHead($0))) }
        withByteSpan("12 apples\n") { #expect(!JMeterCSVReader.recognizes(ContentHead($0))) }
    }
}

@Suite struct JMeterXMLReaderTests {
    /// GET /home 300 ms (sub-results GET /home-0 100 ms, GET /home-1 200 ms), JSR223 check 50 ms failed, GET /home
    /// 150 ms: five samples, as the CSV of the same run would have five rows.
    @Test func readsEverySampleNestedOrNot() throws {
        let store = try loadedStore(fixture("jmeter-xml/results.jtl"))
        #expect(approx(try store.measurement("requests.total > 0")?.value, 5))
        #expect(approx(try store.measurement("requests.failed > 0")?.value, 1))
        #expect(approx(try store.measurement("error_rate < 1%")?.value, 20))
        #expect(approx(try store.measurement("latency.mean < 1s")?.value, 0.16))
        #expect(approx(try store.measurement("latency.p50 < 1s")?.value, 0.15))
        #expect(approx(try store.measurement("throughput > 0/s")?.value, 5 / 0.65))
        #expect(approx(try store.measurement(#"requests.total{label="GET /home"} > 0"#)?.value, 2))
        #expect(approx(try store.measurement(#"latency.max{label="GET /home-1"} < 1s"#)?.value, 0.2))
    }

    private func read(_ text: String) throws(InputError) -> Report { try JMeterXMLReader.read(inputBuffer(text)) }

    @Test(arguments: [
        (
            "<testResults><httpSample lb=\"a\" s=\"true\"/></testResults>",
            "line 1: the <httpSample> of 'a' has no elapsed time (t)"
        ),
        (
            "<testResults><httpSample t=\"-1\" lb=\"a\"/></testResults>",
            "the elapsed time of 'a' is -1 ms: a latency cannot be negative"
        ),
        (
            "<testResults><sample t=\"NaN\" lb=\"a\"/></testResults>",
            "the elapsed time of 'a' is 'NaN', not a whole number"
        ),
        ("<testResults><sample t=\"5\" lb=\"a\" s=\"ok\"/></testResults>", "success is 'ok', not true or false"),
        ("<testResults></testResults>", "the JMeter results file holds no samples"),
        ("<results><sample t=\"5\"/></results>", "the root element is not <testResults>"),
    ])
    func badInputIsAnError(_ text: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func withoutSuccessOrStartTheFailuresAndDurationAreUnknown() throws {
        let report = try benchmark(try read("<testResults><sample t=\"5\" lb=\"a\"/></testResults>"))
        #expect(report.series[0].failures == nil)
        #expect(report.series[0].duration == nil)
    }

    @Test func badInputMatrix() throws {
        let sample = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testResults version="1.2">
            <httpSample t="120" ts="1700000000000" s="true" lb="GET /café" rc="200"/>
            <httpSample t="80" ts="1700000000100" s="false" lb="GET /café" rc="500"/>
            </testResults>

            """
        try BadInputMatrix(format: .jmeterXML, sample: sample, truncated: "end").check()
    }
}

@Suite struct JMeterStatisticsReaderTests {
    @Test func readsTheDashboardStatisticsAsStated() throws {
        let store = try loadedStore(fixture("jmeter-statistics/statistics.json"))
        #expect(approx(try store.measurement("requests.total > 0")?.value, 6))
        #expect(approx(try store.measurement("requests.failed > 0")?.value, 1))
        #expect(approx(try store.measurement("latency.p50 < 1s")?.value, 0.175))
        #expect(approx(try store.measurement("latency.p90 < 1s")?.value, 0.4))
        #expect(approx(try store.measurement("throughput > 0/s")?.value, 6.666666666666667))
        #expect(approx(try store.measurement(#"latency.mean{label="POST /orders, bulk"} < 1s"#)?.value, 0.1))
        let pooled = try #require(try store.unavailable(#"latency.p95{label~"."} < 1s"#))
        #expect(pooled.contains("stated percentiles are never combined"))
        let report = try benchmark(try ReportLoader.load(path: fixture("jmeter-statistics/statistics.json")).report)
        #expect(report.series.map(\.isAggregate) == [false, true, false])
        #expect(report.series[0].stated.percentiles == [50: 0.25, 90: 0.4, 95: 0.4, 99: 0.4])
    }

    private func read(_ text: String) throws(InputError) -> Report {
        try JMeterStatisticsReader.read(inputBuffer(text))
    }

    @Test(arguments: [
        (#"{"a": {"transaction": "a", "sampleCount": -1}}"#, "sampleCount of 'a' is -1, not a count"),
        (#"{"a": {"transaction": "a", "meanResTime": -3}}"#, "meanResTime of 'a' is -3.0 ms: not a plausible latency"),
        (#"{"a": {"transaction": "a", "maxResTime": 1e300}}"#, "not a plausible latency"),
        (#"{"a": {"transaction": "a", "maxResTime": "NaN"}}"#, "line 1"),
        (#"{"a": {"transaction": "a", "throughput": -1}}"#, "throughput of 'a' is negative"),
        (#"{"a": {"sampleCount": 1, "errorCount": 2}}"#, "'a' states 2 errors in 1 samples"),
        (#"{"a": 3}"#, "the statistics of 'a' are not an object"),
        ("{}", "the JMeter statistics.json lists no label"),
        ("[]", "not a JMeter statistics.json"),
    ])
    func badInputIsAnError(_ text: String, _ message: String) {
        let error = #expect(throws: InputError.self) { try read(text) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func badInputMatrix() throws {
        let sample = """
            {
              "Total": {"transaction": "Total", "sampleCount": 2, "errorCount": 0, "meanResTime": 10,
                "medianResTime": 10, "minResTime": 10, "maxResTime": 11, "pct1ResTime": 11,
                "pct2ResTime": 11, "pct3ResTime": 11, "throughput": 2},
              "GET /café": {"transaction": "GET /café", "sampleCount": 2, "errorCount": 0, "meanResTime": 10,
                "medianResTime": 10, "minResTime": 10, "maxResTime": 11, "pct1ResTime": 11,
                "pct2ResTime": 11, "pct3ResTime": 11, "throughput": 2}
            }

            """
        try BadInputMatrix(format: .jmeterStatistics, sample: sample, truncated: "unexpected end of input").check()
    }
}
