/// Everything the tool knows at once: the taxonomy, the municipalities and their programmes.
///
/// This is what the store returns and what comparisons take, so comparisons never touch files or SQLite.
public struct Catalog: Hashable, Codable, Sendable {
    public var taxonomy: Taxonomy
    public var municipalities: [Municipality] {
        didSet { municipalityPositions = Self.positions(of: municipalities, by: \.slug) }
    }
    public var programmes: [Programme] {
        didSet { programmePositions = Self.positions(of: programmes, by: \.key) }
    }
    /// Where each slug and key stands, so that a view looking up every programme's municipality stays
    /// linear in the number of programmes; kept up to date whenever the arrays change.
    private var municipalityPositions: [String: Int]
    private var programmePositions: [String: Int]

    public init(taxonomy: Taxonomy, municipalities: [Municipality], programmes: [Programme]) {
        self.taxonomy = taxonomy
        self.municipalities = municipalities
        self.programmes = programmes
        municipalityPositions = Self.positions(of: municipalities, by: \.slug)
        programmePositions = Self.positions(of: programmes, by: \.key)
    }

    /// The first municipality with this slug.
    public func municipality(_ slug: String) -> Municipality? {
        municipalityPositions[slug].map { municipalities[$0] }
    }

    /// The first programme with this key.
    public func programme(_ key: String) -> Programme? {
        programmePositions[key].map { programmes[$0] }
    }

    private static func positions<Element>(of elements: [Element], by key: (Element) -> String) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() where positions[key(element)] == nil {
            positions[key(element)] = position
        }
        return positions
    }

    private enum CodingKeys: String, CodingKey {
        case taxonomy, municipalities, programmes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            taxonomy: try container.decode(Taxonomy.self, forKey: .taxonomy),
            municipalities: try container.decode([Municipality].self, forKey: .municipalities),
            programmes: try container.decode([Programme].self, forKey: .programmes))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(taxonomy, forKey: .taxonomy)
        try container.encode(municipalities, forKey: .municipalities)
        try container.encode(programmes, forKey: .programmes)
    }

    /// The positions follow from the arrays, so they take no part in equality.
    public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
        lhs.taxonomy == rhs.taxonomy && lhs.municipalities == rhs.municipalities && lhs.programmes == rhs.programmes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(taxonomy)
        hasher.combine(municipalities)
        hasher.combine(programmes)
    }
}
