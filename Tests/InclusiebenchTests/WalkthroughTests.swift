import Foundation
import InclusieModel
@testable import InclusiePlugins
import InclusieStore
import Testing

/// A newcomer adding their own municipality with two programmes, using only the commands the README and
/// docs/plugin-format.md describe: `new`, filling in the scaffold, `validate --only`, `import`, `compare`.
///
/// One programme is modelled only in part (`coverage: partial`), the other has one amount for its whole
/// period; the views and the report must tell the two apart and show both as the documents say them.
@Suite struct WalkthroughTests {
    let workspace: URL
    let municipalities: URL
    let database: String

    init() throws {
        workspace = try TestSupport.temporaryDirectory()
        municipalities = try TestSupport.copyOfMunicipalities()
        database = workspace.appendingPathComponent("walkthrough.sqlite").path
    }

    static let actionProgrammeDocument = """
        Samen Voorbeeld
        Actieprogramma inclusie 2024-2026, vastgesteld door de gemeenteraad.

        Uitvoeringslijnen
        Lijn 1: zichtbaarheid. Wij maken discriminatie zichtbaar en bespreekbaar in alle wijken.

        Financiën
        Voor dit actieprogramma is geen apart budget; de acties worden betaald uit de reguliere begroting.
        """

    static let policyNoteDocument = """
        Nota Toegankelijk Voorbeeld
        Raadsvoorstel 2025.

        Thema's
        Voorbeeld wordt een stad waar iedereen mee kan doen, ook met een beperking.

        Financiën
        Voor de hele looptijd van de nota is € 1,7 miljoen beschikbaar.
        """

