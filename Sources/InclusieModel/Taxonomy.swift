/// One entry of the canonical taxonomy: a theme, instrument, role, target group or item status.
public struct TaxonomyEntry: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var label: LocalizedText
    public var definition: String
    /// For themes: the domain the theme belongs to. Nil for other kinds of entry.
    public var domainID: String?

    public init(id: String, label: LocalizedText, definition: String, domainID: String? = nil) {
        self.id = id
        self.label = label
        self.definition = definition
        self.domainID = domainID
    }
}

/// The kinds of taxonomy a plugin maps its items onto.
public enum TaxonomyFacet: String, CaseIterable, Codable, Sendable {
    case theme
    case instrument
    case role
    case targetGroup = "target-group"
    case itemStatus = "item-status"

    /// The YAML key under which plugins list ids of this facet.
    public var pluginKey: String {
        switch self {
        case .theme: "themes"
        case .instrument: "instruments"
        case .role: "roles"
        case .targetGroup: "target_groups"
        case .itemStatus: "status"
        }
    }
}

/// The canonical taxonomy every programme is lined up against; read from `municipalities/taxonomy.yaml`.
///
/// Kept as data rather than code so that the working group can refine labels without a programmer.
public struct Taxonomy: Hashable, Codable, Sendable {
    public var domains: [TaxonomyEntry]
    public var themes: [TaxonomyEntry]
    public var instruments: [TaxonomyEntry]
    public var roles: [TaxonomyEntry]
    public var targetGroups: [TaxonomyEntry]
    public var itemStatuses: [TaxonomyEntry]

    public init(
        domains: [TaxonomyEntry], themes: [TaxonomyEntry], instruments: [TaxonomyEntry],
        roles: [TaxonomyEntry], targetGroups: [TaxonomyEntry], itemStatuses: [TaxonomyEntry]
    ) {
        self.domains = domains
        self.themes = themes
        self.instruments = instruments
        self.roles = roles
        self.targetGroups = targetGroups
        self.itemStatuses = itemStatuses
    }

    public func entries(_ facet: TaxonomyFacet) -> [TaxonomyEntry] {
        switch facet {
        case .theme: themes
        case .instrument: instruments
        case .role: roles
        case .targetGroup: targetGroups
        case .itemStatus: itemStatuses
        }
    }

    public func contains(_ id: String, in facet: TaxonomyFacet) -> Bool {
        entries(facet).contains { $0.id == id }
    }

    public func entry(_ id: String, in facet: TaxonomyFacet) -> TaxonomyEntry? {
        entries(facet).first { $0.id == id }
    }

    public func domain(_ id: String) -> TaxonomyEntry? {
        domains.first { $0.id == id }
    }

    /// A label for any id, falling back to the id itself so output never shows a blank.
    public func label(_ id: String, in facet: TaxonomyFacet, _ language: Language) -> String {
        entry(id, in: facet)?.label.text(language) ?? id
    }
}
