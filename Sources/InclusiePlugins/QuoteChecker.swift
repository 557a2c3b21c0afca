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
                        file: loaded.file, line: 1, message: "source '\(programme.sourceFile)' not found in \(sourcesDirectory)",
                        fix: "check 'source:' names a file in that folder"))
                continue
            }
            func check(_ evidence: [Evidence], line: Int?, what: String) {
                for quote in evidence.map(\.quote) where !source.contains(Self.normalise(quote)) {
                    diagnostics.append(
                        Diagnostic(
                            file: loaded.file, line: line,
                            message: "quote of \(what) not found in \(programme.sourceFile): «\(quote)»",
                            fix: "copy the words exactly from the source (spelling included)"))
                }
            }
            check(programme.evidence, line: 1, what: "the programme")
            for item in programme.items {
                check(item.evidence, line: loaded.lines.item(item.localID), what: "item '\(item.localID)'")
            }
            for partner in programme.partners {
                check(partner.evidence, line: loaded.lines.partner(partner.localID), what: "partner '\(partner.localID)'")
            }
            switch programme.budget {
            case .lines(let lines, _, let evidence):
                check(evidence, line: loaded.lines.budget, what: "the budget")
                for line in lines {
                    check(line.evidence, line: loaded.lines.budgetLine(line.localID), what: "budget line '\(line.localID)'")
                }
            case .none(_, let evidence):
                check(evidence, line: loaded.lines.budget, what: "the budget statement")
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
