import Foundation
import InclusieModel
import InclusiePlugins
import Yams

/// A reader's reading of one development-set document (`<name>.reading.yaml` beside `<name>.txt`): what a
/// careful person models from it, written before the drafter ran on it. docs/examples/devset/README.md
/// describes the fields.
public struct Reading: Decodable, Sendable {
    public struct Author: Decodable, Sendable {
        public var type: String
        public var name: String
    }

    public struct Item: Decodable, Sendable {
        public var quote: String
        public var theme: String
        public var group: String?
        public var number: String?
        public var years: [Int]?
    }

    public struct Amount: Decodable, Sendable {
        public var label: String
        public var year: Int
        public var amount: Int
    }

    public var shape: String
    public var kind: String
    public var author: Author
    public var adoptionStatus: String
    public var budget: String
    public var amounts: [Amount]?
    public var amountsWithoutYears: [Int]?
    public var items: [Item]
    public var notItems: [String]?

    enum CodingKeys: String, CodingKey {
        case shape, kind, author, budget, amounts, items
        case adoptionStatus = "adoption_status"
        case amountsWithoutYears = "amounts_without_years"
        case notItems = "not_items"
    }
}

/// How a draft of one development-set document compares with its reading.
public struct ReadingResult: Sendable {
    public var document: String
    public var shape: String
    public var handItems: Int
    public var draftedItems: Int
    /// Hand items paired one to one with a drafted item that holds the quote (the smallest free one).
    public var pairedItems: Int
    public var themePairs: [(hand: String, drafted: [String])]
    /// Hand items with a `group`, and how many of them were paired with a drafted item under that key.
    public var groupsRead: Int
    public var groupsRight: Int
    public var budgetRead: String
    public var budgetDrafted: String
    public var handAmounts: Int
    public var foundAmounts: Int
    public var kindRight: Bool
    public var authorRight: Bool
    public var adoptionRight: Bool
    /// Drafted items whose title or quote holds page noise or a person's name the reading lists.
    public var noiseItems: Int

    public var recall: Double { handItems == 0 ? 0 : Double(pairedItems) / Double(handItems) }
    public var precision: Double { draftedItems == 0 ? 0 : Double(pairedItems) / Double(draftedItems) }
    public var budgetRight: Bool { budgetRead == budgetDrafted }
}

/// Drafts every document of a development set as a new user would (kind guessed) and compares each draft
/// with the reading written by hand before.
///
/// Stricter than the evaluation against the bundled plugins: a hand item counts only when it gets a drafted
/// item of its own, so twelve actions left inside three items count as three, not twelve.
public struct DevelopmentSetRun: Sendable {
    private let drafter: Drafter

    /// - Parameter suggester: trained on the bundled plugins; no development-set document is among them.
    public init(suggester: Suggester) {
        drafter = Drafter(suggester: suggester)
    }

