import Foundation
import Glibc
import Testing

@testable import GateKit

/// The six STRIDE categories a threat model covers.
private let strideSections = [
    "Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service",
    "Elevation of privilege",
]

private func check(_ pattern: String, sections: [String] = [], in root: String) throws -> DocumentResult {
    DocumentCheck.check(DocumentRequirement(pattern: try Glob(pattern), sections: sections), root: root)
}

/// Writes raw bytes at `path` under `root`.
private func write(_ bytes: [UInt8], to path: String, in root: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: root).appendingPathComponent(path))
}

@Suite struct DocumentCheckTests {
    static let threatModel = """
        # Threat model

        ## 1. Spoofing
        Who can pretend to be whom.

        ### **Tampering** of data

        Repudiation
        -----------

        ## information   DISCLOSURE

        ## Denial of Service (DoS)

        ```
        ## Elevation of privilege (only in a code block)
        ```

        ## E. `Elevation` of _privilege_: admin paths
        """

    @Test func aRequirementIsSatisfiedWhenEveryFileHasEverySection() throws {
        let root = try temporaryProject([
            "docs/adr/0002-queue.md": "# Use a queue\n", "docs/adr/0001-db.md": "# Use Postgres\n",
            "docs/threat-model.md": Self.threatModel,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try check("docs/adr/*.md", in: root)
                == DocumentResult(
                    requirement: "docs/adr/*.md", files: ["docs/adr/0001-db.md", "docs/adr/0002-queue.md"],
                    problems: []))
        let threats = try check("docs/threat-model.md", sections: strideSections, in: root)
        #expect(threats.satisfied)
        #expect(threats.files == ["docs/threat-model.md"])
    }

    @Test func theDescriptionNamesThePatternAndSections() throws {
        #expect(DocumentRequirement(pattern: try Glob("docs/adr/*.md")).description == "docs/adr/*.md")
        #expect(
            DocumentRequirement(pattern: try Glob("docs/threat-model.md"), sections: ["Spoofing", "Tampering"])
                .description == "docs/threat-model.md (sections: Spoofing, Tampering)")
    }

