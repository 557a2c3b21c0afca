import InclusieModel

/// Money per programme per year: the total, by kind, by block of the budget table and per inhabitant.
///
/// Three facts stay apart all the way to the output: a year with no line at all (left out, never € 0), a
/// line whose amount the document does not state (flagged, never counted as € 0) and a programme that
/// says it has no budget (its reason shown instead of a total).
public struct BudgetOverview: Codable, Sendable {
    /// A population count as the per-inhabitant figures use it, with where it comes from.
    public struct PopulationReference: Codable, Sendable, Hashable {
        public var inhabitantCount: Int
        /// ISO date the count refers to; may lie years away from the budget year, which is why it is shown.
        public var referenceDate: String
        public var publisher: String
        public var sourceURL: String?
    }

    /// The sum of one budget kind in one year.
    public struct KindAmount: Codable, Sendable, Hashable {
        /// A `BudgetKind` raw value, e.g. `own-programme-money`.
        public var kind: String
        public var kindLabel: String
        /// Sum of the stated amounts; nil when every line of this kind names money without an amount.
        public var amountCents: Money?
        /// Some line of this kind names money without an amount; `amountCents` leaves it out.
        public var includesNotStated: Bool
    }

    /// Whether the amounts summed in a year are exact, estimates ("globaal"), or a mix of both.
    public enum Precision: String, Codable, Sendable {
        case exact
        case indicative
        case partlyIndicative = "partly-indicative"

        public var label: LocalizedText {
            switch self {
            case .exact: LocalizedText(nl: "exact", en: "exact")
            case .indicative: LocalizedText(nl: "indicatief", en: "indicative")
            case .partlyIndicative: LocalizedText(nl: "deels indicatief", en: "partly indicative")
            }
        }
    }

    /// What a set of budget lines adds up to in one year.
    public struct YearBudget: Codable, Sendable {
        public var year: Int
        /// Sum of every stated amount, as the documents add them (grants received included); nil when no
        /// line of the year states an amount.
        public var totalCents: Money?
        /// Some line names money for this year without an amount; `totalCents` leaves it out ("+ niet vermeld").
        public var includesNotStated: Bool
        /// The labels of the lines whose amount is not stated.
        public var notStatedLineLabels: [String]
        /// Only kinds that have a line this year; a kind without a line is absent, not € 0.
        public var byKind: [KindAmount]
        /// `totalCents / population.inhabitantCount`, in whole cents rounded half up; nil without a total or
        /// a population figure.
        public var perInhabitantCents: Money?
        /// The figure nearest to 1 January of the year.
        public var population: PopulationReference?
        /// Precision of the stated amounts; nil when none is stated.
        public var precision: Precision?
        public var precisionLabel: String?
        public var lineCount: Int
    }

    /// What the lines with one amount for a whole period add up to, for lines with the same period.
    ///
    /// Never spread over the years: the document does not say how the amount is split.
    public struct PeriodBudget: Codable, Sendable {
        public var from: Int
        public var to: Int
        /// "2020–2022 in totaal" / "2020–2022 in total".
        public var label: String
        /// Sum of the stated amounts for the period; nil when no line states one.
        public var totalCents: Money?
        public var includesNotStated: Bool
        public var notStatedLineLabels: [String]
        public var byKind: [KindAmount]
        /// `totalCents` divided by the population figure nearest to 1 January of `from`: per inhabitant for
        /// the whole period, not per year.
        public var perInhabitantForPeriodCents: Money?
        public var population: PopulationReference?
        public var precision: Precision?
        public var precisionLabel: String?
        public var lineCount: Int
    }

    /// What the lines whose amount has no years at all add up to ("bedrag, jaren niet vermeld").
    ///
    /// Never divided over years, never added to a year's total, and never divided per inhabitant: without a
    /// year there is neither a population figure to divide by nor a year to divide over.
    public struct UndatedBudget: Codable, Sendable {
        /// "bedrag, jaren niet vermeld" / "amount, years not stated".
        public var label: String
        /// Sum of the stated amounts; nil when no line states one.
        public var totalCents: Money?
        public var includesNotStated: Bool
        public var notStatedLineLabels: [String]
        public var byKind: [KindAmount]
        public var precision: Precision?
        public var precisionLabel: String?
        public var lineCount: Int
    }

