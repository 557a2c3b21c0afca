import Foundation

/// Lines of a web page or PDF that are not the document's content: navigation, cookie and share lines,
/// captions and alt texts, publication dates, page numbers, running headers and footers, lone letters, and
/// lines that name a person with a function. They stay in the saved source (quotes are checked against
/// all of it) but never become an item, a heading or a quote.
///
/// The rules look at the shape and the general words of such lines, not at any one site's wording.
enum PageNoise {
    /// The indices of the noise lines among `lines`.
    static func lines(_ lines: [String]) -> Set<Int> {
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        var noise = runningHeadersAndFooters(trimmed)
        for (index, line) in trimmed.enumerated() where !line.isEmpty && isNoise(line) { noise.insert(index) }
        // A name next to a function line ("Froukje …," above "Wethouder …,") and the lines that continue a
        // function line ending in a comma are the same signature.
        for (index, line) in trimmed.enumerated() where PersonNames.isFunctionLine(line) {
            noise.insert(index)
            for neighbour in [index - 1, index + 1] where trimmed.indices.contains(neighbour) {
                if PersonNames.isNameList(trimmed[neighbour].trimmingCharacters(in: CharacterSet(charactersIn: ",:"))) {
                    noise.insert(neighbour)
                }
            }
            var next = index + 1
            var previous = line
            while previous.hasSuffix(","), next < trimmed.count, !trimmed[next].isEmpty {
                noise.insert(next)
                previous = trimmed[next]
                next += 1
            }
        }
        // A menu: a run of short lines, with no blank line between them, that holds a navigation word ("Home",
        // "Menu", "Zoeken") is navigation as a whole, also the lines that name the site's own sections or the
        // site itself ("Wonen en leven", "Gemeente …"). Without a navigation word a run of short lines may be a
        // title page or a list of values, and stays.
        var start = 0
        while start < trimmed.count {
            guard !trimmed[start].isEmpty else {
                start += 1
                continue
            }
            var end = start
            while end < trimmed.count, !trimmed[end].isEmpty { end += 1 }
            let run = start..<end
            if run.count >= 3, run.contains(where: { isNavigation(trimmed[$0]) }),
                run.allSatisfy({ noise.contains($0) || isShortLabel(lines[$0]) })
            {
                noise.formUnion(run)
            }
            start = end
        }
        return noise
    }

