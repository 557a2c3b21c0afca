import InclusieComparison
import InclusieModel

/// A phrase in both user languages, picked at render time.
func phrase(_ nl: String, _ en: String, _ language: Language) -> String {
    language == .nl ? nl : en
}

/// Column headings in the reader's language, from Dutch headings paired with their English ones: a table
/// names its language once, not once per column.
func headings(_ dutchToEnglish: KeyValuePairs<String, String>, _ language: Language) -> [String] {
    dutchToEnglish.map { language == .nl ? $0.key : $0.value }
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
        [matrixTable(language: language), profileTable(taxonomy: taxonomy, language: language)]
    }

    /// Entry × programme, each cell with the number of items and their own labels.
    ///
    /// Rows are made on all cores: at 3,420 municipalities the theme matrix has 60 rows of 3,776 cells,
    /// and joining their labels was a quarter of a `compare themes --format csv` process.
    func matrixTable(language: Language) -> ResultTable {
        let isTheme = facet == .theme
        let what = isTheme ? phrase("Thema", "Theme", language) : phrase("Instrument", "Instrument", language)
        var columns = isTheme ? [phrase("Domein", "Domain", language)] : []
        columns += [what] + programmes.map { $0.heading(language) } + [phrase("Aantal programma's", "Programmes covering", language)]
        let rows = self.rows
        let tableRows: [[TableCell]] = ParallelResults.compute(count: rows.count) { index in
            let row = rows[index]
            var cells: [TableCell] = isTheme ? [.text(row.group ?? "")] : []
            cells.reserveCapacity(row.cells.count + 3)
            cells.append(.text(row.label))
            for cell in row.cells {
                cells.append(cell.count == 0 ? .empty : .text(Self.cellText(cell)))
            }
            cells.append(.integer(row.coveredBy))
            return cells
        }
        let title =
            isTheme
            ? phrase("Thema's per programma", "Themes by programme", language)
            : phrase("Instrumenten per programma", "Instruments by programme", language)
        return ResultTable(
            title: title, columns: columns, rows: tableRows,
            notes: [
                phrase(
                    "Per cel: (aantal onderdelen) en de eigen woorden van het programma; hoofdkoppeling eerst. Leeg: niet genoemd.",
                    "Per cell: (number of items) and the programme's own words; primary mapping first. Empty: not mentioned.",
                    language),
                phrase(
                    "Inbreng (werkconferentie) en voorstellen (partijprogramma) staan erbij maar tellen niet als beleid.",
                    "Input (workshop) and proposals (party programme) are shown but never counted as policy.", language),
            ])
    }

    /// "(2) first label; second label", written into one string of the right size.
    private static func cellText(_ cell: Cell) -> String {
        let count = String(cell.count)
        var text = ""
        text.reserveCapacity(count.utf8.count + 3 + cell.localLabels.reduce(0) { $0 + $1.utf8.count + 2 })
        text += "("
        text += count
        text += ") "
        for (index, label) in cell.localLabels.enumerated() {
            if index > 0 { text += "; " }
            text += label
        }
        return text
    }

    /// Each programme's gaps and the entries only it covers.
    func profileTable(taxonomy: Taxonomy, language: Language) -> ResultTable {
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
        return ResultTable(
            title: phrase("Witte vlekken en unieke onderwerpen", "Gaps and unique entries", language),
            columns: headings(["Programma": "Programme", "Witte vlekken": "Gaps", "Alleen hier": "Unique"], language),
            rows: profileRows,
            notes: [
                phrase(
                    "Witte vlek: minstens de helft van de andere beleidsprogramma's noemt het, dit programma niet. Voor een gedeeltelijk gemodelleerd programma worden geen witte vlekken geclaimd.",
                    "Gap: at least half of the other policy programmes cover it, this one does not. No gaps are claimed for a partly modelled programme.",
                    language)
            ])
    }
}
