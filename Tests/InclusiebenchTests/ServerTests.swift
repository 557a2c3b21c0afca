import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieServer
import InclusieStore
import Testing

/// The catalog of the real plugins, as the server gets it: imported into SQLite and read back.
private func realCatalog() throws -> Catalog {
    let catalog = try TestSupport.loadRealPlugins().catalog()
    let store = try Store.inMemory()
    try store.replaceAll(with: catalog)
    return try store.catalog()
}

/// The source texts of the bundled programmes, when ../shared/sources is here.
private func realSources(_ catalog: Catalog) -> [SourceText] {
    let checker = QuoteChecker(sourcesDirectories: [TestSupport.sources])
    return catalog.programmes.compactMap { programme in
        checker.sourceText(named: programme.sourceFile, pluginDirectory: TestSupport.municipalities + "/" + programme.municipalitySlug)
            .map { SourceText(programmeKey: programme.key, fileName: programme.sourceFile, text: $0) }
    }
}

@Suite struct SearchTests {
    let catalog: Catalog
    let index: SearchIndex

    init() throws {
        catalog = try realCatalog()
        index = try SearchIndex(catalog: catalog)
    }

    @Test func findsWordsWithoutCaseOrAccentsAndByPrefix() throws {
        let exact = try index.search(SearchRequest(words: "discriminatie"))
        #expect(exact.total > 0)
        let prefix = try index.search(SearchRequest(words: "DISCRIMIN"))
        #expect(prefix.total >= exact.total)
        // An accent the text does not have, and one it has, both match.
        let accented = try index.search(SearchRequest(words: "discriminatié"))
        #expect(accented.total == exact.total)
        let idee = try index.search(SearchRequest(words: "ideeen"))
        let ideeAccent = try index.search(SearchRequest(words: "ideeën"))
        #expect(idee.total == ideeAccent.total)
    }

    @Test func everyWordMustOccur() throws {
        let one = try index.search(SearchRequest(words: "discriminatie", limit: 1000))
        let two = try index.search(SearchRequest(words: "meldingsbereidheid discriminatie", limit: 1000))
        #expect(two.total > 0)
        #expect(two.total < one.total)
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let results = try index.search(SearchRequest(words: "discriminatie"))
        let hit = try #require(results.hits.first)
        let matched = hit.snippet.filter(\.isMatch).map { $0.text.lowercased() }
        #expect(matched.contains { $0.hasPrefix("discriminatie") } || hit.title.lowercased().contains("discriminatie"))
        #expect(hit.snippet.allSatisfy { !$0.text.contains("\u{2}") && !$0.text.contains("\u{3}") })
    }

    @Test func facetsCountUnderTheOtherFilters() throws {
        let all = try index.search(SearchRequest(words: "inclusie"))
        let almere = try #require(all.facets["municipality"]?.first { $0.value == "almere" })
        let filtered = try index.search(SearchRequest(words: "inclusie", municipality: "almere"))
        #expect(filtered.total == almere.count)
        // The municipality facet still lists the others, so the user can switch.
        #expect((filtered.facets["municipality"]?.count ?? 0) == (all.facets["municipality"]?.count ?? 0))
        let themes = try #require(filtered.facets["theme"]?.first)
        let byTheme = try index.search(SearchRequest(words: "inclusie", municipality: "almere", theme: themes.value))
        #expect(byTheme.total == themes.count)
    }

