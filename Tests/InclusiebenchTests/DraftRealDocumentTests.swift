import Foundation
@testable import InclusieDrafting
import InclusieModel
import InclusiePlugins
import Testing

/// `draft` on documents shaped like real ones (issue 31): one test per numbered point, on the fictional
/// documents of the development set in `docs/examples/devset/` and on short texts written here.
@Suite struct DraftRealDocumentTests {
    static let devset = TestSupport.repositoryRoot.appendingPathComponent("docs/examples/devset").path

    private func drafter() throws -> Drafter {
        let loaded = try TestSupport.loadRealPlugins()
        let taxonomy = try #require(loaded.taxonomy)
        return Drafter(suggester: Suggester(taxonomy: taxonomy, terms: loaded.terms, training: Suggester.reviewedItems(of: loaded.programmes)))
    }

    private func draft(_ name: String, kind: String? = nil) throws -> DraftProgramme {
        let text = try String(contentsOfFile: "\(Self.devset)/\(name).txt", encoding: .utf8)
        return try drafter().draft(text: text, kind: kind)
    }

    private func texts(of draft: DraftProgramme) -> [String] {
        draft.items.flatMap { [$0.title] + $0.evidence.map(\.quote) }
    }

    // 1. Page noise and names.
    @Test func pageNoiseAndPeopleNeverBecomeItemsTitlesOrQuotes() throws {
        let page = try draft("webpagina-regenboogbeleid")
        for noise in ["Kalverdijk", "Wethouder", "Foto:", "Afbeelding:", "cookies", "Deel deze", "Laatst gewijzigd", "Gepubliceerd", "Privacyverklaring", "nuttig"] {
            #expect(!texts(of: page).contains { $0.contains(noise) }, "\(noise)")
        }
        let decision = try draft("raadsbesluit-inclusieagenda")
        #expect(!texts(of: decision).contains { $0.contains("Oosterbroek") || $0.contains("Tjalsma") || $0.contains("griffier") })
        let party = try draft("partij-genummerd")
        #expect(!texts(of: party).contains { $0.contains("Stalborch") }, "a sentence naming a person is no quote")
        let pdf = try draft("pdf-nota-samen-verder")
        #expect(!texts(of: pdf).contains { $0.contains("Pagina") || $0.hasPrefix("Nota Samen Verder Gemeente") }, "page numbers and running headers")
        #expect(PageNoise.isPageNumber("pagina 3 van 12") && PageNoise.isPageNumber("- 7 -") && !PageNoise.isPageNumber("3 thema's"))
        // Running headers are noise only where they run: at a page's top or bottom, not the same words in the body.
        let pages = (1...3).map { "Bundel inclusie\n\nWat gaan we doen?\nWe openen een buurthuis in wijk \($0).\n\nPagina \($0) van 3" }
        let lines = pages.joined(separator: "\n").components(separatedBy: "\n")
        let noise = PageNoise.lines(lines)
        #expect(lines.indices.filter { lines[$0] == "Bundel inclusie" }.allSatisfy(noise.contains))
        #expect(!lines.indices.filter { lines[$0] == "Wat gaan we doen?" }.contains(where: noise.contains))
        #expect(PersonNames.namesPersonWithFunction("Onze fractievoorzitter Gerrit van Stalborch zegt het al jaren"))
        #expect(!PersonNames.namesPersonWithFunction("De wethouder Werk en Inkomen gaat in gesprek met werkgevers"))
    }

