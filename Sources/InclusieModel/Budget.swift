/// What a programme says about money: budget lines, an explicit statement that it has none and why, or
/// nothing at all.
///
/// "No budget stated", "no budget of its own" and "€ 0" are different facts and stay different all the way
/// to the output.
public enum Budget: Hashable, Codable, Sendable {
    case lines([BudgetLine], note: String?, evidence: [Evidence])
    case none(reason: String, evidence: [Evidence])
    /// The document says nothing about money; there is nothing to quote.
    case unknown

    /// `amounts`, `none` or `unknown`: the three states as exports and the database name them.
    public var state: String {
        switch self {
        case .lines: "amounts"
        case .none: "none"
        case .unknown: "unknown"
        }
    }

    public var lines: [BudgetLine] {
        if case .lines(let lines, _, _) = self { return lines }
        return []
    }

    public var isStated: Bool {
        if case .lines = self { return true }
        return false
    }
}

/// One line of a budget table, with an amount per year.
public struct BudgetLine: Hashable, Codable, Sendable {
    public var localID: String
    /// The line as the document labels it.
    public var label: String
    /// The block of the table the line stands in, as the document heads it (e.g. "Reguliere subsidies").
    public var block: String?
    public var kind: BudgetKind
    public var precision: BudgetPrecision
    public var instrument: String?
    public var theme: String?
    public var partnerID: String?
    public var itemID: String?
    public var amounts: [YearAmount]
    /// One amount for a whole period whose split over the years the document does not give; then
    /// `amounts` is empty, and the amount is never spread over the years.
    public var periodAmount: PeriodAmount?
    /// One amount for which the document states no years at all ("een budget van € 145.000"); then
    /// `amounts` is empty and `periodAmount` nil, and the amount is never spread over years nor added to a
    /// year's total.
    public var undatedAmount: UndatedAmount?
    public var note: String?
    public var evidence: [Evidence]

    public init(
        localID: String, label: String, block: String?, kind: BudgetKind, precision: BudgetPrecision,
        instrument: String?, theme: String?, partnerID: String?, itemID: String?, amounts: [YearAmount],
        note: String?, evidence: [Evidence], periodAmount: PeriodAmount? = nil, undatedAmount: UndatedAmount? = nil
    ) {
        self.localID = localID
        self.label = label
        self.block = block
        self.kind = kind
        self.precision = precision
        self.instrument = instrument
        self.theme = theme
        self.partnerID = partnerID
        self.itemID = itemID
        self.amounts = amounts
        self.periodAmount = periodAmount
        self.undatedAmount = undatedAmount
        self.note = note
        self.evidence = evidence
    }
}

/// The amount of one budget line in one year; `amount == nil` means the document names the money but no sum.
public struct YearAmount: Hashable, Codable, Sendable {
    public var year: Int
    public var amount: Money?

    public init(year: Int, amount: Money?) {
        self.year = year
        self.amount = amount
    }
}

/// One amount for the years `from` to `to` together ("€ 1,7 miljoen for the whole plan"); `amount == nil`
/// means the document names the money but no sum.
public struct PeriodAmount: Hashable, Codable, Sendable {
    public var from: Int
    public var to: Int
    public var amount: Money?

    public init(from: Int, to: Int, amount: Money?) {
        self.from = from
        self.to = to
        self.amount = amount
    }

    /// "2020–2022 in totaal" / "2020–2022 in total".
    public func label(_ language: Language) -> String {
        let span = from == to ? String(from) : "\(from)–\(to)"
        return language == .nl ? "\(span) in totaal" : "\(span) in total"
    }
}

/// One amount for which the document states no years, neither per year nor for a period ("een budget van
/// € 145.000 voor de agenda"); `amount == nil` means the document names money but no sum.
///
/// It has no year, so it is never divided over years, never added to a year's total and never divided per
/// inhabitant per year: every view shows it apart, labelled "bedrag, jaren niet vermeld".
public struct UndatedAmount: Hashable, Codable, Sendable {
    public var amount: Money?

    public init(amount: Money?) {
        self.amount = amount
    }

    /// "bedrag, jaren niet vermeld" / "amount, years not stated".
    public static func label(_ language: Language) -> String {
        language == .nl ? "bedrag, jaren niet vermeld" : "amount, years not stated"
    }
}

/// What kind of money a line is: it decides how budgets add up in comparisons.
public enum BudgetKind: String, Codable, Sendable, CaseIterable {
    case ownProgrammeMoney = "own-programme-money"
    case staff
    case subsidyToPartner = "subsidy-to-partner"
    case grantReceived = "grant-received"
    case structuralBudget = "structural-budget"

    public var label: LocalizedText {
        switch self {
        case .ownProgrammeMoney: LocalizedText(nl: "eigen programmageld", en: "own programme money")
        case .staff: LocalizedText(nl: "personeel", en: "staff")
        case .subsidyToPartner: LocalizedText(nl: "subsidie aan partner", en: "subsidy to a partner")
        case .grantReceived: LocalizedText(nl: "ontvangen bijdrage", en: "grant received")
        case .structuralBudget: LocalizedText(nl: "structureel budget", en: "structural budget")
        }
    }
}

/// Whether an amount is exact or, as Almere says of its split, "globaal".
public enum BudgetPrecision: String, Codable, Sendable, CaseIterable {
    case exact
    case indicative

    public var label: LocalizedText {
        switch self {
        case .exact: LocalizedText(nl: "exact", en: "exact")
        case .indicative: LocalizedText(nl: "indicatief", en: "indicative")
        }
    }
}
