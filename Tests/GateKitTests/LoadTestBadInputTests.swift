import Testing

@testable import GateKit

/// The bad-input matrix for the load-test readers, and their refusal of negative, NaN and absurd figures.
@Suite struct LoadTestBadInputTests {
    static let samples: [(format: ReportFormat, text: String, truncated: String?)] = [
        (
            .k6SummaryExport,
            #"{"metrics":{"http_req_duration":{"avg":12.5,"min":1.5,"med":10,"max":40,"p(90)":30,"p(95)":35},"#
                + #""http_reqs":{"count":4,"rate":2},"http_req_failed":{"passes":1,"fails":3,"value":0.25},"#
                + #""é_trend":{"avg":1}},"root_group":{"name":"","path":"","id":"d41d8cd9","groups":{},"checks":{}}}"#,
            "unexpected end of input"
        ),
        (
            .k6Summary,
            #"{"metrics":{"http_req_duration":{"type":"trend","contains":"time","values":{"avg":12.5,"min":1.5,"#
                + #""med":10,"max":40,"p(90)":30,"p(95)":35}},"http_reqs":{"type":"counter","contains":"default","#
                + #""values":{"count":4,"rate":2}},"é_rate":{"type":"rate","values":{"rate":1}}},"#
                + #""state":{"testRunDurationMs":2000}}"#,
            "unexpected end of input"
        ),
        (
            .k6JSON,
            #"{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time"},"metric":"http_req_duration"}"#
                + "\n"
                + #"{"metric":"http_req_duration","type":"Point","data":{"time":"2026-11-21T10:00:00.1Z","value":12.5,"tags":{"name":"GET /é","status":"200"}}}"#
                + "\n"
                + #"{"metric":"http_reqs","type":"Point","data":{"time":"2026-11-21T10:00:00.1Z","value":1,"tags":{"name":"GET /é","status":"200"}}}"#
                + "\n",
            "unexpected end of input"
        ),
        (
            .locustStats,
            "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
                + "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,90%,95%,99%,100%\n"
                + "GET,/é,4,1,10,12.5,2,40,8.0,2.0,0.5,10,30,40,40,40\n"
                + ",Aggregated,4,1,10,12.5,2,40,8.0,2.0,0.5,10,30,40,40,40\n",
            "truncated"
        ),
        (
            .locustHistory,
            "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,Total Request Count,Total Failure Count,"
                + "Total Median Response Time,Total Average Response Time,Total Min Response Time,"
                + "Total Max Response Time,Total Average Content Size\n"
                + "1763719200,1,GET,/é,0.0,0.0,N/A,N/A,0,0,0,0,0,0,0\n"
                + "1763719201,1,,Aggregated,2.0,0.0,10,40,4,1,10,12.5,2,40,8.0\n",
            "truncated"
        ),
        (
            .gatlingStats,
            #"{"type":"GROUP","name":"All Requests","path":"","stats":{"name":"All Requests","numberOfRequests":"#
                + #"{"total":4,"ok":3,"ko":1},"minResponseTime":{"total":2},"maxResponseTime":{"total":40},"#
                + #""percentiles1":{"total":10},"meanNumberOfRequestsPerSecond":{"total":2}},"contents":{"req_a":"#
                + #"{"type":"REQUEST","name":"GET /é","path":"GET /é","stats":{"name":"GET /é","numberOfRequests":"#
                + #"{"total":4,"ok":3,"ko":1},"maxResponseTime":{"total":40,"ok":40,"ko":"-"}}}}}"#,
            "unexpected end of input"
        ),
        (
            .gatlingLog,
            "RUN\tdemo.CheckoutSimulation\tcheckoutsimulation\t1763719200000\t \t3.11.3\n"
                + "REQUEST\t\tGET /é\t1763719200100\t1763719200112\tOK\t \n"
                + "REQUEST\t\tGET /é\t1763719200200\t1763719200240\tKO\tstatus.find.is(200), but actually found 500\n",
            "truncated"
        ),
        (
            .apacheBenchTSV,
            "starttime\tseconds\tctime\tdtime\tttime\twait\n"
                + "Fri Nov 21 10:00:00 2026 é\t1763719200\t0\t1\t1\t1\n"
                + "Fri Nov 21 10:00:00 2026\t1763719200\t0\t2\t3\t2\n",
            "truncated"
        ),
        (
            .autocannon,
            #"{"latency":{"p2_5":2,"p50":10,"p97_5":40,"p99":40,"average":12.5,"mean":12.5,"stddev":5,"min":1,"#
                + #""max":40},"requests":{"average":2,"total":4,"sent":4},"url":"http://localhost/é","errors":0,"#
                + #""timeouts":0,"non2xx":1,"2xx":3,"4xx":1,"5xx":0,"duration":2}"#,
            "unexpected end of input"
        ),
        (
            .artillery,
            #"{"aggregate":{"counters":{"http.requests":4,"http.codes.200":3,"http.codes.500":1,"http.responses":4},"#
                + #""summaries":{"http.response_time":{"min":1,"max":40,"count":4,"mean":12.5,"p50":10,"median":10,"#
                + #""p95":40,"p99":40}},"firstCounterAt":1763719200000,"lastCounterAt":1763719202000},"#
                + #""intermediate":[],"note":"é"}"#,
            "unexpected end of input"
        ),
    ]

