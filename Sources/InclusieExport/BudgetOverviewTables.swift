import InclusieComparison
import InclusieModel

extension BudgetOverview: TabularView {
    public static var jsonParts: [JSONPart<Self>] { [JSONPart("programmes", \.programmes)] }

    /// Per programme and year (by kind, per inhabitant), per block of the budget table, and totals by year.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        let notStated = phrase("niet vermeld", "not stated", language)
        let kinds = BudgetKind.allCases

        func amount(_ money: Money?, lineCount: Int) -> TableCell {
            if let money { return .money(money) }
            return lineCount > 0 ? .text(notStated) : .empty
        }
        /// The total and the lines it leaves out, the amount by kind, the amount per inhabitant with the population
        /// figure it is divided by, and the precision: the same cells whether the sum is for a year, a whole
        /// period or no stated years.
        func sumCells(_ sum: some BudgetSum, byKind: Bool) -> [TableCell] {
            let notStatedLines: TableCell =
                sum.includesNotStated ? .text("+ \(notStated): " + sum.notStatedLineLabels.joined(separator: "; ")) : .empty
            let kindCells = kinds.map { kind -> TableCell in
                sum.byKind.first { $0.kind == kind.rawValue }.map { amount($0.amountCents, lineCount: 1) } ?? .empty
            }
            let population = sum.perInhabitant.population.map {
                [TableCell.integer($0.inhabitantCount), .text($0.referenceDate), .text($0.publisher)]
            }
            return [amount(sum.totalCents, lineCount: sum.lineCount), notStatedLines] + (byKind ? kindCells : [])
                + [sum.perInhabitant.cents.map(TableCell.money) ?? .empty] + (population ?? [.empty, .empty, .empty])
                + [sum.precisionLabel.map(TableCell.text) ?? .empty]
        }
        /// Headings of the amount per inhabitant, the population figure it is divided by, and the precision.
        let perInhabitantColumns = headings([
            "Per inwoner": "Per inhabitant", "Inwoners": "Inhabitants", "Peildatum inwonertal": "Population reference date",
            "Bron inwonertal": "Population source", "Precisie": "Precision",
        ], language)
        let unknown = phrase("onbekend", "unknown", language)
        let noBudget = phrase("geen eigen begroting", "no budget of its own", language)
        let saysNothing = phrase("het document zegt niets over geld", "the document says nothing about money", language)
        let wholePeriod = phrase(
            "één bedrag voor de hele periode, niet over de jaren verdeeld; per inwoner voor de hele periode",
            "one amount for the whole period, not spread over the years; per inhabitant for the whole period", language)

        let yearsNotStated = phrase(
            "het document noemt geen jaren bij dit bedrag; het is niet over jaren verdeeld, telt in geen jaartotaal mee en heeft geen bedrag per inwoner",
            "the document states no years with this amount; it is not spread over years, counts in no year's total and has no amount per inhabitant",
            language)
        let hasUndated = programmes.contains { $0.yearsNotStated != nil }

        let undatedNote = phrase(
            "'\(UndatedAmount.label(.nl))': het document noemt bij het bedrag geen jaren en geen periode; het wordt nooit over jaren verdeeld, niet bij een jaar opgeteld en niet per inwoner gedeeld.",
            "'\(UndatedAmount.label(.en))': the document states neither years nor a period with the amount; it is never spread over years, never added to a year and never divided per inhabitant.",
            language)

        var yearRows: [[TableCell]] = []
        for budget in programmes {
            let heading = TableCell.text(budget.programme.heading(language))
            guard budget.budgetStated else {
                let isUnknown = budget.budgetState == "unknown"
                let reason =
                    isUnknown ? "\(unknown): \(saysNothing)" : "\(noBudget): " + (budget.notStatedReason ?? "")
                yearRows.append(
                    [heading, .empty, .text(isUnknown ? unknown : noBudget), .empty] + kinds.map { _ in .empty }
                        + [.empty, .empty, .empty, .empty, .empty, .text(reason)])
                continue
            }
            for year in budget.years {
                yearRows.append([heading, .integer(year.year)] + sumCells(year, byKind: true) + [.empty])
            }
            for period in budget.periods {
                yearRows.append([heading, .text(period.label)] + sumCells(period, byKind: true) + [.text(wholePeriod)])
            }
            if let undated = budget.yearsNotStated {
                yearRows.append([heading, .text(undated.label)] + sumCells(undated, byKind: true) + [.text(yearsNotStated)])
            }
        }
        let programmeNotes = programmes.compactMap { budget in
            budget.budgetNote.map { "\(budget.programme.shortName): \($0)" }
        }
        let perYear = ResultTable(
            title: phrase("Begroting per programma per jaar", "Budget by programme and year", language),
            columns: headings([
                "Programma": "Programme", "Jaar": "Year", "Totaal": "Total",
                "Niet vermeld, buiten totaal": "Not stated, not in total",
            ], language) + kinds.map { $0.label.text(language) } + perInhabitantColumns
                + [phrase("Toelichting", "Explanation", language)], rows: yearRows,
            notes: [
                phrase(
                    "Totaal: alle regels opgeteld zoals het document ze optelt, ontvangen bijdragen inbegrepen. Per inwoner: totaal gedeeld door het inwonertal met de peildatum die het dichtst bij 1 januari van dat jaar ligt, afgerond op hele centen.",
                    "Total: every line added up as the document adds them, grants received included. Per inhabitant: the total divided by the population figure whose reference date is nearest to 1 January of that year, rounded to whole cents.",
                    language),
                phrase(
                    "Leeg: geen regel voor dat jaar of die soort (geen € 0). 'niet vermeld': het document noemt het geld zonder bedrag; het telt niet mee in het totaal. Indicatief: het document noemt de verdeling globaal.",
                    "Empty: no line for that year or kind (not € 0). 'not stated': the document names the money without an amount; it is left out of the total. Indicative: the document calls the split approximate.",
                    language),
                phrase(
                    "'2020–2022 in totaal': één bedrag voor de hele periode; het wordt nooit over de jaren verdeeld en per inwoner geldt het voor de hele periode. 'onbekend': het document zegt niets over geld (iets anders dan 'geen eigen begroting').",
                    "'2020–2022 in total': one amount for the whole period; it is never spread over the years and per inhabitant it is for the whole period. 'unknown': the document says nothing about money (not the same as 'no budget of its own').",
                    language),
            ] + (hasUndated ? [undatedNote] : []) + programmeNotes)

