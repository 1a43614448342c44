import Testing

@testable import GateKit

@Suite struct CheckovJSONReaderTests {
    @Test func failedChecksCountSkippedOnesAreSuppressedPassedOnesAreNotFindings() throws {
        // checkov: terraform "Passed checks: 1, Failed checks: 2, Skipped checks: 1"; dockerfile "Failed checks: 1".
        let found = try ScannerJSONTest.findings(fixture("checkov-json/frameworks.json"), .checkovJSON)
        #expect(
            ScannerJSONTest.summary(found) == [
                "error unknown CKV_AWS_20 /main.tf:5:0 open S3 Bucket has an ACL defined which allows public READ "
                    + "access. (aws_s3_bucket.data)",
                "error high CKV_AWS_18 /main.tf:5:0 open Ensure the S3 bucket has access logging enabled "
                    + "(aws_s3_bucket.data)",
                "error unknown CKV_AWS_144 /main.tf:5:0 suppressed Ensure that S3 bucket has cross-region "
                    + "replication enabled (aws_s3_bucket.data)",
                "error unknown CKV_DOCKER_2 /Dockerfile:1:0 open Ensure that HEALTHCHECK instructions have been added "
                    + "to container images (/Dockerfile.)",
            ])
        #expect(found.allSatisfy { $0.tool == "checkov" && $0.kind == .config })
        let metrics = try store([.findings(FindingsReport(findings: found))], findings: .scan)
        #expect(try metrics.value("vulns.total") == 3)  // summary.failed 2 + 1
        #expect(try metrics.value("vulns.unknown") == 2)  // severity null: unknown, as documented
    }

    @Test func aSingleFrameworkObjectAndARunWithNothingToScan() throws {
        let single = try ScannerJSONTest.read(
            #"{"check_type":"kubernetes","results":{"failed_checks":[{"check_id":"CKV_K8S_8","#
                + #""check_name":"Liveness Probe Should be Configured","file_path":"/pod.yaml","#
                + #""file_line_range":null,"resource":null,"severity":"LOW"}]},"summary":{"failed":1}}"#, .checkovJSON)
        #expect(
            ScannerJSONTest.summary(single) == [
                "error low CKV_K8S_8 /pod.yaml:0:0 open Liveness Probe Should be Configured"
            ])
        #expect(try ScannerJSONTest.findings(fixture("checkov-json/empty.json"), .checkovJSON).isEmpty)
    }

    @Test func badInput() throws {
        try BadInputMatrix(
            format: .checkovJSON,
            sample:
                #"{"check_type":"terraform","results":{"passed_checks":[],"failed_checks":[{"check_id":"CKV_AWS_20","#
                + #""check_name":"S3 ACL allows public READ — café","file_path":"/main.tf","file_line_range":[1,4],"#
                + #""resource":"aws_s3_bucket.b","severity":null}],"skipped_checks":[],"parsing_errors":[]},"#
                + #""summary":{"passed":0,"failed":1,"skipped":0,"parsing_errors":0}}"#,
            truncated: "end of input"
        ).check()
    }

    @Test func malformedChecks() {
        let cases = [
            (#"{"check_type":"t","results":{"failed_checks":[{"check_name":"n"}]}}"#, "no check_id"),
            (
                #"{"check_type":"t","results":{"failed_checks":[{"check_id":"C","file_line_range":"5"}]}}"#,
                "file_line_range must be an array"
            ),
            (#""checkov""#, "neither an object nor an array"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: InputError.self) { try ScannerJSONTest.read(text, .checkovJSON) }
            #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
