/// The status an item's wording suggests, with the words that suggest it.
public struct StatusCue: Hashable, Sendable {
    public var status: String
    public var words: String
}

/// Wording that tells a commitment from an ambition or an exploration, in Dutch and English.
///
/// General language of policy documents, not the phrases of any one programme.
public enum StatusCues {
    private static let cues: [(status: String, phrases: [String])] = [
        (
            "exploration",
            [
                "we onderzoeken", "wij onderzoeken", "onderzoeken we", "onderzoeken of", "onderzoeken hoe", "bezien",
                "we verkennen", "wij verkennen", "verkennen we", "nagaan of", "gaan na of", "we will explore", "explore whether",
            ]
        ),
        (
            "ambition",
            [
                "we willen", "wij willen", "willen we", "willen wij", "wil", "willen", "streven", "streeft", "ambitie", "ambiëren",
                "we hopen", "het doel is", "we aim", "we want", "ambition",
            ]
        ),
        (
            "commitment",
            [
                "we gaan", "wij gaan", "gaan we", "gaan wij", "we zorgen", "wij zorgen", "zorgen we", "zorgen wij",
                "we zullen", "wij zullen", "zullen we", "we organiseren", "wij organiseren", "we zetten", "wij zetten",
                "we bieden", "wij bieden", "we starten", "de gemeente zorgt", "de gemeente gaat", "we will", "we commit",
            ]
        ),
        ("existing-policy", ["bestaand beleid", "loopt al", "al jaren", "reeds", "is al gestart", "already"]),
    ]

    /// Every cue in `text`, in the order the text uses them; a question counts as an exploration.
    public static func cues(in text: String) -> [StatusCue] {
        let lowered = " " + text.lowercased() + " "
        var found: [(position: Int, cue: StatusCue)] = []
        for (status, phrases) in cues {
            for phrase in phrases {
                guard let range = lowered.range(of: phrase) else { continue }
                let before = lowered[lowered.index(before: range.lowerBound)]
                let after = range.upperBound < lowered.endIndex ? lowered[range.upperBound] : " "
                guard !before.isLetter, !after.isLetter else { continue }
                found.append((lowered.distance(from: lowered.startIndex, to: range.lowerBound), StatusCue(status: status, words: phrase)))
                break
            }
        }
        if text.trimmingCharacters(in: .whitespaces).hasSuffix("?") {
            found.append((Int.max, StatusCue(status: "exploration", words: "?")))
        }
        return found.sorted { $0.position < $1.position }.map(\.cue)
    }
}