    // 2. Party programmes.
    @Test func aPartyChapterGivesProposalsFromBulletsNumberedPointsAndAskingProseWithThePartyAsAuthor() throws {
        for (name, party, proposals) in [
            ("partij-opsomming", "Lijst Open Stad", 7), ("partij-proza", "Verbonden Dorpen", 6), ("partij-genummerd", "Gemeentebelang Veenhoven", 4),
        ] {
            let chapter = try draft(name)
            #expect(chapter.kind == "party-programme", "\(name)")
            #expect(chapter.author == DraftAuthor(type: "party", name: party, reason: chapter.author.reason), "\(name): \(chapter.author)")
            let keys = DraftWriter.nativeKeys(of: chapter)
            #expect(chapter.items.filter { keys[$0.id] == "proposals" }.count == proposals, "\(name)")
        }
        let numbered = try draft("partij-genummerd")
        #expect(numbered.items.compactMap(\.number).contains("4.1.1"), "numbered as the text numbers them")
        #expect(!numbered.items.contains { $0.title == "Werk en inkomen" && !$0.isSection }, "'4.1 Werk en inkomen' above 4.1.1 is a heading")
        // Points under no heading still are proposals, under a section named by the title.
        let bare = try drafter().draft(text: "Wij willen gratis zwemles voor elk kind.\n\n- Een stadspas voor iedereen met een laag inkomen.\n", kind: "party-programme")
        let keys = DraftWriter.nativeKeys(of: bare)
        let points = bare.items.filter(\.isPoint)
        #expect(points.count == 2 && points.allSatisfy { keys[$0.id] == "proposals" }, "\(bare.items.map(\.title))")
    }

    // 3. Money as the text states it.
    @Test func theBudgetStateIsWhatTheTextSays() throws {
        #expect(try draft("lia-voortgang").budgetState == .amountYearsNotStated)
        #expect(try draft("lia-voortgang").undatedAmount == Money(cents: 14_500_000))
        #expect(try draft("webpagina-inclusieagenda").budgetState == .statedAmountNotStated)
        #expect(try draft("pdf-nota-samen-verder").budgetState == .none)
        #expect(try draft("partij-proza").budgetState == .unknown, "a party asking for 'een vast budget' states no money")
        #expect(try draft("webpagina-regenboogbeleid").budgetState == .unknown, "saying nothing is unknown, never none")
        let budget = try draft("begroting-programma")
        #expect(budget.budgetState == .amounts)
        #expect(budget.budgetLines.map(\.label) == ["Lasten"], "baten and the saldo are no budget lines")
        #expect(budget.budgetLines.first?.amounts.map { $0.amount?.cents } == [41_200_000, 39_800_000, 39_800_000, 38_000_000], "(x € 1.000)")
        #expect(!budget.items.contains { ["Lasten", "Baten", "Saldo"].contains($0.title) || $0.title.hasPrefix("Baten en lasten") })
        let noUnit = try drafter().draft(text: "Begroting\n\nPost\t2025\t2026\nLasten\t412\t398\n", kind: "policy-note")
        #expect(noUnit.budgetLines.isEmpty && noUnit.budgetReason.contains("zonder eenheid"), "figures without a unit are flagged, not guessed")
    }

