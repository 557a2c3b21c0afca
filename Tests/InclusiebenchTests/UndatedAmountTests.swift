import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieCharts
import InclusieComparison
import InclusieModel
import InclusiePlugins
import InclusieServer
import InclusieStore
import Testing

/// An amount whose years the document does not state (`undated_amount`, issue 31 point 3): read as such,
/// kept as such in SQLite, shown as "bedrag, jaren niet vermeld" in every view and never spread over years,
/// added to a year or divided per inhabitant.
///
/// The fixture is a fictional municipality, Veenhoven, with a progress page of its local inclusion agenda:
/// one line of € 145.000 without years and one line of € 10.000 for 2025.
@Suite struct UndatedAmountTests {
    static let slug = "veenhoven"
    static let municipality = TestSupport.municipalityYAML(
        slug: slug, name: "Veenhoven", province: "Drenthe", inhabitants: 29_000, on: "2025-01-01")
    static var key: String { "\(slug)/lia-voortgang" }

    static let programme = """
        kind: policy-note
        id: lia-voortgang
        adoption_status: adopted
        title: Lokale Inclusie Agenda Veenhoven
        author: { type: municipality, name: Gemeente Veenhoven }
        source: veenhoven-lia.txt
        evidence:
          - { quote: Lokale Inclusie Agenda Veenhoven, section: Titel }
        policy_themes:
          - id: toegankelijkheid
            number: "1"
            title: Toegankelijke gebouwen
            themes: [accessibility]
            evidence: [ { quote: Alle wijkcentra zijn doorgelicht, section: Toegankelijke gebouwen } ]
        budget:
          lines:
            - id: agenda-budget
              label: budget voor de uitvoering van de agenda
              kind: own-programme-money
              precision: exact
              undated_amount: 145000
              evidence: [ { quote: "een budget van € 145.000", section: Budget } ]
            - id: deur-bibliotheek
              label: automatische deur bibliotheek
              kind: own-programme-money
              precision: exact
              amounts: { 2025: 10000 }
              evidence: [ { quote: "€ 10.000 in 2025", section: Toegankelijke gebouwen } ]
        """

    let municipalities: URL
    let database: String

    init() throws {
        municipalities = try TestSupport.copyOfMunicipalities()
        database = municipalities.deletingLastPathComponent().appendingPathComponent("undated.sqlite").path
        let folder = municipalities.appendingPathComponent(Self.slug)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.municipality.write(to: folder.appendingPathComponent("municipality.yaml"), atomically: true, encoding: .utf8)
        try Self.programme.write(to: folder.appendingPathComponent("lia-voortgang.yaml"), atomically: true, encoding: .utf8)
    }

    private func loaded() throws -> LoadedPlugins {
        try TestSupport.loadWithoutErrors(municipalities)
    }

    private func run(_ arguments: [String]) throws -> String {
        try TestSupport.runSucceeding(arguments, municipalities: municipalities, database: database)
    }

    /// `validate` on the fixture with one line of the programme changed.
    private func validate(_ change: (String) -> String, english: Bool = false) throws -> (status: Int32, text: String) {
        let url = municipalities.appendingPathComponent("\(Self.slug)/lia-voortgang.yaml")
        try change(Self.programme).write(to: url, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["validate", "--municipalities", municipalities.path, "--only", Self.slug] + (english ? ["--lang", "en"] : []))
        return (result.status, result.output + result.error)
    }

    @Test func anAmountWithoutYearsIsReadWithoutYears() throws {
        let programme = try loaded().programme(Self.key)
        let line = try #require(programme.budget.lines.first)
        #expect(line.undatedAmount == UndatedAmount(amount: .euros(145_000)))
        #expect(line.amounts.isEmpty && line.periodAmount == nil, "no year and no period is made up")
    }

