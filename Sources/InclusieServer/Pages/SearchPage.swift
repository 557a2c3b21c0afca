import InclusieCharts
import InclusieExport
import InclusieModel
import InclusieStore
import Plot

/// Full-text search over items, quotes and source documents, with the hit in its context and facets.
struct SearchPage {
    static let parameters = ["q", "municipality", "kind", "status", "theme", "page"]
    static let pageSize = 20
    /// Further pages than this are not worth reading; a narrower search is.
    static let maximumPage = 50

    let data: SiteData
    let layout: Layout

    func render() throws(PageError) -> String {
        let query = layout.query
        let catalog = data.catalog
        let words = query["q"] ?? ""
        var chosen: [String: String] = [:]
        for facet in SearchRequest.facetChoices(in: catalog) {
            chosen[facet.name] = try query.choice(facet.name, among: facet.values)
        }
        let requested = try query.page(last: Self.maximumPage)
        let request = SearchRequest(
            words: words, municipality: chosen["municipality"], kind: chosen["kind"], status: chosen["status"],
            theme: chosen["theme"], limit: Self.pageSize, offset: (requested - 1) * Self.pageSize)
        let results: SearchResults
        do {
            results = try data.searchIndex.search(request)
        } catch let error as SearchError {
            throw PageError(status: .badRequest, message: error.message)
        } catch {
            throw PageError(
                status: .internalServerError,
                message: LocalizedText(nl: "Zoeken mislukte: \(error)", en: "The search failed: \(error)"))
        }
        let pageCount = min(Self.maximumPage, max(1, (results.total + Self.pageSize - 1) / Self.pageSize))
        // A page past the last hit is refused as on every other page, not shown empty.
        let page = try query.page(last: pageCount)
        let title = layout.text("Zoeken", "Search")
        return layout.page(
            title: words.isEmpty ? title : "\(title): \(words)",
            .h1(.plain(title)),
            tag(
                "form", [("role", "search"), ("action", "/search"), ("method", "get")],
                children: [
                    tag("label", [("for", "q")], .plain(layout.text("Zoek in onderdelen, citaten en brondocumenten", "Search items, quotes and source documents"))),
                    voidTag("input", [("type", "search"), ("id", "q"), ("name", "q"), ("value", words), ("maxlength", String(SearchRequest.maximumLength))]),
                ]
                    + chosen.sorted { $0.key < $1.key }.map { voidTag("input", [("type", "hidden"), ("name", $0.key), ("value", $0.value)]) }
                    + (layout.language == .en ? [voidTag("input", [("type", "hidden"), ("name", "lang"), ("value", "en")])] : [])
                    + [tag("button", [("type", "submit")], .text(layout.text("Zoek", "Search")))]),
            words.isEmpty
                ? .p(.plain(layout.text("Typ een of meer woorden; elk woord moet voorkomen, hoofdletters en accenten tellen niet, en een woordbegin is genoeg (\"discrimin\" vindt \"discriminatie\").", "Type one or more words; every word must occur, case and accents do not matter, and the start of a word is enough (\"discrimin\" finds \"discriminatie\").")))
                : .div(
                    .class("search-results"),
                    .aside(
                        .id("facets"), .attribute(named: "aria-label", value: layout.text("Verfijnen", "Refine")),
                        .forEach(["municipality", "kind", "status", "theme"]) { name in facet(name, counts: results.facets[name] ?? [], chosen: chosen[name]) }),
                    .section(
                        .attribute(named: "aria-labelledby", value: "hits-heading"),
                        .h2(.id("hits-heading"), .plain(layout.text("Resultaten", "Results"))),
                        .p(.id("hit-count"), .attribute(named: "role", value: "status"), .plain(layout.text("\(results.total) resultaten", "\(results.total) results"))),
                        results.hits.isEmpty
                            ? layout.empty("Niets gevonden. Probeer minder of kortere woorden.", "Nothing found. Try fewer or shorter words.")
                            : tag("ol", [("id", "hits"), ("start", String((page - 1) * Self.pageSize + 1))], children: results.hits.map(hit)),
                        layout.pagination(page: page, pageCount: pageCount))))
    }

    private func hit(_ hit: SearchResults.Hit) -> BodyNode {
        let programme = data.catalog.programme(hit.programmeKey)
        let municipality = data.catalog.municipality(hit.municipalitySlug)?.name ?? hit.municipalitySlug
        let path = programme.map(programmePath) ?? "/"
        let anchor = hit.itemID.map { "#item-\(elementID($0))" } ?? ""
        let heading = hit.itemID == nil ? layout.text("Brondocument \(hit.sourceFile)", "Source document \(hit.sourceFile)") : hit.title
        return tag(
            "li", [],
            .h3(layout.link(heading, to: path, fragment: anchor)),
            .p(.class("where"), .plain("\(municipality): \(programme?.label ?? hit.programmeKey)" + (hit.section.isEmpty ? "" : " — \(hit.section)"))),
            .p(
                .class("snippet"),
                .forEach(hit.snippet) { piece in piece.isMatch ? .element(named: "mark", nodes: [.plain(piece.text)]) : .plain(piece.text) }))
    }

    private func facet(_ name: String, counts: [SearchResults.FacetCount], chosen: String?) -> BodyNode {
        let headings = [
            "municipality": layout.text("Gemeente", "Municipality"), "kind": layout.text("Soort programma", "Programme kind"),
            "status": layout.text("Status", "Status"), "theme": layout.text("Thema", "Theme"),
        ]
        guard !counts.isEmpty else { return .empty }
        return .section(
            .class("facet"),
            .h2(.plain(headings[name] ?? name)),
            tag(
                "ul", [],
                children: (chosen == nil ? [] : [tag("li", [], layout.link(layout.text("alle", "all"), to: "/search", layout.query.with([name: nil, "page": nil, "lang": nil])))])
                    + counts.prefix(15).map { count in
                    tag(
                        "li", [],
                        count.value == chosen
                            ? .strong(.plain("\(label(name, count.value)) (\(count.count))"))
                            : layout.link("\(label(name, count.value)) (\(count.count))", to: "/search", layout.query.with([name: count.value, "page": nil, "lang": nil])))
                }))
    }

    private func label(_ facet: String, _ value: String) -> String {
        let catalog = data.catalog
        switch facet {
        case "municipality": return catalog.municipality(value)?.name ?? value
        case "kind": return catalog.programmes.first { $0.kind.id == value }?.kind.label.text(layout.language) ?? value
        case "status": return catalog.taxonomy.label(value, in: .itemStatus, layout.language)
        case "theme": return catalog.taxonomy.label(value, in: .theme, layout.language)
        default: return value
        }
    }
}
