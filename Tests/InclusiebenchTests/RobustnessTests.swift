import Foundation
import GRDB
import InclusieComparison
import InclusieExport
import InclusieModel
@testable import InclusiePlugins
import InclusieStore
import Testing

/// The attacks of issue 8: input that crashed, hung or slipped past the checks, and output that could run
/// code or damage files. Each test failed before its fix.
@Suite struct RobustnessTests {
    let bij1 = "almere/bij1-verkiezingsprogramma-2022.yaml"
    let amstelveen = "amstelveen/nota-diversiteit-en-inclusie-2023.yaml"
    let arnhem = "arnhem/municipality.yaml"

    private func load(editing file: String, _ change: (String) -> String) throws -> LoadedPlugins {
        try TestSupport.load(editing: file, change)
    }

    private func onlyError(_ loaded: LoadedPlugins, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
        try #require(loaded.errors.count == 1, "\(loaded.errors)", sourceLocation: sourceLocation)
        return loaded.errors[0]
    }

    // MARK: 1. Overflow

    @Test(arguments: ["46116860184273880", "92233720368547758", "10000000000.01"])
    func amountAboveTheCeilingIsRefusedWithItsLine(amount: String) throws {
        let loaded = try load(editing: amstelveen) { $0.replacingOccurrences(of: "2023: 50000\n", with: "2023: \(amount)\n") }
        let error = try onlyError(loaded)
        #expect(error.file.hasSuffix(amstelveen))
        #expect(error.line != nil)
        #expect(error.message.en.contains("is larger than €10,000,000,000"))
        #expect(error.message.nl.contains("is groter dan € 10.000.000.000"))
    }

    @Test(arguments: ["9223372036854775807", "20000001", "-1", "0", "0x7E4"])
    func implausiblePopulationIsRefusedWithItsLine(count: String) throws {
        let loaded = try load(editing: arnhem) { $0.replacingOccurrences(of: "count: 159265", with: "count: \(count)") }
        let error = try onlyError(loaded)
        #expect(error.file.hasSuffix(arnhem))
        let lines = try String(contentsOfFile: TestSupport.municipalities + "/" + arnhem, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let expected = try #require(lines.firstIndex { $0.contains("count: 159265") }) + 1
        #expect(error.line == expected)
    }

    @Test func sumsAndDivisionsOfHugeStoredValuesDoNotTrap() {
        let huge = Money(cents: Int.max / 2 + 1)
        #expect((huge + huge).cents == Int.max)
        #expect((Money(cents: Int.min) - Money(cents: 1)).cents == Int.min)
        #expect(Money.checkedSum([huge, huge]) == nil)
        #expect(Money.checkedSum([Money(cents: 1), Money(cents: 2)]) == Money(cents: 3))
        #expect(BudgetOverview.perInhabitant(Money(cents: Int.max), inhabitants: 1) == Money(cents: Int.max))
        #expect(BudgetOverview.perInhabitant(Money(cents: 5), inhabitants: 2) == Money(cents: 3))
        #expect(BudgetOverview.perInhabitant(Money(cents: -5), inhabitants: 2) == Money(cents: -3))
        #expect(Money(cents: Int.min).plainEuros(decimalSeparator: ",").hasPrefix("-92233720368547758"))
        #expect(Money(cents: Int.min).formatted(.nl).hasPrefix("€ -"))
        #expect(Ratio(Int.max, of: Int.max).decimalText() == "1.000")
        #expect(Ratio(Int.max, of: 1).scaled(places: 3) == nil)
        #expect(Ratio(Int.max, of: 2).isLess(than: Ratio(Int.max, of: 1)))
    }

    /// A database written by something else than `validate` (a hand-edited file) must not crash a view.
    @Test func viewsSurviveAmountsNearIntMaxInTheDatabase() throws {
        var catalog = try TestSupport.loadRealPlugins().catalog()
        let index = try #require(catalog.programmes.firstIndex { !$0.budget.lines.isEmpty })
        guard case .lines(var lines, let note, let evidence) = catalog.programmes[index].budget else { return }
        let year = try #require(lines[0].amounts.first?.year)
        lines[0].amounts = [YearAmount(year: year, amount: Money(cents: 9_223_372_036_854_775_800))]
        lines[1].amounts = [YearAmount(year: year, amount: Money(cents: 100))]
        catalog.programmes[index].budget = .lines(lines, note: note, evidence: evidence)
        let slug = catalog.programmes[index].municipalitySlug
        let municipality = try #require(catalog.municipalities.firstIndex { $0.slug == slug })
        catalog.municipalities[municipality].population[0].count = 1

        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("huge.sqlite").path
        try Store(path: database).replaceAll(with: catalog)
        for arguments in [
            ["compare", "budgets"], ["compare", "budgets", "--format", "json"], ["report", "--out", "r.html"],
            ["export", "--out", "out"],
        ] {
            let run = try TestSupport.run(
                arguments + ["--municipalities", TestSupport.municipalities, "--db", database], in: directory)
            #expect(run.status == 0, "\(arguments): \(run.error)")
        }
    }

    // MARK: 2. YAML alias bomb, tags

    static let aliasBomb =
        (["a0: &a0 [x]"] + (1...9).map { level in "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]" }
        + ["? *a9", ": boom"]).joined(separator: "\n") + "\n"

    @Test(arguments: ["almere/bij1-verkiezingsprogramma-2022.yaml", "arnhem/municipality.yaml"])
    func aliasBombIsRefusedWithoutExpandingIt(file: String) throws {
        let loaded = try load(editing: file) { $0 + Self.aliasBomb }
        let error = try onlyError(loaded)
        #expect(error.file.hasSuffix(file))
        #expect(error.message.en.contains("anchors and aliases"))
        let lineCount = try String(contentsOfFile: TestSupport.municipalities + "/" + file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error.line == lineCount, "the first anchor is on the first appended line")
    }

    @Test(arguments: [
        ("title: 2. Almere voor iedereen", "title: !!binary MjAyMA==", 3),
        ("adoption_status: ", "adoption_status: !!str ", 10),
    ])
    func yamlTagsAreRefused(find: String, replace: String, line: Int) throws {
        let loaded = try load(editing: bij1) {
            $0.replacingOccurrences(of: "\n" + find, with: "\n" + replace)
        }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("YAML tags"))
        #expect(error.line == line)
    }

