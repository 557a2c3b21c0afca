import InclusieComparison
import InclusieModel

extension BarChart {
    /// Budget per inhabitant as bars: per programme a bar per year, and apart from them the amounts the
    /// documents give for a whole period, which are never spread over its years.
    ///
    /// A year whose amounts are not stated reads "niet vermeld" and has no bar, and so has an amount whose
    /// years the document does not state ("bedrag, jaren niet vermeld"); a programme without a
    /// budget of its own, or whose document says nothing about money, says so instead of showing bars.
    public static func perInhabitant(_ overview: BudgetOverview, language: Language) -> (years: [Group], periods: [Group]) {
        func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        let notStated = text("niet vermeld", "not stated")
        var years: [Group] = []
        var periods: [Group] = []
        for (index, budget) in overview.programmes.enumerated() {
            let colour = ChartPalette.programmeColour(index)
            let name = budget.programme.shortName
            guard budget.budgetStated else {
                let message =
                    budget.budgetState == "none"
                    ? text("geen eigen begroting", "no budget of its own")
                    : text("onbekend: het document zegt niets over geld", "unknown: the document says nothing about money")
                years.append(Group(title: name, colour: colour, bars: [], message: message))
                continue
            }
            func suffix(includesNotStated: Bool, stated: Bool, precision: BudgetOverview.Precision?) -> String {
                var suffix = ""
                if stated, includesNotStated { suffix += " + \(notStated)" }
                if let precision, precision != .exact { suffix += " (\(precision.label.text(language)))" }
                return suffix
            }
            let yearBars = budget.years.map { year in
                Bar(
                    label: String(year.year), value: year.perInhabitantCents,
                    valueText: (year.perInhabitantCents?.formatted(language) ?? notStated)
                        + suffix(includesNotStated: year.includesNotStated, stated: year.totalCents != nil, precision: year.precision))
            }
            // An amount without years gets no bar: it belongs to no year and cannot be divided per inhabitant.
            let undated = budget.yearsNotStated.map { undated in
                "\(undated.label): " + (undated.totalCents?.formatted(language) ?? notStated)
                    + suffix(includesNotStated: undated.includesNotStated, stated: undated.totalCents != nil, precision: undated.precision)
                    + text(" (niet per inwoner per jaar te delen)", " (cannot be divided per inhabitant per year)")
            }
            let onlyPeriods =
                yearBars.isEmpty && !budget.periods.isEmpty
                ? text("alleen bedragen voor een hele periode (zie hieronder)", "only amounts for a whole period (see below)") : nil
            let messages = [onlyPeriods, undated].compactMap { $0 }
            years.append(
                Group(
                    title: name, colour: colour, bars: yearBars,
                    message: messages.isEmpty ? nil : messages.joined(separator: "; ")))
            if !budget.periods.isEmpty {
                periods.append(
                    Group(
                        title: name, colour: colour,
                        bars: budget.periods.map { period in
                            Bar(
                                label: "\(period.from)–\(period.to)", value: period.perInhabitantForPeriodCents,
                                valueText: (period.perInhabitantForPeriodCents?.formatted(language) ?? notStated)
                                    + suffix(includesNotStated: period.includesNotStated, stated: period.totalCents != nil, precision: period.precision))
                        }))
            }
        }
        return (years, periods)
    }
}
