extension FileCoverage {
    /// This file's coverage combined with another report's coverage of the same file.
    ///
    /// When both reports have line detail, the lines are unioned (a line is instrumented if either report
    /// instruments it, covered if either covers it) and so are the per-line branch counts (see
    /// ``BranchCoverageMap``). Without line detail on both sides no union is possible, so the entry with more
    /// instrumented lines, then more covered lines, stands for the file (ties: the one read first). Functions are
    /// named differently by every format, so the larger function count (then the more covered) is kept.
    public func union(_ other: FileCoverage) -> FileCoverage {
        guard let mine = lineMap, let theirs = other.lineMap else {
            return (other.lines.total, other.lines.covered) > (lines.total, lines.covered) ? other : self
        }
        var lines = mine
        lines.merge(theirs)
        var branchMap = self.branchMap
        if let theirs = other.branchMap {
            if branchMap == nil { branchMap = theirs } else { branchMap?.merge(theirs) }
        }
        let branches = branchMap?.count ?? Self.larger(self.branches, other.branches)
        return FileCoverage(
            path: path, lineMap: lines, branches: branches, functions: Self.larger(functions, other.functions),
            branchMap: branchMap)
    }

    private static func larger(_ lhs: CoverageCount?, _ rhs: CoverageCount?) -> CoverageCount? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return (rhs.total, rhs.covered) > (lhs.total, lhs.covered) ? rhs : lhs
    }
}
