import Foundation

/// Which label's examples a text resembles most: TF-IDF vectors of word stems, one centroid per label.
///
/// A second learned opinion next to naive Bayes. Naive Bayes multiplies the evidence of every word and so
/// grows over-confident on a long section; the cosine to a centroid stays a measure of overlap, and rare
/// words weigh more than words every item has.
struct NearestCentroid: Sendable {
    private let inverseFrequency: [String: Double]
    private let centroids: [String: [String: Double]]

    /// - Parameter examples: one label and the stems of one text each, and how much that text counts in its
    ///   label's centroid; a label may have many.
    init(examples: [(label: String, stems: [String], weight: Double)]) {
        var documentFrequency: [String: Int] = [:]
        for example in examples {
            for stem in Set(example.stems) { documentFrequency[stem, default: 0] += 1 }
        }
        let count = Double(examples.count)
        let inverseFrequency = documentFrequency.mapValues { log(count / Double($0)) }
        var sums: [String: [String: Double]] = [:]
        for example in examples {
            for (stem, weight) in Self.vector(example.stems, inverseFrequency: inverseFrequency) {
                sums[example.label, default: [:]][stem, default: 0] += weight * example.weight
            }
        }
        self.inverseFrequency = inverseFrequency
        self.centroids = sums.mapValues(Self.normalised)
    }

    /// Every label's cosine similarity with `stems`, 0 to 1.
    func similarities(_ stems: [String]) -> [String: Double] {
        let query = Self.vector(stems, inverseFrequency: inverseFrequency)
        return centroids.mapValues { centroid in
            Self.sum(query.map { $0.value * (centroid[$0.key] ?? 0) })
        }
    }

    /// The stems of `stems` that add most to the similarity with `label`: the reason a reviewer can check.
    func sharedStems(_ label: String, in stems: [String], count: Int = 3) -> [String] {
        guard let centroid = centroids[label] else { return [] }
        let query = Self.vector(stems, inverseFrequency: inverseFrequency)
        return query.compactMap { stem, weight in centroid[stem].map { (stem, weight * $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    /// Sub-linear term frequency times inverse document frequency, scaled to length one.
    private static func vector(_ stems: [String], inverseFrequency: [String: Double]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for stem in stems { counts[stem, default: 0] += 1 }
        return normalised(
            counts.reduce(into: [:]) { vector, pair in
                vector[pair.key] = (1 + log(Double(pair.value))) * (inverseFrequency[pair.key] ?? 0)
            })
    }

    private static func normalised(_ vector: [String: Double]) -> [String: Double] {
        let length = sqrt(sum(vector.values.map { $0 * $0 }))
        return length > 0 ? vector.mapValues { $0 / length } : vector
    }

    /// Doubles added in a fixed order: a dictionary's order changes from run to run, and with it the last
    /// bits of a sum, which made `draft` break ties between shared stems differently each run.
    private static func sum(_ values: [Double]) -> Double {
        values.sorted().reduce(0, +)
    }
}
