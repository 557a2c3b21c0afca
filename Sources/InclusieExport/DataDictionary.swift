import InclusieModel

/// The plain-text data dictionary that travels with an export: the data version, how to cite it, the file
/// format, and every file and column with its unit, codes and what empty means.
///
/// Plain text rather than another CSV or a web page, so it opens anywhere and reads well when printed.
public enum DataDictionary {
    public static let fileName = "data-dictionary.txt"

    public static func render(tables: [ExportTable], dataVersion: DataVersion, dialect: CSVDialect, language: Language) -> String {
        var lines: [String] = []
        func add(_ text: String = "", indent: Int = 0) {
            lines += wrap(text, indent: indent)
        }
        let title = phrase(
            "inclusiebench — gegevenswoordenboek bij de export", "inclusiebench — data dictionary of the export", language)
        lines += [title, String(repeating: "=", count: title.count)]
        add()
        add(phrase("Gegevensversie: ", "Data version: ", language) + dataVersion.description)
        let dataFiles = tables.filter { $0.origin == .data }.map(\.fileName)
        add(
            phrase(
                "Het deel vóór '+' is het databaseschema (\(dataVersion.schema)). Het deel erna is een vingerafdruk van de inhoud: de eerste 12 tekens van de SHA-256 van de onderliggende tabellen zoals `inclusiebench export --dialect rfc4180 --lang en` ze schrijft, achter elkaar in deze volgorde: \(dataFiles.joined(separator: " ")). Dezelfde gegevens geven dus altijd dezelfde versie, in elke taal en elk dialect; elke wijziging geeft een nieuwe. Zelf nagaan: schrijf die export naar een lege map en voer daar `cat \(dataFiles.joined(separator: " ")) | sha256sum` uit. Volledige vingerafdruk: \(dataVersion.contentDigest).",
                "The part before '+' is the database schema (\(dataVersion.schema)). The part after it fingerprints the content: the first 12 digits of the SHA-256 of the underlying tables as `inclusiebench export --dialect rfc4180 --lang en` writes them, one after another in this order: \(dataFiles.joined(separator: " ")). The same data therefore always has the same version, in every language and dialect; any change gives a new one. To check: write that export to an empty folder and run `cat \(dataFiles.joined(separator: " ")) | sha256sum` there. Full fingerprint: \(dataVersion.contentDigest).",
                language), indent: 2)
        add()

        add(phrase("Hoe te citeren", "How to cite", language))
        add(
            phrase(
                "inclusiebench, vergelijking van inclusieprogramma's van gemeenten, export gegevensversie \(dataVersion), bestand <bestandsnaam>.",
                "inclusiebench, comparison of municipalities' inclusion programmes, export data version \(dataVersion), file <file name>.",
                language), indent: 2)
        add(
            phrase(
                "Citeer bij een los feit ook het brondocument en de vindplaats uit de rij (kolommen Bronbestand en Vindplaats): de documenten zijn van de gemeenten en partijen die ze schreven. Noem bij een partijprogramma of werkconferentie dat het om voorstellen of inbreng gaat, niet om beleid (kolom Telt als beleid in programmes.csv).",
                "For a single fact, also cite the source document and section given in its row (columns Source file and Section): the documents belong to the municipalities and parties that wrote them. For a party programme or workshop, say that it holds proposals or input, not policy (column Counts as policy in programmes.csv).",
                language), indent: 2)
        add()

        add(phrase("Opmaak van de bestanden", "File format", language))
        for rule in formatRules(dialect: dialect, language: language) {
            add("- " + rule, indent: 2)
        }
        add()

        add(phrase("Bestanden", "Files", language))
        for table in tables {
            add("- \(table.fileName) — \(table.table.title) (\(rowCount(table.table.rows.count, language)))", indent: 2)
        }
        add("- \(fileName) — " + phrase("dit bestand", "this file", language), indent: 2)

        for table in tables {
            add()
            let heading = "\(table.fileName) — \(table.table.title)"
            lines += [heading, String(repeating: "-", count: heading.count)]
            add(table.rowMeaning, indent: 2)
            add(phrase("Rijen: ", "Rows: ", language) + String(table.table.rows.count), indent: 2)
            for note in table.table.notes {
                add(phrase("Toelichting: ", "Note: ", language) + note, indent: 2)
            }
            add(phrase("Kolommen:", "Columns:", language), indent: 2)
            for (index, column) in table.table.columns.enumerated() {
                let meaning = index < table.columnMeanings.count ? table.columnMeanings[index] : ""
                add("\(index + 1). \(column) — \(meaning)", indent: 4)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func formatRules(dialect: CSVDialect, language: Language) -> [String] {
        let layout =
            switch dialect {
            case .excelNL:
                phrase(
                    "CSV-dialect excel-nl, zoals Nederlandse Excel en CBS StatLine-downloads het verwachten: scheidingsteken ';', decimale komma, UTF-8 met BOM, regels eindigen op CRLF.",
                    "CSV dialect excel-nl, as Dutch Excel and CBS StatLine downloads expect: separator ';', decimal comma, UTF-8 with a byte order mark, lines end in CRLF.",
                    language)
            case .rfc4180:
                phrase(
                    "CSV-dialect rfc4180: scheidingsteken ',', decimale punt, UTF-8 zonder BOM, regels eindigen op CRLF.",
                    "CSV dialect rfc4180: separator ',', decimal point, UTF-8 without a byte order mark, lines end in CRLF.",
                    language)
            }
        let decimal = dialect == .excelNL ? "1234,50" : "1234.50"
        return [
            layout,
            phrase(
                "De eerste regel bevat de kolomnamen; er is geen 'sep='-regel. Tekst met het scheidingsteken, aanhalingstekens of regeleinden staat tussen dubbele aanhalingstekens, met \"\" voor een aanhalingsteken.",
                "The first line holds the column names; there is no 'sep=' line. Text containing the separator, quotes or line breaks is enclosed in double quotes, with \"\" for a quote.",
                language),
            phrase(
                "Bedragen: euro's met twee decimalen, zonder duizendtalscheiding (\(decimal)). Intern rekent de tool in hele centen, nooit met zwevendekommagetallen.",
                "Amounts: euros with two decimals, no thousands separator (\(decimal)). Inside, the tool counts in whole cents, never in floating point.",
                language),
            phrase(
                "Gehele getallen (aantallen, jaren, inwoners) staan zonder scheiding. Negatieve getallen staan er als getal met een minteken.",
                "Integers (counts, years, inhabitants) have no separators. Negative numbers are written as numbers with a minus sign.",
                language),
            phrase(
                "Leeg betekent 'niet van toepassing' of 'niet in het document'; per kolom staat hieronder wat precies. Een leeg bedrag is nooit € 0, en 'niet vermeld' betekent: het document noemt het geld zonder bedrag.",
                "Empty means 'not applicable' or 'not in the document'; each column below says which. An empty amount is never € 0, and 'not stated' means the document names the money without an amount.",
                language),
            phrase(
                "Meerdere waarden in één cel (codes, ids, jaren) zijn gescheiden door ', '.",
                "Several values in one cell (codes, ids, years) are separated by ', '.", language),
            phrase(
                "Tekst die begint met =, +, -, @, een tab of een regeleinde krijgt een apostrof (') ervoor, zodat een spreadsheet hem niet als formule uitvoert (OWASP CSV Injection). Haal die ene apostrof weg voor de oorspronkelijke tekst.",
                "Text beginning with =, +, -, @, a tab or a line break gets an apostrophe (') in front, so a spreadsheet cannot run it as a formula (OWASP CSV Injection). Remove that one apostrophe to get the original text.",
                language),
            phrase(
                "Codes (kolommen met '(code)') staan in taxonomy.csv met hun Nederlandse en Engelse label en hun definitie.",
                "Codes (columns marked '(code)') are listed in taxonomy.csv with their Dutch and English labels and their definitions.",
                language),
            phrase(
                "Geen persoonsnamen: eigenaren en aanspreekpunten zijn afdelingen of organisatie-eenheden.",
                "No personal names: owners and contact points are departments or organisational units.", language),
        ]
    }

    private static func rowCount(_ count: Int, _ language: Language) -> String {
        count == 1 ? phrase("1 rij", "1 row", language) : phrase("\(count) rijen", "\(count) rows", language)
    }

    /// Wraps at word boundaries to 100 characters; continuation lines of a list entry hang under its text.
    private static func wrap(_ text: String, indent: Int, width: Int = 100) -> [String] {
        guard !text.isEmpty else { return [""] }
        let prefix = String(repeating: " ", count: indent)
        let marker = text.prefixMatch(of: /(- |\d+\. )/).map { String(repeating: " ", count: $0.output.0.count) } ?? ""
        let hangingPrefix = prefix + marker
        var lines: [String] = []
        var current = prefix
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let isFirstOnLine = current == prefix || current == hangingPrefix
            if !isFirstOnLine, current.count + 1 + word.count > width {
                lines.append(current)
                current = hangingPrefix + word
            } else {
                current += (isFirstOnLine ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines
    }
}
