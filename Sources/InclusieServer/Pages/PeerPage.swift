import InclusieCharts
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

/// "Hoe verhoudt dit programma zich?": one programme against the programmes most like it, answered on
/// one page: who its nearest peers are and what they share, which themes most peers cover and it does
/// not (with the peers' items and quotes one click away), what only it does, its budget per inhabitant
/// next to the peers' and the range of all, and its role profile next to the peers' together.
struct PeerPage {
    static let parameters = ["within"]
    static let peerCount = 5

    /// Peers restricted to the programme's own province or size class.
    enum Within: String, CaseIterable {
        case province
        case size
    }

    let data: SiteData
    let layout: Layout
    let programme: Programme

    private var catalog: Catalog { data.catalog }

    func render() throws(PageError) -> String {
        let within = try layout.query.choice("within", among: Within.allCases.map(\.rawValue)).flatMap(Within.init(rawValue:))
        let province = catalog.municipality(programme.municipalitySlug)?.province
        let size = data.sizeClass(of: programme)
        let data = self.data
        let isCandidate: (Programme) -> Bool = { other in
            switch within {
            case nil: return true
            case .province: return province != nil && data.catalog.municipality(other.municipalitySlug)?.province == province
            case .size: return size != nil && data.sizeClass(of: other) == size
            }
        }
        let peers = data.peers(of: programme, count: Self.peerCount, among: isCandidate)
        let others = catalog.programmes.filter { $0.municipalitySlug != programme.municipalitySlug && isCandidate($0) }
        let title = layout.text("Hoe verhoudt dit programma zich?", "How does this programme compare?")
        let withinOptions: [(value: String, label: String)] = [
            (Within.province.rawValue, layout.text("zelfde provincie", "same province") + (province.map { " (\($0))" } ?? "")),
            (Within.size.rawValue, layout.text("zelfde grootteklasse", "same size class") + (size.map { " (\($0.label(layout.language)))" } ?? "")),
        ]
        return layout.page(
            title: "\(title) \(name(programme))",
            .p(.class("breadcrumb"), layout.link(name(programme), to: programmePath(programme))),
            .h1(.plain(title)),
            .p(.class("lead"), .plain(name(programme))),
            layout.form(
                id: "peer-filters", action: peerPath(programme), legend: layout.text("Vergelijk met", "Compare with"),
                [layout.select("within", label: layout.text("Gemeenten", "Municipalities"), options: withinOptions, selected: within?.rawValue)]),
            nearest(peers),
            gaps(peers.map(\.programme)),
            unique(among: others),
            budget(peers.map(\.programme)),
            roles(peers.map(\.programme)))
    }

    private func name(_ programme: Programme) -> String {
        "\(catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug): \(programme.label)"
    }

    private func themes(of programme: Programme) -> Set<String> {
        Set(programme.items.flatMap(\.themes))
    }

    private func themeLabels(_ ids: Set<String>) -> String {
        let ordered = catalog.taxonomy.themes.map(\.id).filter(ids.contains)
        return ordered.isEmpty ? "—" : ordered.map { catalog.taxonomy.label($0, in: .theme, layout.language) }.joined(separator: ", ")
    }

    /// A list of themes folded under its count, so the table shows at a glance what differs; the
    /// themes unfold without a script.
    private func folded(_ themes: Set<String>) -> BodyNode {
        guard !themes.isEmpty else { return .plain("—") }
        return tag(
            "details", [],
            tag("summary", [], .plain(layout.text("\(themes.count) thema's", "\(themes.count) themes"))),
            .plain(themeLabels(themes)))
    }

    private func section(_ id: String, _ heading: String, _ content: BodyNode...) -> BodyNode {
        tag("section", [("id", id), ("aria-labelledby", "\(id)-heading")], children: [tag("h2", [("id", "\(id)-heading")], .plain(heading))] + content)
    }

    private func nearest(_ peers: [(programme: Programme, similarity: Double, shared: Int)]) -> BodyNode {
        let own = themes(of: programme)
        let rows: [[BodyNode]] = peers.map { peer in
            let theirs = themes(of: peer.programme)
            let score = String(format: "%.2f", peer.similarity)
            return [
                layout.link(name(peer.programme), to: programmePath(peer.programme)),
                .plain(layout.language == .nl ? score.replacingOccurrences(of: ".", with: ",") : score),
                folded(own.intersection(theirs)),
                .plain(themeLabels(theirs.subtracting(own))),
                folded(own.subtracting(theirs)),
            ]
        }
        return section(
            "nearest", layout.text("Meest verwante programma's", "Nearest peers"),
            .p(.plain(layout.text("Programma's van andere gemeenten met de meeste gedeelde thema's (Jaccard-overeenkomst op de thema's).", "Programmes of other municipalities sharing the most themes (Jaccard similarity of the themes)."))),
            peers.isEmpty
                ? layout.empty("Geen programma binnen deze keuze deelt een thema.", "No programme within this choice shares a theme.")
                : layout.table(
                    caption: layout.text("Verwante programma's: wat ze delen en wat verschilt", "Peers: what they share and what differs"),
                    columns: [
                        layout.text("Programma", "Programme"), layout.text("Overeenkomst", "Similarity"), layout.text("Gedeelde thema's", "Shared themes"),
                        layout.text("Alleen bij dat programma", "Only in that programme"), layout.text("Alleen bij dit programma", "Only in this programme"),
                    ],
                    rows: rows, id: "peer-table"))
    }

