import CSV
import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieStore
import Testing

/// The CSV export: both dialects read back with a CSV parser, formula neutralising, the data dictionary,
/// the data version, and the committed `exports/` folder being current.
@Suite struct ExportTests {
    /// Text that breaks naive CSV writers and spreadsheets: accents, the euro sign, quotes, both separators,
    /// line breaks, and every character a spreadsheet would take as the start of a formula.
    static let trickyTexts = [
        "Café ë é €", "Zij zei \"hallo\"", "a;b", "a,b", "regel 1\nregel 2", "regel 1\r\nregel 2", "=SUM(A1:A2)",
        "+31 20 123 4567", "-verlaagd", "@partner", "\tmet tab", "\rmet cr", "\nmet lf", "gewoon", "",
        "'al een apostrof", " =spatie ervoor",
    ]

    /// A CSV of a view holds its main table, which the view makes alone, without its other tables.
    @Test func everyViewsMainTableIsTheFirstOfAllItsTables() throws {
        for catalog in [try TestSupport.loadRealPlugins().catalog(), try TestSupport.syntheticCatalog()] {
            for view in ViewName.allCases {
                for language in Language.allCases {
                    let built = view.build(catalog: catalog, scope: ComparisonScope(language: language))
                    let first = try #require(built.tables(catalog: catalog, language: language).first)
                    let main = try #require(built.mainTable(catalog: catalog, language: language))
                    #expect(main.title == first.title && main.notes == first.notes, "\(view.rawValue)")
                    #expect(
                        try CSVRenderer.render(main, dialect: .rfc4180) == CSVRenderer.render(first, dialect: .rfc4180),
                        "\(view.rawValue) in \(language)")
                }
            }
        }
    }

    // MARK: Round trip

    @Test(arguments: CSVDialect.allCases)
    func trickyCellsSurviveARoundTrip(dialect: CSVDialect) throws {
        let rows: [[TableCell]] = Self.trickyTexts.map { [.text($0), .integer(-42), .money(Money(cents: -123_456)), .decimal("-0.125"), .empty] }
        let table = ResultTable(title: "t", columns: ["Tekst", "Getal", "Bedrag", "Decimaal", "Leeg"], rows: rows)
        let data = try CSVRenderer.render(table, dialect: dialect)
        let parsed = try Self.parse(data, dialect: dialect)
        #expect(parsed.first == table.columns)
        #expect(parsed.count == rows.count + 1)
        for (text, record) in zip(Self.trickyTexts, parsed.dropFirst()) {
            #expect(record[0] == Self.expectedText(text), "text \(text.debugDescription)")
            #expect(Self.original(record[0]) == text, "removing the one apostrophe gives back \(text.debugDescription)")
            #expect(record[1] == "-42")
            #expect(record[2] == (dialect == .excelNL ? "-1234,56" : "-1234.56"))
            #expect(record[3] == (dialect == .excelNL ? "-0,125" : "-0.125"))
            #expect(record[4] == "")
        }
    }

    @Test(arguments: CSVDialect.allCases)
    func largeTableWrittenInHalvesIsWholeAndInOrder(dialect: CSVDialect) throws {
        // 400 rows × 30 columns is over the size that is written on two cores.
        let rows: [[TableCell]] = (0..<400).map { row in
            (0..<30).map { column in column == 0 ? .integer(row) : .text(Self.trickyTexts[(row + column) % Self.trickyTexts.count]) }
        }
        let table = ResultTable(title: "t", columns: (0..<30).map { "kolom \($0)" }, rows: rows)
        let data = try CSVRenderer.render(table, dialect: dialect)
        #expect(data.starts(with: dialect == .excelNL ? [0xEF, 0xBB, 0xBF] : Array("kolom".utf8)))
        #expect(data.suffix(2) == Data([0x0D, 0x0A]))
        let parsed = try Self.parse(data, dialect: dialect)
        #expect(parsed.count == 401)
        #expect(parsed.dropFirst().map { $0[0] } == (0..<400).map(String.init))
        for (record, row) in zip(parsed.dropFirst(), rows) {
            #expect(record == row.map { Self.expectedField($0, dialect: dialect) })
        }
    }

    @Test(arguments: CSVDialect.allCases)
    func everyExportedFileParsesBackToItsTable(dialect: CSVDialect) throws {
        let export = try CSVExport(catalog: Self.trickyCatalog(), language: .nl, dialect: dialect, schemaVersion: "test-schema")
        #expect(export.files.count == export.tables.count + 1)
        for (table, file) in zip(export.tables, export.files) {
            #expect(file.name == table.fileName)
            let parsed = try Self.parse(file.contents, dialect: dialect)
            #expect(parsed.first == table.table.columns.map(Self.expectedText), "\(file.name) header")
            #expect(parsed.count == table.table.rows.count + 1, "\(file.name) row count")
            for (row, record) in zip(table.table.rows, parsed.dropFirst()) {
                #expect(record == row.map { Self.expectedField($0, dialect: dialect) }, "\(file.name)")
            }
        }
        #expect(try Self.column("Titel", of: "programmes.csv", in: export).contains("'=1+2; \"Café\", één € en\r\neen nieuwe regel"))
        #expect(try Self.column("Titel", of: "items.csv", in: export).contains("'-5 euro voor iedereen"))
        #expect(try Self.column("Omschrijving", of: "items.csv", in: export).contains("'@iedereen\tmet ë, é en € 1.000,50"))
    }

    // MARK: Bytes of each dialect

    @Test func excelNLHasBOMSemicolonsCRLFAndDecimalCommas() throws {
        let export = try CSVExport(catalog: Self.realCatalog(), language: .nl, dialect: .excelNL, schemaVersion: "test-schema")
        for file in export.files where file.name.hasSuffix(".csv") {
            #expect(Array(file.contents.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file.name) starts with a BOM")
            #expect(file.contents.suffix(2) == Data("\r\n".utf8), "\(file.name) ends with CRLF")
            let text = String(decoding: file.contents.dropFirst(3), as: UTF8.self)
            #expect(!text.lowercased().hasPrefix("sep="), "no sep= line in \(file.name)")
            let header = text.components(separatedBy: "\r\n")[0]
            #expect(header.contains(";") && !header.contains("\n"), "\(file.name) header ends in CRLF")
        }
        let budget = try Self.records(export, "budget-lines.csv", dialect: .excelNL)
        let amountColumn = try #require(budget[0].firstIndex(of: "Bedrag (euro)"))
        let amounts = budget.dropFirst().map { $0[amountColumn] }.filter { !$0.isEmpty }
        #expect(!amounts.isEmpty)
        #expect(amounts.allSatisfy { $0.wholeMatch(of: /\d+,\d\d/) != nil }, "\(amounts)")
        #expect(amounts.contains("90000,00"))
        #expect(budget.dropFirst().contains { $0[amountColumn].isEmpty }, "an amount that is not stated stays empty, not 0")
    }

    @Test func rfc4180HasCommasDecimalPointsAndNoBOM() throws {
        let export = try CSVExport(catalog: Self.realCatalog(), language: .en, dialect: .rfc4180, schemaVersion: "test-schema")
        for file in export.files where file.name.hasSuffix(".csv") {
            #expect(file.contents.first != 0xEF, "\(file.name) has no BOM")
            #expect(file.contents.suffix(2) == Data("\r\n".utf8))
        }
        let budget = try Self.records(export, "budget-lines.csv", dialect: .rfc4180)
        let amountColumn = try #require(budget[0].firstIndex(of: "Amount (euro)"))
        let amounts = budget.dropFirst().map { $0[amountColumn] }.filter { !$0.isEmpty }
        #expect(amounts.allSatisfy { $0.wholeMatch(of: /\d+\.\d\d/) != nil }, "\(amounts)")
    }

    @Test func negativeNumbersStayNumbersAndTextIsNeutralised() throws {
        let table = ResultTable(
            title: "t", columns: ["a", "b", "c", "d"],
            rows: [[.integer(-5), .money(Money(cents: -1)), .decimal("-2.5"), .text("-5")]])
        let line = String(decoding: try CSVRenderer.render(table, dialect: .excelNL), as: UTF8.self)
            .components(separatedBy: "\r\n")[1]
        #expect(line == "-5;-0,01;-2,5;'-5")
    }

    /// A delimiter or double quote followed by a combining mark is still a delimiter or a quote to a
    /// spreadsheet, so the field is quoted; CSV.swift's writer, deciding by `Character`, leaves it bare,
    /// which is one reason CSV is not written through it.
    @Test func aDelimiterOrQuoteBeforeACombiningMarkIsQuoted() throws {
        let table = ResultTable(title: "t", columns: ["a", "b"], rows: [[.text("x,\u{301}y"), .text("\"\u{301}")]])
        let written = try CSVRenderer.render(table, dialect: .rfc4180)
        #expect(written == Data("a,b\r\n\"x,\u{301}y\",\"\"\"\u{301}\"\r\n".utf8))
    }

    // MARK: Dictionary, sources, version

    @Test func dataDictionaryDescribesEveryFileAndColumn() throws {
        for language in Language.allCases {
            let export = try CSVExport(catalog: Self.realCatalog(), language: language, dialect: .excelNL, schemaVersion: "test-schema")
            let dictionary = String(decoding: try #require(export.files.last { $0.name == DataDictionary.fileName }).contents, as: UTF8.self)
            #expect(dictionary.contains(export.dataVersion.description))
            #expect(dictionary.contains(language == .nl ? "Hoe te citeren" : "How to cite"))
            #expect(dictionary.contains("OWASP"))
            for table in export.tables {
                #expect(dictionary.contains("\(table.fileName) — \(table.table.title)"), "\(table.fileName)")
                #expect(table.columnMeanings.count == table.table.columns.count)
                #expect(table.columnMeanings.allSatisfy { !$0.isEmpty }, "\(table.fileName)")
                // A long column heading (municipality, programme label, kind) may wrap onto the next line.
                let unwrapped = dictionary.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
                for (index, column) in table.table.columns.enumerated() {
                    #expect(unwrapped.contains("\(index + 1). \(column) — "), "\(table.fileName): \(column)")
                }
            }
            let viewNames = Set(export.tables.compactMap { table -> String? in
                if case .view(let name) = table.origin { return name }
                return nil
            })
            #expect(viewNames == Set(ViewName.allCases.map(\.rawValue)), "one or more CSVs for every comparison view")
        }
    }

    @Test func everyRowThatStatesAFactCarriesItsSourceFileAndSection() throws {
        let catalog = try Self.realCatalog()
        let tables = DataTables.tables(catalog: catalog, language: .nl)
        let sourceFiles = Set(catalog.programmes.map(\.sourceFile))
        for name in ["programmes.csv", "items.csv", "item-mappings.csv", "budget-lines.csv", "partners.csv", "evidence.csv"] {
            let table = try #require(tables.first { $0.fileName == name }).table
            let file = try #require(table.columns.firstIndex(of: "Bronbestand"), "\(name)")
            let section = try #require(table.columns.firstIndex(of: "Vindplaats"), "\(name)")
            #expect(!table.rows.isEmpty, "\(name)")
            for row in table.rows {
                guard case .text(let source) = row[file], case .text(let heading) = row[section] else {
                    Issue.record("\(name): a row without source file or section: \(row)")
                    continue
                }
                #expect(sourceFiles.contains(source), "\(name): \(source)")
                #expect(!heading.isEmpty)
            }
        }
    }

    @Test func dataVersionFollowsTheContentNotTheClockLanguageOrDialect() throws {
        let catalog = try Self.realCatalog()
        let dutch = try CSVExport(catalog: catalog, language: .nl, dialect: .excelNL, schemaVersion: "v1")
        let english = try CSVExport(catalog: catalog, language: .en, dialect: .rfc4180, schemaVersion: "v1")
        #expect(dutch.dataVersion == english.dataVersion)
        #expect(dutch.dataVersion.description.wholeMatch(of: /v1\+[0-9a-f]{12}/) != nil)
        #expect(try CSVExport(catalog: catalog, language: .nl, dialect: .excelNL, schemaVersion: "v1").files == dutch.files)

        var changed = catalog
        changed.programmes[0].evidence[0].quote += "!"
        #expect(try DataVersion(catalog: changed, schema: "v1") != dutch.dataVersion)

        // The fingerprint is the SHA-256 of the canonical data files, so anyone can check it with sha256sum.
        let canonical = english.tables.filter { $0.origin == .data }.compactMap { table in
            english.files.first { $0.name == table.fileName }?.contents
        }.reduce(Data(), +)
        #expect(ContentDigest.sha256Hex(canonical) == english.dataVersion.contentDigest)
    }

    // MARK: The committed exports

    @Test func committedExportsAreCurrent() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let fresh = workspace.appendingPathComponent("exports")
        let result = try TestSupport.run([
            "export", "--out", fresh.path, "--municipalities", TestSupport.municipalities,
            "--db", workspace.appendingPathComponent("export.sqlite").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let committed = TestSupport.repositoryRoot.appendingPathComponent("exports")
        let manager = FileManager.default
        let freshNames = try manager.contentsOfDirectory(atPath: fresh.path).sorted()
        let committedNames = try manager.contentsOfDirectory(atPath: committed.path).filter { !$0.hasPrefix(".") }.sorted()
        let advice = "exports/ is out of date: run `swift run inclusiebench export` and commit the result"
        let missing = Set(freshNames).subtracting(committedNames).sorted()
        let extra = Set(committedNames).subtracting(freshNames).sorted()
        #expect(missing.isEmpty, "missing from exports/: \(missing.joined(separator: ", ")) — \(advice)")
        #expect(extra.isEmpty, "no longer written by the export: \(extra.joined(separator: ", ")) — delete them; \(advice)")
        for name in freshNames {
            let expected = try Data(contentsOf: fresh.appendingPathComponent(name))
            let actual = try? Data(contentsOf: committed.appendingPathComponent(name))
            #expect(actual == expected, "\(name): \(advice)")
        }
    }

    @Test func exportCommandWritesEnglishRFC4180() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let out = workspace.appendingPathComponent("en")
        let result = try TestSupport.run([
            "export", "--out", out.path, "--dialect", "rfc4180", "--lang", "en", "--municipalities", TestSupport.municipalities,
            "--db", workspace.appendingPathComponent("export.sqlite").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let header = try String(contentsOf: out.appendingPathComponent("programmes.csv"), encoding: .utf8)
        #expect(header.hasPrefix("Programme,Municipality,Programme label,Title,"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("data-dictionary.txt").path))
    }

    // MARK: Helpers

    /// Parses CSV bytes with CSV.swift's reader, which drops a UTF-8 BOM.
    static func parse(_ data: Data, dialect: CSVDialect) throws -> [[String]] {
        let reader = try CSVReader(
            stream: InputStream(data: data), codecType: UTF8.self, hasHeaderRow: false,
            delimiter: dialect == .excelNL ? ";" : ",")
        var records: [[String]] = []
        while let record = reader.next() { records.append(record) }
        if let error = reader.error { throw error }
        return records
    }

    /// The values of one column of an exported file, found by its header, as a parser reads them.
    static func column(_ header: String, of name: String, in export: CSVExport) throws -> [String] {
        let dialect: CSVDialect = export.files[0].contents.first == 0xEF ? .excelNL : .rfc4180
        let records = try records(export, name, dialect: dialect)
        let index = try #require(records.first?.firstIndex(of: header), "\(name) has no column \(header)")
        return records.dropFirst().map { $0[index] }
    }

    static func records(_ export: CSVExport, _ name: String, dialect: CSVDialect) throws -> [[String]] {
        try parse(try #require(export.files.first { $0.name == name }).contents, dialect: dialect)
    }

    /// What a text cell must read as after parsing: the text, with an apostrophe in front when a
    /// spreadsheet would otherwise run it (written here independently of the renderer).
    static func expectedText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// The text back as it was, for a reader who removes the one apostrophe the dictionary tells about.
    static func original(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.unicodeScalars.dropFirst().first,
            "=+-@\t\r\n".unicodeScalars.contains(second)
        else { return field }
        return String(field.dropFirst())
    }

    static func expectedField(_ cell: TableCell, dialect: CSVDialect) -> String {
        let decimal = dialect == .excelNL ? "," : "."
        switch cell {
        case .text(let text), .markedText(let text, _): return expectedText(text)
        case .integer(let value): return String(value)
        case .money(let money):
            let sign = money.cents < 0 ? "-" : ""
            let (whole, fraction) = abs(money.cents).quotientAndRemainder(dividingBy: 100)
            return sign + String(whole) + decimal + (fraction < 10 ? "0" : "") + String(fraction)
        case .decimal(let value): return value.replacingOccurrences(of: ".", with: decimal)
        case .empty: return ""
        }
    }

    static func realCatalog() throws -> Catalog {
        try TestSupport.loadRealPlugins().catalog()
    }

    /// The real catalog with text that tests the writer: a programme title and an item title that would
    /// run as formulas, with accents, the euro sign, quotes, both separators and a line break.
    static func trickyCatalog() throws -> Catalog {
        var catalog = try realCatalog()
        catalog.programmes[0].title = "=1+2; \"Café\", één € en\r\neen nieuwe regel"
        catalog.programmes[0].items[0].title = "-5 euro voor iedereen"
        catalog.programmes[0].items[0].description = "@iedereen\tmet ë, é en € 1.000,50"
        return catalog
    }
}
