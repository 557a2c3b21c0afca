import InclusieModel

/// Renders a table for reading in a terminal: aligned columns, long cells shortened with an ellipsis, and
/// column headings wrapped over several lines rather than shortened, so that two programmes of one
/// municipality, which differ only at the end of the heading, stay apart.
public enum TerminalRenderer {
    /// `fitting`: the terminal's width in characters; the widest columns give way, one character at a
    /// time, until a line fits (or every column is down to `narrowestColumn`). Nil keeps every column
    /// as wide as its cells, up to `maxCellWidth`: what a pipe or a file gets, byte for byte as before.
    public static func render(_ table: ResultTable, language: Language, maxCellWidth: Int = 34, fitting width: Int? = nil) -> String {
        let header = table.columns.map(TextSafety.terminalVisible)
        let body = table.rows.map { row in
            row.map { shorten(TextSafety.terminalVisible(flatten($0.display(language))), to: maxCellWidth) }
        }
        var widths = header.map { min($0.count, maxCellWidth) }
        for row in body {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        if let width { widths = fit(widths, into: width) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in pad(shorten(cell, to: width), width) }.joined(separator: " │ ")
                .trimmingTrailingSpaces()
        }
        let wrappedHeader = zip(header, widths).map { wrap(flatten($0), to: $1) }
        let headerLines = (0..<(wrappedHeader.map(\.count).max() ?? 1)).map { index in
            line(wrappedHeader.map { index < $0.count ? $0[index] : "" })
        }
        var lines = [TextSafety.terminalVisible(flatten(table.title)), ""] + headerLines + [widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")]
        lines += body.map(line)
        if !table.notes.isEmpty { lines += [""] + table.notes.map { TextSafety.terminalVisible(flatten($0)) } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A column is never made narrower than this: below it a cell no longer says anything.
    static let narrowestColumn = 6

    /// Column widths whose line, with the ` │ ` between columns, is at most `total` characters long.
    ///
    /// The leading columns name the row (a domain and a theme, a programme), so the others give way first:
    /// a matrix cut to a few characters a cell still says which theme each row is.
    static func fit(_ widths: [Int], into total: Int) -> [Int] {
        var widths = widths
        var length = widths.reduce(0, +) + 3 * max(0, widths.count - 1)
        let naming = widths.count >= 4 ? 2 : 1
        for shrinking in [Array(widths.indices.dropFirst(naming)), Array(widths.indices)] {
            while length > total {
                guard let widest = shrinking.max(by: { widths[$0] < widths[$1] }), widths[widest] > narrowestColumn else { break }
                widths[widest] -= 1
                length -= 1
            }
        }
        return widths
    }

    private static func flatten(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Splits a heading at spaces into lines of at most `width` characters; a longer word is shortened.
    private static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines.map { shorten($0, to: width) }
    }

    private static func shorten(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// Renders a table as GitHub-flavoured Markdown, with HTML and Markdown syntax in cells escaped and line
/// breaks kept as `<br>`.
public enum MarkdownRenderer {
    public static func render(_ table: ResultTable, language: Language) -> String {
        func escape(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).map { TextSafety.markdownCell(String($0)) }.joined(separator: "<br>")
        }
        var lines = ["## \(escape(table.title))", ""]
        lines.append("| " + table.columns.map(escape).joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { _ in " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map { escape($0.display(language)) }.joined(separator: " | ") + " |")
        }
        if !table.notes.isEmpty { lines += [""] + table.notes.map { "- \(escape($0))" } }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