    public func run(directory: String) throws(DraftError) -> [ReadingResult] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".reading.yaml") }.sorted()
        var results: [ReadingResult] = []
        for name in names {
            let stem = String(name.dropLast(".reading.yaml".count))
            let readingPath = (directory as NSString).appendingPathComponent(name)
            let documentPath = (directory as NSString).appendingPathComponent(stem + ".txt")
            let reading: Reading
            do {
                reading = try YAMLDecoder().decode(Reading.self, from: String(contentsOfFile: readingPath, encoding: .utf8))
            } catch {
                throw DraftError(
                    file: readingPath, message: LocalizedText(nl: "lezing onleesbaar: \(error)", en: "reading cannot be read: \(error)"),
                    fix: LocalizedText(nl: "zie docs/examples/devset/README.md", en: "see docs/examples/devset/README.md"))
            }
            let text = try DocumentReader.read(path: documentPath)
            results.append(Self.compare(drafter.draft(text: text, kind: nil), with: reading, document: stem))
        }
        if results.isEmpty {
            throw DraftError(
                file: directory, message: LocalizedText(nl: "geen *.reading.yaml gevonden", en: "no *.reading.yaml found"),
                fix: LocalizedText(nl: "geef de map van de ontwikkelset met --devset", en: "give the development set's folder with --devset"))
        }
        return results
    }

    public static func compare(_ draft: DraftProgramme, with reading: Reading, document: String) -> ReadingResult {
        let keys = DraftWriter.nativeKeys(of: draft)
        var free = draft.items
        var paired = 0
        var themePairs: [(hand: String, drafted: [String])] = []
        var groupsRead = 0
        var groupsRight = 0
        for item in reading.items {
            let quote = QuoteChecker.normalise(item.quote)
            let holding = free.indices.filter { free[$0].coveredText.contains(quote) }
            if item.group != nil { groupsRead += 1 }
            guard let best = holding.min(by: { free[$0].coveredText.count < free[$1].coveredText.count }) else { continue }
            let match = free.remove(at: best)
            paired += 1
            themePairs.append((item.theme, (match.suggestions[.theme] ?? []).map(\.id)))
            if let group = item.group, keys[match.id] == group { groupsRight += 1 }
        }
        let noise = (reading.notItems ?? []).map { $0.lowercased() }
        let noiseItems = draft.items.filter { item in
            let texts = ([item.title] + item.evidence.map(\.quote)).map { $0.lowercased() }
            return noise.contains { word in texts.contains { $0.contains(word) } }
        }.count
        let drafted = Set(
            draft.budgetLines.flatMap { line in
                line.amounts.compactMap { amount in amount.amount.map { "\(amount.year):\($0.cents)" } }
            })
        let hand = reading.amounts ?? []
        let authorRight =
            draft.author.type == reading.author.type
            && (reading.author.type != "party" || draft.author.name == reading.author.name)
        return ReadingResult(
            document: document, shape: reading.shape, handItems: reading.items.count, draftedItems: draft.items.count,
            pairedItems: paired, themePairs: themePairs, groupsRead: groupsRead, groupsRight: groupsRight,
            budgetRead: reading.budget, budgetDrafted: draft.budgetState.rawValue, handAmounts: hand.count,
            foundAmounts: hand.filter { drafted.contains("\($0.year):\($0.amount * 100)") }.count,
            kindRight: draft.kind == reading.kind, authorRight: authorRight,
            adoptionRight: draft.adoptionStatus == reading.adoptionStatus, noiseItems: noiseItems)
    }

    /// One row per document, then one per shape and one overall, pooled.
    public static func table(_ results: [ReadingResult], language: Language) -> String {
        let nl = language == .nl
        let header =
            nl
            ? ["document", "vorm", "items hand", "concept", "recall", "precisie", "thema top-1", "thema top-3", "groep", "begroting", "bedragen", "soort", "auteur", "vaststelling", "ruis"]
            : ["document", "shape", "hand items", "drafted", "recall", "precision", "theme top-1", "theme top-3", "group", "budget", "amounts", "kind", "author", "adoption", "noise"]
        func format(_ value: Double) -> String { String(format: "%.2f", value) }
        func count(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : "\(part)/\(whole)" }
        func row(_ label: String, _ shape: String, _ group: [ReadingResult]) -> [String] {
            let hand = group.reduce(0) { $0 + $1.handItems }
            let drafted = group.reduce(0) { $0 + $1.draftedItems }
            let paired = group.reduce(0) { $0 + $1.pairedItems }
            let pairs = group.flatMap(\.themePairs)
            let budget =
                group.count == 1
                ? "\(group[0].budgetRead)\(group[0].budgetRight ? "" : " ≠ " + group[0].budgetDrafted)"
                : count(group.filter(\.budgetRight).count, group.count)
            return [
                label, shape, "\(hand)", "\(drafted)", format(hand == 0 ? 0 : Double(paired) / Double(hand)),
                format(drafted == 0 ? 0 : Double(paired) / Double(drafted)),
                format(EvaluationResult.accuracy(pairs)), format(EvaluationResult.topThree(pairs)),
                count(group.reduce(0) { $0 + $1.groupsRight }, group.reduce(0) { $0 + $1.groupsRead }), budget,
                count(group.reduce(0) { $0 + $1.foundAmounts }, group.reduce(0) { $0 + $1.handAmounts }),
                count(group.filter(\.kindRight).count, group.count), count(group.filter(\.authorRight).count, group.count),
                count(group.filter(\.adoptionRight).count, group.count), "\(group.reduce(0) { $0 + $1.noiseItems })",
            ]
        }
        let shapes = results.map(\.shape).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
        let rows =
            [header] + results.map { row($0.document, $0.shape, [$0]) }
            + shapes.map { shape in row(nl ? "vorm: \(shape)" : "shape: \(shape)", shape, results.filter { $0.shape == shape }) }
            + [row(nl ? "totaal" : "overall", "", results)]
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in
                column <= 1
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
