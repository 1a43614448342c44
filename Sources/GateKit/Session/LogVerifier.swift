/// Recomputes a session log's hash chain and names the first entry that breaks it.
///
/// Each line must parse as an entry, its `hash` must be the SHA-256 of its body (an edited entry fails here), its
/// `prev` the SHA-256 of the line before (a deleted, inserted or moved line fails here, or at the line after it),
/// its `seq` one more than the previous one's, and sessions never go back. A last line without its line feed is
/// torn. With an expected head (a hash printed earlier by `protocol log head`), the log must still contain it: an
/// entry cut from the end is detected. With an evidence store, every report digest of a check that kept evidence
/// must be stored, and the stored bytes must still have that digest.
public enum LogVerifier {
    /// What verifying found.
    public struct Result: Sendable, Equatable {
        /// Entries that verified before the first problem (all of them when there is none).
        public var entries: Int
        /// The line hash of the last entry that verified: what `protocol log head` prints.
        public var head: String?
        /// The first problem of the chain, and problems with evidence; empty when the log verifies.
        public var problems: [String]
        /// Evidence files checked.
        public var evidenceChecked: Int

        public var verified: Bool { problems.isEmpty }
    }

    public static func verify(_ log: SessionLog, expectedHead: String? = nil, evidence: EvidenceStore? = nil)
        -> Result
    {
        var result = Result(entries: 0, head: nil, problems: [], evidenceChecked: 0)
        var previous: (seq: Int, session: Int, hash: String)?
        var headSeen = expectedHead == nil
        var digests: [String] = []
        do throws(LogError) {
            try log.forEachLine { line, number, terminated throws(LogError) in
                guard result.problems.isEmpty else { return }
                guard terminated else {
                    result.problems.append(
                        "line \(number) is torn: the log ends without a line feed after \(line.count) bytes "
                            + "(a write was interrupted); protocol log repair sets it aside with a recorded entry")
                    return
                }
                let entry: LoggedEntry
                do throws(LogError) {
                    entry = try LoggedEntry(line: line, readingData: false)
                } catch {
                    result.problems.append("line \(number) is not a log entry: \(error.message)")
                    return
                }
                if let problem = problem(entry, line: number, after: previous) {
                    result.problems.append(problem)
                    return
                }
                previous = (entry.seq, entry.session, entry.lineHash)
                result.entries += 1
                result.head = entry.lineHash
                if entry.lineHash == expectedHead { headSeen = true }
                let keptEvidence = line.withUnsafeBufferPointer { bytes in
                    bytes.baseAddress.map {
                        ByteSpan(base: $0, count: bytes.count).firstIndex(of: "\"evidence\":true") != nil
                    }
                        ?? false
                }
                if entry.event == .check, keptEvidence {
                    let data = LoggedEntry.data(of: line)
                    if data["evidence"]?.kind == .bool(true) {
                        digests += (data["reports"]?.arrayValue ?? []).compactMap { $0["sha256"]?.stringValue }
                    }
                }
            }
        } catch {
            result.problems.append(error.message)
        }
        if result.problems.isEmpty, !headSeen, let expectedHead {
            result.problems.append(
                "the log no longer holds the head \(expectedHead): entries were cut from its end "
                    + "(its last entry now is seq \(previous?.seq ?? 0))")
        }
        if let evidence {
            for digest in Set(digests).sorted() {
                result.evidenceChecked += 1
                if let problem = evidence.problem(with: digest) { result.problems.append(problem) }
            }
        }
        return result
    }

    private static func problem(
        _ entry: LoggedEntry, line: Int, after previous: (seq: Int, session: Int, hash: String)?
    )
        -> String?
    {
        let name = "entry seq \(entry.seq) (line \(line))"
        guard entry.hashHolds else {
            return "\(name): its hash does not match its contents: the entry was edited"
        }
        let expectedPrev = previous?.hash ?? LogEntry.genesis
        guard entry.prev == expectedPrev else {
            return previous == nil
                ? "\(name): the first entry must chain to the genesis hash (64 zeros): entries before it were deleted"
                : "\(name): its prev does not match the entry before it (seq \(previous?.seq ?? 0)): "
                    + "an entry was deleted, inserted or moved here"
        }
        let expectedSeq = (previous?.seq ?? 0) + 1
        guard entry.seq == expectedSeq else {
            return "\(name): expected seq \(expectedSeq)"
        }
        if let previous, entry.session < previous.session {
            return "\(name): session \(entry.session) comes after session \(previous.session)"
        }
        return nil
    }
}
