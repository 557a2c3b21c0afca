import InclusieModel

/// A programme as the drafter read it from a document: items with quotes and suggested mappings, all unreviewed.
public struct DraftProgramme: Sendable {
    public var kind: String
    /// Why this kind: given with `--kind`, or the words that made the drafter guess it.
    public var kindReason: String
    public var title: String
    public var period: Period?
    public var items: [DraftItem]
    public var budgetLines: [DraftBudgetLine]
    /// Where the document speaks of money without an amount and a year, quoted for a reviewer to judge; the
    /// title when it never does.
    public var budgetEvidence: Evidence
}

/// One drafted item: the document's words, where they stand, and what the drafter suggests for them.
public struct DraftItem: Sendable {
    public var id: String
    public var number: String?
    public var title: String
    /// The id of the item it stands under (a proposal under its section), if any.
    public var parentID: String?
    /// Whether it came from a heading (a section, a question, a line) rather than a list item or paragraph.
    public var isSection: Bool
    public var evidence: [Evidence]
    /// All the text the item covers, as `validate --sources` compares it; what the evaluation matches against.
    public var coveredText: String
    public var status: String
    public var statusReason: String
    /// Statuses in the order the drafter would rank them; the first is `status`.
    public var rankedStatuses: [String]
    public var years: [Int]
    public var suggestions: [TaxonomyFacet: [Suggestion]]
    public var similarExample: String?
}

/// A budget-line candidate: amounts per year read from a table row or a sentence, with that row or sentence.
public struct DraftBudgetLine: Sendable {
    public var id: String
    public var label: String
    public var amounts: [YearAmount]
    public var evidence: Evidence
    public var reason: String
}
