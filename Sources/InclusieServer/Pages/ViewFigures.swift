import InclusieCharts
import InclusieComparison
import InclusieExport
import InclusieModel
import Plot

/// The pictures on a comparison view's page, drawn by the same chart types as the report, each with its
/// numbers as a table under it (or, for the matrices, the view's own table right below).
struct ViewFigures {
    let layout: Layout

    /// Above this many programmes a view gets no picture: at 342 the heat map alone was 5.5 MB of SVG,
    /// 14,000 px wide, which no one takes in at a glance; the tables still hold every number.
    static let maximumProgrammes = 40

    /// The figures for a built view; a view without a picture has none.
    func figures(_ built: any TabularView) -> [BodyNode] {
        let count: Int? =
            switch built {
            case let matrix as CoverageMatrix: matrix.programmes.count
            case let overview as BudgetOverview: overview.programmes.count
            case let profiles as RoleProfiles: profiles.profiles.count
            case let timeline as ActionTimeline: timeline.programmes.count
            default: nil
            }
        if let count, count > Self.maximumProgrammes {
            return [
                .p(
                    .id("no-picture"), .class("note"),
                    .plain(
                        layout.text(
                            "Een plaatje staat hier bij hoogstens \(Self.maximumProgrammes) programma's; deze keuze heeft er \(count). Kies met 'Alleen' een gemeente, of geef in het adres meer namen met komma's (only=almere,arnhem).",
                            "A picture is shown here for at most \(Self.maximumProgrammes) programmes; this choice has \(count). Choose a municipality with 'Only', or give more names with commas in the address (only=almere,arnhem).")))
            ]
        }
        return switch built {
        case let matrix as CoverageMatrix: [heatMap(matrix)]
        case let overview as BudgetOverview: budgets(overview)
        case let profiles as RoleProfiles: [roles(profiles)]
        case let timeline as ActionTimeline: timelines(timeline)
        default: []
        }
    }

    /// A figure: caption, the picture in a region of its own that scrolls sideways when it is wider than
    /// the screen (the page itself never does), and the table of its numbers.
    func figure(id: String, caption: String, chart: BodyNode, numbers: BodyNode) -> BodyNode {
        tag(
            "figure", [("id", id), ("class", "chart-figure")],
            tag("figcaption", [], .plain(caption)),
            tag("div", [("class", "chart-wrap"), ("role", "region"), ("aria-label", caption), ("tabindex", "0")], chart),
            numbers)
    }

    /// For pictures whose numbers are the view's main table, shown right under the figures.
    private var numbersBelow: BodyNode {
        .p(
            .class("note"),
            .plain(layout.text("De getallen en de eigen woorden staan in ", "The numbers and the programmes' own words are in ")),
            layout.link(layout.text("de tabel hieronder", "the table below"), to: layout.path, layout.query.with(["lang": nil]), fragment: "#view-table-1"),
            .plain("."))
    }

    func heatMap(_ matrix: CoverageMatrix) -> BodyNode {
        let facet: FacetPage.Facet = matrix.facet == .instrument ? .instruments : .themes
        let title =
            facet == .themes ? layout.text("Heatmap: thema's per programma", "Heat map: themes by programme")
            : layout.text("Heatmap: instrumenten per programma", "Heat map: instruments by programme")
        let chart = HeatMap(matrix: matrix, language: layout.language, title: title) { entryID, programmeKey in
            layout.href("/\(facet.rawValue)/\(entryID)") + "#programme-\(elementID(programmeKey))"
        }
        return figure(
            id: "figure-heat-map", caption: title + layout.text(" (hoe donkerder, hoe meer onderdelen; kies een cel voor de citaten)", " (the darker, the more items; choose a cell for the quotes)"),
            chart: chart.svg(), numbers: numbersBelow)
    }

