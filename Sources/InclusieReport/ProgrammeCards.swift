import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// A card per programme: kind, author, status, period and budget, each backed by the document's quotes.
    mutating func programmeCards() -> BodyNode {
        let budgets = BudgetOverview(catalog: catalog, scope: scope)
        var cards: [BodyNode] = []
        for programme in programmes {
            cards.append(card(programme, budget: budgets.programmes.first { $0.programme.key == programme.key }))
        }
        return section(
            "programmes", text("Programma's", "Programmes"),
            [
                note(
                    text(
                        "Soort, auteur, status en looptijd staan zoals het document ze noemt; de voetnoten geven het citaat. Een oranje kaart is inbreng of een voorstel, geen beleid.",
                        "Kind, author, status and period as the document states them; the footnotes give the quote. An orange card is input or a proposal, not policy."
                    )),
                .div(.class("cards"), .group(cards)),
            ])
    }

    private mutating func card(_ programme: Programme, budget: BudgetOverview.ProgrammeBudget?) -> BodyNode {
        let programmeReferences = cite(programme.evidence, of: programme)
        let period: String =
            programme.period.map { $0.from == $0.to ? String($0.from) : "\($0.from)–\($0.to)" }
            ?? text("niet vermeld", "not stated")
        let date = programme.date.map { text(" (document van \($0))", " (document dated \($0))") } ?? ""
        let budgetEvidence: [Evidence]
        switch programme.budget {
        case .lines(let lines, _, let evidence):
            budgetEvidence = evidence.isEmpty ? Array(lines.compactMap(\.evidence.first).prefix(1)) : evidence
        case .none(_, let evidence):
            budgetEvidence = evidence
        }
        let budgetReferences = cite(budgetEvidence, of: programme)
        let isPolicy = programme.adoptionStatus.isPolicy
        // Organisations only cited as a source are counted apart: citing the SCP does not make it a partner.
        let partnerCount = programme.partners.filter { $0.role == .partner }.count
        let citedCount = programme.partners.count - partnerCount
        let citedSourcesNL = citedCount > 0 ? ", \(citedCount) aangehaalde bronnen" : ""
        let citedSourcesEN = citedCount > 0 ? ", \(citedCount) cited sources" : ""
        let rows: [(String, BodyNode)] = [
            (text("Soort", "Kind"), .group(kindBadge(programme))),
            (
                text("Auteur", "Author"),
                .plain(
                    programme.author.name
                        + (programme.author.type == .party ? text(" (politieke partij)", " (political party)") : ""))
            ),
            (text("Status", "Status"), .plain(programme.adoptionStatus.label.text(language))),
            (text("Looptijd", "Period"), .plain(period + date)),
            (text("Begroting", "Budget"), .group(.plain(budgetSummary(budget)), budgetReferences)),
            (
                text("Onderdelen", "Items"),
                .plain(
                    text(
                        "\(programme.items.count) onderdelen, \(partnerCount) partners\(citedSourcesNL)",
                        "\(programme.items.count) items, \(partnerCount) partners\(citedSourcesEN)"))
            ),
            (text("Bron", "Source"), .element(named: "cite", nodes: [.plain(programme.sourceFile)])),
        ]
        return .element(
            named: "article",
            nodes: [
                .class(isPolicy ? "card" : "card not-policy"),
                .h3(.plain("\(column(programme).shortName) — \(programme.title)"), programmeReferences),
                .dl(.forEach(rows) { label, value in .group(.dt(.plain(label)), .dd(value)) }),
            ])
    }

    /// The budget in one line: the stated total per year, or why there is none.
    private func budgetSummary(_ budget: BudgetOverview.ProgrammeBudget?) -> String {
        guard let budget else { return "" }
        guard budget.budgetStated else {
            return text("geen eigen begroting: ", "no budget of its own: ") + (budget.notStatedReason ?? "")
        }
        let notStated = text("niet vermeld", "not stated")
        let years = budget.years.map { year -> String in
            var amount = year.totalCents?.formatted(language) ?? notStated
            if year.totalCents != nil, year.includesNotStated { amount += " + \(notStated)" }
            if let precision = year.precision, precision != .exact { amount += " (\(precision.label.text(language)))" }
            return "\(year.year): \(amount)"
        }
        return years.isEmpty ? text("geen bedragen", "no amounts") : years.joined(separator: "; ")
    }
}
