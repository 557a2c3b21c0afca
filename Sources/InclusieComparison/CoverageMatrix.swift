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
        let entries = catalog.taxonomy.entries(facet)
        let entryPositions = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each programme on its own core: at 3,420 municipalities this was most of building the matrix.
        let coverage = ParallelResults.compute(count: programmes.count) { index in
            Self.coverage(of: programmes[index], facet: facet, entryPositions: entryPositions)
        }
        // Programmes are reached by index from here on: zipping them with their coverage copied every
        // programme, all its fields retained, once per entry (3,776 programmes × 60 themes at 3,420).
        let keys = programmes.map(\.key)
        let isPolicy = programmes.indices.map { programmes[$0].adoptionStatus.isPolicy }
        rows = entries.indices.map { position in
            let entry = entries[position]
            var coveredBy = 0
            let cells = coverage.indices.map { index -> Cell in
                let items = coverage[index][position]
                if !items.labels.isEmpty { coveredBy += 1 }
                return Cell(
                    programme: keys[index], localLabels: items.labels, count: items.labels.count,
                    primaryCount: items.primaryCount)
            }
            return Row(
                id: entry.id, label: entry.label.text(language),
                group: entry.domainID.flatMap { catalog.taxonomy.domain($0)?.label.text(language) }, cells: cells,
                coveredBy: coveredBy)
        }
        // Counted once per entry, so that gaps and unique entries stay linear in the number of programmes.
        var policyProgrammesCovering = Array(repeating: 0, count: entries.count)
        var programmesCovering = Array(repeating: 0, count: entries.count)
        for index in coverage.indices {
            for position in entries.indices where !coverage[index][position].labels.isEmpty {
                programmesCovering[position] += 1
                if isPolicy[index] { policyProgrammesCovering[position] += 1 }
            }
        }
        let policyProgrammeCount = isPolicy.count { $0 }
        profiles = programmes.indices.map { index in
            let peerCount = policyProgrammeCount - (isPolicy[index] ? 1 : 0)
            let isPartial = programmes[index].coverage.isPartial
            let covers = coverage[index].map { !$0.labels.isEmpty }
            let gaps = entries.indices.filter { position in
                guard !isPartial, !covers[position], peerCount > 0 else { return false }
                return policyProgrammesCovering[position] * 2 >= peerCount
            }.map { entries[$0].id }
            let unique = entries.indices.filter { covers[$0] && programmesCovering[$0] == 1 }.map { entries[$0].id }
            return Profile(programme: programmes[index].key, gaps: gaps, gapsNotClaimed: isPartial, unique: unique)
        }
    }

    /// The labels of the items mapped to one taxonomy id, primary mappings first.
    struct CoveringItems {
        var labels: [String] = []
        var primaryCount = 0
    }

    /// Item labels per taxonomy entry (by position in `entryPositions`), primary mappings first, in
    /// document order. The items are read in place rather than copied one by one, which for thousands of
    /// programmes cost more than the matrix; ids the taxonomy does not hold are left out, as no row shows them.
    static func coverage(of programme: Programme, facet: TaxonomyFacet, entryPositions: [String: Int]) -> [CoveringItems] {
        var covering = Array(repeating: CoveringItems(), count: entryPositions.count)
        var secondary: [(position: Int, label: String)] = []
        programme.items.withUnsafeBufferPointer { items in
            for position in items.indices {
                let ids = items[position].ids(facet)
                guard !ids.isEmpty else { continue }
                let label = items[position].displayLabel
                for (index, id) in ids.enumerated() {
                    guard let entry = entryPositions[id] else { continue }
                    if index == 0 {
                        covering[entry].labels.append(label)
                        covering[entry].primaryCount += 1
                    } else {
                        secondary.append((entry, label))
                    }
                }
            }
        }
        for (entry, label) in secondary {
            covering[entry].labels.append(label)
        }
        return covering
    }
}