    /// The page of hits is filtered in SQL and the counts in memory: both must agree, for every value of
    /// every facet, and the hits must have the value filtered on.
    @Test func hitsAgreeWithTheFacetCountsForEveryValue() throws {
        let all = try index.search(SearchRequest(words: "inclusie"))
        let items = Dictionary(
            catalog.programmes.flatMap { programme in programme.items.map { ("\(programme.key)#\($0.localID)", $0) } },
            uniquingKeysWith: { first, _ in first })
        for (facet, counts) in all.facets {
            #expect(!counts.isEmpty)
            for count in counts {
                var request = SearchRequest(words: "inclusie", limit: 10_000)
                switch facet {
                case "municipality": request.municipality = count.value
                case "kind": request.kind = count.value
                case "status": request.status = count.value
                default: request.theme = count.value
                }
                let filtered = try index.search(request)
                #expect(filtered.total == count.count, "\(facet)=\(count.value)")
                #expect(filtered.hits.count == count.count, "\(facet)=\(count.value)")
                for hit in filtered.hits {
                    let item = try #require(items["\(hit.programmeKey)#\(hit.itemID ?? "")"])
                    switch facet {
                    case "municipality": #expect(hit.municipalitySlug == count.value)
                    case "kind": #expect(catalog.programme(hit.programmeKey)?.kind.id == count.value)
                    case "status": #expect(item.status == count.value)
                    default: #expect(item.themes.contains(count.value))
                    }
                }
            }
        }
    }

    @Test func pagesFollowOneRankedOrder() throws {
        let ten = try index.search(SearchRequest(words: "inclusie", limit: 10))
        let first = try index.search(SearchRequest(words: "inclusie", limit: 5))
        let second = try index.search(SearchRequest(words: "inclusie", limit: 5, offset: 5))
        #expect(ten.hits.count == 10)
        #expect(first.hits + second.hits == ten.hits)
        #expect(Set(ten.hits.map { "\($0.programmeKey)#\($0.itemID ?? "")" }).count == 10)
    }

    @Test(arguments: ["\"", "inclusie OR", "NEAR(a b)", "*", "title:inclusie", "a\u{0}b", "'; DROP TABLE entry; --", "^", "(((", "-inclusie"])
    func hostileWordsAreOnlyWords(words: String) throws {
        // FTS5 syntax never reaches SQLite: these are searched as plain words or as nothing, so a hostile
        // spelling finds what its letters alone find.
        let letters = String(words.map { $0.isLetter || $0.isNumber ? $0 : " " })
        let hostile = try index.search(SearchRequest(words: words))
        #expect(hostile.total == (try index.search(SearchRequest(words: letters))).total)
    }

    @Test func tooManyWordsAreRefusedWithASentence() throws {
        let words = Array(repeating: "inclusie", count: SearchRequest.maximumWordCount + 1).joined(separator: " ")
        #expect(throws: SearchError.self) { try index.search(SearchRequest(words: words)) }
        #expect(throws: SearchError.self) { try index.search(SearchRequest(words: String(repeating: "a", count: 501))) }
    }

    @Test func sourcePassagesAreSearchedWhenTheSourcesAreHere() throws {
        guard TestSupport.mustReadSources else {
            print("skipped: \(TestSupport.sourcesSkipReason)")
            return
        }
        let sources = realSources(catalog)
        #expect(sources.count == catalog.programmes.count)
        let withSources = try SearchIndex(catalog: catalog, sources: sources)
        let results = try withSources.search(SearchRequest(words: "inclusie", limit: 1000))
        #expect(results.hits.contains { $0.itemID == nil })
        #expect(results.total > (try index.search(SearchRequest(words: "inclusie"))).total)
        // Filtering on an item status leaves only items: passages have no status.
        let commitments = try withSources.search(SearchRequest(words: "inclusie", status: "commitment", limit: 1000))
        #expect(commitments.hits.allSatisfy { $0.itemID != nil })
    }
}

@Suite struct ServerRouteTests {
    let catalog: Catalog
    let server: SiteServer

    init() throws {
        catalog = try realCatalog()
        server = SiteServer(data: try SiteData(catalog: catalog))
    }

