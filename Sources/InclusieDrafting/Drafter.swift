import Foundation
import InclusieModel
import InclusiePlugins

/// Turns a document's text into a draft programme: structure, quotes, statuses, years, amounts, suggestions.
public struct Drafter: Sendable {
    private let suggester: Suggester
    private let detector = StructureDetector()

    private let kinds: ProgrammeKinds

    /// An item's title made from a quote, as a draft titles its items: the quote's first clause, at most
    /// twelve words, in the document's own words.
    public static func title(ofQuote quote: String) -> String { ItemCollector.titleWords(quote) }

    public init(suggester: Suggester, kinds: ProgrammeKinds = ProgrammeKinds()) {
        self.suggester = suggester
        self.kinds = kinds
    }

    /// The status a kind gives items whose wording says nothing more specific.
    public static func defaultStatus(of kind: String, kinds: ProgrammeKinds = ProgrammeKinds()) -> String {
        kinds.details(of: kind)?.defaultItemStatus ?? "ambition"
    }

    public static var kinds: [String] { ProgrammeKinds().all.map(\.id) }

    /// Guesses the kind from general words for kinds of documents; says which words decided it.
    public static func guessKind(_ text: String, kinds: ProgrammeKinds = ProgrammeKinds()) -> (kind: String, reason: String) {
        let lowered = text.lowercased()
        let signals = kinds.details.map { (kind: $0.kind.id, words: $0.documentWords) }
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
        let (kind, kindReason) = givenKind.map { ($0, "gegeven met --kind / given with --kind") } ?? Self.guessKind(text, kinds: kinds)
        let source = QuoteChecker.normalise(text)
        let blocks = detector.blocks(in: text)
        // A party's programme: its asking sentences are proposals.
        let writesProposals = kinds.details(of: kind)?.authorType == "party"
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
                // The line above a table often states its unit: "Baten en lasten (x € 1.000)".
                let above = index - rows.count > 0 ? blocks[index - rows.count - 1].text : ""
                readTable(rows, context: above, into: &builder)
                continue
            case .heading(let level) where kind == "workshop" && inQuestion && !block.isQuestion && level == 7:
                builder.addChild(block, number: nil, years: [], inSectionItem: true)
            case .heading where DutchNumbers.unit(in: block.text) != nil:
                // "Baten en lasten (x € 1.000)" names a table's unit, read with the table; it is no item.
                break
            case .heading:
                inQuestion = kind == "workshop" && block.isQuestion
                // "Uitgangspunt 3: …" under "Uitgangspunten" is one of the kind's principles.
                builder.startSection(block, standsAlone: inQuestion, group: group(of: block, kind: kind))
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
                if writesProposals { addProposals(of: block, to: &builder) }
                if !writesProposals && kind != "workshop" {
                    if let group = group(of: block, kind: kind), Self.isListOfShortSentences(block.text) {
                        addGroupSentences(of: block, group: group, to: &builder)
                    } else if addListedParts(of: block, to: &builder, topics: true) {
                        builder.markSplit()
                    }
                }
            case .listItem(let number):
                if kind == "workshop" || !addListedParts(of: block, to: &builder, topics: false) {
                    builder.addChild(block, number: number, years: [], isPoint: true, group: group(of: block, kind: kind))
                }
                builder.addAmounts(block, period: period)
            }
            index += 1
        }

        let details = kinds.details(of: kind)
        let isParty = details?.authorType == "party"
        var raws = Self.withoutGroupHeadings(builder.finish())
        if isParty { raws = proposalsUnderSections(raws, title: title) }
        let items = raws.map { raw in decorate(raw, kind: kind) }
        let adoption = ProgrammeFields.adoption(
            in: text, settledByKind: details.flatMap { $0.kindSettlesAdoptionStatus ? $0.usualAdoptionStatus.rawValue : nil }, kind: kind)
        let author: DraftAuthor
        if isParty {
            let party = ProgrammeFields.party(in: text)
            author = DraftAuthor(
                type: "party", name: party?.name,
                reason: party?.reason ?? "geen partijnaam gevonden; vul de partij in / no party name found")
        } else {
            author = DraftAuthor(type: "municipality", name: nil, reason: "de gemeente van de map / the folder's municipality")
        }
        let (state, evidence, budgetReason) = budgetState(builder)
        return DraftProgramme(
            kind: kind, kindReason: kindReason, title: title, period: period, items: items,
            budgetLines: builder.budgetLines, budgetEvidence: evidence ?? Evidence(quote: title, section: title),
            budgetState: state, budgetReason: budgetReason, undatedAmount: builder.undatedAmount?.amount.money,
            author: author, adoptionStatus: adoption.status, adoptionReason: adoption.reason)
    }

    /// What the text states about money, in this order: amounts with years; an amount without years; money
    /// named without an amount; words saying there is no own budget; else nothing (`unknown`).
    private func budgetState(_ builder: ItemCollector) -> (DraftBudgetState, Evidence?, String) {
        var flagged = ""
        if !builder.unreadFigures.isEmpty {
            flagged = "; tabel met cijfers zonder eenheid niet gelezen (regel/line "
                + builder.unreadFigures.map(String.init).joined(separator: ", ") + "): kijk na / figures without a unit not read"
        }
        if !builder.budgetLines.isEmpty {
            return (.amounts, nil, "begroting: bedragen met jaren gevonden / amounts with years found" + flagged)
        }
        if let undated = builder.undatedAmount {
            return (
                .amountYearsNotStated, undated.evidence,
                "begroting: '\(undated.amount.text)' zonder jaren / an amount without years ← '\(undated.evidence.quote)'" + flagged
            )
        }
        if let reserved = builder.moneyWithoutAmount {
            return (.statedAmountNotStated, reserved, "begroting: geld genoemd, geen bedrag / money named, no amount ← '\(reserved.quote)'" + flagged)
        }
        if let none = builder.noOwnBudget {
            return (.none, none, "begroting: geen eigen budget / no own budget ← '\(none.quote)'" + flagged)
        }
        return (.unknown, nil, "begroting: de tekst zegt niets over geld / the text says nothing about money" + flagged)
    }

    /// The first marked heading (`#` or capitals) of more than one word, else a short text standing before
    /// every heading (a PDF's title page: "Nota Samen Verder 2026-2029 / Raadsvoorstel …"), else the first
    /// short line standing alone, else the first line: what the document calls itself, past a web page's
    /// navigation. A numbered heading ("1. Inleiding") names a section, never the document.
    private func documentTitle(_ blocks: [TextBlock]) -> String {
        func isTitle(_ block: TextBlock, marked: Bool) -> Bool {
            guard case .heading(let level) = block.kind, block.text.split(separator: " ").count >= 2,
                block.text.first?.isNumber != true
            else { return false }
            return !marked || level < 7
        }
        let firstHeading = blocks.firstIndex { if case .heading = $0.kind { true } else { false } } ?? blocks.endIndex
        let titlePage = blocks[..<firstHeading].first { block in
            guard case .paragraph = block.kind, let last = block.text.last, !".!?:;,".contains(last) else { return false }
            return (2...12).contains(block.text.split(separator: " ").count) && block.text.first?.isNumber != true
        }
        let heading = blocks.first { isTitle($0, marked: true) } ?? titlePage ?? blocks.first { isTitle($0, marked: false) }
        guard let heading else { return ItemCollector.titleWords(blocks.first?.text ?? "Concept") }
        // A heading is a title as a whole: "Hoofdstuk 3. Samen leven in Lindewaard" is not cut after "3.".
        var title = heading.text.replacingOccurrences(of: "**", with: "").split(separator: " ").prefix(12).joined(separator: " ")
        while let last = title.last, ".,;:".contains(last) { title.removeLast() }
        return title.isEmpty ? ItemCollector.titleWords(heading.text) : title
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
    /// a table of contents (page numbers) is skipped. Bare numbers are amounts only when the table or the
    /// line above it states the unit ("Baten en lasten (x € 1.000)"); without one they are not guessed.
    /// Of a table of baten and lasten only the lasten are the programme's money; baten and the saldo are
    /// neither budget lines nor items. A row of people's names (contact persons) is never an item.
    private func readTable(_ rows: [TextBlock], context: String, into builder: inout ItemCollector) {
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
        let unit = DutchNumbers.unit(in: context + " " + header.text)
        let hasBatenLasten = rows.contains { ($0.text.lowercased().hasPrefix("lasten")) }
        let body = yearColumns.isEmpty ? rows : Array(rows.dropFirst())
        for row in body {
            let rowCells = cells(row)
            let label = rowCells.first { !$0.isEmpty } ?? row.text
            let lowered = label.lowercased()
            if rowCells.filter({ !$0.isEmpty }).allSatisfy({ PersonNames.isNameList($0) }) { continue }
            if hasBatenLasten && !lowered.hasPrefix("lasten") && (lowered.hasPrefix("baten") || lowered.hasPrefix("saldo")) {
                continue
            }
            let amounts = yearColumns.compactMap { column, year -> YearAmount? in
                guard column < rowCells.count else { return nil }
                if let found = DutchNumbers.amounts(in: rowCells[column]).first { return YearAmount(year: year, amount: found.money) }
                guard let unit, let money = DutchNumbers.bareAmount(rowCells[column], unit: unit) else { return nil }
                return YearAmount(year: year, amount: money)
            }
            if !amounts.isEmpty {
                let unitReason = unit.map { "; bedragen × \($0.cents / 100) volgens '\($0.words)' / amounts × \($0.cents / 100) by the table's unit" } ?? ""
                builder.addBudgetLine(
                    label: label, amounts: amounts, quoteCandidates: [rowCells.first ?? "", label], from: row,
                    reason: "bedragen uit tabelrij, jaren uit de kop / amounts from a table row, years from its header (regel/line \(row.line))" + unitReason)
                continue
            }
            // Figures without a unit are not money to guess, and not an item either.
            let figures = yearColumns.filter { column, _ in column < rowCells.count && !rowCells[column].isEmpty }
            if !figures.isEmpty && figures.allSatisfy({ column, _ in rowCells[column].allSatisfy { $0.isNumber || ".,- ".contains($0) } }) {
                builder.flagFigures(row)
                continue
            }
            // A total row repeats others; a row of only notes has nothing to do.
            let marked = figures.map(\.1)
            builder.addChild(row, number: nil, years: marked, titleText: label)
        }
    }

    /// Words that open an asking sentence of a party: what it wants done.
    private static let askingCues = [
        #"\bwil\b"#, #"\bwillen\b"#, #"\bmoet\b"#, #"\bmoeten\b"#, #"\bpleit(en)? voor\b"#, #"\bzorgt ervoor dat\b"#,
        #"\bzorgen ervoor dat\b"#, #"\bzet(ten)? (zich|ons) in voor\b"#, #"\bhoort\b.*\bte\b"#,
    ]

    /// In a party programme each sentence of a paragraph that asks for something ("wil", "moet", "pleit
    /// voor", "zorgt ervoor dat") is a proposal of its own; the paragraph still describes its section.
    private func addProposals(of block: TextBlock, to builder: inout ItemCollector) {
        for sentence in ItemCollector.sentences(block.text) where !PersonNames.namesPersonWithFunction(sentence) {
            let lowered = sentence.lowercased()
            guard Self.askingCues.contains(where: { lowered.range(of: $0, options: .regularExpression) != nil }) else { continue }
            let proposal = TextBlock(kind: .paragraph, text: sentence, line: block.line, sectionPath: block.sectionPath)
            builder.addChild(proposal, number: nil, years: [], region: block, isPoint: true)
        }
    }

    /// A party's points that stand under no heading still are proposals: they go under a section named by the
    /// document's title, so that `sections > proposals` holds them and none is left in the preamble.
    private func proposalsUnderSections(_ raws: [ItemCollector.RawItem], title: String) -> [ItemCollector.RawItem] {
        guard raws.contains(where: { $0.isPoint && $0.parentID == nil }), let first = raws.first else { return raws }
        let section = ItemCollector.RawItem(
            id: "d-0", number: nil, title: title, parentID: nil, isSection: true,
            evidence: [Evidence(quote: title, section: title)], coveredText: QuoteChecker.normalise(title), years: [])
        _ = first
        return [section] + raws.map { raw in
            var raw = raw
            if raw.isPoint && raw.parentID == nil { raw.parentID = section.id }
            return raw
        }
    }

    /// A heading such as "Kernwaarden" whose every item went into the kind's group says nothing of its own:
    /// the group's key stands for it.
    static func withoutGroupHeadings(_ raws: [ItemCollector.RawItem]) -> [ItemCollector.RawItem] {
        // A group holds no children: what stands under a grouped section belongs to the same group.
        let groupOf = Dictionary(raws.compactMap { raw in raw.group.map { (raw.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let raws = raws.map { raw in
            var raw = raw
            if raw.group == nil, let parent = raw.parentID, let group = groupOf[parent] { raw.group = group }
            return raw
        }
        let headings = Set(
            raws.filter { raw in
                raw.isSection && raw.group == nil
                    && raws.contains { $0.parentID == raw.id } && raws.allSatisfy { $0.parentID != raw.id || $0.group != nil }
            }.map(\.id))
        return raws.filter { !headings.contains($0.id) }.map { raw in
            var raw = raw
            if let parent = raw.parentID, headings.contains(parent) { raw.parentID = nil }
            return raw
        }
    }

    /// Headings that name a kind's own group: values and principles, aims and ambitions. The group is the
    /// first of the usual keys for it that the kind's native shape has (`core_values`, `principles`,
    /// `starting_points`; `aims`, `goals`, `vision`); a kind without one keeps such items where they were.
    func group(of block: TextBlock, kind: String) -> String? {
        guard let heading = block.sectionPath.last?.lowercased(), let keys = kinds.details(of: kind)?.groupKeys else { return nil }
        // "Wat willen we bereiken en wat gaan we daarvoor doen" heads actions as much as aims.
        if heading.contains("doen") || heading.contains("acties") { return nil }
        let values = ["kernwaarde", "waarden", "principe", "uitgangspunt"]
        let aims = ["ambitie", "doelen", "doelstelling", "wat willen we bereiken", "wat we willen bereiken"]
        if values.contains(where: heading.contains) { return ["core_values", "principles", "starting_points"].first(where: keys.contains) }
        if aims.contains(where: heading.contains) { return ["aims", "goals", "vision"].first(where: keys.contains) }
        return nil
    }

    /// Parts a block lists inside itself become items of their own: numbered actions inside a line ("(1) …;
    /// (2) …", "1) …, 2) … en 3) …"), a sentence that lists topics ("richt zich op wonen, werk, onderwijs en
    /// sport"), and the sentences under a heading that names a kind's group (values, aims). Returns whether
    /// it split the block; with `replacing`, a split list item is not also added whole.
    @discardableResult
    private func addListedParts(of block: TextBlock, to builder: inout ItemCollector, topics: Bool) -> Bool {
        let parts = Self.numberedParts(block.text) ?? (topics ? Self.listedTopics(block.text) : nil)
        if let parts {
            for (number, part) in parts {
                let child = TextBlock(kind: .paragraph, text: part, line: block.line, sectionPath: block.sectionPath)
                builder.addChild(child, number: number, years: [], region: block, isPoint: true)
            }
            return true
        }
        return false
    }

    /// Two to eight sentences of at most twenty words each: a list of values or aims written as sentences,
    /// not a paragraph of prose that explains them.
    static func isListOfShortSentences(_ text: String) -> Bool {
        let sentences = ItemCollector.sentences(text)
        return (2...8).contains(sentences.count) && sentences.allSatisfy { $0.split(separator: " ").count <= 20 }
    }

    /// Under a heading that names a group ("Kernwaarden", "Ambities") each sentence is one value or aim.
    private func addGroupSentences(of block: TextBlock, group: String, to builder: inout ItemCollector) {
        for sentence in ItemCollector.sentences(block.text) where !PersonNames.namesPersonWithFunction(sentence) {
            let part = TextBlock(kind: .paragraph, text: sentence, line: block.line, sectionPath: block.sectionPath)
            builder.addChild(part, number: nil, years: [], region: block, group: group)
        }
    }

    /// A number of one or two digits closed by `)` (perhaps opened by `(`) at the start or after a space or
    /// separator; compiled once, as every paragraph of a document is tried.
    private static let numberedPartPattern = try! NSRegularExpression(pattern: #"(?:^|(?<=[\s:;,]))\(?(\d{1,2})\)\s+"#)

    /// "(1) a; (2) b; (3) c" or "1) a, 2) b en 3) c": the parts, numbered as the text numbers them; nil
    /// unless the numbers run 1, 2, … with at least two of them.
    static func numberedParts(_ text: String) -> [(String?, String)]? {
        let matches = numberedPartPattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard matches.count >= 2 else { return nil }
        let numbers = matches.compactMap { Range($0.range(at: 1), in: text).flatMap { Int(text[$0]) } }
        let ranges = matches.compactMap { Range($0.range, in: text) }
        guard numbers.count == matches.count, ranges.count == matches.count, numbers == Array(1...numbers.count) else { return nil }
        var parts: [(String?, String)] = []
        for (position, range) in ranges.enumerated() {
            let start = range.upperBound
            let end = position + 1 < ranges.count ? ranges[position + 1].lowerBound : text.endIndex
            var part = String(text[start..<end]).trimmingCharacters(in: .whitespaces)
            for ending in [" en", " of", ";", ",", "."] where part.hasSuffix(ending) {
                part = String(part.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
            }
            while let last = part.last, ";,.".contains(last) { part.removeLast() }
            guard part.split(separator: " ").count >= 2 else { return nil }
            parts.append(("\(numbers[position])", part))
        }
        return parts
    }

    /// "De nota richt zich op wonen, werk, onderwijs en sport.": a sentence whose end lists three or more
    /// topics of one to three words after `op`, `over`, `zoals`, `namelijk` or a colon gives one part each.
    static func listedTopics(_ text: String) -> [(String?, String)]? {
        for sentence in ItemCollector.sentences(text) {
            guard let cue = sentence.range(of: #"(:|\b(richt zich op|richten ons op|gaat over|gaan over|zoals|namelijk|de thema's|de onderwerpen))\s+"#, options: .regularExpression)
            else { continue }
            var tail = String(sentence[cue.upperBound...]).trimmingCharacters(in: .whitespaces)
            while let last = tail.last, ".;!".contains(last) { tail.removeLast() }
            let pieces = tail.replacingOccurrences(of: " en ", with: ", ").replacingOccurrences(of: " of ", with: ", ")
                .components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count >= 3, pieces.allSatisfy({ (1...3).contains($0.split(separator: " ").count) && !$0.contains(where: \.isNumber) })
            else { continue }
            return pieces.map { (nil, $0) }
        }
        return nil
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
        let fallback = Self.defaultStatus(of: kind, kinds: kinds)
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
        let years = raw.years.isEmpty ? DutchNumbers.scheduledYears(in: raw.coveredText) : raw.years
        return DraftItem(
            id: raw.id, number: raw.number, title: raw.title, parentID: raw.parentID, isSection: raw.isSection,
            isPoint: raw.isPoint, group: raw.group,
            evidence: raw.evidence, coveredText: raw.coveredText, status: status, statusReason: reason,
            rankedStatuses: ranked, years: Array(Set(years.filter { (1980...2049).contains($0) })).sorted(),
            suggestions: suggestions, similarExample: suggester.mostSimilarExample(to: text))
    }
}
