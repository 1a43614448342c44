/// The findings of several reports with the same finding merged (the rules are ``FindingsView``'s): one group per
/// finding, in first-seen order; a finding joins the oldest group under one of its identities that has no finding
/// of its report yet, and the group is then known by its new identities too.
///
/// Identities are indexed by a 128-bit hash (two keyed SipHash values) instead of by their text, so grouping builds
/// no string per finding and costs about 40 bytes an identity: two reports of 65,000 findings group in a few MB.
/// Two different identities would be taken for one only on a 128-bit collision.
struct FindingGroups {
    private(set) var groups: [Finding] = []
    /// The first report of each group; the others in `laterReports` as (group, report) pairs.
    private var firstReport: [Int32] = []
    private var laterReports: Set<UInt64> = []
    /// The newest link of each identity; links chain the groups an identity names, newest first.
    private var newestLink: [IdentityKey: Int32] = [:]
    private var links: [(group: Int32, older: Int32)] = []

    /// Adds a counted finding of report `report` (a report's index, below 2³¹).
    mutating func add(_ finding: Finding, from report: Int) {
        let keys = Self.identities(of: finding)
        var chosen: Int32?
        for key in keys {
            forEachGroup(under: key) { group in
                if group < (chosen ?? .max), !contains(group, report) { chosen = group }
            }
        }
        if let group = chosen {
            groups[Int(group)] = Self.merged(groups[Int(group)], finding)
            laterReports.insert(Self.pair(group, report))
            for key in Self.identities(of: groups[Int(group)]) { index(group, under: key) }
        } else {
            groups.append(finding)
            firstReport.append(Int32(truncatingIfNeeded: report))
            for key in keys { index(Int32(groups.count - 1), under: key) }
        }
    }

    private func contains(_ group: Int32, _ report: Int) -> Bool {
        firstReport[Int(group)] == Int32(truncatingIfNeeded: report)
            || laterReports.contains(Self.pair(group, report))
    }

    private static func pair(_ group: Int32, _ report: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: group)) << 32 | UInt64(UInt32(truncatingIfNeeded: report))
    }

    private func forEachGroup(under key: IdentityKey, _ body: (Int32) -> Void) {
        var link = newestLink[key] ?? -1
        while link >= 0 {
            body(links[Int(link)].group)
            link = links[Int(link)].older
        }
    }

    private mutating func index(_ group: Int32, under key: IdentityKey) {
        var known = false
        forEachGroup(under: key) { if $0 == group { known = true } }
        guard !known else { return }
        links.append((group, newestLink[key] ?? -1))
        newestLink[key] = Int32(links.count - 1)
    }

    /// A hashed identity.
    private struct IdentityKey: Hashable {
        let first: Int
        let second: Int
    }

    /// The identities under which a finding is the same as another: a dependency finding by each of its ids and
    /// aliases (case-insensitive) with its package (case-insensitive) and installed version; another by its tool's
    /// fingerprint, and by its rule at its path, line and column.
    private static func identities(of finding: Finding) -> [IdentityKey] {
        if let package = finding.package {
            let name = package.name.lowercased()
            let version = package.installed ?? ""
            let ids = [finding.rule].compactMap { $0 } + finding.aliases
            return ids.map { id in
                key {
                    $0.combine(0 as UInt8)
                    $0.combine(id.uppercased())
                    $0.combine(name)
                    $0.combine(version)
                }
            }
        }
        var keys: [IdentityKey] = []
        if let fingerprint = finding.fingerprint {
            keys.append(
                key {
                    $0.combine(1 as UInt8)
                    $0.combine(finding.tool)
                    $0.combine(fingerprint)
                })
        }
        if let rule = finding.rule, let path = finding.path, let line = finding.line {
            keys.append(
                key {
                    $0.combine(2 as UInt8)
                    $0.combine(rule)
                    $0.combine(path)
                    $0.combine(line)
                    $0.combine(finding.column ?? 0)
                })
        }
        return keys
    }

    private static func key(_ fields: (inout Hasher) -> Void) -> IdentityKey {
        var first = Hasher()
        first.combine(0x5eed_0001 as UInt32)
        fields(&first)
        var second = Hasher()
        second.combine(0x5eed_0002 as UInt32)
        fields(&second)
        return IdentityKey(first: first.finalize(), second: second.finalize())
    }

    /// The group's finding with `second` merged in: the most severe severity and level, the highest CVSS score, every
    /// tool (sorted, joined by ", "), every other id as an alias, a fixed version when the first had none.
    private static func merged(_ first: Finding, _ second: Finding) -> Finding {
        var result = first
        let tools = Set((first.tool + "," + second.tool).split(separator: ",").map { String($0).trimmingSpaces })
        result.tool = tools.sorted().joined(separator: ", ")
        result.severity = min(first.severity, second.severity)
        result.level = min(first.level, second.level)
        result.cvssScore = [first.cvssScore, second.cvssScore].compactMap { $0 }.max()
        result.aliases = Array(
            Set(first.aliases + second.aliases + [second.rule].compactMap { $0 }).subtracting(
                [first.rule].compactMap { $0 })
        ).sorted()
        if result.package?.fixed == nil { result.package?.fixed = second.package?.fixed }
        return result
    }
}
