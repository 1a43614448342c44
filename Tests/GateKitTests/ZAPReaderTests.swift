import Testing

@testable import GateKit

@Suite struct ZAPReaderTests {
    @Test func oneFindingPerAlertWithRiskAsSeverity() throws {
        // ZAP "Summary of Alerts": High 1, Medium 1, Low 1 (a false positive), Informational 1.
        let found = try ScannerJSONTest.findings(fixture("zap/baseline.json"), .zap)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error high 40012 https://shop.example.com:0:0 open Cross Site Scripting (Reflected), 2 instances",
                "warning medium 10038 https://shop.example.com:0:0 open Content Security Policy (CSP) Header Not Set, "
                    + "1 instance",
                "note low 10021 https://shop.example.com:0:0 suppressed X-Content-Type-Options Header Missing, "
                    + "0 instances",
                "note low 10109 https://shop.example.com:0:0 informational Modern Web Application, 1 instance",
            ])
        #expect(found.allSatisfy { $0.tool == "zap" && $0.kind == .dast })
    }

    /// The disputed corpus entries: alerts or instances, and whether Informational alerts count. Alerts count,
    /// Informational ones do not (see ZAPReader).
    @Test(arguments: [
        ("scan/zap/zap-2.10.0-baseline-report.json", 2.0),  // alerts: Low 1, Medium 1 (8 instances)
        ("scan/zap/zap-2.14.0-baseline-report.json", 5.0),  // alerts: Low 3, Medium 2 (+ Informational 5)
    ])
    func disputedCorpusCountsAlertsWithoutInformational(_ path: String, _ total: Double) throws {
        guard let corpusDirectory else { return }
        let found = try ScannerJSONTest.findings(corpusDirectory + "/" + path, .zap)
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try metrics.value("vulns.total") == total)
    }

    @Test func numericRiskCodesAndCounts() throws {
        let found = try ScannerJSONTest.read(
            #"{"@version":"2.9.0","site":[{"@name":"http://a","alerts":[{"pluginid":"1","name":"N","riskcode":3,"#
                + #""confidence":3,"count":4}]},{"@name":"http://b","alerts":[]}]}"#, .zap)
        #expect(ScannerJSONTest.summary(found) == ["error high 1 http://a:0:0 open N, 4 instances"])
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .zap,
            sample: #"{"@version":"2.14.0","@generated":"Wed, 24 Apr 2024","site":[{"@name":"http://café.example","#
                + #""alerts":[{"pluginid":"10038","alert":"CSP Header Not Set","riskcode":"2","confidence":"3","#
                + #""instances":[{"uri":"http://café.example/","method":"GET"}],"count":"1"}]}]}"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedAlerts() {
        let cases = [
            (#"{"site":[{"alerts":[{"alert":"a","riskcode":"1"}]}]}"#, "no pluginid"),
            (#"{"site":[{"alerts":[{"pluginid":"1","riskcode":"7"}]}]}"#, "no riskcode from 0 to 3"),
            (#"{"site":[{"alerts":[{"pluginid":"1","riskcode":"high"}]}]}"#, "riskcode must be a whole number"),
            (#"{"site":[{"alerts":[{"pluginid":"1","riskcode":"1","instances":3}]}]}"#, "instances must be an array"),
            (#"[]"#, "not an object"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .zap) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
