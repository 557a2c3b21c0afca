import Foundation

/// A multinomial naive Bayes classifier over word stems, with add-one smoothing.
///
/// Chosen because it learns from the few hundred hand-coded items we have, trains in milliseconds, and its
/// reasons can be shown: the stems that weigh most for the label it picks.
public struct NaiveBayes: Sendable {
    private var documentsPerLabel: [String: Int] = [:]
    private var stemCounts: [String: [String: Int]] = [:]
    private var stemTotals: [String: Int] = [:]
    private var vocabulary: Set<String> = []
    private var documentCount = 0

    public init() {}

    public var isEmpty: Bool { documentCount == 0 }

    public mutating func train(text: String, label: String) {
        let stems = Tokens.stems(text)
        documentCount += 1
        documentsPerLabel[label, default: 0] += 1
        for stem in stems {
            stemCounts[label, default: [:]][stem, default: 0] += 1
            stemTotals[label, default: 0] += 1
            vocabulary.insert(stem)
        }
    }

    /// Labels with their posterior probability, most likely first.
    public func rank(_ text: String) -> [(label: String, probability: Double)] {
        guard documentCount > 0 else { return [] }
        let stems = Tokens.stems(text).filter { vocabulary.contains($0) }
        let vocabularySize = Double(vocabulary.count)
        let logScores = documentsPerLabel.map { label, documents -> (String, Double) in
            var score = log(Double(documents) / Double(documentCount))
            let total = Double(stemTotals[label] ?? 0)
            let counts = stemCounts[label] ?? [:]
            for stem in stems {
                score += log((Double(counts[stem] ?? 0) + 1) / (total + vocabularySize))
            }
            return (label, score)
        }
        let best = logScores.map(\.1).max() ?? 0
        let weights = logScores.map { ($0.0, exp($0.1 - best)) }
        let sum = weights.reduce(0) { $0 + $1.1 }
        return weights.map { (label: $0.0, probability: $0.1 / sum) }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.label < $1.label }
    }

    /// The stems of `text` that favour `label` most over the other labels: the classifier's reason.
    public func evidence(for label: String, in text: String, count: Int = 3) -> [String] {
        guard let counts = stemCounts[label] else { return [] }
        let total = Double(stemTotals[label] ?? 0) + Double(vocabulary.count)
        let allTotal = Double(stemTotals.values.reduce(0, +)) + Double(vocabulary.count)
        let weighed = Set(Tokens.stems(text)).compactMap { stem -> (String, Double)? in
            guard let own = counts[stem] else { return nil }
            let overall = stemCounts.values.reduce(0) { $0 + ($1[stem] ?? 0) }
            return (stem, log((Double(own) + 1) / total) - log((Double(overall) + 1) / allTotal))
        }
        return weighed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }
}