    /// Fetches one URL from the application in-process and returns status, headers and body.
    private func get(_ uri: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String, bytes: Data) {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let bytes = Data(buffer: response.body)
                return (response.status, response.headers, String(decoding: bytes, as: UTF8.self), bytes)
            }
        }
    }

    @Test func homeShowsEveryProgrammeAsACardWithSafeHeaders() async throws {
        let page = try await get("/")
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(page.headers[.xContentTypeOptions] == "nosniff")
        #expect(page.body.contains("<html lang=\"nl\""))
        #expect(page.body.components(separatedBy: "class=\"programme-link\"").count - 1 == catalog.programmes.count)
        for programme in catalog.programmes {
            #expect(page.body.contains("href=\"/programmes/\(programme.key)\""))
        }
        #expect(!page.body.contains("<script"))
        let english = try await get("/?lang=en")
        #expect(english.body.contains("<html lang=\"en\""))
        #expect(english.body.contains("Municipalities' inclusion programmes") || english.body.contains("Municipalities&#39;"))
    }

    @Test func homeFiltersByKindStatusProvinceAndSize() async throws {
        let party = try await get("/?kind=party-programme")
        #expect(party.status == .ok)
        let partyCount = catalog.programmes.filter { $0.kind.id == "party-programme" }.count
        #expect(partyCount > 0)
        #expect(party.body.components(separatedBy: "class=\"programme-link\"").count - 1 == partyCount)
        let flevoland = try await get("/?province=Flevoland")
        #expect(flevoland.body.contains("/programmes/almere/"))
        #expect(!flevoland.body.contains("/programmes/arnhem/"))
        let big = try await get("/?size=100000-250000")
        #expect(big.status == .ok)
        let none = try await get("/?status=election-programme&kind=workshop")
        #expect(none.status == .ok)
        #expect(none.body.contains("Geen programma past bij deze filters."))
        #expect(!none.body.contains("class=\"programme-link\""))
    }

    @Test(arguments: [
        "/?colour=red", "/?kind=nonsense", "/?kind=a&kind=b", "/?page=0", "/?page=abc", "/?page=99999",
        "/?lang=fr", "/?kind=%ZZ", "/?kind=%00", "/search?q=%01", "/compare/themes?only=nowhere",
        "/compare/themes?status=maybe", "/compare/themes/csv?dialect=tsv", "/themes/inclusion-general?x=1",
        "/search?theme=%3Cscript%3E",
    ])
    func badParametersGetA400PageThatSaysWhatIsAllowed(uri: String) async throws {
        let page = try await get(uri)
        #expect(page.status == .badRequest, "\(uri)")
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.body.contains("<h1>"))
        #expect(!page.body.contains("<script"))
    }

    @Test func unknownAddressesGetTheSitesOwn404Page() async throws {
        for uri in ["/nowhere", "/programmes/almere/nothing", "/themes/not-a-theme", "/compare/nothing", "/compare/themes/xml", "/../etc/passwd"] {
            let page = try await get(uri)
            #expect(page.status == .notFound, "\(uri)")
            #expect(page.body.contains("inclusiebench"), "\(uri)")
            #expect(page.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func programmePageShowsTheItemTreeCodesQuotesBudgetAndPeers() async throws {
        let programme = try #require(catalog.programme("almere/actieprogramma-2020-2022"))
        let page = try await get("/programmes/almere/actieprogramma-2020-2022")
        #expect(page.status == .ok)
        #expect(page.body.contains("id=\"items\""))
        #expect(page.body.contains("id=\"budget\""))
        #expect(page.body.contains("id=\"peers\""))
        #expect(page.body.components(separatedBy: "<li id=\"item-").count - 1 == programme.items.count)
        #expect(page.body.contains("class=\"code-theme\""))
        #expect(page.body.contains("<blockquote>"))
        #expect(page.body.contains(programme.sourceFile))
        // Almere's budget table holds € 1.700.000-style amounts, in Dutch notation.
        #expect(page.body.contains("€"))
    }

    @Test func facetPagesLineUpEveryProgrammesItemsOnOneCode() async throws {
        let theme = try #require(catalog.programmes.flatMap(\.items).compactMap(\.primaryTheme).first)
        let page = try await get("/themes/\(theme)")
        #expect(page.status == .ok)
        let programmes = catalog.programmes.filter { $0.items.contains { $0.themes.contains(theme) } }
        for programme in programmes {
            #expect(page.body.contains("href=\"/programmes/\(programme.key)\""))
        }
        for facet in ["themes", "instruments", "roles", "target-groups"] {
            #expect(try await get("/\(facet)").status == .ok)
        }
    }

    /// Amstelveen has no party programme: its proposals page and downloads are an empty comparison, and the
    /// server keeps running (it once ended the process on this address).
    @Test func proposalsForAMunicipalityWithoutAPartyProgrammeAreEmptyNotAnError() async throws {
        for uri in ["/compare/proposals?only=amstelveen", "/compare/proposals/csv?only=amstelveen", "/compare/proposals/json?only=amstelveen"] {
            #expect(try await get(uri).status == .ok, "\(uri)")
        }
        let built = ViewName.proposals.build(catalog: catalog, scope: ComparisonScope(only: ["amstelveen"], language: .nl))
        #expect((built as? ProposalCoverage)?.comparisons.isEmpty == true)
    }

    @Test(arguments: ViewName.allCases)
    func everyViewIsATableAndItsDownloadsAreTheCommandsBytes(view: ViewName) async throws {
        let page = try await get("/compare/\(view.rawValue)?only=almere&lang=en")
        #expect(page.status == .ok)
        #expect(page.body.contains("<caption>"))
        #expect(page.body.contains("id=\"download-csv\""))
        let scope = ComparisonScope(only: ["almere"], language: .en)
        let built = view.build(catalog: catalog, scope: scope)
        let table = try #require(built.tables(catalog: catalog, language: .en).first)
        let csv = try await get("/compare/\(view.rawValue)/csv?only=almere&lang=en")
        #expect(csv.status == .ok)
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(csv.bytes == (try CSVRenderer.render(table, dialect: .excelNL)))
        let rfc = try await get("/compare/\(view.rawValue)/csv?only=almere&lang=en&dialect=rfc4180")
        #expect(rfc.bytes == (try CSVRenderer.render(table, dialect: .rfc4180)))
        let json = try await get("/compare/\(view.rawValue)/json?only=almere&lang=en")
        #expect(json.bytes == (try JSONRendering.encode(built)) + Data("\n".utf8))
    }

    @Test func searchEscapesWhatTheUserTypedAndHighlightsHits() async throws {
        let hostile = try await get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27")
        #expect(hostile.status == .ok)
        #expect(!hostile.body.contains("<script"))
        #expect(hostile.body.contains("&lt;script&gt;") || hostile.body.contains("&lt;script"))
        #expect(!hostile.body.contains("value=\"<script"))
        let found = try await get("/search?q=discriminatie")
        #expect(found.body.contains("<mark>"))
        #expect(found.body.contains("id=\"hits\""))
        #expect(found.body.contains("id=\"facets\""))
        let spaced = try await get("/search?q=meldingsbereidheid+discriminatie")
        #expect(spaced.status == .ok)
        #expect(spaced.body.contains("<mark>"))
    }

    @Test func theStylesheetIsServedAndNothingElseFromDisk() async throws {
        let css = try await get("/style.css")
        #expect(css.status == .ok)
        #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        #expect(try await get("/Package.swift").status == .notFound)
        #expect(try await get("/style.css/../Package.swift").status == .notFound)
    }
}