    /// The lines under one heading of a budget table (e.g. Almere's "Reguliere subsidies").
    public struct BlockBudget: Codable, Sendable {
        /// The block heading as the document writes it; nil for lines outside any block.
        public var block: String?
        public var years: [YearBudget]
        /// The block's amounts for a whole period; empty when every amount has its year.
        public var periods: [PeriodBudget]
        /// The block's amounts without years; nil when it has none.
        public var yearsNotStated: UndatedBudget?
    }

    public struct ProgrammeBudget: Codable, Sendable {
        public var programme: ProgrammeColumn
        /// False when the programme states it has no budget or says nothing about money; `budgetState` says which.
        public var budgetStated: Bool
        /// `amounts`, `none` (the document says there is none; `notStatedReason` says why) or `unknown`
        /// (the document says nothing about money).
        public var budgetState: String
        public var notStatedReason: String?
        public var budgetNote: String?
        /// Only years with at least one line, ascending.
        public var years: [YearBudget]
        /// Amounts for a whole period, by period; empty when every amount has its year.
        public var periods: [PeriodBudget]
        /// Per block of the budget table; empty when the table has no blocks.
        public var blocks: [BlockBudget]
        /// Amounts whose years the document does not state; nil when it has none.
        public var yearsNotStated: UndatedBudget?
    }

    public var programmes: [ProgrammeBudget]
    /// Every year any programme in the comparison has a line for, ascending.
    public var allYears: [Int]

    public init(catalog: Catalog, scope: ComparisonScope) {
        let language = scope.language
        programmes = scope.programmes(in: catalog).map { programme in
            let municipality = catalog.municipality(programme.municipalitySlug)
            let column = ProgrammeColumn(programme, catalog: catalog, language: language)
            switch programme.budget {
            case .none(let reason, _):
                return ProgrammeBudget(
                    programme: column, budgetStated: false, budgetState: programme.budget.state,
                    notStatedReason: reason, budgetNote: nil, years: [], periods: [], blocks: [], yearsNotStated: nil)
            case .unknown:
                return ProgrammeBudget(
                    programme: column, budgetStated: false, budgetState: programme.budget.state,
                    notStatedReason: nil, budgetNote: nil, years: [], periods: [], blocks: [], yearsNotStated: nil)
            case .lines(let lines, let note, _):
                let summarise = { (lines: [BudgetLine]) in
                    Self.years(of: lines, municipality: municipality, language: language)
                }
                let blockNames = lines.reduce(into: [String?]()) { names, line in
                    if !names.contains(line.block) { names.append(line.block) }
                }
                let blocks =
                    blockNames.allSatisfy { $0 == nil }
                    ? []
                    : blockNames.map { name in
                        BlockBudget(
                            block: name, years: summarise(lines.filter { $0.block == name }),
                            periods: Self.periods(
                                of: lines.filter { $0.block == name }, municipality: municipality, language: language),
                            yearsNotStated: Self.yearsNotStated(of: lines.filter { $0.block == name }, language: language))
                    }
                return ProgrammeBudget(
                    programme: column, budgetStated: true, budgetState: programme.budget.state,
                    notStatedReason: nil, budgetNote: note, years: summarise(lines),
                    periods: Self.periods(of: lines, municipality: municipality, language: language), blocks: blocks,
                    yearsNotStated: Self.yearsNotStated(of: lines, language: language))
            }
        }
        allYears = Set(programmes.flatMap { $0.years.map(\.year) }).sorted()
    }

    /// One summary per year that has at least one line.
    static func years(of lines: [BudgetLine], municipality: Municipality?, language: Language) -> [YearBudget] {
        // What a year's summary needs of a line, gathered in one pass: copying whole lines per year and
        // searching each line's amounts once per year was most of building this view.
        struct Entry {
            var kind: BudgetKind
            var precision: BudgetPrecision
            var label: String
            var amount: Money?
        }
        var entriesByYear: [Int: [Entry]] = [:]
        for line in lines {
            for (offset, amount) in line.amounts.enumerated()
            where !line.amounts.prefix(offset).contains(where: { $0.year == amount.year }) {
                entriesByYear[amount.year, default: []].append(
                    Entry(kind: line.kind, precision: line.precision, label: line.label, amount: amount.amount))
            }
        }
        return entriesByYear.keys.sorted().map { year in
            let entries = entriesByYear[year] ?? []
            let stated = entries.compactMap(\.amount)
            let total = stated.isEmpty ? nil : stated.reduce(.zero, +)
            let byKind = BudgetKind.allCases.compactMap { kind -> KindAmount? in
                let ofKind = entries.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { return nil }
                let amounts = ofKind.compactMap(\.amount)
                return KindAmount(
                    kind: kind.rawValue, kindLabel: kind.label.text(language),
                    amountCents: amounts.isEmpty ? nil : amounts.reduce(.zero, +),
                    includesNotStated: amounts.count < ofKind.count)
            }
            let figure = municipality?.population(nearestTo: year)
            let population = figure.map {
                PopulationReference(
                    inhabitantCount: $0.count, referenceDate: $0.referenceDate, publisher: $0.publisher,
                    sourceURL: $0.sourceURL)
            }
            let precision = Self.precision(of: entries.filter { $0.amount != nil }.map(\.precision))
            return YearBudget(
                year: year, totalCents: total, includesNotStated: stated.count < entries.count,
                notStatedLineLabels: entries.filter { $0.amount == nil }.map(\.label), byKind: byKind,
                perInhabitantCents: total.flatMap { total in
                    population.flatMap { perInhabitant(total, inhabitants: $0.inhabitantCount) }
                },
                population: population, precision: precision, precisionLabel: precision?.label.text(language),
                lineCount: entries.count)
        }
    }

