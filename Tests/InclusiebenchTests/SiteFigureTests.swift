import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieServer
import InclusieStore
import Testing

/// The site's pictures and the page per programme against its peers, through the routes: what a figure
/// draws must be what the view's JSON says, and a missing amount is never drawn as nothing-at-all money.
@Suite struct SiteFigureTests {
    let catalog: Catalog

    init() throws {
        let catalog = try TestSupport.loadRealPlugins().catalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        self.catalog = try store.catalog()
    }

    private func get(_ uri: String, catalog: Catalog? = nil) async throws -> (status: HTTPResponse.Status, body: String, bytes: Data) {
        let app = Application(router: SiteServer(data: try SiteData(catalog: catalog ?? self.catalog)).router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let bytes = Data(buffer: response.body)
                return (response.status, String(decoding: bytes, as: UTF8.self), bytes)
            }
        }
    }

    /// The part of a page from the element with `id` to the end of the first `</svg>` after it.
    private func picture(_ id: String, in page: String) throws -> String {
        let start = try #require(page.range(of: "id=\"\(id)\""), "no \(id)")
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex), "no picture in \(id)")
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Every value of `attribute` on elements whose class starts with `className`, in document order.
    private func values(_ attribute: String, of className: String, in svg: String) throws -> [String] {
        let pattern = try Regex("<[a-z]+ class=\"\(className)[^\"]*\"[^>]*? \(attribute)=\"([^\"]*)\"")
        return svg.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// Amstelveen with every amount of 2023 made "not stated": the year keeps its words, loses its bar.
    @Test func aNotStatedBudgetIsNeverDrawnAsAZeroBar() async throws {
        var changed = catalog
        let index = try #require(changed.programmes.firstIndex { $0.municipalitySlug == "amstelveen" })
        guard case .lines(var lines, let note, let evidence) = changed.programmes[index].budget else {
            Issue.record("Amstelveen states amounts")
            return
        }
        for line in lines.indices {
            lines[line].amounts = lines[line].amounts.map { $0.year == 2023 ? YearAmount(year: 2023, amount: nil) : $0 }
        }
        changed.programmes[index].budget = .lines(lines, note: note, evidence: evidence)

        let page = try await get("/compare/budgets?only=amstelveen", catalog: changed)
        #expect(page.status == .ok)
        let svg = try picture("figure-budget-per-inhabitant", in: page.body)
        let json = try await get("/compare/budgets/json?only=amstelveen", catalog: changed)
        let overview = try JSONDecoder().decode(BudgetOverview.self, from: json.bytes)
        let year2023 = try #require(overview.programmes.first?.years.first { $0.year == 2023 })
        #expect(year2023.totalCents == nil && year2023.perInhabitantCents == nil)
        let drawn = try values("data-value", of: "bar", in: svg)
        let stated: [String] = overview.programmes.flatMap(\.years).compactMap(\.perInhabitantCents).map { String($0.cents) }
        #expect(drawn == stated)
        #expect(drawn.count == 3, "2024-2026 have bars, 2023 has none")
        #expect(!drawn.contains("0"))
        #expect(svg.contains(">niet vermeld</text>"))
        // The table under the picture says the same words, not € 0.
        #expect(page.body.contains("<span class=\"not-stated\">niet vermeld</span>"))
    }

    @Test func programmesWithoutABudgetSayWhyAndHaveNoBar() async throws {
        let page = try await get("/compare/budgets")
        let svg = try picture("figure-budget-per-inhabitant", in: page.body)
        let overview = try JSONDecoder().decode(BudgetOverview.self, from: try await get("/compare/budgets/json").bytes)
        let stated: [String] = overview.programmes.flatMap(\.years).compactMap(\.perInhabitantCents).map { String($0.cents) }
        let drawn = try values("data-value", of: "bar", in: svg)
        #expect(drawn == stated)
        let without = overview.programmes.filter { !$0.budgetStated }.count
        #expect(without >= 2)
        #expect(svg.components(separatedBy: ">geen eigen begroting</text>").count - 1 == without)
    }

    @Test func theHeatMapsCountsAreTheThemeViewsJSON() async throws {
        let page = try await get("/compare/themes")
        let svg = try picture("figure-heat-map", in: page.body)
        let matrix = try JSONDecoder().decode(CoverageMatrix.self, from: try await get("/compare/themes/json").bytes)
        let counts: [String] = matrix.rows.flatMap { $0.cells.map { String($0.count) } }
        let drawn = try values("data-count", of: "cell", in: svg)
        #expect(drawn == counts)
        #expect(matrix.rows.count > 40)
        // A cell with items leads to the theme's page, at the programme's items and quotes.
        let row = try #require(matrix.rows.first { $0.cells.contains { $0.count > 0 } })
        let cell = try #require(row.cells.first { $0.count > 0 })
        #expect(svg.contains("href=\"/themes/\(row.id)#programme-\(elementID(cell.programme))\""))
        let target = try await get("/themes/\(row.id)")
        #expect(target.body.contains("id=\"programme-\(elementID(cell.programme))\""))
    }

    @Test func theRoleBarsAreTheRoleViewsJSON() async throws {
        let page = try await get("/compare/roles?lang=en")
        let svg = try picture("figure-role-profiles", in: page.body)
        let profiles = try JSONDecoder().decode(RoleProfiles.self, from: try await get("/compare/roles/json?lang=en").bytes)
        let counts: [String] = profiles.profiles.flatMap { $0.roles.map(\.itemCount).filter { $0 > 0 } }.map { String($0) }
        let drawn = try values("data-value", of: "segment", in: svg)
        #expect(drawn == counts)
        #expect(!counts.isEmpty)
    }

    @Test func theTimelineStripsAreTheTimelineViewsJSON() async throws {
        let page = try await get("/compare/timeline")
        let timeline = try JSONDecoder().decode(ActionTimeline.self, from: try await get("/compare/timeline/json").bytes)
        var drawn: [String] = []
        for programme in timeline.programmes {
            let svg = try picture("figure-timeline-\(elementID(programme.programme.key))", in: page.body)
            let runs = try values("data-years", of: "run", in: svg)
            drawn += runs.flatMap { $0.split(separator: " ").map { String($0) } }
        }
        let years: [Int] = timeline.programmes.flatMap { $0.rows.flatMap(\.activeYears) }
        let expected: [String] = years.map { String($0) }
        #expect(drawn == expected)
        #expect(!drawn.isEmpty)
    }

    @Test func everyProgrammeHasAPageAgainstItsPeers() async throws {
        for programme in catalog.programmes {
            let page = try await get("/programmes/\(programme.key)/peers")
            #expect(page.status == .ok, "\(programme.key)")
            for section in ["nearest", "gaps", "unique", "peer-budget", "peer-roles"] {
                #expect(page.body.contains("id=\"\(section)\""), "\(programme.key): \(section)")
            }
            #expect(page.body.contains("Hoe verhoudt dit programma zich?"))
            #expect(try await get("/programmes/\(programme.key)").body.contains("href=\"/programmes/\(programme.key)/peers\""))
        }
    }

    @Test func peersCanBeRestrictedToTheProvinceOrSizeClass() async throws {
        let all = try await get("/programmes/almere/actieprogramma-2020-2022/peers")
        #expect(all.body.contains("id=\"peer-table\""))
        #expect(all.body.contains("href=\"/programmes/arnhem/"))
        // No other bundled municipality lies in Flevoland.
        let province = try await get("/programmes/almere/actieprogramma-2020-2022/peers?within=province")
        #expect(province.status == .ok)
        #expect(!province.body.contains("id=\"peer-table\""))
        #expect(province.body.contains("Geen programma binnen deze keuze deelt een thema."))
        #expect(try await get("/programmes/almere/actieprogramma-2020-2022/peers?within=size&lang=en").status == .ok)
        #expect(try await get("/programmes/almere/actieprogramma-2020-2022/peers?within=world").status == .badRequest)
        #expect(try await get("/programmes/almere/nothing/peers").status == .notFound)
    }

    @Test func gapsLinkToThePeersItemsAndQuotes() async throws {
        let amstelveen = try await get("/programmes/amstelveen/nota-diversiteit-en-inclusie-2023/peers")
        let gaps = try #require(amstelveen.body.range(of: "id=\"gaps\"").map { String(amstelveen.body[$0.lowerBound...]) })
        let section = gaps.components(separatedBy: "id=\"unique\"")[0]
        if section.contains("class=\"peer-themes\"") {
            #expect(section.contains("#item-"))
            #expect(section.contains("<blockquote>"))
        } else {
            #expect(section.contains("class=\"empty\""))
        }
    }

    @Test func sideBySidePicksProgrammesOneByOneAndDownloadsWhatItShows() async throws {
        let almere = "almere/actieprogramma-2020-2022"
        let arnhem = "arnhem/veranderprogramma-inclusie-2018"
        let page = try await get("/compare/side-by-side?programme1=\(almere)&programme2=\(arnhem)")
        #expect(page.status == .ok)
        #expect(page.body.contains("class=\"aligned-items\""))
        #expect(page.body.contains("<blockquote>"))
        #expect(page.body.contains("href=\"/programmes/\(arnhem)#item-"))
        #expect(page.body.contains("<code>inclusiebench compare side-by-side --only \(almere),\(arnhem)</code>"))
        // The downloads carry the same choice as `only`, as the command line takes it.
        let only = "almere%2Factieprogramma-2020-2022,arnhem%2Fveranderprogramma-inclusie-2018"
        #expect(page.body.contains("href=\"/compare/side-by-side/csv?only=\(only)\""))
        let csv = try await get("/compare/side-by-side/csv?only=\(only)")
        let view = SideBySide(catalog: catalog, scope: ComparisonScope(only: [almere, arnhem]))
        #expect(view.programmes.map(\.key) == [almere, arnhem])
        let table = try #require(view.mainTable(catalog: catalog, language: .nl))
        #expect(csv.bytes == (try CSVRenderer.render(table, dialect: .excelNL)))
        let json = try JSONDecoder().decode(SideBySide.self, from: try await get("/compare/side-by-side/json?only=\(only)").bytes)
        #expect(json.rows.count == view.rows.count)
        #expect(json.rows.allSatisfy { $0.items.count == 2 && $0.items.contains { !$0.isEmpty } })
        // A pick that is no programme is refused with what exists; a pick on another view is unknown there.
        #expect(try await get("/compare/side-by-side?programme1=nowhere").status == .badRequest)
        #expect(try await get("/compare/themes?programme1=\(almere)").status == .badRequest)
    }

    @Test func compactMatricesCountAndKeepTheOwnWords() async throws {
        let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: ComparisonScope())
        let filled = matrix.rows.flatMap(\.cells).filter { $0.count > 0 }
        let page = try await get("/compare/themes?compact=1")
        #expect(page.status == .ok)
        #expect(page.body.components(separatedBy: "<span class=\"compact-cell\" tabindex=\"0\">").count - 1 == filled.count)
        let first = try #require(filled.first?.localLabels.first)
        #expect(page.body.contains(first.replacingOccurrences(of: "&", with: "&amp;")))
        // The downloads of a compact page are the view's, without the page's own parameter.
        #expect(page.body.contains("href=\"/compare/themes/csv\""))
        #expect(try await get("/compare/budgets?compact=1").status == .ok)
    }

    @Test func everyPageHasASearchBoxAndTheStylesheetPrintsLandscape() async throws {
        for uri in ["/", "/compare/roles", "/programmes/arnhem/veranderprogramma-inclusie-2018/peers", "/themes", "/nowhere"] {
            let page = try await get(uri)
            #expect(page.body.contains("<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\">"), "\(uri)")
            #expect(page.body.contains("id=\"site-search-q\""), "\(uri)")
        }
        let english = try await get("/compare/roles?lang=en")
        #expect(english.body.contains("<input type=\"hidden\" name=\"lang\" value=\"en\"/>") || english.body.contains("name=\"lang\" value=\"en\""))
        let css = try await get("/style.css")
        #expect(css.body.contains("@page { size: A4 landscape"))
        #expect(css.body.contains("position: sticky"))
    }

    @Test func aProgrammesPageDrawsItsTimeline() async throws {
        let almere = try #require(catalog.programme("almere/actieprogramma-2020-2022"))
        let page = try await get("/programmes/almere/actieprogramma-2020-2022")
        let svg = try picture("figure-timeline-\(elementID(almere.key))", in: page.body)
        let runs = try values("data-years", of: "run", in: svg)
        let drawn: [String] = runs.flatMap { $0.split(separator: " ").map { String($0) } }
        let expected: [String] = almere.items.flatMap { $0.years.sorted() }.map { String($0) }
        #expect(drawn == expected)
        #expect(svg.contains("href=\"/programmes/almere/actieprogramma-2020-2022#item-"))
        // Amersfoort's workshop names no years: no strip, no empty picture.
        #expect(!(try await get("/programmes/amersfoort/werkconferentie-samenleven-in-diversiteit-2020")).body.contains("id=\"timeline\""))
    }

    /// At 342 municipalities the heat map alone was 5.5 MB: many programmes get the tables and a sentence.
    @Test func manyProgrammesGetTheTablesAndASentenceInsteadOfAPicture() async throws {
        let many = try TestSupport.syntheticCatalog(count: 45)
        try #require(many.programmes.count > 40)
        for view in ["themes", "budgets", "roles", "timeline"] {
            let page = try await get("/compare/\(view)", catalog: many)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"no-picture\""), "\(view)")
            #expect(!page.body.contains("<svg"), "\(view)")
            #expect(page.body.contains("id=\"view-table-1\""), "\(view)")
        }
        let one = try #require(many.municipalities.first?.slug)
        #expect(try await get("/compare/themes?only=\(one)", catalog: many).body.contains("id=\"figure-heat-map\""))
    }
}