    // 4. Programme fields are suggestions with a review mark that validate counts.
    @Test func adoptionStatusComesFromItsWordingAndTheProgrammeStaysADraftUntilItsOwnMarkIsGone() throws {
        #expect(try draft("raadsbesluit-inclusieagenda").adoptionStatus == "adopted")
        #expect(try draft("lia-voortgang").adoptionStatus == "adopted")
        #expect(try draft("webpagina-inclusieagenda").adoptionReason.contains("college"))
        #expect(try draft("pdf-nota-samen-verder").adoptionStatus == "council-proposal")
        #expect(try draft("webpagina-regenboogbeleid").adoptionStatus == "adoption-not-stated")

        let plugins = try TestSupport.temporaryDirectory().appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.path + "/taxonomy.yaml")
        let drafted = try TestSupport.run(["draft", "\(Self.devset)/raadsbesluit-inclusieagenda.txt", "--municipality", "lindewaard", "--municipalities", plugins.path])
        #expect(drafted.status == 0, "\(drafted.error)")
        let file = plugins.appendingPathComponent("lindewaard/raadsbesluit-inclusieagenda.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        #expect(yaml.contains("\nreview: suggested\nsuggested_by:\n"))
        #expect(yaml.contains("adoption_status: adopted") && yaml.contains("vastgesteld (raad)"))
        // Removing only the items' and budget lines' marks leaves the programme's own: still a draft.
        let itemsReviewed = yaml.components(separatedBy: "\n").filter { !($0.hasPrefix(" ") && $0.trimmingCharacters(in: .whitespaces) == "review: suggested") }
        try itemsReviewed.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let validated = try TestSupport.run(["validate", "--municipalities", plugins.path, "--only", "lindewaard"])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output.contains("Concept: lindewaard/raadsbesluit-inclusieagenda heeft 1 niet nagekeken"), "\(validated.output)")
    }

    /// The same document drafts to the same bytes in every process. Each process orders its dictionaries
    /// by a hash seed of its own; sums of doubles taken in that order broke ties between a suggestion's
    /// shared words differently from run to run (this document's reasons differed in two runs of two).
    @Test func draftingIsTheSameInEveryProcess() throws {
        let plugins = try TestSupport.temporaryDirectory().appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.path + "/taxonomy.yaml")
        let drafts = try (1...3).map { run -> String in
            let out = plugins.appendingPathComponent("run-\(run).yaml").path
            let drafted = try TestSupport.run([
                "draft", "\(Self.devset)/partij-genummerd.txt", "--municipality", "lindewaard", "--out", out,
                "--municipalities", TestSupport.municipalities,
            ])
            #expect(drafted.status == 0, "\(drafted.error)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        #expect(drafts[0].contains("lijkt op/resembles"))
        #expect(drafts[1] == drafts[0] && drafts[2] == drafts[0])
    }

    // 5. Words, not substrings; years only from sentences that schedule.
    @Test func termsMatchWholeWordsAndActiveYearsOnlyComeFromSchedulingSentences() throws {
        #expect(!Tokens.matches("passen", term: "pas") && Tokens.matches("pas", term: "pas"))
        #expect(!Tokens.matches("gebouwd", term: "gebouw") && Tokens.matches("gebouwen", term: "gebouw"))
        #expect(Tokens.matches("melding", term: "meld") && Tokens.matches("institutioneel", term: "institutione"))
        let loaded = try TestSupport.loadRealPlugins()
        let suggester = Suggester(taxonomy: try #require(loaded.taxonomy), terms: loaded.terms, training: [])
        let themes = suggester.suggest(.theme, for: "Deze maatregelen passen bij de wens om actie te ondernemen.", limit: 3)
        #expect(!themes.contains { $0.reason.contains("'pas'") || $0.reason.contains("'ondernemer'") }, "\(themes.map(\.reason))")
        #expect(DutchNumbers.scheduledYears(in: "In 2016 is het VN-verdrag Handicap in werking getreden.") == [])
        #expect(DutchNumbers.scheduledYears(in: "Sinds 2020 hebben we een vaste contactpersoon.") == [])
        #expect(DutchNumbers.scheduledYears(in: "Gepubliceerd op 14 maart 2025") == [])
        #expect(DutchNumbers.scheduledYears(in: "De bibliotheek krijgt in 2026 een automatische deur.") == [2026])
        #expect(DutchNumbers.scheduledYears(in: "We doen dit van 2025 tot en met 2027.") == [2025, 2026, 2027])
        let lia = try draft("lia-voortgang")
        #expect(!lia.items.contains { $0.years.contains(2016) || $0.years.contains(2023) }, "context years are no active years")
    }

    // 6. Granularity.
    @Test func numberedActionsInALineTopicsInASentenceAndTheKindsOwnGroupsGiveOneItemEach() throws {
        let parts = try #require(Drafter.numberedParts("Dit jaar starten we met 1) een cursus eenvoudig schrijven, 2) een spreekuur over discriminatie en 3) een campagne tegen pesten."))
        #expect(parts.map(\.1) == ["een cursus eenvoudig schrijven", "een spreekuur over discriminatie", "een campagne tegen pesten"])
        #expect(parts.map(\.0) == ["1", "2", "3"])
        #expect(Drafter.numberedParts("In 2) gevallen") == nil)
        #expect(Drafter.listedTopics("De nota richt zich op wonen, werk, onderwijs en sport.")?.map(\.1) == ["wonen", "werk", "onderwijs", "sport"])
        #expect(Drafter.listedTopics("Het gemeentehuis, de bibliotheek en het zwembad worden aangepast.") == nil)
        let pdf = try draft("pdf-nota-samen-verder")
        let keys = DraftWriter.nativeKeys(of: pdf)
        #expect(pdf.items.filter { keys[$0.id] == "core_values" }.count == 3)
        #expect(pdf.items.filter { keys[$0.id] == "aims" }.count == 2)
        #expect(!pdf.items.contains { $0.title == "Kernwaarden" }, "the group's key stands for its heading")
        #expect(Set(["wonen", "werk", "onderwijs", "sport"]).isSubset(of: pdf.items.map(\.title)))
    }

    // 7. Only reviewed items teach.
    @Test func onlyReviewedItemsTeachTheClassifiers() throws {
        let plugins = try TestSupport.copyOfMunicipalities()
        let drafted = try TestSupport.run(["draft", "\(Self.devset)/partij-proza.txt", "--municipality", "almere", "--municipalities", plugins.path])
        #expect(drafted.status == 0, "\(drafted.error)")
        let loaded = PluginLoader().load(directory: plugins.path)
        let draftProgramme = try #require(loaded.programmes.first { $0.programme.key == "almere/partij-proza" })
        #expect(!draftProgramme.programme.items.isEmpty)
        let training = Suggester.reviewedItems(of: loaded.programmes)
        #expect(training.first { $0.key == "almere/partij-proza" }?.items.isEmpty == true, "a draft's unreviewed items teach nothing")
        #expect(training.first { $0.key == "almere/actieprogramma-2020-2022" }?.items.count == 102, "reviewed plugins teach all")
        let again = try TestSupport.run(["draft", "\(Self.devset)/partij-opsomming.txt", "--municipality", "almere", "--municipalities", plugins.path])
        let yaml = try String(contentsOf: plugins.appendingPathComponent("almere/partij-opsomming.yaml"), encoding: .utf8)
        #expect(again.status == 0 && !yaml.contains("partij-proza#"), "no suggestion points at an unreviewed item")
    }

    // Precision: what stands in a document without being an item of its programme.
    @Test func theTitleAContextOpeningAMoneyHeadingAndASplitHeadingAreNoItems() throws {
        let text = """
            Inclusieagenda Voorbeeldwaard 2025-2028

            De gemeenteraad heeft deze agenda in 2024 vastgesteld.

            Wonen

            We bouwen in elke wijk woningen voor mensen met een beperking.

            Acties

            Dit jaar starten we met 1) een cursus eenvoudig schrijven, 2) een spreekuur over discriminatie en 3) een campagne tegen pesten.

            Geld

            Voor de uitvoering is een budget van € 50.000 beschikbaar.
            """
        let draft = try drafter().draft(text: text, kind: "policy-note")
        let titles = draft.items.map(\.title)
        #expect(draft.title == "Inclusieagenda Voorbeeldwaard 2025-2028")
        #expect(!titles.contains(draft.title), "the title is the programme's, no item: \(titles)")
        #expect(!titles.contains { $0.hasPrefix("De gemeenteraad") }, "an opening that states no intention is context")
        #expect(!titles.contains("Geld"), "a heading over money only: its money is in budget")
        #expect(draft.undatedAmount == Money(cents: 5_000_000))
        #expect(!titles.contains("Acties"), "its numbered parts stand for it")
        #expect(titles.contains("Wonen") && titles.contains("een cursus eenvoudig schrijven"))

        let intention = try drafter().draft(
            text: "Samen verder in Voorbeeldwaard\n\nVoorbeeldwaard wil een gemeente zijn waar iedereen meedoet.\n\nWonen\n\nWe bouwen woningen.\n",
            kind: "policy-note")
        #expect(intention.items.contains { $0.title.hasPrefix("Voorbeeldwaard wil") }, "an opening that states an intention stays")
        let introduction = try drafter().draft(
            text: "Inleiding\n\nHet inclusieteam bestaat uit collega's van alle afdelingen.\n\nWonen\n\nWe bouwen woningen.\n",
            kind: "policy-note")
        #expect(introduction.items.contains { $0.title == "Inleiding" }, "a first heading of one word is a section like any other")
    }

    @Test func aMenuOfShortLinesWithANavigationWordIsNoiseAndATitlePageIsTheTitle() throws {
        let page = ["Naar hoofdinhoud", "Menu", "Wonen en leven", "Werk en inkomen", "", "Regenboogbeleid in Brakkenstein"]
        #expect(PageNoise.lines(page) == [0, 1, 2, 3])
        let cover = ["Actieprogramma", "Diversiteit en inclusie", "Gemeente Voorbeeldwaard", "", "Inleiding"]
        #expect(PageNoise.lines(cover).isEmpty, "without a navigation word short lines may be a title page")
        #expect(try draft("webpagina-inclusieagenda").title == "Inclusieagenda Oudemolen 2024-2027", "the site's name in its menu is no title")
        #expect(try draft("pdf-nota-samen-verder").title == "Nota Samen Verder 2026-2029 Raadsvoorstel diversiteit en inclusie")
    }

    // 8. The next step draft prints works, and import takes --only.
    @Test func theValidateCommandDraftPrintsPassesBesideTheBundledPluginsAndImportTakesOnly() throws {
        let plugins = try TestSupport.copyOfMunicipalities()
        let drafted = try TestSupport.run(["draft", "\(Self.devset)/webpagina-inclusieagenda.txt", "--municipality", "oudemolen", "--municipalities", plugins.path])
        #expect(drafted.status == 0, "\(drafted.error)")
        let printed = try #require(drafted.output.components(separatedBy: "\n").first { $0.contains("inclusiebench validate") })
        let command = try #require(printed.components(separatedBy: "inclusiebench ").last).split(separator: " ").map(String.init)
        #expect(command.contains("--only"))
        let validated = try TestSupport.run(command)
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output.contains("Concept: oudemolen/webpagina-inclusieagenda"))
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("only.sqlite").path
        let imported = try TestSupport.run(["import", "--municipalities", plugins.path, "--only", "oudemolen", "--db", database])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("1 programma's van 1 gemeenten"), "\(imported.output)")
        let unknown = try TestSupport.run(["import", "--municipalities", plugins.path, "--only", "nergensdorp", "--db", database])
        #expect(unknown.status != 0 && unknown.error.contains("nergensdorp"))
    }

    // The development set as a whole: the targets `draft --evaluate --devset` reports.
    @Test func theDevelopmentSetMeetsItsReadings() throws {
        let loaded = try TestSupport.loadRealPlugins()
        let suggester = Suggester(taxonomy: try #require(loaded.taxonomy), terms: loaded.terms, training: Suggester.reviewedItems(of: loaded.programmes))
        let results = try DevelopmentSetRun(suggester: suggester).run(directory: Self.devset)
        #expect(results.count >= 8)
        for result in results {
            #expect(result.budgetRight, "\(result.document): \(result.budgetRead) ≠ \(result.budgetDrafted)")
            #expect(result.kindRight && result.authorRight && result.adoptionRight, "\(result.document)")
            if result.shape.hasPrefix("party") { #expect(result.groupsRight == result.groupsRead, "\(result.document): every proposal") }
        }
        let paired = results.reduce(0) { $0 + $1.pairedItems }
        let hand = results.reduce(0) { $0 + $1.handItems }
        #expect(Double(paired) / Double(hand) >= 0.85, "recall \(paired)/\(hand)")
    }
}
