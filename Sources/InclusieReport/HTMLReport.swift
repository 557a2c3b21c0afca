import InclusieCharts
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

/// The report for the VNG working group: one self-contained HTML file (inline CSS and SVG, no scripts, no
/// network) with a card per programme, the theme heat map, instruments and roles, budgets, party proposals,
/// gaps and unique themes, and every claim footnoted with its quote, source file and section.
public struct HTMLReport: Sendable {
    /// The sections every report has, by element id, in order; the browser check looks for each.
    public static let sectionIDs = ["programmes", "themes", "instruments-roles", "budgets", "proposals", "gaps", "more-views", "sources"]

    /// Views drawn by a section of their own; any other view in `views` is shown as tables in "more-views".
    static let viewsWithOwnSection: Set<String> = ["themes", "instruments", "roles", "budgets", "proposals"]

    public var catalog: Catalog
    public var scope: ComparisonScope
    public var dataVersion: DataVersion
    public var views: [ViewName]

    public init(catalog: Catalog, scope: ComparisonScope, dataVersion: DataVersion, views: [ViewName] = ViewName.allCases) {
        self.catalog = catalog
        self.scope = scope
        self.dataVersion = dataVersion
        self.views = views
    }

    public func render() -> String {
        var builder = ReportBuilder(catalog: catalog, scope: scope, views: views)
        let language = scope.language
        let title = builder.text("Inclusieprogramma's van gemeenten vergeleken", "Municipal inclusion programmes compared")
        // Sections are built in reading order, so footnotes are numbered in the order a reader meets them.
        let sections: [BodyNode] = [
            builder.programmeCards(), builder.themeHeatMap(), builder.instrumentsAndRoles(), builder.budgets(),
            builder.proposals(), builder.gaps(), builder.moreViews(),
        ]
        let sources = builder.sources()
        let html = HTML(
            .lang(language == .nl ? Plot.Language.dutch : Plot.Language.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [.plain(title)]),
                // An empty icon, so the browser never asks for /favicon.ico and logs a failed load.
                .link(.rel(.icon), .href("data:,")),
                .style(ReportStyle.css)
            ),
            .body(
                builder.header(title: title, dataVersion: dataVersion),
                .main(.group(sections), sources),
                builder.footer(dataVersion: dataVersion)
            )
        )
        return html.render()
    }
}

/// Builds the report's sections from the catalog, collecting footnotes as it goes.
struct ReportBuilder {
    let catalog: Catalog
    let scope: ComparisonScope
    let language: Language
    /// The programmes in scope, in the catalog's order: the columns of every table and the groups of every chart.
    let programmes: [Programme]
    /// The views the report shows; those without a section of their own go to "more views".
    let views: [ViewName]
    var footnotes = Footnotes()

    init(catalog: Catalog, scope: ComparisonScope, views: [ViewName] = ViewName.allCases) {
        self.catalog = catalog
        self.scope = scope
        self.views = views
        language = scope.language
        programmes = scope.programmes(in: catalog)
    }

    /// A phrase in both user languages, picked at render time.
    func text(_ nl: String, _ en: String) -> String {
        language == .nl ? nl : en
    }

    func column(_ programme: Programme) -> ProgrammeColumn {
        ProgrammeColumn(programme, catalog: catalog, language: language)
    }

    func colour(_ programme: Programme) -> String {
        let index = programmes.firstIndex { $0.key == programme.key } ?? 0
        return ChartPalette.programmeColour(index)
    }

    /// The kind and status of a document, marked so that input and proposals are never read as policy.
    func kindBadge(_ programme: Programme) -> BodyNode {
        let isPolicy = programme.adoptionStatus.isPolicy
        return .span(
            .class(isPolicy ? "badge policy" : "badge not-policy"),
            .plain(
                "\(programme.kind.label.text(language)), \(programme.adoptionStatus.label.text(language))"
                    + (isPolicy ? "" : text(" — geen beleid", " — not policy"))
                    + (programme.isDraft ? text(" — concept, niet nagekeken", " — draft, not reviewed") : "")),
            .if(programme.coverage.isPartial, .group(.plain(" "), partialBadge(programme))))
    }

    /// Marks a programme whose plugin models only part of its document; the card gives the reason.
    ///
    /// No tooltip with the reason: Plot writes attribute values unescaped, and the reason is plugin text.
    func partialBadge(_ programme: Programme) -> BodyNode {
        .span(.class("badge partial"), .plain(text("gedeeltelijk gemodelleerd", "partly modelled")))
    }

    /// A column heading: municipality (and party), and what kind of document it is.
    func programmeHeading(_ programme: Programme) -> BodyNode {
        .group(
            .strong(.plain(column(programme).shortName)), .br(), .small(.plain(programme.kind.label.text(language))),
            .if(programme.coverage.isPartial, .group(.br(), partialBadge(programme))))
    }

