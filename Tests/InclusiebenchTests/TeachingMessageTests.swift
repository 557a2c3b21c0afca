import Foundation
import InclusieModel
@testable import InclusiePlugins
import InclusieStore
import Testing

/// Every mistake met when a newcomer added a municipality, each with the exact message that says what to
/// write instead, and the quote checks that run without `../shared/sources` (sources next to the plugin).
@Suite struct TeachingMessageTests {
    let bij1 = "almere/bij1-verkiezingsprogramma-2022.yaml"
    let amstelveen = "amstelveen/nota-diversiteit-en-inclusie-2023.yaml"
    let arnhem = "arnhem/veranderprogramma-inclusie-2018.yaml"

    /// A copy of the real plugins with `edits` (text to find, its replacement) applied to one file.
    private func copy(editing file: String, _ edits: [(String, String)]) throws -> URL {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent(file)
        var text = try String(contentsOf: path, encoding: .utf8)
        for (find, replace) in edits {
            let range = try #require(text.range(of: find), "'\(find)' is not in \(file)")
            text.replaceSubrange(range, with: replace)
        }
        try text.write(to: path, atomically: true, encoding: .utf8)
        return directory
    }

    private func onlyError(editing file: String, _ edits: [(String, String)]) throws -> Diagnostic {
        let loaded = PluginLoader().load(directory: try copy(editing: file, edits).path)
        try #require(loaded.errors.count == 1, "\(loaded.errors)")
        return loaded.errors[0]
    }

