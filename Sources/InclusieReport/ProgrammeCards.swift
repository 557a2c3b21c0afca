import InclusieCharts
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
        let period: String = programme.period?.label(language) ?? text("niet vermeld", "not stated")
        let date = programme.date.map { text(" (document van \($0))", " (document dated \($0))") } ?? ""
        let budgetEvidence: [Evidence]
        switch programme.budget {
        case .lines(let lines, _, let evidence):
            budgetEvidence = evidence.isEmpty ? Array(lines.compactMap(\.evidence.first).prefix(1)) : evidence
        case .none(_, let evidence):
            budgetEvidence = evidence
        case .unknown:
            budgetEvidence = []
        }
        let budgetReferences = cite(budgetEvidence, of: programme)
        let isPolicy = programme.adoptionStatus.isPolicy
        // Organisations only cited as a source are counted apart: citing the SCP does not make it a partner.
        let partnerCount = programme.partners.filter { $0.role == .partner }.count
        let citedCount = programme.partners.count - partnerCount
        let citedSourcesNL = citedCount > 0 ? ", \(citedCount) aangehaalde bronnen" : ""
        let citedSourcesEN = citedCount > 0 ? ", \(citedCount) cited sources" : ""
        var rows: [(String, BodyNode)] = [
            (text("Label", "Label"), .plain(programme.label)),
            (text("Soort", "Kind"), .group(kindBadge(programme))),
            (
                text("Auteur", "Author"),
                .plain(
                    programme.author.name
                        + (programme.author.type == .party ? text(" (politieke partij)", " (political party)") : ""))
            ),
            (text("Status", "Status"), .plain(programme.adoptionStatus.label.text(language))),
            (text("Looptijd", "Period"), .plain(period + date)),
            (text("Begroting", "Budget"), .group(.plain(budget?.summary(language) ?? ""), budgetReferences)),
            (
                text("Onderdelen", "Items"),
                .plain(
                    text(
                        "\(programme.items.count) onderdelen, \(partnerCount) partners\(citedSourcesNL)",
                        "\(programme.items.count) items, \(partnerCount) partners\(citedSourcesEN)"))
            ),
            (text("Bron", "Source"), .element(named: "cite", nodes: [.plain(programme.sourceFile)])),
        ]
        if let reason = programme.coverage.partialReason {
            rows.insert(
                (
                    text("Dekking", "Coverage"),
                    .plain(
                        text("gedeeltelijk gemodelleerd: ", "partly modelled: ") + reason
                            + text(
                                " — wat hier ontbreekt kan in het document staan; er worden geen witte vlekken geclaimd.",
                                " — what is missing here may be in the document; no gaps are claimed."))
                ), at: 1)
        }
        // Names only, each with its footnote: the descriptions are in the CSV and would crowd the card.
        // Organisations only cited as a source get their own row, so citing the SCP does not read as working with it.
        for (role, label) in [
            (Partner.Role.partner, text("Partners", "Partners")),
            (Partner.Role.citedSource, text("Aangehaalde bronnen", "Cited sources")),
        ] {
            let named = programme.partners.filter { $0.role == role }
            guard !named.isEmpty else { continue }
            let nodes: [Node<HTML.ListContext>] = named.map { partner in
                .li(.plain(partner.name), cite(Array(partner.evidence.prefix(1)), of: programme))
            }
            rows.insert((label, .ul(.class("partners"), .group(nodes))), at: rows.count - 1)
        }
        return .element(
            named: "article",
            nodes: [
                .class(isPolicy ? "card" : "card not-policy"),
                // The short name already holds the label, which is the title unless the plugin gives a shorter one.
                .h3(
                    .plain(column(programme).shortName + (programme.label == programme.title ? "" : " — \(programme.title)")),
                    programmeReferences),
                .dl(.forEach(rows) { label, value in .group(.dt(.plain(label)), .dd(value)) }),
            ])
    }
}
