import Foundation
import HTTPTypes
import Hummingbird
import InclusieExport
import InclusieModel

/// The read-only web application: routes, the pages behind them, headers that keep pages inert.
///
/// There is no route that writes, and no request path reaches the file system: every page is made
/// from `SiteData` in memory, and the only files served are the named downloads, made on the fly. With a
/// `DatabaseFollowing`, the data is read again after an import (`SiteDataFollower`); every request is
/// answered from one snapshot of it.
public struct SiteServer: Sendable {
    let follower: SiteDataFollower
    let rules: HTTPRules<BasicRequestContext>
    let renders: RenderLimit

    /// A site over data that never changes, answering any `Host`: for tests in process.
    public init(data: SiteData) {
        follower = SiteDataFollower(fixed: data)
        rules = HTTPRules(listening: nil)
        renders = RenderLimit()
    }

    /// The site `serve` runs: it follows the database, and answers only requests addressed to `host` and
    /// `port` (or `localhost`), so a web page elsewhere cannot reach it through a rebound DNS name.
    public init(loaded: LoadedSiteData, following: DatabaseFollowing, host: String, port: Int) {
        follower = SiteDataFollower(loaded: loaded, following: following)
        rules = HTTPRules(listening: (host, port))
        renders = RenderLimit()
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        /// Every address answers GET and HEAD alike (`HTTPRules` drops the body of a HEAD's answer), from
        /// the data as the latest import left it.
        func route(
            _ path: RouterPath, _ respond: @escaping @Sendable (Request, BasicRequestContext, SiteSnapshot) async throws -> Response
        ) {
            let follower = follower
            let answer: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
                try await respond(request, context, await follower.current())
            }
            router.get(path, use: answer)
            router.head(path, use: answer)
        }
        router.add(middleware: rules)
        router.add(middleware: SitePagesMiddleware())
        route("/") { request, _, site in
            return try await page(request, site, path: "/", allowed: HomePage.parameters) { layout in
                try HomePage(data: site.data, layout: layout).render()
            }
        }
        route("/programmes/:municipality/:programme") { request, context, site in
            let key = "\(context.parameters.get("municipality") ?? "")/\(context.parameters.get("programme") ?? "")"
            guard let programme = site.data.catalog.programme(key) else { throw HTTPError(.notFound) }
            return try await page(request, site, path: programmePath(programme), allowed: ProgrammePage.parameters) { layout in
                ProgrammePage(data: site.data, layout: layout, programme: programme).render()
            }
        }
        route("/programmes/:municipality/:programme/peers") { request, context, site in
            let key = "\(context.parameters.get("municipality") ?? "")/\(context.parameters.get("programme") ?? "")"
            guard let programme = site.data.catalog.programme(key) else { throw HTTPError(.notFound) }
            return try await page(request, site, path: peerPath(programme), allowed: PeerPage.parameters) { layout in
                try PeerPage(data: site.data, layout: layout, programme: programme).render()
            }
        }
        for facet in FacetPage.Facet.allCases {
            route(RouterPath("/\(facet.rawValue)")) { request, _, site in
                return try await page(request, site, path: "/\(facet.rawValue)", allowed: []) { layout in
                    FacetIndexPage(data: site.data, layout: layout, facet: facet).render()
                }
            }
            route(RouterPath("/\(facet.rawValue)/:id")) { request, context, site in
                guard let id = context.parameters.get("id"),
                    let entry = site.data.catalog.taxonomy.entry(id, in: facet.taxonomyFacet)
                else { throw HTTPError(.notFound) }
                return try await page(request, site, path: "/\(facet.rawValue)/\(entry.id)", allowed: FacetPage.parameters) { layout in
                    try FacetPage(data: site.data, layout: layout, facet: facet, entry: entry).render()
                }
            }
        }
        route("/compare") { request, _, site in
            return try await page(request, site, path: "/compare", allowed: []) { ViewIndexPage(views: site.data.views, layout: $0).render() }
        }
        route("/compare/:view") { request, context, site in
            guard let view = site.data.view(named: context.parameters.get("view")) else { throw HTTPError(.notFound) }
            return try await page(request, site, path: "/compare/\(view.rawValue)", allowed: ViewPage.parameters(for: view)) { layout in
                try ViewPage(data: site.data, layout: layout, view: view).render()
            }
        }
        route("/compare/:view/:format") { request, context, site in
            guard let view = site.data.view(named: context.parameters.get("view")),
                let format = context.parameters.get("format"), ["csv", "json"].contains(format)
            else { throw HTTPError(.notFound) }
            return try await cached(request, site) {
                let query = try PageQuery(rawQuery: request.uri.query, allowed: ViewPage.downloadParameters)
                let download = try ViewPage.download(view, format: format, data: site.data, query: query)
                var headers: HTTPFields = [.contentType: download.contentType]
                headers[.contentDisposition] = "attachment; filename=\"inclusiebench-\(view.rawValue).\(format)\""
                return CachedResponse(status: .ok, headers: headers, body: ByteBuffer(bytes: download.bytes))
            }
        }
        route("/search") { request, _, site in
            return try await page(request, site, path: "/search", allowed: SearchPage.parameters) { layout in
                try SearchPage(data: site.data, layout: layout).render()
            }
        }
        route("/style.css") { request, _, site in
            // Refused like every page when it is asked with parameters: a URL always means one thing.
            return try await cached(request, site) {
                _ = try PageQuery(rawQuery: request.uri.query, allowed: [])
                return CachedResponse(
                    status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                    body: ByteBuffer(string: SiteStyle.css))
            }
        }
        return router
    }

    /// An HTML page for a request, refused with a 400 page when its query is not what the page takes.
    private func page(
        _ request: Request, _ site: SiteSnapshot, path: String, allowed: [String],
        render: @escaping @Sendable (Layout) throws -> String
    ) async throws -> Response {
        try await cached(request, site) {
            let query = try PageQuery(rawQuery: request.uri.query, allowed: allowed)
            let html = try render(Layout(path: path, query: query, outOfDate: site.outOfDate))
            return CachedResponse(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: html))
        }
    }

    /// The response for the request's exact URL, made once per snapshot of the data; made under the
    /// render limit, so no more pages are made at once than there are cores.
    private func cached(_ request: Request, _ site: SiteSnapshot, make: @escaping @Sendable () throws -> CachedResponse) async throws -> Response {
        let key = request.uri.description
        if let hit = await site.cache.response(for: key) { return hit.response }
        do {
            let made = try await renders.run(make)
            await site.cache.store(made, for: key)
            return made.response
        } catch {
            let refusal =
                error as? PageError
                ?? PageError(
                    status: .internalServerError,
                    message: LocalizedText(nl: "Deze pagina kon niet worden gemaakt: \(error)", en: "This page could not be made: \(error)"))
            return .html(
                errorPage(refusal, path: request.uri.path, language: Self.language(of: request), outOfDate: site.outOfDate), status: refusal.status)
        }
    }

    /// The language a request asked for, read leniently: its query may be what was wrong.
    public static func language(of request: Request) -> InclusieModel.Language {
        (request.uri.query ?? "").split(separator: "&").contains("lang=en") ? .en : .nl
    }
}

