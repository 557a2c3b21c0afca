import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieModel
@testable import InclusieServer
@testable import InclusieStore
import Testing

/// Issue 29, the server's points: it follows a new import, HTTP as clients expect, bounded search work.

/// The real plugins' catalog, for writing into a database file of a test's own.
private func pluginCatalog() throws -> Catalog {
    try TestSupport.loadRealPlugins().catalog()
}

/// One request to the application in process; `authority` is always "localhost" there.
private func fetch(
    _ router: Router<BasicRequestContext>, _ uri: String, method: HTTPRequest.Method = .get
) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
    try await Application(router: router).test(.router) { client in
        try await client.execute(uri: uri, method: method) { response in
            (response.status, response.headers, String(decoding: Data(buffer: response.body), as: UTF8.self))
        }
    }
}

@Suite struct ServerFollowsImportTests {
    static let firstTitle = "Titel van de eerste import"
    static let secondTitle = "Titel van de tweede import"

    /// A database file with the real plugins imported, the first programme titled `firstTitle`, followed
    /// by a server that checks on every request.
    private func followedDatabase() throws -> (path: String, catalog: Catalog, server: SiteServer) {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("site.sqlite").path
        var catalog = try pluginCatalog()
        catalog.programmes[0].title = Self.firstTitle
        try Store(path: path).replaceAll(with: catalog)
        let following = DatabaseFollowing(path: path, recheckInterval: .zero) { _ in [] }
        // Port 80 on localhost: the in-process client names "localhost" without a port, as a browser does.
        let server = SiteServer(loaded: try following.load(), following: following, host: "localhost", port: 80)
        return (path, catalog, server)
    }

    @Test func theNextRequestAfterAnImportShowsTheNewData() async throws {
        let (path, catalog, server) = try followedDatabase()
        let router = server.router()
        let changed = try #require(catalog.programmes.first)
        let removed = try #require(catalog.programmes.last { $0.key != changed.key })
        let before = try await fetch(router, programmePath(changed))
        #expect(before.status == .ok)
        #expect(before.body.contains(Self.firstTitle))
        #expect(try await fetch(router, programmePath(removed)).status == .ok)

        var next = catalog
        let newTitle = Self.secondTitle
        next.programmes = catalog.programmes.filter { $0.key != removed.key }.map { programme in
            var programme = programme
            if programme.key == changed.key { programme.title = newTitle }
            return programme
        }
        try Store(path: path).replaceAll(with: next)

        let after = try await fetch(router, programmePath(changed))
        #expect(after.status == .ok)
        #expect(after.body.contains(newTitle))
        #expect(!after.body.contains("id=\"out-of-date\""))
        #expect(try await fetch(router, programmePath(removed)).status == .notFound)
        let home = try await fetch(router, "/")
        #expect(!home.body.contains(programmePath(removed)))
    }

