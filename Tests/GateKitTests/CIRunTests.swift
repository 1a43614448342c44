import Testing

@testable import GateKit

private let sha = "3f786850e387550fdab836ed7e6dc881de23001b"

@Suite struct CIRunTests {
    @Test func githubActions() {
        let environment = [
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "octo-org/payments", "GITHUB_RUN_ID": "9876543210", "GITHUB_RUN_ATTEMPT": "2",
            "GITHUB_WORKFLOW": "CI", "GITHUB_JOB": "build", "GITHUB_SHA": sha, "GITHUB_REF": "refs/heads/main",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "github-actions", runID: "9876543210",
                    url: "https://github.com/octo-org/payments/actions/runs/9876543210/attempts/2",
                    repository: "octo-org/payments", commit: sha, job: "CI / build"))
        var firstAttempt = environment
        firstAttempt["GITHUB_RUN_ATTEMPT"] = ""
        firstAttempt["GITHUB_SERVER_URL"] = "https://github.example.com/"
        firstAttempt["GITHUB_WORKFLOW"] = ""
        let run = CIRun.detect(firstAttempt)
        #expect(run?.url == "https://github.example.com/octo-org/payments/actions/runs/9876543210")
        #expect(run?.job == "build")
    }

    @Test func gitlabCI() {
        let environment = [
            "CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_ID": "1029384", "CI_JOB_ID": "5566778",
            "CI_JOB_URL": "https://gitlab.com/group/project/-/jobs/5566778",
            "CI_PIPELINE_URL": "https://gitlab.com/group/project/-/pipelines/1029384",
            "CI_PROJECT_PATH": "group/project",
            "CI_COMMIT_SHA": sha, "CI_JOB_NAME": "test:unit",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "gitlab-ci", runID: "5566778", url: "https://gitlab.com/group/project/-/jobs/5566778",
                    repository: "group/project", commit: sha, job: "test:unit"))
        var pipelineOnly = environment
        pipelineOnly["CI_JOB_ID"] = ""
        let run = CIRun.detect(pipelineOnly)
        #expect(run?.runID == "1029384")
        #expect(run?.url == "https://gitlab.com/group/project/-/pipelines/1029384")
    }

    @Test func jenkins() {
        let environment = [
            "JENKINS_URL": "https://ci.example.com/", "BUILD_URL": "https://ci.example.com/job/payments/main/42/",
            "BUILD_NUMBER": "42", "BUILD_ID": "42", "JOB_NAME": "payments/main", "GIT_COMMIT": sha,
            "GIT_URL": "https://deploy:s3cr3t@git.example.com/team/payments.git",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "jenkins", runID: "42", url: "https://ci.example.com/job/payments/main/42/",
                    repository: "https://git.example.com/team/payments.git", commit: sha, job: "payments/main"))
        var buildIDOnly = environment
        buildIDOnly["BUILD_NUMBER"] = nil
        buildIDOnly["BUILD_ID"] = "2024-05-01_12-00-00"
        #expect(CIRun.detect(buildIDOnly)?.runID == "2024-05-01_12-00-00")
    }

    @Test func circleCI() {
        let environment = [
            "CI": "true", "CIRCLECI": "true", "CIRCLE_BUILD_URL": "https://circleci.com/gh/acme/payments/1234",
            "CIRCLE_BUILD_NUM": "1234", "CIRCLE_WORKFLOW_ID": "6b7a8c6e-2f1d-4c3b-9a8e-0d1c2b3a4f5e",
            "CIRCLE_PROJECT_USERNAME": "acme", "CIRCLE_PROJECT_REPONAME": "payments", "CIRCLE_SHA1": sha,
            "CIRCLE_JOB": "test",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "circleci", runID: "1234", url: "https://circleci.com/gh/acme/payments/1234",
                    repository: "acme/payments", commit: sha, job: "test"))
        var workflowOnly = environment
        workflowOnly["CIRCLE_BUILD_NUM"] = ""
        workflowOnly["CIRCLE_PROJECT_USERNAME"] = ""
        #expect(CIRun.detect(workflowOnly)?.runID == "6b7a8c6e-2f1d-4c3b-9a8e-0d1c2b3a4f5e")
        #expect(CIRun.detect(workflowOnly)?.repository == nil)
    }

    @Test func buildkite() {
        let environment = [
            "CI": "true", "BUILDKITE": "true",
            "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/payments/builds/59034",
            "BUILDKITE_BUILD_ID": "b81ed283-58b7-4925-aa4a-d3da0eafcf2b", "BUILDKITE_BUILD_NUMBER": "59034",
            "BUILDKITE_PIPELINE_SLUG": "payments", "BUILDKITE_COMMIT": sha, "BUILDKITE_LABEL": ":swift: test",
            "BUILDKITE_REPO": "git@github.com:acme/payments.git",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "buildkite", runID: "59034", url: "https://buildkite.com/acme/payments/builds/59034",
                    repository: "git@github.com:acme/payments.git", commit: sha, job: "payments / :swift: test"))
        var idOnly = environment
        idOnly["BUILDKITE_BUILD_NUMBER"] = ""
        idOnly["BUILDKITE_COMMIT"] = "HEAD"
        #expect(CIRun.detect(idOnly)?.runID == "b81ed283-58b7-4925-aa4a-d3da0eafcf2b")
        #expect(CIRun.detect(idOnly)?.commit == nil)
    }

    @Test func azurePipelines() {
        let environment = [
            "TF_BUILD": "True", "BUILD_BUILDID": "1430", "SYSTEM_COLLECTIONURI": "https://dev.azure.com/fabrikam/",
            "SYSTEM_TEAMPROJECT": "Fabrikam Fiber", "BUILD_REPOSITORY_NAME": "payments",
            "BUILD_SOURCEVERSION": sha.uppercased(), "BUILD_DEFINITIONNAME": "payments-ci",
        ]
        #expect(
            CIRun.detect(environment)
                == CIRun(
                    provider: "azure-pipelines", runID: "1430",
                    url: "https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_build/results?buildId=1430",
                    repository: "payments", commit: sha, job: "payments-ci"))
        var noProject = environment
        noProject["SYSTEM_TEAMPROJECT"] = ""
        #expect(CIRun.detect(noProject)?.url == nil)
        #expect(CIRun.detect(noProject)?.runID == "1430")
    }

    @Test func emptyValuesCountAsAbsent() {
        #expect(CIRun.detect(["GITHUB_ACTIONS": "", "GITLAB_CI": "", "JENKINS_URL": "", "CI": ""]) == nil)
        #expect(
            CIRun.detect(["GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "", "GITHUB_SHA": "", "GITHUB_REPOSITORY": ""])
                == CIRun(provider: "github-actions"))
    }

    @Test func genericCIIsAnUnknownProvider() {
        #expect(CIRun.detect(["CI": "true"]) == CIRun(provider: "unknown"))
        #expect(CIRun.detect(["CI": "1", "GITHUB_ACTIONS": "false"]) == CIRun(provider: "unknown"))
        #expect(CIRun.detect(["CI": "woodpecker"]) == CIRun(provider: "unknown"))
        #expect(CIRun.detect(["CI": "false"]) == nil)
        #expect(CIRun.detect(["CI": "0"]) == nil)
    }

    @Test func noCI() {
        #expect(CIRun.detect([:]) == nil)
        #expect(CIRun.detect(["HOME": "/home/dev", "PATH": "/usr/bin", "TERM": "xterm"]) == nil)
    }

    @Test func credentialsAreDroppedFromRepositoryURLs() {
        #expect(CIRun.withoutCredentials("https://user:token@host.example/a/b.git") == "https://host.example/a/b.git")
        #expect(CIRun.withoutCredentials("https://token@host.example") == "https://host.example")
        #expect(CIRun.withoutCredentials("https://host.example/a@b") == "https://host.example/a@b")
        #expect(CIRun.withoutCredentials("ssh://git@host.example:22/a.git") == "ssh://host.example:22/a.git")
        #expect(CIRun.withoutCredentials("git@host.example:a/b.git") == "git@host.example:a/b.git")
    }

    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        #expect(CIRun.percentEncoded("Az09-._~") == "Az09-._~")
        #expect(CIRun.percentEncoded("a b/c?d&é") == "a%20b%2Fc%3Fd%26%C3%A9")
    }

    @Test func jsonHasEveryKeyWithNullsWhereUnknown() {
        let run = CIRun(provider: "jenkins", runID: "42", url: "https://ci.example.com/job/x/42/", job: "x")
        #expect(
            run.json.rendered() == """
                {
                  "provider": "jenkins",
                  "run_id": "42",
                  "url": "https://ci.example.com/job/x/42/",
                  "repository": null,
                  "commit": null,
                  "job": "x"
                }

                """)
    }
}
