import Testing

@testable import GateKit

@Suite struct SeverityScaleTests {
    @Test(arguments: [
        // Scores as the FIRST CVSS v3.1 calculator and NVD print them.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),  // CVE-2021-44228 (Log4Shell) before its S:C rescore
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),  // CVE-2021-44228 as NVD scores it
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9),
        ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),  // the usual reflected XSS
        ("CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2),
        ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),  // CVSS v2
        ("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3),
    ])
    func baseScoresOfVectors(_ vector: String, _ score: Double) {
        #expect(SeverityScale.baseScore(ofVector: vector) == score)
    }

    @Test func incompleteOrUnknownVectorsHaveNoScore() {
        #expect(SeverityScale.baseScore(ofVector: "CVSS:3.1/AV:N/AC:L") == nil)
        #expect(SeverityScale.baseScore(ofVector: "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == nil)
        #expect(
            SeverityScale.baseScore(ofVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N") == nil)
        #expect(SeverityScale.baseScore(ofVector: "garbage") == nil)
        #expect(SeverityScale.baseScore(ofVector: "") == nil)
    }

    @Test func wordsScoresAndWhichWins() {
        #expect(SeverityScale.severity(ofWord: "CRITICAL") == .critical)
        #expect(SeverityScale.severity(ofWord: "Moderate") == .medium)
        #expect(SeverityScale.severity(ofWord: "negligible") == .low)
        #expect(SeverityScale.severity(ofWord: "UNKNOWN") == nil)
        #expect(SeverityScale.severity(ofWord: "") == nil)
        #expect(SeverityScale.severity(ofScore: 9.0) == .critical)
        #expect(SeverityScale.severity(ofScore: 8.9) == .high)
        #expect(SeverityScale.severity(ofScore: 4.0) == .medium)
        #expect(SeverityScale.severity(ofScore: 3.9) == .low)
        #expect(SeverityScale.severity(ofScore: 0) == .low)
        #expect(SeverityScale.severity(word: "Low", score: 8.2) == .low, "the tool's word wins over the score")
        #expect(SeverityScale.severity(word: "", score: 8.2) == .high)
        #expect(SeverityScale.severity(word: nil, score: nil) == .unknown)
    }
}
