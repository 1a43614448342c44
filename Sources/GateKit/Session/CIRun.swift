/// The CI run a check ran in, recognised from the environment.
///
/// Each provider is recognised by its own documented variables; empty values count as absent. A `CI` variable
/// set to anything but `false` or `0` with no known provider gives the provider "unknown" and nothing else.
public struct CIRun: Equatable, Sendable {
    /// "github-actions", "gitlab-ci", "jenkins", "circleci", "buildkite", "azure-pipelines" or "unknown".
    public var provider: String
    /// The id of the run ``url`` links to: the most specific one the provider names (a GitHub workflow run, a
    /// GitLab or CircleCI job, a Jenkins, Buildkite or Azure build).
    public var runID: String?
    /// A link to the run, built from the provider's variables.
    public var url: String?
    /// The repository: `owner/name` where the provider names it so, else its URL without credentials.
    public var repository: String?
    /// The commit the provider says it built (lowercase hex; nil when it is not a commit hash).
    public var commit: String?
    /// The job, workflow or pipeline name: "workflow / job" where the provider names both.
    public var job: String?

    public init(
        provider: String, runID: String? = nil, url: String? = nil, repository: String? = nil, commit: String? = nil,
        job: String? = nil
    ) {
        self.provider = provider
        self.runID = runID
        self.url = url
        self.repository = repository
        self.commit = commit
        self.job = job
    }

    /// The run described by `environment`; nil when not in CI.
    public static func detect(_ environment: [String: String]) -> CIRun? {
        let variables = Variables(values: environment)
        let providers = [githubActions, gitlabCI, circleCI, buildkite, azurePipelines, jenkins]
        for recognise in providers {
            if let run = recognise(variables) { return run }
        }
        guard let ci = variables["CI"], ci.lowercased() != "false", ci != "0" else { return nil }
        return CIRun(provider: "unknown")
    }

    /// `{"provider": …, "run_id": …, "url": …, "repository": …, "commit": …, "job": …}`, null where unknown.
    public var json: JSONOutput {
        .object([
            ("provider", .string(provider)), ("run_id", .optional(runID)), ("url", .optional(url)),
            ("repository", .optional(repository)), ("commit", .optional(commit)), ("job", .optional(job)),
        ])
    }

    /// https://docs.github.com/actions/reference/variables-reference: the run's page, for the attempt that ran.
    private static func githubActions(_ variables: Variables) -> CIRun? {
        guard variables.isTrue("GITHUB_ACTIONS") else { return nil }
        let runID = variables["GITHUB_RUN_ID"]
        var url = all(variables["GITHUB_SERVER_URL"].map(withoutTrailingSlash), variables["GITHUB_REPOSITORY"], runID)
            .map { $0[0] + "/" + $0[1] + "/actions/runs/" + $0[2] }
        if let attempt = variables["GITHUB_RUN_ATTEMPT"] { url = url.map { $0 + "/attempts/" + attempt } }
        return CIRun(
            provider: "github-actions", runID: runID, url: url, repository: variables["GITHUB_REPOSITORY"],
            commit: variables.commit("GITHUB_SHA"), job: variables.joined("GITHUB_WORKFLOW", "GITHUB_JOB"))
    }

    /// https://docs.gitlab.com/ci/variables/predefined_variables/: the job, or the pipeline when no job is named.
    private static func gitlabCI(_ variables: Variables) -> CIRun? {
        guard variables.isTrue("GITLAB_CI") else { return nil }
        let job = variables["CI_JOB_ID"].map { ($0, variables["CI_JOB_URL"]) }
        let pipeline = (variables["CI_PIPELINE_ID"], variables["CI_PIPELINE_URL"])
        let (runID, url) = job ?? pipeline
        return CIRun(
            provider: "gitlab-ci", runID: runID, url: url, repository: variables["CI_PROJECT_PATH"],
            commit: variables.commit("CI_COMMIT_SHA"), job: variables["CI_JOB_NAME"])
    }

