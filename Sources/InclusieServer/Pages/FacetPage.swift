import InclusieCharts
import InclusieExport
import InclusieModel
import Plot

/// Every programme's items on one theme (or instrument, role, target group) side by side, with quotes:
/// the drill-down the printed report cannot offer.
struct FacetPage {
    /// The taxonomy facets that have a page, named as in their URL.
    enum Facet: String, CaseIterable, Sendable {
        case themes
        case instruments
        case roles
        case targetGroups = "target-groups"

        var taxonomyFacet: TaxonomyFacet {
            switch self {
            case .themes: .theme
            case .instruments: .instrument
            case .roles: .role
            case .targetGroups: .targetGroup
            }
        }

        func label(_ language: Language) -> String {
            switch self {
            case .themes: language == .nl ? "Thema's" : "Themes"
            case .instruments: language == .nl ? "Instrumenten" : "Instruments"
            case .roles: language == .nl ? "Rollen" : "Roles"
            case .targetGroups: language == .nl ? "Doelgroepen" : "Target groups"
            }
        }

        /// A class name for the code links, `code-theme` and so on.
        var cssName: String { taxonomyFacet.rawValue }
    }

    static let parameters = ["page"]
    static let pageSize = 20

    let data: SiteData
    let layout: Layout
    let facet: Facet
    let entry: TaxonomyEntry

    func render() throws(PageError) -> String {
        let matching = data.catalog.programmes.compactMap { programme -> (Programme, [LocalItem])? in
            let items = programme.items.filter { $0.ids(facet.taxonomyFacet).contains(entry.id) }
            return items.isEmpty ? nil : (programme, items)
        }
        let pageCount = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let page = try layout.query.page(last: pageCount)
        let shown = Array(matching.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        let label = entry.label.text(layout.language)
        let itemCount = matching.reduce(0) { $0 + $1.1.count }
        return layout.page(
            title: label,
            .p(.class("breadcrumb"), .plain(facet.label(layout.language))),
            .h1(.plain(label)),
            .p(.class("definition"), .plain(entry.definition)),
            .p(
                .plain(
                    layout.text(
                        "\(itemCount) onderdelen in \(matching.count) programma's.",
                        "\(itemCount) items in \(matching.count) programmes."))),
            matching.isEmpty
                ? layout.empty("Geen programma heeft een onderdeel met deze code.", "No programme has an item with this code.")
                : .div(.class("side-by-side"), .forEach(shown) { programme, items in column(programme, items) }),
            layout.pagination(page: page, pageCount: pageCount))
    }

    private func column(_ programme: Programme, _ items: [LocalItem]) -> BodyNode {
        let municipality = data.catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug
        return .section(
            .class("programme-column"), .id("programme-\(elementID(programme.key))"),
            .h2(layout.link("\(municipality): \(programme.label)", to: programmePath(programme))),
            .p(.class("kind"), .plain(programme.kind.label.text(layout.language) + (programme.adoptionStatus.isPolicy ? "" : layout.text(" — geen beleid", " — not policy")))),
            tag(
                "ul", [],
                children: items.map { item in
                    tag(
                        "li", [],
                        .h3(layout.link(item.displayLabel, to: programmePath(programme), fragment: "#item-\(elementID(item.localID))")),
                        .p(.class("status"), .plain(data.catalog.taxonomy.label(item.status, in: .itemStatus, layout.language))),
                        quoteList(item.evidence, sourceFile: programme.sourceFile, layout: layout))
                }))
    }
}
