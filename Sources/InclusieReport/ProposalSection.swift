import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// Each party programme's proposals against its municipality's own programme: covered, partly or not,
    /// with the proposal's quote and the best-matching item's quote side by side.
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
                let bestEvidence = Array(best.flatMap { against.item($0.itemID) }?.evidence.prefix(1) ?? [])
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
                                    .br(), .small(.plain(best?.reason.label.text(language) ?? ""))))
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

    /// One stacked bar: how many proposals are covered, partly covered and not covered.
    private func verdictBar(_ comparison: ProposalCoverage.Comparison) -> BodyNode {
        let counts: [(ProposalCoverage.Verdict, Int, String)] = [
            (.covered, comparison.coveredCount, "#2b7a3d"), (.partlyCovered, comparison.partlyCoveredCount, "#d9a441"),
            (.notCovered, comparison.notCoveredCount, "#b8483a"),
        ]
        let total = max(1, comparison.proposals.count)
        let width = 600
        var x = 0
        var nodes: [BodyNode] = [
            .element(
                named: "title",
                nodes: [.plain(text("Oordelen over de voorstellen", "Verdicts on the proposals"))])
        ]
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
            nodes.append(
                .element(
                    named: "text",
                    nodes: [
                        .attribute(named: "x", value: String(x + 4)), .attribute(named: "y", value: "34"),
                        .plain("\(verdict.label.text(language)): \(count)"),
                    ]))
            x += length
        }
        return .element(
            named: "svg",
            nodes: [
                .attribute(named: "height", value: "40"), .attribute(named: "role", value: "img"),
                .attribute(named: "viewBox", value: "0 0 \(width + 160) 40"), .attribute(named: "width", value: String(width + 160)),
            ] + nodes)
    }
}
