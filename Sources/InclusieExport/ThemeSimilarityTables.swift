import Foundation
import InclusieComparison
import InclusieModel

extension ThemeSimilarity: TabularView {
    /// Per programme its nearest peers, and its most similar peer with the themes that differ.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        tables(catalog: catalog, language: language, onlyTheFirst: false)
    }

    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        tables(catalog: catalog, language: language, onlyTheFirst: true).first
    }

    private func tables(catalog: Catalog, language: Language, onlyTheFirst: Bool) -> [ResultTable] {
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

        let columns = Dictionary(uniqueKeysWithValues: programmes.map { ($0.key, $0) })
        let nearestRows = nearestPeers.flatMap { peer in
            peer.peers.enumerated().map { rank, neighbour -> [TableCell] in
                [
                    .text(columns[peer.programmeKey]?.heading(language) ?? peer.programmeKey), .integer(rank + 1),
                    .text(columns[neighbour.peerKey]?.heading(language) ?? neighbour.peerKey),
                    score(neighbour.jaccardSimilarity), .integer(neighbour.sharedThemeCount),
                    .integer(neighbour.combinedThemeCount),
                ]
            }
        }
        let nearest = ResultTable(
            title: phrase("De meest verwante programma's (Jaccard)", "The nearest peers (Jaccard)", language),
            columns: headings([
                "Programma": "Programme", "Rang": "Rank", "Verwant programma": "Similar programme",
                "Overeenkomst": "Similarity", "Gedeelde thema's": "Shared themes", "Thema's van beide samen": "Themes of either",
            ], language),
            rows: nearestRows,
            notes: [
                measureNote,
                phrase(
                    "Per programma de \(peerCount) meest verwante programma's van andere gemeenten (--peers K); bij gelijke overeenkomst gaat het eerst genoemde programma voor. Leeg: geen van beide noemt een thema. De hele matrix: inclusiebench compare similarity --full --format csv.",
                    "Per programme the \(peerCount) most similar programmes of other municipalities (--peers K); on equal similarity the programme listed first comes first. Empty: neither covers a theme. The whole matrix: inclusiebench compare similarity --full --format csv.",
                    language),
            ])
        if onlyTheFirst { return [nearest] }

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
            columns: headings([
                "Programma": "Programme", "Meest verwant": "Most similar", "Overeenkomst": "Similarity",
                "Gedeelde thema's": "Shared themes", "Alleen in dit programma": "Only in this programme",
                "Alleen in het verwante programma": "Only in the similar programme",
                "Andere programma's van dezelfde gemeente": "Other programmes of the same municipality",
            ], language), rows: peerRows,
            notes: [
                measureNote,
                phrase(
                    "Het meest verwante programma is dat van een andere gemeente; programma's van dezelfde gemeente staan apart, met hun overeenkomst.",
                    "The most similar programme is another municipality's; programmes of the same municipality are listed apart, with their similarity.",
                    language),
            ])
        return [nearest, peers]
    }
}

extension ThemeSimilarityMatrix {
    /// The full matrix as CSV, written a block of rows at a time to `write`, so that a matrix of millions
    /// of cells never has to be held in memory; the same columns as the matrix table in earlier versions.
    public func writeCSV(dialect: CSVDialect, language: Language, to write: (Data) -> Void) {
        var writer = CSVLineWriter(dialect: dialect)
        writer.writeHeader(
            [phrase("Programma", "Programme", language), phrase("Aantal thema's", "Themes covered", language)]
                + programmes.map { $0.shortName }, byteOrderMark: dialect.byteOrderMark)
        for index in programmes.indices {
            let cells = row(index).map { ratio -> TableCell in ratio.decimalText(places: 3).map(TableCell.decimal) ?? .empty }
            writer.write([.text(programmes[index].heading(language)), .integer(themeCounts[index])] + cells)
            if writer.bytes.count >= 1 << 20 {
                write(Data(writer.bytes))
                writer.bytes.removeAll(keepingCapacity: true)
            }
        }
        write(Data(writer.bytes))
    }
}
