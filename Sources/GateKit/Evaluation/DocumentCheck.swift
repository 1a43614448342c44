/// One required document: a glob that must match at least one non-empty file, and headings the matched files must have.
public struct DocumentRequirement: Equatable, Sendable, CustomStringConvertible {
    public let pattern: Glob
    /// Headings that must appear in every file the pattern matches (compared as ``DocumentCheck`` describes).
    public let sections: [String]

    public init(pattern: Glob, sections: [String] = []) {
        self.pattern = pattern
        self.sections = sections
    }

    /// "docs/adr/*.md" or "docs/threat-model.md (sections: Spoofing, Tampering)"
    public var description: String {
        sections.isEmpty ? pattern.pattern : "\(pattern.pattern) (sections: \(sections.joined(separator: ", ")))"
    }
}

/// What checking one requirement found.
public struct DocumentResult: Equatable, Sendable {
    /// The requirement's description.
    public let requirement: String
    /// The matched files (root-relative, or absolute for an absolute pattern), sorted.
    public let files: [String]
    /// What is missing or wrong, in words for the user; empty when the requirement is satisfied.
    public let problems: [String]

    public init(requirement: String, files: [String], problems: [String]) {
        self.requirement = requirement
        self.files = files
        self.problems = problems
    }

    public var satisfied: Bool { problems.isEmpty }
}

/// Checks that required documents are on file and have the sections they must have.
///
/// A requirement holds when its glob matches at least one file and every matched file is non-empty (holds a byte
/// other than white space) and has every required section as a heading (``MarkdownHeadings``). Each file is
/// streamed, and only until every section has been found. An empty file is reported as empty, without listing the
/// sections it lacks; a file that cannot be read is reported with the reason.
///
/// A heading and a required section are compared after both are normalised the same way: backslashes that escape
/// punctuation and the emphasis and code markers `*`, `_` and `` ` `` are removed, runs of white space become one
/// space and the ends are trimmed, a leading section number followed by a space is removed (`1.`, `2.3`, `4)`,
/// `A.`, `A.1`; a lone letter needs its `.` or `)`, so "A Spoofing attack" keeps its "A"), and letters are
/// lowercased. A section matches a heading that equals it or starts with it followed by something other than a
/// letter: "Spoofing" matches "## Spoofing (S)" and "### 1. Spoofing: identity", not "## Spoofings". Text is
/// compared as Unicode characters (canonically equivalent spellings are equal); a heading's invalid UTF-8 is
/// compared as U+FFFD, which is not a letter.
public enum DocumentCheck {
    /// Finds the files `requirement` names under `root` and checks each one; never throws: every failure to find
    /// or read a file is one of the result's problems.
    public static func check(_ requirement: DocumentRequirement, root: String) -> DocumentResult {
        let files: [String]
        var problems: [String] = []
        do {
            files = try FileFinder.find(requirement.pattern, under: root)
        } catch {
            files = []
            problems.append(error.description)
        }
        if files.isEmpty, problems.isEmpty {
            problems.append(missing(requirement.pattern, root: root))
        }
        let sections = requirement.sections.map(RequiredSection.init)
        for file in files {
            problems += self.problems(of: file, at: file.hasPrefix("/") ? file : root + "/" + file, sections: sections)
        }
        return DocumentResult(requirement: requirement.description, files: files, problems: problems)
    }

    /// Why a pattern matched nothing: a single path that is there but is not a file is named as such.
    private static func missing(_ pattern: Glob, root: String) -> String {
        if pattern.namesOnePath {
            let path = pattern.literalPrefix
            switch FileSystem.kind(of: pattern.isAbsolute ? path : root + "/" + path) {
            case .directory: return "\(path) is a directory, not a document"
            case .other: return "\(path) is not a regular file"
            case .file, nil: break
            }
        }
        return "no file matches \(pattern.pattern)"
    }

    /// The problems of one file, shown as `shown`: unreadable, empty, or without some of the sections.
    private static func problems(of shown: String, at path: String, sections: [RequiredSection]) -> [String] {
        var missing = sections
        var scanner: MarkdownHeadingScanner
        do {
            scanner = MarkdownHeadingScanner(try TextDecoding.open(path: path).0)
            while !missing.isEmpty || !scanner.hasText, let heading = try scanner.next() {
                let title = RequiredSection.normalize(heading.text)
                missing.removeAll { $0.isMatched(by: title) }
            }
        } catch {
            return ["\(shown) cannot be read: \(error)"]
        }
        guard scanner.hasText else {
            return [scanner.hasBytes ? "\(shown) is empty (white space only)" : "\(shown) is empty"]
        }
        return missing.map { "\(shown) has no heading '\($0.name)'" }
    }
}

/// A section a document must have, with the normalised form it is compared in.
struct RequiredSection {
    /// As the requirement spells it.
    let name: String
    let key: String
    /// How many characters `key` has.
    private let keyLength: Int

    init(_ name: String) {
        self.name = name
        key = Self.normalize(name)
        keyLength = key.count
    }

    /// True when the normalised `heading` equals the section or starts with it followed by a non-letter.
    func isMatched(by heading: String) -> Bool {
        guard heading.hasPrefix(key) else { return false }
        guard let next = heading.dropFirst(keyLength).first else { return true }
        return !next.isLetter
    }

    /// `text` in the form headings and sections are compared in (see ``DocumentCheck``).
    static func normalize(_ text: String) -> String {
        var kept = ""
        kept.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "*" || scalar == "_" || scalar == "`" { continue }
            if scalar == "\\", let escaped = next, escaped.isASCIIPunctuation { continue }
            if scalar.isWhitespace {
                pendingSpace = !kept.isEmpty
                continue
            }
            if pendingSpace { kept.unicodeScalars.append(" ") }
            pendingSpace = false
            kept.unicodeScalars.append(scalar)
        }
        let numberLength = kept.withUTF8(sectionNumberLength)
        return String(decoding: kept.utf8.dropFirst(numberLength), as: UTF8.self).lowercased()
    }

    /// The length of a leading section number and the space after it ("1. ", "2.3 ", "4) ", "A. ", "A.1 "), or 0
    /// when the text does not start with one or holds nothing after it.
    private static func sectionNumberLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        var hasDigits = false
        var hasPunctuation = false
        components: while true {
            let start = index
            while index < text.count, text[index].isASCIIDigit { index += 1 }
            if index > start {
                hasDigits = true
            } else {
                // A component without digits is one letter: "Ab." is a word, not a number.
                guard index < text.count, text[index].isASCIILetter else { return 0 }
                index += 1
                if index < text.count, text[index].isASCIILetter { return 0 }
            }
            guard index < text.count else { return 0 }
            switch text[index] {
            case UInt8(ascii: "."):
                index += 1
                hasPunctuation = true
                guard index < text.count, text[index].isASCIIDigit || text[index].isASCIILetter else {
                    break components
                }
            case UInt8(ascii: ")"):
                index += 1
                hasPunctuation = true
                break components
            default:
                break components
            }
        }
        guard hasDigits || hasPunctuation, index + 1 < text.count, text[index] == UInt8(ascii: " ") else { return 0 }
        return index + 1
    }
}

extension Unicode.Scalar {
    /// White space in Unicode's sense, with a shortcut for ASCII.
    fileprivate var isWhitespace: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// The ASCII punctuation that a backslash escapes in Markdown.
    fileprivate var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value)
            || (0x7B...0x7E).contains(value)
    }
}
