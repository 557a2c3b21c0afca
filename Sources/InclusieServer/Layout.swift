import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieCharts
import Plot

// Plot has a `Language` and a `TableCell` of its own; in this module the names mean ours.
typealias Language = InclusieModel.Language
typealias TableCell = InclusieExport.TableCell
public typealias BodyNode = Node<HTML.BodyContext>

/// An element of any name, with attributes escaped here: Plot's typed contexts cannot express every
/// nesting HTML allows (a list item holding a form, a figure in a list), and it writes attributes raw.
public func tag(_ name: String, _ attributes: [(String, String)] = [], _ children: BodyNode...) -> BodyNode {
    tag(name, attributes, children: children)
}

public func tag(_ name: String, _ attributes: [(String, String)] = [], children: [BodyNode]) -> BodyNode {
    // An empty value is kept: `<option value="">` must not turn into an option whose value is its label.
    .element(named: name, nodes: attributes.map { .attribute(named: $0.0, value: attributeEscaped($0.1), ignoreIfValueIsEmpty: false) } + children)
}

/// An element without content, such as `input`.
public func voidTag(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
    .selfClosedElement(
        named: name,
        attributes: attributes.map { Attribute<HTML.BodyContext>(name: $0.0, value: attributeEscaped($0.1), ignoreIfValueIsEmpty: false) })
}

/// What every page shares: the language, the page's own address, and the frame around its content.
struct Layout {
    let language: Language
    /// The path of this page, for the language switch.
    let path: String
    let query: PageQuery
    /// The database changed and could not be read again: the page says so above its content.
    let outOfDate: Bool

    init(path: String, query: PageQuery, outOfDate: Bool = false) {
        self.language = query.language
        self.path = path
        self.query = query
        self.outOfDate = outOfDate
    }

    /// The notice on every page while the site shows data older than the database's.
    private var outOfDateNotice: BodyNode {
        guard outOfDate else { return .empty }
        return .p(
            .id("out-of-date"), .class("notice"), .attribute(named: "role", value: "alert"),
            .strong(.plain(text("Deze gegevens zijn mogelijk verouderd.", "These figures may be out of date."))),
            .plain(
                text(
                    " De database is veranderd maar kon niet opnieuw worden gelezen; de site toont de vorige import. Voer inclusiebench import opnieuw uit of herstart inclusiebench serve.",
                    " The database changed but could not be read again; the site shows the previous import. Run inclusiebench import again or restart inclusiebench serve."
                )))
    }

    func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// A link inside the site that keeps the page's language; `tag` escapes it for the attribute.
    func href(_ path: String, _ values: [String: String] = [:]) -> String {
        var values = values
        if language == .en { values["lang"] = "en" }
        return url(path, values)
    }

    func link(_ label: String, to path: String, _ values: [String: String] = [:], class className: String? = nil, fragment: String = "") -> BodyNode {
        tag("a", [("href", href(path, values) + fragment)] + (className.map { [("class", $0)] } ?? []), .plain(label))
    }

