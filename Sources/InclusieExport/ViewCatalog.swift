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
        }
    }

    /// The programmes the view reads: a catalog with only these gives the same view, to the byte.
    public var programmes: ProgrammeSelection {
        self == .proposals ? .municipalitiesWithPartyProgrammes : .all
    }

    /// Computes the view with its default settings for the whole scope.
    public func build(catalog: Catalog, scope: ComparisonScope) -> any TabularView {
        switch self {
        case .themes: CoverageMatrix(facet: .theme, catalog: catalog, scope: scope)
        case .instruments: CoverageMatrix(facet: .instrument, catalog: catalog, scope: scope)
        case .roles: RoleProfiles(catalog: catalog, scope: scope)
        case .budgets: BudgetOverview(catalog: catalog, scope: scope)
        case .proposals: ProposalCoverage(catalog: catalog, scope: scope)
        case .similarity: ThemeSimilarity(catalog: catalog, scope: scope)
        case .timeline: ActionTimeline(catalog: catalog, scope: scope)
        }
    }
}
