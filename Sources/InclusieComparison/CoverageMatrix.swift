import InclusieModel

/// Taxonomy entry × programme, with the programme's own labels in each cell: the theme and instrument views.
public struct CoverageMatrix: Codable, Sendable {
    public struct Cell: Codable, Sendable, Hashable {
        public var programme: String
        /// The programme's own item labels that map to this entry; primary mappings first.
        public var localLabels: [String]
        public var count: Int
        public var primaryCount: Int
    }

    public struct Row: Codable, Sendable {
        public var id: String
        public var label: String
        /// For themes: the domain's label.
        public var group: String?
        public var cells: [Cell]
        /// How many programmes cover this entry.
        public var coveredBy: Int
    }

    /// What stands out for one programme against its peers.
    public struct Profile: Codable, Sendable {
        public var programme: String
        /// Entries that at least half of the other policy programmes cover and this one does not; always
        /// empty for a partially modelled programme, whose document may cover what its plugin leaves out.
        public var gaps: [String]
        /// The plugin models only part of the document, so no gaps are claimed for it.
        public var gapsNotClaimed: Bool
        /// Entries this programme covers and no other programme in the comparison does.
        public var unique: [String]
    }

    public var facet: TaxonomyFacet
    public var programmes: [ProgrammeColumn]
    public var rows: [Row]
    public var profiles: [Profile]

    /// Builds the matrix for themes or instruments.
    ///
    /// Gaps are measured against policy programmes only: a party's proposals or a workshop's input do
    /// not make a theme something a municipality "should" cover.
    public init(facet: TaxonomyFacet, catalog: Catalog, scope: ComparisonScope) {
        precondition(facet == .theme || facet == .instrument, "coverage is for themes and instruments")
        self.facet = facet
        let programmes = scope.programmes(in: catalog)
        let language = scope.language
        self.programmes = programmes.map { ProgrammeColumn($0, catalog: catalog, language: language) }
        let coverage = programmes.map { Self.coverage(of: $0, facet: facet) }
        let entries = catalog.taxonomy.entries(facet)
        rows = entries.map { entry in
            let cells = zip(programmes, coverage).map { programme, covered -> Cell in
                guard let items = covered[entry.id] else {
                    return Cell(programme: programme.key, localLabels: [], count: 0, primaryCount: 0)
                }
                return Cell(
                    programme: programme.key, localLabels: items.labels, count: items.labels.count,
                    primaryCount: items.primaryCount)
            }
            return Row(
                id: entry.id, label: entry.label.text(language),
                group: entry.domainID.flatMap { catalog.taxonomy.domain($0)?.label.text(language) }, cells: cells,
                coveredBy: cells.filter { $0.count > 0 }.count)
        }
        let covered = coverage.map { Set($0.keys) }
        // Counted once per entry, so that gaps and unique entries stay linear in the number of programmes.
        var policyProgrammesCovering: [String: Int] = [:]
        var programmesCovering: [String: Int] = [:]
        for (programme, ids) in zip(programmes, covered) {
            for id in ids {
                programmesCovering[id, default: 0] += 1
                if programme.adoptionStatus.isPolicy { policyProgrammesCovering[id, default: 0] += 1 }
            }
        }
        let policyProgrammeCount = programmes.filter(\.adoptionStatus.isPolicy).count
        profiles = programmes.indices.map { index in
            let isPolicy = programmes[index].adoptionStatus.isPolicy
            let peerCount = policyProgrammeCount - (isPolicy ? 1 : 0)
            let isPartial = programmes[index].coverage.isPartial
            let gaps = entries.map(\.id).filter { id in
                guard !isPartial, !covered[index].contains(id), peerCount > 0 else { return false }
                return (policyProgrammesCovering[id] ?? 0) * 2 >= peerCount
            }
            let unique = entries.map(\.id).filter { id in
                covered[index].contains(id) && programmesCovering[id] == 1
            }
            return Profile(programme: programmes[index].key, gaps: gaps, gapsNotClaimed: isPartial, unique: unique)
        }
    }

    /// The labels of the items mapped to one taxonomy id, primary mappings first.
    struct CoveringItems {
        var labels: [String] = []
        var primaryCount = 0
    }

    /// Item labels per taxonomy id, primary mappings first, in document order. The items are read in
    /// place rather than copied one by one, which for thousands of programmes cost more than the matrix.
    static func coverage(of programme: Programme, facet: TaxonomyFacet) -> [String: CoveringItems] {
        var primary: [String: [String]] = [:]
        var secondary: [String: [String]] = [:]
        programme.items.withUnsafeBufferPointer { items in
            for position in items.indices {
                let ids = items[position].ids(facet)
                guard !ids.isEmpty else { continue }
                let label = items[position].displayLabel
                for (index, id) in ids.enumerated() {
                    if index == 0 { primary[id, default: []].append(label) } else { secondary[id, default: []].append(label) }
                }
            }
        }
        var result: [String: CoveringItems] = [:]
        for (id, labels) in primary {
            result[id] = CoveringItems(labels: labels, primaryCount: labels.count)
        }
        for (id, labels) in secondary {
            result[id, default: CoveringItems()].labels += labels
        }
        return result
    }
}
