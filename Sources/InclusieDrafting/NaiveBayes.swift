import Foundation

/// A multinomial naive Bayes classifier over word stems, with additive (Lidstone) smoothing.
///
/// Chosen because it learns from the few hundred hand-coded items we have, trains in milliseconds, and its
/// reasons can be shown: the stems that weigh most for the label it picks.
public struct NaiveBayes: Sendable {
    /// What every stem count gets added. Add-one (1) drowns the few words a short item has in the
    /// thousands of stems it lacks; a smaller value lets the words that are there speak.
    private let smoothing: Double
    private var documentsPerLabel: [String: Int] = [:]
    private var stemCounts: [String: [String: Int]] = [:]
    private var stemTotals: [String: Int] = [:]
    private var vocabulary: Set<String> = []
    private var documentCount = 0

    public init(smoothing: Double = 1) {
        self.smoothing = smoothing
    }

    public var isEmpty: Bool { documentCount == 0 }

    public mutating func train(text: String, label: String) {
        train(stems: Tokens.stems(text), label: label)
    }

    /// One document of `label`; `repeats` counts its stems that many times (a taxonomy entry's own words
    /// count more than one item's) while it stays one document for the prior.
    mutating func train(stems: [String], label: String, repeats: Int = 1) {
        documentCount += 1
        documentsPerLabel[label, default: 0] += 1
        for stem in stems {
            stemCounts[label, default: [:]][stem, default: 0] += repeats
            stemTotals[label, default: 0] += repeats
            vocabulary.insert(stem)
        }
    }

    /// Labels with their posterior probability, most likely first; `temperedByLength` as in `rank(stems:)`.
    public func rank(_ text: String, temperedByLength: Bool = false) -> [(label: String, probability: Double)] {
        rank(stems: Tokens.stems(text), temperedByLength: temperedByLength)
    }

    /// Labels with their posterior probability, most likely first.
    ///
    /// - Parameter temperedByLength: divide the log-scores by the square root of the number of known stems
    ///   before they become probabilities. Naive Bayes counts every word as independent evidence, but the
    ///   words of one section are not independent, so its log-odds grow with the length of the text and a
    ///   long section gets a probability near 100 % that drowns the other opinions it is added to. The
    ///   temperature keeps the order of the labels and only makes the probabilities less extreme; the square
    ///   root lets longer texts still speak more firmly than short ones.
    func rank(stems all: [String], temperedByLength: Bool = false) -> [(label: String, probability: Double)] {
        guard documentCount > 0 else { return [] }
        let stems = all.filter { vocabulary.contains($0) }
        let temperature = temperedByLength ? max(1, Double(stems.count).squareRoot()) : 1
        let vocabularySize = Double(vocabulary.count)
        let logScores = documentsPerLabel.map { label, documents -> (String, Double) in
            var score = log(Double(documents) / Double(documentCount))
            let total = Double(stemTotals[label] ?? 0)
            let counts = stemCounts[label] ?? [:]
            for stem in stems {
                score += log((Double(counts[stem] ?? 0) + smoothing) / (total + smoothing * vocabularySize))
            }
            return (label, score / temperature)
        }
        let best = logScores.map(\.1).max() ?? 0
        let weights = logScores.map { ($0.0, exp($0.1 - best)) }
        // Summed in a fixed order: a dictionary's order changes from run to run, and with it the last bits
        // of a sum of doubles, which would let `draft` write other probabilities or break ties otherwise.
        let sum = weights.map(\.1).sorted().reduce(0, +)
        return weights.map { (label: $0.0, probability: $0.1 / sum) }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.label < $1.label }
    }

    /// The stems of `text` that favour `label` most over the other labels: the classifier's reason.
    public func evidence(for label: String, in text: String, count: Int = 3) -> [String] {
        evidence(for: label, stems: Tokens.stems(text), count: count)
    }

    func evidence(for label: String, stems: [String], count: Int = 3) -> [String] {
        guard let counts = stemCounts[label] else { return [] }
        let vocabularySize = smoothing * Double(vocabulary.count)
        let total = Double(stemTotals[label] ?? 0) + vocabularySize
        let allTotal = Double(stemTotals.values.reduce(0, +)) + vocabularySize
        let weighed = Set(stems).compactMap { stem -> (String, Double)? in
            guard let own = counts[stem] else { return nil }
            let overall = stemCounts.values.reduce(0) { $0 + ($1[stem] ?? 0) }
            return (stem, log((Double(own) + smoothing) / total) - log((Double(overall) + smoothing) / allTotal))
        }
        return weighed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }
}
