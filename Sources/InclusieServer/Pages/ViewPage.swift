import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

/// A comparison view as HTML tables, with the same filters as `compare` as query parameters, so a URL is
/// a shareable, reproducible view; and its downloads, byte for byte what `compare --format csv|json` writes.
struct ViewPage {
    static let parameters = ["only", "status", "page", "compact"]
    /// Side by side is chosen with one select per programme; the page turns them into `only`.
    static let pickParameters = ["programme1", "programme2", "programme3", "programme4"]

    static func parameters(for view: ViewName) -> [String] {
        view == .sideBySide ? parameters + pickParameters : parameters
    }
    static let downloadParameters = ["only", "status", "dialect"]
    static let rowsPerPage = 100

    let data: SiteData
    let layout: Layout
    let view: ViewName

    /// `only` as the query gives it, or the programmes picked one by one, joined as `--only` takes them.
    static func only(_ query: PageQuery) -> String? {
        var picked: [String] = []
        for name in pickParameters {
            if let key = query[name], !picked.contains(key) { picked.append(key) }
        }
        return picked.isEmpty ? query["only"] : picked.joined(separator: ",")
    }

    /// The scope the query describes, checked as `compare` checks `--only` and `--status`.
    static func scope(_ query: PageQuery, catalog: Catalog) throws(PageError) -> ComparisonScope {
        do {
            return try ComparisonScope.checked(
                only: only(query), status: query["status"], language: query.language, in: catalog, optionName: "only=")
        } catch {
            throw PageError(status: .badRequest, message: error.message)
        }
    }

    func render() throws(PageError) -> String {
        let catalog = data.catalog
        let scope = try Self.scope(layout.query, catalog: catalog)
        let built = view.build(catalog: catalog, scope: scope)
        let tables = built.tables(catalog: catalog, language: layout.language)
        let longest = tables.map(\.rows.count).max() ?? 0
        let pageCount = max(1, (longest + Self.rowsPerPage - 1) / Self.rowsPerPage)
        let page = try layout.query.page(last: pageCount)
        var changes: [String: String?] = ["page": nil, "lang": nil, "compact": nil, "only": Self.only(layout.query)]
        for name in Self.pickParameters { changes[name] = .some(nil) }
        let filters = layout.query.with(changes)
        let matrix = built as? CoverageMatrix
        let compact = try layout.query.choice("compact", among: ["1"]) != nil && matrix != nil
        let title = view.title.text(layout.language)
        return layout.page(
            title: title,
            .h1(.plain(title)),
            .p(.plain(view.purpose.text(layout.language))),
            filterForm(scope: scope),
            .p(
                .class("downloads"),
                .plain(layout.text("Download precies wat u ziet: ", "Download exactly what you see: ")),
                tag("a", [("id", "download-csv"), ("href", layout.href("/compare/\(view.rawValue)/csv", filters))], .text(layout.text("CSV voor Excel (NL)", "CSV for Excel (NL)"))),
                .text(" · "),
                tag("a", [("id", "download-csv-rfc4180"), ("href", layout.href("/compare/\(view.rawValue)/csv", filters.merging(["dialect": "rfc4180"]) { $1 }))], .text("CSV (RFC 4180)")),
                .text(" · "),
                tag("a", [("id", "download-json"), ("href", layout.href("/compare/\(view.rawValue)/json", filters))], .text("JSON"))),
            .p(
                .class("cli"),
                .plain(layout.text("Hetzelfde op de opdrachtregel: ", "The same on the command line: ")),
                .code(.plain(commandLine(scope: scope)))),
            // The pictures once, on the first page: the tables page through the rows, a picture shows them all.
            .if(page == 1, .group(ViewFigures(layout: layout).figures(built))),
            .if(
                matrix != nil,
                .p(
                    .class("compact-toggle"),
                    layout.link(
                        compact
                            ? layout.text("Volle cellen: de eigen woorden in elke cel", "Full cells: the own words in every cell")
                            : layout.text("Compact: alleen aantallen (de eigen woorden bij focus)", "Compact: counts only (the own words on focus)"),
                        to: layout.path, layout.query.with(["compact": compact ? nil : "1", "page": nil, "lang": nil]), class: "compact-link"))),
            .forEach(Array(tables.enumerated())) { index, table in
                let cells: [[BodyNode]] =
                    if index == 0, compact, let matrix {
                        compactRows(matrix)
                    } else if index == 0, let sideBySide = built as? SideBySide {
                        sideBySideRows(sideBySide)
                    } else {
                        table.rows.map { $0.map(layout.cell) }
                    }
                let rows = cells.dropFirst((page - 1) * Self.rowsPerPage).prefix(Self.rowsPerPage)
                return .section(
                    .class(index == 0 && compact ? "view-table compact" : "view-table"),
                    layout.table(caption: table.title, columns: table.columns, rows: Array(rows), id: "view-table-\(index + 1)"),
                    .if(table.rows.isEmpty, layout.empty("Deze tabel is leeg voor deze keuze.", "This table is empty for this choice.")),
                    .forEach(table.notes) { .p(.class("note"), .plain($0)) })
            },
            layout.pagination(page: page, pageCount: pageCount))
    }

