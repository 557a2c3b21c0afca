import Foundation

/// The programme's own fields as the text states them: how far it was adopted, and which party wrote it.
/// Each comes with the words that decided it, so that a reviewer can check it.
enum ProgrammeFields {
    /// "De gemeenteraad heeft … vastgesteld", "Aldus vastgesteld in de openbare vergadering" → adopted;
    /// "Het college heeft … vastgesteld" → adopted (by the executive); "raadsvoorstel" → council-proposal.
    /// A municipal text that says none of this is `adoption-not-stated`, never a guess.
    /// - Parameter settledByKind: the status the kind itself settles (an election programme, a workshop's
    ///   outcome), if it does.
    static func adoption(in text: String, settledByKind: String?, kind: String) -> (status: String, reason: String) {
        if let settledByKind { return (settledByKind, "soort document / kind of document: \(kind)") }
        let sentences = ItemCollector.sentences(text.replacingOccurrences(of: "\n", with: " "))
        for sentence in sentences {
            let lowered = sentence.lowercased()
            guard lowered.range(of: #"\b(is|zijn|heeft|hebben|aldus|werd|door \w+)\b.*\bvastgesteld|\bvastgesteld (door|in|op)\b"#, options: .regularExpression) != nil
                || lowered.contains("aldus vastgesteld")
            else { continue }
            let decider = lowered.contains("college") && !lowered.contains("raad") ? "college" : "raad"
            if decider == "raad" && !(lowered.contains("raad") || lowered.contains("vergadering")) { continue }
            return ("adopted", "vastgesteld (\(decider)) ← '\(excerpt(sentence))'")
        }
        for sentence in sentences {
            let lowered = sentence.lowercased()
            if lowered.contains("raadsvoorstel") || lowered.range(of: #"voorstel aan de (gemeente)?raad|aan de (gemeente)?raad voor\b|ter vaststelling aan de"#, options: .regularExpression) != nil {
                return ("council-proposal", "voorstel aan de raad / council proposal ← '\(excerpt(sentence))'")
            }
        }
        return ("adoption-not-stated", "de tekst zegt niet dat het is vastgesteld / the text does not say it was adopted")
    }

    private static let askingVerbs: Set<String> = [
        "wil", "willen", "kiest", "kiezen", "vindt", "vinden", "pleit", "pleiten", "zet", "zetten", "zorgt", "strijdt", "staat",
        "gaat", "maakt", "wants",
    ]

    private static let notParty: Set<String> = [
        "de", "het", "een", "wij", "we", "onze", "ons", "daarom", "ook", "dat", "deze", "dit", "zij", "ze", "iedereen",
        "gemeente", "college", "raad", "ik", "u", "jij", "je", "niemand", "elke", "alle", "in", "op", "met", "voor", "als",
    ]

    /// The party a party programme's text names as itself: the capitalised words that open its sentences
    /// before "wil", "kiest", "vindt", "pleit voor", "zorgt" …, the most frequent; else the words after
    /// "verkiezingsprogramma … van".
    static func party(in text: String) -> (name: String, reason: String)? {
        let sentences = ItemCollector.sentences(text.replacingOccurrences(of: "\n", with: ". "))
        var counts: [String: Int] = [:]
        var order: [String] = []
        for sentence in sentences {
            let words = sentence.split(separator: " ").map(String.init)
            var run: [String] = []
            for word in words.prefix(6) {
                if askingVerbs.contains(word.lowercased()) {
                    if !run.isEmpty {
                        let name = run.joined(separator: " ")
                        if counts[name] == nil { order.append(name) }
                        counts[name, default: 0] += 1
                    }
                    break
                }
                guard isPartyWord(word), run.count < 4, !(run.isEmpty && notParty.contains(word.lowercased())) else { break }
                run.append(word)
            }
        }
        if let best = order.max(by: { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0.count < $1.count) }) {
            return (best, "de partij noemt zichzelf / the party names itself: '\(best)' (\(counts[best]!)×)")
        }
        if let match = text.range(of: #"[Vv]erkiezingsprogramma( \d{4}(-\d{4})?)? van ((\p{Lu}[\p{L}\d-]*|\d+)( (\p{Lu}[\p{L}\d-]*|\d+)){0,3})"#, options: .regularExpression) {
            let phrase = String(text[match])
            let name = phrase.components(separatedBy: " van ").last ?? phrase
            return (name, "'\(phrase)'")
        }
        return nil
    }

    private static func isPartyWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase || first.isNumber else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    private static func excerpt(_ sentence: String) -> String {
        sentence.count <= 120 ? sentence : String(sentence.prefix(117)) + "…"
    }
}
