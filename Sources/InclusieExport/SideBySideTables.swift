import InclusieComparison
import InclusieModel

extension SideBySide: TabularView {
    /// Theme × chosen programme: in each cell the programme's items on the theme, each with its first quote.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        let rows = self.rows.map { row -> [TableCell] in
            [.text(row.domain ?? ""), .text(row.themeLabel)]
                + row.items.map { items in
                    items.isEmpty ? .empty : .text(items.map { Self.itemText($0, language: language) }.joined(separator: "\n"))
                }
        }
        var notes = [
            phrase(
                "Per cel de onderdelen van het programma over het thema, hoofdkoppeling eerst, elk met het eerste citaat. Leeg: het programma noemt het thema niet.",
                "Per cell the programme's items on the theme, primary mapping first, each with its first quote. Empty: the programme does not mention the theme.",
                language)
        ]
        if programmes.count < Self.programmeCounts.lowerBound {
            notes.append(
                phrase(
                    "Kies twee tot vier programma's met --only (bv. --only almere,arnhem).",
                    "Choose two to four programmes with --only (e.g. --only almere,arnhem).", language))
        }
        if !leftOut.isEmpty {
            notes.append(
                phrase(
                    "Alleen de eerste vier programma's staan naast elkaar; weggelaten: \(leftOut.joined(separator: ", ")).",
                    "Only the first four programmes stand side by side; left out: \(leftOut.joined(separator: ", ")).", language))
        }
        return [
            ResultTable(
                title: phrase("Naast elkaar: onderdelen per thema", "Side by side: items by theme", language),
                columns: [phrase("Domein", "Domain", language), phrase("Thema", "Theme", language)] + programmes.map { $0.heading(language) },
                rows: rows, notes: notes)
        ]
    }

    /// `label «quote»`, with `(ook)`/`(also)` when the theme is not the item's primary one.
    static func itemText(_ item: Item, language: Language) -> String {
        let also = item.isPrimary ? "" : phrase(" (ook)", " (also)", language)
        return item.label + also + (item.quote.map { " «\($0)»" } ?? "")
    }
}
