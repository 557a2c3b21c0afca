import InclusieComparison
import InclusieModel

extension BudgetOverview: TabularView {
    /// Per programme and year (by kind, per inhabitant), per block of the budget table, and totals by year.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        let notStated = phrase("niet vermeld", "not stated", language)
        let kinds = BudgetKind.allCases

        func amount(_ money: Money?, lineCount: Int) -> TableCell {
            if let money { return .money(money) }
            return lineCount > 0 ? .text(notStated) : .empty
        }
        func notStatedCell(_ year: YearBudget) -> TableCell {
            guard year.includesNotStated else { return .empty }
            return .text("+ \(notStated): " + year.notStatedLineLabels.joined(separator: "; "))
        }
        func populationCells(_ population: PopulationReference?) -> [TableCell] {
            guard let population else { return [.empty, .empty, .empty] }
            return [.integer(population.inhabitantCount), .text(population.referenceDate), .text(population.publisher)]
        }
        func populationCells(_ year: YearBudget) -> [TableCell] { populationCells(year.population) }
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
        func notStatedCell(_ undated: UndatedBudget) -> TableCell {
            guard undated.includesNotStated else { return .empty }
            return .text("+ \(notStated): " + undated.notStatedLineLabels.joined(separator: "; "))
        }
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
                let byKind = kinds.map { kind -> TableCell in
                    guard let entry = year.byKind.first(where: { $0.kind == kind.rawValue }) else { return .empty }
                    return amount(entry.amountCents, lineCount: 1)
                }
                yearRows.append(
                    [heading, .integer(year.year), amount(year.totalCents, lineCount: year.lineCount), notStatedCell(year)]
                        + byKind + [year.perInhabitantCents.map(TableCell.money) ?? .empty] + populationCells(year)
                        + [year.precisionLabel.map(TableCell.text) ?? .empty, .empty])
            }
            for period in budget.periods {
                let byKind = kinds.map { kind -> TableCell in
                    guard let entry = period.byKind.first(where: { $0.kind == kind.rawValue }) else { return .empty }
                    return amount(entry.amountCents, lineCount: 1)
                }
                let notStatedLines =
                    period.includesNotStated
                    ? TableCell.text("+ \(notStated): " + period.notStatedLineLabels.joined(separator: "; ")) : .empty
                yearRows.append(
                    [heading, .text(period.label), amount(period.totalCents, lineCount: period.lineCount), notStatedLines]
                        + byKind + [period.perInhabitantForPeriodCents.map(TableCell.money) ?? .empty]
                        + populationCells(period.population)
                        + [period.precisionLabel.map(TableCell.text) ?? .empty, .text(wholePeriod)])
            }
            if let undated = budget.yearsNotStated {
                let byKind = kinds.map { kind -> TableCell in
                    guard let entry = undated.byKind.first(where: { $0.kind == kind.rawValue }) else { return .empty }
                    return amount(entry.amountCents, lineCount: 1)
                }
                yearRows.append(
                    [heading, .text(undated.label), amount(undated.totalCents, lineCount: undated.lineCount), notStatedCell(undated)]
                        + byKind + [.empty] + populationCells(nil)
                        + [undated.precisionLabel.map(TableCell.text) ?? .empty, .text(yearsNotStated)])
            }
        }
        let programmeNotes = programmes.compactMap { budget in
            budget.budgetNote.map { "\(budget.programme.shortName): \($0)" }
        }
        let perYear = ResultTable(
            title: phrase("Begroting per programma per jaar", "Budget by programme and year", language),
            columns: [
                phrase("Programma", "Programme", language),
                phrase("Jaar", "Year", language),
                phrase("Totaal", "Total", language),
                phrase("Niet vermeld, buiten totaal", "Not stated, not in total", language),
            ] + kinds.map { $0.label.text(language) } + [
                phrase("Per inwoner", "Per inhabitant", language),
                phrase("Inwoners", "Inhabitants", language),
                phrase("Peildatum inwonertal", "Population reference date", language),
                phrase("Bron inwonertal", "Population source", language),
                phrase("Precisie", "Precision", language),
                phrase("Toelichting", "Explanation", language),
            ], rows: yearRows,
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
                for year in block.years {
                    blockRows.append(
                        [
                            .text(budget.programme.heading(language)), .text(name), .integer(year.year),
                            amount(year.totalCents, lineCount: year.lineCount), notStatedCell(year),
                            year.perInhabitantCents.map(TableCell.money) ?? .empty,
                        ] + populationCells(year) + [year.precisionLabel.map(TableCell.text) ?? .empty])
                }
                for period in block.periods {
                    blockRows.append(
                        [
                            .text(budget.programme.heading(language)), .text(name), .text(period.label),
                            amount(period.totalCents, lineCount: period.lineCount),
                            period.includesNotStated
                                ? .text("+ \(notStated): " + period.notStatedLineLabels.joined(separator: "; ")) : .empty,
                            period.perInhabitantForPeriodCents.map(TableCell.money) ?? .empty,
                        ] + populationCells(period.population) + [period.precisionLabel.map(TableCell.text) ?? .empty])
                }
                if let undated = block.yearsNotStated {
                    blockRows.append(
                        [
                            .text(budget.programme.heading(language)), .text(name), .text(undated.label),
                            amount(undated.totalCents, lineCount: undated.lineCount), notStatedCell(undated), .empty,
                        ] + populationCells(nil) + [undated.precisionLabel.map(TableCell.text) ?? .empty])
                }
            }
        }
        let perBlock = ResultTable(
            title: phrase("Begroting per blok van de begrotingstabel", "Budget by block of the budget table", language),
            columns: [
                phrase("Programma", "Programme", language),
                phrase("Blok (kop in het document)", "Block (the document's heading)", language),
                phrase("Jaar", "Year", language),
                phrase("Totaal", "Total", language),
                phrase("Niet vermeld, buiten totaal", "Not stated, not in total", language),
                phrase("Per inwoner", "Per inhabitant", language),
                phrase("Inwoners", "Inhabitants", language),
                phrase("Peildatum inwonertal", "Population reference date", language),
                phrase("Bron inwonertal", "Population source", language),
                phrase("Precisie", "Precision", language),
            ], rows: blockRows,
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
