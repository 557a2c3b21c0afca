/// Everything the tool knows at once: the taxonomy, the municipalities and their programmes.
///
/// This is what the store returns and what comparisons take, so comparisons never touch files or SQLite.
public struct Catalog: Hashable, Codable, Sendable {
    public var taxonomy: Taxonomy
    public var municipalities: [Municipality]
    public var programmes: [Programme]

    public init(taxonomy: Taxonomy, municipalities: [Municipality], programmes: [Programme]) {
        self.taxonomy = taxonomy
        self.municipalities = municipalities
        self.programmes = programmes
    }

    public func municipality(_ slug: String) -> Municipality? {
        municipalities.first { $0.slug == slug }
    }

    public func programme(_ key: String) -> Programme? {
        programmes.first { $0.key == key }
    }
}
