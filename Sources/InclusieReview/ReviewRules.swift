import Foundation
import HTTPTypes
import Hummingbird
import InclusieModel
import InclusieServer

/// What every request to the review must be: addressed to the address it serves, by GET, HEAD or POST,
/// and a POST sent by a page of this server.
///
/// The review changes files, so it is stricter than `serve`: a `Host` other than `127.0.0.1:<port>` or
/// `localhost:<port>` gets 421 (a web page elsewhere whose DNS name is rebound to 127.0.0.1 would otherwise
/// reach it), none at all 400; a POST whose `Origin` is not this server gets 403 (no other site can make a
/// browser change a plugin). The per-session token every form carries is checked by the routes, which read
/// the form. Every response, refusals included, gets `serve`'s headers and Content-Security-Policy, but
/// `Referrer-Policy: same-origin`.
struct ReviewRules<Context: RequestContext>: RouterMiddleware {
    /// `serve`'s check of a `Host`, for the one address the review listens on; an `Origin` names the same.
    private let address: HTTPRules<Context>

    init(port: Int) {
        address = HTTPRules(listening: ("127.0.0.1", port))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await answer(request, context: context, next: next)
        } catch let error as HTTPError {
            let message =
                switch error.status {
                case .notFound: LocalizedText(nl: "Op dit adres staat niets.", en: "There is nothing at this address.")
                case .contentTooLarge:
                    LocalizedText(
                        nl: "Dit is te groot: een document mag hoogstens 20 MB zijn; lees het per hoofdstuk in.",
                        en: "This is too large: a document may be 20 MB at most; read it one chapter at a time.")
                default: LocalizedText(nl: "Dit verzoek kan niet worden beantwoord.", en: "This request cannot be answered.")
                }
            response = ReviewPage.refusal(error.status, message, language: .nl)
        }
        SitePagesMiddleware<Context>.makeInert(&response)
        // serve's policy with one addition: the review's own script file (selection, keys), never inline script.
        response.headers[.contentSecurityPolicy] = response.headers[.contentSecurityPolicy]?
            .replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'self';")
        // Not serve's `no-referrer`: under it a browser sends `Origin: null` with a form's POST, even to
        // the same origin, and the Origin check would refuse every change. `same-origin` still sends no
        // address to any other site.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func answer(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority?.lowercased() else {
            return ReviewPage.refusal(
                .badRequest, LocalizedText(nl: "Dit verzoek noemt geen Host.", en: "This request names no Host."), language: .nl)
        }
        guard address.accepts(authority: authority) else {
            return ReviewPage.refusal(
                HTTPResponse.Status(code: 421, reasonPhrase: "Misdirected Request"),
                LocalizedText(
                    nl: "De review beantwoordt alleen verzoeken aan 127.0.0.1 of localhost met zijn eigen poort; open hem via dat adres.",
                    en: "The review only answers requests to 127.0.0.1 or localhost with its own port; open it at that address."),
                language: .nl)
        }
        switch request.method {
        case .get, .head:
            return try await next(request, context)
        case .post:
            guard let origin = request.headers[.origin]?.lowercased(), origin.hasPrefix("http://"), address.accepts(authority: String(origin.dropFirst(7)))
            else {
                return ReviewPage.refusal(
                    .forbidden,
                    LocalizedText(
                        nl: "Een wijziging wordt alleen aangenomen van de pagina's van deze review zelf (de Origin klopt niet).",
                        en: "A change is only taken from this review's own pages (the Origin does not match)."),
                    language: .nl)
            }
            return try await next(request, context)
        default:
            var response = ReviewPage.refusal(
                .methodNotAllowed,
                LocalizedText(nl: "De review beantwoordt GET, HEAD en POST.", en: "The review answers GET, HEAD and POST."), language: .nl)
            response.headers[.allow] = "GET, HEAD, POST"
            return response
        }
    }
}
