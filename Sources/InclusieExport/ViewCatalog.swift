import Foundation
import InclusieComparison
import InclusieModel

/// A comparison result that can be shown as one or more tables (terminal, Markdown, CSV) and as JSON.
public protocol TabularView: Encodable, Sendable {
    /// Every table of the view, the main one first.
    func tables(catalog: Catalog, language: Language) -> [ResultTable]
    /// The first of `tables`, alone: all that one CSV of the view holds. A view whose other tables take
    /// time to build (thousands of rows at 3,420 municipalities) makes this one without them.
    func mainTable(catalog: Catalog, language: Language) -> ResultTable?
    /// The view's large top-level arrays, whose elements its JSON encodes in parallel; none by default.
    static var jsonParts: [JSONPart<Self>] { get }
}

extension TabularView {
    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        tables(catalog: catalog, language: language).first
    }

    public static var jsonParts: [JSONPart<Self>] { [] }

    /// The view as JSON: the same bytes as `JSONRendering.encode(self)`.
    public func json() throws -> Data {
        try JSONRendering.encode(self, inParts: Self.jsonParts)
    }
}

extension CoverageMatrix: TabularView {
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        tables(taxonomy: catalog.taxonomy, language: language)
    }

    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        matrixTable(language: language)
    }

    public static var jsonParts: [JSONPart<Self>] { [JSONPart("profiles", \.profiles), JSONPart("rows", \.rows)] }
}

/// One comparison view: its name, what it answers, the parts of the catalog it reads and how it is built.
///
/// A view is a value, not a case of an enum: `compare <view>`, `export`, the report's "more views" and the
/// site's view pages and downloads all go through a list of these (`allCases` unless told otherwise), so a
/// new view is its comparison, its tables and one value here, and the compiler asks for every part of it.
/// `NewViewTests` adds a throw-away view this way and finds it in the exports, the report and the site.
public struct ViewName: Hashable, Sendable, CustomStringConvertible {
    /// The view's stable name in commands, URLs and file names.
    public let rawValue: String
    /// The view's name on the site and in its index.
    public let title: LocalizedText
    /// What the view answers, in one sentence, under its title.
    public let purpose: LocalizedText
    /// The parts of the catalog the view reads: a catalog with only these gives the same view, to the byte.
    public let parts: CatalogParts
    private let selection: @Sendable (ViewSettings) -> ProgrammeSelection
    private let make: @Sendable (Catalog, ComparisonScope, ViewSettings) throws(ProposalCoverage.LookupError) -> any TabularView
    private let makeWithDefaults: @Sendable (Catalog, ComparisonScope) -> any TabularView

    /// A view that cannot fail: every setting it reads has a meaning for every catalog. It reads every
    /// programme unless `programmes` says which.
    public init(
        _ rawValue: String, title: LocalizedText, purpose: LocalizedText, parts: CatalogParts,
        programmes: @escaping @Sendable (ViewSettings) -> ProgrammeSelection = { _ in .all },
        build: @escaping @Sendable (Catalog, ComparisonScope, ViewSettings) -> any TabularView
    ) {
        self.init(
            rawValue, title: title, purpose: purpose, parts: parts, programmes: programmes,
            build: { catalog, scope, settings in build(catalog, scope, settings) },
            buildWithDefaults: { catalog, scope in build(catalog, scope, ViewSettings()) })
    }

    /// A view whose settings can name something that does not exist; with its default settings it must
    /// still give a view (export, the report and the site never fail on it).
    public init(
        _ rawValue: String, title: LocalizedText, purpose: LocalizedText, parts: CatalogParts,
        programmes: @escaping @Sendable (ViewSettings) -> ProgrammeSelection,
        build: @escaping @Sendable (Catalog, ComparisonScope, ViewSettings) throws(ProposalCoverage.LookupError) -> any TabularView,
        buildWithDefaults: @escaping @Sendable (Catalog, ComparisonScope) -> any TabularView
    ) {
        self.rawValue = rawValue
        self.title = title
        self.purpose = purpose
        self.parts = parts
        self.selection = programmes
        self.make = build
        self.makeWithDefaults = buildWithDefaults
    }

    /// The built-in view of this name.
    public init?(rawValue: String) {
        guard let view = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = view
    }

    public var description: String { rawValue }

    public static func == (lhs: ViewName, rhs: ViewName) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The programmes the view reads: a catalog with only these gives the same view, to the byte.
    public var programmes: ProgrammeSelection { programmes(for: ViewSettings()) }

    /// The programmes the view reads with these settings.
    public func programmes(for settings: ViewSettings) -> ProgrammeSelection { selection(settings) }

    /// Computes the view with its default settings for the whole scope: what export, the report and the
    /// site show, which never fail.
    public func build(catalog: Catalog, scope: ComparisonScope) -> any TabularView {
        makeWithDefaults(catalog, scope)
    }

    /// Computes the view with the settings a user gave; fails only on a programme the settings name that
    /// does not exist.
    public func build(catalog: Catalog, scope: ComparisonScope, settings: ViewSettings) throws(ProposalCoverage.LookupError) -> any TabularView {
        try make(catalog, scope, settings)
    }

    /// Every built-in view, in the order commands, exports, the report and the site list them.
    public static let allCases: [ViewName] = [.themes, .instruments, .roles, .budgets, .proposals, .similarity, .timeline, .sideBySide]

