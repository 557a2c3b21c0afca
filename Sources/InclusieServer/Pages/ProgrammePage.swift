import InclusieCharts
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

/// One programme: its items in their own tree with codes, years, owner and quotes; its budget table;
/// the programmes of other municipalities most like it.
struct ProgrammePage {
    static let parameters: [String] = []

    let data: SiteData
    let layout: Layout
    let programme: Programme

    func render() -> String {
        let municipality = data.catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug
        let title = "\(municipality): \(programme.label)"
        let facts: [(String, String)] = [
            (layout.text("Titel", "Title"), programme.title),
            (layout.text("Soort", "Kind"), programme.kind.label.text(layout.language)),
            (layout.text("Auteur", "Author"), programme.author.name),
            (layout.text("Status", "Status"), programme.adoptionStatus.label.text(layout.language)),
            (layout.text("Looptijd", "Period"), programme.period?.label(layout.language) ?? layout.text("niet vermeld", "not stated")),
            (layout.text("Brondocument", "Source document"), programme.sourceFile),
        ]
        let children = Dictionary(grouping: programme.items, by: { $0.parentID ?? "" })
        let localIDs = Set(programme.items.map(\.localID))
        // Items whose parent is not an item of this programme stand at the top, so none is lost.
        let roots = programme.items.filter { $0.parentID.map { !localIDs.contains($0) } ?? true }
        return layout.page(
            title: title,
            .h1(.plain(title)),
            programme.isDraft
                ? .p(.class("warning"), .plain(layout.text("Concept: \(programme.unreviewedSuggestions) suggesties van `inclusiebench draft` zijn nog niet nagekeken.", "Draft: \(programme.unreviewedSuggestions) suggestions from `inclusiebench draft` have not been reviewed.")))
                : .empty,
            programme.coverage.partialReason.map { .p(.class("warning"), .plain(layout.text("Gedeeltelijk gemodelleerd: ", "Partly modelled: ") + $0)) } ?? .empty,
            .dl(.class("facts"), .forEach(facts) { label, value in .group(.dt(.plain(label)), .dd(.plain(value))) }),
            quotes(programme.evidence),
            .section(
                .id("items"), .attribute(named: "aria-labelledby", value: "items-heading"),
                .h2(.id("items-heading"), .plain(layout.text("Onderdelen (\(programme.items.count))", "Items (\(programme.items.count))"))),
                tag("ol", [("class", "tree")], children: roots.map { item(item: $0, children: children, depth: 0) })),
            timeline(),
            budget(),
            peers())
    }

    private func item(item: LocalItem, children: [String: [LocalItem]], depth: Int) -> BodyNode {
        let taxonomy = data.catalog.taxonomy
        let codes: [(FacetPage.Facet, [String])] = FacetPage.Facet.allCases.map { ($0, item.ids($0.taxonomyFacet)) }
        let nested = depth < 8 ? children[item.localID] ?? [] : []
        var details: [(String, String)] = [
            (layout.text("Status", "Status"), taxonomy.label(item.status, in: .itemStatus, layout.language))
        ]
        if !item.years.isEmpty { details.append((layout.text("Jaren", "Years"), item.years.map(String.init).joined(separator: ", "))) }
        if let owner = item.owner { details.append((layout.text("Eigenaar", "Owner"), owner)) }
        let contacts = item.contactPoints.map { [$0.unit, $0.department].compactMap { $0 }.joined(separator: ", ") }
        if !contacts.isEmpty { details.append((layout.text("Contactpunt", "Contact point"), contacts.joined(separator: "; "))) }
        return tag(
            "li", [("id", "item-\(elementID(item.localID))")],
            .article(
                .h3(.span(.class("native-type"), .plain(item.nativeType.text(layout.language) + " ")), .plain(item.displayLabel)),
                .unwrap(item.description) { .p(.plain($0)) },
                .dl(
                    .class("item-facts"),
                    .forEach(details) { label, value in .group(.dt(.plain(label)), .dd(.plain(value))) },
                    .forEach(codes.filter { !$0.1.isEmpty }) { facet, ids in
                        .group(
                            .dt(.plain(facet.label(layout.language))),
                            .dd(
                                tag(
                                    "ul", [("class", "codes")],
                                    children: ids.map { id in
                                        tag("li", [], layout.link(taxonomy.label(id, in: facet.taxonomyFacet, layout.language), to: "/\(facet.rawValue)/\(id)", class: "code-\(facet.cssName)"))
                                    })))
                    }),
                .unwrap(item.note) { .p(.class("note"), .plain($0)) },
                quotes(item.evidence)),
            nested.isEmpty ? .empty : tag("ol", [], children: nested.map { self.item(item: $0, children: children, depth: depth + 1) }))
    }

