import Foundation
import InclusieDrafting
import InclusieModel
import InclusiePlugins
import Testing

/// `inclusiebench draft`: structure, Dutch numbers, status cues, verified quotes, and draft → review → validate → import.
@Suite struct DraftTests {
    static let example = TestSupport.repositoryRoot.appendingPathComponent("docs/examples/havendam-actieplan-2025-2027.txt").path

    @Test func findsHeadingsNumberedListsMultiLineItemsAndTables() {
        let text = """
            2.1 Representatie en inclusiviteit

            Een inleidende zin.

             1. Bij het aannemen van ambtenaren houden we rekening met diversiteit.
             2. Een punt dat over twee regels
                doorloopt.
            - een opsomming

            PLANNING

            ACTIE\t2025\t2026
            Campagne\tx\t
            """
        let blocks = StructureDetector().blocks(in: text)
        #expect(blocks.map(\.kind) == [
            .heading(level: 2), .paragraph, .listItem(number: "1"), .listItem(number: "2"), .listItem(number: nil),
            .heading(level: 1), .tableRow(cells: ["ACTIE", "2025", "2026"]), .tableRow(cells: ["Campagne", "x", ""]),
        ])
        #expect(blocks[3].text == "Een punt dat over twee regels doorloopt.")
        #expect(blocks[2].sectionPath == ["2.1 Representatie en inclusiviteit"])
        #expect(blocks[7].sectionPath == ["PLANNING"], "a new top heading closes the numbered section")
    }

    @Test func aLineThatNumbersAPartByNameIsAHeadingHoweverLong() {
        let text = """
            WERKWIJZE

            Spoor 1: WONEN, WERKEN EN LEREN IN DE BUURT VOOR ALLE BEWONERS VAN DE WIJK

            Een inleidende zin.

            Korte kop

            Tekst onder de korte kop.

            Spoor 2: Samen zorgen. Iedereen doet mee.
            """
        let blocks = StructureDetector().blocks(in: text)
        #expect(blocks.map(\.kind) == [
            .heading(level: 1), .heading(level: 6), .paragraph, .heading(level: 7), .paragraph, .heading(level: 6),
        ])
        #expect(blocks[4].sectionPath == ["WERKWIJZE", "Spoor 1: WONEN, WERKEN EN LEREN IN DE BUURT VOOR ALLE BEWONERS VAN DE WIJK", "Korte kop"],
            "a short line stands under the named part, the named part under the capitals")
        #expect(blocks[5].text == "Spoor 2: Samen zorgen. Iedereen doet mee.", "sentences after the colon do not make it a paragraph")
    }

    @Test func readsDutchAmountsExactlyInCents() {
        func cents(_ text: String) -> [Int] { DutchNumbers.amounts(in: text).map(\.money.cents) }
        #expect(cents("€ 1.700.000") == [170_000_000])
        #expect(cents("1,7 miljoen") == [170_000_000])
        #expect(cents("200K diversiteitsmiddelen") == [20_000_000])
        #expect(cents("€ 23.200,- voor 2023") == [2_320_000])
        #expect(cents("€ 50.000,50") == [5_000_050])
        #expect(cents("in 2023 kwamen 120 deelnemers") == [], "years and counts are not money")
        #expect(cents("12 kinderen") == [])
    }

    @Test func readsYearsAndRanges() {
        #expect(DutchNumbers.years(in: "voor 2024-2026.") == [2024, 2025, 2026])
        #expect(DutchNumbers.years(in: "van 2020 t/m 2022 en vanaf 2024.") == [2020, 2021, 2022, 2024])
        #expect(DutchNumbers.years(in: "€ 2.024 en 20.2023") == [], "digits inside amounts are not years")
    }

    @Test func statusCuesFollowTheWording() {
        #expect(StatusCues.cues(in: "We gaan een campagne voeren.").first?.status == "commitment")
        #expect(StatusCues.cues(in: "Wij zorgen voor een training.").first?.status == "commitment")
        #expect(StatusCues.cues(in: "We willen dat alles toegankelijk is.").first?.status == "ambition")
        #expect(StatusCues.cues(in: "De gemeente streeft naar een inclusieve stad.").first?.status == "ambition")
        #expect(StatusCues.cues(in: "We onderzoeken of dit kan.").first?.status == "exploration")
        #expect(StatusCues.cues(in: "Bezien wordt of de website beter kan.").first?.status == "exploration")
        #expect(StatusCues.cues(in: "Hoe maken we de stad inclusiever?").first?.status == "exploration")
        #expect(StatusCues.cues(in: "Wij nastreven niets.").isEmpty, "a cue is a whole word, not part of one")
    }

    private func drafter() throws -> Drafter {
        let loaded = try TestSupport.loadRealPlugins()
        let taxonomy = try #require(loaded.taxonomy)
        return Drafter(suggester: Suggester(taxonomy: taxonomy, terms: loaded.terms, training: loaded.programmes.map(\.programme)))
    }

    @Test func aWorkshopsAnswersAreItemsUnderTheirQuestion() throws {
        let text = """
            Werksessie Samen in de wijk

            Waar moeten we als eerste aan werken? (1/2)

            Ontmoeten in de buurt

            Een plek voor jongeren. Wie neemt het voortouw?

            Beschrijf de ideale wijk

            Veilig over straat.
            """
        let draft = try drafter().draft(text: text, kind: "workshop")
        let questions = draft.items.filter(\.isSection)
        #expect(draft.title == "Werksessie Samen in de wijk")
        #expect(!draft.items.contains { $0.title == "Werksessie Samen in de wijk" }, "the document's title is no item")
        #expect(questions.map(\.title) == ["Waar moeten we als eerste aan werken? (1/2)", "Beschrijf de ideale wijk"])
        let answers = draft.items.filter { !$0.isSection }
        #expect(answers.map(\.title) == ["Ontmoeten in de buurt", "Een plek voor jongeren", "Veilig over straat"])
        try #require(questions.count == 2)
        #expect(answers.prefix(2).allSatisfy { $0.parentID == questions[0].id }, "a short line under a question is an answer, not a heading")
        #expect(answers[1].evidence.first?.section == "Waar moeten we als eerste aan werken? (1/2)")
        #expect(answers[2].parentID == questions[1].id, "a prompt starting with 'Beschrijf' is a question too")
    }

    @Test func anActionProgrammesParagraphOfSeveralActionsGivesOneItemPerAction() throws {
        let text = """
            Actieplan Samen in de wijk 2025-2027

            Ontmoeten in de buurt

            De buurt is van iedereen. Wij willen een buurthuis openen in elke wijk. We gaan jaarlijks een buurtfeest organiseren. Dat kost tijd.

            Veilig over straat

            De straat is er voor iedereen. We gaan de verlichting verbeteren.
            """
        let draft = try drafter().draft(text: text, kind: "action-programme")
        let sections = draft.items.filter(\.isSection)
        let meeting = try #require(sections.first { $0.title == "Ontmoeten in de buurt" })
        let actions = draft.items.filter { $0.parentID == meeting.id }
        #expect(actions.map(\.title) == ["Wij willen een buurthuis openen in elke wijk", "We gaan jaarlijks een buurtfeest organiseren"])
        #expect(actions.map(\.status) == ["ambition", "commitment"])
        #expect(meeting.coveredText.contains("Dat kost tijd."), "the section still covers its whole paragraph")
        let street = try #require(sections.first { $0.title == "Veilig over straat" })
        #expect(draft.items.filter { $0.parentID == street.id }.isEmpty, "one action describes its section and is no item of its own")
        let policy = try drafter().draft(text: text, kind: "policy-note")
        #expect(policy.items.count < draft.items.count, "only an action programme lists actions sentence by sentence")
    }

    @Test func anEntryNoProgrammeUsesIsSuggestedFromTheTaxonomysOwnWordsWithItsReason() throws {
        let loaded = try TestSupport.loadRealPlugins()
        let taxonomy = try #require(loaded.taxonomy)
        let suggester = Suggester(taxonomy: taxonomy, terms: loaded.terms, training: [])
        let themes = suggester.suggest(.theme, for: "Vaardigheden en houding van hulpverleners in het wijkteam", limit: 3)
        #expect(themes.first?.id == "inclusive-professional-practice")
        let reason = try #require(themes.first?.reason)
        #expect(reason.contains("'vaardighe'") && reason.contains("naive Bayes") && reason.contains("lijkt op/resembles"), "\(reason)")
        for facet in Suggester.facets.map(\.facet) {
            for suggestion in suggester.suggest(facet, for: "Samen met partners een campagne tegen discriminatie", limit: 3) {
                #expect(!suggestion.reason.isEmpty, "every suggestion says why: \(suggestion.id)")
            }
        }
    }

    @Test func temperingNaiveBayesByLengthKeepsItsChoiceButNotItsCertainty() throws {
        var classifier = NaiveBayes(smoothing: 0.1)
        classifier.train(text: "discriminatie melden meldpunt samen", label: "reporting")
        classifier.train(text: "ontmoeten buurt samen discriminatie buurthuis", label: "cohesion")
        let short = "Discriminatie melden, samen."
        let long = Array(repeating: short, count: 10).joined(separator: " ")
        let plainLong = try #require(classifier.rank(long).first)
        let temperedLong = try #require(classifier.rank(long, temperedByLength: true).first)
        let plainShort = try #require(classifier.rank(short).first)
        let temperedShort = try #require(classifier.rank(short, temperedByLength: true).first)
        #expect([plainLong, temperedLong, plainShort, temperedShort].allSatisfy { $0.label == "reporting" }, "the order stays")
        #expect(plainLong.probability > 0.999_999, "untempered, ten repetitions of the same words make it all but certain")
        #expect(temperedLong.probability < 0.999, "\(temperedLong.probability)")
        #expect(temperedShort.probability < plainShort.probability)
        #expect(temperedLong.probability > temperedShort.probability, "a longer text still speaks more firmly")
    }

    @Test func everyDraftedQuoteOccursInTheSource() throws {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        let draft = try drafter().draft(text: text, kind: nil)
        #expect(draft.kind == "action-programme")
        #expect(draft.period == Period(from: 2025, to: 2027))
        let source = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let quotes = draft.items.flatMap(\.evidence).map(\.quote) + draft.budgetLines.map(\.evidence.quote)
        #expect(quotes.count >= 10)
        for quote in quotes {
            #expect(source.contains(quote.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "«\(quote)»")
        }
        let training = try #require(draft.items.first { $0.title.hasPrefix("Wij zorgen voor een training") })
        #expect(training.status == "commitment")
        #expect(training.suggestions[.theme]?.isEmpty == false)
        #expect(draft.items.first { $0.title.hasPrefix("We onderzoeken") }?.status == "exploration")
        let campaign = try #require(draft.items.first { $0.title == "Campagne melden van discriminatie" })
        #expect(campaign.years == [2025, 2026], "a planning table's marks become years")
        let amounts = Set(draft.budgetLines.flatMap(\.amounts).map { "\($0.year):\($0.amount?.cents ?? -1)" })
        #expect(amounts.isSuperset(of: ["2025:2320000", "2026:2000000", "2026:20000000", "2027:25000000", "2026:170000000"]))
    }

    @Test func draftThenReviewThenValidateThenImport() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let plugins = workspace.appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.appendingPathComponent("taxonomy.yaml").path)
        let drafted = try TestSupport.run(["draft", Self.example, "--municipality", "havendam", "--municipalities", plugins.path])
        #expect(drafted.status == 0, "\(drafted.error)")
        let plugin = plugins.appendingPathComponent("havendam/havendam-actieplan-2025-2027.yaml")
        let sources = plugins.appendingPathComponent("havendam/sources").path
        let yaml = try String(contentsOf: plugin, encoding: .utf8)
        #expect(yaml.contains("review: suggested"))
        #expect(yaml.contains("suggested_by:"))

        let validated = try TestSupport.run(["validate", "--municipalities", plugins.path, "--sources", sources])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output.contains("Concept: havendam/havendam-actieplan-2025-2027 heeft"))

        let draftDatabase = workspace.appendingPathComponent("before-review.sqlite").path
        let view = try TestSupport.run(["compare", "themes", "--municipalities", plugins.path, "--db", draftDatabase])
        #expect(view.status == 0, "\(view.error)")
        #expect(view.output.contains("Havendam: Actieplan Samen Havendam"), "the draft is titled as the document calls itself")
        #expect(view.output.contains("(concept) — "), "a view marks a programme with unreviewed suggestions")
        let report = workspace.appendingPathComponent("report.html").path
        let reported = try TestSupport.run(["report", "--municipalities", plugins.path, "--db", draftDatabase, "--out", report])
        #expect(reported.status == 0, "\(reported.error)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("concept, niet nagekeken"))

        let again = try TestSupport.run(["draft", Self.example, "--municipality", "havendam", "--municipalities", plugins.path])
        #expect(again.status != 0 && again.error.contains("bestaat al"), "a draft never overwrites a file unasked")

        // The review: a person checks the suggestions and removes the marks.
        var reviewed: [String] = []
        var inReasons = false
        for line in yaml.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "review: suggested" { continue }
            if trimmed == "suggested_by:" {
                inReasons = true
                continue
            }
            if inReasons && trimmed.hasPrefix("- \"") { continue }
            inReasons = false
            reviewed.append(line)
        }
        try reviewed.joined(separator: "\n").write(to: plugin, atomically: true, encoding: .utf8)
        let clean = try TestSupport.run(["validate", "--municipalities", plugins.path, "--sources", sources])
        #expect(clean.status == 0, "\(clean.error)")
        #expect(!clean.output.contains("Concept:"))
        let database = workspace.appendingPathComponent("draft.sqlite").path
        let imported = try TestSupport.run(["import", "--municipalities", plugins.path, "--db", database])
        #expect(imported.status == 0, "\(imported.error)")
        let reviewedView = try TestSupport.run(["compare", "themes", "--municipalities", plugins.path, "--db", database])
        #expect(!reviewedView.output.contains("(concept)"), "removing the marks is the review")
    }

    @Test func anUnknownReviewValueIsAnError() throws {
        let plugins = try TestSupport.copyOfMunicipalities()
        let file = plugins.appendingPathComponent("almere/bij1-verkiezingsprogramma-2022.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "  - id: pre-1\n", with: "  - id: pre-1\n    review: done\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["validate", "--municipalities", plugins.path])
        #expect(result.status != 0)
        #expect(result.error.contains("review: suggested"))
    }

    @Test func aPDFWithoutPdftotextOrAMissingFileGetsAClearMessage() throws {
        let result = try TestSupport.run(
            ["draft", "/nonexistent/plan.pdf", "--municipality", "havendam", "--municipalities", TestSupport.municipalities])
        #expect(result.status != 0)
        #expect(result.error.contains("/nonexistent/plan.pdf: fout: bestand niet gevonden"))
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func draftsOfTheBundledSourcesValidateAndAreEvaluated() throws {
        let plugins = try TestSupport.temporaryDirectory().appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.appendingPathComponent("taxonomy.yaml").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.sources).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)
        for file in files {
            let result = try TestSupport.run(
                ["draft", TestSupport.sources + "/" + file, "--municipality", "bronnen", "--municipalities", plugins.path])
            #expect(result.status == 0, "\(result.error)")
        }
        let validated = try TestSupport.run(
            ["validate", "--municipalities", plugins.path, "--sources", plugins.appendingPathComponent("bronnen/sources").path])
        #expect(validated.status == 0, "\(validated.error)")
        let evaluation = try TestSupport.run(
            ["draft", "--evaluate", "--sources", TestSupport.sources, "--municipalities", TestSupport.municipalities, "--lang", "en"])
        #expect(evaluation.status == 0, "\(evaluation.error)")
        #expect(evaluation.output.contains("overall"))
        #expect(evaluation.output.contains("almere/actieprogramma-2020-2022"))
    }
}

