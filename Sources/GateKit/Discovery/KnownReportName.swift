/// A file name or place where a tool writes its report by default, with the tool's name, so discovery can say
/// what wrote a report it found. The format itself is always recognised from the content.
struct KnownReportName: Sendable {
    /// Matches the file's root-relative path.
    let glob: Glob
    /// What writes it, for the comment beside the report in a generated gate file.
    let writtenBy: String

    /// The default output paths of the tools whose formats protocol reads, most specific first.
    static let all: [KnownReportName] = [
        // coverage
        ("**/coverage/lcov.info", "jest/nyc/c8/vitest --coverage, lcov reporter"),
        ("**/{lcov.info,coverage.lcov,*.lcov}", "lcov, llvm-cov export -format=lcov, coverage.py lcov, cargo-llvm-cov"),
        ("**/coverage-final.json", "jest/nyc/c8/vitest, json reporter"),
        ("**/coverage-summary.json", "jest/nyc/c8/vitest, json-summary reporter"),
        ("**/cobertura-coverage.xml", "jest/nyc/c8, cobertura reporter"),
        ("**/coverage.cobertura.xml", "coverlet, dotnet test --collect:\"XPlat Code Coverage\""),
        ("**/coverage.opencover.xml", "coverlet, opencover format"),
        ("**/{coverage.xml,cobertura.xml}", "coverage.py coverage xml, pytest --cov-report=xml, gcovr --cobertura"),
        ("**/coverage/{.resultset.json,coverage.json}", "SimpleCov"),
        ("**/coverage.json", "coverage.py coverage json, pytest --cov-report=json"),
        ("**/clover.xml", "PHPUnit --coverage-clover, OpenClover, jest/nyc clover reporter"),
        ("**/{jacoco.xml,jacocoTestReport.xml}", "JaCoCo: Maven jacoco:report, Gradle jacocoTestReport"),
        ("**/jacoco.csv", "JaCoCo CSV"),
        ("**/{coverage.out,cover.out,coverage.txt}", "go test -coverprofile"),
        (".build/debug/codecov/*.json", "swift test --enable-code-coverage"),
        // tests
        ("**/build/test-results/**/*.xml", "Gradle test"),
        ("**/target/{surefire,failsafe}-reports/*.xml", "Maven Surefire/Failsafe"),
        ("**/*-swift-testing.xml", "swift test --xunit-output, Swift Testing"),
        ("**/{junit,test-results,TEST-*,xunit}*.xml", "jest-junit, pytest --junitxml, go-junit-report…"),
        ("**/*.trx", "dotnet test --logger trx"),
        ("**/TestResult.xml", "nunit3-console"),
        ("**/Testing/*/Test.xml", "ctest -T Test"),
        ("**/*.tap", "prove, node-tap, bats…"),
        // lint
        ("**/{eslint,eslint-report}.json", "eslint --format json"),
        ("**/*.sarif{,.json}", "CodeQL, semgrep, ESLint, Trivy…"),
        ("**/checkstyle{-result,}.xml", "Checkstyle"),
        ("**/{swiftlint,pylint,ruff,golangci-lint,mypy}*.json", "the linter's JSON reporter"),
        ("**/gl-code-quality-report.json", "GitLab Code Quality"),
        // scan
        ("**/trivy*.json", "trivy --format json"),
        ("**/grype*.json", "grype -o json"),
        ("**/dependency-check-report.{json,xml}", "OWASP Dependency-Check"),
        ("**/gl-*-report.json", "GitLab security analyzer"),
        ("**/{npm-audit,audit}.json", "npm audit --json"),
        ("**/{gitleaks,bandit,gosec,semgrep,snyk,osv-scanner,pip-audit}*.json", "the scanner's JSON output"),
        // bench
        ("**/{summary,k6-summary,summary-export}.json", "k6 --summary-export or handleSummary"),
        ("**/*.jtl", "jmeter -n -l"),
        ("**/statistics.json", "JMeter dashboard, jmeter -e -o"),
        ("**/{stats,global_stats}.json", "Gatling"),
        ("**/simulation.log", "Gatling"),
        ("**/*_stats{,_history}.csv", "locust --csv"),
    ].compactMap { pattern, writtenBy in
        (try? Glob(pattern)).map { KnownReportName(glob: $0, writtenBy: writtenBy) }
    }

    /// Known places inside folders the walk skips (build output), searched directly.
    static let insideSkippedFolders = all.filter { $0.glob.pattern.hasPrefix(".build/") }

    /// The tool that writes `path` by default, if it is a known name.
    static func writer(of path: String) -> String? {
        all.first { $0.glob.matches(path) }?.writtenBy
    }
}
