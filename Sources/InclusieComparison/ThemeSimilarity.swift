import InclusieModel

/// How alike programmes are in the themes they cover, each programme's most similar peer, and the themes
/// that make the difference.
///
/// The measure is the Jaccard similarity of the sets of themes each programme covers (any mapping
/// position): the themes both cover divided by the themes either covers. It is chosen because it can be
/// explained in one sentence and checked by hand with the theme lists shown, and because it does not
/// reward a long document for mentioning a theme often: one item on a theme counts as much as ten.
public struct ThemeSimilarity: Codable, Sendable {
    /// The similarity of two programmes with the counts behind it, for checking a cell by hand.
    public struct Pair: Codable, Sendable, Hashable {
        public var programmeKey: String
        public var otherProgrammeKey: String
        /// Themes both programmes cover.
        public var sharedThemeCount: Int
        /// Themes at least one of the two covers.
        public var combinedThemeCount: Int
        /// `sharedThemeCount / combinedThemeCount` (Jaccard), rounded half up to three decimals; nil when
        /// neither programme covers any theme.
        public var jaccardSimilarity: Double?
    }

    /// Another programme of the same municipality, with its similarity: shown beside the peer, never as it.
    public struct Sibling: Codable, Sendable, Hashable {
        public var programmeKey: String
        public var jaccardSimilarity: Double?
    }

    /// A programme's most similar peer of another municipality and what sets the two apart.
    public struct NearestPeer: Codable, Sendable {
        public var programmeKey: String
        /// The most similar programme of another municipality; nil when the comparison holds none.
        public var peerKey: String?
        /// The municipality's other programmes in the comparison (e.g. a party programme beside the
        /// municipality's own), which are not peers.
        public var siblings: [Sibling]
        public var jaccardSimilarity: Double?
        public var sharedThemeIDs: [String]
        /// Themes this programme covers and the peer does not.
        public var onlyInProgrammeThemeIDs: [String]
        /// Themes the peer covers and this programme does not.
        public var onlyInPeerThemeIDs: [String]
    }

    /// The measure used, named so that exports say what the numbers mean.
    public var measure: String
    public var programmes: [ProgrammeColumn]
    /// Per programme, the themes it covers, in taxonomy order.
    public var themeIDsByProgramme: [String: [String]]
    /// The Jaccard similarity of every pair, rows and columns in the order of `programmes`, rounded half up
    /// to three decimals; nil when neither programme covers any theme.
    ///
    /// A matrix rather than a list of pairs: with all 342 municipalities a list repeats two keys per pair
    /// and grows to tens of megabytes, while the matrix is just the numbers.
    public var jaccardMatrix: [[Double?]]
    public var nearestPeers: [NearestPeer]

    public init(catalog: Catalog, scope: ComparisonScope) {
        let programmes = scope.programmes(in: catalog)
        let order = catalog.taxonomy.themes.map(\.id)
        let themeSets = programmes.map { Set($0.items.flatMap(\.themes)) }
        func ordered(_ ids: Set<String>) -> [String] {
            order.filter(ids.contains) + ids.subtracting(order).sorted()
        }
        measure = "jaccard"
        self.programmes = programmes.map { ProgrammeColumn($0, catalog: catalog, language: scope.language) }
        themeIDsByProgramme = Dictionary(
            uniqueKeysWithValues: zip(programmes, themeSets).map { ($0.key, ordered($1)) })

        // Every pair is counted on bit sets: for hundreds of programmes that is what keeps this view fast.
        let allThemes = ordered(themeSets.reduce(into: Set<String>()) { $0.formUnion($1) })
        let bitIndex = Dictionary(uniqueKeysWithValues: allThemes.enumerated().map { ($1, $0) })
        let bits = themeSets.map { ThemeBits($0.compactMap { bitIndex[$0] }, capacity: allThemes.count) }
        let ratios = bits.map { row in bits.map { column in row.similarity(to: column) } }
        jaccardMatrix = ratios.map { row in row.map { $0.value(places: 3) } }

        // Municipalities as numbers, so that telling peers from siblings costs no string comparisons.
        var numberOfSlug: [String: Int] = [:]
        let municipalityNumbers = programmes.map { programme in
            numberOfSlug[programme.municipalitySlug] ?? {
                numberOfSlug[programme.municipalitySlug] = numberOfSlug.count
                return numberOfSlug.count - 1
            }()
        }
        let programmesByMunicipality = Dictionary(grouping: programmes.indices, by: { municipalityNumbers[$0] })
        nearestPeers = programmes.indices.map { index in
            let key = programmes[index].key
            // Compared as exact ratios; on a tie the programme listed first wins. A programme of the same
            // municipality is a sibling, not a peer: its likeness says nothing about other municipalities.
            let municipality = municipalityNumbers[index]
            let siblings = (programmesByMunicipality[municipality] ?? []).filter { $0 != index }
                .map { Sibling(programmeKey: programmes[$0].key, jaccardSimilarity: ratios[index][$0].value(places: 3)) }
            var best: Int?
            for other in programmes.indices where municipalityNumbers[other] != municipality {
                if let current = best, !ratios[index][current].isLess(than: ratios[index][other]) { continue }
                best = other
            }
            guard let peerIndex = best else {
                return NearestPeer(
                    programmeKey: key, peerKey: nil, siblings: siblings, jaccardSimilarity: nil, sharedThemeIDs: [],
                    onlyInProgrammeThemeIDs: [], onlyInPeerThemeIDs: [])
            }
            let own = themeSets[index]
            let peer = themeSets[peerIndex]
            return NearestPeer(
                programmeKey: key, peerKey: programmes[peerIndex].key, siblings: siblings,
                jaccardSimilarity: ratios[index][peerIndex].value(places: 3),
                sharedThemeIDs: ordered(own.intersection(peer)), onlyInProgrammeThemeIDs: ordered(own.subtracting(peer)),
                onlyInPeerThemeIDs: ordered(peer.subtracting(own)))
        }
    }

    /// The pair for two programme keys, in that order, with the counts behind its similarity.
    public func pair(_ programmeKey: String, _ otherProgrammeKey: String) -> Pair? {
        guard let first = themeIDsByProgramme[programmeKey].map(Set.init),
            let second = themeIDsByProgramme[otherProgrammeKey].map(Set.init)
        else { return nil }
        let shared = first.intersection(second).count
        let combined = first.union(second).count
        return Pair(
            programmeKey: programmeKey, otherProgrammeKey: otherProgrammeKey, sharedThemeCount: shared,
            combinedThemeCount: combined, jaccardSimilarity: Ratio(shared, of: combined).value(places: 3))
    }
}

/// A set of themes as bits, so that intersections and unions of hundreds of programmes are cheap.
struct ThemeBits {
    private var words: [UInt64]

    init(_ indices: [Int], capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
        for index in indices {
            words[index / 64] |= 1 << UInt64(index % 64)
        }
    }

    /// Shared themes over combined themes.
    func similarity(to other: ThemeBits) -> Ratio {
        var shared = 0
        var combined = 0
        for (left, right) in zip(words, other.words) {
            shared += (left & right).nonzeroBitCount
            combined += (left | right).nonzeroBitCount
        }
        return Ratio(shared, of: combined)
    }
}
