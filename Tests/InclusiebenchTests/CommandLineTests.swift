import Foundation
import InclusieStore
import Testing

/// The CLI end to end, as a user runs it: the built executable, real plugins, a temporary database.
@Suite struct CommandLineTests {
    let workspace: URL
    let database: String

    init() throws {
        workspace = try TestSupport.temporaryDirectory()
        database = workspace.appendingPathComponent("test.sqlite").path
    }

    @Test func compareThemesImportsByItselfOnAFreshDatabase() throws {
        let result = try TestSupport.run(["compare", "themes", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Thema's per programma"))
        #expect(result.output.contains("Arnhem: Inclusief Arnhem"), "headings wrap in the terminal rather than lose the label")
        #expect(result.output.contains("veranderprogramma"))
        #expect(FileManager.default.fileExists(atPath: database))
        let markdown = try TestSupport.run(["compare", "themes", "--format", "markdown", "--municipalities", TestSupport.municipalities, "--db", database])
        for heading in [
            "Almere: Almere voor iedereen, door iedereen — actieprogramma, vaststelling niet vermeld",
            "Almere (BIJ1 Almere): Verkiezingsprogramma 2022, h. 2 — partijprogramma, verkiezingsprogramma",
            "Amstelveen: Nota Diversiteit en Inclusie — beleidsnota, raadsvoorstel",
            "Amersfoort: Samenleven in diversiteit — werkconferentie, uitkomst werkconferentie",
            "Arnhem: Inclusief Arnhem — veranderprogramma, intern werkdocument",
        ] {
            #expect(markdown.output.contains(heading), "every programme is marked with its kind and status")
        }
    }

    /// Nearest peers by default; the whole matrix only on request, as CSV, with the rows of the matrix.
    @Test func compareSimilarityGivesNearestPeersOrTheFullMatrix() throws {
        let locations = ["--municipalities", TestSupport.municipalities, "--db", database]
        let peers = try TestSupport.run(["compare", "similarity", "--format", "csv", "--peers", "2"] + locations)
        #expect(peers.status == 0, "\(peers.error)")
        let lines = peers.output.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("\u{FEFF}Programma;Rang;Verwant programma;Overeenkomst") == true)
        #expect(lines.count == 1 + 5 * 2, "two peers for each of the five programmes")

        let full = try TestSupport.run(["compare", "similarity", "--full", "--format", "csv", "--lang", "en"] + locations)
        #expect(full.status == 0, "\(full.error)")
        let rows = full.output.split(separator: "\r\n")
        #expect(rows.count == 1 + 5)
        #expect(rows.first?.hasPrefix("\u{FEFF}Programme;Themes covered;") == true)
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 2 + 5 })

