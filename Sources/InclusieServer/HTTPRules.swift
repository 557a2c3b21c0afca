import Foundation
import HTTPTypes
import Hummingbird
import InclusieModel

/// What every request must be before a page is made for it: addressed to this server, and a GET or HEAD.
///
/// - A `Host` that is not the address `serve` listens on (or `localhost` with its port) is refused with
///   421: a page on another site whose DNS name is rebound to 127.0.0.1 would otherwise read this one.
///   On a wildcard address (`0.0.0.0`, `::`) any IP address with the port is taken, as a name is what
///   rebinding needs.
/// - HEAD is answered as GET without the body, with the GET's `Content-Length`; every other method gets
///   405 with `Allow: GET, HEAD`: the site has nothing to post, put or delete.
///
/// Every route is registered for GET and HEAD (the router matches the method before any middleware
/// runs). This middleware is the outermost one, so a HEAD's 404 page loses its body too.
public struct HTTPRules<Context: RequestContext>: RouterMiddleware {
    /// The hosts a request may name, lower case with their port; nil answers any (tests in process).
    private let allowedAuthorities: Set<String>?
    /// Any IP address with this port is taken too: the server listens on every interface.
    private let anyAddressPort: Int?

    public init(listening: (host: String, port: Int)?) {
        guard let (host, port) = listening else {
            allowedAuthorities = nil
            anyAddressPort = nil
            return
        }
        let shown = host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()
        var names = ["\(shown):\(port)", "localhost:\(port)"]
        if host == "localhost" { names += ["127.0.0.1:\(port)", "[::1]:\(port)"] }
        // A browser leaves out the default port.
        if port == 80 { names += names.map { String($0.dropLast(3)) } }
        allowedAuthorities = Set(names)
        anyAddressPort = ["0.0.0.0", "::", ""].contains(host) ? port : nil
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard accepts(authority: request.head.authority) else {
            return Self.refusal(
                status: HTTPResponse.Status(code: 421, reasonPhrase: "Misdirected Request"), request: request,
                message: LocalizedText(
                    nl: "Deze server beantwoordt alleen verzoeken aan het adres waarop hij is gestart (of localhost); open de site via dat adres.",
                    en: "This server only answers requests to the address it was started on (or localhost); open the site at that address."))
        }
        switch request.method {
        case .get:
            return try await next(request, context)
        case .head:
            let response = try await next(request, context)
            var headers = response.headers
            if let length = response.body.contentLength { headers[.contentLength] = String(length) }
            return Response(status: response.status, headers: headers, body: ResponseBody())
        default:
            var response = Self.refusal(
                status: .methodNotAllowed, request: request,
                message: LocalizedText(
                    nl: "Deze site wordt alleen gelezen: ze beantwoordt GET en HEAD, geen \(request.method.rawValue.prefix(20)).",
                    en: "This site is read-only: it answers GET and HEAD, not \(request.method.rawValue.prefix(20))."))
            response.headers[.allow] = "GET, HEAD"
            return response
        }
    }

    /// Whether a request's `Host` (its HTTP/2 authority) names this server.
    public func accepts(authority: String?) -> Bool {
        guard let allowedAuthorities else { return true }
        guard let authority = authority?.lowercased() else { return false }
        if allowedAuthorities.contains(authority) { return true }
        guard let port = anyAddressPort, authority.hasSuffix(":\(port)") else { return false }
        var host = String(authority.dropLast(":\(port)".count))
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func refusal(status: HTTPResponse.Status, request: Request, message: LocalizedText) -> Response {
        let page = errorPage(PageError(status: status, message: message), path: "/", language: SiteServer.language(of: request))
        var response = Response.html(page, status: status)
        if request.method == .head { response.body = ResponseBody() }
        SitePagesMiddleware<Context>.makeInert(&response)
        return response
    }
}

/// At most one page made per core at a time, and a bounded queue of requests waiting to be made.
///
/// Pages are made synchronously on the threads that also answer every other request: without a bound,
/// a few expensive pages at once held every thread and the memory of each, and even `/style.css` went
/// unanswered. A request beyond the queue gets 503 at once instead of waiting without end.
actor RenderLimit {
    private let permits: Int
    private let maximumWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int = ProcessInfo.processInfo.activeProcessorCount, maximumWaiting: Int = 64) {
        self.permits = max(1, permits)
        self.maximumWaiting = maximumWaiting
    }

    /// Runs `work` once a permit is free, on the caller's thread, not on this actor.
    nonisolated func run<T: Sendable>(_ work: @Sendable () throws -> T) async throws -> T {
        try await acquire()
        let result = Result { try work() }
        await release()
        return try result.get()
    }

    private func acquire() async throws(PageError) {
        if running < permits {
            running += 1
            return
        }
        guard waiting.count < maximumWaiting else {
            throw PageError(
                status: .serviceUnavailable,
                message: LocalizedText(
                    nl: "De server is even te druk; probeer het over een paar seconden opnieuw.",
                    en: "The server is too busy for a moment; try again in a few seconds."))
        }
        // The permit is handed over by `release`, so `running` stays as it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
