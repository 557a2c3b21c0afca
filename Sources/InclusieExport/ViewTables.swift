import InclusieComparison
import InclusieModel

/// Every table of every comparison view, as export files: whatever `views` holds flows in.
public enum ViewTables {
    public static func tables(catalog: Catalog, language: Language, views: [ViewName] = ViewName.allCases) -> [ExportTable] {
        views.flatMap { name in
            let tables = name.build(catalog: catalog, scope: ComparisonScope(language: language))
                .tables(catalog: catalog, language: language)
            // File names come from the English titles, so they stay the same whatever the language.
            let englishTitles =
                language == .en
                ? tables.map(\.title)
                : name.build(catalog: catalog, scope: ComparisonScope(language: .en))
                    .tables(catalog: catalog, language: .en).map(\.title)
            return tables.enumerated().map { index, table in
                let slug = index < englishTitles.count ? fileSlug(englishTitles[index]) : ""
                let fileName = ["view", name.rawValue, String(index + 1), slug].filter { !$0.isEmpty }.joined(separator: "-")
                return ExportTable(
                    fileName: fileName + ".csv", origin: .view(name.rawValue), table: table,
                    rowMeaning: rowMeaning(table, view: name, index: index, of: tables.count, language: language),
                    columnMeanings: table.columns.indices.map { columnMeaning(table, column: $0, language: language) })
            }
        }
    }

    /// Lower-case ASCII letters and digits joined by single hyphens: safe on every file system.
    static func fileSlug(_ title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return String(slug.prefix(60))
    }

    private static func rowMeaning(_ table: ResultTable, view: ViewName, index: Int, of count: Int, language: Language) -> String {
        phrase(
            "Vergelijking '\(view.rawValue)' (zoals `inclusiebench compare \(view.rawValue)`), tabel \(index + 1) van \(count): \(table.title). Berekend uit de onderliggende tabellen; de bron van elk feit (bestand, vindplaats, citaat) staat in items.csv, item-mappings.csv, budget-lines.csv en evidence.csv.",
            "Comparison '\(view.rawValue)' (as `inclusiebench compare \(view.rawValue)`), table \(index + 1) of \(count): \(table.title). Computed from the underlying tables; the source of every fact (file, section, quote) is in items.csv, item-mappings.csv, budget-lines.csv and evidence.csv.",
            language)
    }

    /// What a view column holds, read from its cells: the kind of value, its unit, and whether it can be empty.
    private static func columnMeaning(_ table: ResultTable, column: Int, language: Language) -> String {
        let cells = table.rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }
        var kinds: [String] = []
        func note(_ kind: String) {
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        for cell in cells {
            switch cell {
            case .text, .markedText: note(phrase("tekst", "text", language))
            case .integer: note(phrase("geheel getal", "integer", language))
            case .money: note(phrase("bedrag in euro's met twee decimalen", "amount in euros with two decimals", language))
            case .decimal: note(phrase("decimaal getal", "decimal number", language))
            case .empty: break
            }
        }
        var meaning = kinds.isEmpty ? phrase("altijd leeg in deze export", "always empty in this export", language) : kinds.joined(separator: phrase(" of ", " or ", language))
        if !kinds.isEmpty, cells.contains(.empty) {
            meaning +=
                table.notes.isEmpty
                ? phrase("; kan leeg zijn: geen waarde", "; can be empty: no value", language)
                : phrase(
                    "; kan leeg zijn — wat leeg betekent staat in de toelichting hierboven",
                    "; can be empty — what empty means is in the notes above", language)
        }
        return meaning
    }
}
