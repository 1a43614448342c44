/// Reads SARIF 2.1.0 (OASIS): CodeQL, semgrep, Trivy, Grype, ESLint, ruff, SwiftLint, bandit, gitleaks,
/// Flawfinder, govulncheck, OWASP Dependency-Check and every other tool that writes it.
///
/// One finding per `runs[].results[]` entry, in file order, every run of the log; the tool is the run's
/// `tool.driver.name`, lowercased. Counts equal the tool's own results count (semgrep's, CodeQL's alerts) less the
/// results SARIF itself says are not problems, which are kept with a state and do not count:
/// - `suppressions` with an entry whose `status` is absent or `accepted` → suppressed (`underReview` and `rejected`
///   do not suppress; an empty array is no suppression);
/// - else `baselineState: absent` → absent (fixed since the baseline);
/// - else `kind` other than `fail` (`pass`, `open`, `review`, `informational`, `notApplicable`), or an effective level
///   of `none` → informational (Flawfinder's `kind: pass` result is not a finding).
///
/// Level (lint): `result.level`, else the rule's `defaultConfiguration.level`, else `warning` (SARIF §3.27.10;
/// semgrep, CodeQL, bandit and gitleaks write no result level). `none` gives level note (and informational).
/// The rule is found by `ruleIndex` (or `rule.index`) in `tool.driver.rules`, else by `ruleId` (or `rule.id`) in
/// the driver's and extensions' rules, else by the longest `/`-separated prefix of a hierarchical `ruleId`. Rules may
/// come before or after the results: when results come first, what they leave to their rule is resolved at the
/// end of the run.
///
/// Severity (scan), first that applies: `properties.security-severity` of the result, else of its rule, as a CVSS
/// score (GitHub's convention, written by CodeQL, Trivy, Grype); else a severity word of the result's, else the
/// rule's, `properties` (`severity`, `issue_severity`: Dependency-Check, bandit) with `cvssv3_baseScore` beside it
/// (``SeverityScale/severity(word:score:)``); else the level: error → high, warning → medium, note → low.
/// `cvssScore` is the security-severity score, else `cvssv3_baseScore`.
///
/// Kind: secret for secret scanners (gitleaks, trufflehog, detect-secrets); dependency when a package is named
/// (a `purl`/`purls` property of the result or rule, or Trivy's `Package:`/`Installed Version:` message) or the
/// rule is a vulnerability id (CVE-, GHSA-, GO-, PYSEC-, RUSTSEC-, OSV-) or tagged `vulnerability`; config when
/// tagged `misconfiguration`; else code.
///
/// Location: the first `locations[].physicalLocation`: `artifactLocation.uri`, prefixed with the run's
/// `originalUriBaseIds` entry for its `uriBaseId` when the log gives one, `file://` removed (and the slash before
/// a Windows drive), percent-escapes decoded; `region.startLine` and `startColumn`. A location given only by an
/// artifact index has no path (`artifacts` is skipped unread, as are `invocations`, `taxonomies`, `graphs`,
/// `threadFlows` and `codeFlows`). Message: `message.text` (else `markdown`, else the message `id`), first line,
/// at most 240 bytes.
///
/// Fingerprint: the value of the first key (sorted) of `fingerprints`, else of `partialFingerprints`, qualified as
/// `rule|path:line|value`: tools hash only the line's text (CodeQL's `primaryLocationLineHash`, Flawfinder's
/// `contextHash`), so the bare value repeats across files, rules and identical lines of one file, and would merge
/// results the tool counts apart.
///
/// A `version` other than 2.1.x (the 2.0.0 drafts have another layout) is an error, as is invalid JSON.
public enum SARIFReader: ReportReader {
    public static let category = ReportCategory.lint
    public static let categories: [ReportCategory] = [.lint, .scan]
    public static let displayName = "SARIF 2.1.0"

    /// True for a JSON object with a `$schema` naming SARIF, or a `runs` array whose first run starts with one of
    /// a run's keys (`tool`, `results`, `invocations`…).
    public static func recognizes(_ head: ContentHead) -> Bool {
        head.probeJSON { json throws(InputError) in
            guard try json.next() == .beginObject else { return false }
            while try json.next() == .key {
                if json.bytes == "$schema" {
                    return try json.next() == .string && json.bytes.firstIndex(of: "sarif") != nil
                }
                if json.bytes == "runs" {
                    guard try json.next() == .beginArray, try json.next() == .beginObject, try json.next() == .key
                    else { return false }
                    let key = json.bytes
                    return key == "tool" || key == "results" || key == "invocations" || key == "artifacts"
                        || key == "originalUriBaseIds"
                }
                try json.skipValue()
            }
            return false
        }
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let json = JSONTokenizer(input)
        try json.openObject(of: "a SARIF log")
        var findings: [Finding] = []
        var pool = SARIFStringPool()
        var hasRuns = false
        try json.forEachMember { key throws(InputError) in
            if key == "runs" {
                hasRuns = true
                try json.forEachElement { () throws(InputError) in
                    var run = SARIFRun(json: json)
                    try run.read(into: &findings, pool: &pool)
                }
            } else if key == "version" {
                let version = try json.readString()
                guard version.hasPrefix("2.1") else {
                    throw InputError(
                        "SARIF version \(version) is not supported (protocol reads SARIF 2.1.0)", line: json.line,
                        column: json.column)
                }
            }
        }
        try json.expectEnd()
        guard hasRuns else { throw InputError("not a SARIF log: no runs") }
        return .findings(FindingsReport(findings: findings))
    }
}
