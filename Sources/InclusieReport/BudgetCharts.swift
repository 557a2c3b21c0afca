import InclusieCharts
import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// Budgets per year and per inhabitant as bar charts, with "not stated" and "no budget" kept visible
    /// rather than drawn as zero, and the budget lines behind each figure footnoted.
    mutating func budgets() -> BodyNode {
        let overview = BudgetOverview(catalog: catalog, scope: scope)
        let notStated = text("niet vermeld", "not stated")
        var totalGroups: [BarChart.Group] = []
        var perInhabitantGroups: [BarChart.Group] = []
        var explanations: [Node<HTML.ListContext>] = []

        for budget in overview.programmes {
            guard let programme = programmes.first(where: { $0.key == budget.programme.key }) else { continue }
            let name = "\(budget.programme.shortName) — \(programme.kind.label.text(language))"
            let colour = colour(programme)
            guard budget.budgetStated else {
                let message =
                    budget.budgetState == "none"
                    ? text("geen eigen begroting (zie hieronder)", "no budget of its own (see below)")
                    : text("onbekend: het document zegt niets over geld", "unknown: the document says nothing about money")
                totalGroups.append(BarChart.Group(title: name, colour: colour, bars: [], message: message))
                perInhabitantGroups.append(BarChart.Group(title: name, colour: colour, bars: [], message: message))
                if case .none(let reason, let evidence) = programme.budget {
                    explanations.append(
                        .li(
                            .strong(.plain(budget.programme.shortName + ": ")), .plain(reason),
                            cite(evidence, of: programme)))
                } else {
                    explanations.append(.li(.strong(.plain(budget.programme.shortName + ": ")), .plain(message)))
                }
                continue
            }
            func suffix(_ year: BudgetOverview.YearBudget) -> String {
                var suffix = ""
                if year.totalCents != nil, year.includesNotStated { suffix += " + \(notStated)" }
                if let precision = year.precision, precision != .exact { suffix += " (\(precision.label.text(language)))" }
                return suffix
            }
            func suffix(_ period: BudgetOverview.PeriodBudget) -> String {
                var suffix = ""
                if period.totalCents != nil, period.includesNotStated { suffix += " + \(notStated)" }
                if let precision = period.precision, precision != .exact { suffix += " (\(precision.label.text(language)))" }
                return suffix
            }
            // A period's amount is one bar for the whole period: the document does not split it over years.
            let periodBars = budget.periods.map { period in
                BarChart.Bar(
                    label: period.label, value: period.totalCents,
                    valueText: (period.totalCents?.formatted(language) ?? notStated) + suffix(period))
            }
            let periodPerInhabitantBars = budget.periods.map { period in
                BarChart.Bar(
                    label: period.label + text(" (hele periode)", " (whole period)"), value: period.perInhabitantForPeriodCents,
                    valueText: (period.perInhabitantForPeriodCents?.formatted(language) ?? notStated) + suffix(period))
            }
            // An amount without years has no bar in either chart: it belongs to no year, and a bar among the
            // years would read as one; it is written out instead.
            let undatedMessage = budget.yearsNotStated.map { undated in
                "\(undated.label): " + (undated.totalCents?.formatted(language) ?? notStated)
                    + (undated.totalCents != nil && undated.includesNotStated ? " + \(notStated)" : "")
            }
            totalGroups.append(
                BarChart.Group(
                    title: name, colour: colour,
                    bars: budget.years.map { year in
                        BarChart.Bar(
                            label: String(year.year), value: year.totalCents,
                            valueText: (year.totalCents?.formatted(language) ?? notStated) + suffix(year))
                    } + periodBars, message: undatedMessage))
            var populations: [BudgetOverview.PopulationReference] = []
            for population in budget.years.compactMap(\.population) + budget.periods.compactMap(\.population)
            where !populations.contains(population) {
                populations.append(population)
            }
            let populationText =
                populations.isEmpty
                ? text(" — geen inwonertal", " — no population figure")
                : " — "
                    + populations.map {
                        text(
                            "\(language.grouped($0.inhabitantCount)) inwoners op \($0.referenceDate), bron: \($0.publisher)",
                            "\(language.grouped($0.inhabitantCount)) inhabitants on \($0.referenceDate), source: \($0.publisher)")
                    }.joined(separator: "; ")
            perInhabitantGroups.append(
                BarChart.Group(
                    title: name + populationText, colour: colour,
                    bars: budget.years.map { year in
                        BarChart.Bar(
                            label: String(year.year), value: year.perInhabitantCents,
                            valueText: (year.perInhabitantCents?.formatted(language) ?? notStated) + suffix(year))
                    } + periodPerInhabitantBars,
                    message: undatedMessage.map {
                        $0 + text(" (niet per inwoner per jaar te delen)", " (cannot be divided per inhabitant per year)")
                    }))
            let lines = programme.budget.lines
            explanations.append(
                .li(
                    .strong(.plain(budget.programme.shortName + ": ")),
                    .plain(
                        text(
                            "\(lines.count) begrotingsregels (\(lines.map(\.label).joined(separator: "; ")))",
                            "\(lines.count) budget lines (\(lines.map(\.label).joined(separator: "; ")))")),
                    cite(lines.compactMap(\.evidence.first), of: programme),
                    .if(budget.budgetNote != nil, .group(.br(), .small(.plain(budget.budgetNote ?? ""))))
                ))
        }

        return section(
            "budgets", text("Begrotingen", "Budgets"),
            [
                note(
                    text(
                        "Totaal: alle begrotingsregels van een jaar opgeteld zoals het document ze optelt, ontvangen bijdragen inbegrepen. '+ niet vermeld': het document noemt nog geld zonder bedrag; dat telt niet mee. Een jaar zonder balk heeft geen regel (geen € 0). Per inwoner: het totaal gedeeld door het inwonertal met de peildatum die het dichtst bij 1 januari van het jaar ligt. Een bedrag voor een hele periode ('2020–2022 in totaal') staat als één balk en wordt nooit over de jaren verdeeld; per inwoner geldt het dan voor de hele periode.",
                        "Total: every budget line of a year added up as the document adds them, grants received included. '+ not stated': the document names more money without an amount; it is not counted. A year without a bar has no line (not € 0). Per inhabitant: the total divided by the population figure whose reference date is nearest to 1 January of the year. An amount for a whole period ('2020–2022 in total') is one bar and never spread over the years; per inhabitant it is then for the whole period."
                    )
                        + (overview.programmes.contains { $0.yearsNotStated != nil }
                            ? text(
                                " Een bedrag zonder jaren ('bedrag, jaren niet vermeld') staat als tekst, zonder balk.",
                                " An amount without years ('amount, years not stated') is written out, without a bar.") : "")),
                .element(
                    named: "figure",
                    nodes: [
                        .element(named: "figcaption", nodes: [.plain(text("Begroting per jaar", "Budget per year"))]),
                        BarChart(accessibleTitle: text("Begroting per jaar", "Budget per year"), groups: totalGroups).svg(),
                    ]),
                .element(
                    named: "figure",
                    nodes: [
                        .element(named: "figcaption", nodes: [.plain(text("Begroting per inwoner per jaar", "Budget per inhabitant per year"))]),
                        BarChart(accessibleTitle: text("Begroting per inwoner", "Budget per inhabitant"), groups: perInhabitantGroups).svg(),
                    ]),
                .h3(.plain(text("Waar de bedragen staan", "Where the amounts are stated"))),
                .ul(.class("notes"), .group(explanations)),
            ])
    }
}
