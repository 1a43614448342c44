import Testing

@testable import GateKit

@Suite struct FindingsViewTests {
    private func vulnerability(
        _ id: String, aliases: [String] = [], tool: String, severity: Severity, package: String = "lodash",
        version: String = "4.17.20", fixed: String? = nil
    ) -> Finding {
        Finding(
            tool: tool, rule: id, aliases: aliases, level: .error, severity: severity, kind: .dependency,
            package: PackageReference(name: package, installed: version, fixed: fixed), message: id)
    }

    @Test func theSameVulnerabilityFromTwoScannersCountsOnceNamingBoth() {
        let view = FindingsView([
            vulnerability("CVE-2021-23337", tool: "trivy", severity: .high, fixed: "4.17.21"),
            vulnerability("GHSA-35jh-r3h4-6jhm", aliases: ["CVE-2021-23337"], tool: "grype", severity: .critical),
            vulnerability("CVE-2021-23337", tool: "grype", severity: .high, package: "lodash", version: "4.17.19"),
            vulnerability("CVE-2020-8203", tool: "trivy", severity: .medium),
        ])
        #expect(view.open.count == 3)
        let merged = view.open[0]
        #expect(merged.tool == "grype, trivy")
        #expect(merged.severity == .critical, "the most severe rating of the group")
        #expect(merged.aliases == ["GHSA-35jh-r3h4-6jhm"])
        #expect(merged.package?.fixed == "4.17.21")
        #expect(view.open[1].package?.installed == "4.17.19", "another version is another finding")
    }

    @Test func codeFindingsDeduplicateByFingerprintOrLocation() {
        let a = Finding(
            tool: "semgrep", rule: "sql-injection", level: .error, path: "app.py", line: 3, column: 5, message: "x")
        var b = a
        b.tool = "codeql"
        let c = Finding(
            tool: "gitleaks", rule: "aws-key", level: .error, path: "x", line: 1, message: "k", fingerprint: "f1")
        var d = c
        d.line = 2
        let view = FindingsView([a, b, c, d])
        #expect(view.open.map(\.tool) == ["codeql, semgrep", "gitleaks"])
    }

    @Test func findingsOfOneReportAreNeverMerged() {
        // semgrep reports two results of one rule on one line; a second report of the same results merges into them.
        let first = Finding(
            tool: "semgrep", rule: "eval", level: .error, path: "app.py", line: 3, column: 5, message: "eval")
        var second = first
        second.message = "eval again"
        let view = FindingsView([first, second, first, second], reports: [0, 0, 1, 1])
        #expect(view.open.map(\.message) == ["eval", "eval again"])
        #expect(FindingsView([first, second], reports: [0, 0]).open.count == 2, "the tool's own count stands")
    }

    @Test func aGroupKeepsTheIdentitiesItHadBeforeAMerge() {
        // codeql's result merges with semgrep's at one location; a second codeql run finds it by codeql's fingerprint
        // although the group's tool is now "codeql, semgrep", and a fourth run at another column stays apart.
        let codeql = Finding(
            tool: "codeql", rule: "sqli", level: .error, path: "a.py", line: 3, column: 5, message: "m",
            fingerprint: "fp")
        var semgrep = codeql
        semgrep.tool = "semgrep"
        semgrep.fingerprint = nil
        var moved = codeql
        moved.line = 9
        var elsewhere = semgrep
        elsewhere.column = 6
        let view = FindingsView(reports: [[codeql], [semgrep], [moved], [elsewhere]])
        #expect(view.open.map(\.tool) == ["codeql, semgrep", "semgrep"])
        #expect(view.duplicates == 2)
        #expect(view.read == 4)
    }

    @Test func oneReportIsCountedAsTheToolCountedIt() {
        let finding = Finding(tool: "t", rule: "r", level: .warning, path: "a", line: 1, message: "m")
        var suppressed = finding
        suppressed.state = .suppressed
        let view = FindingsView(reports: [[], [finding, finding, suppressed], []])
        #expect(view.open == [finding, finding], "repeats within one report stand")
        #expect(view.notCounted == [suppressed])
        #expect(view.duplicates == 0)
        #expect(FindingsView(reports: []).open.isEmpty)
    }

