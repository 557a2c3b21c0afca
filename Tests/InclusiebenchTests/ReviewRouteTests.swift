import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieModel
import InclusiePlugins
import InclusieReview
import InclusieStore
import Testing

/// Issue 33: `inclusiebench review` edits a plugin through its own pages, and nothing else can.

extension DraftedFolder {
    /// The review on port 80 of localhost: the in-process client names "localhost" without a port, as a
    /// browser does for port 80.
    func server(port: Int = 80) -> ReviewServer {
        ReviewServer(workspace: ReviewWorkspace(directory: plugins.path, database: database), port: port, token: ReviewClient.token)
    }
}

/// Requests as the review's own pages make them, with what may be left out or changed for hostile ones.
private struct ReviewClient {
    static let token = String(repeating: "ab", count: 32)
    static let page = "/review/havendam/havendam-actieplan-2025-2027.yaml"
    let client: any TestClientProtocol

    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    /// The version (file digest) the review page shows now.
    func version() async throws -> String {
        let body = try await get(Self.page).body
        let match = try #require(body.firstMatch(of: /name="version" value="([0-9a-f]{64})"/))
        return String(match.1)
    }

    func post(
        _ action: String, path: String = "", fields: [(String, String)] = [], token: String? = ReviewClient.token,
        version: String? = nil, origin: String? = "http://localhost", uri: String? = nil
    ) async throws -> (status: HTTPResponse.Status, location: String?, body: String) {
        var form = fields
        if let token { form.append(("token", token)) }
        let shown: String
        if let version { shown = version } else { shown = try await self.version() }
        form.append(("version", shown))
        form.append(("path", path))
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        return try await client.execute(
            uri: uri ?? "\(Self.page)/\(action)", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { ($0.status, $0.headers[.location], String(buffer: $0.body)) }
    }
}

private func withReview<T: Sendable>(_ server: ReviewServer, _ body: @escaping @Sendable (ReviewClient) async throws -> T) async throws -> T {
    try await Application(router: server.router()).test(.router) { client in try await body(ReviewClient(client: client)) }
}

@Suite struct ReviewRouteTests {
    @Test func theStartPageListsTheDraftWithItsReviewMarks() async throws {
        let folder = try DraftedFolder()
        let page = try await withReview(folder.server()) { try await $0.get("/") }
        #expect(page.status == .ok)
        // As many as the drafter wrote marks (`draft` counts them the same way), whatever its cut.
        let marks = folder.marks
        #expect(marks > 0)
        #expect(page.body.contains("concept: \(marks) na te kijken"))
        #expect(page.body.contains("href=\"/review/havendam/havendam-actieplan-2025-2027.yaml\""))
    }

    /// The example's first action runs over a line break in the source; its quote has one space there, as
    /// `validate` compares. It is marked all the same, over the source's own text, so focusing its item
    /// scrolls to it.
    @Test func aQuoteOverALineBreakIsMarkedInTheSource() async throws {
        let folder = try DraftedFolder()
        #expect(folder.text.contains("weten waar zij discriminatie kunnen melden."))
        let page = try await withReview(folder.server()) { try await $0.get(ReviewClient.page) }
        let marks = page.body.matches(of: /<mark id="(src-[^"]+)">([^<]*)<\/mark>/).map { String($0.2) }
        #expect(marks.contains { $0.hasPrefix("We gaan samen met het meldpunt") && $0.contains("waar zij\n    discriminatie kunnen melden.") })
    }

    @Test func theReviewPageShowsSourceItemsReasonsAndTheSameHeadersAsServe() async throws {
        let folder = try DraftedFolder()
        let response = try await Application(router: folder.server().router()).test(.router) { client in
            try await client.execute(uri: ReviewClient.page, method: .get) { ($0.status, $0.headers, String(buffer: $0.body)) }
        }
        #expect(response.0 == .ok)
        #expect(response.1[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(response.1[.contentSecurityPolicy]?.contains("form-action 'self'") == true)
        #expect(response.1[.xContentTypeOptions] == "nosniff")
        // With no-referrer a browser posts forms with `Origin: null`, which the Origin check refuses.
        #expect(response.1[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        let body = response.2
        #expect(body.contains("Havendam wil een stad zijn waar iedereen mee kan doen."), "the source text")
        #expect(body.contains("<mark id=\"src-d-2-1\">"), "quotes are marked in the source")
        #expect(body.contains("id=\"item-d-3\""))
        #expect(body.contains("Waarom voorgesteld"))
        #expect(body.contains("<h3>uitvoeringslijnen (execution_lines)</h3>"), "a group is named for people, not with the file's instructions")
        #expect(body.contains("themes: discrimination-reporting"), "each suggestion's reason")
        #expect(body.contains("name=\"token\" value=\"\(ReviewClient.token)\""))
        #expect(body.contains("commentaarregels"), "the draft's comments are said to go before the first save")
        // One script, from the review itself: no inline script, and the policy allows only that.
        #expect(body.components(separatedBy: "<script").count == 2)
        #expect(body.contains("<script src=\"/review.js\"></script>"))
        #expect(response.1[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        #expect(response.1[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
        #expect(body.contains("<kbd>u</kbd>"), "the keys are shown on the page")
        // The primary theme is ticked among the others too, so choosing another primary does not drop it.
        let primary = try #require(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", "d-3", "themes"])?.elements.first?.string)
        #expect(body.contains("id=\"themes-d-3-\(primary)\" name=\"ids[]\" value=\"\(primary)\" checked=\"checked\""))
    }

