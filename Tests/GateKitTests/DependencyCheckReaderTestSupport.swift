import Testing

@testable import GateKit

/// Helpers for the tests of the dependency scanners' readers (Dependency-Check, CycloneDX, bundler-audit, GitLab).
enum SCAReaderSupport {
    /// The findings of a file, loaded the way a check loads it (decoding, recognition, reader).
    static func findings(path: String, format: ReportFormat? = nil) throws -> [Finding] {
        guard case .findings(let report) = try ReportLoader.load(path: path, format: format, category: .scan).report
        else { throw InputError("not findings") }
        return report.findings
    }

    /// The findings `format`'s reader reads from `text`.
    static func findings(_ text: String, _ format: ReportFormat) throws(InputError) -> [Finding] {
        guard case .findings(let report) = try format.reader.read(inputBuffer(text)) else {
            throw InputError("not findings")
        }
        return report.findings
    }

    /// The error `format`'s reader gives for `text`.
    static func error(_ text: String, _ format: ReportFormat) -> InputError? {
        do {
            _ = try format.reader.read(inputBuffer(text))
            return nil
        } catch {
            return error
        }
    }

    /// The `vulns.*` metrics of `findings` declared under `scan`, by severity name and `total`.
    static func vulns(_ findings: [Finding]) throws -> [String: Double] {
        let metrics = try store([.findings(FindingsReport(findings: findings))], findings: .scan)
        var values: [String: Double] = [:]
        for name in ["critical", "high", "medium", "low", "unknown", "total"] {
            values[name] = try metrics.value("vulns.\(name)")
        }
        return values
    }

    /// Expects every metric the corpus checks for `entry`.
    static func expectCorpusChecks(_ entry: CorpusExpectation, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let findings = try findings(path: entry.absolutePath)
        let metrics = try store([.findings(FindingsReport(findings: findings))], findings: .scan)
        for check in entry.checks {
            let value = try metrics.value(check.metric)
            #expect(
                value.map { abs($0 - check.value) <= check.tolerance } == true,
                "\(check.metric): \(value.map(String.init(describing:)) ?? "none") instead of \(check.value)",
                sourceLocation: sourceLocation)
        }
    }

    /// The first format that recognises `head`, as recognition decides.
    static func recognised(_ head: ContentHead) -> ReportFormat? {
        ReportFormat.allCases.first { $0.reader.recognizes(head) }
    }

    /// The head of `text` as recognition sees it.
    static func withHead<Result>(_ text: String, _ body: (ContentHead) -> Result) -> Result {
        withByteSpan(text) { body(ContentHead($0)) }
    }

    /// Expects that the corpus files of `folder` are recognised as `format`, and that no other corpus file is.
    static func expectCorpusRecognition(
        of format: ReportFormat, folder: String, extensions: Set<String>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for top in ["coverage", "tests", "lint", "scan", "bench"] {
            try forEachCorpusHead(under: top) { path, head in
                let ours =
                    path.hasPrefix(folder + "/") && extensions.contains(String(path.split(separator: ".").last ?? ""))
                if ours {
                    #expect(recognised(head) == format, "\(path)", sourceLocation: sourceLocation)
                } else {
                    let claimed = format.reader.recognizes(head)
                    #expect(!claimed, "\(path) claimed", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
