import InclusieModel
import InclusiePlugins

/// One suggested taxonomy id with the reason a reviewer can check.
public struct Suggestion: Hashable, Sendable {
    public var id: String
    public var score: Double
    /// The words that triggered it, or the classifier's evidence and the most similar hand-coded item.
    public var reason: String
}

/// Suggests themes, instruments, roles and target groups for a piece of text.
///
/// Two sources of evidence, both data rather than code: the term lists in `taxonomy.yaml`, and a naive Bayes
/// classifier learned from the hand-coded items of the bundled programmes. Each explains itself.
public struct Suggester: Sendable {
    private let taxonomy: Taxonomy
    private let terms: TaxonomyTerms
    private var classifiers: [TaxonomyFacet: NaiveBayes] = [:]
    private var examples: [(key: String, stems: Set<String>)] = []
    /// How much the term lists count against the classifier when ranking (the rest is the classifier's share).
    private let termShare = 0.5

    /// The facets a drafted item gets suggestions for, with how many ids to suggest at most.
    public static let facets: [(facet: TaxonomyFacet, limit: Int)] = [
        (.theme, 3), (.instrument, 2), (.role, 1), (.targetGroup, 2),
    ]

    /// - Parameter training: hand-coded programmes to learn from; leave out the one being drafted.
    public init(taxonomy: Taxonomy, terms: TaxonomyTerms, training: [Programme]) {
        self.taxonomy = taxonomy
        self.terms = terms
        for programme in training {
            for item in programme.items {
                let text = Self.text(of: item)
                examples.append(("\(programme.key)#\(item.localID)", Set(Tokens.stems(text))))
                for facet in TaxonomyFacet.allCases {
                    // Every listed id teaches its label; the primary theme counts twice, it is what matters most.
                    let labels = facet == .theme ? Array(item.themes.prefix(1)) + item.themes : item.ids(facet)
                    for label in labels where taxonomy.contains(label, in: facet) {
                        classifiers[facet, default: NaiveBayes()].train(text: text, label: label)
                    }
                }
            }
        }
    }

    /// The words of an item that say what it is about: title, description and quotes.
    static func text(of item: LocalItem) -> String {
        ([item.title, item.description ?? ""] + item.evidence.map(\.quote)).joined(separator: " ")
    }

    /// Ids of `facet` for `text`, best first: term matches and classifier probability added up.
    public func suggest(_ facet: TaxonomyFacet, for text: String, limit: Int) -> [Suggestion] {
        let words = Tokens.words(text)
        let ranked = classifiers[facet]?.rank(text) ?? []
        let probability = Dictionary(ranked.map { ($0.label, $0.probability) }, uniquingKeysWith: { first, _ in first })
        var candidates: [Suggestion] = []
        let entries = taxonomy.entries(facet)
        // A term shared by several entries ("organisatie") says less than one only this entry has.
        var entriesPerTerm: [String: Int] = [:]
        for entry in entries {
            for term in Set(terms.terms(entry.id, in: facet)) { entriesPerTerm[term, default: 0] += 1 }
        }
        let weights = Dictionary(
            entries.map { entry in
                (entry.id, termWeight(terms.terms(entry.id, in: facet), in: words, entriesPerTerm: entriesPerTerm))
            }, uniquingKeysWith: { first, _ in first })
        let strongest = max(weights.values.max() ?? 0, 1)
        for entry in entries {
            let matched = matches(terms.terms(entry.id, in: facet), in: words)
            let learned = probability[entry.id] ?? 0
            let score = termShare * (weights[entry.id] ?? 0) / strongest + (1 - termShare) * learned
            guard !matched.isEmpty || learned >= 0.2 else { continue }
            var reasons: [String] = []
            if !matched.isEmpty {
                reasons.append("woorden/words: " + matched.map { "'\($0)'" }.joined(separator: ", "))
            }
            if learned >= 0.2 {
                let stems = classifiers[facet]?.evidence(for: entry.id, in: text) ?? []
                var learnedReason = "naive Bayes \(Int((learned * 100).rounded()))%"
                if !stems.isEmpty { learnedReason += " (" + stems.joined(separator: ", ") + ")" }
                reasons.append(learnedReason)
            }
            candidates.append(Suggestion(id: entry.id, score: score, reason: reasons.joined(separator: "; ")))
        }
        let best = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return Array(best.prefix(limit))
    }

    /// The hand-coded item most like `text` (by shared word stems), to show a reviewer a comparable case.
    public func mostSimilarExample(to text: String) -> String? {
        let stems = Set(Tokens.stems(text))
        guard !stems.isEmpty else { return nil }
        let scored = examples.map { example -> (String, Double) in
            let shared = Double(example.stems.intersection(stems).count)
            return (example.key, shared / Double(example.stems.union(stems).count))
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0.05 else { return nil }
        return best.0
    }

    /// Statuses the classifier would give `text`, most likely first.
    public func rankedStatuses(for text: String) -> [String] {
        (classifiers[.itemStatus]?.rank(text) ?? []).map(\.label)
    }

    /// How much the term list speaks for an entry: each occurrence of a term, divided by how many entries share it.
    private func termWeight(_ terms: [String], in words: [String], entriesPerTerm: [String: Int]) -> Double {
        terms.reduce(0.0) { total, term in
            guard let stem = Tokens.words(term).first, Tokens.words(term).count == 1 else { return total }
            let occurrences = words.filter { $0.hasPrefix(stem) }.count
            return total + Double(occurrences) / Double(entriesPerTerm[term] ?? 1)
        }
    }

    /// The terms of a list found in `words`: a term matches a word that starts with it; a term of several
    /// words matches those words in a row.
    private func matches(_ terms: [String], in words: [String]) -> [String] {
        terms.filter { term in
            let parts = Tokens.words(term)
            guard let first = parts.first else { return false }
            if parts.count == 1 { return words.contains { $0.hasPrefix(first) } }
            guard words.count >= parts.count else { return false }
            return (0...(words.count - parts.count)).contains { start in
                parts.indices.allSatisfy { words[start + $0].hasPrefix(parts[$0]) }
            }
        }
    }
}
