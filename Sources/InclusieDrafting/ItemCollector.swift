import Foundation
import InclusieModel
import InclusiePlugins

/// Gathers items in document order while the drafter walks the blocks; keeps only quotes the source has.
struct ItemCollector {
    struct RawItem {
        var id: String
        var number: String?
        var title: String
        var parentID: String?
        var isSection: Bool
        var evidence: [Evidence]
        var coveredText: String
        var years: [Int]
        var childCount = 0
        /// A list point or an asking sentence: a proposal in a party programme.
        var isPoint = false
        /// The kind's own group the item belongs in (`core_values`, `aims` …), from the heading it stands under.
        var group: String?
        /// A paragraph before the first section: under the document's title or before any heading.
        var isOpening = false
        /// The first heading, naming the document, though not as the title the draft took.
        var namesDocument = false
        /// Of a section: its paragraphs, those that speak of money, and those split into items of their own.
        var paragraphs = 0
        var moneyParagraphs = 0
        var splitParagraphs = 0
    }

    private let source: String
    /// Where each line of the document (by its 1-based number, less one) starts in `source`, in bytes.
    private let lineStarts: [Int]
    /// The same source indexed by word, for a quote not found where its block stands.
    private let index: QuoteIndex
    private let documentTitle: String
    private var items: [RawItem] = []
    private var currentSection: Int?
    private var sawHeading = false
    /// Whether a section item has been drafted: kept, not searched for, so a long text without headings
    /// stays linear.
    private var draftedSection = false
    private(set) var budgetLines: [DraftBudgetLine] = []
    private(set) var moneySentence: Evidence?
    /// An amount the text states without the years it is for ("een budget van € 145.000"), with its sentence.
    private(set) var undatedAmount: (amount: FoundAmount, evidence: Evidence)?
    /// A sentence saying that money is reserved or available without an amount ("hebben wel al geld gereserveerd").
    private(set) var moneyWithoutAmount: Evidence?
    /// Lines of table rows with figures but no unit: money the drafter did not guess, for the reviewer.
    private(set) var unreadFigures: [Int] = []
    /// A sentence saying there is no budget of its own ("Er is geen apart budget voor deze nota").
    private(set) var noOwnBudget: Evidence?

