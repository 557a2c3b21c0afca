import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieStore

/// Everything the site shows, read from one import: nothing here changes while requests read it. After
/// a new import the server reads a new `SiteData` (`SiteDataFollower`) rather than changing this one.
public struct SiteData: Sendable {
    public let catalog: Catalog
    /// How many source documents are searchable, for the line `serve` prints.
    public let sourceCount: Int
    let searchIndex: SearchIndex
    /// Per programme key, its budget as the budgets view computes it, for cards and programme pages.
    let budgets: [String: BudgetOverview.ProgrammeBudget]
    /// The comparison views the site offers, in the order its index lists them.
    let views: [ViewName]

    public init(catalog: Catalog, sources: [SourceText] = [], views: [ViewName] = ViewName.allCases) throws {
        self.catalog = catalog
        self.views = views
        sourceCount = sources.count
        searchIndex = try SearchIndex(catalog: catalog, sources: sources)
        let overview = BudgetOverview(catalog: catalog, scope: ComparisonScope())
        budgets = Dictionary(overview.programmes.map { ($0.programme.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The view the site offers under this name in its URLs, if any.
    func view(named name: String?) -> ViewName? {
        views.first { $0.rawValue == name }
    }

    /// The programme's municipality's size class, from the population figure nearest its first year.
    func sizeClass(of programme: Programme) -> SizeClass? {
        guard let municipality = catalog.municipality(programme.municipalitySlug),
            let figure = municipality.population(nearestTo: programme.period?.from ?? 2024)
        else { return nil }
        return SizeClass(population: figure.count)
    }

    /// The programmes of other municipalities that share the most themes with this one (Jaccard on the
    /// sets of theme ids), best first; ties by key, so the list is the same on every request.
    ///
    /// `among` restricts the candidates, e.g. to the same province or size class.
    func peers(
        of programme: Programme, count: Int = 5, among isCandidate: (Programme) -> Bool = { _ in true }
    ) -> [(programme: Programme, similarity: Double, shared: Int)] {
        let own = Set(programme.items.flatMap(\.themes))
        guard !own.isEmpty else { return [] }
        let scored = catalog.programmes.compactMap { other -> (programme: Programme, similarity: Double, shared: Int)? in
            guard other.municipalitySlug != programme.municipalitySlug, isCandidate(other) else { return nil }
            let themes = Set(other.items.flatMap(\.themes))
            let shared = own.intersection(themes).count
            guard shared > 0 else { return nil }
            return (other, Double(shared) / Double(own.union(themes).count), shared)
        }
        return Array(
            scored.sorted {
                $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.programme.key < $1.programme.key
            }.prefix(count))
    }
}

/// The size classes the CBS uses for municipalities, by number of inhabitants.
enum SizeClass: String, CaseIterable, Sendable {
    case small = "tot-20000"
    case medium = "20000-50000"
    case large = "50000-100000"
    case city = "100000-250000"
    case bigCity = "vanaf-250000"

    init(population: Int) {
        switch population {
        case ..<20_000: self = .small
        case ..<50_000: self = .medium
        case ..<100_000: self = .large
        case ..<250_000: self = .city
        default: self = .bigCity
        }
    }

    func label(_ language: Language) -> String {
        switch self {
        case .small: language == .nl ? "tot 20.000 inwoners" : "under 20,000 inhabitants"
        case .medium: language == .nl ? "20.000 tot 50.000 inwoners" : "20,000 to 50,000 inhabitants"
        case .large: language == .nl ? "50.000 tot 100.000 inwoners" : "50,000 to 100,000 inhabitants"
        case .city: language == .nl ? "100.000 tot 250.000 inwoners" : "100,000 to 250,000 inhabitants"
        case .bigCity: language == .nl ? "250.000 inwoners of meer" : "250,000 inhabitants or more"
        }
    }
}
