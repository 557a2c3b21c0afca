import InclusieCharts
import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// The theme × programme matrix as a heat map: the colour says how many items touch a theme, the cell
    /// lists them in the programme's own words, each with its quote.
    mutating func themeHeatMap() -> BodyNode {
        let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: scope)
        var body: [Node<HTML.TableContext>] = []
        var currentDomain: String?
        for row in matrix.rows {
            if row.group != currentDomain {
                currentDomain = row.group
                body.append(
                    .tr(.class("domain"), .th(.attribute(named: "colspan", value: String(programmes.count + 2)), .plain(row.group ?? ""))))
            }
            var cells: [Node<HTML.TableRowContext>] = [.th(.plain(row.label))]
            for programme in programmes {
                let items = Self.items(of: programme, mappedTo: row.id, facet: .theme)
                var labels: [Node<HTML.ListContext>] = []
                for item in items {
                    let isPrimary = item.primaryTheme == row.id
                    let label: BodyNode = isPrimary ? .strong(.plain(item.displayLabel)) : .plain(item.displayLabel)
                    labels.append(.li(label, cite(Array(item.evidence.prefix(1)), of: programme)))
                }
                cells.append(
                    .td(
                        .class("heat-\(ChartPalette.heatLevel(items.count))"),
                        .if(!items.isEmpty, .ul(.group(labels)))
                    ))
            }
            cells.append(.td(.class("count"), .text(String(row.coveredBy))))
            body.append(.tr(.group(cells)))
        }
        let header: Node<HTML.TableContext> = .thead(
            .tr(
                .th(.plain(text("Thema", "Theme"))),
                .forEach(programmes) { programme in
                    .th(.class(programme.adoptionStatus.isPolicy ? "programme" : "programme not-policy"), programmeHeading(programme))
                },
                .th(.plain(text("Aantal", "Count")))
            ))
        return section(
            "themes", text("Thema's per programma (heatmap)", "Themes by programme (heat map)"),
            [
                note(
                    text(
                        "Per cel de onderdelen van het programma die het thema noemen, in de eigen woorden van het document; vet: het thema is de hoofdkoppeling. Hoe donkerder, hoe meer onderdelen. Leeg: het programma noemt het thema niet. Laatste kolom (Aantal): aantal programma's dat het thema noemt.",
                        "Per cell the programme's items that address the theme, in the document's own words; bold: the theme is the primary mapping. The darker, the more items. Empty: the programme does not mention the theme. Last column (Count): number of programmes mentioning the theme."
                    )),
                heatLegend(),
                .element(
                    named: "figure",
                    nodes: [
                        .element(named: "figcaption", nodes: [.plain(text("Overzicht: aantal onderdelen per thema", "Overview: number of items per theme"))]),
                        HeatMap(matrix: matrix, language: language, title: text("Thema's per programma", "Themes by programme")).svg(),
                    ]),
                .table(.class("heatmap themes"), header, .tbody(.group(body))),
            ])
    }

    func heatLegend() -> BodyNode {
        let steps = [
            (0, text("niet genoemd", "not mentioned")), (1, "1"), (2, "2–3"), (3, "4–7"),
            (4, text("8 of meer", "8 or more")),
        ]
        return .div(
            .class("legend"),
            .span(.plain(text("Aantal onderdelen:", "Number of items:"))),
            .forEach(steps) { level, label in
                .span(.span(.class("swatch heat-\(level)")), .plain(label))
            })
    }

    /// The programme's items mapped to a taxonomy id, primary mappings first, each in document order —
    /// the same order as the coverage view.
    static func items(of programme: Programme, mappedTo id: String, facet: TaxonomyFacet) -> [LocalItem] {
        let primary = programme.items.filter { $0.ids(facet).first == id }
        let secondary = programme.items.filter { $0.ids(facet).dropFirst().contains(id) }
        return primary + secondary
    }
}