extension Response {
    /// A page as the answer, with the content type every page of the site and of the review is sent with.
    public static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

/// A finished response, kept so the same URL is answered without rendering again.
struct CachedResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer

    var response: Response { Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
}

/// Finished responses by URL, bounded in count and bytes so hostile URLs cannot fill the memory.
actor ResponseCache {
    static let maximumCount = 256
    static let maximumBytes = 64 << 20

    private var responses: [String: CachedResponse] = [:]
    private var order: [String] = []
    private var bytes = 0

    func response(for key: String) -> CachedResponse? { responses[key] }

    func store(_ response: CachedResponse, for key: String) {
        guard responses[key] == nil, response.body.readableBytes <= Self.maximumBytes / 4 else { return }
        responses[key] = response
        order.append(key)
        bytes += response.body.readableBytes
        while order.count > Self.maximumCount || bytes > Self.maximumBytes, let oldest = order.first {
            order.removeFirst()
            bytes -= responses.removeValue(forKey: oldest)?.body.readableBytes ?? 0
        }
    }
}

/// Headers that keep every response inert, and the site's own page for addresses that do not exist.
///
/// The Content-Security-Policy allows only the site's own stylesheet: no script, no inline style, no
/// frame, no form posting elsewhere; so even text that escaped escaping could not run.
public struct SitePagesMiddleware<Context: RequestContext>: RouterMiddleware {
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let language = SiteServer.language(of: request)
            let message = LocalizedText(
                nl: "Op dit adres staat niets. Kies hieronder het overzicht, of zoek.",
                en: "There is nothing at this address. Choose the overview below, or search.")
            response = .html(errorPage(PageError(status: .notFound, message: message), path: "/", language: language), status: .notFound)
        }
        Self.makeInert(&response)
        return response
    }

    /// The headers that keep a response inert; also for the responses `HTTPRules` makes itself.
    public static func makeInert(_ response: inout Response) {
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    }
}
