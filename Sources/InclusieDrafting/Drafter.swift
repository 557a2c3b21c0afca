import Foundation
import InclusieModel
import InclusiePlugins

/// Turns a document's text into a draft programme: structure, quotes, statuses, years, amounts, suggestions.
public struct Drafter: Sendable {
    private let suggester: Suggester
    private let detector = StructureDetector()

    public init(suggester: Suggester) {
        self.suggester = suggester
    }

    /// The status a kind gives items whose wording says nothing more specific.
    public static func defaultStatus(of kind: String) -> String {
        switch kind {
        case "action-programme": "commitment"
        case "change-programme": "in-preparation"
        case "workshop": "input"
        case "party-programme": "proposal"
        default: "ambition"
        }
    }

    /// The adoption status a kind has when its wording says nothing more.
    static func adoptionStatus(of kind: String) -> String {
        switch kind {
        case "party-programme": "election-programme"
        case "workshop": "workshop-outcome"
        default: "working-document"
        }
    }

    public static let kinds = ["action-programme", "policy-note", "change-programme", "workshop", "party-programme"]

    /// Guesses the kind from general words for kinds of documents; says which words decided it.
    public static func guessKind(_ text: String) -> (kind: String, reason: String) {
        let lowered = text.lowercased()
        let signals: [(kind: String, words: [String])] = [
            ("party-programme", ["verkiezingsprogramma", "partijprogramma", "verkiezingen", "onze partij", "fractie", "de gemeente moet", "election programme"]),
            ("workshop", ["werkconferentie", "werksessie", "deelnemers", "bijeenkomst", "mentimeter", "workshop"]),
            ("change-programme", ["veranderprogramma", "speerpunt", "veranderopgave", "change programme"]),
            ("action-programme", ["actieprogramma", "uitvoeringslijn", "actieplan", "planning", "action programme"]),
            ("policy-note", ["nota", "raadsvoorstel", "beleidskader", "agenda", "policy"]),
        ]
        var best: (kind: String, count: Int, words: [String]) = ("policy-note", 0, [])
        for signal in signals {
            let found = signal.words.filter { lowered.contains($0) }
            let count = found.reduce(0) { $0 + lowered.components(separatedBy: $1).count - 1 }
            if count > best.count { best = (signal.kind, count, found) }
        }
        if best.count == 0 {
            return ("policy-note", "geraden: geen woorden voor een soort document gevonden, dus beleidsnota / guessed: no kind words found")
        }
        return (best.kind, "geraden uit / guessed from: " + best.words.map { "'\($0)'" }.joined(separator: ", "))
    }

    public func draft(text: String, kind givenKind: String?) -> DraftProgramme {
        let (kind, kindReason) = givenKind.map { ($0, "gegeven met --kind / given with --kind") } ?? Self.guessKind(text)
        let source = QuoteChecker.normalise(text)
        let blocks = detector.blocks(in: text)
        let title = documentTitle(blocks)
        let period = documentPeriod(text)
        var builder = ItemCollector(text: text, source: source, title: title)

        // In a workshop every paragraph or short line under a question is one participant's answer.
        var inQuestion = false
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            switch block.kind {
            case .tableRow:
                var rows: [TextBlock] = []
                while index < blocks.count, case .tableRow = blocks[index].kind {
                    rows.append(blocks[index])
                    index += 1
                }
                readTable(rows, into: &builder)
                continue
            case .heading(let level) where kind == "workshop" && inQuestion && !block.isQuestion && level == 7:
                builder.addChild(block, number: nil, years: [], inSectionItem: true)
            case .heading:
                inQuestion = kind == "workshop" && block.isQuestion
                builder.startSection(block, standsAlone: inQuestion)
            case .paragraph where kind == "workshop" && block.isQuestion:
                builder.startSection(block, standsAlone: true)
                inQuestion = true
            case .paragraph where kind == "workshop" && inQuestion:
                builder.addChild(block, number: nil, years: [], inSectionItem: true)
                builder.addAmounts(block, period: period)
            case .paragraph:
                builder.addParagraph(block)
                builder.addAmounts(block, period: period)
                if kind == "action-programme" { addActions(of: block, to: &builder) }
            case .listItem(let number):
                builder.addChild(block, number: number, years: [])
                builder.addAmounts(block, period: period)
            }
            index += 1
        }