    @Test func notStatedIsAllowedAndTwoFormsOrNoneAreRefusedByFileAndLine() throws {
        let reserved = try validate { $0.replacingOccurrences(of: "undated_amount: 145000", with: "undated_amount: not-stated") }
        #expect(reserved.status == 0, "\(reserved.text)")

        let both = try validate {
            $0.replacingOccurrences(of: "undated_amount: 145000", with: "undated_amount: 145000\n      amounts: { 2025: 145000 }")
        }
        #expect(both.status != 0)
        #expect(both.text.contains("lia-voortgang.yaml:21: fout:"), "\(both.text)")
        #expect(both.text.contains("heeft zowel 'amounts' als 'undated_amount'"), "\(both.text)")
        let bothEnglish = try validate(
            { $0.replacingOccurrences(of: "undated_amount: 145000", with: "period_amount: { from: 2024, to: 2026, amount: 1 }\n      undated_amount: 145000") },
            english: true)
        #expect(bothEnglish.text.contains("has both 'period_amount' and 'undated_amount'"), "\(bothEnglish.text)")

        let none = try validate { $0.replacingOccurrences(of: "      undated_amount: 145000\n", with: "") }
        #expect(none.status != 0)
        #expect(none.text.contains("lia-voortgang.yaml:17: fout:"), "\(none.text)")
        #expect(none.text.contains("'undated_amount: 145000' als het document bij het bedrag geen jaren noemt"), "\(none.text)")

        let words = try validate { $0.replacingOccurrences(of: "undated_amount: 145000", with: "undated_amount: 1,7 miljoen") }
        #expect(words.status != 0)
        #expect(words.text.contains("lia-voortgang.yaml:21:"), "\(words.text)")
        #expect(words.text.contains("schrijf 'undated_amount: 1700000'"), "\(words.text)")
        let negative = try validate({ $0.replacingOccurrences(of: "undated_amount: 145000", with: "undated_amount: -5") }, english: true)
        #expect(negative.text.contains("the amount '-5' for 'undated_amount' is negative"), "\(negative.text)")
    }