    @Test func findingsTheToolDidNotCountStayOut() {
        let counted = Finding(tool: "t", rule: "r", level: .warning, path: "a", line: 1, message: "m")
        var suppressed = counted
        suppressed.state = .suppressed
        suppressed.line = 2
        var informational = counted
        informational.state = .informational
        informational.line = 3
        let view = FindingsView([counted, suppressed, informational])
        #expect(view.open.count == 1)
        #expect(view.notCounted.map(\.state) == [.suppressed, .informational])
    }
}

@Suite struct WaiverTests {
    private let today = CalendarDate("2026-11-21")

    private func waivers(_ text: String) throws(GateFileErrors) -> [Waiver] {
        try WaiverFile.parse(Array(text.utf8), file: "gates/waivers.json5")
    }

    private let findings = [
        Finding(
            tool: "trivy", rule: "CVE-2024-1", aliases: ["GHSA-aaaa"], level: .error, severity: .critical,
            kind: .dependency,
            package: PackageReference(name: "Lodash", installed: "1"), message: "a"),
        Finding(
            tool: "semgrep", rule: "eval-use", level: .warning, severity: .medium, kind: .code, path: "legacy/a.js",
            line: 3, message: "b"),
        Finding(
            tool: "semgrep", rule: "eval-use", level: .warning, severity: .medium, kind: .code, path: "src/b.js",
            line: 9, message: "c"),
        Finding(
            tool: "grype", rule: "CVE-2024-2", level: .error, severity: .high, kind: .dependency,
            package: PackageReference(name: "left-pad", installed: "2"), message: "d"),
    ]

