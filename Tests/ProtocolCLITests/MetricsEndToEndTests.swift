import Foundation
import Testing

/// `protocol metrics` run as a user runs it.
@Suite struct MetricsEndToEndTests {
    @Test func listsTheMetricsOfTheDemoReports() throws {
        let result = try runProtocol([
            "metrics", "Tests/Demo/reports/lcov.info", "Tests/Demo/reports/xunit-swift-testing.xml",
            "Tests/Demo/reports/swift-format-lint.txt",
        ])
        #expect(result.status == 0, "\(result.error)")
        try expectGolden(result.output, "demo-metrics.txt")
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let result = try runProtocol(["metrics", "--format", "json", "Tests/Demo/reports/lcov.info"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let report = try #require((document["reports"] as? [[String: Any]])?.first)
        #expect(report["format"] as? String == "lcov")
        #expect(report["category"] as? String == "coverage")
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        let lines = try #require(metrics.first { $0["name"] as? String == "coverage.lines" })
        #expect(lines["unit"] as? String == "%")
        #expect(lines["value"] as? Double == 75)
    }

    @Test func anUnreadableFileIsAnErrorNamingIt() throws {
        let result = try runProtocol(["metrics", "Package.swift"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("error: Package.swift: not a recognised report format"))
    }
}