    /// Themes that at least half of the peers that are policy cover and this programme does not; none are
    /// claimed for a partly modelled programme, whose document may cover what its plugin leaves out.
    private func gaps(_ peers: [Programme]) -> BodyNode {
        let heading = layout.text("Wat de meeste verwante programma's doen en dit programma niet", "What most peers do and this programme does not")
        guard !programme.coverage.isPartial else {
            return section(
                "gaps", heading,
                layout.empty(
                    "Dit programma is gedeeltelijk gemodelleerd: het document kan behandelen wat hier ontbreekt, dus worden geen witte vlekken genoemd.",
                    "This programme is partly modelled: its document may cover what is missing here, so no gaps are claimed."))
        }
        let policyPeers = peers.filter(\.adoptionStatus.isPolicy)
        let own = themes(of: programme)
        let gaps = catalog.taxonomy.themes.compactMap { theme -> (id: String, peers: [Programme])? in
            guard !own.contains(theme.id) else { return nil }
            let covering = policyPeers.filter { themes(of: $0).contains(theme.id) }
            return !covering.isEmpty && covering.count * 2 >= policyPeers.count ? (theme.id, covering) : nil
        }.sorted { $0.peers.count > $1.peers.count }
        return section(
            "gaps", heading,
            .p(
                .plain(
                    layout.text(
                        "Thema's die minstens de helft van de \(policyPeers.count) verwante beleidsprogramma's behandelt; met de onderdelen en citaten van die programma's.",
                        "Themes at least half of the \(policyPeers.count) peers that are policy cover; with those programmes' items and quotes."))),
            gaps.isEmpty
                ? layout.empty("Geen: dit programma behandelt wat de meeste verwante programma's behandelen.", "None: this programme covers what most peers cover.")
                : tag(
                    "ul", [("class", "peer-themes")],
                    children: gaps.map { gap in
                        tag(
                            "li", [],
                            tag(
                                "h3", [],
                                layout.link(catalog.taxonomy.label(gap.id, in: .theme, layout.language), to: "/themes/\(gap.id)"),
                                .plain(layout.text(" — \(gap.peers.count) van \(policyPeers.count)", " — \(gap.peers.count) of \(policyPeers.count)"))),
                            tag("ul", [], children: gap.peers.flatMap { peer in itemLinks(peer, theme: gap.id) }))
                    }))
    }

    /// The first items of `programme` on `theme` (primary mappings first), each linked to its place on the
    /// programme's page with its first quote; the rest one click away on the theme's page.
    private func itemLinks(_ programme: Programme, theme: String) -> [BodyNode] {
        let items = programme.items.filter { $0.themes.first == theme } + programme.items.filter { $0.themes.dropFirst().contains(theme) }
        let shown: [BodyNode] = items.prefix(Self.itemsPerTheme).map { item in
            tag(
                "li", [],
                layout.link("\(name(programme)) — \(item.displayLabel)", to: programmePath(programme), fragment: "#item-\(elementID(item.localID))"),
                quoteList(Array(item.evidence.prefix(1)), sourceFile: programme.sourceFile, layout: layout))
        }
        guard items.count > Self.itemsPerTheme else { return shown }
        let more = items.count - Self.itemsPerTheme
        return shown + [
            tag(
                "li", [("class", "more")],
                layout.link(
                    layout.text("nog \(more) van \(name(programme)) op de themapagina", "\(more) more of \(name(programme)) on the theme's page"),
                    to: "/themes/\(theme)", fragment: "#programme-\(elementID(programme.key))"))
        ]
    }

    /// Items shown per programme and theme; a theme a programme works on a lot would bury the others.
    static let itemsPerTheme = 2

