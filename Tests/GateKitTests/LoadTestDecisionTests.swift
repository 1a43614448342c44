import Testing

@testable import GateKit

/// Each load-test reader on a fixture of the tool's documented output, and the rules chosen where the tools'
/// figures are ambiguous.
@Suite struct LoadTestDecisionTests {
    private func series(_ path: String, _ format: ReportFormat) throws -> [BenchmarkSeries] {
        let loaded = try ReportLoader.load(path: fixture(path), category: .bench)
        #expect(loaded.format == format)
        guard case .benchmark(let report) = loaded.report else { throw InputError("not a benchmark report") }
        return report.series
    }

    private func parse(_ text: String, _ format: ReportFormat) throws -> [BenchmarkSeries] {
        guard case .benchmark(let report) = try format.reader.read(inputBuffer(text)) else {
            throw InputError("not a benchmark report")
        }
        return report.series
    }

    @Test func k6ExportReadsValuesNotThresholdsAndPassesAreFailures() throws {
        // k6's summary of this run: http_req_duration avg=120.5ms min=20.25ms med=100ms max=900ms p(90)=250ms
        // p(95)=410.5ms; http_req_failed 2.00% 2 out of 100; http_reqs 100 9.5/s. Thresholds crossed (true) do
        // not change any figure, and the tagged sub-metric is not the run's.
        let all = try series("k6-summary-export/thresholds.json", .k6SummaryExport)
        #expect(all.count == 1)
        let run = try #require(all.first)
        #expect(run.isAggregate && run.label == "http_req_duration")
        #expect(run.requests == 100 && run.failures == 2)
        #expect(run.stated.throughput == 9.5)
        #expect(run.stated.mean == 0.1205 && run.stated.minimum == 0.02025 && run.stated.maximum == 0.9)
        #expect(run.stated.percentiles == [50: 0.1, 90: 0.25, 95: 0.4105])
        #expect(run.stated.median == 0.1)
    }