    /// https://circleci.com/docs/variables/: the job (`CIRCLE_BUILD_NUM`), else the workflow.
    private static func circleCI(_ variables: Variables) -> CIRun? {
        guard variables.isTrue("CIRCLECI") else { return nil }
        let repository = all(variables["CIRCLE_PROJECT_USERNAME"], variables["CIRCLE_PROJECT_REPONAME"])
            .map { $0.joined(separator: "/") }
        return CIRun(
            provider: "circleci", runID: variables["CIRCLE_BUILD_NUM"] ?? variables["CIRCLE_WORKFLOW_ID"],
            url: variables["CIRCLE_BUILD_URL"], repository: repository, commit: variables.commit("CIRCLE_SHA1"),
            job: variables["CIRCLE_JOB"])
    }

    /// https://buildkite.com/docs/pipelines/environment-variables: the build (its number is in its URL).
    private static func buildkite(_ variables: Variables) -> CIRun? {
        guard variables.isTrue("BUILDKITE") else { return nil }
        return CIRun(
            provider: "buildkite", runID: variables["BUILDKITE_BUILD_NUMBER"] ?? variables["BUILDKITE_BUILD_ID"],
            url: variables["BUILDKITE_BUILD_URL"], repository: variables["BUILDKITE_REPO"].map(withoutCredentials),
            commit: variables.commit("BUILDKITE_COMMIT"),
            job: variables.joined("BUILDKITE_PIPELINE_SLUG", "BUILDKITE_LABEL"))
    }

    /// https://learn.microsoft.com/azure/devops/pipelines/build/variables: the build's results page.
    private static func azurePipelines(_ variables: Variables) -> CIRun? {
        guard variables.isTrue("TF_BUILD") else { return nil }
        let runID = variables["BUILD_BUILDID"]
        let url = all(
            variables["SYSTEM_COLLECTIONURI"].map(withoutTrailingSlash), variables["SYSTEM_TEAMPROJECT"], runID
        )
        .map { $0[0] + "/" + percentEncoded($0[1]) + "/_build/results?buildId=" + percentEncoded($0[2]) }
        return CIRun(
            provider: "azure-pipelines", runID: runID, url: url, repository: variables["BUILD_REPOSITORY_NAME"],
            commit: variables.commit("BUILD_SOURCEVERSION"), job: variables["BUILD_DEFINITIONNAME"])
    }

    /// https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables, and the Git plugin's
    /// `GIT_COMMIT` and `GIT_URL`.
    private static func jenkins(_ variables: Variables) -> CIRun? {
        guard variables["JENKINS_URL"] != nil else { return nil }
        return CIRun(
            provider: "jenkins", runID: variables["BUILD_NUMBER"] ?? variables["BUILD_ID"], url: variables["BUILD_URL"],
            repository: variables["GIT_URL"].map(withoutCredentials), commit: variables.commit("GIT_COMMIT"),
            job: variables["JOB_NAME"])
    }

    /// The values when none is nil.
    private static func all(_ values: String?...) -> [String]? {
        let present = values.compactMap { $0 }
        return present.count == values.count ? present : nil
    }

    private static func withoutTrailingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// `url` without a `user:password@` part, which may hold a token; `git@host:path` (no scheme) is left as it is.
    static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound] + url[authority.index(after: at)...])
    }

    /// `text` with every byte but letters, digits and `-._~` written as `%XX` (a URL path segment or query value).
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        for byte in text.utf8 {
            if byte.isASCIIDigit || (0x61...0x7A).contains(byte | 0x20) || "-._~".utf8.contains(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}

/// The environment, with empty values counted as absent.
private struct Variables {
    let values: [String: String]

    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Whether `name` is `true` in any case (Azure Pipelines writes `True`).
    func isTrue(_ name: String) -> Bool { self[name]?.lowercased() == "true" }

    /// The value of `name` when it is a commit hash, in lowercase.
    func commit(_ name: String) -> String? { self[name].flatMap { GitState.commitHash($0) } }

    /// The values of the names that are set, joined by " / ".
    func joined(_ names: String...) -> String? {
        let present = names.compactMap { self[$0] }
        return present.isEmpty ? nil : present.joined(separator: " / ")
    }
}
