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
        /// The nearest peers of other municipalities, most similar first; the first is `peerKey`.
        public var peers: [Neighbour]
    }

    /// One of a programme's nearest peers, with the counts behind the similarity.
    public struct Neighbour: Codable, Sendable, Hashable {
        public var peerKey: String
        public var sharedThemeCount: Int
        public var combinedThemeCount: Int
        public var jaccardSimilarity: Double?
    }

    /// The measure used, named so that exports say what the numbers mean.
    public var measure: String
    public var programmes: [ProgrammeColumn]
    /// Per programme, the themes it covers, in taxonomy order.
    public var themeIDsByProgramme: [String: [String]]
    /// How many nearest peers each programme lists (fewer when the comparison has fewer).
    public var peerCount: Int
    /// Per programme, in the order of `programmes`: its most similar peer with the themes that differ, and its
    /// `peerCount` nearest peers, most similar first.
    public var nearestPeers: [NearestPeer]

    /// The default number of nearest peers: enough to compare with, and output that grows with the number
    /// of programmes rather than with its square. The full matrix is `ThemeSimilarityMatrix`.
    public static let defaultPeerCount = 5

    public init(catalog: Catalog, scope: ComparisonScope, peers peerCount: Int = Self.defaultPeerCount) {
        let sets = ThemeSets(catalog: catalog, scope: scope)
        let programmes = sets.programmes
        measure = "jaccard"
        let peerCount = max(0, peerCount)
        self.peerCount = peerCount
        self.programmes = programmes.map { ProgrammeColumn($0, catalog: catalog, language: scope.language) }
        themeIDsByProgramme = Dictionary(
            uniqueKeysWithValues: zip(programmes, sets.themeSets).map { ($0.key, sets.ordered($1)) })

        // Municipalities as numbers, so that telling peers from siblings costs no string comparisons.
        var numberOfSlug: [String: Int] = [:]
        let municipalityNumbers = programmes.map { programme in
            numberOfSlug[programme.municipalitySlug] ?? {
                numberOfSlug[programme.municipalitySlug] = numberOfSlug.count
                return numberOfSlug.count - 1
            }()
        }
        let programmesByMunicipality = Dictionary(grouping: programmes.indices, by: { municipalityNumbers[$0] })
        let bits = sets.bits
        let wanted = max(1, peerCount)
        // Each programme's peers on its own core: comparing every programme with every other one is most
        // of building the view, and it grows with the square of their number.
        nearestPeers = ParallelResults.compute(count: programmes.count) { index in
            let key = programmes[index].key
            // Compared as exact ratios; on a tie the programme listed first wins. A programme of the same
            // municipality is a sibling, not a peer: its likeness says nothing about other municipalities.
            let municipality = municipalityNumbers[index]
            let siblings = (programmesByMunicipality[municipality] ?? []).filter { $0 != index }
                .map { Sibling(programmeKey: programmes[$0].key, jaccardSimilarity: bits.similarity(index, $0).value(places: 3)) }
            // The best `wanted` peers so far, most similar first: one pass over the others, no matrix.
            var best: [(index: Int, ratio: Ratio)] = []
            for other in programmes.indices where municipalityNumbers[other] != municipality {
                let ratio = bits.similarity(index, other)
                if best.count == wanted, let last = best.last, !last.ratio.isLess(than: ratio) { continue }
                let place = best.firstIndex { $0.ratio.isLess(than: ratio) } ?? best.count
                best.insert((other, ratio), at: place)
                if best.count > wanted { best.removeLast() }
            }
            let neighbours = best.prefix(peerCount).map { peer in
                Neighbour(
                    peerKey: programmes[peer.index].key, sharedThemeCount: peer.ratio.numerator,
                    combinedThemeCount: peer.ratio.denominator, jaccardSimilarity: peer.ratio.value(places: 3))
            }
            guard let nearest = best.first else {
                return NearestPeer(
                    programmeKey: key, peerKey: nil, siblings: siblings, jaccardSimilarity: nil, sharedThemeIDs: [],
                    onlyInProgrammeThemeIDs: [], onlyInPeerThemeIDs: [], peers: neighbours)
            }
            let own = sets.themeSets[index]
            let peer = sets.themeSets[nearest.index]
            return NearestPeer(
                programmeKey: key, peerKey: programmes[nearest.index].key, siblings: siblings,
                jaccardSimilarity: nearest.ratio.value(places: 3),
                sharedThemeIDs: sets.ordered(own.intersection(peer)),
                onlyInProgrammeThemeIDs: sets.ordered(own.subtracting(peer)),
                onlyInPeerThemeIDs: sets.ordered(peer.subtracting(own)), peers: neighbours)
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

/// Every pair's similarity, computed a row at a time, so that the full matrix can be written as it is
/// computed: for thousands of programmes it has millions of cells and is only made on request.
public struct ThemeSimilarityMatrix: Sendable {
    public var programmes: [ProgrammeColumn]
    /// How many themes each programme covers, in the order of `programmes`.
    public var themeCounts: [Int]
    private var bits: ThemeBits

    public init(catalog: Catalog, scope: ComparisonScope) {
        let sets = ThemeSets(catalog: catalog, scope: scope)
        programmes = sets.programmes.map { ProgrammeColumn($0, catalog: catalog, language: scope.language) }
        themeCounts = sets.themeSets.map(\.count)
        bits = sets.bits
    }

    /// The similarity of programme `index` to every programme, in the order of `programmes`.
    public func row(_ index: Int) -> [Ratio] {
        programmes.indices.map { bits.similarity(index, $0) }
    }
}

/// The programmes in scope with the themes each covers, as sets and as bits.
struct ThemeSets {
    var programmes: [Programme]
    var themeSets: [Set<String>]
    var bits: ThemeBits
    private var order: [String]

    init(catalog: Catalog, scope: ComparisonScope) {
        programmes = scope.programmes(in: catalog)
        order = catalog.taxonomy.themes.map(\.id)
        themeSets = programmes.map { Set($0.items.flatMap(\.themes)) }
        // Every pair is counted on bit sets: for thousands of programmes that is what keeps this view fast.
        let allThemes = themeSets.reduce(into: Set<String>()) { $0.formUnion($1) }
        let bitIndex = Dictionary(uniqueKeysWithValues: allThemes.sorted().enumerated().map { ($1, $0) })
        bits = ThemeBits(themeSets.map { $0.compactMap { bitIndex[$0] } }, capacity: allThemes.count)
    }

    /// Theme ids in taxonomy order, any unknown to the taxonomy after them.
    func ordered(_ ids: Set<String>) -> [String] {
        order.filter(ids.contains) + ids.subtracting(order).sorted()
    }
}

/// Every programme's themes as bits, in one flat array, so that the similarity of millions of pairs is a
/// few machine words each (one word for a taxonomy of up to 64 themes).
struct ThemeBits: Sendable {
    private var words: [UInt64]
    private let wordCount: Int

    init(_ sets: [[Int]], capacity: Int) {
        wordCount = max(1, (capacity + 63) / 64)
        words = Array(repeating: 0, count: wordCount * sets.count)
        for (row, indices) in sets.enumerated() {
            for index in indices {
                words[row * wordCount + index / 64] |= 1 << UInt64(index % 64)
            }
        }
    }

    /// Shared themes over combined themes of programmes `first` and `second`.
    func similarity(_ first: Int, _ second: Int) -> Ratio {
        var shared = 0
        var combined = 0
        words.withUnsafeBufferPointer { words in
            for offset in 0..<wordCount {
                let left = words[first * wordCount + offset]
                let right = words[second * wordCount + offset]
                shared += (left & right).nonzeroBitCount
                combined += (left | right).nonzeroBitCount
            }
        }
        return Ratio(shared, of: combined)
    }
}
