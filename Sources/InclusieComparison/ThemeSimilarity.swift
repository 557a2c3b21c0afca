import InclusieModel

/// How alike programmes are in the themes they cover, each programme's most similar peer, and the themes
/// that make the difference.
///
/// The measure is the Jaccard similarity of the sets of themes each programme covers (any mapping
/// position): the themes both cover divided by the themes either covers. It is chosen because it can be
/// explained in one sentence and checked by hand with the theme lists shown, and because it does not
/// reward a long document for mentioning a theme often: one item on a theme counts as much as ten.
public struct ThemeSimilarity: Codable, Sendable {
    /// The similarity of two programmes; both orders and each programme with itself are listed.
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

    /// A programme's most similar peer and what sets the two apart.
    public struct NearestPeer: Codable, Sendable {
        public var programmeKey: String
        /// Nil when the comparison holds no other programme.
        public var peerKey: String?
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
    public var pairs: [Pair]
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
        pairs = programmes.indices.flatMap { first in
            programmes.indices.map { second in
                let shared = themeSets[first].intersection(themeSets[second]).count
                let combined = themeSets[first].union(themeSets[second]).count
                return Pair(
                    programmeKey: programmes[first].key, otherProgrammeKey: programmes[second].key,
                    sharedThemeCount: shared, combinedThemeCount: combined,
                    jaccardSimilarity: Ratio(shared, of: combined).value(places: 3))
            }
        }
        let pairs = self.pairs
        nearestPeers = programmes.indices.map { index in
            let key = programmes[index].key
            // Compared as exact ratios; on a tie the programme listed first wins, as `max(by:)` keeps the first.
            let best = pairs.filter { $0.programmeKey == key && $0.otherProgrammeKey != key }
                .max { lhs, rhs in
                    Ratio(lhs.sharedThemeCount, of: lhs.combinedThemeCount)
                        .isLess(than: Ratio(rhs.sharedThemeCount, of: rhs.combinedThemeCount))
                }
            guard let best, let peerIndex = programmes.firstIndex(where: { $0.key == best.otherProgrammeKey }) else {
                return NearestPeer(
                    programmeKey: key, peerKey: nil, jaccardSimilarity: nil, sharedThemeIDs: [],
                    onlyInProgrammeThemeIDs: [], onlyInPeerThemeIDs: [])
            }
            let own = themeSets[index]
            let peer = themeSets[peerIndex]
            return NearestPeer(
                programmeKey: key, peerKey: best.otherProgrammeKey, jaccardSimilarity: best.jaccardSimilarity,
                sharedThemeIDs: ordered(own.intersection(peer)), onlyInProgrammeThemeIDs: ordered(own.subtracting(peer)),
                onlyInPeerThemeIDs: ordered(peer.subtracting(own)))
        }
    }

    /// The pair for two programme keys, in that order.
    public func pair(_ programmeKey: String, _ otherProgrammeKey: String) -> Pair? {
        pairs.first { $0.programmeKey == programmeKey && $0.otherProgrammeKey == otherProgrammeKey }
    }
}