        var blockRows: [[TableCell]] = []
        for budget in programmes {
            for block in budget.blocks {
                let name = block.block ?? phrase("(zonder blok)", "(no block)", language)
                let lead: [TableCell] = [.text(budget.programme.heading(language)), .text(name)]
                for year in block.years {
                    blockRows.append(lead + [.integer(year.year)] + sumCells(year, byKind: false))
                }
                for period in block.periods {
                    blockRows.append(lead + [.text(period.label)] + sumCells(period, byKind: false))
                }
                if let undated = block.yearsNotStated {
                    blockRows.append(lead + [.text(undated.label)] + sumCells(undated, byKind: false))
                }
            }
        }
        let perBlock = ResultTable(
            title: phrase("Begroting per blok van de begrotingstabel", "Budget by block of the budget table", language),
            columns: headings([
                "Programma": "Programme", "Blok (kop in het document)": "Block (the document's heading)",
                "Jaar": "Year", "Totaal": "Total", "Niet vermeld, buiten totaal": "Not stated, not in total",
            ], language) + perInhabitantColumns, rows: blockRows,
            notes: [
                phrase(
                    "Alleen programma's waarvan de begrotingstabel blokken heeft.",
                    "Only programmes whose budget table has blocks.", language)
            ])

        let hasPeriods = programmes.contains { !$0.periods.isEmpty }
        let overviewRows = programmes.map { budget -> [TableCell] in
            let cells = allYears.map { year -> TableCell in
                guard let entry = budget.years.first(where: { $0.year == year }) else { return .empty }
                guard entry.includesNotStated else { return amount(entry.totalCents, lineCount: entry.lineCount) }
                let stated = entry.totalCents.map { $0.formatted(language) + " " } ?? ""
                return .text(stated + "+ \(notStated)")
            }
            let explanation: TableCell =
                budget.budgetStated
                ? .empty
                : budget.budgetState == "unknown"
                    ? .text("\(unknown): \(saysNothing)") : .text("\(noBudget): " + (budget.notStatedReason ?? ""))
            let periodCell: [TableCell] =
                hasPeriods
                ? [
                    budget.periods.isEmpty
                        ? .empty
                        : .text(
                            budget.periods.map { period in
                                let stated = period.totalCents?.formatted(language) ?? notStated
                                return "\(period.label): \(stated)" + (period.includesNotStated && period.totalCents != nil ? " + \(notStated)" : "")
                            }.joined(separator: "; "))
                ] : []
            let undatedCell: [TableCell] =
                hasUndated
                ? [
                    budget.yearsNotStated.map { undated in
                        let stated = undated.totalCents?.formatted(language) ?? notStated
                        return .text(stated + (undated.includesNotStated && undated.totalCents != nil ? " + \(notStated)" : ""))
                    } ?? .empty
                ] : []
            return [.text(budget.programme.heading(language))] + cells + periodCell + undatedCell + [explanation]
        }
        let overview = ResultTable(
            title: phrase("Totaal per jaar", "Total by year", language),
            columns: [phrase("Programma", "Programme", language)] + allYears.map(String.init)
                + (hasPeriods ? [phrase("Voor een hele periode", "For a whole period", language)] : [])
                + (hasUndated ? [phrase("Bedrag, jaren niet vermeld", "Amount, years not stated", language)] : [])
                + [phrase("Toelichting", "Explanation", language)],
            rows: overviewRows,
            notes: [
                phrase(
                    "Leeg: geen begrotingsregel voor dat jaar (geen € 0). '+ niet vermeld': er hoort nog een bedrag bij dat het document niet noemt.",
                    "Empty: no budget line for that year (not € 0). '+ not stated': there is also an amount the document does not give.",
                    language)
            ] + (hasUndated ? [undatedNote] : []))
        return [perYear, perBlock, overview]
    }
}

/// A sum of budget lines as the budget tables show it: for one year, for a whole period, or without years.
protocol BudgetSum {
    var totalCents: Money? { get }
    var lineCount: Int { get }
    var includesNotStated: Bool { get }
    var notStatedLineLabels: [String] { get }
    var byKind: [BudgetOverview.KindAmount] { get }
    var precisionLabel: String? { get }
    /// The amount per inhabitant and the population figure it is divided by; nil where there is none.
    var perInhabitant: (cents: Money?, population: BudgetOverview.PopulationReference?) { get }
}

extension BudgetOverview.YearBudget: BudgetSum {
    var perInhabitant: (cents: Money?, population: BudgetOverview.PopulationReference?) { (perInhabitantCents, population) }
}

extension BudgetOverview.PeriodBudget: BudgetSum {
    var perInhabitant: (cents: Money?, population: BudgetOverview.PopulationReference?) { (perInhabitantForPeriodCents, population) }
}

extension BudgetOverview.UndatedBudget: BudgetSum {
    /// Without a year there is no population figure to divide by.
    var perInhabitant: (cents: Money?, population: BudgetOverview.PopulationReference?) { (nil, nil) }
}