    /// Each quote as the document wrote it, under it the section and the source file it is found in.
    func quotes(_ evidence: [Evidence]) -> BodyNode {
        quoteList(evidence, sourceFile: programme.sourceFile, layout: layout)
    }

    private func budget() -> BodyNode {
        let heading = layout.text("Begroting", "Budget")
        let summary = data.budgets[programme.key]?.summary(layout.language) ?? ""
        let lines = programme.budget.lines
        let years = Array(Set(lines.flatMap { $0.amounts.map(\.year) })).sorted()
        let notStated = layout.text("niet vermeld", "not stated")
        let rows: [[BodyNode]] = lines.map { line in
            let amounts: [BodyNode] = years.map { year in
                guard let amount = line.amounts.first(where: { $0.year == year }) else { return .empty }
                return .plain(amount.amount?.formatted(layout.language) ?? notStated)
            }
            let period: BodyNode =
                line.periodAmount.map { .plain("\($0.label(layout.language)): \($0.amount?.formatted(layout.language) ?? notStated)") }
                ?? line.undatedAmount.map { .plain("\(UndatedAmount.label(layout.language)): \($0.amount?.formatted(layout.language) ?? notStated)") }
                ?? .empty
            return [.plain(line.label), .plain(line.block ?? ""), .plain(line.kind.label.text(layout.language)), .plain(line.precision.label.text(layout.language))] + amounts + [period]
        }
        return .section(
            .id("budget"), .attribute(named: "aria-labelledby", value: "budget-heading"),
            .h2(.id("budget-heading"), .plain(heading)),
            .p(.plain(summary)),
            .if(
                !lines.isEmpty,
                layout.table(
                    caption: layout.text("Begrotingsregels van \(programme.label)", "Budget lines of \(programme.label)"),
                    columns: [layout.text("Regel", "Line"), layout.text("Blok", "Block"), layout.text("Soort", "Kind"), layout.text("Precisie", "Precision")]
                        + years.map(String.init) + [layout.text("Looptijd", "Period")],
                    rows: rows)))
    }

    /// The items with years as a strip, drawn as on the timeline view; the years are also in the item tree.
    private func timeline() -> BodyNode {
        let timeline = ActionTimeline(catalog: data.catalog, scope: ComparisonScope(only: [programme.key], language: layout.language))
        guard !timeline.programmes.isEmpty else { return .empty }
        return .section(
            .id("timeline"), .attribute(named: "aria-labelledby", value: "timeline-heading"),
            .h2(.id("timeline-heading"), .plain(layout.text("Tijdlijn", "Timeline"))),
            .group(ViewFigures(layout: layout).timelines(timeline, tableLink: false)),
            .p(.class("note"), .plain(layout.text("De jaren per onderdeel staan ook bij de onderdelen hierboven.", "Each item's years are also listed with the items above."))))
    }

    private func peers() -> BodyNode {
        let peers = data.peers(of: programme)
        return .section(
            .id("peers"), .attribute(named: "aria-labelledby", value: "peers-heading"),
            .h2(.id("peers-heading"), .plain(layout.text("Meest verwante programma's", "Most similar programmes"))),
            .p(layout.link(layout.text("Hoe verhoudt dit programma zich?", "How does this programme compare?"), to: peerPath(programme), class: "peer-link")),
            .p(.plain(layout.text("Programma's van andere gemeenten met de meeste gedeelde thema's (Jaccard-overeenkomst).", "Programmes of other municipalities sharing the most themes (Jaccard similarity)."))),
            peers.isEmpty
                ? layout.empty("Geen ander programma deelt een thema.", "No other programme shares a theme.")
                : tag(
                    "ol", [],
                    children: peers.map { peer in
                        let name = data.catalog.municipality(peer.programme.municipalitySlug)?.name ?? peer.programme.municipalitySlug
                        let score = String(format: "%.2f", peer.similarity)
                        return tag(
                            "li", [],
                            layout.link("\(name): \(peer.programme.label)", to: programmePath(peer.programme)),
                            .plain(layout.text(" — \(peer.shared) gedeelde thema's, overeenkomst \(score.replacingOccurrences(of: ".", with: ","))", " — \(peer.shared) shared themes, similarity \(score)")))
                    }))
    }
}

/// Quotes as figures: the verbatim text, and under it the section and source file it stands in.
func quoteList(_ evidence: [Evidence], sourceFile: String, layout: Layout) -> BodyNode {
    guard !evidence.isEmpty else { return .empty }
    return tag(
        "div", [("class", "quotes")],
        children: evidence.map { quote in
            tag(
                "figure", [],
                tag("blockquote", [], .p(.plain(quote.quote))),
                tag("figcaption", [], .plain(quote.section.isEmpty ? sourceFile : "\(quote.section) — \(sourceFile)")))
        })
}
