import Foundation
import InclusieModel

/// Checks that every evidence quote occurs in its source document.
///
/// Differences that copying from a PDF or a word processor introduces are ignored: white space and line
/// breaks, and typographic versus straight quotes. Everything else must match, spelling errors included.
public struct QuoteChecker: Sendable {
    private let sourcesDirectory: String

    public init(sourcesDirectory: String) {
        self.sourcesDirectory = sourcesDirectory
    }

    public func check(_ programmes: [LoadedProgramme]) -> [Diagnostic] {
        var sources: [String: String?] = [:]
        var diagnostics: [Diagnostic] = []
        for loaded in programmes {
            let programme = loaded.programme
            let path = (sourcesDirectory as NSString).appendingPathComponent(programme.sourceFile)
            if sources[path] == nil {
                sources[path] = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
                    .map(Self.normalise)
            }
            guard let source = sources[path] ?? nil else {
                diagnostics.append(
                    Diagnostic(
                        file: loaded.file, line: 1,
                        message: LocalizedText(
                            nl: "bron '\(programme.sourceFile)' niet gevonden in \(sourcesDirectory)",
                            en: "source '\(programme.sourceFile)' not found in \(sourcesDirectory)"),
                        fix: LocalizedText(
                            nl: "controleer of 'source:' een bestand in die map noemt",
                            en: "check 'source:' names a file in that folder")))
                continue
            }
            /// Reports every quote of `evidence` the source lacks; `what` names its owner in Dutch and English.
            func check(_ evidence: [Evidence], line: Int?, what: LocalizedText) {
                for quote in evidence.map(\.quote) where !source.contains(Self.normalise(quote)) {
                    diagnostics.append(
                        Diagnostic(
                            file: loaded.file, line: line,
                            message: LocalizedText(
                                nl: "citaat van \(what.nl) niet gevonden in \(programme.sourceFile): «\(quote)»",
                                en: "quote of \(what.en) not found in \(programme.sourceFile): «\(quote)»"),
                            fix: LocalizedText(
                                nl: "neem de woorden precies over uit de bron (ook de spelling)",
                                en: "copy the words exactly from the source (spelling included)")))
                }
            }
            check(programme.evidence, line: 1, what: LocalizedText(nl: "het programma", en: "the programme"))
            for item in programme.items {
                check(
                    item.evidence, line: loaded.lines.item(item.localID),
                    what: LocalizedText(nl: "onderdeel '\(item.localID)'", en: "item '\(item.localID)'"))
            }
            for partner in programme.partners {
                check(
                    partner.evidence, line: loaded.lines.partner(partner.localID),
                    what: LocalizedText(nl: "partner '\(partner.localID)'", en: "partner '\(partner.localID)'"))
            }
            switch programme.budget {
            case .lines(let lines, _, let evidence):
                check(evidence, line: loaded.lines.budget, what: LocalizedText(nl: "de begroting", en: "the budget"))
                for line in lines {
                    check(
                        line.evidence, line: loaded.lines.budgetLine(line.localID),
                        what: LocalizedText(nl: "begrotingsregel '\(line.localID)'", en: "budget line '\(line.localID)'"))
                }
            case .none(_, let evidence):
                check(
                    evidence, line: loaded.lines.budget,
                    what: LocalizedText(nl: "de vermelding dat er geen begroting is", en: "the budget statement"))
            case .unknown:
                break
            }
        }
        return diagnostics
    }

    /// Folds typographic quotes to straight ones and every run of white space to one space.
    static func normalise(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for character in text {
            let mapped: Character =
                switch character {
                case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": "'"
                case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": "\""
                default: character
                }
            if mapped.isWhitespace {
                if !lastWasSpace { folded.append(" ") }
                lastWasSpace = true
            } else {
                folded.append(mapped)
                lastWasSpace = false
            }
        }
        if folded.last == " " { folded.removeLast() }
        return folded
    }
}
