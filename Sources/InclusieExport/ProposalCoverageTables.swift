import InclusieComparison
import InclusieModel

extension ProposalCoverage: TabularView {
    public static var jsonParts: [JSONPart<Self>] { [JSONPart("comparisons", \.comparisons)] }

    /// One row per proposal with its verdict and best match, every matching item with its quote, and the counts.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        [perProposalTable(language), matchTable(language), summaryTable(language)]
    }

    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        perProposalTable(language)
    }

    private static func section(_ proposal: Proposal) -> TableCell {
        let text = [proposal.sectionNumber, proposal.sectionTitle].compactMap { $0 }.joined(separator: " ")
        return text.isEmpty ? .empty : .text(text)
    }

    private static func optional(_ text: String?) -> TableCell {
        text.map(TableCell.text) ?? .empty
    }

    /// The item's quote, with the proposal's words it names marked for the site.
    static func quote(_ match: Match?) -> TableCell {
        guard let match, let quote = match.quote else { return .empty }
        return match.sharedTerms.isEmpty ? .text(quote) : .markedText(quote, marks: match.sharedTerms)
    }

    /// Why an item matches, in words a reader can check against its quote: the proposal's words it names,
    /// or which part of the rule made it match.
    static func why(_ match: Match, _ language: Language) -> String {
        guard match.reason == .sharedTerms else { return match.reason.label.text(language) }
        return phrase("noemt: ", "names: ", language) + match.sharedTerms.joined(separator: ", ")
    }

    /// The columns a row about one proposal starts with: the two programmes compared, then the proposal.
    private static func proposalHeadings(_ language: Language) -> [String] {
        headings([
            "Partijprogramma": "Party programme", "Vergeleken met": "Compared with", "Paragraaf": "Section", "Nr.": "No.",
            "Voorstel": "Proposal",
        ], language)
    }

    private func perProposalTable(_ language: Language) -> ResultTable {
        let (section, optional) = (Self.section, Self.optional)
        let proposalRows = comparisons.flatMap { comparison in
            comparison.proposals.map { proposal -> [TableCell] in
                let best = proposal.matches.first
                return [
                    .text(comparison.partyProgramme.heading(language)),
                    .text(comparison.againstProgramme.heading(language)),
                    section(proposal), optional(proposal.number), .text(proposal.title), optional(proposal.primaryThemeLabel),
                    .text(proposal.verdictLabel), .integer(proposal.matches.count),
                    optional(best?.itemLabel), optional(best.map { Self.why($0, language) }), Self.quote(best),
                ]
            }
        }
        return ResultTable(
            title: phrase("Partijvoorstellen tegen het programma", "Party proposals against the programme", language),
            columns: Self.proposalHeadings(language) + headings([
                "Hoofdthema": "Primary theme", "Oordeel": "Verdict", "Overeenkomende onderdelen": "Matching items",
                "Beste overeenkomst": "Best match", "Waarom": "Why", "Citaat": "Quote",
            ], language), rows: proposalRows, notes: [ProposalCoverage.ruleSummary.text(language)])
    }

    private func matchTable(_ language: Language) -> ResultTable {
        let (section, optional) = (Self.section, Self.optional)
        let matchRows = comparisons.flatMap { comparison in
            comparison.proposals.flatMap { proposal in
                proposal.matches.map { match -> [TableCell] in
                    [
                        .text(comparison.partyProgramme.shortName), .text(comparison.againstProgramme.shortName),
                        section(proposal), optional(proposal.number), .text(proposal.title),
                        .text(match.strength.label.text(language)), .text(Self.why(match, language)),
                        .text(match.itemNativeType), .text(match.itemStatusLabel), .text(match.itemLabel), Self.quote(match),
                        optional(match.section),
                    ]
                }
            }
        }
        return ResultTable(
            title: phrase("Overeenkomende onderdelen met citaat", "Matching items with their quotes", language),
            columns: Self.proposalHeadings(language) + headings([
                "Overeenkomst": "Match", "Waarom": "Why", "Soort onderdeel": "Item type", "Status onderdeel": "Item status",
                "Onderdeel": "Item", "Citaat": "Quote", "Vindplaats": "Section of the quote",
            ], language), rows: matchRows,
            notes: [
                phrase(
                    "Beste eerst: dezelfde maatregel, dan inzet voor hetzelfde onderwerp, dan het onderwerp genoemd; daarbinnen in de volgorde van het programma. 'Noemt' geeft de woorden van het voorstel die het citaat of de titel van het onderdeel bevat.",
                    "Best first: the same measure, then a commitment to the subject, then a mention; within each, in the programme's order. 'Names' gives the proposal's words that the item's quote or title contains.",
                    language)
            ])
    }

    private func summaryTable(_ language: Language) -> ResultTable {
        ResultTable(
            title: phrase("Samenvatting", "Summary", language),
            columns: headings([
                "Partijprogramma": "Party programme", "Vergeleken met": "Compared with", "Voorstellen": "Proposals",
            ], language) + ProposalCoverage.Verdict.allCases.map { $0.label.text(language) },
            rows: comparisons.map { comparison in
                [
                    .text(comparison.partyProgramme.heading(language)), .text(comparison.againstProgramme.heading(language)),
                    .integer(comparison.proposals.count),
                ] + ProposalCoverage.Verdict.allCases.map { .integer(comparison.count($0)) }
            }, notes: [ProposalCoverage.ruleSummary.text(language)])
    }
}
