import Foundation
import InclusieModel
import InclusiePlugins
import InclusieStore
import Testing

/// The rules of the second reading of the bundled programmes (issue 10), each checked on the real plugins or
/// on a plugin made to break it.
@Suite struct SecondReadingTests {
    let loaded: LoadedPlugins

    static let almere = "almere/actieprogramma-2020-2022"

    init() throws {
        loaded = try TestSupport.loadRealPlugins()
    }

    @Test func almereItemsThatOnlyAskQuestionsAreNotCommitments() throws {
        // The programme's own rule: questions and 'we bezien/verkennen' are an exploration, 'we willen' and
        // 'ons streven' an ambition. Every item whose quotes ask a question is therefore not a commitment.
        let almere = try loaded.programme(Self.almere)
        let asking = almere.items.filter { $0.evidence.contains { $0.quote.hasSuffix("?") } }
        #expect(Set(asking.map(\.localID)).isSuperset(of: ["th-institutioneel-racisme", "th-meldingsbereidheid", "th-arbeidsmarkt", "th-uitgaan"]))
        for item in asking {
            #expect(item.status != "commitment", "\(item.localID) asks questions but is a commitment")
        }
        #expect(almere.item("ul-1.3")?.status == "exploration")
        #expect(almere.item("th-vrouwenemancipatie.economische-zelfstandigheid")?.status == "ambition")
        let monitor = try #require(almere.item("mon-inclusiemonitor"))
        #expect(monitor.status == "ambition")
        #expect(monitor.years.isEmpty, "the document names no years for the annual monitor")
    }

    @Test func almereAdoptionIsWhatTheDocumentSays() throws {
        let almere = try loaded.programme(Self.almere)
        #expect(almere.adoptionStatus == .adoptionNotStated)
        #expect(almere.adoptionStatus.isPolicy)
        #expect(almere.note?.contains("Onder voorbehoud van vaststelling programmabegroting") == true)
    }

    @Test func arnhemHasTheFourPhasesOfItsDocumentWithMilestonesUnderThem() throws {
        let arnhem = try loaded.programme("arnhem/veranderprogramma-inclusie-2018")
        #expect(arnhem.items(ofType: "fase").map(\.localID) == ["fase-1", "fase-2", "fase-3", "fase-4"])
        let milestones = arnhem.items(ofType: "mijlpaal")
        #expect(milestones.map(\.localID) == ["dagdeel-eind-juni", "stedelijke-bijeenkomst-2018"])
        #expect(milestones.map(\.parentID) == ["fase-1", "fase-4"])
    }

    @Test func amersfootAsksThreeQuestions() throws {
        let amersfoort = try loaded.programme("amersfoort/werkconferentie-samenleven-in-diversiteit-2020")
        let questions = amersfoort.items(ofType: "vraag")
        #expect(questions.map(\.localID) == ["q-1", "q-2", "q-3"])
        for question in questions {
            #expect(amersfoort.items.contains { $0.parentID == question.localID }, "\(question.localID) has answers")
        }
    }

    @Test func guessedCommunicationThemeIsGoneAndMergedRoleIsSplit() throws {
        let almere = try loaded.programme(Self.almere)
        #expect(almere.item("act-18")?.themes == ["inclusion-general"])
        #expect(almere.item("rol-maatregelen-discriminatie")?.themes.first == "anti-discrimination-policy")
        #expect(almere.item("rol-andere-organisaties-stimuleren")?.themes.contains("anti-discrimination-policy") == false)
    }

    @Test func omissionsAreNowItems() throws {
        let almere = try loaded.programme(Self.almere)
        #expect(almere.items(ofType: "doelstelling").count == 3)
        #expect(almere.items(ofType: "werkwijze").count == 3)
        #expect(almere.partners.contains { $0.localID == "almeerse-lhbt-organisaties" })
        let amstelveen = try loaded.programme("amstelveen/nota-diversiteit-en-inclusie-2023")
        #expect(amstelveen.item("in-diversiteitsagenda")?.status == "existing-policy")
        #expect(amstelveen.item("com-toegankelijke-publicatie")?.status == "commitment")
        let arnhem = try loaded.programme("arnhem/veranderprogramma-inclusie-2018")
        #expect(arnhem.item("visie-doorlopende-opgave") != nil)
        #expect(arnhem.item("visie-gesprekken-met-de-stad")?.status == "context")
    }

    // MARK: cited sources

    @Test func researchCitedAsASourceIsNotAPartner() throws {
        let almere = try loaded.programme(Self.almere)
        let labourMarket = try #require(almere.item("th-arbeidsmarkt"))
        #expect(labourMarket.partnerIDs.isEmpty)
        #expect(labourMarket.citedSourceIDs == ["scp", "universiteit-utrecht", "universiteit-van-amsterdam"])
        #expect(almere.item("th-uitgaan")?.citedSourceIDs == ["bgb-flevoland"])
        #expect(almere.item("th-uitgaan")?.partnerIDs.isEmpty == true)
        #expect(almere.partners.first { $0.localID == "scp" }?.role == .citedSource)
        #expect(almere.partners.first { $0.localID == "bgb-flevoland" }?.role == .partner)
    }

