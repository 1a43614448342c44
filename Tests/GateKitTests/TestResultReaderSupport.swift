import Foundation
import Testing

@testable import GateKit

/// Reads `input` with `reader`, which must return test results.
func readTests(_ reader: ReportReader.Type, _ input: InputBuffer) throws -> TestReport {
    guard case .tests(let report) = try reader.read(input) else { throw InputError("not a test report") }
    return report
}

func readTests(_ reader: ReportReader.Type, _ text: String) throws -> TestReport {
    try readTests(reader, inputBuffer(text))
}

/// Reads the fixture `path` (under Fixtures/) with `reader`, through an ordinary and a 16-byte buffer, and
/// expects both to read the same.
func readTestFixture(_ reader: ReportReader.Type, _ path: String) throws -> TestReport {
    let report = try readTests(reader, TextDecoding.open(path: fixture(path)).0)
    let tiny = InputBuffer(source: try FileByteSource(path: fixture(path)), capacity: 16)
    #expect(try readTests(reader, tiny) == report, "\(path) through a tiny buffer")
    return report
}

/// The error reading `text` with `reader`, or nil when it reads.
func testReadError(_ reader: ReportReader.Type, _ text: String) -> InputError? {
    do {
        _ = try reader.read(inputBuffer(text))
        return nil
    } catch {
        return error
    }
}

/// Every suite's counts added up.
func totalCounts(_ report: TestReport) -> TestCounts { report.suites.reduce(TestCounts()) { $0 + $1.counts } }

/// Checks every corpus file of `formats` against the counts its producer printed.
func checkCorpusCounts(_ reader: ReportReader.Type, formats: Set<String>) throws {
    let entries = CorpusExpectation.entries(formats: formats)
    guard corpusDirectory != nil else { return }
    #expect(!entries.isEmpty)
    for entry in entries {
        let counts = totalCounts(try readTests(reader, TextDecoding.open(path: entry.absolutePath).0))
        let figures = [
            "tests.total": counts.total, "tests.passed": counts.passed, "tests.failed": counts.failed,
            "tests.errors": counts.errors, "tests.skipped": counts.skipped,
        ]
        for check in entry.checks where check.labels.isEmpty {
            let figure = try #require(figures[check.metric], "\(entry) \(check.metric)")
            #expect(Double(figure) == check.value, "\(entry) \(check.metric)")
        }
    }
}

/// The counts of the corpus file `path` (relative to the corpus), or nil without the corpus.
func corpusCounts(_ reader: ReportReader.Type, _ path: String) throws -> TestCounts? {
    guard let corpusDirectory else { return nil }
    return totalCounts(try readTests(reader, TextDecoding.open(path: "\(corpusDirectory)/\(path)").0))
}

/// Expects `format` to recognise exactly the corpus files under `folder` (a path prefix), and to be the first
/// format that recognises them.
func checkCorpusRecognition(_ format: ReportFormat, folder: String) throws {
    for category in ["coverage", "tests", "lint", "scan", "bench"] {
        try forEachCorpusHead(under: category) { path, head in
            let own = path.hasPrefix(folder)
            #expect(format.reader.recognizes(head) == own, "\(path)")
            if own { #expect(ReportFormat.allCases.first { $0.reader.recognizes(head) } == format, "\(path)") }
        }
    }
}