    /// The 1-based line of the `occurrence`th line of the real file that starts with `prefix` after its indentation.
    private func line(in file: String, startingWith prefix: String, occurrence: Int = 1) throws -> Int {
        let text = try String(contentsOfFile: TestSupport.municipalities + "/" + file, encoding: .utf8)
        let matches = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.drop { $0 == " " }.hasPrefix(prefix) }.map { $0.offset + 1 }
        return try #require(matches.count >= occurrence ? matches[occurrence - 1] : nil, "no line '\(prefix)' in \(file)")
    }

    // MARK: - Nearest ids

    private let pre2Themes = "themes: [safety, anti-discrimination-policy, lgbti-acceptance]"

    @Test func misspelledIdSuggestsTheIdItWasMeantToBe() throws {
        let error = try onlyError(editing: bij1, [(pre2Themes, "themes: [saftey, anti-discrimination-policy]")])
        #expect(error.message.nl == "'saftey' is geen thema in taxonomy.yaml (onderdeel 'pre-2')")
        #expect(error.fix?.nl == "gebruik een id uit taxonomy.yaml; bedoelt u 'safety' (Veiligheid en bestrijding van haat en geweld)?")
        #expect(error.fix?.en == "use an id from taxonomy.yaml; did you mean 'safety' (Safety and fighting hate and violence)?")
    }

    @Test func idInTheDocumentsWordsSuggestsIdsByLabel() throws {
        let error = try onlyError(editing: bij1, [(pre2Themes, "themes: [anti-racism]")])
        #expect(
            error.fix?.nl
                == "gebruik een id uit taxonomy.yaml; bedoelt u 'anti-discrimination-policy' (Anti-discriminatie- en antiracismebeleid) of 'institutional-racism' (Institutioneel racisme en etnisch profileren)?"
        )
        let dutchWord = try onlyError(editing: bij1, [(pre2Themes, "themes: [toegankelijkheid]")])
        #expect(dutchWord.fix?.nl.hasPrefix("gebruik een id uit taxonomy.yaml; bedoelt u 'accessibility' (") == true, "\(String(describing: dutchWord.fix))")
    }

    @Test func domainUsedAsAThemeListsTheDomainsThemes() throws {
        let error = try onlyError(editing: bij1, [(pre2Themes, "themes: [living-together]")])
        #expect(
            error.fix?.nl
                == "'living-together' is een domein, geen thema; kies een thema van dat domein: 'social-cohesion' (Sociale samenhang en ontmoeting), 'mixed-neighbourhoods' (Diversiteit in buurten en wijken), 'polarisation-and-dialogue' (Polarisatie en dialoog), 'shared-history' (Gedeelde geschiedenis en herdenken), 'arts-culture-media' (Kunst, cultuur en media), 'empowerment-and-resilience' (Empowerment en weerbaarheid) of 'positive-image-of-diversity' (Positieve beeldvorming van diversiteit)"
        )
    }

    @Test func noAdviceToEditTheSharedTaxonomy() throws {
        let error = try onlyError(editing: bij1, [(pre2Themes, "themes: [qqq]")])
        #expect(error.fix?.nl == "gebruik een id uit taxonomy.yaml (de ids staan daar met hun Nederlandse label onder 'themes:')")
        #expect(!(error.fix?.nl.contains("voeg") ?? true))
    }

    // MARK: - Years, periods and amounts

    @Test func periodWrittenAsASpanShowsTheFormToWrite() throws {
        let error = try onlyError(editing: amstelveen, [("period: { from: 2023, to: 2026 }", "period: 2023-2026")])
        #expect(error.message.nl == "'period: 2023-2026' is geen periode in de vorm die plugins gebruiken")
        #expect(error.fix?.nl == "schrijf 'period: { from: 2023, to: 2026 }'")
        #expect(error.fix?.en == "write 'period: { from: 2023, to: 2026 }'")
        #expect(error.line == (try line(in: amstelveen, startingWith: "period:")))
    }

    @Test func yearsWrittenAsASpanShowsTheListToWrite() throws {
        let themes = "    themes: [inclusion-general, social-cohesion, safety]\n"
        let error = try onlyError(editing: amstelveen, [(themes, "    years: [2023-2026]\n" + themes)])
        #expect(error.message.nl == "'2023-2026' in 'years:' is een reeks jaren, geen jaar")
        #expect(
            error.fix?.nl
                == "noem elk jaar apart: 'years: [2023, 2024, 2025, 2026]' (voor de looptijd van het hele programma: 'period: { from: 2023, to: 2026 }')"
        )
        #expect(error.line == (try line(in: amstelveen, startingWith: "themes: [inclusion-general, social-cohesion, safety]")))
    }

    @Test func amountWithADecimalCommaInBracesIsRecognised() throws {
        let block = "      amounts:\n        2023: 50000\n        2024: 100000\n        2025: 100000\n        2026: 100000\n"
        let error = try onlyError(editing: amstelveen, [(block, "      amounts: { 2023: 1,7 miljoen, 2024: 100000 }\n")])
        #expect(
            error.message.nl
                == "'2023: 1,7 miljoen' is bij de komma in tweeën gesplitst: tussen { } leest YAML een komma als het begin van een nieuw paar")
        #expect(
            error.fix?.nl
                == "schrijf het bedrag in hele euro's, zonder komma en zonder 'miljoen': '2023: 1700000' (of met een punt voor centen: 1700000.50)")
        #expect(error.line == (try line(in: amstelveen, startingWith: "2023: 50000")) - 1)
    }

    @Test func amountInWordsShowsTheDigitsToWrite() throws {
        let error = try onlyError(editing: amstelveen, [("        2023: 50000\n", "        2023: 1,7 miljoen\n")])
        #expect(error.message.nl.hasSuffix("het bedrag '1,7 miljoen' voor 2023 is geen getal; schrijf euro's in cijfers met hoogstens twee decimalen (bv. 23200 of 23200.50), of 'not-stated' als het document geen bedrag noemt"))
        #expect(error.fix?.nl == "schrijf '2023: 1700000' (hele euro's, zonder punt, komma of 'miljoen')")
        #expect(error.line == (try line(in: amstelveen, startingWith: "2023: 50000")))
    }

    // MARK: - Indentation and YAML syntax in plain Dutch

    @Test func evidenceBlockMovedOneLevelOutPointsAtTheIndentation() throws {
        // The budget's evidence block, moved out of `budget:` to the left margin.
        let text = try String(contentsOfFile: TestSupport.municipalities + "/" + arnhem, encoding: .utf8)
        let start = try #require(text.range(of: "  evidence:\n  - quote: Het is geen klassiek programma"))
        let end = try #require(text.range(of: "\nvision:", range: start.upperBound..<text.endIndex))
        let block = String(text[start.lowerBound..<end.lowerBound])
        let movedOut = block.split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: "\n")
        let error = try onlyError(editing: arnhem, [(block, movedOut)])
        let first = try line(in: arnhem, startingWith: "evidence:")
        let moved = try line(in: arnhem, startingWith: "evidence:", occurrence: 2)
        #expect(error.message.nl == "'evidence' staat twee keer in hetzelfde blok (regel \(first) en regel \(moved))")
        #expect(
            error.fix?.nl
                == "meestal is een blok een niveau te ver naar links geschoven: laat 'evidence:' op de tweede plek even ver inspringen als de andere sleutels van het onderdeel waar het bij hoort; alleen als het echt dubbel is, voeg de twee samen"
        )
        #expect(error.line == moved)
    }

    @Test func wrongIndentationInPlainDutch() throws {
        let quote = "      - quote: We gaan uit van een inclusieve aanpak"
        let error = try onlyError(editing: amstelveen, [(quote, "    - quote: We gaan uit van een inclusieve aanpak")])
        #expect(
            error.message.nl
                == "YAML-opmaakfout: het inspringen klopt niet: deze regel staat niet recht onder de sleutels van het blok waar hij bij hoort")
        #expect(
            error.fix?.nl == "laat de regel met evenveel spaties beginnen als de sleutels erboven (tel de spaties; gebruik geen tabs)")
        #expect(error.line == (try line(in: amstelveen, startingWith: "- quote: We gaan uit van een inclusieve aanpak")))
    }

    @Test func missingDashInPlainDutch() throws {
        let error = try onlyError(editing: amstelveen, [("  - id: aim-prestatie-netwerk", "  id: aim-prestatie-netwerk")])
        #expect(
            error.message.nl
                == "YAML-opmaakfout: in deze lijst mist een '-' aan het begin van een regel, of de regel springt anders in dan de regels met '-' erboven"
        )
        #expect(error.line == (try line(in: amstelveen, startingWith: "- id: aim-prestatie-netwerk")))
    }

    @Test func unclosedQuoteInPlainDutchAtTheLineWhereItOpens() throws {
        let title = "    title: Het opzetten van een sterk netwerk"
        let error = try onlyError(editing: amstelveen, [(title, "    title: \"Het opzetten van een sterk netwerk")])
        #expect(
            error.message.nl == "YAML-opmaakfout: een tekst die met een aanhalingsteken begint, wordt op deze regel niet gesloten")
        #expect(
            error.fix?.nl
                == "zet hetzelfde aanhalingsteken aan het eind van de tekst; staat er een ' in een tekst tussen '…', schrijf die dan dubbel ('')")
        #expect(error.line == (try line(in: amstelveen, startingWith: "title: Het opzetten van een sterk netwerk")))
    }

    @Test func unclosedBracketInPlainDutch() throws {
        let themes = "themes: [inclusion-general, social-cohesion, safety]"
        let error = try onlyError(editing: amstelveen, [(themes, "themes: [inclusion-general, social-cohesion, safety")])
        #expect(error.message.nl == "YAML-opmaakfout: een lijst die met '[' begint, wordt niet gesloten met ']'")
        #expect(error.fix?.nl == "zet ']' aan het eind van de lijst, met komma's tussen de waarden: [a, b, c]")
        #expect(error.line == (try line(in: amstelveen, startingWith: themes)))
        #expect(error.message.en.hasPrefix("YAML syntax error: a list opened with '[' is not closed with ']'"))
    }

    // MARK: - Quotes against sources next to the plugin

    /// A copy of the plugins where amstelveen's folder has its own `sources/` with a document made of its
    /// quotes, changed by `sourceEdit`; so quotes are checked on a plain clone too.
    private func pluginsWithOwnSource(
        editing edits: [(String, String)] = [], sourceEdit: (String) -> String = { $0 }
    ) throws -> URL {
        let directory = try copy(editing: amstelveen, edits)
        let original = try TestSupport.loadRealPlugins().programme("amstelveen/nota-diversiteit-en-inclusie-2023")
        let quotes = original.evidence + original.items.flatMap(\.evidence) + original.partners.flatMap(\.evidence)
            + original.budget.lines.flatMap(\.evidence)
        let sources = directory.appendingPathComponent("amstelveen/sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try sourceEdit(quotes.map(\.quote).joined(separator: "\n\n")).write(
            to: sources.appendingPathComponent(original.sourceFile), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func quotesAreCheckedAgainstTheSourcesFolderNextToThePlugin() throws {
        let directory = try pluginsWithOwnSource()
        let result = try TestSupport.run(["validate", "--municipalities", directory.path, "--only", "amstelveen"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Alle citaten gevonden in hun bron (1 programma)."))
    }

    @Test func quoteNotFoundNamesItsOwnLineTheClosestPassageAndTheDroppedWord() throws {
        let quote = "Daarom is een geactualiseerde versie van de huidige Diversiteitsagenda nodig."
        let directory = try pluginsWithOwnSource(editing: [(quote, "Daarom is geactualiseerde versie van de huidige Diversiteitsagenda nodig.")])
        let loaded = PluginLoader().load(directory: directory.path)
        let problems = QuoteChecker(sourcesDirectories: []).check(loaded.programmes).filter { $0.severity == .error }
        try #require(problems.count == 1, "\(problems)")
        #expect(problems[0].line == (try line(in: amstelveen, startingWith: "- quote: \(quote)")), "the quote's own line, not line 1")
        #expect(
            problems[0].message.nl
                == "citaat van het programma niet gevonden in amstelveen-nota-diversiteit-en-inclusie-2023.txt: «Daarom is geactualiseerde versie van de huidige Diversiteitsagenda nodig.»; het dichtst erbij staat in de bron «\(quote)» (het woord 'een' uit de bron ontbreekt in het citaat)"
        )
    }

    @Test func quoteNotFoundShowsAnAccentDifference() throws {
        let directory = try pluginsWithOwnSource(sourceEdit: {
            $0.replacingOccurrences(of: "Amstelveen een stad is en blijft", with: "Amstelveen één stad is en blijft")
        })
        let loaded = PluginLoader().load(directory: directory.path)
        let problems = QuoteChecker(sourcesDirectories: []).check(loaded.programmes).filter { $0.severity == .error }
        try #require(problems.count == 1, "\(problems)")
        #expect(problems[0].message.nl.hasPrefix("citaat van onderdeel 'aim-effect' niet gevonden"))
        #expect(
            problems[0].message.nl.hasSuffix(
                "het dichtst erbij staat in de bron «We willen ervoor zorgen dat Amstelveen één stad is en blijft waarin mensen zich thuis voelen, veilig voelen en zichzelf kunnen zijn. We gaan uit van een inclusieve aanpak» (de bron heeft 'één' waar het citaat 'een' heeft (é / e))"
            ), "\(problems[0].message.nl)")
        #expect(problems[0].message.en.hasSuffix("(the source has 'één' where the quote has 'een' (é / e))"))
    }

    @Test func quoteProblemsComeInTheSameRunAsStructuralOnes() throws {
        let directory = try pluginsWithOwnSource(editing: [
            ("Daarom is een geactualiseerde", "Daarom is geactualiseerde"),
            ("themes: [inclusion-general, social-cohesion, safety]", "themes: [inclusion-general, social-cohesion, saftey]"),
        ])
        let result = try TestSupport.run(["validate", "--municipalities", directory.path])
        #expect(result.status != 0)
        #expect(result.error.contains("fout: 'saftey' is geen thema"))
        #expect(result.error.contains("fout: citaat van het programma niet gevonden"))
        #expect(result.error.contains("2 problemen gevonden."))
    }

    @Test func importChecksQuotesWhenSourcesAreThereAndLeavesTheDatabaseAlone() throws {
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("db.sqlite").path
        let good = try pluginsWithOwnSource()
        #expect(try TestSupport.run(["import", "--municipalities", good.path, "--db", database]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let bad = try pluginsWithOwnSource(editing: [("Daarom is een geactualiseerde", "Daarom is geactualiseerde")])
        let result = try TestSupport.run(["import", "--municipalities", bad.path, "--db", database, "--lang", "en"])
        #expect(result.status != 0)
        #expect(result.error.contains("error: quote of the programme not found in amstelveen-nota-diversiteit-en-inclusie-2023.txt"))
        #expect(result.error.contains("Nothing imported: fix the 1 problem above first."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func sourcesMayBeGivenMoreThanOnce() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let plugins = PluginLoader().load(directory: directory.path)
        var folders: [String] = []
        for key in ["amstelveen/nota-diversiteit-en-inclusie-2023", "arnhem/veranderprogramma-inclusie-2018"] {
            let programme = try plugins.programme(key)
            let folder = try TestSupport.temporaryDirectory()
            let quotes = programme.evidence + programme.items.flatMap(\.evidence) + programme.budget.lines.flatMap(\.evidence)
            var all = quotes
            if case .none(_, let evidence) = programme.budget { all += evidence }
            try all.map(\.quote).joined(separator: "\n").write(
                to: folder.appendingPathComponent(programme.sourceFile), atomically: true, encoding: .utf8)
            folders.append(folder.path)
        }
        let result = try TestSupport.run(
            ["validate", "--municipalities", directory.path, "--only", "amstelveen,arnhem", "--sources", folders[0], "--sources", folders[1]])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "OK: 2 programma's, \(try plugins.programme("amstelveen/nota-diversiteit-en-inclusie-2023").items.count + (try plugins.programme("arnhem/veranderprogramma-inclusie-2018").items.count)) onderdelen. Alle citaten gevonden in hun bron (2 programma's).\n")
    }

    @Test func validateOnlyTakesAProgrammeAndReportsOnlyItsProblems() throws {
        let directory = try copy(editing: bij1, [(pre2Themes, "themes: [saftey]")])
        let broken = try copy(editing: amstelveen, [("period: { from: 2023, to: 2026 }", "period: 2023-2026")])
        try FileManager.default.removeItem(at: broken.appendingPathComponent("almere"))
        try FileManager.default.copyItem(at: directory.appendingPathComponent("almere"), to: broken.appendingPathComponent("almere"))
        let party = try TestSupport.run(["validate", "--municipalities", broken.path, "--only", "almere/bij1-verkiezingsprogramma-2022"])
        #expect(party.status != 0)
        #expect(party.error.contains("'saftey' is geen thema"))
        #expect(!party.error.contains("amstelveen"), "\(party.error)")
        #expect(party.error.contains("1 probleem gevonden."))
        let adopted = try TestSupport.run(["validate", "--municipalities", broken.path, "--only", "actieprogramma-2020-2022"])
        #expect(adopted.status == 0, "\(adopted.error)")
        #expect(adopted.output.hasPrefix("OK: 1 programma's,"))
    }

    @Test func validateOnlyRefusesANameThatMatchesNothing() throws {
        let result = try TestSupport.run(["validate", "--municipalities", TestSupport.municipalities, "--only", "amstelven"])
        #expect(result.status != 0)
        #expect(result.error.contains("Geen gemeente of programma heet amstelven; bekend zijn: almere, amersfoort, amstelveen, arnhem,"))
    }

    /// Side by side reads only the programmes `--only` names; a name that matches none still gets the
    /// list of every municipality and programme.
    @Test func sideBySideOnlyWithATypoListsEveryNameThatExists() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("side-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let result = try TestSupport.run([
            "compare", "side-by-side", "--municipalities", TestSupport.municipalities, "--db", database, "--only", "almre",
        ])
        #expect(result.status != 0)
        #expect(result.error.contains("Geen programma past bij --only almre; bekend zijn: almere, amersfoort, amstelveen, arnhem, almere/actieprogramma-2020-2022"))
        let named = try TestSupport.run([
            "compare", "side-by-side", "--municipalities", TestSupport.municipalities, "--db", database,
            "--only", "almere,arnhem", "--format", "csv",
        ])
        #expect(named.status == 0, "\(named.error)")
        #expect(named.output.contains("Almere: Almere voor iedereen") && named.output.contains("Arnhem"))
        #expect(!named.output.contains("Amstelveen"))
    }

    // MARK: - Source paths stay inside the sources folder

    @Test func sourceThatLeavesTheSourcesFolderIsRefusedAndNeverRead() throws {
        let name = "amstelveen-nota-diversiteit-en-inclusie-2023.txt"
        let directory = try copy(editing: amstelveen, [("source: \(name)", "source: ../../../../etc/passwd")])
        let loaded = PluginLoader().load(directory: directory.path)
        try #require(loaded.errors.count == 1, "\(loaded.errors)")
        #expect(loaded.errors[0].message.nl == "'source: ../../../../etc/passwd' wijst buiten de bronnenmap")
        #expect(loaded.errors[0].line == (try line(in: amstelveen, startingWith: "source:")))
        let outcome = QuoteChecker(sourcesDirectories: ["/etc"]).run(loaded.programmes)
        #expect(!outcome.checked.contains("amstelveen/nota-diversiteit-en-inclusie-2023"))
        #expect(outcome.diagnostics.allSatisfy { !$0.file.hasSuffix(amstelveen) })
        for name in ["a.txt", "stukken/a.txt"] { #expect(QuoteChecker.isConfinedName(name)) }
        for name in ["/etc/passwd", "../a.txt", "stukken/../../a.txt", "", "./a.txt", "~/a.txt"] {
            #expect(!QuoteChecker.isConfinedName(name), "\(name)")
        }
    }

    @Test func sourceThatIsALinkToAFileOutsideTheFolderIsRefused() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let sources = directory.appendingPathComponent("amstelveen/sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let outside = try TestSupport.temporaryDirectory().appendingPathComponent("geheim.txt")
        try "Diversiteit en Inclusie".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: sources.appendingPathComponent("amstelveen-nota-diversiteit-en-inclusie-2023.txt"), withDestinationURL: outside)
        let problems = QuoteChecker(sourcesDirectories: []).check(PluginLoader().load(directory: directory.path).programmes)
        try #require(problems.count == 1, "\(problems)")
        #expect(problems[0].message.nl.hasPrefix("bron 'amstelveen-nota-diversiteit-en-inclusie-2023.txt' is een koppeling naar een bestand buiten "))
    }

    // MARK: - The index finds exactly what a plain search finds

    @Test func sourceIndexAgreesWithAPlainSearch() {
        let text = "De gemeente ‘Voorbeeld’ wil dat iedereen mee\n  kan doen. Iedereen doet mee, ook wie een beperking heeft; de de de gemeente."
        let index = SourceIndex(text: text)
        let normalised = QuoteChecker.normalise(text)
        let characters = Array(normalised)
        // Every stretch of up to 30 characters, as it is and with its last character changed.
        for start in characters.indices {
            for end in start..<min(characters.count, start + 30) {
                let stretch = String(characters[start...end])
                for candidate in [stretch, String(stretch.dropLast()) + "x"] {
                    let expected = normalised.contains(QuoteChecker.normalise(candidate))
                    #expect(index.contains(candidate) == expected, "«\(candidate)»")
                }
            }
        }
    }
}