        let items = builder.finish().map { raw in decorate(raw, kind: kind) }
        let isParty = kind == "party-programme"
        return DraftProgramme(
            kind: kind, kindReason: kindReason, title: title, period: period, items: items,
            budgetLines: builder.budgetLines,
            budgetEvidence: builder.moneySentence ?? Evidence(quote: title, section: title),
            budgetState: builder.budgetLines.isEmpty ? .none : .amounts,
            author: DraftAuthor(type: isParty ? "party" : "municipality", name: nil, reason: "soort document / kind of document"),
            adoptionStatus: Self.adoptionStatus(of: kind), adoptionReason: "soort document / kind of document")
    }

    /// The first marked heading (`#` or capitals) of more than one word, else the first short line standing
    /// alone, else the first line: what the document calls itself, past a web page's navigation. A numbered
    /// heading ("1. Inleiding") names a section, never the document.
    private func documentTitle(_ blocks: [TextBlock]) -> String {
        func isTitle(_ block: TextBlock, marked: Bool) -> Bool {
            guard case .heading(let level) = block.kind, block.text.split(separator: " ").count >= 2,
                block.text.first?.isNumber != true
            else { return false }
            return !marked || level < 7
        }
        let heading = blocks.first { isTitle($0, marked: true) } ?? blocks.first { isTitle($0, marked: false) }
        let text = (heading ?? blocks.first)?.text ?? "Concept"
        return ItemCollector.titleWords(text)
    }

    /// The first year range in the document's opening lines (`2020-2022`), its period as it states it.
    private func documentPeriod(_ text: String) -> Period? {
        let opening = text.components(separatedBy: "\n").prefix(40).joined(separator: "\n")
        if let range = DutchNumbers.yearMatches(in: opening).first(where: { $0.years.count > 1 }) {
            return Period(from: range.years.first!, to: range.years.last!)
        }
        // Else the range the document names most often ("voor 2023-2026"), earliest first on a tie.
        let ranges = DutchNumbers.yearMatches(in: text).map(\.years).filter { $0.count > 1 }
        let counts = Dictionary(ranges.map { ($0, 1) }, uniquingKeysWith: +)
        guard let best = ranges.max(by: { counts[$0]! < counts[$1]! }) else { return nil }
        return Period(from: best.first!, to: best.last!)
    }

    /// A table of years × amounts becomes budget lines; a planning table (years marked) becomes items;
    /// a table of contents (page numbers) is skipped.
    private func readTable(_ rows: [TextBlock], into builder: inout ItemCollector) {
        func cells(_ row: TextBlock) -> [String] {
            if case .tableRow(let cells) = row.kind { return cells }
            return []
        }
        guard let header = rows.first else { return }
        let headerCells = cells(header)
        let yearColumns = headerCells.enumerated().compactMap { column, cell -> (Int, Int)? in
            guard let year = Int(cell), (1980...2049).contains(year) else { return nil }
            return (column, year)
        }
        let isContents = rows.allSatisfy { row in
            cells(row).dropFirst().filter { !$0.isEmpty }.allSatisfy { Int($0).map { $0 < 1000 } ?? false }
        }
        if isContents { return }
        let body = yearColumns.isEmpty ? rows : Array(rows.dropFirst())
        for row in body {
            let rowCells = cells(row)
            let amounts = yearColumns.compactMap { column, year -> YearAmount? in
                guard column < rowCells.count, let found = DutchNumbers.amounts(in: rowCells[column]).first else { return nil }
                return YearAmount(year: year, amount: found.money)
            }
            let label = rowCells.first { !$0.isEmpty } ?? row.text
            if !amounts.isEmpty {
                builder.addBudgetLine(
                    label: label, amounts: amounts, quoteCandidates: [rowCells.first ?? "", label], from: row,
                    reason: "bedragen uit tabelrij, jaren uit de kop / amounts from a table row, years from its header (regel/line \(row.line))")
                continue
            }
            // A total row repeats others; a row of only notes has nothing to do.
            let marked = yearColumns.filter { column, _ in column < rowCells.count && !rowCells[column].isEmpty }.map(\.1)
            builder.addChild(row, number: nil, years: marked, titleText: label)
        }
    }

    /// In an action programme a paragraph that says what will be done in several sentences ("We willen …
    /// verkennen. … We gaan … vieren.") lists actions: each such sentence is an item of its own under the
    /// section, as a hand coder models it. A paragraph with one such sentence describes its section.
    private func addActions(of block: TextBlock, to builder: inout ItemCollector) {
        let actions = ItemCollector.sentences(block.text).filter { sentence in
            StatusCues.cues(in: sentence).contains { ["commitment", "ambition", "exploration"].contains($0.status) && $0.words != "?" }
        }
        guard actions.count >= 2 else { return }
        for sentence in actions {
            let action = TextBlock(kind: .paragraph, text: sentence, line: block.line, sectionPath: block.sectionPath)
            builder.addChild(action, number: nil, years: [], region: block)
        }
    }

    /// Adds status, years and suggestions to a collected item.
    private func decorate(_ raw: ItemCollector.RawItem, kind: String) -> DraftItem {
        let text = raw.title + " " + raw.coveredText
        let cues = StatusCues.cues(in: raw.coveredText.isEmpty ? raw.title : raw.coveredText)
        let fallback = Self.defaultStatus(of: kind)
        let status: String
        let reason: String
        if kind == "party-programme" || kind == "workshop" {
            status = fallback
            reason = "status: \(fallback) ← soort document / kind of document \(kind)"
                + (cues.first.map { "; de tekst zegt / the text says '\($0.words)'" } ?? "")
        } else if let cue = cues.first {
            status = cue.status
            reason = "status: \(cue.status) ← '\(cue.words)'"
        } else {
            status = fallback
            reason = "status: \(fallback) ← geen signaalwoorden, standaard voor / no cue words, default for \(kind)"
        }
        var ranked = [status]
        for candidate in cues.map(\.status) + [fallback] + suggester.rankedStatuses(for: text) where !ranked.contains(candidate) {
            ranked.append(candidate)
        }
        // The headings an item stands under say what it is about as much as its own words do.
        let context = text + " " + (raw.evidence.first?.section ?? "")
        var suggestions: [TaxonomyFacet: [Suggestion]] = [:]
        for (facet, limit) in Suggester.facets {
            suggestions[facet] = suggester.suggest(facet, for: context, limit: limit)
        }
        let years = raw.years.isEmpty ? DutchNumbers.years(in: raw.coveredText) : raw.years
        return DraftItem(
            id: raw.id, number: raw.number, title: raw.title, parentID: raw.parentID, isSection: raw.isSection,
            evidence: raw.evidence, coveredText: raw.coveredText, status: status, statusReason: reason,
            rankedStatuses: ranked, years: Array(Set(years.filter { (1980...2049).contains($0) })).sorted(),
            suggestions: suggestions, similarExample: suggester.mostSimilarExample(to: text))
    }
}