    /// A menu entry: "Home", "Zoeken", "Naar hoofdinhoud".
    static func isNavigation(_ line: String) -> Bool {
        navigation.contains(line.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces)))
    }

    /// One to four words that end no sentence and hold no table cells: a link's or a label's shape.
    private static func isShortLabel(_ raw: String) -> Bool {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard !raw.contains("\t"), let last = line.last, !".!?:;,".contains(last) else { return false }
        return line.split(separator: " ").count <= 4
    }

    private static let navigation: Set<String> = [
        "menu", "zoeken", "home", "naar hoofdinhoud", "naar de inhoud", "ga naar de inhoud", "skip to content",
        "skip to main content", "terug", "vorige", "volgende", "sluiten", "inloggen", "uitloggen", "print", "printen",
        "delen", "naar boven", "terug naar boven", "lees voor", "voorlezen", "english", "contact", "sitemap",
        "inhoudsopgave", "mijn gemeente", "direct naar", "luister op soundcloud",
    ]

    private static let openings = [
        "deel deze", "deel dit", "deel via", "delen via", "share this", "share on", "was deze informatie",
        "was deze pagina", "heeft u gevonden", "vond u deze", "foto:", "foto ©", "foto's:", "afbeelding:", "beeld:",
        "illustratie:", "bron foto", "fotograaf", "(foto", "[image", "[afbeelding", "gepubliceerd", "geplaatst op",
        "laatst gewijzigd", "laatste wijziging", "bijgewerkt op", "leestijd", "u bent hier", "home >", "home /",
        "home »", "lees verder", "lees meer", "meer informatie?", "meer weten?", "neem contact op", "contact:",
        "bekijk ook", "gerelateerde", "© ", "registratienummer", "zaaknummer", "documentnummer", "kenmerk:",
        "ons kenmerk", "uw kenmerk",
    ]

    private static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december",
    ]

    static func isNoise(_ line: String) -> Bool {
        let lowered = line.lowercased()
        let bare = lowered.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        if navigation.contains(bare) { return true }
        if openings.contains(where: { lowered.hasPrefix($0) }) { return true }
        if lowered.contains("cookie") { return true }
        if lowered.contains("facebook") && ["linkedin", "twitter", "whatsapp", "e-mail", " x "].contains(where: { lowered.contains($0) }) {
            return true
        }
        if lowered.range(of: #"\.(jpe?g|png|gif|svg|webp)\]?$"#, options: .regularExpression) != nil { return true }
        // A menu or footer bar: three or more short parts between bars.
        let bars = line.split(separator: "|")
        if bars.count >= 3 && bars.allSatisfy({ $0.split(separator: " ").count <= 4 }) { return true }
        if isPageNumber(lowered) || isDate(lowered) { return true }
        // A lone letter or status mark ("A", "✓", "x") heads nothing.
        if line.count == 1 || (line.count == 2 && !line.allSatisfy(\.isLetter) && !line.allSatisfy(\.isNumber)) { return true }
        // A whole line in quotation marks is someone's words, not the document's.
        if let first = line.first, let last = line.last, "\"“„'".contains(first), "\"”'".contains(last), line.count > 2 {
            return true
        }
        return PersonNames.namesPersonWithFunction(line) && line.split(separator: " ").count <= 12
    }

    /// `Pagina 3 van 12`, `pagina 42`, `blz. 7`, `- 3 -`, `3 / 12`, a lone page number.
    static func isPageNumber(_ lowered: String) -> Bool {
        lowered.range(of: #"^(pagina|page|blz\.?|p\.)\s*\d{1,4}(\s*(van|of|/)\s*\d{1,4})?$"#, options: .regularExpression) != nil
            || lowered.range(of: #"^[-–]?\s*\d{1,3}\s*[-–]?$"#, options: .regularExpression) != nil
            || lowered.range(of: #"^\d{1,4}\s*/\s*\d{1,4}$"#, options: .regularExpression) != nil
    }

    /// A line that is only a date: `14 maart 2025`, `20-01-2022`, `maandag 3 april 2025`.
    static func isDate(_ lowered: String) -> Bool {
        if lowered.range(of: #"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$"#, options: .regularExpression) != nil { return true }
        let words = lowered.split(separator: " ")
        guard (2...4).contains(words.count), words.contains(where: { months.contains(String($0)) }) else { return false }
        return words.allSatisfy { word in
            word.allSatisfy(\.isNumber) || months.contains(String(word))
                || ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"].contains(String(word))
        }
    }

    /// The running headers and footers of a paginated document (one with two or more page numbers or form
    /// feeds): a line that stands at the top or the bottom of three or more pages — the first line after a
    /// page break or at the start, the line before a page number. Digits are folded, so `Pagina 3`
    /// and `Pagina 4` are one line. Only those places are noise: the same words in the body stay.
    private static func runningHeadersAndFooters(_ lines: [String]) -> Set<Int> {
        let breaks = lines.indices.filter { lines[$0].contains("\u{0C}") || isPageNumber(lines[$0].lowercased()) }
        guard breaks.count >= 2 else { return [] }
        var places: [Int] = []
        func take(_ range: StrideTo<Int>, count: Int) {
            var taken = 0
            for index in range where taken < count {
                guard lines.indices.contains(index) else { break }
                let line = lines[index].trimmingCharacters(in: .whitespacesAndNewlines)
                if line.isEmpty || isPageNumber(line.lowercased()) { continue }
                places.append(index)
                taken += 1
            }
        }
        take(stride(from: 0, to: lines.count, by: 1), count: 1)
        for pageBreak in breaks {
            // A form feed starts the next page's first line; a page number ends its page.
            let next = lines[pageBreak].contains("\u{0C}") ? pageBreak : pageBreak + 1
            take(stride(from: next, to: lines.count, by: 1), count: 1)
            take(stride(from: pageBreak - 1, to: -1, by: -1), count: 1)
        }
        var counts: [String: Int] = [:]
        for place in Set(places) where lines[place].count <= 120 { counts[folded(lines[place]), default: 0] += 1 }
        return Set(places.filter { (counts[folded(lines[$0])] ?? 0) >= 3 })
    }

    private static func folded(_ line: String) -> String {
        line.replacingOccurrences(of: #"\d"#, with: "#", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet(charactersIn: " \u{0C}"))
    }
}

/// Recognises people's names by the company they keep: a function word (wethouder, griffier, lijsttrekker …)
/// next to capitalised words. A name is never an item, a title or a quote.
enum PersonNames {
    static let functionWords: Set<String> = [
        "wethouder", "burgemeester", "locoburgemeester", "griffier", "secretaris", "gemeentesecretaris", "voorzitter",
        "lijsttrekker", "fractievoorzitter", "raadslid", "gedeputeerde", "commissaris", "directeur", "wethouders",
        "kandidaat-raadslid", "fotograaf", "wethouder:", "alderman", "mayor",
    ]

    private static let particles: Set<String> = [
        "van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "el", "al", "la", "le", "du", "da", "di", "von", "op", "in",
    ]

    /// Capitalised words that start names of things, not of people.
    private static let notNames: Set<String> = [
        "gemeente", "stichting", "team", "afdeling", "programma", "hoofdstuk", "platform", "bureau", "partij", "lijst",
        "raad", "college", "het", "de", "een", "wij", "we", "onze", "ons", "deze", "dit",
    ]

    /// A line that is a person's function with or without the name: "De griffier,", "Wethouder Werk en
    /// Inkomen,", "Wethouder Jorien … (Inclusie)". A sentence about a function ("De wethouder gaat …") is not.
    static func isFunctionLine(_ line: String) -> Bool {
        var words = line.lowercased().split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        if words.first == "de" || words.first == "onze" || words.first == "onze" { words.removeFirst() }
        guard let first = words.first, functionWords.contains(first) else { return false }
        return words.count <= 10 && !line.hasSuffix(".")
    }

    /// "Onze fractievoorzitter Gerrit van Stalborch zegt …", "Jan Jansen, wethouder van …": a function word
    /// right next to a run of two or more capitalised name words.
    static func namesPersonWithFunction(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { String($0) }
        for (index, word) in words.enumerated() {
            let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard functionWords.contains(bare) else { continue }
            if nameRun(words, from: index + 1) >= 2 { return true }
            // "… Jan Jansen, wethouder": the name stands before, ending in a comma or a parenthesis.
            var start = index - 1
            while start >= 0, isNameWord(words[start]) || particles.contains(words[start].lowercased()) { start -= 1 }
            let before = words[(start + 1)..<index].filter { isNameWord($0) }.count
            if before >= 2 { return true }
        }
        return false
    }

    /// How many name words follow from `start` (particles included in the run, not counted).
    private static func nameRun(_ words: [String], from start: Int) -> Int {
        var count = 0
        var index = start
        while index < words.count {
            let word = words[index]
            if isNameWord(word) {
                count += 1
            } else if !particles.contains(word.lowercased()) {
                break
            }
            if word.hasSuffix(",") || word.hasSuffix(":") || word.hasSuffix(")") { break }
            index += 1
        }
        return count
    }

    private static func isNameWord(_ word: String) -> Bool {
        let bare = word.trimmingCharacters(in: CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-'")))
        guard let first = bare.first, first.isUppercase, bare.count >= 2, !notNames.contains(bare.lowercased()) else { return false }
        return bare.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } && bare.dropFirst().contains(where: \.isLowercase)
    }

    /// "Voornaam Achternaam", "Voornaam Achternaam/ Voornaam Achternaam", "Voornaam van Achternaam + ?": one or
    /// more names and nothing else, as in a table of contact persons.
    static func isNameList(_ text: String) -> Bool {
        let parts = text.replacingOccurrences(of: " en ", with: ",").split(whereSeparator: { ",/+&".contains($0) })
            .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "?"))) }
            .filter { !$0.isEmpty }
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            let words = part.split(separator: " ").map(String.init)
            guard (2...5).contains(words.count), let first = words.first, let last = words.last,
                isNameWord(first), isNameWord(last)
            else { return false }
            return words.allSatisfy { isNameWord($0) || particles.contains($0.lowercased()) }
        }
    }
}