    public static let themes = ViewName(
        "themes", title: LocalizedText(nl: "Thema's per programma", en: "Themes by programme"),
        purpose: LocalizedText(
            nl: "Welke thema's elk programma behandelt, met de eigen woorden van het programma per cel.",
            en: "Which themes each programme covers, with the programme's own words in each cell."),
        parts: [.items, .itemText, .itemThemes]
    ) { catalog, scope, _ in CoverageMatrix(facet: .theme, catalog: catalog, scope: scope) }

    public static let instruments = ViewName(
        "instruments", title: LocalizedText(nl: "Instrumenten per programma", en: "Instruments by programme"),
        purpose: LocalizedText(
            nl: "Hoe programma's werken: subsidie, training, campagne, onderzoek …",
            en: "How programmes work: subsidy, training, campaign, research …"),
        parts: [.items, .itemText, .itemInstruments]
    ) { catalog, scope, _ in CoverageMatrix(facet: .instrument, catalog: catalog, scope: scope) }

    public static let roles = ViewName(
        "roles", title: LocalizedText(nl: "Rollen van de gemeente", en: "Roles of the municipality"),
        purpose: LocalizedText(
            nl: "Welke rol de gemeente neemt: regisseur, financier, werkgever …",
            en: "Which role the municipality takes: director, funder, employer …"),
        parts: [.items, .itemText, .itemRoles, .itemDescriptions]
    ) { catalog, scope, _ in RoleProfiles(catalog: catalog, scope: scope) }

    public static let budgets = ViewName(
        "budgets", title: LocalizedText(nl: "Begrotingen", en: "Budgets"),
        purpose: LocalizedText(
            nl: "Geld per programma per jaar, per soort en per inwoner; 'niet vermeld' is geen € 0.",
            en: "Money per programme per year, per kind and per inhabitant; 'not stated' is not € 0."),
        parts: [.budgets, .population]
    ) { catalog, scope, _ in BudgetOverview(catalog: catalog, scope: scope) }

    /// A named party or programme may stand in any municipality, so naming one reads them all. With no
    /// name, a scope without a party programme and a policy programme of its municipality is an empty
    /// comparison, not an error.
    public static let proposals = ViewName(
        "proposals", title: LocalizedText(nl: "Partijvoorstellen tegen het programma", en: "Party proposals against the programme"),
        purpose: LocalizedText(
            nl: "Wat het programma doet met elk voorstel van een partij: dezelfde maatregel, inzet voor het onderwerp, een vermelding of niets.",
            en: "What the programme does about each of a party's proposals: the same measure, a commitment to the subject, a mention or nothing."),
        parts: [.items, .itemText, .itemThemes, .itemTargetGroups, .itemEvidence],
        programmes: { $0.party == nil && $0.against == nil ? .municipalitiesWithPartyProgrammes : .all },
        build: { catalog, scope, settings throws(ProposalCoverage.LookupError) in
            try ProposalCoverage(catalog: catalog, scope: scope, party: settings.party, against: settings.against)
        },
        buildWithDefaults: { catalog, scope in
            (try? ProposalCoverage(catalog: catalog, scope: scope, party: nil, against: nil))
                ?? ProposalCoverage(catalog: catalog, scope: scope)
        })

    public static let similarity = ViewName(
        "similarity", title: LocalizedText(nl: "Overeenkomst in thema's", en: "Theme similarity"),
        purpose: LocalizedText(
            nl: "Hoeveel thema's programma's delen (Jaccard), en het meest verwante programma.",
            en: "How many themes programmes share (Jaccard), and the nearest programme."),
        parts: [.items, .itemThemes]
    ) { catalog, scope, settings in ThemeSimilarity(catalog: catalog, scope: scope, peers: settings.peers) }

    public static let timeline = ViewName(
        "timeline", title: LocalizedText(nl: "Tijdlijn", en: "Timeline"),
        purpose: LocalizedText(nl: "Onderdelen per jaar.", en: "Items by year."),
        parts: [.items, .itemText, .itemYears]
    ) { catalog, scope, _ in ActionTimeline(catalog: catalog, scope: scope) }

    /// Reads only the programmes `--only` names, or without it the first four whole and the others' names:
    /// two to four programmes with every quote, of hundreds.
    public static let sideBySide = ViewName(
        "side-by-side", title: LocalizedText(nl: "Naast elkaar", en: "Side by side"),
        purpose: LocalizedText(
            nl: "Twee tot vier programma's naast elkaar, hun onderdelen per thema met citaten (kies met 'alleen').",
            en: "Two to four programmes next to each other, their items by theme with quotes (choose with 'only')."),
        parts: [.items, .itemText, .itemThemes, .itemEvidence],
        programmes: { settings in settings.only.map { .named($0) } ?? .first(SideBySide.programmeCounts.upperBound) }
    ) { catalog, scope, _ in SideBySide(catalog: catalog, scope: scope) }
}

/// What a user can set beyond the scope, for the views that take it; every view ignores what it does not use.
public struct ViewSettings: Sendable {
    /// `proposals`: one party programme, by key or id.
    public var party: String?
    /// `proposals`: the programme to hold the proposals against.
    public var against: String?
    /// `similarity`: how many nearest programmes each programme lists.
    public var peers: Int
    /// `side-by-side`: the municipalities and programmes `--only` names, so that only they are read.
    public var only: Set<String>?

    public init(party: String? = nil, against: String? = nil, peers: Int = ThemeSimilarity.defaultPeerCount, only: Set<String>? = nil) {
        self.party = party
        self.against = against
        self.peers = peers
        self.only = only
    }
}
