import InclusieCharts
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

extension ReportBuilder {
    /// Per programme: themes that most peers cover and it does not, and themes only it covers.
    mutating func gaps() -> BodyNode {
        let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: scope)
        var rows: [Node<HTML.TableContext>] = []
        for (programme, profile) in zip(programmes, matrix.profiles) {
            let gapLabels = profile.gaps.map { catalog.taxonomy.label($0, in: .theme, language) }
            var unique: [Node<HTML.ListContext>] = []
            for themeID in profile.unique {
                let items = Self.items(of: programme, mappedTo: themeID, facet: .theme)
                unique.append(
                    .li(.plain(catalog.taxonomy.label(themeID, in: .theme, language)), cite(items.compactMap(\.evidence.first), of: programme)))
            }
            rows.append(
                .tr(
                    .td(.strong(.plain(column(programme).shortName)), .br(), kindBadge(programme)),
                    .td(
                        profile.gapsNotClaimed
                            ? .p(
                                .class("note"),
                                .plain(
                                    text(
                                        "gedeeltelijk gemodelleerd: geen witte vlekken geclaimd (\(programme.coverage.partialReason ?? ""))",
                                        "partly modelled: no gaps claimed (\(programme.coverage.partialReason ?? ""))")))
                            : .if(!gapLabels.isEmpty, .ul(.forEach(gapLabels) { .li(.plain($0)) }))),
                    .td(.if(!unique.isEmpty, .ul(.group(unique))))
                ))
        }
        return section(
            "gaps", text("Witte vlekken en unieke thema's", "Gaps and unique themes"),
            [
                note(
                    text(
                        "Witte vlek: minstens de helft van de andere beleidsprogramma's noemt het thema, dit programma niet. Inbreng en partijvoorstellen maken van een thema geen witte vlek. Alleen hier: geen ander programma in de selectie noemt het thema; de voetnoten wijzen naar de onderdelen die het noemen.",
                        "Gap: at least half of the other policy programmes mention the theme, this programme does not. Input and party proposals never make a theme a gap. Unique: no other programme in the selection mentions the theme; the footnotes point to the items that do."
                    )),
                .table(
                    .thead(
                        .tr(
                            .th(.plain(text("Programma", "Programme"))),
                            .th(.plain(text("Witte vlekken", "Gaps"))),
                            .th(.plain(text("Alleen in dit programma", "Only in this programme")))
                        )),
                    .tbody(.group(rows))),
            ])
    }

    /// Every view without a section of its own, as tables: new views appear here by themselves.
    func moreViews() -> BodyNode {
        var nodes: [BodyNode] = []
        for name in views where !HTMLReport.viewsWithOwnSection.contains(name.rawValue) {
            let tables = name.build(catalog: catalog, scope: scope).tables(catalog: catalog, language: language)
            for table in tables {
                nodes.append(resultTable(table, id: elementID("view", name.rawValue, String(nodes.count + 1))))
            }
        }
        if nodes.isEmpty {
            nodes.append(note(text("Geen andere vergelijkingen.", "No other comparisons.")))
        }
        return section("more-views", text("Meer vergelijkingen", "More comparisons"), nodes)
    }

    /// A table of a view as the terminal and Markdown show it, with its notes underneath.
    func resultTable(_ table: ResultTable, id: String) -> BodyNode {
        func isNumber(_ cell: TableCell) -> Bool {
            switch cell {
            case .integer, .money, .decimal: true
            case .text, .markedText, .empty: false
            }
        }
        return .div(
            .id(id),
            .h3(.plain(table.title)),
            .table(
                .thead(.tr(.forEach(table.columns) { .th(.plain($0)) })),
                .tbody(
                    .forEach(table.rows) { row in
                        .tr(
                            .forEach(row) { cell in
                                .td(.if(isNumber(cell), .class("number")), .plain(cell.display(language)))
                            })
                    })
            ),
            .forEach(table.notes) { note($0) }
        )
    }
}