    /// Runs the command line in the workspace and returns the result.
    @discardableResult
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try TestSupport.run(arguments + ["--municipalities", municipalities.path])
    }

    /// Replaces the `<vul in: …>` values of one file, in order, by key: `values["quote"]` fills the first
    /// quote left open, then the next.
    private func fill(_ file: URL, _ values: [String: [String]]) throws {
        var queues = values
        var lines: [String] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            while !text.drop(while: { $0 == " " }).hasPrefix("#"), let start = text.range(of: Scaffold.placeholderMark), let end = text[start.lowerBound...].firstIndex(of: ">") {
                let key = text[..<start.lowerBound].split(separator: ":").first.map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " -{["))
                } ?? ""
                let value = try #require(queues[key]?.first, "no value to fill in for '\(key)' in \(file.lastPathComponent)")
                queues[key]?.removeFirst()
                text.replaceSubrange(start.lowerBound...end, with: value)
            }
            lines.append(text)
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(queues.values.allSatisfy { $0.isEmpty }, "values left over for \(file.lastPathComponent): \(queues)")
    }

    private func document(_ name: String, _ text: String) throws -> String {
        let url = workspace.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func fromNewToAnImportedMunicipalityWithTwoProgrammes() throws {
        let folder = municipalities.appendingPathComponent("voorbeeld")
        let first = try run(
            ["new", "voorbeeld", "--kind", "action-programme", "--name", "Voorbeeld",
             "--source", try document("samen-voorbeeld-2024.txt", Self.actionProgrammeDocument)])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("validate --only voorbeeld"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sources/samen-voorbeeld-2024.txt").path))

        // The scaffold validates as "still to fill in", never as YAML errors.
        let unfilled = try run(["validate", "--only", "voorbeeld"])
        #expect(unfilled.status != 0)
        #expect(unfilled.error.contains("voorbeeld/action-programme.yaml:7: fout: nog in te vullen: 'title' — vervang <vul in: …> door de titel zoals op het document"))
        #expect(unfilled.error.contains("voorbeeld/municipality.yaml:5: fout: nog in te vullen: 'province'"))
        #expect(!unfilled.error.contains("YAML"))
        #expect(!unfilled.error.contains("almere"), "--only keeps the bundled municipalities out of the report")

        try fill(
            folder.appendingPathComponent("municipality.yaml"),
            ["province": ["Utrecht"], "reference_date": ["2024-01-01"], "count": ["45000"]])
        try fill(
            folder.appendingPathComponent("action-programme.yaml"),
            [
                "id": ["samen-voorbeeld-2024", "lijn-1"],
                "title": ["Samen Voorbeeld", "Zichtbaarheid"],
                "name": ["Gemeente Voorbeeld"], "period": ["2024", "2026"],
                "quote": [
                    "Samen Voorbeeld", "Voor dit actieprogramma is geen apart budget",
                    "Wij maken discriminatie zichtbaar en bespreekbaar in alle wijken.",
                ],
                "section": ["Titel", "Financiën", "Uitvoeringslijnen"],
                "none": ["\"Geen apart budget: betaald uit de reguliere begroting.\""],
                "themes": ["anti-discrimination-policy"],
            ])
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("action-programme.yaml"),
            to: folder.appendingPathComponent("samen-voorbeeld-2024.yaml"))

        let second = try run(
            ["new", "voorbeeld", "--kind", "policy-note",
             "--source", try document("nota-toegankelijk-2025.txt", Self.policyNoteDocument)])
        #expect(second.status == 0, "\(second.error)")
        #expect(!second.output.contains("municipality.yaml"), "the municipality file is kept as filled in")
        try fill(
            folder.appendingPathComponent("policy-note.yaml"),
            [
                "id": ["nota-toegankelijk-2025", "thema-toegankelijk"],
                "title": ["Nota Toegankelijk Voorbeeld", "Iedereen kan meedoen"],
                "name": ["Gemeente Voorbeeld"], "period": ["2025", "2028"],
                "quote": [
                    "Nota Toegankelijk Voorbeeld", "Voor de hele looptijd van de nota is € 1,7 miljoen beschikbaar.",
                    "Voorbeeld wordt een stad waar iedereen mee kan doen, ook met een beperking.",
                ],
                "section": ["Titel", "Financiën", "Thema's"],
                "none": ["\"wordt hieronder vervangen\""],
                "themes": ["accessibility"],
            ])
        // The document names one sum for the whole period: the scaffold's 'lines' example with a period amount.
        try edit(folder.appendingPathComponent("policy-note.yaml")) {
            $0.replacingOccurrences(
                of: "  none: \"wordt hieronder vervangen\"\n  evidence:\n    - quote: Voor de hele looptijd van de nota is € 1,7 miljoen beschikbaar.\n      section: Financiën\n",
                with: """
                      lines:
                        - id: budget-nota
                          label: budget voor de hele looptijd
                          kind: own-programme-money
                          precision: exact
                          period_amount: { from: 2025, to: 2028, amount: 1700000 }
                          evidence:
                            - { quote: "Voor de hele looptijd van de nota is € 1,7 miljoen beschikbaar.", section: Financiën }

                    """)
        }
        // Only the summary of the action programme was modelled, and the two programmes get short labels.
        try edit(folder.appendingPathComponent("samen-voorbeeld-2024.yaml")) {
            $0.replacingOccurrences(
                of: "\nadoption_status:",
                with: "\nlabel: Actieprogramma\ncoverage: partial\ncoverage_reason: alleen de uitvoeringslijnen zijn gemodelleerd\nadoption_status:")
        }
        try edit(folder.appendingPathComponent("policy-note.yaml")) {
            $0.replacingOccurrences(of: "\nadoption_status:", with: "\nlabel: Nota toegankelijkheid\nadoption_status:")
        }

        let validated = try run(["validate", "--only", "voorbeeld"])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output == "OK: 2 programma's, 2 onderdelen. Alle citaten gevonden in hun bron (2 programma's).\n")

        let imported = try run(["import", "--db", database])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("7 programma's van 5 gemeenten"))
        #expect(imported.output.contains("Citaten gevonden in hun bron (2 programma's); niet gecontroleerd, want zonder bron: almere/"))
        let stored = try Store(path: database).catalog()
        #expect(stored.programmes.filter { $0.municipalitySlug == "voorbeeld" }.map(\.key).sorted() == [
            "voorbeeld/nota-toegankelijk-2025", "voorbeeld/samen-voorbeeld-2024",
        ])

        let themes = try run(["compare", "themes", "--only", "voorbeeld", "--format", "csv", "--db", database])
        #expect(themes.status == 0, "\(themes.error)")
        #expect(themes.output.contains("Zichtbaarheid"))
        #expect(themes.output.contains("Iedereen kan meedoen"))
        #expect(themes.output.contains("Voorbeeld: Actieprogramma"), "the two programmes are told apart by label")
        #expect(themes.output.contains("Voorbeeld: Nota toegankelijkheid"))
        #expect(themes.output.contains("gedeeltelijk gemodelleerd"), "the partial plugin is marked")

        let budgets = try run(["compare", "budgets", "--only", "voorbeeld", "--db", database])
        #expect(budgets.status == 0, "\(budgets.error)")
        #expect(budgets.output.contains("2025–2028 in totaal"), "a period amount shows as a period, not as a year")
        #expect(!budgets.output.contains("€ 1.700.000,00 | 2025"))

        let similarity = try run(["compare", "similarity", "--only", "voorbeeld,amstelveen", "--format", "json", "--db", database])
        #expect(similarity.status == 0, "\(similarity.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(similarity.output.utf8)) as? [String: Any])
        let peers = try #require(json["nearestPeers"] as? [[String: Any]])
        let nota = try #require(peers.first { $0["programmeKey"] as? String == "voorbeeld/nota-toegankelijk-2025" })
        #expect(nota["peerKey"] as? String == "amstelveen/nota-diversiteit-en-inclusie-2023", "the nearest peer is another municipality's programme")
        let siblings = try #require(nota["siblings"] as? [[String: Any]], "\(nota)")
        #expect(siblings.map { $0["programmeKey"] as? String } == ["voorbeeld/samen-voorbeeld-2024"], "the sibling is shown apart")

        let report = workspace.appendingPathComponent("rapport.html").path
        let reported = try run(["report", "--only", "voorbeeld", "--out", report, "--db", database])
        #expect(reported.status == 0, "\(reported.error)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Nota toegankelijkheid") && html.contains("Actieprogramma"))
        #expect(html.contains("gedeeltelijk gemodelleerd"))
        #expect(html.contains("2025–2028 in totaal"))
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(file.lastPathComponent) found its place")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func newRefusesABadSlugAnUnknownKindAndAnExistingProgrammeFile() throws {
        let slug = try run(["new", "den haag", "--kind", "policy-note"])
        #expect(slug.status != 0)
        #expect(slug.error.contains("'den haag' kan geen mapnaam van een gemeente zijn; gebruik kleine letters, cijfers en '-', bv. 'den-haag'"))
        let kind = try run(["new", "den-haag", "--kind", "nota", "--lang", "en"])
        #expect(kind.error.contains("Unknown kind 'nota'; choose from: party-programme, workshop, change-programme, action-programme, policy-note."))
        #expect(try run(["new", "den-haag", "--kind", "workshop"]).status == 0)
        let again = try run(["new", "den-haag", "--kind", "workshop"])
        #expect(again.status != 0)
        #expect(again.error.contains("workshop.yaml bestaat al"))
    }

    @Test(arguments: ["action-programme", "policy-note", "change-programme", "workshop", "party-programme"])
    func everyKindsScaffoldBecomesAValidPluginOnceFilledIn(kind: String) throws {
        #expect(try run(["new", "proef", "--kind", kind, "--name", "Proef"]).status == 0)
        let folder = municipalities.appendingPathComponent("proef")
        try fill(
            folder.appendingPathComponent("municipality.yaml"),
            ["province": ["Drenthe"], "reference_date": ["2024-01-01"], "count": ["1000"]])
        var values: [String: [String]] = [
            "id": ["proef-1", "onderdeel-1"], "title": ["Proef", "Onderdeel"], "name": ["Gemeente Proef"],
            "period": ["2024", "2025"], "source": ["proef.txt"], "quote": ["a", "b", "c"],
            "section": ["A", "B", "C"], "none": ["geen"], "themes": ["safety"],
        ]
        if kind == "change-programme" { values["owner"] = ["Afdeling Samenleving"] }
        try fill(folder.appendingPathComponent("\(kind).yaml"), values)
        let loaded = PluginLoader().load(directory: municipalities.path)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let programme = try loaded.programme("proef/proef-1")
        #expect(programme.items.map(\.title) == ["Onderdeel"])
    }
}