    @Test func activeExpiringExpiredAndStaleWaivers() throws {
        let list = try waivers(
            """
            {
              waivers: [
                { id: "ghsa-aaaa", package: "lodash", reason: "not reachable", expires: "2026-12-31", approved_by: "sec" },
                { rule: "eval-use", path: "legacy/**", reason: "legacy code, rewrite planned", expires: "2026-11-30" },
                { id: "CVE-2024-2", reason: "vendor fix pending", expires: "2026-11-20" },
                { id: "CVE-1999-0001", reason: "old", expires: "2027-01-01" },
              ],
            }
            """)
        let view = FindingsView(findings, waivers: list, today: today)
        #expect(view.waived.map(\.message) == ["a", "b"])
        #expect(view.open.map(\.message) == ["c", "d"], "the expired waiver no longer works")
        #expect(view.waivers.map(\.state) == [.active, .active, .expired, .stale])
        #expect(view.waivers.map(\.expiringSoon) == [false, true, false, false])
        #expect(view.waivers.map(\.matched) == [1, 1, 1, 0])
        #expect(
            view.waivers.map(CheckTextRenderer.describe) == [
                "ghsa-aaaa in lodash: 1 finding waived until 2026-12-31, approved by sec — not reachable",
                "eval-use under legacy/**: 1 finding waived until 2026-11-30 (EXPIRES SOON) — legacy code, rewrite planned",
                "EXPIRED on 2026-11-20: CVE-2024-2 no longer waives (1 finding count again) — gates/waivers.json5:5",
                "STALE: CVE-1999-0001 matched no finding: remove it from gates/waivers.json5:6?",
            ])
        #expect(
            FindingsView(findings, waivers: list, today: CalendarDate("2026-11-20")).waived.count == 3,
            "a waiver works through its expiry day")
    }

    @Test func scanMetricsCountAfterWaivers() throws {
        let list = try waivers(#"{waivers: [{id: "CVE-2024-1", reason: "r", expires: "2027-01-01"}]}"#)
        let store = try store(
            [.findings(FindingsReport(findings: findings))], findings: .scan, waivers: [.scan: list], today: today)
        func value(_ name: String, _ selector: [SelectorTerm] = []) throws -> Double? {
            guard
                case .measured(let measurement) = store.measure(
                    try #require(MetricDefinition.named(name)), selector: selector)
            else { return nil }
            return measurement.value
        }
        #expect(try value("vulns.critical") == 0)
        #expect(try value("vulns.high") == 1)
        #expect(try value("vulns.medium") == 2)
        #expect(try value("vulns.total") == 3)
        #expect(try value("vulns.waived") == 1)
        #expect(try value("vulns.total", [SelectorTerm(key: "kind", match: .equals, value: "code")]) == 2)
        #expect(try value("vulns.total", [SelectorTerm(key: "tool", match: .equals, value: "grype")]) == 1)
        #expect(try value("vulns.waived", [SelectorTerm(key: "id", match: .equals, value: "GHSA-aaaa")]) == 1)
        #expect(try value("vulns.total", [SelectorTerm(key: "package", match: .equals, value: "left-pad")]) == 1)
    }

    @Test func waiverFilesAreChecked() {
        let cases: [(String, String)] = [
            (
                "[]",
                "gates/waivers.json5:1:1: waivers: a waiver file is an object with a list: { waivers: [ { id, reason, expires } ] }"
            ),
            (
                #"{waivers: [{reason: "r", expires: "2027-01-01"}]}"#,
                "gates/waivers.json5:1:12: waivers[0]: a waiver names what it waives: give id (a vulnerability) or rule (a lint rule)"
            ),
            (
                #"{waivers: [{id: "x", expires: "2027-01-01"}]}"#,
                "gates/waivers.json5:1:12: waivers[0]: a waiver needs a reason: why the finding is accepted"
            ),
            (
                #"{waivers: [{id: "x", reason: "r"}]}"#,
                #"gates/waivers.json5:1:12: waivers[0]: a waiver needs an expiry date: expires: "YYYY-MM-DD""#
            ),
            (
                #"{waivers: [{id: "x", reason: "r", expires: "2027-02-30"}]}"#,
                "gates/waivers.json5:1:44: waivers[0].expires: expected a date YYYY-MM-DD, not '2027-02-30'"
            ),
            (
                #"{waivers: [{id: "x", reason: "r", expires: "2027-01-01", expiry: 1}]}"#,
                "gates/waivers.json5:1:58: waivers[0]: unknown key 'expiry'; expected one of: id, rule, package, path, reason, expires, approved_by (did you mean 'expires'?)"
            ),
            (
                #"{waivers: [{id: "", reason: "r", expires: "2027-01-01"}]}"#,
                "gates/waivers.json5:1:17: waivers[0].id: id is empty"
            ),
        ]
        for (text, message) in cases {
            let error = #expect(throws: GateFileErrors.self) { try waivers(text) }
            #expect(error?.errors.first?.description == message, "\(text)")
        }
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2026-11-21T19:04:05Z") == CalendarDate("2026-11-21"))
        #expect(CalendarDate("2026-11-21x") == nil)
        #expect(CalendarDate("1970-01-01")?.day == 0)
        #expect(CalendarDate("2026-12-31")?.adding(days: 1).description == "2027-01-01")
        #expect(CalendarDate("1960-03-01")?.description == "1960-03-01")
    }

    @Test func theGateFileNamesTheWaiverFile() throws {
        let root = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {lint: {paths: "l.txt", format: "diagnostics", waivers: "gates/waivers.json5"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#,
            "gates/waivers.json5":
                #"{waivers: [{rule: "Indentation", reason: "generated code", expires: "2099-01-01"}]}"#,
            "l.txt": "a.swift:1:1: warning: [Indentation] x\n",
        ])
        let result = run(["check", "--root", root, "--no-log"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Waivers:\n  Indentation: 1 finding waived until 2099-01-01 — generated code\n"))
        let broken = try temporaryProject([
            "gates/g.json5":
                #"{protocol: 1, reports: {lint: {paths: "l.txt", waivers: "w.json5"}}, gates: [{id: "l", require: "lint.total == 0"}]}"#
        ])
        let failed = run(["check", "--root", broken])
        #expect(failed.status == 2)
        #expect(
            failed.error
                == "error: gates/g.json5: reports.lint.waivers: cannot read the waiver file w.json5: no such file\n")
    }
}