    @Test func theScriptIsServedAsJavaScriptUnderTheSamePolicy() async throws {
        let folder = try DraftedFolder()
        let response = try await Application(router: folder.server().router()).test(.router) { client in
            try await client.execute(uri: "/review.js", method: .get) { ($0.status, $0.headers, String(buffer: $0.body)) }
        }
        #expect(response.0 == .ok)
        #expect(response.1[.contentType] == "text/javascript; charset=utf-8")
        #expect(response.1[.xContentTypeOptions] == "nosniff")
        #expect(response.2.contains("selectionchange"))
    }

    @Test func aSelectedPassageBecomesAQuoteOfAnExistingItemOnlyWhenVerbatim() async throws {
        let folder = try DraftedFolder()
        let passage = "Mensen met een beperking lopen in de stad nog tegen drempels aan."
        let item = try #require(ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).first { !$0.isProgramme && !$0.isBudgetLine })
        let quotesBefore = item.value["evidence"]?.elements.count ?? 0
        try await withReview(folder.server()) { review async throws in
            let added = try await review.post("quote", path: item.formPath, fields: [("quote", passage), ("section", "3. Toegankelijkheid")])
            #expect(added.status == .seeOther)
            #expect(added.location == ReviewClient.page + "#item-\(item.id)")
            let evidence = try YAMLValue(yaml: folder.text).value(at: item.path)?["evidence"]?.elements ?? []
            #expect(evidence.count == quotesBefore + 1)
            #expect(evidence.last?["quote"]?.string == passage)
            let before = folder.text
            #expect(try await review.post("quote", path: item.formPath, fields: [("quote", "Dit staat nergens."), ("section", "3")]).status == .unprocessableContent)
            #expect(try await review.post("quote", path: "execution_lines/../x", fields: [("quote", passage), ("section", "3")]).status == .unprocessableContent)
            #expect(try await review.post("quote", path: "execution_lines/no-such", fields: [("quote", passage), ("section", "3")]).status == .conflict)
            #expect(try await review.post("quote", path: "", fields: [("quote", passage), ("section", "3")]).status == .unprocessableContent)
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    @Test func oneSuggestionIsAcceptedAtATimeAndTheLastTakesTheMark() async throws {
        let folder = try DraftedFolder()
        let unit = try #require(ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).first { $0.path == ["budget", "lines", "b-1"] })
        try #require(unit.reasons.count >= 2)
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("accept-reason", path: unit.formPath, fields: [("index", "0")]).status == .seeOther)
            let after = try #require(try YAMLValue(yaml: folder.text).value(at: unit.path))
            #expect(after["suggested_by"]?.elements.compactMap(\.string) == Array(unit.reasons.dropFirst()))
            #expect(after["review"] != nil, "other suggestions are still to be checked")
            #expect(try await review.post("accept-reason", path: unit.formPath, fields: [("index", "9")]).status == .conflict)
            #expect(try await review.post("accept-reason", path: unit.formPath).status == .badRequest)
            for _ in 1..<unit.reasons.count {
                #expect(try await review.post("accept-reason", path: unit.formPath, fields: [("index", "0")]).status == .seeOther)
            }
            let done = try #require(try YAMLValue(yaml: folder.text).value(at: unit.path))
            #expect(done["review"] == nil && done["suggested_by"] == nil)
        }
    }

