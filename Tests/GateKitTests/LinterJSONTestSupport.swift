import Testing

@testable import GateKit

/// The findings of a lint report file, after checking that recognition picks `format`.
func lintFindings(_ path: String, recognisedAs format: ReportFormat) throws -> [Finding] {
    let loaded = try ReportLoader.load(path: path, category: .lint)
    #expect(loaded.format == format)
    guard case .findings(let report) = loaded.report else { throw InputError("not a findings report") }
    return report.findings
}

/// One line per finding: tool, level, location, rule, message, and the state when it is not open.
func lintSummary(_ findings: [Finding]) -> [String] {
    findings.map {
        "\($0.tool) \($0.level.rawValue) \($0.path ?? "-"):\($0.line ?? 0):\($0.column ?? 0) \($0.rule ?? "-") "
            + $0.message + ($0.state == .open ? "" : " (\($0.state.rawValue))")
    }
}

/// Checks every `lint.*` figure the corpus expects for `entry`, computed the way a check computes it (through the
/// metric store, which keeps each report's own count: pylint's two `invalid-name` messages at test.py:57:0 and
/// SwiftLint's Warning and Error of one rule at one place are two findings each).
func checkLintCorpusEntry(_ entry: CorpusExpectation, format: ReportFormat) throws {
    let findings = try lintFindings(entry.absolutePath, recognisedAs: format)
    let metrics = try store([.findings(FindingsReport(findings: findings))])
    for check in entry.checks where check.labels.isEmpty {
        #expect(try metrics.value(check.metric) == check.value, "\(check.metric)")
    }
}

/// Checks that `format` claims its corpus files and no other corpus file, and that no other format claims its own.
func checkLintRecognition(_ format: ReportFormat, corpusFolder: String) throws {
    for folder in ["lint", "scan", "tests", "coverage", "bench"] {
        try forEachCorpusHead(under: folder) { path, head in
            let mine = path.hasPrefix(corpusFolder + "/")
            #expect(format.reader.recognizes(head) == mine, "\(path)")
            if mine {
                let first = ReportFormat.allCases.first { $0.reader.recognizes(head) }
                #expect(first == format, "\(path) is claimed by \(first?.rawValue ?? "none")")
            }
        }
    }
}
