import InclusieComparison
import InclusieModel

/// A phrase in both user languages, picked at render time.
func phrase(_ nl: String, _ en: String, _ language: Language) -> String {
    language == .nl ? nl : en
}

extension ProgrammeColumn {
    /// A column heading that says what kind of document this is, so input is never mistaken for policy.
    ///
    /// A programme modelled from part of its document says so here, so its empty cells are not read as absence.
    func heading(_ language: Language) -> String {
        // The draft mark comes first, so a narrow terminal column that cuts the heading still shows it.
        let draft = isDraft ? phrase(" (concept)", " (draft)", language) : ""
        let partial = isPartial ? phrase(", gedeeltelijk gemodelleerd", ", partly modelled", language) : ""
        return "\(shortName)\(draft) — \(kindLabel), \(adoptionStatusLabel)\(partial)"
    }
}

extension CoverageMatrix {
    /// The matrix, and a second table with each programme's gaps and unique entries.
    public func tables(taxonomy: Taxonomy, language: Language) -> [ResultTable] {
        let isTheme = facet == .theme
        let what = isTheme ? phrase("Thema", "Theme", language) : phrase("Instrument", "Instrument", language)
        var columns = isTheme ? [phrase("Domein", "Domain", language)] : []
        columns += [what] + programmes.map { $0.heading(language) } + [phrase("Aantal programma's", "Programmes covering", language)]
        let rows: [[TableCell]] = rows.map { row in
            var cells: [TableCell] = isTheme ? [.text(row.group ?? "")] : []
            cells.append(.text(row.label))
            cells += row.cells.map { cell in
                cell.count == 0 ? .empty : .text("(\(cell.count)) " + cell.localLabels.joined(separator: "; "))
            }
            cells.append(.integer(row.coveredBy))
            return cells
        }
        let title =
            isTheme
            ? phrase("Thema's per programma", "Themes by programme", language)
            : phrase("Instrumenten per programma", "Instruments by programme", language)
        let matrix = ResultTable(
            title: title, columns: columns, rows: rows,
            notes: [
                phrase(
                    "Per cel: (aantal onderdelen) en de eigen woorden van het programma; hoofdkoppeling eerst. Leeg: niet genoemd.",
                    "Per cell: (number of items) and the programme's own words; primary mapping first. Empty: not mentioned.",
                    language),
                phrase(
                    "Inbreng (werkconferentie) en voorstellen (partijprogramma) staan erbij maar tellen niet als beleid.",
                    "Input (workshop) and proposals (party programme) are shown but never counted as policy.", language),
            ])
        let facet = self.facet
        func labels(_ ids: [String]) -> TableCell {
            ids.isEmpty ? .empty : .text(ids.map { taxonomy.label($0, in: facet, language) }.joined(separator: "; "))
        }
        let profileRows: [[TableCell]] = zip(programmes, profiles).map { programme, profile in
            let gaps =
                profile.gapsNotClaimed
                ? TableCell.text(
                    phrase("gedeeltelijk gemodelleerd, geen witte vlekken geclaimd: ", "partly modelled, no gaps claimed: ", language)
                        + (programme.coverageReason ?? ""))
                : labels(profile.gaps)
            return [.text(programme.heading(language)), gaps, labels(profile.unique)]
        }
        let profileTable = ResultTable(
            title: phrase("Witte vlekken en unieke onderwerpen", "Gaps and unique entries", language),
            columns: [
                phrase("Programma", "Programme", language),
                phrase("Witte vlekken", "Gaps", language),
                phrase("Alleen hier", "Unique", language),
            ], rows: profileRows,
            notes: [
                phrase(
                    "Witte vlek: minstens de helft van de andere beleidsprogramma's noemt het, dit programma niet. Voor een gedeeltelijk gemodelleerd programma worden geen witte vlekken geclaimd.",
                    "Gap: at least half of the other policy programmes cover it, this one does not. No gaps are claimed for a partly modelled programme.",
                    language)
            ])
        return [matrix, profileTable]
    }
}
