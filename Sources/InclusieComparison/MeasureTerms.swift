/// The words of a proposal that name what it asks for — an object, an instrument, an event, a place — and
/// where they occur in another item's text: whole words compared by a light Dutch stem, never substrings.
///
/// "Regenboogvlag" does not match "Regenboogstad", and "dag" does not match "Zaterdag": a substring match
/// would find the subject everywhere and the measure nowhere. What is left out says what the subject is,
/// not what is done: function words, general words of policy ("gemeente", "beleid", "inwoners"), the
/// field's own abstract words ("diversiteit", "discriminatie"), the words of the labels of the proposal's
/// themes and target groups, the municipality's name, and numbers.
public struct MeasureTerms: Sendable, Hashable {
    /// Stem → the word as the proposal writes it (its first occurrence).
    public let wordsByStem: [String: String]

    /// The proposal's concrete words, from its title (the proposal in the document's own words).
    ///
    /// `subjectLabels` are the labels of the proposal's themes and target groups; `placeName` the
    /// municipality's name. Their words name the subject, the people or the place of every item alike.
    public init(title: String, subjectLabels: [String], placeName: String?) {
        var excluded = Self.generalStems
        for label in subjectLabels + [placeName].compactMap({ $0 }) {
            for word in Self.tokens(label) { excluded.insert(Self.stem(word)) }
        }
        var terms: [String: String] = [:]
        for word in Self.tokens(title) where word.count >= 3 && !Self.functionWords.contains(word) {
            let stem = Self.stem(word)
            if !excluded.contains(stem), terms[stem] == nil { terms[stem] = word }
        }
        wordsByStem = terms
    }

    public var isEmpty: Bool { wordsByStem.isEmpty }

    /// The proposal's words, in alphabetical order (for the tables and JSON).
    public var words: [String] { wordsByStem.values.sorted() }

