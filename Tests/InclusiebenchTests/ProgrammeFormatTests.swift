import Foundation
import InclusieComparison
import InclusieModel
import InclusiePlugins
import InclusieStore
import Testing

/// The format says what documents say: labels that tell two programmes apart, period amounts, the three
/// budget states, pillars and a goal, open-ended periods, partial coverage, and partners in the report.
@Suite struct ProgrammeFormatTests {
    let municipalities: URL
    let database: String

    init() throws {
        municipalities = try FormatFixture.municipalities()
        database = municipalities.deletingLastPathComponent().appendingPathComponent("format.sqlite").path
    }

    private func load() throws -> LoadedPlugins {
        try TestSupport.loadWithoutErrors(municipalities)
    }

    private func run(_ arguments: [String]) throws -> String {
        try TestSupport.runSucceeding(arguments, municipalities: municipalities, database: database)
    }

    /// Writes one file of the fixture with `change` applied, and returns what `validate` says.
    private func validate(_ file: String, _ change: (String) -> String) throws -> (status: Int32, error: String) {
        let url = municipalities.appendingPathComponent("\(FormatFixture.slug)/\(file)")
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["validate", "--municipalities", municipalities.path])
        return (result.status, result.output + result.error)
    }

    @Test func theFixtureReadsAsTheDocumentsSayIt() throws {
        let loaded = try load()
        let action = try loaded.programme(FormatFixture.actionProgrammeKey)
        #expect(action.label == "Voorbeeldstad voor iedereen", "the title up to the dash")
        #expect(action.period == Period(from: 2019, to: nil))
        #expect(action.period?.label(.nl) == "vanaf 2019")
        #expect(action.coverage == .partial(reason: "alleen de samenvatting van het actieprogramma is gemodelleerd"))
        #expect(action.budget == .unknown)
        #expect(action.items(ofType: "doelstelling").map(\.localID) == ["doel"])
        #expect(action.items(ofType: "pijler").map(\.title) == ["Gelijkwaardigheid", "Verbinding", "Veiligheid"])
        #expect(action.item("pijler-gelijkwaardigheid.1")?.parentID == "pijler-gelijkwaardigheid")

        let plan = try loaded.programme(FormatFixture.planKey)
        #expect(plan.label == "Plan tegen racisme", "label: overrides the title")
        #expect(plan.coverage == .complete)
        let line = try #require(plan.budget.lines.first)
        #expect(line.amounts.isEmpty, "a period amount is never pinned to a year")
        #expect(line.periodAmount == PeriodAmount(from: 2021, to: 2023, amount: .euros(1_700_000)))
    }

    @Test func everyNewFieldSurvivesSQLite() throws {
        let catalog = try load().catalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let read = try store.catalog()
        for key in [FormatFixture.actionProgrammeKey, FormatFixture.planKey] {
            #expect(read.programmes.first { $0.key == key } == catalog.programmes.first { $0.key == key }, "\(key)")
        }
        let states = try store.rows("SELECT key, budget_state, coverage, label FROM programme ORDER BY key")
        #expect(states.first { $0["key"] == FormatFixture.actionProgrammeKey }?["budget_state"] == "unknown")
        #expect(states.first { $0["key"] == "arnhem/veranderprogramma-inclusie-2018" }?["budget_state"] == "none")
        #expect(states.first { $0["key"] == FormatFixture.planKey }?["label"] == "Plan tegen racisme")
        #expect(
            try store.rows("SELECT period_from, period_to, amount_cents FROM budget_period_amount")
                == [["period_from": "2021", "period_to": "2023", "amount_cents": "170000000"]])
        #expect(try store.rows("SELECT count(*) AS n FROM budget_amount JOIN budget_line ON budget_line.id = budget_line_id WHERE programme_key = '\(FormatFixture.planKey)'") == [["n": "0"]])
    }

    @Test func compareThemesShowsTheTwoProgrammesApartAndMarksThePartialOne() throws {
        let markdown = try run(["compare", "themes", "--format", "markdown"])
        #expect(markdown.contains("Voorbeeldstad: Voorbeeldstad voor iedereen — actieprogramma, vastgesteld programma, gedeeltelijk gemodelleerd"))
        #expect(markdown.contains("Voorbeeldstad: Plan tegen racisme — beleidsnota, vastgesteld programma"))
        #expect(!markdown.contains("Plan tegen racisme — beleidsnota, vastgesteld programma, gedeeltelijk"))
        #expect(markdown.contains("gedeeltelijk gemodelleerd, geen witte vlekken geclaimd: alleen de samenvatting"))
        #expect(markdown.contains("Gelijkwaardigheid"), "pillars appear in their own words")
        let terminal = try run(["compare", "themes", "--only", FormatFixture.slug])
        #expect(terminal.contains("Voorbeeldstad: Plan tegen racisme"), "the terminal wraps headings instead of cutting the label")
        #expect(terminal.contains("Voorbeeldstad: Voorbeeldstad voor"))

        let catalog = try load().catalog()
        let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: ComparisonScope())
        let partial = try #require(matrix.profiles.first { $0.programme == FormatFixture.actionProgrammeKey })
        #expect(partial.gapsNotClaimed && partial.gaps.isEmpty)
        let complete = try #require(matrix.profiles.first { $0.programme == FormatFixture.planKey })
        #expect(!complete.gapsNotClaimed && !complete.gaps.isEmpty, "a complete programme still has its gaps")
    }

    @Test func budgetsShowThePeriodAmountAsAPeriodAndUnknownAsUnknown() throws {
        let csv = try run(["compare", "budgets", "--format", "csv"])
        let planRow = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("Voorbeeldstad: Plan tegen racisme") })
        #expect(planRow.contains(";2021–2023 in totaal;1700000,00;"))
        // € 1.700.000 / 650.000 inhabitants = € 2,62 for the period, never shown as a yearly figure.
        #expect(planRow.contains(";2,62;650000;2021-01-01;"))
        #expect(planRow.contains("per inwoner voor de hele periode"))
        #expect(!csv.contains("Voorbeeldstad: Plan tegen racisme — beleidsnota, vastgesteld programma;2021;"))
        let markdown = try run(["compare", "budgets", "--format", "markdown"])
        #expect(markdown.contains("| Financiën | 2021–2023 in totaal | € 1.700.000 |"), "the table by block shows the period too")
        let actionRow = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("Voorbeeldstad: Voorbeeldstad voor iedereen") })
        #expect(actionRow.contains("onbekend: het document zegt niets over geld"))
        #expect(!actionRow.contains("geen eigen begroting"))

        let english = try run(["compare", "budgets", "--format", "markdown", "--lang", "en"])
        #expect(english.contains("2021–2023 in total"))
        #expect(english.contains("unknown: the document says nothing about money"))

        let json = try run(["compare", "budgets", "--format", "json", "--only", FormatFixture.slug])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let programmes = try #require(decoded["programmes"] as? [[String: Any]])
        #expect(programmes.compactMap { $0["budgetState"] as? String }.sorted() == ["amounts", "unknown"])
        let plan = try #require(programmes.first { $0["budgetState"] as? String == "amounts" })
        #expect((plan["years"] as? [Any])?.isEmpty == true)
        let period = try #require((plan["periods"] as? [[String: Any]])?.first)
        #expect(period["totalCents"] as? Int == 170_000_000)
        #expect(period["perInhabitantForPeriodCents"] as? Int == 262)
    }

    @Test func similarityFindsThePeerInAnotherMunicipalityAndListsTheSiblingApart() throws {
        let catalog = try load().catalog()
        let similarity = ThemeSimilarity(catalog: catalog, scope: ComparisonScope())
        for key in [FormatFixture.actionProgrammeKey, FormatFixture.planKey] {
            let peer = try #require(similarity.nearestPeers.first { $0.programmeKey == key })
            #expect(peer.peerKey?.hasPrefix("\(FormatFixture.slug)/") == false, "\(key)'s peer is another municipality's")
            #expect(peer.siblings.map(\.programmeKey) == [key == FormatFixture.planKey ? FormatFixture.actionProgrammeKey : FormatFixture.planKey])
        }
        let almere = try #require(similarity.nearestPeers.first { $0.programmeKey == "almere/actieprogramma-2020-2022" })
        #expect(almere.peerKey?.hasPrefix("almere/") == false)
        #expect(almere.siblings.map(\.programmeKey) == ["almere/bij1-verkiezingsprogramma-2022"])

        let table = try run(["compare", "similarity", "--format", "markdown"])
        #expect(table.contains("Andere programma's van dezelfde gemeente"))
        #expect(table.contains("Voorbeeldstad: Plan tegen racisme (0,"), "the sibling with its similarity")
    }

    @Test func theReportShowsLabelsPeriodsPartialMarkingAndPartners() throws {
        let out = municipalities.deletingLastPathComponent().appendingPathComponent("rapport.html")
        _ = try run(["report", "--out", out.path])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("Voorbeeldstad: Voorbeeldstad voor iedereen"))
        #expect(html.contains("Voorbeeldstad: Plan tegen racisme"))
        #expect(html.contains("2021–2023 in totaal: € 1.700.000"))
        #expect(html.contains("2021–2023 in totaal (hele periode)"))
        #expect(html.contains("gedeeltelijk gemodelleerd: alleen de samenvatting van het actieprogramma is gemodelleerd"))
        #expect(html.contains("gedeeltelijk gemodelleerd: geen witte vlekken geclaimd"))
        let badges = html.components(separatedBy: "class=\"badge partial\"").count - 1
        #expect(badges >= 4, "card, heat map, instruments and roles, gaps: \(badges)")
        #expect(html.contains("onbekend: het document zegt niets over geld"))
        #expect(
            html.contains("<li><strong>Voorbeeldstad: Voorbeeldstad voor iedereen: </strong>onbekend: het document zegt niets over geld</li>"),
            "the list of where the amounts are stated says that this one states none")
        #expect(!html.contains("geen eigen begroting: Onbekend"))
        #expect(html.contains("vanaf 2019"))
        #expect(html.contains("Antidiscriminatiebureau Voorbeeldstad") && html.contains("COC Voorbeeldstad"), "partners by name")
    }

    @Test func labelsAndReasonsAreTextInTheReport() throws {
        let url = municipalities.appendingPathComponent("\(FormatFixture.slug)/actieprogramma-inclusie.yaml")
        let yaml = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "coverage_reason: alleen", with: "coverage_reason: <script>x</script> \" alleen")
        try yaml.replacingOccurrences(of: "coverage: partial", with: "coverage: partial\nlabel: <b>Voorbeeld</b>")
            .write(to: url, atomically: true, encoding: .utf8)
        let out = municipalities.deletingLastPathComponent().appendingPathComponent("escaped.html")
        _ = try run(["report", "--out", out.path])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(!html.contains("<script>x") && !html.contains("<b>Voorbeeld"))
        #expect(html.contains("&lt;b&gt;Voorbeeld&lt;/b&gt;"))
    }

    @Test func partialCoverageNeedsAReason() throws {
        let result = try validate("actieprogramma-inclusie.yaml") {
            $0.replacingOccurrences(of: "coverage_reason: alleen de samenvatting van het actieprogramma is gemodelleerd\n", with: "")
        }
        #expect(result.status != 0)
        #expect(result.error.contains("actieprogramma-inclusie.yaml:8: fout: coverage: 'coverage: partial' heeft een reden nodig"), "\(result.error)")
    }

    @Test func aLineWithBothYearAndPeriodAmountsIsRefused() throws {
        let result = try validate("plan-tegen-racisme.yaml") {
            $0.replacingOccurrences(
                of: "period_amount: { from: 2021, to: 2023, amount: 1700000 }",
                with: "period_amount: { from: 2021, to: 2023, amount: 1700000 }\n      amounts: { 2021: 500000 }")
        }
        #expect(result.status != 0)
        #expect(result.error.contains("heeft zowel 'amounts' als 'period_amount'"), "\(result.error)")
    }

    @Test func twoProgrammesWithOneLabelAreToldToChooseOne() throws {
        let result = try validate("plan-tegen-racisme.yaml") {
            $0.replacingOccurrences(of: "label: Plan tegen racisme", with: "label: Voorbeeldstad voor iedereen")
        }
        #expect(result.status != 0)
        #expect(result.error.contains("het programmalabel 'Voorbeeldstad voor iedereen' is ook het label van"), "\(result.error)")
        #expect(result.error.contains("'label: …'"))
    }

    @Test func anEmptyLabelIsRefused() throws {
        let result = try validate("plan-tegen-racisme.yaml") {
            $0.replacingOccurrences(of: "label: Plan tegen racisme", with: "label: \"\"")
        }
        #expect(result.status != 0)
        #expect(result.error.contains("plan-tegen-racisme.yaml:1: fout: het programmalabel is leeg"), "\(result.error)")
    }

    @Test func anOpenEndedPeriodIsAllowedAndABackwardOneIsNot() throws {
        #expect(try TestSupport.run(["validate", "--municipalities", municipalities.path]).status == 0)
        let result = try validate("plan-tegen-racisme.yaml") {
            $0.replacingOccurrences(of: "period: { from: 2021, to: 2023 }", with: "period: { from: 2023, to: 2021 }")
        }
        #expect(result.status != 0)
        #expect(result.error.contains("de periode 2023–2021 is geen reeks jaren"), "\(result.error)")
    }
}
