import InclusieComparison
import InclusieModel

extension ThemeSimilarity: TabularView {
    /// The pairwise matrix, and per programme its most similar peer with the themes that differ.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        func score(_ value: Double?) -> TableCell {
            // The value is already rounded to three decimals; write exactly those.
            guard let value, let text = Ratio(Int((value * 1000).rounded()), of: 1000).decimalText(places: 3) else {
                return .empty
            }
            return .decimal(text)
        }
        func themes(_ ids: [String]) -> TableCell {
            ids.isEmpty ? .empty : .text(ids.map { catalog.taxonomy.label($0, in: .theme, language) }.joined(separator: "; "))
        }
        let measureNote = phrase(
            "Jaccard-overeenkomst: het aantal thema's dat beide programma's noemen, gedeeld door het aantal thema's dat minstens één van beide noemt (0 = niets gemeen, 1 = dezelfde thema's). Hoe vaak een thema terugkomt telt niet mee.",
            "Jaccard similarity: the number of themes both programmes cover, divided by the number of themes either covers (0 = nothing in common, 1 = the same themes). How often a theme recurs does not count.",
            language)

        let matrixRows = zip(programmes, jaccardMatrix).map { row, similarities -> [TableCell] in
            [.text(row.heading(language)), .integer(themeIDsByProgramme[row.key]?.count ?? 0)] + similarities.map(score)
        }
        let matrix = ResultTable(
            title: phrase("Overeenkomst in thema's (Jaccard)", "Similarity of themes (Jaccard)", language),
            columns: [phrase("Programma", "Programme", language), phrase("Aantal thema's", "Themes covered", language)]
                + programmes.map { $0.shortName },
            rows: matrixRows,
            notes: [
                measureNote,
                phrase(
                    "Leeg: geen van beide programma's noemt een thema. Inbreng en partijvoorstellen staan erbij, zie de rijkop.",
                    "Empty: neither programme covers a theme. Input and party proposals are included; see the row heading.",
                    language),
            ])

        let columns = Dictionary(uniqueKeysWithValues: programmes.map { ($0.key, $0) })
        let peerRows = nearestPeers.map { peer -> [TableCell] in
            let other = peer.peerKey.flatMap { columns[$0] }
            let siblings = peer.siblings.map { sibling in
                let name = columns[sibling.programmeKey]?.shortName ?? sibling.programmeKey
                let similarity = sibling.jaccardSimilarity.flatMap {
                    Ratio(Int(($0 * 1000).rounded()), of: 1000).decimalText(places: 3)
                }
                return similarity.map { "\(name) (\(language == .nl ? $0.replacingOccurrences(of: ".", with: ",") : $0))" } ?? name
            }
            return [
                .text(columns[peer.programmeKey]?.heading(language) ?? peer.programmeKey),
                other.map { .text($0.heading(language)) } ?? .empty,
                score(peer.jaccardSimilarity), .integer(peer.sharedThemeIDs.count),
                themes(peer.onlyInProgrammeThemeIDs), themes(peer.onlyInPeerThemeIDs),
                siblings.isEmpty ? .empty : .text(siblings.joined(separator: "; ")),
            ]
        }
        let peers = ResultTable(
            title: phrase("Meest verwante programma en het verschil", "Most similar programme and the difference", language),
            columns: [
                phrase("Programma", "Programme", language),
                phrase("Meest verwant", "Most similar", language),
                phrase("Overeenkomst", "Similarity", language),
                phrase("Gedeelde thema's", "Shared themes", language),
                phrase("Alleen in dit programma", "Only in this programme", language),
                phrase("Alleen in het verwante programma", "Only in the similar programme", language),
                phrase("Andere programma's van dezelfde gemeente", "Other programmes of the same municipality", language),
            ], rows: peerRows,
            notes: [
                measureNote,
                phrase(
                    "Het meest verwante programma is dat van een andere gemeente; programma's van dezelfde gemeente staan apart, met hun overeenkomst.",
                    "The most similar programme is another municipality's; programmes of the same municipality are listed apart, with their similarity.",
                    language),
            ])
        return [matrix, peers]
    }
}
