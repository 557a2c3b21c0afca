import InclusieComparison
import InclusieModel

extension HeatMap {
    /// The heat map of a theme or instrument matrix, as the report and the site both draw it.
    ///
    /// `link` gives, for an entry id and a programme key, where that programme's items on the entry are
    /// shown with their quotes; nil draws the cell without a link.
    public init(
        matrix: CoverageMatrix, language: Language, title: String,
        link: (_ entryID: String, _ programmeKey: String) -> String? = { _, _ in nil }
    ) {
        let notMentioned = language == .nl ? "niet genoemd" : "not mentioned"
        let rows = matrix.rows.map { row in
            Row(
                label: row.label, group: row.group,
                cells: zip(matrix.programmes, row.cells).map { programme, cell in
                    let shown = cell.localLabels.prefix(Self.wordsShown)
                    let more = cell.localLabels.count > shown.count ? "; …" : ""
                    let items = language == .nl ? "\(cell.count) onderdelen" : "\(cell.count) items"
                    let description =
                        "\(programme.shortName) — \(row.label): "
                        + (cell.count == 0 ? notMentioned : "\(items): " + shown.joined(separator: "; ") + more)
                    return Cell(count: cell.count, description: description, href: cell.count > 0 ? link(row.id, programme.key) : nil)
                })
        }
        self.init(accessibleTitle: title, columns: matrix.programmes.map(\.shortName), rows: rows)
    }

    /// A tooltip names this many of a cell's items; the table beside the picture names them all.
    static let wordsShown = 8
}
