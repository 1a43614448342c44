import Testing

@testable import GateKit

/// Totals over every file of a coverage report, the way the metrics add them up, for comparing with what the
/// producing tool printed.
struct CoverageTotals: Equatable, CustomStringConvertible {
    var lines: CoverageCount
    var branches: CoverageCount?
    var functions: CoverageCount?

    init(lines: CoverageCount, branches: CoverageCount? = nil, functions: CoverageCount? = nil) {
        self.lines = lines
        self.branches = branches
        self.functions = functions
    }

    init(_ report: Report) throws {
        self.init(try Self.files(report))
    }

    init(_ report: CoverageReport) {
        self.init(report.files)
    }

    init(_ files: [FileCoverage]) {
        func sum(_ counts: [CoverageCount?]) -> CoverageCount? {
            let known = counts.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(.zero, +)
        }
        self.init(
            lines: files.reduce(.zero) { $0 + $1.lines }, branches: sum(files.map(\.branches)),
            functions: sum(files.map(\.functions)))
    }

    var description: String {
        func show(_ count: CoverageCount?) -> String { count.map { "\($0.covered)/\($0.total)" } ?? "none" }
        return "lines \(show(lines)), branches \(show(branches)), functions \(show(functions))"
    }

    /// The files of a coverage report.
    static func files(_ report: Report) throws -> [FileCoverage] {
        guard case .coverage(let coverage) = report else { throw InputError("not a coverage report") }
        return coverage.files
    }

    /// Expects every figure the corpus checks for `entry`, except the metrics in `skipping`.
    func expectCorpusChecks(
        _ entry: CorpusExpectation, skipping: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (name, count) in [("lines", lines), ("branches", branches), ("functions", functions)]
        where !skipping.contains(name) {
            if let expected = entry.expected("coverage.\(name).total") {
                #expect(Double(count?.total ?? -1) == expected.value, "\(name)", sourceLocation: sourceLocation)
            }
            if let expected = entry.expected("coverage.\(name).covered") {
                #expect(Double(count?.covered ?? -1) == expected.value, "\(name)", sourceLocation: sourceLocation)
            }
            if let expected = entry.expected("coverage.\(name)") {
                #expect(
                    abs((count?.percent ?? -1) - expected.value) <= expected.tolerance + 1e-6, "\(name)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}

/// `covered` of `total` items, for short expectations: `covered(3, of: 4)`.
func covered(_ covered: Int, of total: Int) -> CoverageCount { CoverageCount(covered: covered, total: total) }

/// Small well-formed samples of the coverage formats, for recognition tests.
enum CoverageSamples {
    static let cobertura = """
        <?xml version="1.0" ?>
        <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
        <coverage version="7.4.1" timestamp="1718000000000" lines-valid="2" lines-covered="1" line-rate="0.5" \
        branches-covered="0" branches-valid="0" branch-rate="0" complexity="0">
        <sources><source>/src</source></sources>
        <packages><package name="." line-rate="0.5" branch-rate="0" complexity="0"><classes>
        <class name="a.py" filename="a.py" complexity="0" line-rate="0.5" branch-rate="0"><methods/><lines>
        <line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes></package></packages>
        </coverage>
        """
    static let clover = """
        <?xml version="1.0" encoding="UTF-8"?>
        <coverage generated="1718000000" clover="4.4.1"><project timestamp="1718000000">
        <metrics statements="2" coveredstatements="1" conditionals="0" coveredconditionals="0" methods="1" \
        coveredmethods="1" elements="3" coveredelements="2" files="1" loc="9" ncloc="7" packages="1" classes="1"/>
        <file name="a.php" path="/src/a.php"><line num="3" type="method" name="run" count="1"/>
        <line num="4" type="stmt" count="1"/><line num="5" type="stmt" count="0"/></file></project></coverage>
        """
    static let lcov = "TN:\nSF:src/a.c\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n"
    static let goCoverprofile = "mode: set\nexample.com/a/a.go:3.14,5.2 1 1\n"
    static let junit = "<testsuite name=\"a\" tests=\"1\"><testcase name=\"t\"/></testsuite>"
    static let jacoco = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
        <report name="app"><sessioninfo id="host-1" start="1718000000000" dump="1718000001000"/>
        <package name="com/example"><sourcefile name="A.java"><line nr="3" mi="0" ci="4" mb="0" cb="0"/>
        <counter type="LINE" missed="0" covered="1"/></sourcefile></package></report>
        """
    static let jacocoCSV = """
        GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,\
        LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED
        app,com.example,A,0,4,0,0,0,1,0,1,0,1

        """
    static let openCover = """
        <?xml version="1.0" encoding="utf-8"?>
        <CoverageSession><Summary numSequencePoints="1" visitedSequencePoints="1" numBranchPoints="0" \
        visitedBranchPoints="0" sequenceCoverage="100" branchCoverage="100" maxCyclomaticComplexity="1" \
        minCyclomaticComplexity="1" visitedClasses="1" numClasses="1" visitedMethods="1" numMethods="1" />
        <Modules><Module hash="1"><ModulePath>A.dll</ModulePath><ModuleName>A</ModuleName>
        <Files><File uid="1" fullPath="/src/A.cs" /></Files><Classes><Class><FullName>A</FullName><Methods><Method>
        <Name>System.Void A::Run()</Name><FileRef uid="1" /><SequencePoints>
        <SequencePoint vc="1" uspid="1" ordinal="0" sl="3" sc="1" el="3" ec="2" bec="0" bev="0" fileid="1" />
        </SequencePoints><BranchPoints /></Method></Methods></Class></Classes></Module></Modules></CoverageSession>
        """

    /// The samples of formats other than protocol's three JVM and .NET XML/CSV formats.
    static let others = [cobertura, clover, lcov, goCoverprofile, junit]

    /// The first format, in recognition order, that claims `text`.
    static func recognized(_ text: String) -> ReportFormat? {
        withByteSpan(text) { span in ReportFormat.allCases.first { $0.reader.recognizes(ContentHead(span)) } }
    }
}