    @Test func requestsDuringAnImportEachSeeOneWholeImport() async throws {
        let (path, catalog, server) = try followedDatabase()
        let router = server.router()
        let changed = try #require(catalog.programmes.first)
        var second = catalog
        second.programmes[0].title = Self.secondTitle
        let next = second
        let app = Application(router: router)
        let titles = try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: String.self) { group in
                for round in 0..<24 {
                    if round == 8 { try Store(path: path).replaceAll(with: next) }
                    group.addTask {
                        try await client.execute(uri: programmePath(changed), method: .get) { response in
                            String(decoding: Data(buffer: response.body), as: UTF8.self)
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
        }
        #expect(titles.count == 24)
        // Each page shows one import's title, the first or the second, never both or neither.
        #expect(titles.allSatisfy { $0.contains(Self.firstTitle) != $0.contains(Self.secondTitle) })
        let last = try await fetch(router, programmePath(changed))
        #expect(last.body.contains(Self.secondTitle))
    }

    @Test func aDatabaseThatCannotBeReadKeepsTheOldDataWithANotice() async throws {
        let (path, catalog, server) = try followedDatabase()
        let router = server.router()
        let first = try #require(catalog.programmes.first)
        #expect(!(try await fetch(router, "/").body.contains("id=\"out-of-date\"")))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Data("dit is geen database".utf8).write(to: URL(fileURLWithPath: path))
        let home = try await fetch(router, "/")
        #expect(home.status == .ok)
        #expect(home.body.contains("id=\"out-of-date\""))
        #expect(home.body.contains(programmePath(first)))
        let english = try await fetch(router, "/compare?lang=en")
        #expect(english.body.contains("may be out of date"))
    }
}

@Suite struct HTTPRulesTests {
    let router: Router<BasicRequestContext>

    init() throws {
        router = SiteServer(data: try SiteData(catalog: try pluginCatalog())).router()
    }

    @Test(arguments: ["/", "/themes", "/compare/themes", "/compare/themes/csv", "/search?q=inclusie", "/style.css", "/nergens"])
    func headAnswersAsGetWithoutABody(uri: String) async throws {
        let get = try await fetch(router, uri)
        let head = try await fetch(router, uri, method: .head)
        #expect(head.status == get.status)
        #expect(head.body.isEmpty)
        #expect(head.headers[.contentType] == get.headers[.contentType])
        #expect(head.headers[.contentLength] == String(get.body.utf8.count))
        #expect(head.headers[.contentSecurityPolicy] != nil)
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func otherMethodsGet405WithAllow(method: HTTPRequest.Method) async throws {
        let response = try await fetch(router, "/", method: method)
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers[.allow] == "GET, HEAD")
        #expect(response.body.contains("GET"))
        #expect(response.headers[.contentSecurityPolicy] != nil)
    }

    @Test func aHostOtherThanTheListeningAddressIsRefused() {
        let loopback = HTTPRules<BasicRequestContext>(listening: ("127.0.0.1", 8080))
        for accepted in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080"] {
            #expect(loopback.accepts(authority: accepted), "\(accepted)")
        }
        for refused in [nil, "", "127.0.0.1", "127.0.0.1:8081", "rebound.example:8080", "localhost.example:8080", "127.0.0.1:8080.example"] {
            #expect(!loopback.accepts(authority: refused), "\(refused ?? "nil")")
        }
        let everywhere = HTTPRules<BasicRequestContext>(listening: ("0.0.0.0", 8080))
        #expect(everywhere.accepts(authority: "192.168.1.20:8080"))
        #expect(everywhere.accepts(authority: "[::1]:8080"))
        #expect(!everywhere.accepts(authority: "rebound.example:8080"))
        let ipv6 = HTTPRules<BasicRequestContext>(listening: ("::1", 8080))
        #expect(ipv6.accepts(authority: "[::1]:8080"))
        #expect(!ipv6.accepts(authority: "::1:8080"))
    }

    @Test func theServeSiteRefusesAnotherHostWith421() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("host.sqlite").path
        try Store(path: path).replaceAll(with: try pluginCatalog())
        let following = DatabaseFollowing(path: path) { _ in [] }
        // The in-process client names "localhost" without a port: not this server at 127.0.0.1:8080.
        let site = SiteServer(loaded: try following.load(), following: following, host: "127.0.0.1", port: 8080)
        let response = try await fetch(site.router(), "/")
        #expect(response.status.code == 421)
        #expect(response.body.contains("localhost"))
    }

    @Test func pagesBeyondTheRenderLimitAndItsQueueGet503() async throws {
        let limit = RenderLimit(permits: 1, maximumWaiting: 0)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let busy = Task {
            try await limit.run {
                started.signal()
                release.wait()
                return 1
            }
        }
        started.wait()
        await #expect(throws: PageError.self) { try await limit.run { 2 } }
        do {
            _ = try await limit.run { 3 }
        } catch let error as PageError {
            #expect(error.status == .serviceUnavailable)
        }
        release.signal()
        #expect(try await busy.value == 1)
        // The permit is back once the first page is made.
        #expect(try await limit.run { 4 } == 4)
    }

    @Test(arguments: ["/search?q=discriminatie&page=50", "/search?q=&page=2", "/search?q=zzzzqqq&page=2", "/style.css?v=2", "/style.css?lang=fr"])
    func pagesBeyondTheLastAndUnknownParametersAre400(uri: String) async throws {
        let response = try await fetch(router, uri)
        #expect(response.status == .badRequest, "\(uri)")
        #expect(response.body.contains("<h1>"))
    }

    @Test func theLastSearchPageIsStillServed() async throws {
        let first = try await fetch(router, "/search?q=inclusie")
        #expect(first.status == .ok)
        #expect(first.body.contains("rel=\"next\""))
        #expect(try await fetch(router, "/search?q=inclusie&page=2").status == .ok)
    }
}

@Suite struct BoundedSearchTests {
    /// Text of `count` characters in plain Dutch words, without a blank line or heading: one paragraph.
    private func paragraph(characters count: Int) -> String {
        let words = ["de", "gemeente", "werkt", "aan", "inclusie", "voor", "alle", "inwoners", "met", "partners", "in", "wijken"]
        var text = ""
        var index = 0
        while text.utf8.count < count {
            text += words[index % words.count] + (index % 17 == 16 ? ". " : " ")
            index += 1
        }
        return text
    }

    @Test func aLongParagraphIsIndexedInBoundedPassagesAndNothingIsLost() {
        let text = paragraph(characters: 1 << 20)
        let passages = SearchIndex.passages(of: text)
        #expect(passages.count > 400)
        #expect(passages.allSatisfy { $0.text.count <= SearchIndex.maximumPassageLength })
        let joined = passages.map(\.text).joined(separator: " ")
        #expect(joined.split(separator: " ") == text.split(separator: " "))
    }

