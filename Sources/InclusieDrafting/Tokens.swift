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
}
