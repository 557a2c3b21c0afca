import Foundation
import InclusieModel

/// One source document, normalised once and indexed by word, so that checking a quote costs about the
/// quote's length and not the document's.
///
/// Checking every quote with `String.contains` over the whole text made a 30,000-item plugin take minutes:
/// the work grew with quotes × document length. A quote occurs in the normalised text exactly when its
/// inner words equal consecutive words of the text, its first word ends a word of the text and its last
/// word begins the next: so the rarest inner word gives a handful of places to compare, never a scan.
public final class SourceIndex {
    /// The normalised text split at its single spaces.
    let words: [String]
    private let positions: [String: [Int]]
    /// Positions by word without accents, case and surrounding punctuation: only built when a quote is
    /// not found, to find the passage it was meant to be.
    private lazy var loosePositions: [String: [Int]] = {
        var positions: [String: [Int]] = [:]
        for (index, word) in words.enumerated() {
            positions[Passage.loose(word), default: []].append(index)
        }
        return positions
    }()

    public init(text: String) {
        words = QuoteChecker.words(ofNormalised: QuoteChecker.normalise(text))
        var positions: [String: [Int]] = [:]
        for (index, word) in words.enumerated() {
            positions[word, default: []].append(index)
        }
        self.positions = positions
    }

    /// How often a quote occurs in the text, and how many words it has once normalised.
    struct Tally {
        var occurrences: Int
        var words: Int
    }

    /// Tallies by the quote as written: the quote check and the weak-quote check ask about the same item
    /// quotes, and normalising and looking one up is most of what either costs.
    private var tallies: [String: Tally] = [:]

    /// Whether the quote, normalised as the text is, occurs in the text (also starting or ending mid-word).
    public func contains(_ quote: String) -> Bool {
        tally(of: quote).occurrences > 0
    }

    /// How often the quote occurs in the text (every occurrence: the weak-quote check says how often).
    func tally(of quote: String) -> Tally {
        if let known = tallies[quote] { return known }
        let parts = QuoteChecker.words(ofNormalised: QuoteChecker.normalise(quote))
        let tally = Tally(occurrences: occurrences(of: parts), words: parts.count)
        tallies[quote] = tally
        return tally
    }

    /// How often the words of a normalised quote occur in the text.
    private func occurrences(of parts: [String]) -> Int {
        guard let first = parts.first else { return 0 }
        if parts.count == 1 {
            var count = 0
            for (word, places) in positions where word.containsBytes(of: first) {
                count += places.count * word.ranges(of: first).count
            }
            return count
        }
        let starts: [Int]
        if parts.count == 2 {
            // The first part may end a longer word: every word that ends with it is a place to look.
            starts = positions.filter { $0.key.endsWithBytes(of: first) }.flatMap(\.value)
        } else {
            // The inner word with the fewest occurrences decides where to look.
            var rarest: (offset: Int, places: [Int])?
            for offset in 1..<(parts.count - 1) {
                guard let places = positions[parts[offset]] else { return 0 }
                if rarest == nil || places.count < rarest!.places.count { rarest = (offset, places) }
            }
            guard let rarest else { return 0 }
            starts = rarest.places.map { $0 - rarest.offset }
        }
        return starts.count { matches(parts, at: $0) }
    }

    /// Whether `parts` line up with the text's words from `start`: the ends may be parts of words.
    private func matches(_ parts: [String], at start: Int) -> Bool {
        guard start >= 0, start + parts.count <= words.count else { return false }
        for (offset, part) in parts.enumerated() {
            let word = words[start + offset]
            let fits =
                if offset == 0 {
                    word.endsWithBytes(of: part)
                } else if offset == parts.count - 1 {
                    word.startsWithBytes(of: part)
                } else {
                    word.utf8.count == part.utf8.count && word.startsWithBytes(of: part)
                }
            if !fits { return false }
        }
        return true
    }

    /// The passage of the text most like the quote, by the number of the quote's words it has in the same
    /// order, with the words where the two differ; nil when the text shares no word with the quote.
    func closestPassage(to quote: String) -> Passage? {
        let parts = QuoteChecker.words(ofNormalised: QuoteChecker.normalise(quote))
        guard !parts.isEmpty else { return nil }
        // Every occurrence of a quote word votes for where the quote would start; very common words
        // ("de", "en") are left out so that a long document costs no more than a short one.
        var votes: [Int: Int] = [:]
        for (offset, part) in parts.enumerated() {
            guard let places = loosePositions[Passage.loose(part)], places.count <= 2_000 else { continue }
            for place in places {
                votes[place - offset, default: 0] += 1
            }
        }
        guard let best = votes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return nil
        }
        let lower = max(0, best.key - 2)
        let upper = min(words.count, best.key + parts.count + 3)
        return Passage(quote: parts, window: Array(words[lower..<upper]))
    }
}

extension String {
    /// Byte comparisons for words that `QuoteChecker.normalise` made: it composes them (NFC), so text that is
    /// the same is the same bytes, and comparing bytes spares the normalisation String's own comparison does.
    /// A match starts and ends on whole Unicode scalars, since both sides are whole UTF-8 text.
    fileprivate func startsWithBytes(of part: String) -> Bool {
        utf8.count >= part.utf8.count && utf8.prefix(part.utf8.count).elementsEqual(part.utf8)
    }