    @Test func aWordLongerThanAPassageIsCutToo() {
        let passages = SearchIndex.passages(of: String(repeating: "x", count: 5_000))
        #expect(passages.map(\.text.count) == [2_000, 2_000, 1_000])
    }

    @Test func aMegabyteSourceIsSearchedWithShortSnippets() throws {
        let catalog = try pluginCatalog()
        let programme = try #require(catalog.programmes.first)
        let source = SourceText(programmeKey: programme.key, fileName: "lang.txt", text: paragraph(characters: 1 << 20))
        let index = try SearchIndex(catalog: catalog, sources: [source])
        let results = try index.search(SearchRequest(words: "inclusie wijken", municipality: programme.municipalitySlug, limit: 20))
        #expect(results.total > 400)
        let sourceHits = results.hits.filter { $0.itemID == nil }
        #expect(!sourceHits.isEmpty)
        for hit in sourceHits {
            #expect(hit.snippet.contains { $0.isMatch })
            #expect(hit.snippet.map(\.text.count).reduce(0, +) < 1_000)
        }
    }

    @Test func anOverlongItemTextGetsASnippetAroundItsFirstMatch() throws {
        var catalog = try pluginCatalog()
        let filler = paragraph(characters: 200_000).replacingOccurrences(of: "inclusie", with: "aandacht")
        catalog.programmes[0].items[0].description = filler + " Hier staat het zeldzame woord Émancipatiebeleid. " + filler
        let index = try SearchIndex(catalog: catalog)
        let results = try index.search(SearchRequest(words: "emancipatiebeleid", limit: 50))
        let hit = try #require(results.hits.first { $0.itemID == catalog.programmes[0].items[0].localID && $0.programmeKey == catalog.programmes[0].key })
        #expect(hit.snippet.filter(\.isMatch).map(\.text) == ["Émancipatiebeleid"])
        #expect(hit.snippet.map(\.text.count).reduce(0, +) <= 210)
        #expect(hit.snippet.first?.text.hasPrefix("…") == true)
        #expect(hit.snippet.last?.text.hasSuffix("…") == true)
    }

    @Test func theWindowMarksOnlyWordStarts() {
        let pieces = SearchIndex.windowSnippet(of: "Een ontmoeting en meer ONTMOETINGEN; geen zeeontmoeting.", tokens: ["ontmoeting"])
        #expect(pieces.filter(\.isMatch).map(\.text) == ["ontmoeting", "ONTMOETING"])
        #expect(pieces.map(\.text).joined() == "Een ontmoeting en meer ONTMOETINGEN; geen zeeontmoeting.")
    }
}

@Suite struct ServeProcessHTTPTests {

    /// Sends `request` as written over a new loopback connection and reads until the server closes it
    /// (or 20 s pass): what a hand-written client sees, `Host` header included.
    private func exchange(port: Int, _ request: String) throws -> String {
        let connection = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(connection >= 0)
        defer { close(connection) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try #require(TestSupport.atLoopback(port: port) { connect(connection, $0, $1) })
        let bytes = Array(request.utf8)
        try #require(send(connection, bytes, bytes.count, 0) == bytes.count)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test func theRunningServerChecksHostAndMethodAndStopsOnSIGTERM() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let port = try TestSupport.freePort()
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = [
            "serve", "--port", String(port), "--db", directory.appendingPathComponent("serve.sqlite").path, "--municipalities",
            TestSupport.municipalities,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("http://127.0.0.1:\(port)/"), Date() < deadline, process.isRunning {
            printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        try #require(printed.contains("http://127.0.0.1:\(port)/"), "\(printed)")

        let get = try exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        #expect(get.hasPrefix("HTTP/1.1 200"), "\(get.prefix(200))")
        let head = try exchange(port: port, "HEAD / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200"), "\(head.prefix(200))")
        let headParts = head.components(separatedBy: "\r\n\r\n")
        #expect(headParts.count == 2 && headParts[1].isEmpty, "a HEAD answer has no body")
        #expect(head.lowercased().contains("content-length: \(get.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n").utf8.count)"))
        let rebound = try exchange(port: port, "GET / HTTP/1.1\r\nHost: rebound.example:\(port)\r\nConnection: close\r\n\r\n")
        #expect(rebound.hasPrefix("HTTP/1.1 421"), "\(rebound.prefix(200))")
        let noHost = try exchange(port: port, "GET / HTTP/1.0\r\n\r\n")
        #expect(noHost.hasPrefix("HTTP/1.0 421") || noHost.hasPrefix("HTTP/1.1 421"), "\(noHost.prefix(200))")
        let delete = try exchange(port: port, "DELETE / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        #expect(delete.hasPrefix("HTTP/1.1 405"), "\(delete.prefix(200))")
        #expect(delete.lowercased().contains("allow: get, head"))

        kill(process.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "SIGTERM stops the server")
    }
}
