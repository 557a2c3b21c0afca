import Foundation
import InclusieModel

/// What to write instead of a taxonomy id that does not exist: the nearest ids by spelling and by label.
///
/// A newcomer writes the word the document uses ("racisme", "anti-racism") or mistypes an id; the advice
/// must name the ids that fit, in the taxonomy's own labels, rather than invite them to change the shared
/// taxonomy that every municipality is compared on.
struct IDSuggestions {
    let taxonomy: Taxonomy

    /// The advice for `unknown` used where an id of `facet` is expected.
    func fix(for unknown: String, in facet: TaxonomyFacet) -> LocalizedText {
        if facet == .theme, let domain = taxonomy.domain(unknown) {
            let themes = taxonomy.themes.filter { $0.domainID == domain.id }
            return LocalizedText(
                nl: "'\(unknown)' is een domein, geen thema; kies een thema van dat domein: \(listed(themes, .nl))",
                en: "'\(unknown)' is a domain, not a theme; choose a theme of that domain: \(listed(themes, .en))")
        }
        let nearest = nearest(to: unknown, in: taxonomy.entries(facet))
        if nearest.isEmpty {
            return LocalizedText(
                nl: "gebruik een id uit taxonomy.yaml (de ids staan daar met hun Nederlandse label onder '\(facet.pluginKey):')",
                en: "use an id from taxonomy.yaml (they are listed there with their labels under '\(facet.pluginKey):')")
        }
        return LocalizedText(
            nl: "gebruik een id uit taxonomy.yaml; bedoelt u \(listed(nearest, .nl))?",
            en: "use an id from taxonomy.yaml; did you mean \(listed(nearest, .en))?")
    }

    /// `'id' (label), 'id' (label) of 'id' (label)`.
    private func listed(_ entries: [TaxonomyEntry], _ language: Language) -> String {
        let names = entries.map { "'\($0.id)' (\($0.label.text(language)))" }
        guard names.count > 1 else { return names.first ?? "" }
        let or = language == .nl ? " of " : " or "
        return names.dropLast().joined(separator: ", ") + or + names.last!
    }

    /// Up to three entries: first those within a typo or two of the id, then those whose labels share
    /// words with it.
    func nearest(to unknown: String, in entries: [TaxonomyEntry]) -> [TaxonomyEntry] {
        let typed = unknown.lowercased()
        let tokens = Set(Self.words(typed).filter { $0.count >= 4 })
        let scored = entries.map { entry in
            let distance = Self.editDistance(typed, entry.id)
            let labelWords = Self.words(entry.label.nl + " " + entry.label.en + " " + entry.id)
            let hits = tokens.filter { token in labelWords.contains { Self.related(token, $0) } }.count
            return (entry: entry, distance: distance, hits: hits)
        }
        let closeEnough = max(2, typed.count / 4)
        return scored.filter { $0.distance <= closeEnough || $0.hits > 0 }
            .sorted {
                let (typoA, typoB) = ($0.distance <= 2, $1.distance <= 2)
                if typoA != typoB { return typoA }
                if $0.hits != $1.hits { return $0.hits > $1.hits }
                if $0.distance != $1.distance { return $0.distance < $1.distance }
                return $0.entry.id < $1.entry.id
            }
            .prefix(3).map(\.entry)
    }

    /// Lower-case words without accents, split at anything that is not a letter or digit.
    private static func words(_ text: String) -> [String] {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// "racism" and "racisme", "discriminatie" and "antidiscriminatiebeleid": one contains the other's stem.
    private static func related(_ token: String, _ word: String) -> Bool {
        guard word.count >= 4 else { return false }
        return word.hasPrefix(token) || token.hasPrefix(word) || (token.count >= 5 && word.contains(token))
    }

    /// The Levenshtein distance: the number of letters to add, drop or change to turn one into the other.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