    fileprivate func endsWithBytes(of part: String) -> Bool {
        utf8.count >= part.utf8.count && utf8.suffix(part.utf8.count).elementsEqual(part.utf8)
    }
}

/// The words of a source near a quote that was not found, and how the two differ.
struct Passage: Equatable {
    enum Difference: Equatable {
        /// The source has `source` where the quote has `quote`.
        case replaced(source: String, quote: String)
        /// A word the source has and the quote lacks.
        case dropped(String)
        /// A word the quote has and the source lacks.
        case added(String)
    }

    var text: String
    var differences: [Difference]

    /// Aligns the quote with a window of the source word by word (a longest common subsequence) and trims
    /// the window to the aligned part.
    init(quote: [String], window: [String]) {
        let rows = quote.count
        let columns = window.count
        var lengths = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
        for row in stride(from: rows - 1, through: 0, by: -1) {
            for column in stride(from: columns - 1, through: 0, by: -1) {
                lengths[row][column] =
                    Self.same(quote[row], window[column])
                    ? lengths[row + 1][column + 1] + 1 : max(lengths[row + 1][column], lengths[row][column + 1])
            }
        }
        var steps: [(quote: String?, source: String?)] = []
        var row = 0
        var column = 0
        while row < rows || column < columns {
            if row < rows, column < columns, Self.same(quote[row], window[column]) {
                steps.append((quote[row], window[column]))
                row += 1
                column += 1
            } else if column < columns, row == rows || lengths[row][column + 1] >= lengths[row + 1][column] {
                steps.append((nil, window[column]))
                column += 1
            } else {
                steps.append((quote[row], nil))
                row += 1
            }
        }
        // The window is wider than the quote: source words before the quote's first and after its last
        // word are context, not differences.
        let firstQuoted = steps.firstIndex { $0.quote != nil } ?? 0
        let lastQuoted = steps.lastIndex { $0.quote != nil } ?? steps.count - 1
        var kept = Array(steps[firstQuoted...lastQuoted])
        // Where the quote ends with a word the source lacks, the source word right after stands in for it.
        if kept.first?.source == nil, firstQuoted > 0, steps[firstQuoted - 1].quote == nil {
            kept.insert(steps[firstQuoted - 1], at: 0)
        }
        if kept.last?.source == nil, lastQuoted + 1 < steps.count, steps[lastQuoted + 1].quote == nil {
            kept.append(steps[lastQuoted + 1])
        }
        text = kept.compactMap(\.source).joined(separator: " ")
        var differences: [Difference] = []
        var index = 0
        while index < kept.count {
            let step = kept[index]
            if let quoted = step.quote, let source = step.source {
                if quoted != source { differences.append(.replaced(source: source, quote: quoted)) }
                index += 1
            } else if index + 1 < kept.count, step.quote == nil, kept[index + 1].source == nil, let source = step.source,
                let quoted = kept[index + 1].quote
            {
                differences.append(.replaced(source: source, quote: quoted))
                index += 2
            } else if index + 1 < kept.count, step.source == nil, kept[index + 1].quote == nil, let quoted = step.quote,
                let source = kept[index + 1].source
            {
                differences.append(.replaced(source: source, quote: quoted))
                index += 2
            } else {
                if let source = step.source { differences.append(.dropped(source)) }
                if let quoted = step.quote { differences.append(.added(quoted)) }
                index += 1
            }
        }
        self.differences = differences
    }

    /// Words count as the same for aligning when they differ only in accents or case; the difference is
    /// still reported.
    private static func same(_ quoted: String, _ source: String) -> Bool {
        quoted == source || folded(quoted) == folded(source)
    }

    /// Without accents and in lower case: "Één" and "een" fold to the same.
    static func folded(_ word: String) -> String {
        word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// A word as the passage search compares it: folded, and without the punctuation around it.
    static func loose(_ word: String) -> String {
        folded(word).trimmingCharacters(in: .punctuationCharacters)
    }

    /// The differences as a short phrase: `'één' in de bron, 'een' in het citaat (é/e)`.
    func describe() -> LocalizedText {
        var dutch: [String] = []
        var english: [String] = []
        for difference in differences.prefix(3) {
            switch difference {
            case .replaced(let source, let quote):
                let letters = Self.firstDifferentLetters(source, quote).map { " (\($0.0) / \($0.1))" } ?? ""
                dutch.append("de bron heeft '\(source)' waar het citaat '\(quote)' heeft\(letters)")
                english.append("the source has '\(source)' where the quote has '\(quote)'\(letters)")
            case .dropped(let word):
                dutch.append("het woord '\(word)' uit de bron ontbreekt in het citaat")
                english.append("the quote leaves out the word '\(word)'")
            case .added(let word):
                dutch.append("het woord '\(word)' staat niet in de bron")
                english.append("the word '\(word)' is not in the source")
            }
        }
        if differences.count > 3 {
            dutch.append("en nog \(differences.count - 3) verschil(len)")
            english.append("and \(differences.count - 3) more difference(s)")
        }
        return LocalizedText(nl: dutch.joined(separator: "; "), en: english.joined(separator: "; "))
    }

    /// The first letters where two words part, when they differ only a little (é vs e, a typo).
    private static func firstDifferentLetters(_ source: String, _ quote: String) -> (String, String)? {
        guard folded(source) == folded(quote) || source.count == quote.count else { return nil }
        for (a, b) in zip(source, quote) where a != b {
            return (String(a), String(b))
        }
        return nil
    }
}
