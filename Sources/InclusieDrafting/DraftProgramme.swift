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
    /// What the text says about money, as a reviewer would put it; decides the plugin's `budget:`.
    public var budgetState: DraftBudgetState
    /// Why that state: the words it was read from.
    public var budgetReason: String
    /// The amount of an `amount-years-not-stated` budget, as the text states it.
    public var undatedAmount: Money?
    /// Who wrote the document: a party the text names, or the municipality.
    public var author: DraftAuthor
    /// The adoption status the wording suggests (`vastgesteld door de gemeenteraad`, `raadsvoorstel`), with why.
    public var adoptionStatus: String
    public var adoptionReason: String
}

/// What a document says about money: amounts with years, an amount without years, money named without an
/// amount, no budget of its own, or nothing. "Nothing said" is never "no budget".
public enum DraftBudgetState: String, Sendable, CaseIterable {
    case amounts
    case amountYearsNotStated = "amount-years-not-stated"
    case statedAmountNotStated = "stated-amount-not-stated"
    case none
    case unknown
}

/// The author a draft suggests: `type` is `party` or `municipality`; `name` is the party the text names, or
/// nil for the municipality (its name comes from the plugin folder).
public struct DraftAuthor: Hashable, Sendable {
    public var type: String
    public var name: String?
    public var reason: String

    public init(type: String, name: String?, reason: String) {
        self.type = type
        self.name = name
        self.reason = reason
    }
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
    /// A list point or an asking sentence: in a party programme a proposal, under a section.
    public var isPoint: Bool
    /// The kind's own group (`core_values`, `aims` …) when the heading it stands under names one.
    public var group: String?
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
