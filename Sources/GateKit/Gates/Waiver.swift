/// An accepted finding: a vulnerability or lint rule that does not count until a date, for a stated reason.
///
/// Waiver files are JSON5: `{ waivers: [{ id | rule, package?, path?, reason, expires, approved_by? }] }`.
/// `id` matches a finding's id or any of its aliases (case-insensitive: `CVE-2024-1234` also waives the GHSA that
/// names it); `rule` matches a lint rule exactly; `package` a package name (case-insensitive); `path` is a glob on
/// the finding's path. A waiver works through the day it `expires` (UTC), then stops working.
public struct Waiver: Sendable, Equatable {
    public let id: String?
    public let rule: String?
    public let package: String?
    public let path: Glob?
    public let reason: String
    public let expires: CalendarDate
    public let approvedBy: String?
    /// Where it is declared, for messages: `gates/waivers.json5:12`.
    public let origin: String

    public init(
        id: String? = nil, rule: String? = nil, package: String? = nil, path: Glob? = nil, reason: String,
        expires: CalendarDate, approvedBy: String? = nil, origin: String
    ) {
        self.id = id
        self.rule = rule
        self.package = package
        self.path = path
        self.reason = reason
        self.expires = expires
        self.approvedBy = approvedBy
        self.origin = origin
    }

    /// How the waiver is named in output: `CVE-2024-1234 in lodash`, `no-unused-vars in legacy/**`.
    public var name: String {
        var text = id ?? rule ?? "?"
        if let package { text += " in \(package)" }
        if let path { text += " under \(path.pattern)" }
        return text
    }

    /// Whether the waiver covers `finding`.
    public func covers(_ finding: Finding) -> Bool {
        if let id {
            let ids = ([finding.rule].compactMap { $0 } + finding.aliases).map { $0.lowercased() }
            guard ids.contains(id.lowercased()) else { return false }
        }
        if let rule, finding.rule != rule { return false }
        if let package, finding.package?.name.lowercased() != package.lowercased() { return false }
        if let path, !(finding.path.map(path.matches) ?? false) { return false }
        return true
    }
}

/// Reads waiver files.
public enum WaiverFile {
    static let keys = ["id", "rule", "package", "path", "reason", "expires", "approved_by"]

    /// Parses a waiver file (`file` names it in messages). Throws every problem, with its place.
    public static func parse(_ bytes: [UInt8], file: String) throws(GateFileErrors) -> [Waiver] {
        let document: JSON5Value
        do {
            document = try JSON5.parse(bytes)
        } catch {
            throw GateFileErrors([GateFileError(file: file, position: error.position, message: error.message)])
        }
        var errors: [GateFileError] = []
        func fail(_ value: JSON5Value, _ path: String, _ message: String) {
            errors.append(GateFileError(file: file, position: value.position, jsonPath: path, message: message))
        }
        guard case .array(let entries)? = document["waivers"]?.kind, case .object(let top) = document.kind else {
            fail(
                document, "waivers", "a waiver file is an object with a list: { waivers: [ { id, reason, expires } ] }")
            throw GateFileErrors(errors)
        }
        for member in top where member.key != "waivers" {
            errors.append(
                GateFileError(
                    file: file, position: member.keyPosition, jsonPath: nil,
                    message: "unknown key '\(member.key)'; a waiver file holds only waivers"))
        }
        var waivers: [Waiver] = []
        for (index, entry) in entries.enumerated() {
            let path = "waivers[\(index)]"
            guard case .object(let members) = entry.kind else {
                fail(entry, path, "expected a waiver object, found \(entry.kindDescription)")
                continue
            }
            for member in members where !keys.contains(member.key) {
                errors.append(
                    GateFileError(
                        file: file, position: member.keyPosition, jsonPath: path,
                        message: "unknown key '\(member.key)'; expected one of: \(keys.joined(separator: ", "))"
                            + Suggestions.didYouMean(member.key, in: keys)))
            }
            var texts: [String: String] = [:]
            for key in keys {
                guard let value = entry[key] else { continue }
                guard let text = value.stringValue else {
                    fail(value, "\(path).\(key)", "expected a string, found \(value.kindDescription)")
                    continue
                }
                guard !text.trimmingSpaces.isEmpty else {
                    fail(value, "\(path).\(key)", "\(key) is empty")
                    continue
                }
                texts[key] = text
            }
            guard texts["id"] != nil || texts["rule"] != nil else {
                fail(entry, path, "a waiver names what it waives: give id (a vulnerability) or rule (a lint rule)")
                continue
            }
            guard let reason = texts["reason"] else {
                fail(entry, path, "a waiver needs a reason: why the finding is accepted")
                continue
            }
            guard let expiresText = texts["expires"] else {
                fail(entry, path, "a waiver needs an expiry date: expires: \"YYYY-MM-DD\"")
                continue
            }
            guard let expires = CalendarDate(expiresText) else {
                fail(entry["expires"] ?? entry, "\(path).expires", "expected a date YYYY-MM-DD, not '\(expiresText)'")
                continue
            }
            var glob: Glob?
            if let pattern = texts["path"] {
                do {
                    glob = try Glob(pattern)
                } catch {
                    fail(entry["path"] ?? entry, "\(path).path", "'\(pattern)' is not a valid glob: \(error.message)")
                    continue
                }
            }
            waivers.append(
                Waiver(
                    id: texts["id"], rule: texts["rule"], package: texts["package"], path: glob, reason: reason,
                    expires: expires, approvedBy: texts["approved_by"], origin: "\(file):\(entry.position.line)"))
        }
        guard errors.isEmpty else { throw GateFileErrors(errors) }
        return waivers
    }
}

/// A day of the proleptic Gregorian calendar, `YYYY-MM-DD`, comparable and countable.
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let day: Int

    /// Parses `YYYY-MM-DD` (a real date), or the date part of an RFC 3339 time.
    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10 || text.count > 10 && text.dropFirst(10).first == "T", parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.day = Self.daysFromCivil(year: year, month: month, day: day)
    }

    public init(day: Int) { self.day = day }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.day < rhs.day }

    /// The date `days` later.
    public func adding(days: Int) -> CalendarDate { CalendarDate(day: day + days) }

    public var description: String {
        // Howard Hinnant's civil_from_days.
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
