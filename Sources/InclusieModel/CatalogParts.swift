/// Which programmes a computation reads; the taxonomy and the municipalities are always read whole.
public enum ProgrammeSelection: Hashable, Sendable {
    case all
    /// Every programme of each municipality that has a party's programme: all that comparing party
    /// proposals with their own municipality's policy needs, a tenth of the catalog.
    case municipalitiesWithPartyProgrammes
    /// The programmes `--only` names, by municipality slug or programme key: what side by side shows.
    case named(Set<String>)
    /// The first programmes in catalog order with their parts, and of the others only what describes
    /// the programme itself: side by side without `--only` shows four and names the rest as left out.
    case first(Int)
}

/// Which parts of a catalog a computation reads.
///
/// A view shows a fraction of what the database holds; reading only that fraction is what keeps one
/// `compare` process fast for thousands of programmes. A catalog read with fewer parts is the same
/// catalog with the other parts left empty, so every computation over it stays a pure function of values.
public struct CatalogParts: OptionSet, Hashable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Items with their id, status and parent; their words and mappings are parts of their own.
    public static let items = CatalogParts(rawValue: 1 << 0)
    /// The items' own type, number and title.
    public static let itemText = CatalogParts(rawValue: 1 << 11)
    public static let itemThemes = CatalogParts(rawValue: 1 << 1)
    public static let itemInstruments = CatalogParts(rawValue: 1 << 2)
    public static let itemRoles = CatalogParts(rawValue: 1 << 3)
    public static let itemTargetGroups = CatalogParts(rawValue: 1 << 4)
    public static let itemDescriptions = CatalogParts(rawValue: 1 << 5)
    public static let itemYears = CatalogParts(rawValue: 1 << 6)
    /// The verbatim quotes of items.
    public static let itemEvidence = CatalogParts(rawValue: 1 << 7)
    /// Budget lines with their amounts per year and per period, without their quotes.
    public static let budgets = CatalogParts(rawValue: 1 << 8)
    /// The municipalities' population figures.
    public static let population = CatalogParts(rawValue: 1 << 9)
    /// Everything else: partners, contact points, relations, notes, owners and every other quote.
    public static let rest = CatalogParts(rawValue: 1 << 10)

    /// The whole catalog, as the import wrote it.
    public static let all: CatalogParts = [
        .items, .itemText, .itemThemes, .itemInstruments, .itemRoles, .itemTargetGroups, .itemDescriptions, .itemYears,
        .itemEvidence, .budgets, .population, .rest,
    ]
}