    @Test func k6SummaryOfAGRPCTestUsesTheRequestLatency() throws {
        let text = #"""
            {"metrics":{"iteration_duration":{"type":"trend","values":{"med":2.2921}},
            "grpc_req_duration":{"type":"trend","contains":"time","values":{"med":0.758751,"p(95)":2.5228}}},
            "state":{"testRunDurationMs":3393.269634}}
            """#
        let run = try #require(try parse(text, .k6Summary).first)
        #expect(run.label == "grpc_req_duration")
        #expect(run.stated.percentiles[50] == 0.000758751)
        #expect(run.duration == 3.393269634)
        #expect(run.requests == nil)
        let error = #expect(throws: InputError.self) {
            try parse(#"{"metrics":{"iterations":{"type":"counter","values":{"count":1}}}}"#, .k6Summary)
        }
        #expect(error?.message.contains("no request latency") == true)
    }

    @Test func k6PointsAreRawSamplesPerNameElseURL() throws {
        let all = try series("k6-json/two-endpoints.ndjson", .k6JSON)
        #expect(all.map(\.label) == ["list", "http://shop/cart"])
        #expect(all[0].samples?.distinctValues().map(\.value) == [0.01, 0.03])
        #expect(all[0].requests == 2 && all[0].failures == 0)
        #expect(all[1].samples?.count == 1 && all[1].requests == 1 && all[1].failures == 1)
        #expect(all.allSatisfy { !$0.isAggregate })
    }

    @Test func locustRowsAreLabelledByTypeAndNameAndP50IsThePercentileColumn() throws {
        let all = try series("locust-stats/shop_stats.csv", .locustStats)
        #expect(all.map(\.label) == ["GET /items", "POST /items", "POST /cart", "Aggregated"])
        let aggregate = all[3]
        #expect(aggregate.isAggregate && aggregate.requests == 14 && aggregate.failures == 1)
        // Locust's table: Median 48.9 (unrounded), 50% column 49 (rounded): p50 is the column.
        #expect(aggregate.stated.percentiles[50] == 0.049)
        #expect(aggregate.stated.median == 0.0489)
        #expect(aggregate.stated.percentiles[99.9] == 0.29)
        #expect(aggregate.stated.throughput == 3.5)
        // No request yet: Locust's zeros and N/A are no figures.
        #expect(all[2].requests == 0 && all[2].stated == StatedStatistics())
    }

    @Test func locustHistoryKeepsTheLastCumulativeRowPerLabel() throws {
        let text = """
            Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,Total Request Count,Total Failure Count,\
            Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,\
            Total Average Content Size
            1,5,,Aggregated,1.0,0.0,10,20,5,0,10,11.5,2,30,8
            2,5,GET,/a,2.0,0.0,12,25,9,1,11,12.5,2,40,8
            2,5,,Aggregated,2.0,0.0,12,25,9,1,11,12.5,2,40,8

            """
        let all = try parse(text, .locustHistory)
        #expect(all.map(\.label) == ["Aggregated", "GET /a"])
        #expect(all[0].requests == 9 && all[0].failures == 1 && all[0].stated.mean == 0.0125)
        // The window's percentiles are not the run's.
        #expect(all[0].stated.percentiles.isEmpty)
    }

    @Test func gatlingLogsOfBothLayoutsGiveSamplesPerGroupPath() throws {
        let all = try series("gatling-log/gatling-3.3-groups.log", .gatlingLog)
        #expect(all.map(\.label) == ["list items", "checkout / pay / charge card"])
        #expect(all[0].samples?.distinctValues().map(\.value) == [0.025, 0.035])
        #expect(all[0].requests == 2 && all[0].failures == 0)
        #expect(all[1].requests == 1 && all[1].failures == 1)
        let recent = "RUN\ta\tb\t1\t \t3.11.3\nREQUEST\t\tlist items\t100\t125\tOK\t \n"
        #expect(try parse(recent, .gatlingLog).first?.samples?.distinctValues().map(\.value) == [0.025])
    }

    @Test func gatlingStatsAreTheAggregateThenEachRequest() throws {
        guard let corpusDirectory else { return }
        let loaded = try ReportLoader.load(
            path: corpusDirectory + "/bench/gatling/gatling-3.11.3-restfulapidev-stats.json", category: .bench)
        guard case .benchmark(let report) = loaded.report else { throw InputError("not a benchmark report") }
        let requests = report.series.dropFirst()
        #expect(report.series.first?.isAggregate == true)
        #expect(requests.count == 118)
        #expect(requests.compactMap(\.requests).reduce(0, +) == 223)
        #expect(requests.compactMap(\.failures).reduce(0, +) == 23)
        // Gatling's p75 (percentiles2) is 782 as stated.
        #expect(report.series.first?.stated.percentiles[75] == 0.782)
    }

    @Test func abFailuresAddNon2xxResponses() throws {
        let run = try #require(try series("ab/non-2xx.txt", .apacheBench).first)
        #expect(run.label == "/items" && run.isAggregate)
        #expect(run.requests == 200 && run.failures == 10)
        #expect(run.stated.throughput == 80 && run.duration == 2.5)
        #expect(run.stated.percentiles[95] == 0.09 && run.stated.maximum == 0.183)
        #expect(run.stated.mean == 0.049 && run.stated.minimum == 0.011 && run.stated.median == 0.046)
    }

    @Test func abCSVAndTSV() throws {
        var csv = "Percentage served,Time in ms\n"
        for rank in 0...100 { csv += "\(rank),\(Double(rank) / 10 + 1)\n" }
        let stated = try #require(try parse(csv, .apacheBenchCSV).first).stated
        #expect(stated.minimum == 1 / 1000 && stated.maximum == 11 / 1000 && stated.percentiles[95] == 10.5 / 1000)
        let tsv = "starttime\tseconds\tctime\tdtime\tttime\twait\nd\t1\t0\t4\t5\t4\nd\t1\t1\t8\t9\t8\n"
        let run = try #require(try parse(tsv, .apacheBenchTSV).first)
        #expect(run.requests == 2 && run.samples?.distinctValues().map(\.value) == [0.005, 0.009])
    }

    @Test func wrkConvertsUnitsAndCountsSocketErrorsAndHTTPErrorsAsFailures() throws {
        let run = try #require(try series("wrk/errors-us.txt", .wrk).first)
        #expect(run.label == "http://127.0.0.1:8080/index.html")
        #expect(run.requests == 1_118_400 && run.failures == 12 + 3 + 85)
        #expect(abs((run.stated.mean ?? 0) - 635.91e-6) < 1e-12)
        #expect(run.stated.percentiles[50] == 250e-6 && run.stated.maximum == 0.01292)
        #expect(run.stated.throughput == 110734.89 && run.duration == 10.1)
    }

    @Test func autocannonCountsHTTPErrorsAndConnectionErrorsAsFailures() throws {
        let run = try #require(try series("autocannon/errors-and-5xx.json", .autocannon).first)
        // 980 responses (20 of them 503, 10 of them 304) and 20 errors (5 of them timeouts).
        #expect(run.requests == 1000 && run.failures == 40)
        #expect(run.stated.percentiles[97.5] == 0.03 && run.stated.percentiles[0.001] == 0.002)
        #expect(run.duration == 10.03 && run.stated.throughput == 98)
        guard let corpusDirectory else { return }
        // Every response a 403: every request failed, though autocannon says "0 errors".
        let loaded = try ReportLoader.load(
            path: corpusDirectory + "/bench/autocannon/homecastr-autocannon-bom-all-403.json", category: .bench)
        guard case .benchmark(let report) = loaded.report else { throw InputError("not a benchmark report") }
        #expect(report.series.first?.requests == 6500 && report.series.first?.failures == 6500)
    }

    @Test func artilleryCountsEveryRequestSentAndTimeoutsAsFailures() throws {
        let all = try series("artillery/by-endpoint.json", .artillery)
        #expect(all.map(\.label) == ["aggregate", "/items", "/cart"])
        #expect(all[0].requests == 200 && all[0].failures == 40 + 10 && all[0].duration == 20)
        #expect(all[0].stated.percentiles[99.9] == 9 && all[0].stated.median == 0.0201)
        #expect(all[1].requests == 150 && all[1].failures == 0)
        #expect(all[2].requests == 50 && all[2].failures == 50)
        guard let corpusDirectory else { return }
        let loaded = try ReportLoader.load(
            path: corpusDirectory + "/bench/artillery/task-manager-artillery-report-mass-timeouts.json",
            category: .bench)
        guard case .benchmark(let report) = loaded.report else { throw InputError("not a benchmark report") }
        // 970241 requests sent, 32367 answered, 938125 errors (ETIMEDOUT, ECONNRESET, EADDRNOTAVAIL).
        #expect(report.series.first?.requests == 970_241 && report.series.first?.failures == 938_125)
    }
}