    mutating func cite(_ evidence: [Evidence], of programme: Programme) -> BodyNode {
        footnotes.references(evidence, sourceFile: programme.sourceFile)
    }

    func section(_ id: String, _ title: String, _ nodes: [BodyNode]) -> BodyNode {
        .section(.id(id), .class("report-section"), .h2(.plain(title)), .group(nodes))
    }

    func note(_ text: String) -> BodyNode {
        .p(.class("note"), .plain(text))
    }

    // MARK: Frame

    func header(title: String, dataVersion: DataVersion) -> BodyNode {
        let municipalities = Set(programmes.map(\.municipalitySlug)).count
        let contents: [(String, String)] = [
            ("programmes", text("Programma's", "Programmes")),
            ("themes", text("Thema's als heatmap", "Themes as a heat map")),
            ("instruments-roles", text("Instrumenten en rollen", "Instruments and roles")),
            ("budgets", text("Begrotingen", "Budgets")),
            ("proposals", text("Partijvoorstellen", "Party proposals")),
            ("gaps", text("Witte vlekken en unieke thema's", "Gaps and unique themes")),
            ("more-views", text("Meer vergelijkingen", "More comparisons")),
            ("sources", text("Bronnen", "Sources")),
        ]
        return .header(
            .id("top"),
            .h1(.plain(title)),
            .p(.class("lead"), .plain(text("Voor de VNG-werkgroep diversiteit en inclusie.", "For the VNG working group on diversity and inclusion."))),
            .p(
                .plain(
                    text(
                        "\(programmes.count) programma's van \(municipalities) gemeenten. Gegevensversie \(dataVersion).",
                        "\(programmes.count) programmes of \(municipalities) municipalities. Data version \(dataVersion).")),
                .plain(
                    scope.only.map { only in
                        let names = only.sorted().joined(separator: ", ")
                        return text(" Selectie: \(names).", " Selection: \(names).")
                    } ?? "")
            ),
            .p(
                .class("note"),
                .plain(
                    text(
                        "Vastgestelde en voorgestelde programma's en interne werkdocumenten zijn beleid. Een werkconferentie levert inbreng en een partijprogramma voorstellen: ze staan erbij, gemarkeerd met 'geen beleid', maar tellen nooit als beleid. Elk feit verwijst met een voetnootnummer naar het letterlijke citaat, het bronbestand en de vindplaats onder 'Bronnen'.",
                        "Adopted and proposed programmes and internal working documents are policy. A working conference gives input and a party programme proposals: they are shown, marked 'not policy', but never counted as policy. Every fact points with a footnote number to the verbatim quote, source file and section under 'Sources'."
                    ))
            ),
            .nav(
                .class("contents"),
                .ol(.forEach(contents) { id, title in .li(.a(.href("#\(id)"), .plain(title))) })
            )
        )
    }

    func footer(dataVersion: DataVersion) -> BodyNode {
        .footer(
            .p(
                .plain(
                    text(
                        "Gemaakt met inclusiebench uit gegevensversie \(dataVersion). Citeer als: inclusiebench, vergelijking van inclusieprogramma's van gemeenten, gegevensversie \(dataVersion); en voor een los feit het brondocument en de vindplaats uit de voetnoot.",
                        "Made with inclusiebench from data version \(dataVersion). Cite as: inclusiebench, comparison of municipalities' inclusion programmes, data version \(dataVersion); and for a single fact the source document and section in its footnote."
                    ))),
            .p(
                .plain(
                    text(
                        "De gegevens als CSV met gegevenswoordenboek: inclusiebench export (of de map exports/ in de repository).",
                        "The data as CSV with a data dictionary: inclusiebench export (or the exports/ folder in the repository)."
                    )))
        )
    }

    func sources() -> BodyNode {
        section(
            "sources", text("Bronnen", "Sources"),
            [
                note(
                    text(
                        "Letterlijke citaten (spelfouten van de documenten inbegrepen), met het bronbestand en de kop waaronder ze staan.",
                        "Verbatim quotes (the documents' spelling errors included), with the source file and the heading they stand under.")),
                .ol(
                    .class("sources"),
                    .forEach(footnotes.entries.enumerated()) { index, entry in
                        .li(
                            .id("fn-\(index + 1)"),
                            .element(named: "q", nodes: [.plain(entry.quote)]),
                            .plain(" — "),
                            .element(named: "cite", nodes: [.plain(entry.sourceFile)]),
                            .plain(", \(entry.section)")
                        )
                    }
                ),
            ])
    }
}