    /// The matrix with a count per cell, the programme's own words shown when the count is focused or
    /// hovered: a matrix of many programmes then fits a screen, and nothing is lost.
    private func compactRows(_ matrix: CoverageMatrix) -> [[BodyNode]] {
        matrix.rows.map { row -> [BodyNode] in
            let lead: [BodyNode] = matrix.facet == .theme ? [.plain(row.group ?? ""), .plain(row.label)] : [.plain(row.label)]
            let counts: [BodyNode] = row.cells.map { cell in
                guard cell.count > 0 else { return .empty }
                return tag(
                    "span", [("class", "compact-cell"), ("tabindex", "0")],
                    .plain(String(cell.count)), tag("span", [("class", "words")], .plain(": " + cell.localLabels.joined(separator: "; "))))
            }
            return lead + counts + [.plain(String(row.coveredBy))]
        }
    }

    /// Each programme's items on the theme, linked to their place on the programme's page, with the quote.
    private func sideBySideRows(_ view: SideBySide) -> [[BodyNode]] {
        view.rows.map { row -> [BodyNode] in
            let lead: [BodyNode] = [.plain(row.domain ?? ""), layout.link(row.themeLabel, to: "/themes/\(row.themeID)")]
            let columns: [BodyNode] = zip(view.programmes, row.items).map { programme, items in
                guard !items.isEmpty else { return .empty }
                return tag(
                    "ul", [("class", "aligned-items")],
                    children: items.map { item in
                        tag(
                            "li", [],
                            layout.link(
                                item.label + (item.isPrimary ? "" : layout.text(" (ook)", " (also)")), to: "/programmes/\(programme.key)",
                                fragment: "#item-\(elementID(item.itemID))"),
                            item.quote.map { tag("blockquote", [], .p(.plain($0))) } ?? .empty)
                    })
            }
            return lead + columns
        }
    }

    /// Side by side: a select per programme, two to four of them filled in.
    private func pickForm(scope: ComparisonScope) -> BodyNode {
        let catalog = data.catalog
        let programmes = catalog.programmes.map { programme in
            (value: programme.key, label: "\(catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug): \(programme.label)")
        }
        let chosen = scope.only == nil ? [] : scope.programmes(in: catalog).map(\.key)
        let statuses = catalog.taxonomy.itemStatuses.map { (value: $0.id, label: $0.label.text(layout.language)) }
        let picks = Self.pickParameters.enumerated().map { index, name in
            layout.select(
                name, label: layout.text("Programma \(index + 1)", "Programme \(index + 1)"), options: programmes,
                selected: index < chosen.count ? chosen[index] : nil, emptyLabel: layout.text("geen", "none"))
        }
        return layout.form(
            id: "view-filters", action: "/compare/\(view.rawValue)",
            legend: layout.text("Kies twee tot vier programma's", "Choose two to four programmes"),
            picks + [layout.select("status", label: layout.text("Status van onderdelen", "Item status"), options: statuses, selected: layout.query["status"])])
    }

