import Testing

@testable import GateKit

/// What the tests of the security scanners' JSON readers share: loading a file the way a check does
/// (decoding, recognition, reading) and measuring its findings through the metrics.
enum ScannerJSONTest {
    /// The format a file is recognised as, and its findings.
    static func load(_ path: String, category: ReportCategory) throws -> (ReportFormat, [Finding]) {
        let loaded = try ReportLoader.load(path: path, category: category)
        guard case .findings(let report) = loaded.report else { throw InputError("not findings") }
        return (loaded.format, report.findings)
    }

    /// The findings of a file, which must be recognised as `format`.
    static func findings(
        _ path: String, _ format: ReportFormat, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Finding] {
        let (recognised, findings) = try load(path, category: format.category)
        #expect(recognised == format, sourceLocation: sourceLocation)
        return findings
    }

    /// The findings of `text`, read by `format`'s reader.
    static func read(_ text: String, _ format: ReportFormat) throws(InputError) -> [Finding] {
        guard case .findings(let report) = try format.reader.read(inputBuffer(text)) else {
            throw InputError("not findings")
        }
        return report.findings
    }

    /// Checks every figure the corpus states for a file against the metrics of its findings declared under
    /// `category`, and that the file is recognised as `format`.
    static func checkCorpus(
        _ entry: CorpusExpectation, _ format: ReportFormat, category: ReportCategory,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (recognised, findings) = try load(entry.absolutePath, category: category)
        #expect(recognised == format, sourceLocation: sourceLocation)
        let metrics = try store([.findings(FindingsReport(findings: findings))], findings: category)
        for check in entry.checks where check.labels.isEmpty {
            let value = try #require(try metrics.value(check.metric), sourceLocation: sourceLocation)
            #expect(
                abs(value - check.value) <= check.tolerance, "\(check.metric): \(value), expected \(check.value)",
                sourceLocation: sourceLocation)
        }
    }

    /// `level severity rule path:line:column message` for each finding, for readable comparisons.
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map {
            "\($0.level.rawValue) \($0.severity.rawValue) \($0.rule ?? "-") \($0.path ?? "-"):\($0.line ?? 0):"
                + "\($0.column ?? 0) \($0.state.rawValue) \($0.message)"
        }
    }
}

/// Each scanner format claims its own corpus files and no other corpus file.
@Suite struct ScannerJSONRecognitionTests {
    static let folders: [(ReportFormat, String)] = [
        (.hadolintJSON, "lint/hadolint-json/"), (.gosecJSON, "lint/gosec-json/"), (.banditJSON, "lint/bandit-json/"),
        (.semgrepJSON, "lint/semgrep-json/"), (.checkovJSON, "-"), (.gitleaks, "scan/gitleaks/"),
        (.trufflehog, "scan/trufflehog/"), (.zap, "scan/zap/zap-"),
    ]

    @Test(arguments: folders.map(\.0))
    func claimsOnlyItsOwnCorpusFiles(_ format: ReportFormat) throws {
        let own = try #require(Self.folders.first { $0.0 == format }).1
        for folder in ["coverage", "tests", "lint", "scan", "bench"] {
            try forEachCorpusHead(under: folder) { path, head in
                let claimed = format.reader.recognizes(head)
                let isOwn = path.hasPrefix(own) && (format == .trufflehog || path.hasSuffix(".json"))
                #expect(claimed == isOwn, "\(path)")
                if isOwn {
                    let first = ReportFormat.allCases.first { $0.reader.recognizes(head) }
                    #expect(first == format, "\(path) is first recognised as \(String(describing: first))")
                }
            }
        }
    }
}