    /// - Parameters:
    ///   - text: the document's text, whose lines the blocks' line numbers count.
    ///   - source: `text` normalised as `validate --sources` compares quotes.
    init(text: String, source: String, title: String) {
        self.source = source
        self.documentTitle = title
        // Normalising line by line gives the same words as the whole text, one space between lines, so
        // each line's start in `source` is known without a search.
        var starts: [Int] = []
        var offset = 0
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            starts.append(offset)
            let length = QuoteChecker.normalise(line).utf8.count
            if length > 0 { offset += length + 1 }
        }
        lineStarts = starts
        index = QuoteIndex(source: source)
    }

    /// The first words of a text, up to the end of its first clause or twelve words: an item's title in the
    /// document's own words.
    static func titleWords(_ text: String) -> String {
        let cleaned = text.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces)
        let sentence = sentences(cleaned).first ?? cleaned
        let words = sentence.split(separator: " ")
        var title = words.prefix(12).joined(separator: " ")
        while let last = title.last, ".,;:".contains(last) { title.removeLast() }
        return title.isEmpty ? cleaned : title
    }

    /// Sentences of a text, split after `.`, `!` or `?` followed by a space and a capital or digit.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        // Whether `current` without its surrounding white space is only digits and periods ("2.1."), kept as
        // it grows: trimming it at every period made a long text without sentence ends quadratic.
        var onlyNumbering = true
        var hasContent = false
        var spaceAfterContent = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let scalars = character.unicodeScalars
            if scalars.count == 1 && CharacterSet.whitespaces.contains(scalars.first!) {
                spaceAfterContent = hasContent
            } else {
                if spaceAfterContent || !(character.isNumber || character == ".") { onlyNumbering = false }
                hasContent = true
            }
            guard ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " " else { continue }
            let next = characters[index + 2]
            // "2.1. Inleiding": a period after a number is part of a heading's numbering, not a sentence end.
            if (next.isUppercase || next.isNumber) && !onlyNumbering {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                onlyNumbering = true
                hasContent = false
                spaceAfterContent = false
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    private func section(of block: TextBlock) -> String {
        let path = block.sectionPath.map { Self.titleWords($0) }
        return path.isEmpty ? documentTitle : path.joined(separator: " > ")
    }

    /// The first candidate the source contains, as validate compares it; never a quote that is not there.
    ///
    /// A quote comes from the block it is drafted from, so it is looked for where that block stands in the
    /// source; only a quote not found there is looked up in the word index. Searching the whole source for
    /// every quote made drafting quadratic: 33 s for 1 MB of text, most of it in this search.
    private func verified(_ candidates: [String], in block: TextBlock) -> String? {
        for candidate in candidates {
            let quote = candidate.trimmingCharacters(in: .whitespaces)
            guard quote.count >= 3 else { continue }
            let normalised = QuoteChecker.normalise(quote)
            guard !normalised.isEmpty else { continue }
            if occursNear(block, normalised) || index.contains(quote) { return quote }
        }
        return nil
    }

    /// Whether `normalised` occurs in `source` within the stretch where `block` stands (with some room).
    private func occursNear(_ block: TextBlock, _ normalised: String) -> Bool {
        guard block.line >= 1, block.line <= lineStarts.count else { return false }
        var source = source
        var needle = normalised
        return source.withUTF8 { haystack in
            needle.withUTF8 { needle in
                let start = max(0, lineStarts[block.line - 1] - 64)
                let length = max(block.text.utf8.count, needle.count) * 11 / 10 + 128
                let end = min(haystack.count, start + length)
                guard needle.count <= end - start, let base = haystack.baseAddress, let pattern = needle.baseAddress else {
                    return false
                }
                return Self.occurs(UnsafeRawBufferPointer(start: pattern, count: needle.count), in: UnsafeRawBufferPointer(start: base + start, count: end - start))
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte: each place where the first byte fits is compared.
    private static func occurs(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var position = 0
        let last = haystack.count - needle.count
        while position <= last {
            guard let found = memchr(haystack.baseAddress! + position, Int32(first), last - position + 1) else { return false }
            position = haystack.baseAddress!.distance(to: UnsafeRawPointer(found))
            if memcmp(haystack.baseAddress! + position, needle.baseAddress!, needle.count) == 0 { return true }
            position += 1
        }
        return false
    }

    /// Quote candidates for a block: its first sentence (if not too long), then the whole block. A sentence
    /// that names a person with a function is never a quote, nor a block that holds one.
    private func candidates(_ text: String) -> [String] {
        let all = Self.sentences(text)
        let usable = all.filter { !PersonNames.namesPersonWithFunction($0) }
        guard let first = usable.first ?? (all.isEmpty ? text : nil) else { return [] }
        if usable.count < all.count { return first.count <= 400 ? [first] : [] }
        return first.count <= 400 ? [first, text] : [text]
    }

    private mutating func nextID() -> String { "d-\(items.count + 1)" }

    /// A heading starts a section under the headings above it; a workshop's question stands on its own, not
    /// under the short answer lines before it that looked like headings.
    ///
    /// The document's first heading, of two words or more, without a number and with nothing drafted before
    /// it, names the document: when it is the programme's title it is no item (what stands under it is the
    /// opening, see `finish`); otherwise it is kept as a section only if something stands under it. A first
    /// heading of one word ("Inleiding") is a section as any other.
    mutating func startSection(_ block: TextBlock, standsAlone: Bool = false, group: String? = nil) {
        let namesDocument =
            !sawHeading && items.isEmpty && !standsAlone && group == nil && headingNumber(block.text) == nil
            && block.text.first?.isNumber != true && block.text.split(separator: " ").count >= 2
        sawHeading = true
        if namesDocument,
            QuoteChecker.normalise(block.text.replacingOccurrences(of: "**", with: "")).hasPrefix(QuoteChecker.normalise(documentTitle))
        {
            currentSection = nil
            return
        }
        let sectionPath = ((standsAlone ? [] : block.sectionPath) + [block.text]).map { Self.titleWords($0) }.joined(separator: " > ")
        guard let quote = verified([block.text], in: block) else {
            currentSection = nil
            return
        }
        items.append(
            RawItem(
                id: nextID(), number: headingNumber(block.text), title: Self.titleWords(withoutNumber(block.text)), parentID: nil,
                isSection: true, evidence: [Evidence(quote: quote, section: sectionPath)],
                coveredText: QuoteChecker.normalise(block.text), years: [], group: group, namesDocument: namesDocument))
        currentSection = items.count - 1
        draftedSection = true
    }

    /// Text under a heading belongs to that section; text before any section is an item of its own (kept
    /// by `finish` only where it states an intention, see there).
    mutating func addParagraph(_ block: TextBlock) {
        guard let index = currentSection else {
            guard let quote = verified(candidates(block.text), in: block) else { return }
            items.append(
                RawItem(
                    id: nextID(), number: nil, title: Self.titleWords(quote), parentID: nil, isSection: false,
                    evidence: [Evidence(quote: quote, section: section(of: block))],
                    coveredText: QuoteChecker.normalise(block.text), years: [],
                    isOpening: !draftedSection))
            return
        }
        items[index].paragraphs += 1
        let lowered = block.text.lowercased()
        if MoneyWords.money.contains(where: { lowered.contains($0) }) { items[index].moneyParagraphs += 1 }
        items[index].coveredText += " " + QuoteChecker.normalise(block.text)
        if items[index].evidence.count < 3, let quote = verified(candidates(block.text), in: block) {
            items[index].evidence.append(Evidence(quote: quote, section: items[index].evidence[0].section))
        }
    }

    /// A list item, table row or answer under the current section. An answer's section is its question (a
    /// paragraph, so never on the heading path), not the short answer lines before it that looked like headings.
    /// `region` is the block the child was cut from (a paragraph for its action sentences), where its quote stands.
    mutating func addChild(
        _ block: TextBlock, number: String?, years: [Int], titleText: String? = nil, inSectionItem: Bool = false,
        region: TextBlock? = nil, isPoint: Bool = false, group: String? = nil
    ) {
        let quoteCandidates = titleText.map { [$0] + candidates(block.text) } ?? candidates(block.text)
        guard let quote = verified(quoteCandidates, in: region ?? block) else { return }
        let parent = currentSection.map { items[$0].id }
        if let currentSection { items[currentSection].childCount += 1 }
        let sectionName = inSectionItem ? currentSection.map { items[$0].evidence[0].section } ?? section(of: block) : section(of: block)
        items.append(
            RawItem(
                id: nextID(), number: number, title: Self.titleWords(titleText ?? quote), parentID: parent,
                isSection: false, evidence: [Evidence(quote: quote, section: sectionName)],
                coveredText: QuoteChecker.normalise(block.text), years: years, isPoint: isPoint, group: group))
    }

    /// The last paragraph of the current section was split into items of its own (numbered parts, topics).
    mutating func markSplit() {
        if let currentSection { items[currentSection].splitParagraphs += 1 }
    }

    mutating func addBudgetLine(
        label: String, amounts: [YearAmount], quoteCandidates: [String], from block: TextBlock, reason: String
    ) {
        guard let quote = verified(quoteCandidates, in: block) else { return }
        let sectionPath = block.sectionPath
        let section = sectionPath.isEmpty ? documentTitle : sectionPath.map { Self.titleWords($0) }.joined(separator: " > ")
        budgetLines.append(
            DraftBudgetLine(
                id: "b-\(budgetLines.count + 1)", label: Self.titleWords(label), amounts: amounts,
                evidence: Evidence(quote: quote, section: section), reason: reason))
    }

    /// Amounts in a sentence with the years written after them (`€ 50.000,- voor 2023`, `per jaar vanaf 2024`)
    /// become a budget-line candidate; an amount without a year is left to the reviewer.
    mutating func addAmounts(_ block: TextBlock, period: Period?) {
        for sentence in Self.sentences(block.text) {
            if moneySentence == nil, sentence.count <= 400,
                ["begroting", "budget", "financ", "middelen", "geld"].contains(where: { sentence.lowercased().contains($0) }),
                let quote = verified([sentence], in: block)
            {
                moneySentence = Evidence(quote: quote, section: section(of: block))
            }
            let found = DutchNumbers.amounts(in: sentence)
            readMoneyWords(sentence, amounts: found, in: block)
            guard !found.isEmpty else { continue }
            let years = DutchNumbers.yearMatches(in: sentence)
            var amounts: [YearAmount] = []
            for (position, amount) in found.enumerated() {
                let limit = position + 1 < found.count ? found[position + 1].end : sentence.endIndex
                var covered: [Int]
                if let match = years.first(where: { $0.start >= amount.end && $0.start < limit }) {
                    covered = match.years
                    let between = sentence[amount.end..<match.start].lowercased()
                    if between.contains("vanaf"), let last = period?.to, let first = covered.first, first <= last {
                        covered = Array(first...last)
                    }
                } else if sentence[amount.end..<limit].lowercased().contains("per jaar"), let period {
                    // "€ 20.000,- per jaar" without years: every year of the period the document states.
                    covered = Array(period.years)
                } else if let before = years.last(where: { $0.start < amount.start && $0.years.count == 1 }),
                    sentence[before.start..<amount.start].split(separator: " ").count <= 2
                {
                    // "in 2026 1,7 miljoen": a single year right before the amount.
                    covered = before.years
                } else {
                    continue
                }
                for year in covered where !amounts.contains(where: { $0.year == year }) {
                    amounts.append(YearAmount(year: year, amount: amount.money))
                }
            }
            guard !amounts.isEmpty else { continue }
            addBudgetLine(
                label: sentence, amounts: amounts.sorted { $0.year < $1.year }, quoteCandidates: [sentence, block.text],
                from: block,
                reason: "bedragen en jaren uit één zin / amounts and years from one sentence (regel/line \(block.line))")
        }
    }

    mutating func flagFigures(_ row: TextBlock) {
        unreadFigures.append(row.line)
    }

    /// Remembers the first sentence that says there is no own budget, that money is reserved without an
    /// amount, or that gives an amount without years: what the text states about money when no amount
    /// with years is found.
    private mutating func readMoneyWords(_ sentence: String, amounts: [FoundAmount], in block: TextBlock) {
        let lowered = sentence.lowercased()
        let speaksOfMoney = MoneyWords.money.contains { lowered.contains($0) }
        guard speaksOfMoney, sentence.count <= 400 else { return }
        if noOwnBudget == nil, MoneyWords.saysNoOwnBudget(lowered), let quote = verified([sentence], in: block) {
            noOwnBudget = Evidence(quote: quote, section: section(of: block))
        } else if undatedAmount == nil, let amount = amounts.first, DutchNumbers.yearMatches(in: sentence).isEmpty,
            let quote = verified([sentence], in: block)
        {
            undatedAmount = (amount, Evidence(quote: quote, section: section(of: block)))
        } else if moneyWithoutAmount == nil, amounts.isEmpty, MoneyWords.saysReserved(lowered), !MoneyWords.saysNoOwnBudget(lowered),
            let quote = verified([sentence], in: block)
        {
            moneyWithoutAmount = Evidence(quote: quote, section: section(of: block))
        }
    }

    /// "2.1 Representatie" without "2.1": the number has its own field.
    private func withoutNumber(_ text: String) -> String {
        guard headingNumber(text) != nil else { return text }
        let rest = text.drop { $0.isNumber || $0 == "." }.trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? text : rest
    }

    private func headingNumber(_ text: String) -> String? {
        let number = text.prefix { $0.isNumber || $0 == "." }
        let trimmed = number.hasSuffix(".") ? String(number.dropLast()) : String(number)
        // "2.1 Titel" has a number; "2020 in beeld" starts with a year.
        guard !trimmed.isEmpty, text.dropFirst(number.count).first == " ",
            trimmed.split(separator: ".").allSatisfy({ $0.count <= 2 })
        else { return nil }
        return trimmed
    }

    /// The items in document order, without what is no item of the programme:
    /// - headings that hold nothing and say little (navigation, captions), or that hold nothing and name the
    ///   document above its first section;
    /// - in a document with sections, the opening text before them that states no intention (a subtitle, the
    ///   municipality's name, "In 2016 is het VN-verdrag …"): context, while "Brakkenstein wil …" stays;
    /// - a heading over money only ("Budget", "Financiën" above "een budget van € 145.000"): what it says is
    ///   in the draft's `budget:`;
    /// - a heading whose every paragraph was split into items ("Acties" above "(1) …; (2) …"): its items
    ///   stand for it, as a group's key stands for a heading of values.
    func finish() -> [RawItem] {
        let hasSections = items.contains(where: \.isSection)
        let kept = items.filter { item in
            if item.isOpening { return !hasSections || Self.statesIntention(item.coveredText) }
            guard item.isSection else { return true }
            if item.childCount == 0, item.paragraphs > 0, item.moneyParagraphs == item.paragraphs, Self.isMoneyHeading(item.title) {
                return false
            }
            if item.childCount > 0, item.paragraphs > 0, item.splitParagraphs == item.paragraphs { return false }
            if item.namesDocument, item.childCount == 0, item.paragraphs == 0 { return false }
            return item.childCount > 0 || item.evidence.count > 1 || item.title.split(separator: " ").count >= 3
        }
        let keptIDs = Set(kept.map(\.id))
        return kept.map { item in
            var item = item
            if let parent = item.parentID, !keptIDs.contains(parent) { item.parentID = nil }
            return item
        }
    }
}

extension ItemCollector {
    /// Says what will be done, wanted or looked into ("wil", "we gaan", "we onderzoeken"), not what was.
    static func statesIntention(_ text: String) -> Bool {
        StatusCues.cues(in: text).contains { ["commitment", "ambition", "exploration"].contains($0.status) && $0.words != "?" }
    }

    /// "Budget", "Financiën", "Geld", "Wat mag het kosten?", "Middelen".
    static func isMoneyHeading(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return ["budget", "begroting", "financ", "geld", "kosten", "middelen", "dekking"].contains { lowered.contains($0) }
    }
}

/// The word index of a source, built the first time a quote is not found where its block stands.
private final class QuoteIndex {
    private let source: String
    private lazy var index = SourceIndex(text: source)

    init(source: String) {
        self.source = source
    }

    func contains(_ quote: String) -> Bool { index.contains(quote) }
}