    @Test func citedSourcesSurviveTheStore() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: try loaded.catalog())
        let rows = try store.rows(
            "SELECT p.local_id AS source, p.role AS role FROM item_cited_source c JOIN partner p ON p.id = c.partner_id JOIN local_item i ON i.id = c.item_id WHERE i.local_id = 'th-arbeidsmarkt' ORDER BY c.position")
        #expect(rows.map { $0["source"] } == ["scp", "universiteit-utrecht", "universiteit-van-amsterdam"])
        #expect(rows.allSatisfy { $0["role"] == "cited-source" })
        #expect(try store.appliedMigrations().contains("v2-cited-sources"))
    }

    @Test func aCitedSourceListedAsPartnerIsAnError() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent("almere/actieprogramma-2020-2022.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "    cited_sources: [scp, universiteit-utrecht, universiteit-van-amsterdam]\n",
            with: "    partners: [scp]\n")
        try #require(changed != text)
        try changed.write(to: path, atomically: true, encoding: .utf8)
        let errors = PluginLoader().load(directory: directory.path).errors
        try #require(errors.count == 1, "\(errors)")
        #expect(errors[0].message.nl.contains("'scp' is vastgelegd als aangehaalde bron"))
        #expect(errors[0].fix?.en.contains("cited_sources:") == true)
        #expect(errors[0].line != nil)
    }

    // MARK: weak quotes

    /// A one-programme plugin folder with its own source, so the check runs on a plain clone too.
    static func weakQuoteFixture() throws -> (municipalities: URL, sources: URL) {
        let root = try TestSupport.temporaryDirectory()
        let municipalities = root.appendingPathComponent("municipalities")
        let sources = root.appendingPathComponent("sources")
        let folder = municipalities.appendingPathComponent("voorbeeld")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: municipalities.appendingPathComponent("taxonomy.yaml").path)
        try """
            slug: voorbeeld
            name: Voorbeeld
            province: Utrecht
            population:
              - { reference_date: 2024-01-01, count: 1000, publisher: CBS }
            """.write(to: folder.appendingPathComponent("municipality.yaml"), atomically: true, encoding: .utf8)
        try """
            kind: policy-note
            id: nota
            title: Iedereen doet mee
            author: { type: municipality, name: Gemeente Voorbeeld }
            adoption_status: council-proposal
            source: voorbeeld.txt
            evidence: [ { quote: Iedereen doet mee in Voorbeeld, section: Titel } ]
            policy_themes:
              - id: th-kort
                title: Onderwijs
                themes: [education]
                evidence: [ { quote: Onderwijs, section: Thema's } ]
              - id: th-dubbel
                title: Samen
                themes: [social-cohesion]
                evidence: [ { quote: Wij gaan samen aan de slag, section: Thema's } ]
              - id: th-uitgelegd
                title: Veiligheid
                themes: [safety]
                note: Het citaat 'Veiligheid' is het hele opsommingspunt.
                evidence: [ { quote: Veiligheid, section: Thema's } ]
              - id: th-genoemd
                title: Onderwijs nogmaals
                themes: [education]
                note: Zie ook 'Onderwijs' elders.
                evidence: [ { quote: Onderwijs, section: Thema's } ]
              - id: th-goed
                title: Discriminatie
                themes: [anti-discrimination-policy]
                evidence: [ { quote: We bestrijden discriminatie in de hele stad., section: Thema's } ]
            budget:
              none: Het voorstel noemt geen bedragen.
              evidence: [ { quote: Iedereen doet mee in Voorbeeld, section: Titel } ]

            """.write(to: folder.appendingPathComponent("nota.yaml"), atomically: true, encoding: .utf8)
        try """
            Iedereen doet mee in Voorbeeld
            Thema's
            - Onderwijs
            - Veiligheid
            Wij gaan samen aan de slag. We bestrijden discriminatie in de hele stad.
            Wij gaan samen aan de slag, zei de wethouder.
            """.write(to: sources.appendingPathComponent("voorbeeld.txt"), atomically: true, encoding: .utf8)
        return (municipalities, sources)
    }

    @Test func validateWarnsAboutShortAndRepeatedQuotesUnlessTheNoteSaysWhy() throws {
        let fixture = try Self.weakQuoteFixture()
        let result = try TestSupport.run(
            ["validate", "--municipalities", fixture.municipalities.path, "--sources", fixture.sources.path])
        #expect(result.status == 0, "warnings do not fail validation: \(result.error)")
        let warnings = (result.output + result.error).split(separator: "\n").filter { $0.contains(": waarschuwing: ") }
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.contains { $0.contains("'th-genoemd'") }, "a note that only mentions the words does not explain")
        #expect(warnings.contains { $0.contains("'th-kort'") && $0.contains("is korter dan 3 woorden") && $0.contains("nota.yaml:9:") })
        #expect(warnings.contains { $0.contains("'th-dubbel'") && $0.contains("staat 2 keer in de bron") })
        #expect(!warnings.contains { $0.contains("th-uitgelegd") || $0.contains("th-goed") })
        let english = try TestSupport.run(
            ["validate", "--lang", "en", "--municipalities", fixture.municipalities.path, "--sources", fixture.sources.path])
        #expect((english.output + english.error).contains("occurs 2 times in the source"))
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func bundledPluginsHaveNoUnexplainedWeakQuotes() throws {
        let warnings = QuoteChecker(sourcesDirectory: TestSupport.sources).check(loaded.programmes)
            .filter { $0.severity == .warning }
        #expect(warnings.isEmpty, "\(warnings.map { $0.text(.en) })")
    }
}