    @Test func aWeakQuoteGoesButAnItemsLastQuoteStays() async throws {
        let folder = try DraftedFolder()
        let items = ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).filter { !$0.isProgramme && !$0.isBudgetLine }
        let several = try #require(items.first { ($0.value["evidence"]?.elements.count ?? 0) > 1 })
        let single = try #require(items.first { $0.value["evidence"]?.elements.count == 1 })
        let kept = several.value["evidence"]?.elements.dropFirst().map { $0["quote"]?.string }
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("remove-quote", path: several.formPath, fields: [("index", "0")]).status == .seeOther)
            #expect(try YAMLValue(yaml: folder.text).value(at: several.path)?["evidence"]?.elements.map { $0["quote"]?.string } == kept)
            let before = folder.text
            #expect(try await review.post("remove-quote", path: single.formPath, fields: [("index", "0")]).status == .conflict)
            #expect(folder.text == before)
        }
    }

    @Test func yearsAndAmountsAreTypedAsPeopleWriteThem() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("years", path: "execution_lines/d-3/activities/d-4", fields: [("yearlist", "2026, 2025")]).status == .seeOther)
            let item = ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).first { $0.id == "d-4" }
            #expect(item?.value["years"]?.elements.compactMap(\.string) == ["2025", "2026"])
            let amounts = try await review.post(
                "amounts", path: "budget/lines/b-1",
                fields: [
                    ("years[]", "2025"), ("amounts[]", "€ 23.200,50"), ("years[]", "2026"), ("amounts[]", ""), ("years[]", "2027"),
                    ("amounts[]", "1,7 miljoen"), ("years[]", ""), ("amounts[]", ""),
                ])
            #expect(amounts.status == .seeOther)
            let line = try #require(try YAMLValue(yaml: folder.text).value(at: ["budget", "lines", "b-1"]))
            #expect(line["amounts"]?.entries.map { "\($0.key): \($0.value.string ?? "")" } == ["2025: 23200.50", "2027: 1700000"])
            let before = folder.text
            #expect(try await review.post("years", path: "execution_lines/d-3/activities/d-4", fields: [("yearlist", "volgend jaar")]).status == .unprocessableContent)
            #expect(try await review.post("amounts", path: "budget/lines/b-1", fields: [("years[]", "25"), ("amounts[]", "100")]).status == .unprocessableContent)
            #expect(try await review.post("amounts", path: "budget/lines/b-1", fields: [("years[]", "2025"), ("amounts[]", "-5")]).status == .unprocessableContent)
            #expect(try await review.post("amounts", path: "budget/lines/b-1", fields: [("years[]", "2025"), ("amounts[]", "=1+1")]).status == .unprocessableContent)
            #expect(try await review.post("years", path: "budget/lines/b-1", fields: [("yearlist", "2025")]).status == .conflict, "a budget line has amounts, not years")
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    /// A line's money as one amount for a period, or one without years, the shapes `draft` writes when the
    /// text gives no year with an amount; one shape at a time, and what `validate` accepts.
    @Test func aBudgetLineGetsOneAmountForAPeriodOrWithoutYears() async throws {
        let folder = try DraftedFolder()
        let line: @Sendable () throws -> YAMLValue = { try #require(try YAMLValue(yaml: folder.text).value(at: ["budget", "lines", "b-3"])) }
        try await withReview(folder.server()) { review async throws in
            let page = try await review.get(ReviewClient.page).body
            #expect(page.contains("name=\"periodamount\"") && page.contains("name=\"undated\""))
            let period = [("from", "2025"), ("until", "2027"), ("periodamount", "€ 1,7 miljoen")]
            #expect(try await review.post("amounts", path: "budget/lines/b-3", fields: period).status == .seeOther)
            #expect(try line()["period_amount"]?["amount"]?.string == "1700000" && line()["amounts"] == nil)
            #expect(try await review.get(ReviewClient.page).body.contains("2025–2027: € 1.700.000"))
            #expect(try await review.post("amounts", path: "budget/lines/b-3", fields: [("undated", "145.000")]).status == .seeOther)
            #expect(try line()["undated_amount"]?.string == "145000" && line()["period_amount"] == nil)
            let before = folder.text
            for fields in [
                period + [("undated", "100")], [("years[]", "2025"), ("amounts[]", "100"), ("undated", "100")],
                [("from", "2027"), ("until", "2025"), ("periodamount", "100")], [("from", "2025"), ("periodamount", "100")],
                [("from", "2025"), ("until", "2027")], [("undated", "veel")], [("undated", "=1+1")],
            ] {
                #expect(try await review.post("amounts", path: "budget/lines/b-3", fields: fields).status == .unprocessableContent, "\(fields)")
            }
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    /// The draft's guesses for the programme's own fields, and an item's title, are changed in the page.
    @Test func theProgrammesFieldsAndAnItemsTitleAreChangedWithoutYAML() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            let page = try await review.get(ReviewClient.page)
            #expect(page.body.contains("name=\"adoption\""), "the programme has a form for its fields")
            let changed = try await review.post(
                "programme", path: "programme",
                fields: [
                    ("title", "Actieplan Havendam 2025–2026"), ("authortype", "municipality"), ("author", "Gemeente Havendam"),
                    ("adoption", "adopted"), ("from", "2025"), ("until", "2026"),
                ])
            #expect(changed.status == .seeOther)
            let programme = try YAMLValue(yaml: folder.text)
            #expect(programme["title"]?.string == "Actieplan Havendam 2025–2026")
            #expect(programme["adoption_status"]?.string == "adopted")
            #expect(programme["author"]?["name"]?.string == "Gemeente Havendam" && programme["author"]?["type"]?.string == "municipality")
            #expect(programme["period"]?["from"]?.string == "2025" && programme["period"]?["to"]?.string == "2026")
            #expect(folder.text.contains("period: { from: 2025, to: 2026 }"))
            #expect(try await review.post("title", path: "execution_lines/d-3", fields: [("title", "Discriminatie melden")]).status == .seeOther)
            #expect(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", "d-3"])?["title"]?.string == "Discriminatie melden")
            // A title with markup and quotes is a title: kept as typed in the file, escaped on the page.
            let hostile = "Melden <script>alert(1)</script> \"dubbel\" 'enkel' #geen: commentaar"
            #expect(try await review.post("title", path: "execution_lines/d-3", fields: [("title", hostile)]).status == .seeOther)
            #expect(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", "d-3"])?["title"]?.string == hostile)
            #expect(!(try await review.get(ReviewClient.page).body.contains("<script>alert")))
            let before = folder.text
            for fields in [
                [("title", "Titel"), ("author", "Havendam"), ("adoption", "adopted"), ("from", "2025"), ("until", "")],
                [("title", "Titel"), ("authortype", "municipality"), ("author", "Havendam"), ("adoption", "vastgesteld"), ("from", "2025"), ("until", "")],
                [("title", "Titel"), ("authortype", "municipality"), ("author", "Havendam"), ("adoption", "adopted"), ("from", "2026"), ("until", "2025")],
                [("title", "Titel"), ("authortype", "municipality"), ("author", "Havendam"), ("adoption", "adopted"), ("from", ""), ("until", "2025")],
                [("title", " "), ("authortype", "municipality"), ("author", "Havendam"), ("adoption", "adopted"), ("from", "2025"), ("until", "")],
                [("title", "twee\nregels"), ("authortype", "municipality"), ("author", "Havendam"), ("adoption", "adopted"), ("from", "2025"), ("until", "")],
                [("title", "Titel"), ("authortype", "municipality"), ("author", ""), ("adoption", "adopted"), ("from", "2025"), ("until", "")],
            ] {
                #expect(try await review.post("programme", path: "programme", fields: fields).status == .unprocessableContent, "\(fields)")
            }
            #expect(try await review.post("title", path: "budget/lines/b-1", fields: [("title", "Iets")]).status == .conflict, "a budget line has a label")
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    /// Who wrote the programme is one of the model's author types, chosen from a list labelled in both
    /// languages; anything else changes nothing.
    @Test func theProgrammesAuthorTypeIsChosenFromTheModelsList() async throws {
        let folder = try DraftedFolder()
        let drafted = folder.problems
        @Sendable func fields(_ type: String?) -> [(String, String)] {
            [("title", "Actieplan Samen Havendam 2025-2027")] + (type.map { [("authortype", $0)] } ?? [])
                + [("author", "Partij voor Havendam"), ("adoption", "adopted"), ("from", "2025"), ("until", "2027")]
        }
        try await withReview(folder.server()) { review async throws in
            let page = try await review.get(ReviewClient.page).body
            #expect(page.contains("<option value=\"party\">politieke partij / political party</option>"))
            #expect(page.contains("<option value=\"municipality\" selected=\"selected\">gemeente / municipality</option>"))
            let shown = try await review.version()
            #expect(try await review.post("programme", path: "programme", fields: fields("party")).status == .seeOther)
            let author = try YAMLValue(yaml: folder.text)["author"]
            #expect(author?["type"]?.string == "party" && author?["name"]?.string == "Partij voor Havendam")
            #expect(folder.text.contains("author:\n  type: party\n  name: \"Partij voor Havendam\"\n"), "in the drafter's layout")
            #expect(try await review.get(ReviewClient.page).body.contains("Partij voor Havendam (politieke partij)"))
            let before = folder.text
            for type in ["person", "Party", "party ", "", nil] {
                #expect(try await review.post("programme", path: "programme", fields: fields(type)).status == .unprocessableContent, "\(type ?? "none")")
            }
            #expect(try await review.post("programme", path: "programme", fields: fields("municipality"), token: nil).status == .forbidden)
            #expect(try await review.post("programme", path: "programme", fields: fields("municipality"), version: shown).status == .conflict, "a stale page")
            #expect(folder.text == before)
        }
        #expect(folder.problems.isSubset(of: drafted), "no new problems: \(folder.problems.subtracting(drafted))")
    }

    /// A budget line's kind of money comes from the model's list and its label is typed; an item is no line.
    @Test func aBudgetLinesKindAndLabelAreChangedWithoutYAML() async throws {
        let folder = try DraftedFolder()
        let drafted = folder.problems
        try await withReview(folder.server()) { review async throws in
            let page = try await review.get(ReviewClient.page).body
            #expect(page.contains("action=\"\(ReviewClient.page)/budget-line\""))
            #expect(page.contains("<option value=\"staff\">personeel / staff</option>"))
            let shown = try await review.version()
            let changed = try await review.post(
                "budget-line", path: "budget/lines/b-1", fields: [("kind", "staff"), ("label", "Campagne \"melden\" 2025"), ("precision", "indicative")])
            #expect(changed.status == .seeOther)
            #expect(changed.location == ReviewClient.page + "#item-b-1")
            let line = try #require(try YAMLValue(yaml: folder.text).value(at: ["budget", "lines", "b-1"]))
            #expect(line["kind"]?.string == "staff" && line["label"]?.string == "Campagne \"melden\" 2025")
            #expect(folder.text.contains("      kind: staff\n      precision: indicative\n"), "kind and precision stay where they stood")
            #expect(try YAMLValue(yaml: folder.text).value(at: ["budget", "lines", "b-2", "kind"])?.string == "own-programme-money")
            let before = folder.text
            for fields in [
                [("kind", "salary"), ("label", "Campagne")], [("kind", "Staff"), ("label", "Campagne")], [("label", "Campagne")],
                [("kind", "staff"), ("label", " ")], [("kind", "staff"), ("label", "twee\nregels")], [("kind", "staff")],
                [("kind", "staff"), ("label", "Campagne")], [("kind", "staff"), ("label", "Campagne"), ("precision", "roughly")],
            ] {
                #expect(try await review.post("budget-line", path: "budget/lines/b-1", fields: fields).status == .unprocessableContent, "\(fields)")
            }
            let valid = [("kind", "grant-received"), ("label", "Bijdrage"), ("precision", "exact")]
            #expect(try await review.post("budget-line", path: "execution_lines/d-3", fields: valid).status == .conflict, "an item is no budget line")
            #expect(try await review.post("budget-line", path: "budget/lines/b-9", fields: valid).status == .conflict)
            #expect(try await review.post("budget-line", path: "budget/lines/../b-1", fields: valid).status == .badRequest)
            #expect(try await review.post("budget-line", path: "budget/lines/b-1", fields: valid, token: nil).status == .forbidden)
            #expect(try await review.post("budget-line", path: "budget/lines/b-1", fields: valid, version: shown).status == .conflict, "a stale page")
            #expect(folder.text == before)
        }
        #expect(folder.problems.isSubset(of: drafted), "no new problems: \(folder.problems.subtracting(drafted))")
    }

    /// Lines are never thrown away by a change of state: they go one by one, and then the budget is
    /// unknown, or none with a reason and a verbatim quote.
    @Test func theBudgetBecomesUnknownOrNoneOnceItsLinesAreRemovedOneByOne() async throws {
        let folder = try DraftedFolder()
        let drafted = folder.problems
        let passage = "Voor dit actieplan is € 1.700.000 beschikbaar over drie jaar."
        let reason = "Het actieplan heeft geen eigen begroting."
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.get(ReviewClient.page).body.contains("id=\"budget-lines-kept\""), "with lines, the page says they stay")
            let drafted = folder.text
            let refused = try await review.post("budget", path: "programme", fields: [("budget", "unknown")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("verwijder die eerst één voor één"))
            #expect(folder.text == drafted)
            for line in ReviewUnit.units(in: try YAMLValue(yaml: drafted)).filter(\.isBudgetLine) {
                #expect(try await review.post("remove", path: line.formPath).status == .seeOther)
            }
            let page = try await review.get(ReviewClient.page).body
            #expect(page.contains("name=\"budget\"") && !page.contains("budget-lines-kept"))

            #expect(try await review.post("budget", path: "programme", fields: [("budget", "unknown")]).status == .seeOther)
            #expect(folder.text.contains("\nbudget: unknown\n"))
            let withoutQuote = try await review.post("budget", path: "programme", fields: [("budget", "none"), ("reason", reason)])
            #expect(withoutQuote.status == .conflict, "no budget is stated without a quote")
            #expect(withoutQuote.body.contains("passage uit de brontekst"))
            let none = try await review.post(
                "budget", path: "programme", fields: [("budget", "none"), ("reason", reason), ("quote", passage), ("section", "5. Begroting")])
            #expect(none.status == .seeOther)
            var budget = try YAMLValue(yaml: folder.text)["budget"]
            #expect(budget?["none"]?.string == reason)
            #expect(budget?["evidence"]?.elements.map { $0["quote"]?.string } == [passage])
            #expect(folder.text.contains("budget:\n  none: \"\(reason)\"\n  evidence:\n    - quote: "))
            // A new reason alone keeps the quote.
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "none"), ("reason", "Geen eigen budget.")]).status == .seeOther)
            budget = try YAMLValue(yaml: folder.text)["budget"]
            #expect(budget?["none"]?.string == "Geen eigen budget." && budget?["evidence"]?.elements.count == 1)
            let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
            #expect(validated.status == 0, "\(validated.error)")

            let shown = try await review.version()
            let before = folder.text
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "zero")]).status == .badRequest)
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "lines")]).status == .badRequest)
            #expect(try await review.post("budget", path: "programme").status == .badRequest)
            for fields in [
                [("budget", "none"), ("reason", " ")],
                [("budget", "none"), ("reason", reason), ("quote", "Er is geen geld."), ("section", "5. Begroting")],
                [("budget", "none"), ("reason", reason), ("quote", passage)],
            ] {
                #expect(try await review.post("budget", path: "programme", fields: fields).status == .unprocessableContent, "\(fields)")
            }
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "unknown")], token: nil).status == .forbidden)
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "unknown")], version: shown + "0").status == .conflict)
            #expect(folder.text == before)
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "unknown")]).status == .seeOther)
            #expect(try await review.post("budget", path: "programme", fields: [("budget", "none"), ("reason", reason)], version: shown).status == .conflict, "a stale page")
            #expect(folder.text.contains("\nbudget: unknown\n"))
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(folder.problems.isSubset(of: drafted), "no new problems: \(folder.problems.subtracting(drafted))")
    }

    /// Another kind drafts the source again, as the start page would have with that kind chosen; the page
    /// says before that edits are replaced, and undo brings them back.
    @Test func anotherKindDraftsTheSourceAgainAndUndoBringsTheEditsBack() async throws {
        let folder = try DraftedFolder()
        let (other, _) = try DraftedFolder.taxonomyOnly()
        let direct = try TestSupport.run(["draft", DraftedFolder.example, "--municipality", "havendam", "--municipalities", other.path, "--kind", "policy-note"])
        try #require(direct.status == 0, "\(direct.error)")
        let expected = try String(contentsOf: other.appendingPathComponent("havendam/havendam-actieplan-2025-2027.yaml"), encoding: .utf8)
        try await withReview(folder.server()) { review async throws in
            let shown = try await review.version()
            #expect(try await review.post("accept", path: "execution_lines/d-3").status == .seeOther)
            let edited = folder.text
            let page = try await review.get(ReviewClient.page).body
            #expect(page.contains("alle wijzigingen die tot nu toe in dit bestand zijn gemaakt worden vervangen"), "said before, not after")
            #expect(page.contains("<option value=\"policy-note\">beleidsnota / policy note</option>"))
            #expect(!page.contains("<option value=\"action-programme\">"), "only another kind is offered")

            let redrafted = try await review.post("kind", fields: [("kind", "policy-note")])
            #expect(redrafted.status == .seeOther)
            #expect(redrafted.location == ReviewClient.page + "#item-programme")
            #expect(folder.text == expected, "byte for byte what draft --kind writes: same municipality, id and source")
            let value = try YAMLValue(yaml: folder.text)
            #expect(value["kind"]?.string == "policy-note" && value["execution_lines"] == nil)
            let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
            #expect(validated.status == 0, "\(validated.error)")
            #expect(folder.problems == DraftedFolder.problems(in: other), "what validate finds is what it finds in draft's own file")

            #expect(try await review.post("undo").status == .seeOther)
            #expect(folder.text == edited, "undo brings back the file with its edits")
            for kind in ["no-such-kind", "action-programme", "../policy-note", ""] {
                #expect(try await review.post("kind", fields: [("kind", kind)]).status == .unprocessableContent, "\(kind)")
            }
            #expect(try await review.post("kind", fields: [("kind", "workshop")], token: nil).status == .forbidden)
            #expect(try await review.post("kind", fields: [("kind", "workshop")], version: shown).status == .conflict, "a stale page")
            #expect(folder.text == edited)
        }
    }

    /// A reviewed programme is never drafted over: the page offers no other kind, and the route refuses.
    @Test func aReviewedFileIsNotDraftedAgain() async throws {
        let folder = try DraftedFolder()
        var value = try YAMLValue(yaml: folder.text)
        for unit in ReviewUnit.units(in: value) where unit.isSuggestion { value = try ReviewEdit.accept(unit.path).apply(to: value) }
        try YAMLValueWriter.yaml(value).write(to: folder.plugin, atomically: true, encoding: .utf8)
        let reviewed = folder.text
        try await withReview(folder.server()) { review async throws in
            #expect(!(try await review.get(ReviewClient.page).body.contains("action=\"\(ReviewClient.page)/kind\"")))
            let refused = try await review.post("kind", fields: [("kind", "policy-note")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("al nagekeken"))
        }
        #expect(folder.text == reviewed)
    }

    @Test func anItemMovesToAnotherParentOrGroupOnlyToTheKindsOwnPlaces() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            let under = try await review.post("move", path: "execution_lines/d-3/activities/d-4", fields: [("to", "execution_lines/d-7/activities")])
            #expect(under.status == .seeOther)
            var value = try YAMLValue(yaml: folder.text)
            #expect(value.value(at: ["execution_lines", "d-3", "activities", "d-4"]) == nil)
            #expect(value.value(at: ["execution_lines", "d-7", "activities"])?.elements.last?["id"]?.string == "d-4")
            let top = try await review.post("move", path: "execution_lines/d-7/activities/d-4", fields: [("to", "execution_lines")])
            #expect(top.status == .seeOther)
            value = try YAMLValue(yaml: folder.text)
            #expect(value["execution_lines"]?.elements.last?["id"]?.string == "d-4")

            let before = folder.text
            #expect(try await review.post("move", path: "execution_lines/d-3", fields: [("to", "execution_lines/d-7/activities")]).status == .conflict, "an item with children stays at the top")
            #expect(try await review.post("move", path: "execution_lines/d-7", fields: [("to", "execution_lines/d-7/activities")]).status == .conflict)
            #expect(try await review.post("move", path: "execution_lines/d-4", fields: [("to", "../../taxonomy")]).status == .badRequest)
            #expect(try await review.post("move", path: "budget/lines/b-1", fields: [("to", "execution_lines")]).status == .conflict)
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    @Test func anItemIsSplitAtAQuoteAndMergedBack() async throws {
        let folder = try DraftedFolder()
        let drafted = try YAMLValue(yaml: folder.text)
        let d3 = try #require(drafted.value(at: ["execution_lines", "d-3"]))
        let quotes = d3["evidence"]?.elements ?? []
        try #require(quotes.count == 2)
        try await withReview(folder.server()) { review async throws in
            let taken = Set(ReviewUnit.units(in: drafted).map(\.id))
            let newID = (1...).lazy.map { "d-\($0)" }.first { !taken.contains($0) }!
            let split = try await review.post("split", path: "execution_lines/d-3", fields: [("index", "1")])
            #expect(split.status == .seeOther)
            var value = try YAMLValue(yaml: folder.text)
            let list = value["execution_lines"]?.elements.compactMap { $0["id"]?.string } ?? []
            #expect(list.firstIndex(of: newID) == list.firstIndex(of: "d-3").map { $0 + 1 }, "the new item stands right after the one it came from")
            let part = try #require(value.value(at: ["execution_lines", newID]))
            #expect(part["evidence"]?.elements == [quotes[1]])
            #expect(part["title"]?.string == "Discriminatie komt in Havendam nog te vaak voor en wordt weinig gemeld")
            #expect(part["themes"] == d3["themes"])
            #expect(part["activities"] == nil, "children stay with the item they were under")
            #expect(value.value(at: ["execution_lines", "d-3"])?["evidence"]?.elements == [quotes[0]])
            #expect(try await review.post("split", path: "execution_lines/d-3", fields: [("index", "0")]).status == .conflict, "a last quote is not split off")

            let merged = try await review.post("merge", path: "execution_lines/\(newID)", fields: [("to", "execution_lines/d-3")])
            #expect(merged.status == .seeOther)
            #expect(merged.location == ReviewClient.page + "#item-d-3")
            value = try YAMLValue(yaml: folder.text)
            #expect(value.value(at: ["execution_lines", newID]) == nil)
            #expect(value.value(at: ["execution_lines", "d-3"])?["evidence"]?.elements == quotes)
            let before = folder.text
            #expect(try await review.post("merge", path: "execution_lines/d-3", fields: [("to", "execution_lines/d-7")]).status == .conflict, "an item with children is not merged")
            #expect(try await review.post("merge", path: "execution_lines/d-2", fields: [("to", "budget/lines/b-1")]).status == .conflict)
            #expect(try await review.post("merge", path: "execution_lines/d-2", fields: [("to", "../x")]).status == .badRequest)
            #expect(try await review.post("split", path: "execution_lines/d-2", fields: [("index", "7")]).status == .badRequest)
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    @Test func undoPutsBackTheBytesOfEachChangeInTurn() async throws {
        let folder = try DraftedFolder()
        let drafted = folder.text
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("undo").status == .conflict, "nothing to undo yet")
            #expect(try await review.post("accept", path: "execution_lines/d-3").status == .seeOther)
            let accepted = folder.text
            #expect(try await review.post("remove", path: "budget/lines/b-1").status == .seeOther)
            #expect(try await review.get(ReviewClient.page).body.contains("2 wijzigingen terug te draaien"))
            let first = try await review.post("undo")
            #expect(first.status == .seeOther)
            #expect(first.location == ReviewClient.page + "#item-b-1", "the page opens where the undone change was")
            #expect(folder.text == accepted)
            #expect(try await review.post("undo", token: nil).status == .forbidden)
            #expect(try await review.post("undo").status == .seeOther)
            #expect(folder.text == drafted, "the first change's bytes come back as they were, comments and all")
            #expect(try await review.post("undo").status == .conflict)
        }
    }

    @Test func undoNeverOverwritesAChangeMadeElsewhere() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("accept", path: "execution_lines/d-3").status == .seeOther)
            let edited = folder.text.replacingOccurrences(of: "Inleiding", with: "Inleiding (bewerkt)")
            try edited.write(to: folder.plugin, atomically: true, encoding: .utf8)
            #expect(try await review.post("undo").status == .conflict)
            #expect(folder.text == edited)
        }
    }

    @Test func acceptRemovesTheMarkAndItsReasonsOnlyFromThatItem() async throws {
        let folder = try DraftedFolder()
        let drafted = ReviewUnit.units(in: try YAMLValue(yaml: folder.text))
        let answer = try await withReview(folder.server()) { try await $0.post("accept", path: "execution_lines/d-3") }
        #expect(answer.status == .seeOther)
        // The page opens at the next part still to review, so the same key accepts that one.
        let position = try #require(drafted.firstIndex { $0.id == "d-3" })
        let following = drafted[(position + 1)...].first { $0.isSuggestion }
        let next = try #require(following)
        #expect(answer.location == ReviewClient.page + "#item-\(next.id)")
        let value = try YAMLValue(yaml: folder.text)
        #expect(value.value(at: ["execution_lines", "d-3", "review"]) == nil)
        #expect(value.value(at: ["execution_lines", "d-3", "suggested_by"]) == nil)
        #expect(value.value(at: ["execution_lines", "d-2", "review"]) != nil)
        #expect(ReviewUnit.units(in: value).filter(\.isSuggestion).count == 15)
    }

    @Test func removeTakesTheItemOut() async throws {
        let folder = try DraftedFolder()
        let answer = try await withReview(folder.server()) { try await $0.post("remove", path: "budget/lines/b-3") }
        #expect(answer.status == .seeOther)
        let value = try YAMLValue(yaml: folder.text)
        #expect(value.value(at: ["budget", "lines", "b-3"]) == nil)
        #expect(value.value(at: ["budget", "lines", "b-2"]) != nil)
    }

    @Test func themesRolesAndStatusAreSetFromTheTaxonomyOnlyPrimaryFirst() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            let set = try await review.post(
                "facet", path: "execution_lines/d-3",
                fields: [
                    ("facet", "themes"), ("primary", "anti-discrimination-policy"), ("ids[]", "discrimination-reporting"),
                    ("ids[]", "anti-discrimination-policy"),
                ])
            #expect(set.status == .seeOther)
            let value = try YAMLValue(yaml: folder.text)
            #expect(value.value(at: ["execution_lines", "d-3", "themes"]) == .idList(["anti-discrimination-policy", "discrimination-reporting"]))
            let before = folder.text
            let unknown = try await review.post("facet", path: "execution_lines/d-3", fields: [("facet", "themes"), ("primary", "not-a-theme")])
            #expect(unknown.status == .badRequest)
            // An instrument id is no theme, and a key that is no facet changes nothing either.
            #expect(try await review.post("facet", path: "execution_lines/d-3", fields: [("facet", "themes"), ("primary", "dedicated-staff")]).status == .badRequest)
            #expect(try await review.post("facet", path: "execution_lines/d-3", fields: [("facet", "title"), ("primary", "x")]).status == .badRequest)
            #expect(folder.text == before)

            let roles = try await review.post("facet", path: "execution_lines/d-3", fields: [("facet", "roles"), ("primary", "partner")])
            #expect(roles.status == .seeOther)
            #expect(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", "d-3", "roles"]) == .idList(["partner"]))
            let status = try await review.post("status", path: "execution_lines/d-3", fields: [("status", "ambition")])
            #expect(status.status == .seeOther)
            #expect(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", "d-3", "status"])?.string == "ambition")
            #expect(try await review.post("status", path: "execution_lines/d-3", fields: [("status", "done")]).status == .badRequest)
        }
    }

    @Test func aNewItemTakesAVerbatimPassageOfTheSourceAsItsQuote() async throws {
        let folder = try DraftedFolder()
        // The passage runs over a line break and an indent in the source, as a copied selection does.
        let passage = "We gaan samen met het meldpunt een campagne voeren zodat inwoners weten waar zij discriminatie kunnen melden."
        try await withReview(folder.server()) { review async throws in
            let fields = [
                ("quote", passage), ("title", "Campagne melden van discriminatie"), ("section", "2. Discriminatie"),
                ("group", "execution_lines"), ("primary", "discrimination-reporting"),
            ]
            // The next free id with the group's own prefix (d-), as validate expects of the group.
            let taken = Set(ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).map(\.id))
            let expected = (1...).lazy.map { "d-\($0)" }.first { !taken.contains($0) }!
            let added = try await review.post("add", fields: fields)
            #expect(added.status == .seeOther)
            #expect(added.location == ReviewClient.page + "#item-\(expected)")
            let item = try #require(try YAMLValue(yaml: folder.text).value(at: ["execution_lines", expected]))
            #expect(item["evidence"]?.elements.first?["quote"]?.string == passage)
            #expect(item["themes"] == .idList(["discrimination-reporting"]))
            #expect(item["review"] == nil, "a person made it: nothing to review")

            let before = folder.text
            var invented = fields
            invented[0] = ("quote", "We gaan samen met het meldpunt een feest vieren.")
            #expect(try await review.post("add", fields: invented).status == .unprocessableContent)
            var unknownGroup = fields
            unknownGroup[3] = ("group", "../../taxonomy")
            #expect(try await review.post("add", fields: unknownGroup).status == .unprocessableContent)
            #expect(folder.text == before)
        }
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(!(validated.output + validated.error).contains("beginnen de id's"), "no warning about the new item's id")
    }

    @Test func aChangeWithoutTheTokenOrFromAnotherOriginIsRefused() async throws {
        let folder = try DraftedFolder()
        let before = folder.text
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("accept", path: "execution_lines/d-3", token: nil).status == .forbidden)
            #expect(try await review.post("accept", path: "execution_lines/d-3", token: "ab").status == .forbidden)
            #expect(try await review.post("accept", path: "execution_lines/d-3", origin: "http://evil.example").status == .forbidden)
            #expect(try await review.post("accept", path: "execution_lines/d-3", origin: "http://localhost:8080").status == .forbidden)
            #expect(try await review.post("accept", path: "execution_lines/d-3", origin: nil).status == .forbidden)
        }
        #expect(folder.text == before)
    }

    @Test func anotherHostIsRefusedWith421() async throws {
        let folder = try DraftedFolder()
        // Serving port 8081, a request naming plain "localhost" is not addressed to it.
        let page = try await withReview(folder.server(port: 8081)) { try await $0.get("/") }
        #expect(page.status.code == 421)
        #expect(page.body.contains("127.0.0.1"))
    }

    @Test func pathsWithDotsReachNoFile() async throws {
        let folder = try DraftedFolder()
        let before = folder.text
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.post("accept", path: "execution_lines/../../taxonomy.yaml").status == .badRequest)
            #expect(try await review.post("accept", path: "execution_lines/..").status == .badRequest)
            #expect(try await review.get("/review/havendam/..%2Ftaxonomy.yaml").status == .notFound)
            #expect(try await review.get("/review/..%2F..%2Fetc/passwd").status == .notFound)
            let outside = try await review.post(
                "accept", path: "execution_lines/d-3", version: String(repeating: "0", count: 64), uri: "/review/..%2F..%2Fetc/passwd/accept")
            #expect(outside.status == .notFound)
        }
        #expect(folder.text == before)
    }

    @Test func aFileChangedOnDiskSinceThePageIsNotOverwritten() async throws {
        let folder = try DraftedFolder()
        try await withReview(folder.server()) { review async throws in
            let shown = try await review.version()
            let edited = folder.text.replacingOccurrences(of: "Inleiding", with: "Inleiding (bewerkt)")
            try edited.write(to: folder.plugin, atomically: true, encoding: .utf8)
            let answer = try await review.post("accept", path: "execution_lines/d-3", version: shown)
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("op de schijf veranderd"))
            #expect(folder.text == edited)
        }
    }

    @Test func aSymlinkedPluginFileIsNeitherOpenedNorWritten() async throws {
        let folder = try DraftedFolder()
        let elsewhere = try TestSupport.temporaryDirectory().appendingPathComponent("elsewhere.yaml")
        try FileManager.default.moveItem(at: folder.plugin, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: folder.plugin, withDestinationURL: elsewhere)
        let before = try String(contentsOf: elsewhere, encoding: .utf8)
        try await withReview(folder.server()) { review async throws in
            #expect(try await review.get("/").body.contains("havendam-actieplan") == false)
            #expect(try await review.get(ReviewClient.page).status == .notFound)
            let answer = try await review.post("accept", path: "execution_lines/d-3", version: PluginFile.digest(Data(before.utf8)))
            #expect(answer.status == .notFound)
        }
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == before)
    }

    /// The whole review of the example through the routes: every part accepted, "Klaar", and the file as
    /// written is a plugin `validate` and `import` accept.
    @Test func reviewingTheExampleEndToEnd() async throws {
        let folder = try DraftedFolder()
        let paths = ReviewUnit.units(in: try YAMLValue(yaml: folder.text)).filter(\.isSuggestion).map(\.formPath)
        let marks = folder.marks
        #expect(paths.count == marks, "every mark the drafter wrote is a part the page offers to accept")
        try await withReview(folder.server()) { review async throws in
            let early = try await review.post("finish")
            #expect(early.status == .unprocessableContent)
            #expect(early.body.contains("nog \(paths.count) onderdelen niet nagekeken"))
            for path in paths {
                #expect(try await review.post("accept", path: path).status == .seeOther, "\(path)")
            }
            let done = try await review.post("finish")
            #expect(done.status == .ok, "\(done.body)")
            #expect(done.body.contains("http://127.0.0.1:8080/programmes/havendam/havendam-actieplan-2025-2027"))
        }
        let written = folder.text
        #expect(!written.contains("review:") && !written.contains("suggested_by:"))
        let catalog = try Store.readOnly(path: folder.database).catalog()
        #expect(catalog.programme("havendam/havendam-actieplan-2025-2027")?.unreviewedSuggestions == 0)
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(!validated.output.contains("Concept:"))
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("cli.sqlite").path
        let imported = try TestSupport.run(["import", "--municipalities", folder.plugins.path, "--db", database])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(folder.text == written, "validate and import take the file byte for byte as the review wrote it")
    }
}
