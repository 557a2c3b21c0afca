/// Lower-case words of a text, without the most common Dutch and English function words.
enum Tokens {
    private static let stopWords: Set<String> = [
        "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "is", "zijn", "die", "dat", "dit", "deze",
        "er", "aan", "als", "bij", "om", "ook", "of", "door", "naar", "uit", "over", "tot", "niet", "meer", "wordt",
        "worden", "kan", "kunnen", "we", "wij", "ze", "zij", "hun", "onze", "ons", "wat", "hoe", "nog", "al", "dan",
        "maar", "zo", "wel", "geen", "heeft", "hebben", "was", "waar", "moet", "moeten", "zal", "zullen", "gaan", "per",
        "the", "and", "of", "to", "a", "for", "on", "with", "is", "are", "be", "by", "as", "at", "or", "an", "this",
    ]

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character == "+" {
                current.append(character)
            } else if character == "-" && !current.isEmpty {
                current.append(character)
            } else {
                flush(&current, into: &words)
            }
        }
        flush(&current, into: &words)
        return words
    }

    private static func flush(_ current: inout String, into words: inout [String]) {
        while current.hasSuffix("-") { current.removeLast() }
        if current.count >= 2 && !stopWords.contains(current) { words.append(current) }
        current = ""
    }

    /// A crude stem for the classifier: the first seven letters, so `discriminatie` and `discriminerend` meet.
    static func stems(_ text: String) -> [String] {
        words(text).filter { $0.count >= 3 }.map { String($0.prefix(7)) }
    }

    /// Dutch endings of inflection and derivation a term may carry and still be the same word: plurals,
    /// diminutives, adjective and verb endings, `-ing`, `-heid`.
    private static let endings: Set<String> = [
        "", "s", "'s", "e", "en", "n", "er", "ers", "ere", "eren", "je", "jes", "tje", "tjes", "ing", "ingen", "heid",
        "heden", "isch", "ische", "lijk", "lijke", "ig", "ige", "es",
    ]

    /// Whether `word` is the term `term` or a form of it: the term followed by a Dutch ending, or, for a stem
    /// of nine letters or more (`institutione`, `woningzoek`), any word it starts. A short term no longer
    /// matches a longer word that only begins with it: 'pas' is not in "passen", 'gebouw' not in "gebouwd".
    static func matches(_ word: String, term: String) -> Bool {
        guard word.hasPrefix(term) else { return false }
        if term.count >= 9 { return true }
        let rest = String(word.dropFirst(term.count))
        return endings.contains(rest)
    }
}