    /// The whole page: skip link, header with navigation and the language switch, main, footer.
    func page(title: String, _ content: BodyNode...) -> String {
        let other: Language = language == .nl ? .en : .nl
        let switchValues = query.with(["lang": other == .en ? "en" : nil])
        let html = HTML(
            .attribute(named: "lang", value: language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title`: it copies the text into social-media meta tags without escaping it.
                .element(named: "title", nodes: [.plain(title + " — inclusiebench")]),
                .link(.rel(.stylesheet), .href("/style.css")),
                // No icon, said here, so the browser does not ask for /favicon.ico and log a 404.
                .link(.rel(.icon), .href("data:,"))
            ),
            .body(
                .a(.class("skip"), .href("#content"), .text(text("Naar de inhoud", "Skip to content"))),
                .header(
                    .nav(
                        .attribute(named: "aria-label", value: text("Hoofdmenu", "Main menu")),
                        tag(
                            "ul", [],
                            tag("li", [], link("inclusiebench", to: "/", class: "brand")),
                            tag("li", [], link(text("Programma's", "Programmes"), to: "/")),
                            tag("li", [], link(text("Thema's", "Themes"), to: "/themes")),
                            tag("li", [], link(text("Vergelijkingen", "Comparisons"), to: "/compare")),
                            tag("li", [], link(text("Zoeken", "Search"), to: "/search")),
                            tag(
                                "li", [],
                                tag(
                                    "a",
                                    [("id", "switch-language"), ("href", url(path, switchValues)), ("hreflang", other.rawValue), ("lang", other.rawValue)],
                                    .text(other == .en ? "English" : "Nederlands")))
                        )),
                    searchBox
                ),
                .main(.id("content"), .attribute(named: "tabindex", value: "-1"), outOfDateNotice, .group(content)),
                .footer(
                    .p(
                        .text(
                            text(
                                "Alleen-lezen weergave van de inclusieprogramma's in de database. Elk feit verwijst naar een letterlijk citaat uit het brondocument.",
                                "A read-only view of the inclusion programmes in the database. Every fact points to a verbatim quote from its source document."
                            ))))
            )
        )
        return html.render()
    }

    /// One cell of a view's table: its text as every format shows it, with marked words marked.
    func cell(_ cell: TableCell) -> BodyNode {
        guard case .markedText(let text, let marks) = cell, !marks.isEmpty else { return .plain(cell.display(language)) }
        return .group(
            MeasureTerms.marked(text, terms: marks).map { run in
                run.isTerm ? .element(named: "mark", nodes: [.plain(run.text)]) : .plain(run.text)
            })
    }

    /// The search box in every page's header: a plain GET form to the search page, no script.
    private var searchBox: BodyNode {
        let language: [BodyNode] = self.language == .en ? [voidTag("input", [("type", "hidden"), ("name", "lang"), ("value", "en")])] : []
        return tag(
            "form", [("class", "site-search"), ("role", "search"), ("action", "/search"), ("method", "get")],
            children: [
                tag("label", [("for", "site-search-q"), ("class", "visually-hidden")], .plain(text("Zoek in alle programma's", "Search all programmes"))),
                voidTag("input", [("type", "search"), ("id", "site-search-q"), ("name", "q"), ("maxlength", "500"), ("placeholder", text("Zoeken…", "Search…"))]),
            ] + language + [tag("button", [("type", "submit")], .text(text("Zoek", "Search")))])
    }

    /// A table with a caption and header cells, in a region of its own that scrolls both ways, so a wide
    /// table never widens the page; its header row and first column stay in view while it scrolls.
    func table(caption: String, columns: [String], rows: [[BodyNode]], id: String? = nil) -> BodyNode {
        .div(
            .class("table-wrap"), .attribute(named: "role", value: "region"),
            .attribute(named: "aria-label", value: attributeEscaped(caption)), .attribute(named: "tabindex", value: "0"),
            .table(
                .unwrap(id) { .id($0) },
                .caption(.plain(caption)),
                .thead(.tr(.forEach(columns) { .th(.attribute(named: "scope", value: "col"), .plain($0)) })),
                .tbody(
                    .forEach(rows) { cells in
                        .tr(
                            .forEach(Array(cells.enumerated())) { index, cell in
                                index == 0 ? .th(.attribute(named: "scope", value: "row"), cell) : .td(cell)
                            })
                    })
            ))
    }

    /// Previous and next links, with the page number, when there is more than one page.
    func pagination(page: Int, pageCount: Int) -> BodyNode {
        guard pageCount > 1 else { return .empty }
        let previous: BodyNode =
            page > 1 ? tag("a", [("rel", "prev"), ("href", url(path, query.with(["page": String(page - 1)])))], .text(text("Vorige", "Previous"))) : .empty
        let next: BodyNode =
            page < pageCount ? tag("a", [("rel", "next"), ("href", url(path, query.with(["page": String(page + 1)])))], .text(text("Volgende", "Next"))) : .empty
        return .nav(
            .class("pagination"), .attribute(named: "aria-label", value: text("Pagina's", "Pages")),
            previous, .span(.text(text("Pagina \(page) van \(pageCount)", "Page \(page) of \(pageCount)"))), next)
    }

    /// A labelled select for a filter form; the first option, empty, means "all" unless `emptyLabel` says otherwise.
    func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?, emptyLabel: String? = nil) -> BodyNode {
        let choices = [tag("option", [("value", "")], .plain(emptyLabel ?? text("alle", "all")))]
            + options.map { option in
                tag("option", [("value", option.value)] + (option.value == selected ? [("selected", "selected")] : []), .plain(option.label))
            }
        return tag(
            "div", [("class", "field")],
            tag("label", [("for", "filter-\(name)")], .plain(label)),
            tag("select", [("id", "filter-\(name)"), ("name", name)], children: choices))
    }

    /// A GET form with a fieldset, its legend and a submit button, keeping the page's language.
    func form(id: String, action: String, legend: String, _ fields: [BodyNode]) -> BodyNode {
        let language: [BodyNode] = self.language == .en ? [voidTag("input", [("type", "hidden"), ("name", "lang"), ("value", "en")])] : []
        return tag(
            "form", [("id", id), ("action", action), ("method", "get")],
            tag(
                "fieldset", [],
                children: [tag("legend", [], .plain(legend))] + fields + language
                    + [tag("button", [("type", "submit")], .text(text("Toon", "Show")))]))
    }

    /// A sentence that there is nothing to show, so an empty table never looks like an error.
    func empty(_ nl: String, _ en: String) -> BodyNode {
        .p(.class("empty"), .plain(text(nl, en)))
    }
}

/// The page for a refused or unknown request: what went wrong and where to go.
func errorPage(_ error: PageError, path: String, language: Language, outOfDate: Bool = false) -> String {
    let layout = Layout(path: path, query: PageQuery(language: language), outOfDate: outOfDate)
    let heading =
        error.status == .notFound
        ? layout.text("Pagina niet gevonden", "Page not found") : layout.text("Dit adres kan niet", "This address cannot be used")
    return layout.page(
        title: heading,
        .h1(.plain(heading)),
        .p(.plain(error.message.text(language))),
        .p(layout.link(layout.text("Naar het overzicht van programma's", "To the programmes overview"), to: "/")))
}