    @Test func deepNestingIsRefusedBeforeComposing() throws {
        let loaded = try load(editing: bij1) { $0 + "deep: " + String(repeating: "[", count: 5000) + "\n" }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("nests deeper than"))
    }

    // MARK: 4. Blank evidence, nulls, dates, hex numbers

    @Test(arguments: [
        ("quote: Almere BIJ1 wil een samenleving waarin er ruimte is voor iedereen.", "quote: \"\""),
        ("quote: Almere BIJ1 wil een samenleving waarin er ruimte is voor iedereen.", "quote: \"   \""),
    ])
    func blankQuoteIsAnError(find: String, replace: String) throws {
        let loaded = try load(editing: bij1) { $0.replacingOccurrences(of: find, with: replace) }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'quote' is empty"))
        #expect(error.line != nil)
    }

    @Test func blankSectionAndTitleAreErrors() throws {
        let section = try load(editing: bij1) { text in
            let range = try! #require(text.range(of: "section: "))
            let end = text[range.upperBound...].firstIndex(of: "\n")!
            return text.replacingCharacters(in: range.lowerBound..<end, with: "section: \"\"")
        }
        #expect(try onlyError(section).message.en.contains("'section' is empty"))
        let title = try load(editing: bij1) { text in
            let range = try! #require(text.range(of: "\ntitle: "))
            let end = text[range.upperBound...].firstIndex(of: "\n")!
            return text.replacingCharacters(in: range.lowerBound..<end, with: "\ntitle: ''")
        }
        #expect(try onlyError(title).message.en.contains("'title' is empty"))
        let name = try load(editing: arnhem) { $0.replacingOccurrences(of: "name: Arnhem", with: "name: \" \"") }
        #expect(try onlyError(name).message.en.contains("'name' is empty"))
    }

    @Test(arguments: ["~", "null", "NULL"])
    func yamlNullIsNotStoredAsText(null: String) throws {
        let loaded = try load(editing: arnhem) { $0.replacingOccurrences(of: "name: Arnhem", with: "name: \(null)") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("means 'no value' in YAML"))
        #expect(error.line == 4)
    }

    @Test(arguments: ["garbage", "2021-13-01", "2021-02-30", "1 januari 2021"])
    func referenceDateMustBeAnISODate(date: String) throws {
        let loaded = try load(editing: arnhem) { $0.replacingOccurrences(of: "reference_date: 2019-01-01", with: "reference_date: \"\(date)\"") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("is not a date as YYYY-MM-DD"))
        #expect(error.message.nl.contains("is geen datum als JJJJ-MM-DD"))
        #expect(error.line != nil)
    }

    @Test func programmeDateMustBeAnISODate() throws {
        let loaded = try load(editing: bij1) { $0.replacingOccurrences(of: "date: 2022-01-20", with: "date: maart 2022") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'maart 2022' is not a date as YYYY-MM-DD"))
        #expect(error.line == 9)
    }

    @Test(arguments: ["0x7E4", "0o3744", "2_020", "+2020"])
    func yearsAreDecimalDigitsOnly(year: String) throws {
        let loaded = try load(editing: bij1) {
            $0.replacingOccurrences(of: "  - id: pre-2\n", with: "  - id: pre-2\n    years: [\(year)]\n")
        }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'\(year)' is not a whole number"))
    }

    // MARK: 5. Truncated files

    @Test func fileCutMidwayIsReported() throws {
        let loaded = try load(editing: "amersfoort/werkconferentie-samenleven-in-diversiteit-2020.yaml") { text in
            // Cut in the middle of an answer's quote, as an interrupted copy leaves it.
            let cut = text.index(text.startIndex, offsetBy: text.count * 2 / 3)
            var prefix = String(text[..<cut])
            while prefix.hasSuffix("\n") || prefix.hasSuffix(" ") { prefix.removeLast() }
            return prefix
        }
        let problems = loaded.diagnostics.filter { $0.message.en.contains("was it cut off?") }
        #expect(problems.count == 1, "\(loaded.diagnostics)")
        #expect(problems.first?.file.hasSuffix("werkconferentie-samenleven-in-diversiteit-2020.yaml") == true)
        #expect(problems.first?.line != nil)
    }

    @Test func deletedGroupHeaderIsReported() throws {
        let loaded = try load(editing: amstelveen) { $0.replacingOccurrences(of: "\ninitiatives:\n", with: "\n") }
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1, "\(loaded.diagnostics)")
        let warning = try #require(warnings.first)
        #expect(warning.message.en.contains("from 'in-diversiteitsagenda' on the ids start with 'in-'"))
        #expect(warning.message.en.contains("starts with 'rol-'"))
        #expect(warning.line != nil)
    }

    // MARK: 6. What the database would refuse, validate refuses first

    @Test func negativePopulationFailsInValidateNotInSQLite() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent(arnhem)
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "count: 159265", with: "count: -1")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["import", "--municipalities", directory.path, "--db", "x.sqlite"], in: directory)
        #expect(run.status != 0)
        #expect(run.error.contains("arnhem/municipality.yaml:"))
        #expect(run.error.contains("-1 inwoners kan niet"))
        #expect(!run.error.contains("CHECK"))
    }

    // MARK: 7, 8. Output that could run code

    @Test func markdownEscapesHTMLAndMarkdownSyntax() {
        let table = ResultTable(
            title: "<b>t</b>", columns: ["a"],
            rows: [[.text("<script>alert(1)</script>")], [.text("<img src=x onerror=alert(1)>")], [.text("[x](javascript:alert(1)) *y* | z")]])
        let markdown = MarkdownRenderer.render(table, language: .nl)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("\\[x\\](javascript:alert(1)) \\*y\\* \\| z"))
    }

    @Test func terminalOutputShowsControlCharactersVisibly() {
        let table = ResultTable(
            title: "titel\u{1B}]0;pwned\u{07}", columns: ["a"],
            rows: [[.text("\u{1B}[2J\u{1B}[32mOK")], [.text("abc\u{202E}fed")], [.text("\u{9B}31m")]])
        let text = TerminalRenderer.render(table, language: .nl, maxCellWidth: 80)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(text.contains("␛[2J␛[32mOK"))
        #expect(text.contains("abc<U+202E>fed"))
    }

    @Test func diagnosticsOnTheTerminalCarryNoEscapes() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent(bij1)
        let text = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "themes: [safety,", with: "themes: [\"\u{1B}[2Jx\", safety,")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["validate", "--municipalities", directory.path])
        #expect(run.status != 0)
        #expect(!run.error.contains("\u{1B}"))
        #expect(run.error.contains("␛[2Jx"))
    }

    // MARK: 9. --out

    @Test func reportRefusesTheDatabaseAFIFOAndALink() throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = "x.sqlite"
        let common = ["--municipalities", TestSupport.municipalities, "--db", database]
        #expect(try TestSupport.run(["import"] + common, in: directory).status == 0)
        let before = try Data(contentsOf: directory.appendingPathComponent(database))

        let itself = try TestSupport.run(["report", "--out", database] + common, in: directory)
        #expect(itself.status != 0)
        #expect(itself.error.contains("x.sqlite is de database zelf"))
        #expect(try Data(contentsOf: directory.appendingPathComponent(database)) == before)

        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let toFIFO = try TestSupport.run(["report", "--out", fifo, "--lang", "en"] + common, in: directory)
        #expect(toFIFO.status != 0)
        #expect(toFIFO.error.contains("is not a regular file"))
        #expect((try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType) != .typeRegular)

        let target = directory.appendingPathComponent("elsewhere.txt")
        try Data("keep".utf8).write(to: target)
        let link = directory.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        let toLink = try TestSupport.run(["report", "--out", link] + common, in: directory)
        #expect(toLink.status != 0)
        #expect(toLink.error.contains("symbolische koppeling"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")

        let fine = try TestSupport.run(["report", "--out", "rapport.html"] + common, in: directory)
        #expect(fine.status == 0, "\(fine.error)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    // MARK: 11–13. Databases

    @Test func storeUsesWALSoReadersSeeTheLastImportDuringAWrite() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("wal.sqlite").path
        let catalog = try TestSupport.loadRealPlugins().catalog()
        let store = try Store(path: path)
        try store.replaceAll(with: catalog)
        #expect(try store.rows("PRAGMA journal_mode").first?.values.first == "wal")

        let writer = try DatabaseQueue(path: path)
        try writer.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "DELETE FROM programme")
            // While the other connection holds the write lock with its deletions unfinished, reading works
            // and sees the last complete import.
            #expect(try store.catalog().programmes.count == catalog.programmes.count)
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func secondWriterWaitsThenFailsWithASentence() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("busy.sqlite").path
        let catalog = try TestSupport.loadRealPlugins().catalog()
        let store = try Store(path: path)
        try store.replaceAll(with: catalog)
        let writer = try DatabaseQueue(path: path)
        try writer.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let started = Date()
            #expect {
                try store.replaceAll(with: catalog)
            } throws: { error in
                (error as? StoreError)?.message.en.contains("busy with another import") == true
            }
            #expect(Date().timeIntervalSince(started) >= 4, "the second writer should wait for the busy timeout")
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func newerSchemaIsRefusedAndLeftAlone() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("newer.sqlite").path
        _ = try Store(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            let message = (error as? StoreError)?.message
            return message?.en.contains("made by a newer inclusiebench (schema v99-from-the-future)") == true
                && message?.nl.contains("nieuwere inclusiebench") == true
        }
    }

    @Test func foreignDatabaseGetsNoTablesAdded() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE people (name TEXT)") }
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            (error as? StoreError)?.message.en.contains("an SQLite database of another program (tables: people)") == true
        }
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["people"])
    }

    @Test func fileThatIsNotADatabaseGetsASentenceInTheUsersLanguage() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("<html>not a database</html>\n".utf8).write(to: directory.appendingPathComponent("x.sqlite"))
        let dutch = try TestSupport.run(["schema", "--db", "x.sqlite"], in: directory)
        #expect(dutch.status != 0)
        #expect(dutch.error.contains("x.sqlite is geen SQLite-database"))
        #expect(!dutch.error.contains("SQLite error"))
        let english = try TestSupport.run(
            ["compare", "themes", "--municipalities", TestSupport.municipalities, "--db", "x.sqlite", "--lang", "en"],
            in: directory)
        #expect(english.status != 0)
        #expect(english.error.contains("x.sqlite is not an SQLite database"))
    }

    @Test func databaseUnderAFileGetsASentenceNotACocoaError() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("x".utf8).write(to: directory.appendingPathComponent("afile"))
        let run = try TestSupport.run(
            ["import", "--municipalities", TestSupport.municipalities, "--db", "afile/x.sqlite"], in: directory)
        #expect(run.status != 0)
        #expect(run.error.contains("afile/x.sqlite: de database kon niet worden geopend of aangemaakt"))
        #expect(!run.error.contains("NSCocoaErrorDomain"))
    }

    // MARK: Smaller: slugs, hidden folders, ids

    @Test(arguments: ["den haag", "a..b", "Zwolle", "-x"])
    func folderNameMustBeASlug(name: String) throws {
        let directory = try TestSupport.copyOfMunicipalities()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
        let error = try onlyError(PluginLoader().load(directory: directory.path))
        #expect(error.file.hasSuffix(name))
        #expect(error.message.en == "the folder name '\(name)' is not a valid slug")
    }

    @Test func hiddenFolderIsMentioned() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        try FileManager.default.moveItem(
            at: directory.appendingPathComponent("arnhem"), to: directory.appendingPathComponent(".arnhem"))
        let loaded = PluginLoader().load(directory: directory.path)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.diagnostics.contains { $0.severity == .warning && $0.file.hasSuffix(".arnhem") })
    }

    @Test func programmeIDWithPathCharactersIsRefused() throws {
        let loaded = try load(editing: bij1) { $0.replacingOccurrences(of: "\nid: bij1-verkiezingsprogramma-2022", with: "\nid: \"../../x y/<b>\"") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("programme id '../../x y/<b>' has characters ids may not have"))
    }

    @Test func invalidUTF8IsFoundAtItsLineAndColumn() {
        #expect(YAMLSafety.firstInvalidUTF8(in: Data("ab\ncdé\n".utf8)) == nil)
        let place = YAMLSafety.firstInvalidUTF8(in: Data([0x61, 0x0A, 0xC3, 0xA9, 0x62, 0xFF]))
        #expect(place?.line == 2)
        #expect(place?.column == 3)
        #expect(YAMLSafety.firstInvalidUTF8(in: Data([0xED, 0xA0, 0x80]))?.column == 1, "a surrogate is not UTF-8")
    }
}
