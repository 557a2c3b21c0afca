import Foundation
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
        #expect(result.output.contains("Arnhem — veranderprogramma"))
        #expect(FileManager.default.fileExists(atPath: database))
        let markdown = try TestSupport.run(["compare", "themes", "--format", "markdown", "--municipalities", TestSupport.municipalities, "--db", database])
        for heading in [
            "Almere — actieprogramma, vastgesteld programma", "Almere (BIJ1 Almere) — partijprogramma, verkiezingsprogramma",
            "Amstelveen — beleidsnota, raadsvoorstel", "Amersfoort — werkconferentie, uitkomst werkconferentie",
            "Arnhem — veranderprogramma, intern werkdocument",
        ] {
            #expect(markdown.output.contains(heading), "every programme is marked with its kind and status")
        }
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
        #expect(schema.output.contains("schema: v1-shared-schema"))
    }

    @Test func badPluginFailsWithFileAndLineAndLeavesTheDatabaseAlone() throws {
        #expect(try TestSupport.run(["import", "--municipalities", TestSupport.municipalities, "--db", database]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let broken = try TestSupport.copyOfMunicipalities()
        let file = broken.appendingPathComponent("arnhem/veranderprogramma-inclusie-2018.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "kind: change-programme", with: "kind: verandering").write(to: file, atomically: true, encoding: .utf8)

        let result = try TestSupport.run(["import", "--municipalities", broken.path, "--db", database])
        #expect(result.status != 0)
        #expect(result.error.contains("arnhem/veranderprogramma-inclusie-2018.yaml:1: error: unknown kind 'verandering'"))
        #expect(result.error.contains("Niets geïmporteerd"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        let validation = try TestSupport.run(["validate", "--municipalities", broken.path])
        #expect(validation.status != 0)
        #expect(validation.error.contains("1 probleem/problemen gevonden"))
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func validateWithSourcesPasses() throws {
        try #require(TestSupport.sourcesAvailable, "CI is set, but ../shared/sources is missing")
        let result = try TestSupport.run(["validate", "--municipalities", TestSupport.municipalities, "--sources", TestSupport.sources])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("OK: 5 programma's"))
    }

    @Test func versionNamesTheSchema() throws {
        let result = try TestSupport.run(["--version"])
        #expect(result.output.contains("database schema v1-shared-schema"))
    }
}