@Suite struct SearchCommandTests {
    @Test func searchPrintsHitsAsJSONAndTable() throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("search.sqlite").path
        let json = try TestSupport.run(["search", "discriminatie", "--format", "json", "--db", database, "--municipalities", TestSupport.municipalities])
        #expect(json.status == 0, "\(json.error)")
        let results = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((results?["total"] as? Int ?? 0) > 0)
        let table = try TestSupport.run(["search", "discriminatie", "--db", database, "--municipalities", TestSupport.municipalities])
        #expect(table.status == 0)
        #expect(table.output.contains("«"))
    }

    @Test func searchRefusesUnknownFacetsAndTooLongQueries() throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("search.sqlite").path
        let theme = try TestSupport.run(["search", "inclusie", "--theme", "nonsense", "--db", database, "--municipalities", TestSupport.municipalities])
        #expect(theme.status != 0)
        #expect(theme.error.contains("kies uit"))
        let long = try TestSupport.run(["search", String(repeating: "a", count: 600), "--lang", "en", "--db", database, "--municipalities", TestSupport.municipalities])
        #expect(long.status != 0)
        #expect(long.error.contains("longer than"))
    }

    @Test func sourcesMakeSourcePassagesSearchable() throws {
        guard TestSupport.mustReadSources else {
            print("skipped: \(TestSupport.sourcesSkipReason)")
            return
        }
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("search.sqlite").path
        let result = try TestSupport.run([
            "search", "inclusie", "--limit", "200", "--format", "json", "--db", database, "--municipalities", TestSupport.municipalities,
            "--sources", TestSupport.sources,
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\"sourceFile\""))
        let results = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let hits = results?["hits"] as? [[String: Any]] ?? []
        #expect(hits.contains { $0["itemID"] == nil })
    }
}

