import InclusieModel
import InclusiePlugins

/// How a draft compares with the hand-made plugin of the same document.
public struct EvaluationResult: Sendable {
    public var programme: String
    public var handItems: Int
    public var draftedItems: Int
    public var recalledItems: Int
    public var matchedDraftItems: Int
    /// Pairs of (hand-coded primary theme, drafted theme suggestions in order) for matched items.
    public var themePairs: [(hand: String, drafted: [String])]
    public var statusPairs: [(hand: String, drafted: [String])]
    public var handAmounts: Int
    public var foundAmounts: Int
    /// Whether guessing the kind from the text would have found the hand-made plugin's kind.
    public var kindGuessed: Bool?

    public var recall: Double { ratio(recalledItems, handItems) }
    public var precision: Double { ratio(matchedDraftItems, draftedItems) }
    public var themeAccuracy: Double { Self.accuracy(themePairs) }
    public var themeTop3: Double { Self.topThree(themePairs) }
    public var themeKappa: Double { Self.kappa(themePairs) }
    public var statusAccuracy: Double { Self.accuracy(statusPairs) }
    public var statusTop3: Double { Self.topThree(statusPairs) }
    public var statusKappa: Double { Self.kappa(statusPairs) }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

    static func accuracy(_ pairs: [(hand: String, drafted: [String])]) -> Double {
        pairs.isEmpty ? 0 : Double(pairs.filter { $0.drafted.first == $0.hand }.count) / Double(pairs.count)
    }

    static func topThree(_ pairs: [(hand: String, drafted: [String])]) -> Double {
        pairs.isEmpty ? 0 : Double(pairs.filter { $0.drafted.prefix(3).contains($0.hand) }.count) / Double(pairs.count)
    }

    /// Cohen's κ of the top-1 suggestion against the hand coding: agreement beyond what chance gives.
    static func kappa(_ pairs: [(hand: String, drafted: [String])]) -> Double {
        let n = Double(pairs.count)
        guard n > 0 else { return 0 }
        let drafted = pairs.map { $0.drafted.first ?? "" }
        let observed = Double(zip(pairs, drafted).filter { $0.0.hand == $0.1 }.count) / n
        var handCounts: [String: Double] = [:]
        var draftCounts: [String: Double] = [:]
        for (pair, top) in zip(pairs, drafted) {
            handCounts[pair.hand, default: 0] += 1
            draftCounts[top, default: 0] += 1
        }
        let expected = handCounts.reduce(0.0) { $0 + ($1.value / n) * ((draftCounts[$1.key] ?? 0) / n) }
        return expected >= 1 ? 1 : (observed - expected) / (1 - expected)
    }

    /// All programmes' results pooled into one, for the overall row.
    public static func overall(_ results: [EvaluationResult]) -> EvaluationResult {
        EvaluationResult(
            programme: "overall", handItems: results.reduce(0) { $0 + $1.handItems },
            draftedItems: results.reduce(0) { $0 + $1.draftedItems }, recalledItems: results.reduce(0) { $0 + $1.recalledItems },
            matchedDraftItems: results.reduce(0) { $0 + $1.matchedDraftItems }, themePairs: results.flatMap(\.themePairs),
            statusPairs: results.flatMap(\.statusPairs), handAmounts: results.reduce(0) { $0 + $1.handAmounts },
            foundAmounts: results.reduce(0) { $0 + $1.foundAmounts })
    }
}

/// Compares a draft with the hand-made programme of the same document.
public enum Evaluation {
    /// A hand item is recalled when one of its quotes lies inside a drafted item's text; it is paired with the
    /// smallest such drafted item (the most specific one) for the theme and status comparisons.
    public static func compare(draft: DraftProgramme, with hand: Programme) -> EvaluationResult {
        let drafted = draft.items
        var matchedDrafts = Set<String>()
        var recalled = 0
        var themePairs: [(hand: String, drafted: [String])] = []
        var statusPairs: [(hand: String, drafted: [String])] = []
        let handItems = hand.items.filter { !$0.evidence.isEmpty }
        for item in handItems {
            let quotes = item.evidence.map { QuoteChecker.normalise($0.quote) }.filter { $0.count >= 3 }
            let containing = drafted.filter { candidate in quotes.contains { candidate.coveredText.contains($0) } }
            guard let best = containing.min(by: { $0.coveredText.count < $1.coveredText.count }) else { continue }
            recalled += 1
            containing.forEach { matchedDrafts.insert($0.id) }
            if let primary = item.primaryTheme {
                themePairs.append((primary, (best.suggestions[.theme] ?? []).map(\.id)))
            }
            statusPairs.append((item.status, best.rankedStatuses))
        }
        let handAmounts = hand.budget.lines.flatMap { line in
            line.amounts.compactMap { amount in amount.amount.map { (amount.year, $0.cents) } }
        }
        let draftedAmounts = Set(
            draft.budgetLines.flatMap { line in
                line.amounts.compactMap { amount in amount.amount.map { "\(amount.year):\($0.cents)" } }
            })
        let found = handAmounts.filter { draftedAmounts.contains("\($0.0):\($0.1)") }.count
        return EvaluationResult(
            programme: hand.key, handItems: handItems.count, draftedItems: drafted.count, recalledItems: recalled,
            matchedDraftItems: matchedDrafts.count, themePairs: themePairs, statusPairs: statusPairs,
            handAmounts: handAmounts.count, foundAmounts: found)
    }
}
