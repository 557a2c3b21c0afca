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
        self.init(title: title, excluding: Set((subjectLabels + [placeName].compactMap { $0 }).flatMap(Self.stems)))
    }

    /// The same, with the stems of the labels and the place already taken (`stems(of:)`), so that a
    /// comparison stems each label once rather than once per proposal.
    public init(title: String, excluding subjectStems: Set<String>) {
        var terms: [String: String] = [:]
        for word in Self.tokens(title) where word.count >= 3 && !Self.functionWords.contains(word) {
            let stem = Self.stem(word)
            if !Self.generalStems.contains(stem), !subjectStems.contains(stem), terms[stem] == nil { terms[stem] = word }
        }
        wordsByStem = terms
    }

    /// The stems of the words of a label or a name.
    public static func stems(of text: String) -> [String] {
        tokens(text).map(stem)
    }

    public var isEmpty: Bool { wordsByStem.isEmpty }

    /// The proposal's words, in alphabetical order (for the tables and JSON).
    public var words: [String] { wordsByStem.values.sorted() }

    /// The words of an item's title and quotes with their stems, in order: split once per comparison and
    /// held against each proposal, rather than split again for every proposal it matches.
    public struct ItemWords: Sendable {
        let words: [(stem: String, word: String)]

        public init(_ texts: [String]) {
            words = texts.flatMap { text in
                MeasureTerms.tokens(text).filter { $0.utf8.count >= 3 && !MeasureTerms.functionWords.contains($0) }
                    .map { (MeasureTerms.stem($0), $0) }
            }
        }
    }

    /// The words of an item whose stem is one of these terms, as the item writes them, each once, in the
    /// order they occur.
    public func shared(in item: ItemWords) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for (stem, word) in item.words where wordsByStem[stem] != nil && seen.insert(stem).inserted {
            found.append(word)
        }
        return found
    }

    /// `shared(in:)` for texts split on the spot.
    public func shared(in texts: [String]) -> [String] {
        shared(in: ItemWords(texts))
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

    /// The vowels, as bytes: the words `tokens` gives are folded to ASCII wherever Dutch needs it, so the stem
    /// works on UTF-8 bytes (a letter it does not fold counts as a consonant).
    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    private static func hasSuffix(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return suffix.withUTF8Buffer { Array($0) == Array(bytes[(bytes.count - count)...]) }
    }

    /// A light Dutch stem: plural and inflected forms meet their base ("vlaggen" "vlag", "ambtenaren"
    /// "ambtenaar", "culturele" "cultureel", "medewerkers" "medewerker", "toegankelijkheid" "toegankelijk").
    /// Compounds stay whole: "regenboogvlag" is not "vlag".
    static func stem(_ word: String) -> String {
        var stem = Array(word.utf8)
        let count = stem.count
        if count > 7, hasSuffix(stem, "heden") {
            stem.removeLast(5)
        } else if count > 6, hasSuffix(stem, "heid") {
            stem.removeLast(4)
        } else if count >= 5, hasSuffix(stem, "en"), !isVowel(stem[count - 3]) {
            stem.removeLast(2)
            baseForm(&stem)
        } else if count >= 6, hasSuffix(stem, "jes") {
            stem.removeLast(2)  // "taalmaatjes" meets "taalmaatje"
        } else if count >= 5, stem[count - 1] == UInt8(ascii: "s"), !isVowel(stem[count - 2]),
            stem[count - 2] != UInt8(ascii: "s"), stem[count - 2] != UInt8(ascii: "j")
        {
            stem.removeLast()
        } else if count >= 5, stem[count - 1] == UInt8(ascii: "e"), !isVowel(stem[count - 2]) {
            stem.removeLast()
            if stem.last != UInt8(ascii: "j") { baseForm(&stem) }
        }
        return String(decoding: stem, as: UTF8.self)
    }

    /// The base of a stem that lost "-en" or "-e": a doubled consonant is single again ("vlagg"), a long
    /// vowel in the now closed syllable is written double ("ambtenar" "ambtenaar"), and "v" "z" become
    /// "f" "s" ("brieven" "brief", "huizen" "huis"). Not after "-er" and "-or", nearly always suffixes
    /// ("medewerker", "coördinatoren" "coördinator").
    private static func baseForm(_ stem: inout [UInt8]) {
        let count = stem.count
        guard count >= 3 else { return }
        let last = stem[count - 1]
        let before = stem[count - 2]
        if last == before, !isVowel(last) {
            stem.removeLast()
            return
        }
        if last == UInt8(ascii: "v") { stem[count - 1] = UInt8(ascii: "f") }
        if last == UInt8(ascii: "z") { stem[count - 1] = UInt8(ascii: "s") }
        let singleVowel = before == UInt8(ascii: "a") || before == UInt8(ascii: "e") || before == UInt8(ascii: "o") || before == UInt8(ascii: "u")
        let suffixLike = last == UInt8(ascii: "r") && (before == UInt8(ascii: "e") || before == UInt8(ascii: "o"))
        if !isVowel(last), singleVowel, !isVowel(stem[count - 3]), !suffixLike { stem.insert(before, at: count - 2) }
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