    @Test func aGlobThatMatchesNothingIsAProblem() throws {
        let root = try temporaryProject(["docs/readme.txt": "text"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try check("docs/adr/*.md", in: root)
        #expect(!result.satisfied)
        #expect(result.files == [])
        #expect(result.problems == ["no file matches docs/adr/*.md"])
        #expect(try check("docs/threat-model.md", in: root).problems == ["no file matches docs/threat-model.md"])
    }

    @Test func emptyAndWhiteSpaceOnlyFilesAreProblems() throws {
        let root = try temporaryProject([
            "docs/adr/0001.md": "", "docs/adr/0002.md": " \n\t\r\n\u{0C}\n", "docs/adr/0003.md": "x",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try check("docs/adr/*.md", sections: ["Context"], in: root).problems == [
                "docs/adr/0001.md is empty", "docs/adr/0002.md is empty (white space only)",
                "docs/adr/0003.md has no heading 'Context'",
            ])
    }

    @Test func everyFileOfAGlobIsCheckedForEverySection() throws {
        let root = try temporaryProject([
            "docs/adr/0001.md": "# ADR 1\n## Context\n## Decision\n",
            "docs/adr/0002.md": "# ADR 2\n## Context\n",
            "docs/adr/0003.md": "# ADR 3\nNo sections at all.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try check("docs/adr/*.md", sections: ["Context", "Decision"], in: root)
        #expect(result.files == ["docs/adr/0001.md", "docs/adr/0002.md", "docs/adr/0003.md"])
        #expect(
            result.problems == [
                "docs/adr/0002.md has no heading 'Decision'", "docs/adr/0003.md has no heading 'Context'",
                "docs/adr/0003.md has no heading 'Decision'",
            ])
    }

    @Test func headingsInCodeDoNotCount() throws {
        let root = try temporaryProject(["t.md": "# T\n```\n## Spoofing\n```\n    ## Tampering\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try check("t.md", sections: ["Spoofing", "Tampering"], in: root).problems == [
                "t.md has no heading 'Spoofing'", "t.md has no heading 'Tampering'",
            ])
    }

    @Test func aDirectoryNamedLikeThePatternIsNamedAsSuch() throws {
        let root = try temporaryProject(["docs/threat-model.md/notes.md": "# Notes", "docs/adr/x.md/y.md": "# Y"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try check("docs/threat-model.md", in: root).problems == [
                "docs/threat-model.md is a directory, not a document"
            ])
        #expect(try check("docs/adr/*.md", in: root).problems == ["no file matches docs/adr/*.md"])
        #expect(
            try check(root + "/docs/threat-model.md", in: "/nonexistent").problems == [
                root + "/docs/threat-model.md is a directory, not a document"
            ])
    }

    @Test func aPathThatIsNeitherFileNorDirectoryIsNamedAsSuch() throws {
        let root = try temporaryProject(["docs/keep.md": "# Keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/docs/pipe.md", 0o600) == 0)
        #expect(try check("docs/pipe.md", in: root).problems == ["docs/pipe.md is not a regular file"])
    }

    @Test func aDirectoryThatCannotBeSearchedIsAProblem() throws {
        let root = try temporaryProject(["docs/keep.md": "# Keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(symlink(root + "/loop", root + "/loop") == 0)
        let result = try check("loop/*.md", in: root)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("cannot read the directory 'loop': ") == true)
    }

    @Test func aFileThatCannotBeReadIsAProblemNamingItAndWhy() throws {
        let root = try temporaryProject(["docs/keep.md": "# Keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write([0xFF, 0xFE, 0, 0, 0x23, 0, 0, 0], to: "docs/utf32.md", in: root)
        #expect(
            try check("docs/utf32.md", sections: ["Keep"], in: root).problems == [
                "docs/utf32.md cannot be read: the file is UTF-32; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)"
            ])
    }

    @Test func anAbsolutePatternGivesAbsolutePaths() throws {
        let root = try temporaryProject(["docs/a.md": "# A"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try check(root + "/docs/*.md", sections: ["A"], in: "/nonexistent")
        #expect(
            result
                == DocumentResult(
                    requirement: root + "/docs/*.md (sections: A)", files: [root + "/docs/a.md"], problems: []))
    }

    @Test func crlfAndAByteOrderMarkAreRead() throws {
        let root = try temporaryProject(["docs/keep.md": "# Keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = Self.threatModel.replacingOccurrences(of: "\n", with: "\r\n")
        try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "docs/threat-model.md", in: root)
        #expect(try check("docs/threat-model.md", sections: strideSections, in: root).satisfied)
    }

    @Test func anInvalidByteInAHeadingIsComparedAfterLenientDecoding() throws {
        let root = try temporaryProject(["docs/keep.md": "# Keep"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(
            Array("## Spoofing".utf8) + [0xC3] + Array("\n## Tamp".utf8) + [0xFF] + Array("ering\n".utf8),
            to: "docs/t.md", in: root)
        #expect(
            try check("docs/t.md", sections: ["Spoofing", "Tampering"], in: root).problems == [
                "docs/t.md has no heading 'Tampering'"
            ])
    }

    @Test func aLargeDocumentIsCheckedToTheEnd() throws {
        let filler = "Paragraph text that is long enough to fill a line of a document.\n\n"
        let text = String(repeating: filler, count: 20 * 1024 * 1024 / filler.utf8.count) + "## Spoofing\n"
        let root = try temporaryProject(["docs/big.md": text])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try check("docs/big.md", sections: ["Spoofing", "Tampering"], in: root).problems == [
                "docs/big.md has no heading 'Tampering'"
            ])
    }

    @Test func normalisingRemovesMarkupNumbersCaseAndSpaceRuns() {
        let cases: [(String, String)] = [
            ("Spoofing", "spoofing"), ("  Information \t  DISCLOSURE ", "information disclosure"),
            ("**Tampering**", "tampering"), ("`Elevation` of _privilege_", "elevation of privilege"),
            ("snake_case", "snakecase"), ("\\*nix \\# tools", "nix # tools"),
            ("\\[x\\] \\{y\\} \\@ a\\b", "[x] {y} @ a\\b"), ("1. Spoofing", "spoofing"),
            ("2.3 Tampering", "tampering"), ("4) Repudiation", "repudiation"), ("A. Denial", "denial"),
            ("A.1 Denial", "denial"), ("10 Scope", "scope"), ("**1.** Scope", "scope"),
            ("A Spoofing attack", "a spoofing attack"), ("Ab. Scope", "ab. scope"), ("2FA recovery", "2fa recovery"),
            ("1.Scope", "1.scope"), ("1.", "1."), ("1. ", "1."), ("", ""), ("ÉLÉVATION", "élévation"),
        ]
        for (text, normalised) in cases {
            #expect(RequiredSection.normalize(text) == normalised, "\(text)")
        }
    }

    @Test func aSectionMatchesAnEqualHeadingOrOneItStartsFollowedByANonLetter() {
        let spoofing = RequiredSection("Spoofing")
        for heading in ["## Spoofing", "## Spoofing (S)", "### 1. Spoofing: identity", "# SPOOFING", "# Spoofing2"] {
            #expect(spoofing.isMatched(by: RequiredSection.normalize(heading.drop { $0 == "#" }.description)))
        }
        for heading in ["Spoofings", "Spoof", "Anti-spoofing", "Spoofingé"] {
            #expect(!spoofing.isMatched(by: RequiredSection.normalize(heading)), "\(heading)")
        }
        #expect(RequiredSection("Information  disclosure").isMatched(by: "information disclosure"))
        #expect(RequiredSection("Élévation").isMatched(by: RequiredSection.normalize("E\u{301}le\u{301}vation")))
        #expect(!RequiredSection("Cafe").isMatched(by: RequiredSection.normalize("Cafe\u{301}")))
    }
}
