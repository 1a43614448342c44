/// Breaks text into lines of at most a given number of columns, for the terminal's tables and notes.
///
/// Lines break at spaces; a word longer than the line breaks after `/`, `,`, `=`, `_`, `-` (not between digits: a
/// date stays whole) or before `{` (paths, selectors, identifiers); only a piece with no such place that is still too long is shortened, with an
/// ellipsis in its middle. Every character counts as one column.
enum TextWrapping {
    /// `text` in lines of at most `width` columns (at least one line, perhaps empty).
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 2)
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let joined = current.isEmpty ? String(word) : current + " " + word
            if joined.count <= width {
                current = joined
                continue
            }
            if word.count <= width {
                lines.append(current)
                current = String(word)
                continue
            }
            // A word longer than a line: fill the current line with its pieces, then go on with the rest.
            if !current.isEmpty { current += " " }
            for piece in pieces(of: word) {
                if current.count + piece.count <= width {
                    current += piece
                    continue
                }
                if !current.trimmingTrailingSpaces.isEmpty { lines.append(current.trimmingTrailingSpaces) }
                current = piece.count <= width ? String(piece) : shortened(String(piece), to: width)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The width of the longest part of `text` that cannot break: the narrowest column that holds it uncut.
    static func longestUnbreakable(_ text: String) -> Int {
        text.split(separator: " ").flatMap(pieces(of:)).map(\.count).max() ?? 0
    }

    /// `text` cut to `width` columns with an ellipsis in the middle: `Sources/Inv…Stock.swift`.
    static func shortened(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        let kept = max(width - 1, 0)
        let head = (kept + 1) / 2
        return String(text.prefix(head)) + "…" + String(text.suffix(kept - head))
    }

    /// A word cut where it may break: after `/`, `,`, `=`, `_`, `-` (not between two digits), and before `{`.
    private static func pieces(of word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = word.startIndex
        for index in word.indices {
            let character = word[index]
            if character == "{", index > start {
                pieces.append(word[start..<index])
                start = index
            } else if "/,=_-".contains(character) {
                let next = word.index(after: index)
                if character == "-", index > word.startIndex, next < word.endIndex,
                    word[word.index(before: index)].isNumber, word[next].isNumber
                {
                    continue  // a date or a range: 2026-11-22, 1.2-1.4
                }
                pieces.append(word[start..<next])
                start = next
            }
        }
        if start < word.endIndex { pieces.append(word[start...]) }
        return pieces
    }
}