    func budgets(_ overview: BudgetOverview) -> [BodyNode] {
        let (years, periods) = BarChart.perInhabitant(overview, language: layout.language)
        let notStated = layout.text("niet vermeld", "not stated")
        let columns = [
            layout.text("Programma", "Programme"), layout.text("Jaar of periode", "Year or period"), layout.text("Per inwoner", "Per inhabitant"),
            layout.text("Totaal", "Total"), layout.text("Inwoners", "Inhabitants"),
        ]
        var yearRows: [[BodyNode]] = []
        var periodRows: [[BodyNode]] = []
        for budget in overview.programmes {
            // Each row leads to the programme's budget lines, each with its quote.
            let name = layout.link(budget.programme.shortName, to: "/programmes/\(budget.programme.key)", fragment: "#budget")
            guard budget.budgetStated else {
                let words =
                    budget.budgetState == "none" ? layout.text("geen eigen begroting", "no budget of its own") : layout.text("onbekend", "unknown")
                yearRows.append([name, .plain("—"), .plain(words), .plain(words), .empty])
                continue
            }
            for year in budget.years {
                yearRows.append([
                    name, .plain(String(year.year)),
                    cents(year.perInhabitantCents, notStated: notStated, extra: year.includesNotStated && year.totalCents != nil),
                    cents(year.totalCents, notStated: notStated, extra: year.includesNotStated && year.totalCents != nil),
                    .plain(year.population.map { layout.language.grouped($0.inhabitantCount) } ?? ""),
                ])
            }
            if let undated = budget.yearsNotStated {
                // Beside the per-year figures, never among them: no per-inhabitant figure, no population.
                yearRows.append([
                    name, .plain(undated.label),
                    .plain(layout.text("niet per inwoner te delen", "cannot be divided per inhabitant")),
                    cents(undated.totalCents, notStated: notStated, extra: undated.includesNotStated && undated.totalCents != nil),
                    .empty,
                ])
            }
            for period in budget.periods {
                periodRows.append([
                    name, .plain(period.label),
                    cents(period.perInhabitantForPeriodCents, notStated: notStated, extra: period.includesNotStated && period.totalCents != nil),
                    cents(period.totalCents, notStated: notStated, extra: period.includesNotStated && period.totalCents != nil),
                    .plain(period.population.map { layout.language.grouped($0.inhabitantCount) } ?? ""),
                ])
            }
        }
        let yearTitle = layout.text("Begroting per inwoner per jaar", "Budget per inhabitant per year")
        var figures = [
            figure(
                id: "figure-budget-per-inhabitant", caption: yearTitle,
                chart: BarChart(accessibleTitle: yearTitle, groups: years, width: 760).svg(),
                numbers: layout.table(caption: layout.text("De getallen van de figuur", "The figure's numbers") + ": " + yearTitle, columns: columns, rows: yearRows))
        ]
        if !periods.isEmpty {
            let periodTitle = layout.text("Begroting per inwoner voor een hele periode (niet over de jaren verdeeld)", "Budget per inhabitant for a whole period (not spread over the years)")
            figures.append(
                figure(
                    id: "figure-budget-per-period", caption: periodTitle,
                    chart: BarChart(accessibleTitle: periodTitle, groups: periods, width: 760).svg(),
                    numbers: layout.table(caption: layout.text("De getallen van de figuur", "The figure's numbers") + ": " + periodTitle, columns: columns, rows: periodRows)))
        }
        return figures
    }

    /// An amount in cents as the page writes it, with its exact cents for a reader that compares it with the JSON.
    private func cents(_ money: Money?, notStated: String, extra: Bool) -> BodyNode {
        guard let money else { return .span(.class("not-stated"), .plain(notStated)) }
        return tag("data", [("value", String(money.cents))], .plain(money.formatted(layout.language) + (extra ? " + \(notStated)" : "")))
    }

    func roles(_ profiles: RoleProfiles) -> BodyNode {
        let roles = profiles.profiles.first?.roles ?? []
        let categories = roles.enumerated().map { index, role in
            StackedBarChart.Category(label: role.roleLabel, colour: ChartPalette.categoryColours[index % ChartPalette.categoryColours.count])
        }
        let title = layout.text("Rolprofiel per programma (aandeel van de rolvermeldingen)", "Role profile by programme (share of the role mentions)")
        let empty = layout.text("geen onderdeel noemt een rol", "no item names a role")
        let chart = StackedBarChart(
            accessibleTitle: title, categories: categories,
            bars: profiles.profiles.map { StackedBarChart.Bar(title: $0.programme.shortName, counts: $0.roles.map(\.itemCount), emptyMessage: empty) })
        let rows: [[BodyNode]] = profiles.profiles.map { profile in
            [layout.link(profile.programme.shortName, to: "/programmes/\(profile.programme.key)", fragment: "#items")] + profile.roles.map { tag("data", [("value", String($0.itemCount))], .plain(String($0.itemCount))) }
                + [.plain(String(profile.itemsWithAnyRoleCount))]
        }
        let roleLinks: [BodyNode] = roles.enumerated().map { index, role in
            .group(.if(index > 0, .text(" · ")), layout.link(role.roleLabel, to: "/roles/\(role.roleID)"))
        }
        return figure(
            id: "figure-role-profiles", caption: title, chart: chart.svg(),
            numbers: .group(
                layout.table(
                    caption: layout.text("De getallen van de figuur: onderdelen per rol", "The figure's numbers: items per role"),
                    columns: [layout.text("Programma", "Programme")] + roles.map(\.roleLabel) + [layout.text("Onderdelen met een rol", "Items with a role")],
                    rows: rows),
                .p(.class("note"), .plain(layout.text("De onderdelen en citaten per rol: ", "The items and quotes by role: ")), .group(roleLinks))))
    }

    /// `tableLink`: whether the view's table with the same rows stands under the strips.
    func timelines(_ timeline: ActionTimeline, tableLink: Bool = true) -> [BodyNode] {
        timeline.programmes.enumerated().map { index, programme in
            let title = layout.text("Tijdlijn: \(programme.programme.shortName)", "Timeline: \(programme.programme.shortName)")
            let strip = TimelineStrip(
                accessibleTitle: title, years: timeline.years,
                rows: programme.rows.map { row in
                    TimelineStrip.Row(
                        label: ([row.number].compactMap { $0 } + [row.title]).joined(separator: " "), activeYears: row.activeYears,
                        href: layout.href("/programmes/\(programme.programme.key)") + "#item-\(elementID(row.itemID))")
                },
                colour: ChartPalette.programmeColour(index))
            return figure(id: "figure-timeline-\(elementID(programme.programme.key))", caption: title, chart: strip.svg(), numbers: tableLink && index == timeline.programmes.count - 1 ? numbersBelow : .empty)
        }
    }
}
