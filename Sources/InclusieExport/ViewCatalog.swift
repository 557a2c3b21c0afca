import InclusieComparison
import InclusieModel

/// A comparison result that can be shown as one or more tables (terminal, Markdown, CSV) and as JSON.
public protocol TabularView: Encodable, Sendable {
    /// Every table of the view, the main one first.
    func tables(catalog: Catalog, language: Language) -> [ResultTable]
    /// The first of `tables`, alone: all that one CSV of the view holds. A view whose other tables take
    /// time to build (thousands of rows at 3,420 municipalities) makes this one without them.
    func mainTable(catalog: Catalog, language: Language) -> ResultTable?
}

extension TabularView {
    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        tables(catalog: catalog, language: language).first
    }
}

extension CoverageMatrix: TabularView {
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        tables(taxonomy: catalog.taxonomy, language: language)
    }

    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        matrixTable(language: language)
    }
}

/// Every comparison view by name: what `compare`, `export` and the report iterate over.
public enum ViewName: String, CaseIterable, Sendable {
    case themes
    case instruments
    case roles
    case budgets
    case proposals
    case similarity
    case timeline
    case sideBySide = "side-by-side"

    /// The view's name on the site and in its index.
    public var title: LocalizedText {
        switch self {
        case .themes: LocalizedText(nl: "Thema's per programma", en: "Themes by programme")
        case .instruments: LocalizedText(nl: "Instrumenten per programma", en: "Instruments by programme")
        case .roles: LocalizedText(nl: "Rollen van de gemeente", en: "Roles of the municipality")
        case .budgets: LocalizedText(nl: "Begrotingen", en: "Budgets")
        case .proposals: LocalizedText(nl: "Partijvoorstellen tegen het programma", en: "Party proposals against the programme")
        case .similarity: LocalizedText(nl: "Overeenkomst in thema's", en: "Theme similarity")
        case .timeline: LocalizedText(nl: "Tijdlijn", en: "Timeline")
        case .sideBySide: LocalizedText(nl: "Naast elkaar", en: "Side by side")
        }
    }

    /// What the view answers, in one sentence, under its title.
    public var purpose: LocalizedText {
        switch self {
        case .themes:
            LocalizedText(
                nl: "Welke thema's elk programma behandelt, met de eigen woorden van het programma per cel.",
                en: "Which themes each programme covers, with the programme's own words in each cell.")
        case .instruments:
            LocalizedText(
                nl: "Hoe programma's werken: subsidie, training, campagne, onderzoek …",
                en: "How programmes work: subsidy, training, campaign, research …")
        case .roles:
            LocalizedText(
                nl: "Welke rol de gemeente neemt: regisseur, financier, werkgever …",
                en: "Which role the municipality takes: director, funder, employer …")
        case .budgets:
            LocalizedText(
                nl: "Geld per programma per jaar, per soort en per inwoner; 'niet vermeld' is geen € 0.",
                en: "Money per programme per year, per kind and per inhabitant; 'not stated' is not € 0.")
        case .proposals:
            LocalizedText(
                nl: "Wat het programma doet met elk voorstel van een partij: dezelfde maatregel, inzet voor het onderwerp, een vermelding of niets.",
                en: "What the programme does about each of a party's proposals: the same measure, a commitment to the subject, a mention or nothing.")
        case .similarity:
            LocalizedText(
                nl: "Hoeveel thema's programma's delen (Jaccard), en het meest verwante programma.",
                en: "How many themes programmes share (Jaccard), and the nearest programme.")
        case .timeline: LocalizedText(nl: "Onderdelen per jaar.", en: "Items by year.")
        case .sideBySide:
            LocalizedText(
                nl: "Twee tot vier programma's naast elkaar, hun onderdelen per thema met citaten (kies met 'alleen').",
                en: "Two to four programmes next to each other, their items by theme with quotes (choose with 'only').")
        }
    }

    /// The parts of the catalog the view reads: a catalog with only these gives the same view, to the byte.
    public var parts: CatalogParts {
        switch self {
        case .themes: [.items, .itemText, .itemThemes]
        case .instruments: [.items, .itemText, .itemInstruments]
        case .roles: [.items, .itemText, .itemRoles, .itemDescriptions]
        case .budgets: [.budgets, .population]
        case .proposals: [.items, .itemText, .itemThemes, .itemTargetGroups, .itemEvidence]
        case .similarity: [.items, .itemThemes]
        case .timeline: [.items, .itemText, .itemYears]
        case .sideBySide: [.items, .itemText, .itemThemes, .itemEvidence]
        }
    }

    /// The programmes the view reads: a catalog with only these gives the same view, to the byte.
    public var programmes: ProgrammeSelection { programmes(for: ViewSettings()) }

    /// The programmes the view reads with these settings: a named party or programme may stand in any
    /// municipality, so naming one reads them all.
    public func programmes(for settings: ViewSettings) -> ProgrammeSelection {
        self == .proposals && settings.party == nil && settings.against == nil ? .municipalitiesWithPartyProgrammes : .all
    }

    /// Computes the view with its default settings for the whole scope: what export, the report and the
    /// site show, which never fail.
    public func build(catalog: Catalog, scope: ComparisonScope) -> any TabularView {
        do {
            return try build(catalog: catalog, scope: scope, settings: ViewSettings())
        } catch {
            // Default settings name no programme; what is left to fail is a scope without a party programme
            // and a policy programme of its municipality, which is an empty comparison here, not an error.
            return ProposalCoverage(catalog: catalog, scope: scope)
        }
    }

    /// Computes the view with the settings a user gave; fails only on a programme the settings name that
    /// does not exist.
    public func build(catalog: Catalog, scope: ComparisonScope, settings: ViewSettings) throws(ProposalCoverage.LookupError) -> any TabularView {
        switch self {
        case .themes: CoverageMatrix(facet: .theme, catalog: catalog, scope: scope)
        case .instruments: CoverageMatrix(facet: .instrument, catalog: catalog, scope: scope)
        case .roles: RoleProfiles(catalog: catalog, scope: scope)
        case .budgets: BudgetOverview(catalog: catalog, scope: scope)
        case .proposals:
            try ProposalCoverage(catalog: catalog, scope: scope, party: settings.party, against: settings.against)
        case .similarity: ThemeSimilarity(catalog: catalog, scope: scope, peers: settings.peers)
        case .timeline: ActionTimeline(catalog: catalog, scope: scope)
        case .sideBySide: SideBySide(catalog: catalog, scope: scope)
        }
    }
}

/// What a user can set beyond the scope, for the views that take it; every view ignores what it does not use.
public struct ViewSettings: Sendable {
    /// `proposals`: one party programme, by key or id.
    public var party: String?
    /// `proposals`: the programme to hold the proposals against.
    public var against: String?
    /// `similarity`: how many nearest programmes each programme lists.
    public var peers: Int

    public init(party: String? = nil, against: String? = nil, peers: Int = ThemeSimilarity.defaultPeerCount) {
        self.party = party
        self.against = against
        self.peers = peers
    }
}
