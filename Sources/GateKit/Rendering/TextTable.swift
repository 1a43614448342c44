/// Rows of cells laid out in aligned columns that fit a width: a cell too wide for its column wraps onto
/// continuation lines under it (``TextWrapping``) instead of widening the table.
///
/// Columns take their natural width (the widest cell) when the table fits; otherwise the widest column gives up a
/// column at a time until it does, so long conditions and reasons share the room and short columns stay whole.
/// A row may carry notes — evidence, offenders — printed under it from the column `notesColumn` on.
struct TextTable {
    /// One row: its cells (one per column) and the lines printed under it.
    struct Row: Equatable {
        var cells: [String]
        var notes: [String] = []
    }

    var rows: [Row] = []
    /// Spaces before the first column.
    var indent = 2
    /// Spaces between columns.
    var gap = 2
    /// The column the notes start under.
    var notesColumn = 0
    /// Styles the text of a first-column cell (colours the status), after its width is measured.
    var style: (String) -> String = { $0 }
    /// The most lines a last-column cell wraps onto; a longer one is printed as the row's first note instead.
    static let longestLastCell = 3

    /// The table in lines of at most `width` columns (without trailing spaces).
    func lines(width: Int) -> [String] {
        guard let columns = rows.map(\.cells.count).max(), columns > 0 else { return [] }
        var table = self
        var widths = table.widths(columns: columns, width: width)
        // A last cell that would run down a narrow column for many lines reads better as the row's first note; the
        // columns are then measured again without it, until no such cell is left (each round moves one at least).
        let last = columns - 1
        while columns > 1,
            let index = table.rows.firstIndex(where: {
                $0.cells.count == columns
                    && TextWrapping.wrap($0.cells[last], width: widths[last]).count > Self.longestLastCell
            })
        {
            table.rows[index].notes.insert(table.rows[index].cells[last], at: 0)
            table.rows[index].cells[last] = ""
            widths = table.widths(columns: columns, width: width)
        }
        let noteIndent = indent + widths.prefix(notesColumn).reduce(0) { $0 + $1 + gap }
        var lines: [String] = []
        for row in table.rows {
            let wrapped = (0..<columns).map { column in
                column < row.cells.count ? TextWrapping.wrap(row.cells[column], width: widths[column]) : [""]
            }
            for index in 0..<(wrapped.map(\.count).max() ?? 1) {
                var line = String(repeating: " ", count: indent)
                for column in 0..<columns {
                    let text = index < wrapped[column].count ? wrapped[column][index] : ""
                    let padded = column == columns - 1 ? text : text.padding(toLength: widths[column] + gap)
                    line += column == 0 && !text.isEmpty ? style(text) + padded.dropFirst(text.count) : padded
                }
                lines.append(line.trimmingTrailingSpaces)
            }
            for note in row.notes {
                lines += Self.hanging(note, indent: noteIndent, width: width)
            }
        }
        return lines
    }

    /// `text` wrapped to `width` from column `indent`; a `- ` item's continuation lines align with its text.
    static func hanging(_ text: String, indent: Int, width: Int) -> [String] {
        let bullet = text.hasPrefix("- ") ? 2 : 0
        let room = max(width - indent - bullet, 20)
        let body = TextWrapping.wrap(String(text.dropFirst(bullet)), width: room)
        return body.enumerated().map { index, line in
            String(repeating: " ", count: indent)
                + (index == 0
                    ? String(text.prefix(bullet))
                    : String(
                        repeating: " ", count: bullet)) + line
        }
    }

    /// The width of each column: the natural widths, the widest shrunk first until the table fits `width` — first
    /// down to the longest part of a cell that cannot break (at most 24; a column of at most 10 keeps its width),
    /// only then further, to 8.
    private func widths(columns: Int, width: Int) -> [Int] {
        let cells = (0..<columns).map { column in rows.map { column < $0.cells.count ? $0.cells[column] : "" } }
        var widths = cells.map { $0.map(\.count).max() ?? 0 }
        let unbreakable = cells.indices.map { column in
            widths[column] <= 10
                ? widths[column] : min(cells[column].map(TextWrapping.longestUnbreakable).max() ?? 0, 24)
        }
        var excess = widths.reduce(0, +) - (width - indent - gap * (columns - 1))
        for floors in [unbreakable, Array(repeating: 8, count: columns)] {
            while excess > 0,
                let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] -= 1
                excess -= 1
            }
        }
        return widths
    }
}
