import Foundation
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
/// Three opinions, all from data rather than code, each explaining itself: the term lists in `taxonomy.yaml`;
/// a naive Bayes classifier and a nearest-centroid (TF-IDF) classifier, both learned from the hand-coded items
/// of the bundled programmes and from the taxonomy entries' own labels, definitions and terms, so that an entry
/// no training programme uses can still be suggested. The three count equally; naive Bayes's probabilities are
/// tempered by the length of the text, or on a long section its near-certainty would outvote the other two.
public struct Suggester: Sendable {
    private let taxonomy: Taxonomy
    private let terms: TaxonomyTerms
    private var classifiers: [TaxonomyFacet: NaiveBayes] = [:]
    private var centroids: [TaxonomyFacet: NearestCentroid] = [:]
    private var statusClassifier = NaiveBayes()
    private var examples: [(key: String, stems: Set<String>)] = []
    /// Each facet's terms by entry, split into words once, and how many entries share each term: both were
    /// worked out again for every drafted item and facet, most of a draft's time.
    private var termWords: [TaxonomyFacet: [String: [(term: String, parts: [String])]]] = [:]
    private var entriesPerTerm: [TaxonomyFacet: [String: Int]] = [:]

    /// Settings chosen on the five bundled programmes (leave-one-programme-out; docs/draft.md): smoothing
    /// 0.1 rather than add-one, and a taxonomy entry's own words counted as three items' words (in naive
    /// Bayes and in its centroid).
    static let smoothing = 0.1
    static let entryWordRepeats = 3

    /// The facets a drafted item gets suggestions for, with how many ids to suggest at most.
    public static let facets: [(facet: TaxonomyFacet, limit: Int)] = [
        (.theme, 3), (.instrument, 2), (.role, 1), (.targetGroup, 2),
    ]

    /// - Parameter training: hand-coded programmes to learn from; leave out the one being drafted.
    public init(taxonomy: Taxonomy, terms: TaxonomyTerms, training: [Programme]) {
        self.taxonomy = taxonomy
        self.terms = terms
        var centroidExamples: [TaxonomyFacet: [(label: String, stems: [String], weight: Double)]] = [:]
        for facet in Self.facets.map(\.facet) {
            var classifier = NaiveBayes(smoothing: Self.smoothing)
            for entry in taxonomy.entries(facet) {
                let words = Tokens.stems(Self.text(of: entry, terms: terms.terms(entry.id, in: facet)))
                classifier.train(stems: words, label: entry.id, repeats: Self.entryWordRepeats)
                centroidExamples[facet, default: []].append((entry.id, words, Double(Self.entryWordRepeats)))
            }
            classifiers[facet] = classifier
        }
        for programme in training {
            for item in programme.items {
                let stems = Tokens.stems(Self.text(of: item))
                examples.append(("\(programme.key)#\(item.localID)", Set(Tokens.stems(Self.text(of: item, withSections: false)))))
                statusClassifier.train(text: Self.text(of: item, withSections: false), label: item.status)
                for facet in Self.facets.map(\.facet) {
                    let ids = item.ids(facet).filter { taxonomy.contains($0, in: facet) }
                    guard let first = ids.first else { continue }
                    // Every listed id teaches its label; the first (the primary theme) counts twice, it is what
                    // matters most, and alone stands for the item in its label's centroid.
                    for label in [first] + ids { classifiers[facet]?.train(stems: stems, label: label) }
                    centroidExamples[facet, default: []].append((first, stems, 1))
                }
            }
        }
        for (facet, examples) in centroidExamples { centroids[facet] = NearestCentroid(examples: examples) }
        for facet in Self.facets.map(\.facet) {
            var words: [String: [(term: String, parts: [String])]] = [:]
            var shared: [String: Int] = [:]
            for entry in taxonomy.entries(facet) {
                let entryTerms = terms.terms(entry.id, in: facet)
                words[entry.id] = entryTerms.map { ($0, Tokens.words($0)) }
                // A term shared by several entries ("organisatie") says less than one only this entry has.
                for term in Set(entryTerms) { shared[term, default: 0] += 1 }
            }
            termWords[facet] = words
            entriesPerTerm[facet] = shared
        }
    }

    /// The words of an item that say what it is about: title, description, quotes and the sections they stand in.
    static func text(of item: LocalItem, withSections: Bool = true) -> String {
        let sections = withSections ? Array(Set(item.evidence.map(\.section))).sorted() : []
        return ([item.title, item.description ?? ""] + item.evidence.map(\.quote) + sections).joined(separator: " ")
    }

    /// What a taxonomy entry says about itself: both labels, its definition and its terms.
    static func text(of entry: TaxonomyEntry, terms: [String]) -> String {
        ([entry.label.nl, entry.label.en, entry.definition] + terms).joined(separator: " ")
    }

