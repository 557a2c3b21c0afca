/// A programme's own unit in its own words: an execution line, a theme, a spearhead, a proposal, an answer.
///
/// Mappings onto the canonical taxonomy are ordered lists of ids; the first one is the primary mapping.
public struct LocalItem: Hashable, Codable, Sendable {
    public var localID: String
    /// The document's own word for this kind of item (uitvoeringslijn, speerpunt, programmapunt …).
    public var nativeType: LocalizedText
    public var number: String?
    public var title: String
    public var description: String?
    public var parentID: String?
    /// The owning programme or department; never a person.
    public var owner: String?
    public var contactPoints: [ContactPoint]
    public var years: [Int]
    /// An id from the taxonomy's item statuses.
    public var status: String
    public var themes: [String]
    public var instruments: [String]
    public var roles: [String]
    public var targetGroups: [String]
    public var partnerIDs: [String]
    /// Organisations the item cites as the source of a finding (research, a report), not partners in the work.
    public var citedSourceIDs: [String]
    public var relatedIDs: [String]
    public var note: String?
    public var evidence: [Evidence]

    public init(
        localID: String, nativeType: LocalizedText, number: String? = nil, title: String,
        description: String? = nil, parentID: String? = nil, owner: String? = nil,
        contactPoints: [ContactPoint] = [], years: [Int] = [], status: String, themes: [String] = [],
        instruments: [String] = [], roles: [String] = [], targetGroups: [String] = [],
        partnerIDs: [String] = [], relatedIDs: [String] = [], note: String? = nil, evidence: [Evidence],
        citedSourceIDs: [String] = []
    ) {
        self.localID = localID
        self.nativeType = nativeType
        self.number = number
        self.title = title
        self.description = description
        self.parentID = parentID
        self.owner = owner
        self.contactPoints = contactPoints
        self.years = years
        self.status = status
        self.themes = themes
        self.instruments = instruments
        self.roles = roles
        self.targetGroups = targetGroups
        self.partnerIDs = partnerIDs
        self.citedSourceIDs = citedSourceIDs
        self.relatedIDs = relatedIDs
        self.note = note
        self.evidence = evidence
    }

    public var primaryTheme: String? { themes.first }

    /// A short label for tables: the document's number (if any) and title.
    ///
    /// Inlinable, like `ids(_:)`, so that a view reading items in place reads just these fields: called
    /// across modules, each call copied the whole item first (a retain per field, 190,000 items at 3,420
    /// municipalities).
    @inlinable
    public var displayLabel: String {
        if let number, !number.isEmpty { return "\(number). \(title)" }
        return title
    }

    @inlinable
    public func ids(_ facet: TaxonomyFacet) -> [String] {
        switch facet {
        case .theme: themes
        case .instrument: instruments
        case .role: roles
        case .targetGroup: targetGroups
        case .itemStatus: [status]
        }
    }
}

/// Where to ask about an item: an organisational unit and department, deliberately without personal names.
public struct ContactPoint: Hashable, Codable, Sendable {
    public var unit: String
    public var department: String?

    public init(unit: String, department: String?) {
        self.unit = unit
        self.department = department
    }
}