        let refused = try TestSupport.run(["compare", "similarity", "--full", "--format", "json", "--lang", "en"] + locations)
        #expect(refused.status != 0)
        #expect(refused.error.contains("--full writes only the 'similarity' matrix as CSV"))
        let dutch = try TestSupport.run(["compare", "similarity", "--peers", "0"] + locations)
        #expect(dutch.error.contains("--peers moet minstens 1 zijn."))
    }

    @Test func compareThemesInEveryFormat() throws {
        let csv = try TestSupport.run(["compare", "themes", "--format", "csv", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(csv.status == 0)
        #expect(csv.output.hasPrefix("\u{FEFF}Domein;Thema;"))
        let english = try TestSupport.run(
            ["compare", "themes", "--format", "markdown", "--lang", "en", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(english.output.hasPrefix("## Themes by programme"))
        let json = try TestSupport.run(
            ["compare", "themes", "--format", "json", "--only", "arnhem", "--municipalities", TestSupport.municipalities, "--db", database])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let programmes = try #require(decoded?["programmes"] as? [[String: Any]])
        #expect(programmes.count == 1)
        #expect(programmes.first?["key"] as? String == "arnhem/veranderprogramma-inclusie-2018")
    }

    @Test func importReportsWhatItImported() throws {
        let result = try TestSupport.run(["import", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(result.status == 0)
        #expect(result.output.contains("5 programma's van 4 gemeenten"))
        let schema = try TestSupport.run(["schema", "--db", database])
        #expect(schema.output.contains("schema: v6-amounts-without-years"))
    }

    /// `compare` reads the database while it checks the plugins for newer files: an edited plugin is imported
    /// before the view is shown, and a broken edit is refused with the database left as it was.
    @Test func compareImportsAgainWhenAPluginIsNewerThanTheDatabase() throws {
        let plugins = try TestSupport.copyOfMunicipalities()
        let locations = ["--municipalities", plugins.path, "--db", database]
        let first = try TestSupport.run(["compare", "budgets", "--format", "json"] + locations)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("Almere voor iedereen, door iedereen"))

        let file = plugins.appendingPathComponent("almere/actieprogramma-2020-2022.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let original = "title: Almere voor iedereen, door iedereen\n"
        try #require(text.contains(original))
        /// Writes the plugin with a modification time after the database's, without waiting for the clock.
        func edit(_ newText: String, minutesAhead: Double) throws {
            try newText.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(60 * minutesAhead)], ofItemAtPath: file.path)
        }
        try edit(text.replacingOccurrences(of: original, with: "title: Almere voor iedereen, herzien\n"), minutesAhead: 1)
        let edited = try TestSupport.run(["compare", "budgets", "--format", "json"] + locations)
        #expect(edited.status == 0, "\(edited.error)")
        #expect(edited.output.contains("Almere voor iedereen, herzien"))
        #expect(!edited.output.contains("Almere voor iedereen, door iedereen"))

        // Compared by content: every open of the database changes the file's bytes, because GRDB's
        // `DatabasePool` creates and drops a table to make the write-ahead log (its issue 102).
        let content = "SELECT key, title, (SELECT count(*) FROM local_item) AS items FROM programme ORDER BY key"
        let before = try Store(path: database).rows(content)
        try edit(text + "kapot: [\n", minutesAhead: 2)
        let broken = try TestSupport.run(["compare", "budgets", "--format", "json"] + locations)
        #expect(broken.status != 0)
        #expect(broken.error.contains("almere/actieprogramma-2020-2022.yaml:"))
        #expect(broken.output.isEmpty)
        #expect(try Store(path: database).rows(content) == before)
        #expect(before.contains { $0["title"] == "Almere voor iedereen, herzien" })
    }

    @Test func badPluginFailsWithFileAndLineAndLeavesTheDatabaseAlone() throws {
        #expect(try TestSupport.run(["import", "--municipalities", TestSupport.municipalities, "--db", database]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let broken = try TestSupport.copyOfMunicipalities()
        let file = broken.appendingPathComponent("arnhem/veranderprogramma-inclusie-2018.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "kind: change-programme", with: "kind: verandering").write(to: file, atomically: true, encoding: .utf8)

        let result = try TestSupport.run(["import", "--municipalities", broken.path, "--db", database, "--lang", "en"])
        #expect(result.status != 0)
        #expect(result.error.contains("arnhem/veranderprogramma-inclusie-2018.yaml:1: error: unknown kind 'verandering'"))
        #expect(result.error.contains("Nothing imported: fix the 1 problem above first."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        let dutch = try TestSupport.run(["import", "--municipalities", broken.path, "--db", database])
        #expect(dutch.status != 0)
        #expect(dutch.error.contains("Niets geïmporteerd: los eerst de 1 probleem hierboven op."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        let validation = try TestSupport.run(["validate", "--municipalities", broken.path])
        #expect(validation.status != 0)
        #expect(validation.error.contains("1 probleem gevonden."))
    }

    /// Policy advisors read Dutch: without `--lang`, problems and summaries are Dutch; `--lang en` gives English.
    @Test func validateSpeaksDutchByDefaultAndEnglishOnRequest() throws {
        let broken = try TestSupport.copyOfMunicipalities()
        let file = broken.appendingPathComponent("almere/bij1-verkiezingsprogramma-2022.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "themes: [safety, anti-discrimination-policy, lgbti-acceptance]", with: "themes: [safety, anti-racism, lgbti-acceptance]")
        try #require(changed != text)
        try changed.write(to: file, atomically: true, encoding: .utf8)

        let dutch = try TestSupport.run(["validate", "--municipalities", broken.path])
        #expect(dutch.status != 0)
        #expect(dutch.error.contains(": fout: 'anti-racism' is geen thema in taxonomy.yaml (onderdeel 'pre-2') — gebruik een id uit taxonomy.yaml"))
        #expect(!dutch.error.contains(" error: "))
        #expect(dutch.error.contains("1 probleem gevonden."))

        let english = try TestSupport.run(["validate", "--municipalities", broken.path, "--lang", "en"])
        #expect(english.status == dutch.status)
        #expect(english.error.contains(": error: 'anti-racism' is not a theme in taxonomy.yaml (item 'pre-2') — use an id from taxonomy.yaml"))
        #expect(english.error.contains("1 problem found."))
        let lines = { (output: String) in output.split(separator: "\n").map { $0.prefix { $0 != " " } } }
        #expect(lines(dutch.error) == lines(english.error), "same files and lines in both languages")
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func validateWithSourcesPasses() throws {
        try #require(TestSupport.sourcesAvailable, "CI is set, but ../shared/sources is missing")
        let result = try TestSupport.run(["validate", "--municipalities", TestSupport.municipalities, "--sources", TestSupport.sources])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("OK: 5 programma's"))
        let english = try TestSupport.run(
            ["validate", "--municipalities", TestSupport.municipalities, "--sources", TestSupport.sources, "--lang", "en"])
        #expect(english.status == 0, "\(english.error)")
        #expect(english.output.hasPrefix("OK: 5 programmes"))
    }

    @Test func typosInOnlyAndStatusAreErrorsNotEmptyTables() throws {
        let status = try TestSupport.run(
            ["compare", "themes", "--status", "proposel", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(status.status != 0)
        #expect(status.error.contains("Onbekende status proposel"))
        let only = try TestSupport.run(
            ["compare", "roles", "--only", "almree", "--lang", "en", "--municipalities", TestSupport.municipalities, "--db", database])
        #expect(only.status != 0)
        #expect(only.error.contains("No programme matches --only almree"))
    }

    @Test func versionNamesTheSchema() throws {
        let result = try TestSupport.run(["--version"])
        #expect(result.output.contains("database schema v6-amounts-without-years"))
    }
}
