import Foundation
import HTTPTypes
import Hummingbird
import InclusieModel
import InclusiePlugins
import InclusieDrafting
import InclusieServer

/// The review application: the start page, a review page per programme file, and the changes it posts.
///
/// Every change is a plain HTML form (no script): it carries the session's token, the digest of the file
/// it was made against, and the path of the item it changes. The change is saved at once, and the answer
/// is a redirect to the review page, which validates the folder again and lists what is wrong beside each
/// item. Only files found in the `--municipalities` folder's own listing are opened or written.
public struct ReviewServer: Sendable {
    let workspace: ReviewWorkspace
    /// The per-session secret every form carries: a page of another site cannot read it, so cannot post.
    let token: String
    let port: Int
    /// Where `serve` is expected to run, for the link to a finished programme's page.
    let servePort: Int
    /// The bytes each save replaced, for undo.
    let history = ReviewHistory()

    public init(workspace: ReviewWorkspace, port: Int, token: String = ReviewServer.newToken(), servePort: Int = 8080) {
        self.workspace = workspace
        self.port = port
        self.token = token
        self.servePort = servePort
    }

    /// 32 random bytes from the system's generator, in hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The fields every form posts.
    struct Form: Decodable {
        var token: String?
        var version: String?
        var path: String?
        var lang: String?
        /// A facet picker: which facet (`themes`, `instruments`, `roles`, `target_groups`), its primary id,
        /// then the others ticked. `primary` also gives a new item its theme.
        var facet: String?
        var primary: String?
        var ids: [String]?
        /// The status picker.
        var status: String?
        /// A new item: its passage of the source, title, section and group.
        var quote: String?
        var title: String?
        var section: String?
        var group: String?
        /// Which of an item's quotes or reasons a button names.
        var index: Int?
        /// An item's years as typed (`2025, 2026`); a budget line's years and amounts, row by row, or one
        /// amount for a period (`from`, `until`, `periodamount`), or one without years (`undated`).
        var yearlist: String?
        var years: [String]?
        var amounts: [String]?
        var periodamount: String?
        var undated: String?
        /// Where an item is moved: a list's path, as `ReviewUnit.moveTargets` names it.
        var to: String?
        /// The programme's own fields: adoption status, who wrote it and their name, and the period's first
        /// and last year.
        var adoption: String?
        var authortype: String?
        var author: String?
        var from: String?
        var until: String?
        /// The budget's state once it has no lines (`unknown` or `none`), and why there is none; its quote
        /// comes in `quote` and `section`.
        var budget: String?
        var reason: String?
        /// A budget line's kind of money, label and precision, or the programme kind its source is drafted
        /// in again.
        var kind: String?
        var label: String?
        var precision: String?
    }

    /// Longer than this is a passage, not a title.
    static let maximumTitleLength = 300

    /// A title or a name as typed: one line, trimmed, not empty, not too long.
    static func oneLine(_ text: String?) -> String? {
        guard let title = text?.trimmingCharacters(in: .whitespaces), !title.isEmpty, title.count <= maximumTitleLength,
            !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return title
    }

    /// A period as typed: both years empty (none), a first year (open-ended), or a first and a last that
    /// does not come before it; nil for anything else.
    static func period(from fromText: String?, until untilText: String?) -> (from: Int?, to: Int?)? {
        let first = (fromText ?? "").trimmingCharacters(in: .whitespaces)
        let last = (untilText ?? "").trimmingCharacters(in: .whitespaces)
        if first.isEmpty { return last.isEmpty ? (nil, nil) : nil }
        guard let from = YearAmount.year(first) else { return nil }
        if last.isEmpty { return (from, nil) }
        guard let to = YearAmount.year(last), to >= from else { return nil }
        return (from, to)
    }

    /// A text typed in a form, trimmed; nil when empty.
    static func typed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// The largest upload: a PDF as large as `draft` reads, and the form's few fields around it.
    static let maximumUploadBytes = DocumentReader.maximumPDFBytes + 64 * 1024