@Suite struct ServeCommandTests {

    @Test func serveImportsListensOnLoopbackAndAnswersPages() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("serve.sqlite").path
        let port = try TestSupport.freePort()
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = ["serve", "--port", String(port), "--db", database, "--municipalities", TestSupport.municipalities]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("http://127.0.0.1:\(port)/"), Date() < deadline, process.isRunning {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(printed.contains("http://127.0.0.1:\(port)/"), "\(printed)")
        #expect(FileManager.default.fileExists(atPath: database))
        let (body, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("class=\"programme-link\""))
        let (_, refused) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/?unknown=1")!)
        #expect((refused as? HTTPURLResponse)?.statusCode == 400)
    }

    @Test func aBusyPortIsASentenceWithWhatToDo() throws {
        let port = try TestSupport.freePort()
        let blocker = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(blocker) }
        try #require(TestSupport.atLoopback(port: port) { bind(blocker, $0, $1) } && listen(blocker, 1) == 0)
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("busy.sqlite").path
        let result = try TestSupport.run([
            "serve", "--port", String(port), "--db", database, "--municipalities", TestSupport.municipalities, "--lang", "en",
        ])
        #expect(result.status != 0)
        #expect(result.error.contains("already in use"), "\(result.error)")
        #expect(result.error.contains("--port \(port + 1)"))
    }
}

/// The proposals page with the fictional Beekmonde beside the bundled plugins: the levels, and the words an
/// item shares with a proposal marked in its quote.
@Suite struct ProposalPageTests {
    @Test func sharedWordsAreMarkedInTheQuotes() async throws {
        let server = SiteServer(data: try SiteData(catalog: try ProposalReadingTests.catalogWithBeekmonde()))
        let app = Application(router: server.router())
        let body = try await app.test(.router) { client in
            try await client.execute(uri: "/compare/proposals?only=beekmonde", method: .get) { response in
                String(decoding: Data(buffer: response.body), as: UTF8.self)
            }
        }
        #expect(body.contains("noemt dezelfde maatregel"))
        #expect(body.contains("zet zich in voor hetzelfde onderwerp"))
        #expect(body.contains("noemt: meldpunt, spreekuur"), "why the meldpunt proposal is the same measure")
        #expect(body.contains("<mark>meldpunt</mark>"))
        #expect(body.contains("<mark>Beekmondepas</mark>"))
        #expect(!body.contains("<mark>houdt</mark>"), "light verbs are no measure")
    }
}
