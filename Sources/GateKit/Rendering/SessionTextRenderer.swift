/// Renders sessions for people: the list, the status of one, and its checks over time.
public enum SessionTextRenderer {
    /// One line per session: number, status, start, close, checks, the latest verdict and the title.
    public static func list(_ sessions: [SessionRecord]) -> String {
        guard !sessions.isEmpty else { return "No sessions yet: protocol session start TITLE opens one.\n" }
        let rows =
            [["#", "status", "started", "closed", "checks", "latest", "title"]]
            + sessions.map { session in
                [
                    "\(session.number)", session.isOpen ? "open" : "closed", session.started ?? "-",
                    session.closed ?? "-", "\(session.checks.count)", verdict(of: session.checks.last), session.title,
                ]
            }
        return table(rows)
    }

    /// The open session: its checks, its latest verdict, and the attestation gates still to attest.
    public static func status(_ session: SessionRecord, attestationGates: [Gate]) -> String {
        var lines = ["Session \(session.number) “\(session.title)”: open since \(session.started ?? "?")"]
        let checks = session.checks
        if let latest = checks.last {
            let failing = LoggedGate.gates(of: latest).filter { $0.status == "fail" }.map(\.id)
            lines.append(
                "  \(checks.count) check\(checks.count == 1 ? "" : "s"); the latest (entry \(latest.seq), \(latest.time)): "
                    + verdict(of: latest) + (failing.isEmpty ? "" : ", failing: " + failing.joined(separator: ", ")))
        } else {
            lines.append("  no check yet: protocol check records one")
        }
        lines += attestationLines(session, gates: attestationGates)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every check of a session with each gate's values over time, then the attestations.
    public static func show(_ session: SessionRecord) -> String {
        var lines = [
            "Session \(session.number) “\(session.title)”: "
                + (session.closed.map { "closed \($0)" } ?? "open") + ", started \(session.started ?? "?")"
        ]
        let checks = session.checks
        if checks.isEmpty {
            lines.append("No checks.")
        } else {
            lines.append(
                "Checks: " + checks.map { "entry \($0.seq) \($0.time) \(verdict(of: $0))" }.joined(separator: "; "))
            // One row per gate condition (or per gate, for attestation and document gates), one cell per check.
            let gatesByCheck = checks.map { LoggedGate.gates(of: $0) }
            var keys: [(gate: String, condition: String)] = []
            for gates in gatesByCheck {
                for gate in gates {
                    for text in gate.conditions.isEmpty ? [""] : gate.conditions.map(\.text)
                    where !keys.contains(where: { $0 == (gate.id, text) }) {
                        keys.append((gate.id, text))
                    }
                }
            }
            let rows = keys.map { key in
                [key.gate, key.condition] + [
                    gatesByCheck.map { gates -> String in
                        guard let gate = gates.first(where: { $0.id == key.gate }) else { return "·" }
                        guard let condition = gate.conditions.first(where: { $0.text == key.condition }) else {
                            return gate.status
                        }
                        return value(condition.value, condition.unit) + (condition.passed ? " ✓" : " ✗")
                    }.joined(separator: " → ")
                ]
            }
            lines.append("")
            lines += table(rows).split(separator: "\n").map(String.init)
        }
        let attestations = session.attestations.values.sorted { $0.seq < $1.seq }
        if !attestations.isEmpty {
            lines += ["", "Attestations:"]
            lines += attestations.map { "  \($0.gate): \($0.by) at \($0.time)" + ($0.note.map { " — \($0)" } ?? "") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "attested: … / not attested: …" lines for the attestation gates of the gate files.
    static func attestationLines(_ session: SessionRecord, gates: [Gate]) -> [String] {
        let attestations = session.attestations
        var lines: [String] = []
        for gate in gates {
            if let attestation = attestations[gate.id] {
                lines.append("  attested: \(gate.id) by \(attestation.by) at \(attestation.time)")
            } else {
                lines.append(
                    "  not attested: \(gate.id) (“\(gate.attestation ?? "")”): protocol attest \(gate.id) --by NAME")
            }
        }
        return lines
    }

    static func verdict(of check: LoggedEntry?) -> String {
        guard let check else { return "-" }
        return (check.data["verdict"]?.stringValue ?? "?").uppercased()
    }

    private static func value(_ number: Double?, _ unit: String) -> String {
        guard let number else { return "no value" }
        return NumberFormatting.quantity(number, CheckJSONRenderer.unitKind(symbol: unit))
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }
}