    private func filterForm(scope: ComparisonScope) -> BodyNode {
        guard view != .sideBySide else { return pickForm(scope: scope) }
        let catalog = data.catalog
        let municipalities = catalog.municipalities.map { (value: $0.slug, label: $0.name) }
        let programmes = catalog.programmes.map { programme in
            (value: programme.key, label: "\(catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug): \(programme.label)")
        }
        let statuses = catalog.taxonomy.itemStatuses.map { (value: $0.id, label: $0.label.text(layout.language)) }
        return layout.form(
            id: "view-filters", action: "/compare/\(view.rawValue)",
            legend: layout.text("Welke programma's en onderdelen", "Which programmes and items"),
            [
                layout.select("only", label: layout.text("Alleen", "Only"), options: municipalities + programmes, selected: layout.query["only"]),
                layout.select("status", label: layout.text("Status van onderdelen", "Item status"), options: statuses, selected: layout.query["status"]),
            ])
    }

    private func commandLine(scope: ComparisonScope) -> String {
        var words = ["inclusiebench", "compare", view.rawValue]
        if let only = Self.only(layout.query) { words += ["--only", only] }
        if let status = layout.query["status"] { words += ["--status", status] }
        if layout.language == .en { words += ["--lang", "en"] }
        return words.joined(separator: " ")
    }

    /// The download of one view: the first table as CSV in the asked dialect, or the whole view as JSON.
    static func download(_ view: ViewName, format: String, data: SiteData, query: PageQuery) throws(PageError) -> (contentType: String, bytes: Data) {
        let scope = try scope(query, catalog: data.catalog)
        let built = view.build(catalog: data.catalog, scope: scope)
        do {
            if format == "json" {
                return ("application/json; charset=utf-8", try built.json() + Data("\n".utf8))
            }
            let dialect = try query.choice("dialect", among: CSVDialect.allCases.map(\.rawValue)).flatMap(CSVDialect.init(rawValue:)) ?? .excelNL
            guard let table = built.mainTable(catalog: data.catalog, language: query.language) else { return ("text/csv; charset=utf-8", Data()) }
            return ("text/csv; charset=utf-8", try CSVRenderer.render(table, dialect: dialect))
        } catch let error as PageError {
            throw error
        } catch {
            throw PageError(
                status: .internalServerError,
                message: LocalizedText(nl: "De download kon niet worden gemaakt: \(error)", en: "The download could not be made: \(error)"))
        }
    }
}

/// The list of comparison views.
struct ViewIndexPage {
    let views: [ViewName]
    let layout: Layout

    func render() -> String {
        let title = layout.text("Vergelijkingen", "Comparisons")
        return layout.page(
            title: title,
            .h1(.plain(title)),
            tag(
                "ul", [("class", "views")],
                children: views.map { view in
                    tag("li", [], layout.link(view.title.text(layout.language), to: "/compare/\(view.rawValue)"), .text(" — "), .plain(view.purpose.text(layout.language)))
                }),
            .h2(.plain(layout.text("Per code", "By code"))),
            tag(
                "ul", [],
                children: FacetPage.Facet.allCases.map { facet in
                    tag("li", [], layout.link(facet.label(layout.language), to: "/\(facet.rawValue)"))
                }))
    }
}

/// The list of one taxonomy facet's entries, each linking to its side-by-side page.
struct FacetIndexPage {
    let data: SiteData
    let layout: Layout
    let facet: FacetPage.Facet

    func render() -> String {
        let title = facet.label(layout.language)
        let entries = data.catalog.taxonomy.entries(facet.taxonomyFacet)
        let counts = Dictionary(grouping: data.catalog.programmes.flatMap { programme in
            Set(programme.items.flatMap { $0.ids(facet.taxonomyFacet) }).map { ($0, programme.key) }
        }, by: \.0).mapValues(\.count)
        return layout.page(
            title: title,
            .h1(.plain(title)),
            tag(
                "ul", [("class", "facet-entries")],
                children: entries.map { entry in
                    tag(
                        "li", [],
                        layout.link(entry.label.text(layout.language), to: "/\(facet.rawValue)/\(entry.id)"),
                        .plain(layout.text(" — \(counts[entry.id] ?? 0) programma's", " — \(counts[entry.id] ?? 0) programmes")))
                }))
    }
}
