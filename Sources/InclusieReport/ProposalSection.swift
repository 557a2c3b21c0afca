import InclusieCharts
import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// Each party programme's proposals against its municipality's own programme: the same measure, a
    /// commitment to the subject, a mention or nothing, with the proposal's quote and the best-matching
    /// item's quote side by side, the proposal's words marked in it.
    mutating func proposals() -> BodyNode {
        let coverage = ProposalCoverage(catalog: catalog, scope: scope)
        var nodes: [BodyNode] = [
            note(ProposalCoverage.ruleSummary.text(language))
        ]
        if coverage.comparisons.isEmpty {
            nodes.append(
                .p(
                    .plain(
                        text(
                            "Geen partijprogramma met een beleidsprogramma van dezelfde gemeente in deze selectie.",
                            "No party programme with a policy programme of the same municipality in this selection."))))
        }
        for comparison in coverage.comparisons {
            guard let party = catalog.programme(comparison.partyProgramme.key),
                let against = catalog.programme(comparison.againstProgramme.key)
            else { continue }
            nodes.append(
                .h3(
                    .plain(
                        "\(comparison.partyProgramme.shortName) — \(party.title) "
                            + text("tegen", "against") + " \(comparison.againstProgramme.shortName) — \(against.title)")))
            nodes.append(verdictBar(comparison))
            var rows: [Node<HTML.TableContext>] = []
            for proposal in comparison.proposals {
                let proposalEvidence = Array(party.item(proposal.proposalID)?.evidence.prefix(1) ?? [])
                let best = proposal.matches.first
                let bestItemEvidence = best.flatMap { against.item($0.itemID) }?.evidence ?? []
                let bestEvidence = Array((bestItemEvidence.first { $0.quote == best?.quote }).map { [$0] } ?? Array(bestItemEvidence.prefix(1)))
                let section = [proposal.sectionNumber, proposal.number].compactMap { $0 }.joined(separator: ".")
                rows.append(
                    .tr(
                        .td(.class("number"), .plain(section)),
                        .td(.plain(proposal.title), cite(proposalEvidence, of: party)),
                        .td(.plain(proposal.primaryThemeLabel ?? "")),
                        .td(.span(.class("verdict \(proposal.verdict.rawValue)"), .plain(proposal.verdictLabel))),
                        .td(
                            .if(
                                best != nil,
                                .group(
                                    .plain(best?.itemLabel ?? ""), cite(bestEvidence, of: against),
                                    .br(), .small(.plain(best.map(why) ?? "")),
                                    .if(best?.sharedTerms.isEmpty == false, markedQuote(best?.quote ?? "", terms: best?.sharedTerms ?? []))))
                        ),
                        .td(.class("number"), .text(String(proposal.matches.count)))
                    ))
            }
            nodes.append(
                .table(
                    .thead(
                        .tr(
                            .th(.plain(text("Nr.", "No."))),
                            .th(.plain(text("Voorstel", "Proposal"))),
                            .th(.plain(text("Hoofdthema", "Primary theme"))),
                            .th(.plain(text("Oordeel", "Verdict"))),
                            .th(.plain(text("Beste overeenkomst in het programma", "Best match in the programme"))),
                            .th(.class("number"), .plain(text("Overeenkomsten", "Matches")))
                        )),
                    .tbody(.group(rows))))
        }
        return section("proposals", text("Partijvoorstellen tegen het programma", "Party proposals against the programme"), nodes)
    }

    /// Why the best item matches: the proposal's words it names, or the part of the rule.
    private func why(_ match: ProposalCoverage.Match) -> String {
        match.sharedTerms.isEmpty
            ? match.reason.label.text(language) : text("noemt: ", "names: ") + match.sharedTerms.joined(separator: ", ")
    }

    /// The item's quote with the proposal's words marked, so the reader sees where they stand.
    private func markedQuote(_ quote: String, terms: [String]) -> BodyNode {
        let runs: [BodyNode] = MeasureTerms.marked(quote, terms: terms).map { run in
            run.isTerm ? .element(named: "mark", nodes: [.plain(run.text)]) : .plain(run.text)
        }
        return .group(.br(), .element(named: "q", nodes: [.attribute(named: "class", value: "match-quote")] + runs))
    }

    /// One stacked bar: how many proposals get each verdict, best first.
    private func verdictBar(_ comparison: ProposalCoverage.Comparison) -> BodyNode {
        let colours: [ProposalCoverage.Verdict: String] = [
            .sameMeasure: "#1d5e2e", .commitsToSubject: "#4f9a5e", .mentionsSubject: "#d9a441", .notFound: "#b8483a",
        ]
        let counts = ProposalCoverage.Verdict.allCases.map { ($0, comparison.count($0), colours[$0] ?? "#888888") }
        let total = max(1, comparison.proposals.count)
        let width = 600
        var x = 0
        var nodes: [BodyNode] = [
            .element(
                named: "title",
                nodes: [.plain(text("Oordelen over de voorstellen", "Verdicts on the proposals"))])
        ]
        var legend: [BodyNode] = []
        for (verdict, count, colour) in counts where count > 0 {
            let length = count * width / total
            nodes.append(
                .element(
                    named: "rect",
                    nodes: [
                        .attribute(named: "fill", value: colour), .attribute(named: "height", value: "18"),
                        .attribute(named: "width", value: String(length)), .attribute(named: "x", value: String(x)),
                        .attribute(named: "y", value: "0"),
                    ]))
            // One legend line under the bar: four labels do not fit under narrow segments.
            legend.append(.element(named: "tspan", nodes: [.attribute(named: "fill", value: colour), .plain("■ ")]))
            legend.append(.element(named: "tspan", nodes: [.plain("\(verdict.label.text(language)): \(count)   ")]))
            x += length
        }
        nodes.append(
            .element(
                named: "text",
                nodes: [.attribute(named: "x", value: "0"), .attribute(named: "y", value: "34")] + legend))
        return .element(
            named: "svg",
            nodes: [
                .attribute(named: "height", value: "40"), .attribute(named: "role", value: "img"),
                .attribute(named: "viewBox", value: "0 0 \(width + 260) 40"), .attribute(named: "width", value: String(width + 260)),
            ] + nodes)
    }
}