    @Test(arguments: samples.map(\.format))
    func theMatrixHolds(_ format: ReportFormat) throws {
        let sample = try #require(Self.samples.first { $0.format == format })
        try BadInputMatrix(format: format, sample: sample.text, truncated: sample.truncated).check()
    }

    /// ab's text, wrk's text and ab's CSV end with lines protocol does not need (Transfer/sec, the 100% row's
    /// note), so a cut there is undetectable; a cut before the results is refused.
    @Test func textOutputsCutBeforeTheirResultsAreRefused() throws {
        let cases: [(ReportFormat, String, String)] = [
            (.apacheBench, "This is ApacheBench, Version 2.3\nDocument Path:          /é\n", "cut off"),
            (
                .wrk, "Running 1s test @ http://x/é\n  Thread Stats   Avg\n    Latency  1.00ms  0.5ms  2.00ms\n",
                "cut off"
            ),
            (.apacheBenchCSV, "Percentage served,Time in ms\n0,1.5\n50,2.5\n", "truncated"),
            (.apacheBenchCSV, "Percentage served,Time in ms\n0,1.5\n50,2.5\n100,9", "truncated"),
        ]
        for (format, text, message) in cases {
            let error = #expect(throws: InputError.self) { try format.reader.read(inputBuffer(text)) }
            #expect(error?.message.contains(message) == true, "\(format): \(error?.message ?? "")")
        }
    }

    @Test func negativeNaNAndAbsurdFiguresAreRefused() throws {
        let cases: [(ReportFormat, String, String)] = [
            (.k6SummaryExport, #"{"metrics":{"http_req_duration":{"avg":-1,"min":1}}}"#, "not a duration"),
            (.k6SummaryExport, #"{"metrics":{"http_req_duration":{"avg":1e300}}}"#, "not a duration"),
            (
                .k6Summary,
                #"{"metrics":{"http_req_duration":{"values":{"avg":1}},"http_reqs":{"values":{"count":-4}}}}"#,
                "not a count"
            ),
            (
                .k6JSON, #"{"metric":"http_req_duration","type":"Point","data":{"value":-3,"tags":{}}}"#,
                "not a duration"
            ),
            (.k6JSON, #"{"metric":"http_req_failed","type":"Point","data":{"value":2,"tags":{}}}"#, "not 0 or 1"),
            (.k6JSON, #"{"metric":"http_req_duration","type":"Point","data":{"value":NaN}}"#, "NaN"),
            (
                .locustStats,
                "Type,Name,Request Count,Failure Count,Average Response Time,Requests/s\nGET,/a,4,0,nan,1\n,Aggregated,4,0,1,1\n",
                "not a number"
            ),
            (
                .locustStats,
                "Type,Name,Request Count,Failure Count,Average Response Time,Requests/s\nGET,/a,-4,0,1,1\n,Aggregated,4,0,1,1\n",
                "not a count"
            ),
            (
                .gatlingStats,
                #"{"name":"All Requests","numberOfRequests":{"total":4,"ko":1},"maxResponseTime":{"total":-2}}"#,
                "not a duration"
            ),
            (.gatlingLog, "RUN\ta\tb\t1\t \t3.11.3\nREQUEST\t\tx\t200\t100\tOK\t \n", "before it starts"),
            (.gatlingLog, "RUN\ta\tb\t1\t \t3.11.3\nREQUEST\t\tx\t100\t200\tMAYBE\t \n", "not OK or KO"),
            (.apacheBench, "Complete requests: 10\nRequests per second: inf\n", "not a number"),
            (.apacheBenchCSV, "Percentage served,Time in ms\n0,-1\n100,2\n", "not a duration"),
            (
                .apacheBenchTSV, "starttime\tseconds\tctime\tdtime\tttime\twait\nx\t1\t0\t0\t99999999999999\t0\n",
                "not a duration"
            ),
            (.wrk, "Running 1s test @ u\n    Latency  1.00ms  0.5ms  2.00ly\n", "has no unit"),
            (.autocannon, #"{"latency":{"p50":-10},"requests":{"total":1}}"#, "not a duration"),
            (
                .artillery,
                #"{"aggregate":{"counters":{"http.requests":1.5},"summaries":{"http.response_time":{"min":1}}}}"#,
                "not a count"
            ),
        ]
        for (format, text, mention) in cases {
            let error = #expect(throws: InputError.self) { try format.reader.read(inputBuffer(text)) }
            #expect(error?.message.contains(mention) == true, "\(format): \(error?.message ?? "")")
        }
    }
}
