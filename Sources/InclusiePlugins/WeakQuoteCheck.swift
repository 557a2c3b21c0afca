import Foundation
import InclusieModel

/// Warns about item quotes that are verbatim but prove little: shorter than three words, or found more than
/// once in the source, so a reader cannot tell where the item stands in the document.
///
/// A one-word quote such as «Onderwijs» passes the quote check wherever that word occurs. Sometimes such a
/// quote is all there is (a heading or a table row that is the whole item); then the item says so in its
/// `note` with the words «citaat 'the quote'» (or «quote 'the quote'»), and the warning is not given. A note
/// that merely mentions the words does not count. Warnings never stop an import: they ask a person to look
/// again.
enum WeakQuoteCheck {
    /// Fewer words than this do not pin a passage down.
    static let minimumWords = 3

    /// The warnings for one programme's item quotes, against the index of its source that the quote check
    /// built: one pass over the quotes, whatever the size of the document.
    static func check(_ loaded: LoadedProgramme, against index: SourceIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in loaded.programme.items {
            for quote in item.evidence.map(\.quote) {
                guard let problem = weakness(of: quote, in: index), !noteExplains(quote, note: item.note) else {
                    continue
                }
                diagnostics.append(
                    Diagnostic(
                        .warning, file: loaded.file, line: loaded.lines.item(item.localID),
                        message: LocalizedText(
                            nl: "citaat van onderdeel '\(item.localID)' wijst geen vindplaats aan: «\(quote)» \(problem.nl)",
                            en: "quote of item '\(item.localID)' does not pin down where it stands: «\(quote)» \(problem.en)"),
                        fix: LocalizedText(
                            nl: "neem een langere passage over die maar één keer in \(loaded.programme.sourceFile) staat, of zeg in 'note:' waarom dit citaat volstaat: «Het citaat '\(quote)' is …»",
                            en: "copy a longer passage that occurs only once in \(loaded.programme.sourceFile), or say in 'note:' why this quote is enough: «The quote '\(quote)' is …»")))
            }
        }
        return diagnostics
    }

    /// Why the quote is weak in the source, or nil when it is not (or not found at all: the quote check
    /// reports that).
    static func weakness(of quote: String, in index: SourceIndex) -> LocalizedText? {
        let tally = index.tally(of: quote)
        switch tally.occurrences {
        case 0:
            return nil
        case let occurrences where occurrences > 1:
            return LocalizedText(nl: "staat \(occurrences) keer in de bron", en: "occurs \(occurrences) times in the source")
        default:
            guard tally.words < minimumWords else { return nil }
            return LocalizedText(nl: "is korter dan \(minimumWords) woorden", en: "is shorter than \(minimumWords) words")
        }
    }

    /// Whether the item's note speaks of this quote as a quote («citaat '…'», «quote '…'»), which is how it says
    /// why the quote is enough.
    static func noteExplains(_ quote: String, note: String?) -> Bool {
        guard let note else { return false }
        let folded = QuoteChecker.normalise(note).lowercased()
        let named = "'\(QuoteChecker.normalise(quote).lowercased())'"
        return folded.contains("citaat \(named)") || folded.contains("quote \(named)")
    }
}