    private func unique(among others: [Programme]) -> BodyNode {
        let elsewhere = others.reduce(into: Set<String>()) { $0.formUnion(themes(of: $1)) }
        let only = catalog.taxonomy.themes.map(\.id).filter { themes(of: programme).contains($0) && !elsewhere.contains($0) }
        return section(
            "unique", layout.text("Wat alleen dit programma doet", "What only this programme does"),
            .p(.plain(layout.text("Thema's die geen programma van een andere gemeente (binnen deze keuze) behandelt.", "Themes no programme of another municipality (within this choice) covers."))),
            only.isEmpty
                ? layout.empty("Geen: elk thema van dit programma komt ook elders voor.", "None: every theme of this programme occurs elsewhere too.")
                : tag(
                    "ul", [("class", "peer-themes")],
                    children: only.map { theme in
                        tag(
                            "li", [],
                            tag("h3", [], layout.link(catalog.taxonomy.label(theme, in: .theme, layout.language), to: "/themes/\(theme)")),
                            tag("ul", [], children: itemLinks(programme, theme: theme)))
                    }))
    }

    private func budget(_ peers: [Programme]) -> BodyNode {
        let keys = Set([programme.key] + peers.map(\.key))
        let overview = BudgetOverview(catalog: catalog, scope: ComparisonScope(only: keys, language: layout.language))
        let all = data.budgets.values.flatMap { $0.years.compactMap(\.perInhabitantCents) }
        let range: String
        if let lowest = all.min(), let highest = all.max() {
            let count = data.budgets.values.filter { $0.years.contains { $0.perInhabitantCents != nil } }.count
            range = layout.text(
                "Bereik van alle \(count) programma's met een bedrag per inwoner: \(lowest.formatted(.nl)) tot \(highest.formatted(.nl)) per inwoner per jaar.",
                "Range of all \(count) programmes with an amount per inhabitant: \(lowest.formatted(.en)) to \(highest.formatted(.en)) per inhabitant per year.")
        } else {
            range = layout.text("Geen programma noemt een bedrag per inwoner.", "No programme states an amount per inhabitant.")
        }
        return section(
            "peer-budget", layout.text("Begroting per inwoner naast de verwante programma's", "Budget per inhabitant next to the peers"),
            .p(.id("budget-range"), .plain(range)),
            .group(ViewFigures(layout: layout).budgets(overview)),
            .p(
                .class("note"), .plain(layout.text("Waar de bedragen staan: ", "Where the amounts are stated: ")),
                .group(
                    ([programme] + peers).enumerated().map { index, programme -> BodyNode in
                        .group(.if(index > 0, .text(" · ")), layout.link(name(programme), to: programmePath(programme), fragment: "#budget"))
                    })))
    }

    /// The programme's role profile next to its peers' taken together (their counts added up, so each
    /// peer weighs by its number of items, as the average of its role mentions).
    private func roles(_ peers: [Programme]) -> BodyNode {
        let keys = Set([programme.key] + peers.map(\.key))
        let profiles = RoleProfiles(catalog: catalog, scope: ComparisonScope(only: keys, language: layout.language)).profiles
        guard let own = profiles.first(where: { $0.programme.key == programme.key }) else { return .empty }
        let others = profiles.filter { $0.programme.key != programme.key }
        let peerCounts = own.roles.indices.map { index in others.reduce(0) { $0 + $1.roles[index].itemCount } }
        let title = layout.text("Rolprofiel naast dat van de verwante programma's samen", "Role profile next to the peers' together")
        let empty = layout.text("geen onderdeel noemt een rol", "no item names a role")
        let chart = StackedBarChart(
            accessibleTitle: title,
            categories: own.roles.enumerated().map { index, role in
                StackedBarChart.Category(label: role.roleLabel, colour: ChartPalette.categoryColours[index % ChartPalette.categoryColours.count])
            },
            bars: [
                StackedBarChart.Bar(title: own.programme.shortName, counts: own.roles.map(\.itemCount), emptyMessage: empty),
                StackedBarChart.Bar(
                    title: layout.text("Verwante programma's samen (\(others.count))", "Peers together (\(others.count))"), counts: peerCounts, emptyMessage: empty),
            ])
        let rows: [[BodyNode]] = own.roles.indices.map { index in
            let role = own.roles[index]
            return [
                layout.link(role.roleLabel, to: "/roles/\(role.roleID)"),
                tag("data", [("value", String(role.itemCount))], .plain(String(role.itemCount))),
                tag("data", [("value", String(peerCounts[index]))], .plain(String(peerCounts[index]))),
            ]
        }
        return section(
            "peer-roles", layout.text("Rolprofiel naast het gemiddelde", "Role profile next to the average"),
            ViewFigures(layout: layout).figure(
                id: "figure-peer-roles", caption: title, chart: chart.svg(),
                numbers: layout.table(
                    caption: layout.text("De getallen van de figuur: onderdelen per rol (kies een rol voor de citaten)", "The figure's numbers: items per role (choose a role for the quotes)"),
                    columns: [layout.text("Rol", "Role"), own.programme.shortName, layout.text("Verwante programma's samen", "Peers together")],
                    rows: rows)))
    }
}

/// Where a programme's page against its peers is: its own page's address with `/peers`.
func peerPath(_ programme: Programme) -> String {
    programmePath(programme) + "/peers"
}