    /// The words of `texts` (an item's title and quotes) whose stem is one of these terms, as `texts` write
    /// them, each once, in the order they occur.
    public func shared(in texts: [String]) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for text in texts {
            for word in Self.tokens(text) {
                let stem = Self.stem(word)
                if wordsByStem[stem] != nil, seen.insert(stem).inserted { found.append(word) }
            }
        }
        return found
    }

    /// `text` cut into runs, each marked when it is one of `terms` (compared by stem): what the report and
    /// the site highlight in a quote. The runs joined give `text` back unchanged.
    public static func marked(_ text: String, terms: [String]) -> [(text: String, isTerm: Bool)] {
        /// The stem of one word as `tokens` writes it; nil for a word with a digit.
        func stemOf(_ word: String) -> String? { tokens(word).first.map(stem) }
        let stems = Set(terms.compactMap(stemOf))
        guard !stems.isEmpty else { return [(text, false)] }
        var runs: [(text: String, isTerm: Bool)] = []
        var plain = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if let wordStem = stemOf(word), stems.contains(wordStem) {
                if !plain.isEmpty { runs.append((plain, false)) }
                plain = ""
                runs.append((word, true))
            } else {
                plain += word
            }
            word = ""
        }
        for character in text {
            if isWordCharacter(character) {
                word.append(character)
            } else {
                flushWord()
                plain.append(character)
            }
        }
        flushWord()
        if !plain.isEmpty { runs.append((plain, false)) }
        return runs
    }

    // MARK: words and stems

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Lower-case words without diacritics; hyphens and apostrophes split words ("non-binaire", "auto's").
    /// Words with a digit are left out: a year two texts share is no measure. One pass over the scalars of
    /// the lower-cased text: every matching item's title and quotes go through here once per proposal.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var hasDigit = false
        func flush() {
            if !current.isEmpty, !hasDigit { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
            hasDigit = false
        }
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic {
                current.append(foldedScalars[scalar] ?? scalar)
            } else if properties.numericType != nil {
                hasDigit = true
                current.append(scalar)
            } else if properties.generalCategory == .nonspacingMark {
                continue  // a combining accent: "e" + "\u{0308}" is "e"
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    private static let foldedScalars: [Unicode.Scalar: Unicode.Scalar] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "í": "i", "ì": "i",
        "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u",
    ]

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// A light Dutch stem: plural and inflected forms meet their base ("vlaggen" "vlag", "ambtenaren"
    /// "ambtenaar", "culturele" "cultureel", "medewerkers" "medewerker", "toegankelijkheid" "toegankelijk").
    /// Compounds stay whole: "regenboogvlag" is not "vlag".
    static func stem(_ word: String) -> String {
        var stem = Array(word)
        if stem.count > 7, stem.suffix(5) == Array("heden") {
            stem.removeLast(5)
        } else if stem.count > 6, stem.suffix(4) == Array("heid") {
            stem.removeLast(4)
        } else if stem.count >= 5, stem.suffix(2) == ["e", "n"], !vowels.contains(stem[stem.count - 3]) {
            stem.removeLast(2)
            stem = baseForm(stem)
        } else if stem.count >= 6, stem.suffix(3) == ["j", "e", "s"] {
            stem.removeLast(2)  // "taalmaatjes" meets "taalmaatje"
        } else if stem.count >= 5, stem.last == "s", !vowels.contains(stem[stem.count - 2]),
            !["s", "j"].contains(stem[stem.count - 2])
        {
            stem.removeLast()
        } else if stem.count >= 5, stem.last == "e", !vowels.contains(stem[stem.count - 2]) {
            stem.removeLast()
            if stem.last != "j" { stem = baseForm(stem) }
        }
        return String(stem)
    }

    /// The base of a stem that lost "-en" or "-e": a doubled consonant is single again ("vlagg"), a long
    /// vowel in the now closed syllable is written double ("ambtenar" "ambtenaar"), and "v" "z" become
    /// "f" "s" ("brieven" "brief", "huizen" "huis"). Not after "-er" and "-or", nearly always suffixes
    /// ("medewerker", "coördinatoren" "coördinator").
    private static func baseForm(_ stem: [Character]) -> [Character] {
        var stem = stem
        let count = stem.count
        guard count >= 3 else { return stem }
        let last = stem[count - 1]
        let before = stem[count - 2]
        if last == before, !vowels.contains(last) {
            stem.removeLast()
            return stem
        }
        if last == "v" { stem[count - 1] = "f" }
        if last == "z" { stem[count - 1] = "s" }
        let closesSingleVowel =
            !vowels.contains(last) && ["a", "e", "o", "u"].contains(before) && !vowels.contains(stem[count - 3])
            && !(last == "r" && (before == "e" || before == "o"))
        if closesSingleVowel { stem.insert(before, at: count - 2) }
        return stem
    }

    /// Words that carry no content.
    static let functionWords: Set<String> = [
        "aan", "als", "alle", "alleen", "allemaal", "ander", "andere", "bij", "binnen", "buiten", "daar", "daarom",
        "dan", "dat", "deze", "die", "dit", "door", "dus", "een", "eigen", "elk", "elke", "en", "er", "geen", "haar",
        "heeft", "hebben", "hen", "het", "hier", "hoe", "hun", "ieder", "iedere", "jij", "kan", "komt", "komen",
        "krijgt", "krijgen", "kunnen", "maar", "meer", "met", "minder", "moet", "moeten", "mogen", "naar", "niet",
        "nog", "ons", "onze", "ook", "om", "omdat", "onder", "over", "per", "sinds", "tegen", "toch", "tot",
        "tussen", "uit", "van", "vanaf", "veel", "via", "voor", "waar", "wat", "wel", "welke", "wie", "wil",
        "willen", "wij", "wordt", "worden", "zal", "zelf", "zich", "zij", "zijn", "zodat", "zonder", "zoals",
        "zullen", "the", "and", "for", "with",
        // Light verbs: a proposal "houdt" a spreekuur and a programme "houdt" anything.
        "bieden", "biedt", "blijft", "blijven", "doen", "doet", "gaat", "geeft", "geven", "hangen", "hangt", "houdt",
        "laat", "laten", "maakt", "neemt", "nemen", "staan", "staat", "vinden", "vindt", "voeren", "voert", "weet",
        "weten", "zeggen", "zegt", "zorgt",
    ]

    /// General words of policy and the field's own abstract words: they say that something is a policy on
    /// inclusion, not what it does. Given as words; compared as stems.
    static let generalWords: [String] = [
        "gemeente", "gemeentelijk", "college", "raad", "beleid", "inwoner", "inwoners", "iedereen", "mensen",
        "mens", "stad", "samenleving", "aandacht", "zorgen", "zorg", "extra", "goed", "goede", "beter", "nieuw",
        "nieuwe", "jaar", "jaarlijks", "samen", "actief", "voldoende", "snel", "mogelijk", "belangrijk",
        "stimuleren", "bevorderen", "ondersteunen", "ondersteuning", "steun", "aanpak", "plan", "maatregel",
        "helpen", "hulp", "rekening", "houden", "maken", "gaan", "zetten", "bijzonder", "probleem", "problemen",
        "diversiteit", "divers", "diverse", "inclusie", "inclusief", "inclusieve", "inclusiviteit",
        "discriminatie", "racisme", "emancipatie", "gelijkwaardig", "gelijkwaardigheid", "gelijke", "gelijk",
        "kansen", "kans", "acceptatie", "participatie", "meedoen", "uitsluiting",
    ]

    static let generalStems: Set<String> = Set(generalWords.map(stem))
}
