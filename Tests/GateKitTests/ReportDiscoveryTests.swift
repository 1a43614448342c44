import Foundation
import Testing

@testable import GateKit

let lcovText = "SF:src/a.js\nDA:1,1\nDA:2,0\nend_of_record\n"
let junitText = #"<testsuite name="s" tests="1"><testcase classname="c" name="t"/></testsuite>"# + "\n"
let lintSARIFText = #"""
    {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
     "runs": [{"tool": {"driver": {"name": "ESLint"}}, "results": []}]}
    """#

@Suite struct ReportDiscoveryTests {
    @Test func knownNamesAndContentAreBothFoundInPathOrder() throws {
        let root = try temporaryProject([
            "coverage/lcov.info": lcovText,
            "build/test-results/test/TEST-a.xml": junitText,
            "out/weird name.txt": lcovText,
            "reports/lint.sarif": lintSARIFText,
            "reports/scan.sarif": try String(contentsOfFile: fixture("sarif/scanners.sarif"), encoding: .utf8),
            "reports/build.log": "src/a.c:3:5: error: use of undeclared identifier 'x'\n",
            "src/a.js": "let a = 1\n",
            "README.txt": "nothing to see\n",
            "metrics.json": #"{"requests": 12, "memory": 3}"#,
        ])
        let discovery = ReportDiscovery.discover(root: root)
        #expect(
            discovery.reports.map { "\($0.path) \($0.format.rawValue) \($0.category.rawValue)" } == [
                "build/test-results/test/TEST-a.xml junit tests",
                "coverage/lcov.info lcov coverage",
                "out/weird name.txt lcov coverage",
                "reports/build.log diagnostics lint",
                "reports/lint.sarif sarif lint",
                "reports/scan.sarif sarif scan",
            ])
        #expect(discovery.reports[0].writtenBy == "Gradle test")
        #expect(discovery.reports[2].writtenBy == nil)
        #expect(discovery.categories == [.coverage, .tests, .lint, .scan])
        #expect(discovery.sniffed == 8)
        #expect(!discovery.truncated)
    }

    @Test func dependencyBuildHiddenAndFixtureFoldersAreSkippedButSwiftCoverageIsFound() throws {
        let llvm = try String(contentsOfFile: fixture("llvm-cov/swiftpm-codecov.json"), encoding: .utf8)
        let root = try temporaryProject([
            "node_modules/pkg/coverage/lcov.info": lcovText,
            ".git/lcov.info": lcovText,
            ".build/debug/codecov/App.json": llvm,
            ".build/debug/other/lcov.info": lcovText,
            "Tests/Fixtures/lcov.info": lcovText,
            "vendor/x/junit.xml": junitText,
            "coverage/.resultset.json": "{}",
            "coverage/.hidden.info": lcovText,
        ])
        let discovery = ReportDiscovery.discover(root: root)
        #expect(discovery.reports.map(\.path) == [".build/debug/codecov/App.json"])
        #expect(discovery.reports.first?.writtenBy == "swift test --enable-code-coverage")
    }

    @Test func theLimitsStopTheWalkAndTheSniffing() throws {
        let root = try temporaryProject(["a.info": lcovText, "b.info": lcovText, "c/d.info": lcovText])
        var limits = ReportDiscovery.Limits()
        limits.entries = 2
        let walked = ReportDiscovery.discover(root: root, limits: limits)
        #expect(walked.reports.map(\.path) == ["a.info", "b.info"])
        #expect(walked.visited == 2)
        #expect(walked.truncated)

        limits = ReportDiscovery.Limits()
        limits.sniffedFiles = 1
        let sniffed = ReportDiscovery.discover(root: root, limits: limits)
        #expect(sniffed.reports.map(\.path) == ["a.info"])
        #expect(sniffed.truncated)

        limits = ReportDiscovery.Limits()
        limits.depth = 0
        #expect(ReportDiscovery.discover(root: root, limits: limits).reports.map(\.path) == ["a.info", "b.info"])
    }

    @Test func onlyTheHeadIsSniffed() throws {
        let padded = "<!-- " + String(repeating: "x", count: 200) + " -->\n" + junitText
        let path = try temporaryFile(padded, name: "late.xml")
        #expect(ReportDiscovery.recognise(path, headBytes: 64)?.0 == nil)
        #expect(ReportDiscovery.recognise(path, headBytes: 4096)?.0 == .junit)
        #expect(ReportDiscovery.recognise("/nonexistent/x.info", headBytes: 4096) == nil)
        let binary = try temporaryFile([0x53, 0x46, 0, 1, 2], name: "b.info")
        #expect(ReportDiscovery.recognise(binary, headBytes: 4096) == nil)
    }

    @Test func aSymbolicLinkToAFolderIsNotFollowedAndOneToAFileIs() throws {
        let root = try temporaryProject(["real/lcov.info": lcovText])
        try FileManager.default.createSymbolicLink(atPath: root + "/loop", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/linked.info", withDestinationPath: "real/lcov.info")
        let discovery = ReportDiscovery.discover(root: root)
        #expect(discovery.reports.map(\.path) == ["linked.info", "real/lcov.info"])
    }

    @Test func knownNamesNameTheToolThatWritesThem() {
        #expect(KnownReportName.writer(of: "coverage/lcov.info") == "jest/nyc/c8/vitest --coverage, lcov reporter")
        #expect(KnownReportName.writer(of: "web/coverage/lcov.info") == "jest/nyc/c8/vitest --coverage, lcov reporter")
        #expect(KnownReportName.writer(of: "target/surefire-reports/TEST-a.xml") == "Maven Surefire/Failsafe")
        #expect(KnownReportName.writer(of: "out/codeql.sarif.json") == "CodeQL, semgrep, ESLint, Trivy…")
        #expect(KnownReportName.writer(of: "load/results.jtl") == "jmeter -n -l")
        #expect(KnownReportName.writer(of: "src/main.swift") == nil)
    }
}