    /// Form bodies are a few hundred bytes; a picker with every theme ticked stays far below this.
    static let maximumFormBytes = 64 * 1024

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ReviewRules(port: port))
        router.get("/") { request, _ in
            let language = SiteServer.language(of: request)
            return Response.html(startPage(language: language))
        }
        router.post("/start") { request, _ in
            try await start(request)
        }
        router.get("/review.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ReviewScript.source)))
        }
        router.get("/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: SiteStyle.css + ReviewPage.css)))
        }
        router.get("/review/:municipality/:file") { request, context in
            let language = SiteServer.language(of: request)
            let file: PluginFile
            do throws(ReviewError) {
                file = try workspace.file(municipality: context.parameters.get("municipality") ?? "", name: context.parameters.get("file") ?? "")
            } catch {
                return ReviewPage.refusal(.notFound, error.message, language: language)
            }
            return Response.html(reviewPage(file, language: language))
        }
        for action in [
            "accept", "accept-reason", "remove", "remove-quote", "facet", "status", "add", "quote", "undo", "years", "amounts", "move",
            "merge", "split", "title", "programme", "budget", "budget-line", "kind", "finish",
        ] {
            router.post(RouterPath("/review/:municipality/:file/\(action)")) { request, context in
                try await change(action, request: request, context: context)
            }
        }
        return router
    }

    func reviewPage(_ file: PluginFile, language: Language, notice: LocalizedText? = nil, finished: String? = nil) -> String {
        let check = workspace.check(file)
        return ReviewPage(
            file: file, check: check, source: workspace.sourceText(of: file), token: token, language: language, notice: notice,
            finishedLink: finished, undoSteps: history.count(file.key)
        ).render()
    }

    func startPage(language: Language, notice: LocalizedText? = nil) -> String {
        ReviewPage.start(
            entries: workspace.entries(), municipalities: workspace.municipalities(), directory: workspace.directory, token: token,
            language: language, notice: notice)
    }

    /// Saves an edited tree over `file`, keeping the bytes it replaces for undo.
    /// `place` is the page's anchor of what changed, where an undo of it opens the page again.
    func save(_ value: YAMLValue, over file: PluginFile, place: String) throws(ReviewError) -> PluginFile {
        let saved = try file.saving(value, taxonomy: workspace.taxonomyPath)
        history.record(file.key, before: file.bytes, after: saved.version, place: place)
        return saved
    }

    /// The start page's upload: a document drafted for an existing or a new municipality, then its review.
    private func start(_ request: Request) async throws -> Response {
        let buffer = try await request.body.collect(upTo: Self.maximumUploadBytes)
        let form = MultipartForm(body: Data(buffer.readableBytesView), contentType: request.headers[.contentType] ?? "")
        let language: Language = form?.text("lang") == "en" ? .en : .nl
        guard let form, let sent = form.text("token"), Self.constantTimeEqual(sent, token) else {
            return Self.withoutToken(language)
        }
        guard let document = form.file("document"), let fileName = document.fileName, !document.data.isEmpty else {
            return .html(
                startPage(language: language, notice: LocalizedText(nl: "Kies een document om in te lezen.", en: "Choose a document to read.")),
                status: .unprocessableContent)
        }
        let field = { (name: String) in form.text(name) ?? "" }
        let municipality: NewDraft.Municipality =
            field("municipality") == "new"
            ? .new(
                NewMunicipality(
                    slug: field("new_slug"), name: field("new_name"), province: field("new_province"), cbsCode: field("new_cbs_code"),
                    population: field("new_population"), referenceDate: field("new_reference_date"), publisher: field("new_publisher")))
            : .existing(field("municipality"))
        let kind = field("kind").isEmpty ? nil : field("kind")
        do throws(ReviewError) {
            let file = try workspace.draft(NewDraft(fileName: fileName, document: document.data, kind: kind, municipality: municipality))
            let page = "/review/\(file.municipality)/\(file.name)" + (language == .en ? "?lang=en" : "")
            return Response(status: .seeOther, headers: [.location: page])
        } catch {
            return .html(startPage(language: language, notice: error.message), status: .unprocessableContent)
        }
    }

    private func change(_ action: String, request: Request, context: BasicRequestContext) async throws -> Response {
        let buffer = try await request.body.collect(upTo: Self.maximumFormBytes)
        let form = (try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))) ?? Form()
        let language: Language = form.lang == "en" ? .en : .nl
        func refuse(_ status: HTTPResponse.Status, _ nl: String, _ en: String) -> Response {
            ReviewPage.refusal(status, LocalizedText(nl: nl, en: en), language: language)
        }
        guard let sent = form.token, Self.constantTimeEqual(sent, token) else {
            return Self.withoutToken(language)
        }
        let file: PluginFile
        do throws(ReviewError) {
            file = try workspace.file(municipality: context.parameters.get("municipality") ?? "", name: context.parameters.get("file") ?? "")
        } catch {
            return ReviewPage.refusal(.notFound, error.message, language: language)
        }
        guard form.version == file.version else {
            return ReviewPage.refusal(.conflict, PluginFile.changedOnDisk(file.name).message, language: language)
        }
        let page = "/review/\(file.municipality)/\(file.name)" + (language == .en ? "?lang=en" : "")
        if action == "finish" {
            do throws(ReviewError) {
                let catalog = try workspace.finish(file)
                let link = file.programmeKey.flatMap { key in catalog.programme(key).map { _ in "http://127.0.0.1:\(servePort)/programmes/\(key)" } }
                return .html(reviewPage(file, language: language, finished: link ?? "http://127.0.0.1:\(servePort)/"))
            } catch {
                return .html(reviewPage(file, language: language, notice: error.message), status: .unprocessableContent)
            }
        }
        if action == "add" || action == "quote" {
            return add(form, to: file, page: page, language: language, asQuote: action == "quote")
        }
        if action == "undo" {
            guard let step = history.takeLast(file.key, current: file.version) else {
                return refuse(
                    .conflict, "Er is niets ongedaan te maken: deze sessie heeft dit bestand niet veranderd, of het is daarna elders veranderd.",
                    "There is nothing to undo: this session has not changed this file, or it was changed elsewhere since.")
            }
            do throws(ReviewError) {
                _ = try file.replacing(with: step.before, taxonomy: workspace.taxonomyPath)
            } catch {
                history.putBack(file.key, step)
                return ReviewPage.refusal(.conflict, error.message, language: language)
            }
            return Response(status: .seeOther, headers: [.location: page + step.place])
        }
        if action == "kind" {
            return redraft(file, kind: form.kind ?? "", page: page, language: language)
        }
        let path = ReviewUnit.path(fromForm: form.path ?? "")
        guard ReviewUnit.isWellFormed(path) else {
            return refuse(.badRequest, "Dit verzoek noemt geen onderdeel van het programma.", "This request names no part of the programme.")
        }
        let edit: ReviewEdit
        switch action {
        case "accept": edit = .accept(path)
        case "remove": edit = .remove(path)
        case "title", "programme":
            guard let title = Self.oneLine(form.title) else {
                return refuse(
                    .unprocessableContent, "Geef een titel van één regel, hoogstens \(Self.maximumTitleLength) tekens.",
                    "Give a title of one line, at most \(Self.maximumTitleLength) characters.")
            }
            guard action == "programme" else {
                edit = .setTitle(path, title: title)
                break
            }
            guard let adoption = form.adoption, AdoptionStatus(rawValue: adoption) != nil,
                let authorType = form.authortype.flatMap(Author.AuthorType.init(rawValue:)),
                let period = Self.period(from: form.from, until: form.until), let author = Self.oneLine(form.author)
            else {
                return refuse(
                    .unprocessableContent,
                    "Geef de auteur op één regel, kies de soort auteur en de vaststelling uit de lijsten, en schrijf de periode als jaren van vier cijfers (het eerste jaar, en het laatste als het document dat noemt).",
                    "Give the author on one line, choose the kind of author and the adoption status from the lists, and write the period as four-digit years (the first, and the last when the document gives it).")
            }
            edit = .setProgrammeFields(
                title: title, authorType: authorType, authorName: author, adoptionStatus: adoption, from: period.from, to: period.to)
        case "budget-line":
            guard let kind = form.kind.flatMap(BudgetKind.init(rawValue:)), let label = Self.oneLine(form.label),
                let precision = form.precision.flatMap(BudgetPrecision.init(rawValue:))
            else {
                return refuse(
                    .unprocessableContent,
                    "Kies de soort geld en de nauwkeurigheid uit de lijsten en geef de omschrijving op één regel, hoogstens \(Self.maximumTitleLength) tekens.",
                    "Choose the kind of money and the precision from the lists and give the label on one line, at most \(Self.maximumTitleLength) characters.")
            }
            edit = .setBudgetLine(path, kind: kind, label: label, precision: precision)
        case "budget":
            switch form.budget {
            case "unknown":
                edit = .setBudget(.unknown)
            case "none":
                guard let reason = Self.oneLine(form.reason) else {
                    return refuse(
                        .unprocessableContent, "Schrijf op één regel waarom er geen begroting is, in de woorden van het document.",
                        "Write on one line why there is no budget, in the document's words.")
                }
                // No passage keeps the quote the budget has.
                var evidence: Evidence?
                if let quote = Self.typed(form.quote) {
                    guard let section = Self.typed(form.section), section.count <= 300, quote.count <= 2000, isInSource(quote, of: file) else {
                        return refuse(
                            .unprocessableContent,
                            "Het citaat moet letterlijk in de brontekst staan (hoogstens 2000 tekens), met de kop waaronder het staat.",
                            "The quote must stand in the source text as it is (at most 2000 characters), with the heading it stands under.")
                    }
                    evidence = Evidence(quote: quote, section: section)
                }
                edit = .setBudget(.none(reason: reason, quote: evidence))
            default:
                return refuse(.badRequest, "Kies voor de begroting 'onbekend' of 'geen'.", "Choose 'unknown' or 'none' for the budget.")
            }
        case "years":
            guard let years = YearAmount.years(form.yearlist ?? "") else {
                return refuse(
                    .unprocessableContent, "Schrijf jaren als vier cijfers, gescheiden door komma's, zoals 2025, 2026.",
                    "Write years as four digits separated by commas, such as 2025, 2026.")
            }
            edit = .setYears(path, years: years)
        case "amounts":
            var amounts: [YearAmount] = []
            for (yearText, amountText) in zip(form.years ?? [], form.amounts ?? []) {
                // An empty amount removes its year (and an empty row is the one left for a new year).
                if amountText.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                guard let year = YearAmount.year(yearText), !amounts.contains(where: { $0.year == year }),
                    let money = DutchNumbers.typedAmount(amountText)
                else {
                    return refuse(
                        .unprocessableContent,
                        "Schrijf elk jaar als vier cijfers (één keer) en het bedrag in euro's, zoals 2025 en 23.200 of € 1,7 miljoen.",
                        "Write each year as four digits (once) and its amount in euros, such as 2025 and 23.200 or € 1,7 miljoen.")
                }
                amounts.append(YearAmount(year: year, euros: money.pluginEuros))
            }
            let periodGiven = [form.from, form.until, form.periodamount].contains { Self.typed($0) != nil }
            let undated = Self.typed(form.undated)
            guard [!amounts.isEmpty, periodGiven, undated != nil].filter({ $0 }).count <= 1 else {
                return refuse(
                    .unprocessableContent,
                    "Geef bedragen per jaar, óf één bedrag voor een periode, óf één bedrag zonder jaren: een regel heeft er één van.",
                    "Give amounts per year, or one amount for a period, or one amount without years: a line has one of them.")
            }
            if periodGiven {
                guard let period = Self.period(from: form.from, until: form.until), let from = period.from, let to = period.to,
                    let money = DutchNumbers.typedAmount(form.periodamount ?? "")
                else {
                    return refuse(
                        .unprocessableContent,
                        "Schrijf de periode als twee jaren van vier cijfers (het eerste en het laatste) en het bedrag in euro's, zoals 2025, 2027 en 1,7 miljoen.",
                        "Write the period as two four-digit years (the first and the last) and the amount in euros, such as 2025, 2027 and 1,7 miljoen.")
                }
                edit = .setAmounts(path, .period(from: from, to: to, euros: money.pluginEuros))
            } else if let undated {
                guard let money = DutchNumbers.typedAmount(undated) else {
                    return refuse(
                        .unprocessableContent, "Schrijf het bedrag in euro's, zoals 145.000 of € 1,7 miljoen.",
                        "Write the amount in euros, such as 145.000 or € 1,7 miljoen.")
                }
                edit = .setAmounts(path, .undated(euros: money.pluginEuros))
            } else {
                edit = .setAmounts(path, .perYear(amounts.sorted { $0.year < $1.year }))
            }
        case "move":
            let targets = ReviewUnit.moveTargets(in: file.value)
            guard let to = form.to, let target = targets.first(where: { $0.joined(separator: "/") == to }) else {
                return refuse(.badRequest, "Onbekende plaats gekozen.", "An unknown place was chosen.")
            }
            edit = .move(path, to: target)
        case "merge":
            let target = ReviewUnit.path(fromForm: form.to ?? "")
            guard ReviewUnit.isWellFormed(target), !target.isEmpty else {
                return refuse(.badRequest, "Kies het onderdeel om mee samen te voegen.", "Choose the item to merge with.")
            }
            edit = .merge(path, into: target)
        case "split":
            guard let index = form.index, let quote = file.value.value(at: path)?["evidence"]?.elements[safe: index]?["quote"]?.string else {
                return refuse(.badRequest, "Dit verzoek noemt geen citaat.", "This request names no quote.")
            }
            edit = .split(path, quote: index, title: Drafter.title(ofQuote: quote))
        case "accept-reason", "remove-quote":
            guard let index = form.index else {
                return refuse(.badRequest, "Dit verzoek noemt geen citaat of reden.", "This request names no quote or reason.")
            }
            edit = action == "remove-quote" ? .removeQuote(path, index: index) : .acceptReason(path, index: index)
        case "status":
            guard let status = form.status, workspace.check(file).taxonomy?.contains(status, in: .itemStatus) == true else {
                return refuse(.badRequest, "Onbekende status gekozen.", "An unknown status was chosen.")
            }
            edit = .setStatus(path, status: status)
        default:
            let taxonomy = workspace.check(file).taxonomy
            let chosen = ([form.primary ?? ""] + (form.ids ?? [])).filter { !$0.isEmpty }
            var ids: [String] = []
            for id in chosen where !ids.contains(id) { ids.append(id) }
            guard let facet = ReviewPage.pickedFacets.first(where: { $0.pluginKey == form.facet }), let taxonomy,
                ids.allSatisfy({ taxonomy.contains($0, in: facet) })
            else {
                return refuse(.badRequest, "Onbekende keuze uit de taxonomie.", "An unknown choice from the taxonomy.")
            }
            edit = .setFacet(path, key: facet.pluginKey, ids: ids)
        }
        let saved: PluginFile
        do throws(ReviewError) {
            saved = try save(try edit.apply(to: file.value), over: file, place: "#item-\(path.last ?? "programme")")
        } catch {
            return ReviewPage.refusal(.conflict, error.message, language: language)
        }
        // After an accept the page opens at the next part still to review, so its key accepts that one.
        let units = ReviewUnit.units(in: saved.value)
        let position = ReviewUnit.units(in: file.value).firstIndex { $0.path == path } ?? 0
        let accepted = action == "accept" || (action == "accept-reason" && units.first { $0.path == path }?.isSuggestion != true)
        let next = accepted ? (units.dropFirst(position) + units.prefix(position)).first(where: \.isSuggestion) : nil
        let merged = action == "merge" ? ReviewUnit.path(fromForm: form.to ?? "").last : nil
        let anchor = action == "remove" ? "#items" : "#item-\(merged ?? next?.id ?? path.last ?? "programme")"
        return Response(status: .seeOther, headers: [.location: page + anchor])
    }

    /// A new item from a passage of the source: refused unless the passage stands in the source as it is
    /// (white space and typographic quotes aside, as `validate` compares), so its quote is verbatim.
    private func add(_ form: Form, to file: PluginFile, page: String, language: Language, asQuote: Bool) -> Response {
        func refuse(_ nl: String, _ en: String) -> Response {
            ReviewPage.refusal(.unprocessableContent, LocalizedText(nl: nl, en: en), language: language)
        }
        let clean = { (text: String?) in (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let quote = clean(form.quote)
        let title = clean(form.title)
        let section = clean(form.section)
        let groups = ProgrammeKinds().details(of: file.value["kind"]?.string ?? "")?.groupKeys ?? []
        let target = ReviewUnit.path(fromForm: form.path ?? "")
        if asQuote {
            guard !target.isEmpty, ReviewUnit.isWellFormed(target) else {
                return refuse("Kies het onderdeel dat het citaat krijgt.", "Choose the item the quote goes to.")
            }
        } else if form.group.map(groups.contains) != true {
            return refuse("Kies een groep van dit soort programma.", "Choose a group of this kind of programme.")
        }
        guard !quote.isEmpty, quote.count <= 2000, asQuote || (!title.isEmpty && title.count <= 300), !section.isEmpty, section.count <= 300 else {
            return refuse(
                "Vul de passage (hoogstens 2000 tekens), de titel en de sectie in.",
                "Fill in the passage (at most 2000 characters), the title and the section.")
        }
        guard isInSource(quote, of: file) else {
            return refuse(
                "Deze passage staat niet letterlijk in de brontekst; kopieer haar uit de brontekst links.",
                "This passage is not in the source text as it is; copy it from the source text on the left.")
        }
        let primary = clean(form.primary)
        if !primary.isEmpty, workspace.check(file).taxonomy?.contains(primary, in: .theme) != true {
            return refuse("Onbekend thema gekozen.", "An unknown theme was chosen.")
        }
        let before = Set(ReviewUnit.units(in: file.value).map(\.id))
        let saved: PluginFile
        do throws(ReviewError) {
            let edit =
                asQuote
                ? ReviewEdit.addQuote(target, quote: quote, section: section)
                : ReviewEdit.addItem(group: form.group ?? "", title: title, quote: quote, section: section, themes: primary.isEmpty ? [] : [primary])
            saved = try save(try edit.apply(to: file.value), over: file, place: asQuote ? "#item-\(target.last ?? "")" : "#items")
        } catch {
            return ReviewPage.refusal(.conflict, error.message, language: language)
        }
        let added = asQuote ? target.last : ReviewUnit.units(in: saved.value).first { !before.contains($0.id) }?.id
        return Response(status: .seeOther, headers: [.location: page + (added.map { "#item-\($0)" } ?? "#items")])
    }

    /// Whether a passage stands in the file's source text as it is (white space and typographic quotes aside,
    /// as `validate` compares), so that a quote made of it is verbatim.
    private func isInSource(_ passage: String, of file: PluginFile) -> Bool {
        guard let source = workspace.sourceText(of: file) else { return false }
        return QuoteChecker.normalise(source).contains(QuoteChecker.normalise(passage))
    }

    /// The file's source text drafted again in another kind, in place of every edit so far; an undo brings
    /// the previous version back.
    private func redraft(_ file: PluginFile, kind: String, page: String, language: Language) -> Response {
        do throws(ReviewError) {
            let text = try workspace.redraft(file, kind: kind)
            let saved = try file.replacing(with: Data(text.utf8), taxonomy: workspace.taxonomyPath)
            history.record(file.key, before: file.bytes, after: saved.version, place: "#item-programme")
        } catch {
            return ReviewPage.refusal(.unprocessableContent, error.message, language: language)
        }
        return Response(status: .seeOther, headers: [.location: page + "#item-programme"])
    }

    /// The answer to a change that lacks this session's token.
    static func withoutToken(_ language: Language) -> Response {
        ReviewPage.refusal(
            .forbidden,
            LocalizedText(
                nl: "Deze wijziging heeft niet het sleutelwoord van deze sessie; open de review opnieuw vanaf de startpagina.",
                en: "This change lacks this session's token; open the review again from its start page."),
            language: language)
    }

    /// Compares every byte, so the time taken says nothing about how much of a guessed token was right.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Array {
    /// The element at `index`, or nil when there is none: an index from a form may be anything.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