    @Test func theAmountSurvivesSQLiteAsAnAmountWithoutYears() throws {
        let catalog = try loaded().catalog()
        let file = municipalities.deletingLastPathComponent().appendingPathComponent("round-trip.sqlite").path
        let store = try Store(path: file)
        try store.replaceAll(with: catalog)
        let read = try Store(path: file).catalog()
        #expect(read.programmes.first { $0.key == Self.key } == catalog.programmes.first { $0.key == Self.key })
        #expect(try store.rows("SELECT amount_cents FROM budget_undated_amount") == [["amount_cents": "14500000"]])
        #expect(
            try store.rows(
                "SELECT count(*) AS n FROM budget_amount JOIN budget_line ON budget_line.id = budget_line_id WHERE local_id = 'agenda-budget'")
                == [["n": "0"]], "never a row per year")
    }

    @Test func theBudgetViewShowsItApartAndNeverInAYearOrPerInhabitant() throws {
        let catalog = try loaded().catalog()
        let overview = BudgetOverview(catalog: catalog, scope: ComparisonScope(only: [Self.slug]))
        let budget = try #require(overview.programmes.first)
        #expect(budget.years.map(\.year) == [2025])
        #expect(budget.years.first?.totalCents == .euros(10_000), "the amount without years is not in 2025's total")
        #expect(budget.years.first?.perInhabitantCents == Money(cents: 34), "€ 10.000 / 29.000 inhabitants")
        #expect(budget.periods.isEmpty)
        let undated = try #require(budget.yearsNotStated)
        #expect(undated.label == "bedrag, jaren niet vermeld")
        #expect(undated.totalCents == .euros(145_000) && undated.lineCount == 1)

        let csv = try run(["compare", "budgets", "--format", "csv", "--only", Self.slug])
        let rows = csv.split(separator: "\r\n")
        let undatedRow = try #require(rows.first { $0.contains(";bedrag, jaren niet vermeld;145000,00;") }, "\(csv)")
        let cells = undatedRow.split(separator: ";", omittingEmptySubsequences: false)
        #expect(cells[9].isEmpty && cells[10].isEmpty, "no per-inhabitant figure, no population: \(undatedRow)")
        #expect(cells[13] == "exact" && undatedRow.contains("het document noemt geen jaren bij dit bedrag"))
        #expect(rows.contains { $0.contains(";2025;10000,00;") })
        #expect(!csv.contains("155000"), "never added to a year")

        let english = try run(["compare", "budgets", "--format", "markdown", "--lang", "en", "--only", Self.slug])
        #expect(english.contains("| amount, years not stated | €145,000 |"), "\(english)")
        #expect(english.contains("Amount, years not stated"), "the total-by-year table gets its own column")

        let json = try run(["compare", "budgets", "--format", "json", "--only", Self.slug])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let programme = try #require((decoded["programmes"] as? [[String: Any]])?.first)
        let field = try #require(programme["yearsNotStated"] as? [String: Any])
        #expect(field["totalCents"] as? Int == 14_500_000)
        #expect(field["perInhabitantCents"] == nil && field["year"] == nil)
        // Without such an amount the field is absent, so the JSON of other programmes keeps its bytes.
        let others = try run(["compare", "budgets", "--format", "json", "--only", "almere"])
        #expect(!others.contains("yearsNotStated"))

        _ = try run(["export", "--out", municipalities.deletingLastPathComponent().appendingPathComponent("export").path])
        let exported = try String(
            contentsOf: municipalities.deletingLastPathComponent().appendingPathComponent("export/budget-lines.csv"), encoding: .utf8)
        let exportedRow = try #require(exported.split(separator: "\r\n").first { $0.contains("agenda-budget") })
        #expect(exportedRow.contains(";;bedrag, jaren niet vermeld;;;145000,00;ja;"), "\(exportedRow)")
    }

    @Test func theReportWritesItOutAndDrawsNoBar() throws {
        let out = municipalities.deletingLastPathComponent().appendingPathComponent("rapport.html")
        _ = try run(["report", "--out", out.path, "--only", Self.slug])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("bedrag, jaren niet vermeld: € 145.000"))
        #expect(html.contains("bedrag, jaren niet vermeld: € 145.000 (niet per inwoner per jaar te delen)"))
        #expect(!html.contains("data-value=\"14500000\""), "no bar for an amount without years")
        #expect(html.contains("2025: € 10.000; bedrag, jaren niet vermeld: € 145.000"), "the programme card")
    }

    @Test func theSiteShowsItBesideTheYearsWithoutABar() async throws {
        let catalog = try loaded().catalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let app = Application(router: SiteServer(data: try SiteData(catalog: try store.catalog())).router())
        let (page, programmePage) = try await app.test(.router) { client in
            let page = try await client.execute(uri: "/compare/budgets?only=\(Self.slug)", method: .get) {
                String(decoding: Data(buffer: $0.body), as: UTF8.self)
            }
            let programmePage = try await client.execute(uri: "/programmes/\(Self.key)", method: .get) {
                String(decoding: Data(buffer: $0.body), as: UTF8.self)
            }
            return (page, programmePage)
        }
        let start = try #require(page.range(of: "id=\"figure-budget-per-inhabitant\""))
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        let svg = String(page[start.lowerBound..<end.upperBound])
        #expect(svg.contains("bedrag, jaren niet vermeld: € 145.000 (niet per inwoner per jaar te delen)"))
        #expect(!svg.contains("data-value=\"14500000\"") && !svg.contains("data-value=\"0\""), "no bar, and no zero bar")
        #expect(page.contains("niet per inwoner te delen"), "the table under the picture")
        #expect(programmePage.contains("bedrag, jaren niet vermeld: € 145.000"))

        let (years, periods) = BarChart.perInhabitant(
            BudgetOverview(catalog: catalog, scope: ComparisonScope(only: [Self.slug], language: .en)), language: .en)
        #expect(years.first?.bars.map(\.label) == ["2025"])
        #expect(years.first?.message == "amount, years not stated: €145,000 (cannot be divided per inhabitant per year)")
        #expect(periods.isEmpty)
    }

    /// The development set's LIA entry states "een budget van € 145.000" and no period: the draft writes it as
    /// an amount without years, with its review mark, and `validate` and `import` take the draft as it is.
    @Test func theDrafterWritesTheLIAEntrysAmountWithoutYearsAndValidateAndImportTakeIt() throws {
        let plugins = try TestSupport.copyOfMunicipalities()
        let devset = TestSupport.repositoryRoot.appendingPathComponent("docs/examples/devset").path
        let drafted = try TestSupport.run(["draft", "\(devset)/lia-voortgang.txt", "--municipality", "veenhoven", "--municipalities", plugins.path])
        #expect(drafted.status == 0, "\(drafted.error)")
        let yaml = try String(contentsOf: plugins.appendingPathComponent("veenhoven/lia-voortgang.yaml"), encoding: .utf8)
        #expect(yaml.contains("      undated_amount: 145000\n      review: suggested\n"), "\(yaml.prefix(2000))")
        #expect(yaml.contains("jaren: de tekst noemt geen jaren en geen periode bij het bedrag"))
        #expect(!yaml.contains("budget: unknown") && !yaml.contains("period_amount"), "no year or period is made up")

        let validated = try TestSupport.run(["validate", "--municipalities", plugins.path, "--only", "veenhoven"])
        #expect(validated.status == 0, "\(validated.output) \(validated.error)")
        let database = plugins.deletingLastPathComponent().appendingPathComponent("lia.sqlite").path
        let imported = try TestSupport.run(["import", "--municipalities", plugins.path, "--only", "veenhoven", "--db", database])
        #expect(imported.status == 0, "\(imported.error)")
        let programme = try #require(try Store(path: database).catalog().programmes.first { $0.key == "veenhoven/lia-voortgang" })
        #expect(programme.budget.lines.map(\.undatedAmount) == [UndatedAmount(amount: .euros(145_000))])
    }
}
