import InclusieComparison
import InclusieModel

extension ActionTimeline: TabularView {
    public static var jsonParts: [JSONPart<Self>] { [JSONPart("programmes", \.programmes)] }

    /// Items × years, grouped by programme: "x" where the document marks the item active.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        let rows = programmes.flatMap { group in
            let heading = TableCell.text(group.programme.heading(language))
            return group.rows.map { row -> [TableCell] in
                var cells: [TableCell] = [
                    heading, .text(row.nativeType), row.number.map(TableCell.text) ?? .empty, .text(row.title),
                ]
                cells.reserveCapacity(cells.count + years.count)
                for year in years { cells.append(row.activeYears.contains(year) ? .text("x") : .empty) }
                return cells
            }
        }
        return [
            ResultTable(
                title: phrase("Tijdlijn: onderdelen per jaar", "Timeline: items by year", language),
                columns: headings([
                    "Programma": "Programme", "Soort onderdeel": "Item type", "Nr.": "No.", "Onderdeel": "Item",
                ], language) + years.map(String.init),
                rows: rows,
                notes: [
                    phrase(
                        "x: het document noemt het onderdeel actief in dat jaar. Onderdelen zonder jaren staan er niet in.",
                        "x: the document marks the item active in that year. Items without years are left out.", language)
                ])
        ]
    }
}
