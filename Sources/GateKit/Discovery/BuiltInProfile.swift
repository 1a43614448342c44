/// A built-in set of gates from the production standards, evaluated by `protocol check --profile NAME` and
/// written by `protocol init --profile NAME`. The gates are gate-file JSON5, read by the same parser as gate files.
public enum BuiltInProfile: String, CaseIterable, Sendable {
    /// The production standard: tests, 95% coverage, lint, no critical or high vulnerabilities, latency budget,
    /// code review, ADR and threat model, in the phases `code-complete` and `deployment`.
    case `protocol`
    /// The general standard: tests, 90% coverage, lint, type checking, a clean security scan, performance.
    case standards

    /// One gate of a profile: its JSON5 entry, a comment for people, and the category of reports it reads.
    struct Entry {
        let comment: String
        /// One or more lines (the second and later indented by two spaces relative to the first).
        let json5: String
        /// nil for attestation and document gates, which read no reports.
        let reads: ReportCategory?
    }

    /// The type checkers whose diagnostics `type_check` counts (the `tool` of a diagnostic, see the README).
    static let typeCheckers = "^(mypy|tsc|swiftc|msbuild|compiler)$"

    /// Where architecture decision records are kept: adr-tools' doc/adr, log4brains' docs/adr, MADR's docs/decisions.
    static let adrs = "{doc,docs}/{adr,decisions,architecture/decisions}/*.md"
    /// A threat model at the root or anywhere under doc/ or docs/.
    static let threatModel =
        "{{THREAT_MODEL,THREAT-MODEL,threat-model,threat_model}.md,{doc,docs}/**/*{threat-model,threat_model}*.md}"

    /// What the profile checks, in one sentence.
    public var summary: String {
        switch self {
        case .protocol:
            return "every test passes; line coverage >= 95%; no lint errors; no critical or high vulnerabilities; "
                + "p50 < 100 ms, p95 < 200 ms, p99 < 500 ms, error rate < 1%; code review attested; ADR and "
                + "threat-model documents present. Phases code-complete and deployment."
        case .standards:
            return "every test passes; line coverage >= 90%; no lint errors; type checking clean; security scan "
                + "clean; performance validated (p95 < 200 ms, p99 < 500 ms, error rate < 1%)."
        }
    }

    /// The gates, in display order.
    var entries: [Entry] {
        switch self {
        case .protocol:
            return [
                Entry(
                    comment: "Every test passes: no failed and no erroring test case (and at least one test ran).",
                    json5: #"{ id: "tests_pass", require: ["tests.failed == 0", "tests.errors == 0"], "#
                        + #"phase: "code-complete" },"#, reads: .tests),
                Entry(
                    comment: "Line coverage of the whole project.",
                    json5: #"{ id: "coverage", require: "coverage.lines >= 95%", phase: "code-complete" },"#,
                    reads: .coverage),
                Entry(
                    comment: "No lint error (warnings and notes are allowed).",
                    json5: #"{ id: "lint_clean", require: "lint.errors == 0", phase: "code-complete" },"#,
                    reads: .lint),
                Entry(
                    comment: "A peer reviewer approved the change: protocol attest code_review --by NAME.",
                    json5: #"{ id: "code_review", attest: "a peer reviewer approved the change", "#
                        + #"phase: "code-complete" },"#, reads: nil),
                Entry(
                    comment: "No open critical or high vulnerability (after waivers).",
                    json5: #"{ id: "security", require: ["vulns.critical == 0", "vulns.high == 0"], "#
                        + #"phase: "deployment" },"#, reads: .scan),
                Entry(
                    comment: "The latency budget and error rate of the load test.",
                    json5: #"{ id: "performance", phase: "deployment","#
                        + #"\#n  require: ["latency.p50 < 100ms", "latency.p95 < 200ms", "latency.p99 < 500ms", "#
                        + #""error_rate < 1%"] },"#, reads: .bench),
                Entry(
                    comment: "Architecture decision records and a threat model (non-empty Markdown files).",
                    json5: #"{ id: "design_docs", phase: "deployment", documents: ["#
                        + #"\#n  "\#(Self.adrs)","#
                        + #"\#n  "\#(Self.threatModel)","#
                        + #"\#n] },"#,
                    reads: nil),
            ]
        case .standards:
            return [
                Entry(
                    comment: "Every test passes: no failed and no erroring test case (and at least one test ran).",
                    json5: #"{ id: "tests_pass", require: ["tests.failed == 0", "tests.errors == 0"] },"#,
                    reads: .tests),
                Entry(
                    comment: "Line coverage of the whole project.",
                    json5: #"{ id: "coverage", require: "coverage.lines >= 90%" },"#, reads: .coverage),
                Entry(
                    comment: "No lint error (warnings and notes are allowed).",
                    json5: #"{ id: "lint_clean", require: "lint.errors == 0" },"#, reads: .lint),
                Entry(
                    comment: "Type checking clean: no error and no warning from a type checker or compiler "
                        + "(mypy, tsc, swiftc, MSBuild, clang/gcc diagnostics among the lint reports).",
                    json5: #"{ id: "type_check", require: ["#
                        + #"\#n  'lint.errors{tool~"\#(Self.typeCheckers)"} == 0',"#
                        + #"\#n  'lint.warnings{tool~"\#(Self.typeCheckers)"} == 0',"#
                        + #"\#n] },"#, reads: .lint),
                Entry(
                    comment: "Security scan clean: no open finding of any severity (after waivers).",
                    json5: #"{ id: "security_scan", require: "vulns.total == 0" },"#, reads: .scan),
                Entry(
                    comment: "Performance validated: the load test or benchmark meets the latency budget.",
                    json5: #"{ id: "performance", require: ["latency.p95 < 200ms", "latency.p99 < 500ms", "#
                        + #""error_rate < 1%"] },"#, reads: .bench),
            ]
        }
    }
}