/// A PDF goes through pdftotext; runs wherever poppler-utils is installed (CI installs it).
@Suite struct DraftFromPDFTests {
    static var pdftotextInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") }
    }

    /// A one-page PDF written byte by byte, so the test needs no PDF writer: each line a text object.
    static func pdf(lines: [String]) -> Data {
        var content = "BT /F1 11 Tf 72 760 Td 14 TL\n"
        for line in lines { content += "(\(line)) Tj T*\n" }
        content += "ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var file = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.utf8.count)
            file += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = file.utf8.count
        file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { file += String(format: "%010d 00000 n \n", offset) }
        file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(file.utf8)
    }

    @Test(.enabled(if: pdftotextInstalled, "pdftotext (poppler-utils) is not installed here"))
    func draftsFromAPDFAndKeepsTheTextItRead() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let plugins = workspace.appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.appendingPathComponent("taxonomy.yaml").path)
        let pdf = workspace.appendingPathComponent("nota-inclusie-2026.pdf")
        try Self.pdf(lines: [
            "Nota inclusie Havendam 2026-2028", "", "1. Discriminatie", "",
            "We gaan een meldpunt voor discriminatie openen.", "We onderzoeken of een campagne helpt.",
        ]).write(to: pdf)
        let result = try TestSupport.run(["draft", pdf.path, "--municipality", "havendam", "--municipalities", plugins.path])
        #expect(result.status == 0, "\(result.error)")
        let saved = try String(
            contentsOf: plugins.appendingPathComponent("havendam/sources/nota-inclusie-2026.txt"), encoding: .utf8)
        #expect(saved.contains("We gaan een meldpunt voor discriminatie openen."))
        let validated = try TestSupport.run(
            ["validate", "--municipalities", plugins.path, "--sources", plugins.appendingPathComponent("havendam/sources").path])
        #expect(validated.status == 0, "\(validated.error)")
        let yaml = try String(contentsOf: plugins.appendingPathComponent("havendam/nota-inclusie-2026.yaml"), encoding: .utf8)
        #expect(yaml.contains("anti-discrimination-policy"))
    }
}