    /// One summary per period of the lines that have an amount for a whole period.
    ///
    /// Each line is summed as if its amount fell in the period's first year, which is also the year whose
    /// population the per-inhabitant figure uses; the result is labelled with the period, never a year.
    static func periods(of lines: [BudgetLine], municipality: Municipality?, language: Language) -> [PeriodBudget] {
        let spans = lines.compactMap(\.periodAmount).reduce(into: [(from: Int, to: Int)]()) { spans, amount in
            if !spans.contains(where: { $0 == (amount.from, amount.to) }) { spans.append((amount.from, amount.to)) }
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        return spans.compactMap { span in
            let inSpan = lines.compactMap { line -> BudgetLine? in
                guard let amount = line.periodAmount, amount.from == span.from, amount.to == span.to else { return nil }
                var atStart = line
                atStart.amounts = [YearAmount(year: span.from, amount: amount.amount)]
                return atStart
            }
            guard let summary = years(of: inSpan, municipality: municipality, language: language).first else { return nil }
            return PeriodBudget(
                from: span.from, to: span.to,
                label: PeriodAmount(from: span.from, to: span.to, amount: nil).label(language),
                totalCents: summary.totalCents, includesNotStated: summary.includesNotStated,
                notStatedLineLabels: summary.notStatedLineLabels, byKind: summary.byKind,
                perInhabitantForPeriodCents: summary.perInhabitantCents, population: summary.population,
                precision: summary.precision, precisionLabel: summary.precisionLabel, lineCount: summary.lineCount)
        }
    }

    /// The lines whose amount has no years, summed apart; nil when there are none.
    ///
    /// They are summed as if in one placeholder year, without a municipality, so no population figure is
    /// looked up; the placeholder never leaves this function.
    static func yearsNotStated(of lines: [BudgetLine], language: Language) -> UndatedBudget? {
        let undated = lines.compactMap { line -> BudgetLine? in
            guard let amount = line.undatedAmount else { return nil }
            var placed = line
            placed.amounts = [YearAmount(year: 0, amount: amount.amount)]
            return placed
        }
        guard let summary = years(of: undated, municipality: nil, language: language).first else { return nil }
        return UndatedBudget(
            label: UndatedAmount.label(language), totalCents: summary.totalCents,
            includesNotStated: summary.includesNotStated, notStatedLineLabels: summary.notStatedLineLabels,
            byKind: summary.byKind, precision: summary.precision, precisionLabel: summary.precisionLabel,
            lineCount: summary.lineCount)
    }

    /// An amount divided over the inhabitants, in whole cents rounded half up, with integers only.
    public static func perInhabitant(_ amount: Money, inhabitants: Int) -> Money? {
        guard inhabitants > 0 else { return nil }
        // Quotient and remainder rather than `(2a + n) / 2n`, which overflows for amounts near `Int.max`.
        let divisor = UInt(inhabitants)
        let (quotient, remainder) = amount.cents.magnitude.quotientAndRemainder(dividingBy: divisor)
        let magnitude = Int(quotient) + (remainder >= divisor - remainder ? 1 : 0)
        return Money(cents: amount.cents < 0 ? -magnitude : magnitude)
    }

    private static func precision(of precisions: [BudgetPrecision]) -> Precision? {
        guard !precisions.isEmpty else { return nil }
        if precisions.allSatisfy({ $0 == .exact }) { return .exact }
        if precisions.allSatisfy({ $0 == .indicative }) { return .indicative }
        return .partlyIndicative
    }
}
