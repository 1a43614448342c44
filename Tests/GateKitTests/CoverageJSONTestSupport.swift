import Testing

@testable import GateKit

/// Helpers for the tests of the JSON coverage readers.
enum JSONCoverageTest {
    /// The files of a coverage report (none, with an issue recorded, for another kind of report).
    static func files(_ report: Report) -> [FileCoverage] {
        guard case .coverage(let coverage) = report else {
            Issue.record("not a coverage report: \(report)")
            return []
        }
        return coverage.files
    }

    /// True when `reader` recognises `text` as the head of a file.
    static func recognizes(_ reader: ReportReader.Type, _ text: String) -> Bool {
        withByteSpan(text) { reader.recognizes(ContentHead($0)) }
    }

    /// The error `reader` gives for `text` (read through a small buffer, to cross refills), or nil when it reads it.
    static func error(_ reader: ReportReader.Type, _ text: String) -> InputError? {
        do {
            _ = try reader.read(inputBuffer(text, capacity: 64))
            return nil
        } catch {
            return error
        }
    }

    /// Reads a fixture (decoded as report files are), through buffers of the default size and of 16 bytes, and
    /// checks that both read the same.
    static func readFixture(
        _ reader: ReportReader.Type, _ path: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> [FileCoverage]
    {
        let whole = files(try reader.read(TextDecoding.open(path: fixture(path)).0))
        let tiny = InputBuffer(source: try FileByteSource(path: fixture(path)), capacity: 16)
        #expect(files(try reader.read(tiny)) == whole, "read through a 16-byte buffer", sourceLocation: sourceLocation)
        return whole
    }
}

extension JSONCoverageTest {
    /// A small report of each JSON coverage format, with an "é" in a path (the bad-input matrix's samples).
    static let samples: [(format: ReportFormat, text: String)] = [
        (
            .coveragePyJSON,
            #"{"meta": {"format": 3, "version": "7.6.1", "branch_coverage": true, "show_contexts": false}, "files": {"#
                + #""src/café.py": {"executed_lines": [1, 2], "summary": {"covered_lines": 2, "num_statements": 3, "#
                + #""num_branches": 2, "covered_branches": 1}, "missing_lines": [4], "executed_branches": [[2, 4]], "#
                + #""missing_branches": [[2, -1]]}}, "totals": {"covered_lines": 2, "num_statements": 3}}"#
        ),
        (
            .istanbul,
            #"{"/src/a.js": {"path": "/src/a.js", "statementMap": {"0": {"start": {"line": 1, "column": 0}, "#
                + #""end": {"line": 1, "column": 9}}}, "fnMap": {}, "branchMap": {}, "s": {"0": 1}, "f": {}, "b": {}},"#
                + #" "/src/é.js": {"path": "/src/é.js", "statementMap": {"0": {"start": {"line": 2, "column": 0}, "#
                + #""end": {"line": 2, "column": 4}}}, "fnMap": {}, "branchMap": {}, "s": {"0": 0}, "f": {}, "b": {}}}"#
        ),
        (
            .istanbulSummary,
            #"{"total": {"lines": {"total": 3, "covered": 2, "skipped": 0, "pct": 66.66}, "statements": {"total": 3, "#
                + #""covered": 2, "skipped": 0, "pct": 66.66}}, "/src/é.js": {"lines": {"total": 3, "covered": 2, "#
                + #""skipped": 0, "pct": 66.66}, "functions": {"total": 1, "covered": 1, "skipped": 0, "pct": 100}}}"#
        ),
        (
            .coveralls,
            #"{"service_name": "github", "source_files": [{"name": "lib/é.rb", "source_digest": "1eb1", "#
                + #""coverage": [null, 1, 0, 2], "branches": [2, 0, 0, 1, 2, 0, 1, 0]}], "git": {"branch": "main"}}"#
        ),
    ]

    /// Heads of other JSON coverage formats that none of these readers may claim.
    static let otherJSONHeads = [
        #"{"gcovr/format_version": "0.6", "files": [{"file": "src/a.c", "lines": [{"line_number": 1, "count": 1}]}]}"#,
        #"{"root": "/src", "gcovr/summary_format_version": "0.6", "files": [{"filename": "a.c", "line_total": 3}]}"#,
        #"{"RSpec": {"coverage": {"/app/a.rb": {"lines": [null, 1, 0]}}, "timestamp": 1700000000}}"#,
        #"{"meta": {"simplecov_version": "0.22.0"}, "coverage": {"/app/a.rb": {"lines": [null, 1]}}, "groups": {}}"#,
        #"{"result": {"line": 91.5, "branch": 80.0}}"#,
        #"{"timestamp": 1700000000, "command_name": "RSpec", "files": [{"filename": "/app/a.rb", "coverage": [1]}]}"#,
        #"{"data": [{"files": [{"filename": "/a.swift", "summary": {"lines": {"count": 1, "covered": 1}}}]}]}"#,
        #"{"meta": {"format": 3}, "files": {}}"#,
        #"[{"files": {}}]"#,
    ]
}