    /// Ids of `facet` for `text`, best first: term matches, naive Bayes probability (tempered by the text's
    /// length) and centroid similarity, each 0–1 and counted a third.
    public func suggest(_ facet: TaxonomyFacet, for text: String, limit: Int) -> [Suggestion] {
        let words = Tokens.words(text)
        let stems = Tokens.stems(text)
        let ranked = classifiers[facet]?.rank(stems: stems, temperedByLength: true) ?? []
        let probability = Dictionary(ranked.map { ($0.label, $0.probability) }, uniquingKeysWith: { first, _ in first })
        let similarity = centroids[facet]?.similarities(stems) ?? [:]
        let closest = max(similarity.values.max() ?? 0, .leastNonzeroMagnitude)
        var candidates: [Suggestion] = []
        let entries = taxonomy.entries(facet)
        let facetTerms = termWords[facet] ?? [:]
        let shared = entriesPerTerm[facet] ?? [:]
        let weights = Dictionary(
            entries.map { entry in
                (entry.id, termWeight(facetTerms[entry.id] ?? [], in: words, entriesPerTerm: shared))
            }, uniquingKeysWith: { first, _ in first })
        let strongest = max(weights.values.max() ?? 0, 1)
        for entry in entries {
            let matched = matches(facetTerms[entry.id] ?? [], in: words)
            let learned = probability[entry.id] ?? 0
            let resemblance = (similarity[entry.id] ?? 0) / closest
            let score = ((weights[entry.id] ?? 0) / strongest + learned + resemblance) / 3
            var reasons: [String] = []
            if !matched.isEmpty {
                reasons.append("woorden/words: " + matched.map { "'\($0)'" }.joined(separator: ", "))
            }
            if learned >= 0.05 {
                let evidence = classifiers[facet]?.evidence(for: entry.id, stems: stems) ?? []
                var learnedReason = "naive Bayes \(Int((learned * 100).rounded()))%"
                if !evidence.isEmpty { learnedReason += " (" + evidence.joined(separator: ", ") + ")" }
                reasons.append(learnedReason)
            }
            if let cosine = similarity[entry.id], cosine > 0 {
                let shared = centroids[facet]?.sharedStems(entry.id, in: stems) ?? []
                reasons.append(
                    "lijkt op/resembles \(String(format: "%.2f", cosine))"
                        + (shared.isEmpty ? "" : " (" + shared.joined(separator: ", ") + ")"))
            }
            guard !reasons.isEmpty else { continue }
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
            let shared = example.stems.intersection(stems).count
            return (example.key, Double(shared) / Double(example.stems.count + stems.count - shared))
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0.05 else { return nil }
        return best.0
    }

    /// Statuses the classifier would give `text`, most likely first.
    public func rankedStatuses(for text: String) -> [String] {
        statusClassifier.rank(text).map(\.label)
    }

    /// How much the term list speaks for an entry: each occurrence of a term (of its words in a row, for a
    /// term of several words), divided by how many entries share it.
    private func termWeight(_ terms: [(term: String, parts: [String])], in words: [String], entriesPerTerm: [String: Int]) -> Double {
        terms.reduce(0.0) { total, term in
            total + Double(occurrences(of: term.parts, in: words)) / Double(entriesPerTerm[term.term] ?? 1)
        }
    }

    /// Where `parts` stand in a row in `words`, each word matching its part as `Tokens.matches` says.
    private func occurrences(of parts: [String], in words: [String]) -> Int {
        guard !parts.isEmpty, words.count >= parts.count else { return 0 }
        return (0...(words.count - parts.count)).filter { start in
            parts.indices.allSatisfy { Tokens.matches(words[start + $0], term: parts[$0]) }
        }.count
    }

    /// The terms of a list found in `words`: a term matches a whole word or its Dutch inflections (see
    /// `Tokens.matches`); a term of several words matches those words in a row.
    private func matches(_ terms: [(term: String, parts: [String])], in words: [String]) -> [String] {
        terms.filter { occurrences(of: $0.parts, in: words) > 0 }.map(\.term)
    }
}

extension Suggester {
    /// What the classifiers may learn from: every programme's items that a person has reviewed. An item
    /// still marked `review: suggested` is a guess of an earlier draft; learning from it would teach the
    /// drafter its own mistakes, and "similar to …#d-2" would point a reviewer at another guess.
    public static func reviewedItems(of programmes: [LoadedProgramme]) -> [Programme] {
        programmes.map { loaded in
            var programme = loaded.programme
            let unreviewed = Set(loaded.lines.unreviewedItems)
            if !unreviewed.isEmpty { programme.items.removeAll { unreviewed.contains($0.localID) } }
            return programme
        }
    }
}
