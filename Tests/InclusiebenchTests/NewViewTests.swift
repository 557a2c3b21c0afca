import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieReport
import InclusieServer
import InclusieStore
import Testing

/// A view made up for this test, declared the way a real one is: a comparison, its tables, one value.
private struct ItemCounts: TabularView {
    var counts: [String: Int]

    init(catalog: Catalog, scope: ComparisonScope) {
        counts = Dictionary(scope.programmes(in: catalog).map { ($0.key, $0.items.count) }, uniquingKeysWith: +)
    }

    func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        [
            ResultTable(
                title: language == .nl ? "Wegwerpweergave: onderdelen per programma" : "Throw-away view: items per programme",
                columns: ["programma", "onderdelen"],
                rows: counts.keys.sorted().map { [.text($0), .integer(counts[$0] ?? 0)] })
        ]
    }
}

private let itemCounts = ViewName(
    "item-counts", title: LocalizedText(nl: "Wegwerpweergave", en: "Throw-away view"),
    purpose: LocalizedText(nl: "Hoeveel onderdelen elk programma heeft.", en: "How many items each programme has."),
    parts: [.items]
) { catalog, scope, _ in ItemCounts(catalog: catalog, scope: scope) }

/// Issue 30: adding a view is its comparison, its tables and one `ViewName` value; the exports, the
/// report and the site then offer it with nothing else changed.
@Suite struct NewViewTests {
    let catalog: Catalog
    let views = ViewName.allCases + [itemCounts]

    init() throws {
        catalog = try TestSupport.loadRealPlugins().catalog()
    }

    @Test func theExportsHaveItsTable() throws {
        let tables = ViewTables.tables(catalog: catalog, language: .nl, views: views)
        let own = try #require(tables.first { $0.fileName.hasPrefix("view-item-counts-1") })
        #expect(own.fileName == "view-item-counts-1-throw-away-view-items-per-programme.csv")
        #expect(own.table.rows.count == catalog.programmes.count)
        #expect(ViewTables.tables(catalog: catalog, language: .nl).allSatisfy { !$0.fileName.hasPrefix("view-item-counts") })
    }

    @Test func theReportShowsItUnderMoreViews() throws {
        let version = try DataVersion(catalog: catalog, schema: "test-schema")
        let html = HTMLReport(catalog: catalog, scope: ComparisonScope(), dataVersion: version, views: views).render()
        let moreViews = try #require(html.components(separatedBy: "id=\"more-views\"").last)
        #expect(moreViews.contains("Wegwerpweergave: onderdelen per programma"))
    }

    @Test func theSiteListsItServesItsPageAndItsDownloads() async throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let server = SiteServer(data: try SiteData(catalog: try store.catalog(), views: views))
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/compare", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/compare/item-counts\""))
            }
            try await client.execute(uri: "/compare/item-counts", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Wegwerpweergave: onderdelen per programma"))
            }
            try await client.execute(uri: "/compare/item-counts/csv", method: .get) { response in
                #expect(response.status == .ok)
                let csv = String(buffer: response.body)
                #expect(csv.contains("programma;onderdelen"))
                #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == catalog.programmes.count + 1)
            }
        }
        // A site without it does not know the name.
        let plain = Application(router: SiteServer(data: try SiteData(catalog: try store.catalog())).router())
        try await plain.test(.router) { client in
            try await client.execute(uri: "/compare/item-counts", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
