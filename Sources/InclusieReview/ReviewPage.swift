import Foundation
import HTTPTypes
import Hummingbird
import InclusieModel
import InclusiePlugins
import InclusieCharts
import InclusieDrafting
import InclusieServer
import Plot

typealias Language = InclusieModel.Language

/// The review page of one programme file: its source text beside its items in their native tree, each
/// item with its suggestions, their reasons, the problems `validate` finds in it and the forms that change it.
struct ReviewPage {
    let file: PluginFile
    let check: ReviewWorkspace.Check
    let source: String?
    let token: String
    let language: Language
    /// A sentence above the items: why "Klaar" did not import.
    let notice: LocalizedText?
    /// The programme's page in `serve`, once "Klaar" imported it.
    let finishedLink: String?
    /// How many of this session's changes to the file can be undone.
    var undoSteps = 0

    func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    var units: [ReviewUnit] { ReviewUnit.units(in: file.value) }
    var marks: Int { units.filter(\.isSuggestion).count }
    var address: String { "/review/\(file.municipality)/\(file.name)" }

    func render() -> String {
        let problems = problemsByUnit()
        let title = file.value["title"]?.string ?? file.name
        let groupMeaning = Dictionary(
            (ProgrammeKinds().details(of: file.value["kind"]?.string ?? "")?.groups ?? []).map { ($0.key, text($0.label.nl, $0.label.en)) }, uniquingKeysWith: { a, _ in a })
        var listed: [BodyNode] = []
        var group: String?
        for unit in units {
            if unit.isProgramme {
                listed.append(.h3(.plain(text("Het programma zelf", "The programme itself"))))
            } else if unit.depth == 0, unit.group != group {
                group = unit.group
                let meaning = unit.isBudgetLine ? text("begrotingsregels", "budget lines") : groupMeaning[unit.group] ?? unit.group
                listed.append(.h3(.plain("\(meaning) (\(unit.group))")))
            }
            listed.append(item(unit, problems: problems[unit.path] ?? []))
        }
        let loose = units.first?.isProgramme == true ? [] : problems[[]] ?? []
        let errors = check.errors.count
        let warnings = check.problems.count - errors
        let status = text(
            "\(marks) onderdelen nog na te kijken; \(errors == 0 ? "geen fouten" : "\(errors) fouten") en \(warnings == 0 ? "geen waarschuwingen" : "\(warnings) waarschuwingen") bij validatie.",
            "\(marks) parts left to review; \(errors == 0 ? "no errors" : "\(errors) errors") and \(warnings == 0 ? "no warnings" : "\(warnings) warnings") in validation.")
        let comments: BodyNode =
            file.hasComments
            ? .p(
                .class("notice"),
                .plain(
                    text(
                        "Dit bestand heeft commentaarregels (#). Bij de eerste wijziging worden ze niet bewaard; de rest blijft zoals het is.",
                        "This file has comment lines (#). The first change does not keep them; everything else stays as it is.")))
            : .empty
        var noticeNode: BodyNode = .empty
        if let notice { noticeNode = .p(.class("notice"), .attribute(named: "role", value: "alert"), .plain(notice.text(language))) }
        var finishedNode: BodyNode = .empty
        if let finishedLink {
            finishedNode = .p(
                .class("done"), .attribute(named: "role", value: "status"),
                .plain(text("Geïmporteerd in de database. ", "Imported into the database. ")),
                tag("a", [("href", finishedLink)], .plain(text("Open het programma in inclusiebench serve", "Open the programme in inclusiebench serve"))),
                .plain(text(" (start eerst inclusiebench serve als die nog niet draait).", " (start inclusiebench serve first if it is not running).")))
        }
        return Self.page(
            title: title, language: language, path: address,
            .h1(.plain(title)),
            .p(.class("meta"), .plain("\(file.municipality)/\(file.name)")),
            .p(.id("review-status"), .attribute(named: "role", value: "status"), .plain(status)),
            comments, noticeNode, finishedNode,
            toolbar(),
            tag(
                "div", [("class", "review")],
                tag(
                    "section", [("class", "source"), ("aria-labelledby", "source-heading")],
                    .h2(.id("source-heading"), .plain(text("Brontekst", "Source text"))),
                    sourceText(),
                    newItemForm()),
                tag(
                    "section", [("class", "items"), ("id", "items"), ("aria-labelledby", "items-heading")],
                    children: [.h2(.id("items-heading"), .plain(text("Onderdelen", "Items")))]
                        + [problemList(loose, id: "programme-problems"), kindForm()] + listed + [finish()])))
    }

    /// The diagnostics of this file by the unit whose lines hold them (the innermost); `[]` for the rest.
    private func problemsByUnit() -> [[String]: [Diagnostic]] {
        let spans = units.compactMap { unit in unit.value.firstLine.map { (unit.path, $0, unit.value.lastLine ?? $0) } }
        var result: [[String]: [Diagnostic]] = [:]
        for problem in check.problems {
            let owner = problem.line.flatMap { line in
                spans.filter { $0.1 <= line && line <= $0.2 }.min { $0.2 - $0.1 < $1.2 - $1.1 }?.0
            }
            result[owner ?? [], default: []].append(problem)
        }
        return result
    }

    private func problemList(_ problems: [Diagnostic], id: String) -> BodyNode {
        guard !problems.isEmpty else { return .empty }
        return tag(
            "ul", [("class", "problems"), ("id", id)],
            children: problems.map { problem in
                let message = problem.message.text(language) + (problem.fix.map { " — " + $0.text(language) } ?? "")
                return tag(
                    "li", [("class", problem.severity == .error ? "error" : "warning")],
                    .strong(.plain(problem.severity.word(language) + ": ")), .plain(message))
            })
    }

    private func item(_ unit: ReviewUnit, problems: [Diagnostic]) -> BodyNode {
        let anchor = "item-\(unit.id)"
        let heading = "\(anchor)-title"
        let number = unit.value["number"]?.string.map { $0 + " " } ?? ""
        var facts: [BodyNode] = []
        func fact(_ label: String, _ value: BodyNode) {
            facts.append(tag("dt", [], .plain(label)))
            facts.append(tag("dd", [], value))
        }
        // As people read money (`€ 23.200`); a value that is no amount (`not-stated`) is shown as written.
        func money(_ euros: String?) -> String {
            euros.flatMap { try? Money.parseEuros($0) }?.formatted(language) ?? euros ?? ""
        }
        if let status = unit.value["status"]?.string {
            fact(text("status", "status"), .plain(check.taxonomy?.label(status, in: .itemStatus, language) ?? status))
        }
        for facet in Self.pickedFacets {
            guard let ids = unit.value[facet.pluginKey]?.elements.compactMap(\.string) else { continue }
            let labels = ids.enumerated().map { index, id in
                (check.taxonomy?.label(id, in: facet, language) ?? id) + (index == 0 && ids.count > 1 ? text(" (eerste)", " (primary)") : "")
            }
            fact(facetName(facet).plural.lowercased(), .plain(labels.isEmpty ? text("geen", "none") : labels.joined(separator: "; ")))
        }
        if let years = unit.value["years"]?.elements.compactMap(\.string), !years.isEmpty {
            fact(text("jaren", "years"), .plain(years.joined(separator: ", ")))
        }
        if let amounts = unit.value["amounts"]?.entries, !amounts.isEmpty {
            let shown = amounts.map { "\($0.key): \(money($0.value.string))" }
            fact(text("bedragen", "amounts"), .plain(shown.joined(separator: "; ")))
        }
        if let period = unit.value["period_amount"], let from = period["from"]?.string, let to = period["to"]?.string {
            fact(text("bedrag voor de periode", "amount for the period"), .plain("\(from)–\(to): \(money(period["amount"]?.string))"))
        }
        if let undated = unit.value["undated_amount"]?.string {
            fact(text("bedrag, jaren niet vermeld", "amount, years not stated"), .plain(money(undated)))
        }
        if let precision = unit.value["precision"]?.string {
            fact(text("nauwkeurigheid", "precision"), .plain(BudgetPrecision(rawValue: precision)?.label.text(language) ?? precision))
        }
        if let kind = unit.value["kind"]?.string {
            let label = unit.isBudgetLine ? BudgetKind(rawValue: kind)?.label : ProgrammeKinds().all.first { $0.id == kind }?.label
            fact(text("soort", "kind"), .plain(label.map { "\($0.text(language)) (\(kind))" } ?? kind))
        }
        for (label, value) in unit.isProgramme ? programmeFacts(unit) : [] { fact(label, .plain(value)) }
        let evidence = unit.value["evidence"]?.elements ?? []
        let quotes = evidence.enumerated().map { index, quote in
            tag(
                "li", [],
                tag(
                    "a", [("href", "#src-\(unit.id)-\(index)")],
                    .element(named: "q", nodes: [.plain(quote["quote"]?.string ?? "")])),
                .plain(" — " + (quote["section"]?.string ?? "")),
                // An item keeps at least one quote: only one of several can go.
                evidence.count > 1 ? indexed("remove-quote", unit, index: index, label: text("Citaat weghalen", "Remove quote"), describedBy: "item-\(unit.id)-title") : .empty,
                evidence.count > 1 && !unit.isBudgetLine && !unit.isProgramme
                    ? indexed("split", unit, index: index, label: text("Afsplitsen als onderdeel", "Split off as an item"), describedBy: "item-\(unit.id)-title") : .empty)
        }
        let reasons: BodyNode =
            unit.isSuggestion
            ? tag(
                "details", [("class", "reasons")],
                tag("summary", [], .plain(text("Waarom voorgesteld", "Why suggested"))),
                tag(
                    "ul", [],
                    children: unit.reasons.enumerated().map { index, reason in
                        tag("li", [], .plain(reason + " "), indexed("accept-reason", unit, index: index, label: text("Klopt", "Right"), describedBy: "item-\(unit.id)-title"))
                    }))
            : .empty
        return tag(
            "article",
            [
                ("id", anchor), ("class", unit.isSuggestion ? "item suggested" : "item"), ("aria-labelledby", heading), ("tabindex", "-1"),
                ("data-path", unit.formPath),
            ]
                + (unit.depth > 0 ? [("data-depth", "1")] : []),
            tag(unit.depth > 0 ? "h5" : "h4", [("id", heading)], .plain(number + unit.title)),
            .p(
                .class("meta"),
                .plain(
                    "id \(unit.id) · "
                        + (unit.isSuggestion ? text("voorstel, nog na te kijken", "suggestion, not reviewed yet") : text("nagekeken", "reviewed")))),
            facts.isEmpty ? .empty : tag("dl", [], children: facts),
            quotes.isEmpty ? .empty : tag("ul", [("class", "quotes")], children: quotes),
            reasons,
            problemList(problems, id: "\(anchor)-problems"),
            tag(
                "div", [("class", "actions")],
                unit.isSuggestion ? form("accept", unit, label: text("Accepteren", "Accept"), describedBy: heading, key: "a") : .empty,
                unit.isProgramme ? .empty : form("remove", unit, label: text("Verwijderen", "Remove"), describedBy: heading, key: "x")),
            unit.isProgramme ? programmeForm(unit) : (unit.isBudgetLine ? budgetLineForm(unit) : titleForm(unit)),
            unit.isProgramme ? budgetForm(unit) : .empty,
            unit.isBudgetLine || unit.isProgramme ? .empty : statusPicker(unit),
            unit.isProgramme ? .empty : (unit.isBudgetLine ? amountsForm(unit) : yearsForm(unit)),
            unit.isProgramme || unit.isBudgetLine ? .empty : moveForm(unit),
            unit.isProgramme || unit.isBudgetLine ? .empty : mergeForm(unit),
            .group(unit.isBudgetLine || unit.isProgramme ? [] : Self.pickedFacets.map { picker(unit, facet: $0) }))
    }

    /// Undo, and the keys the page's script gives every action (the forms work without it).
    private func toolbar() -> BodyNode {
        let keys: [(String, String, String)] = [
            ("j / k", "volgende / vorige onderdeel (de brontekst springt naar het citaat)", "next / previous item (the source text jumps to its quote)"),
            ("a", "accepteren", "accept"),
            ("x", "verwijderen", "remove"),
            ("t", "thema's wijzigen", "change themes"),
            ("s", "status kiezen", "choose the status"),
            ("n", "nieuw onderdeel uit de selectie in de brontekst", "new item from the selection in the source text"),
            ("q", "selectie als citaat bij dit onderdeel", "selection as a quote for this item"),
            ("u", "laatste wijziging ongedaan maken", "undo the last change"),
            ("g", "naar Klaar", "go to Klaar"),
        ]
        let undo = postForm(
            "undo", attributes: [("id", "undo"), ("class", "undo")],
            children: [
                tag(
                    "button", [("type", "submit"), ("data-key", "u")] + (undoSteps == 0 ? [("disabled", "disabled")] : []),
                    .plain(text("Ongedaan maken", "Undo"))),
                .plain(
                    undoSteps == 0
                        ? text(" (nog niets veranderd in deze sessie)", " (nothing changed in this session yet)")
                        : text(" (\(undoSteps) wijzigingen terug te draaien)", " (\(undoSteps) changes can be undone)")),
            ])
        return tag(
            "div", [("class", "toolbar")],
            undo,
            tag(
                "details", [("class", "keys"), ("id", "keys")],
                tag("summary", [], .plain(text("Toetsen", "Keys"))),
                .p(.plain(text(
                    "Buiten een invoerveld; selecteer eerst een passage in de brontekst voor n en q.",
                    "Outside a text field; select a passage in the source text first for n and q."))),
                tag("dl", [], children: keys.flatMap { key in [tag("dt", [], tag("kbd", [], .plain(key.0))), tag("dd", [], .plain(text(key.1, key.2)))] })))
    }

    /// A form that posts `action` for this file, with the fields every form carries (the session's token,
    /// the file's version, the language) and, for an item's form, the item's path, before its own.
    private func postForm(_ action: String, _ unit: ReviewUnit? = nil, attributes: [(String, String)] = [], children: [BodyNode]) -> BodyNode {
        tag(
            "form", [("method", "post"), ("action", "\(address)/\(action)")] + attributes,
            children: [
                voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)]),
                voidTag("input", [("type", "hidden"), ("name", "version"), ("value", file.version)]),
            ] + (language == .en ? [voidTag("input", [("type", "hidden"), ("name", "lang"), ("value", "en")])] : [])
                + (unit.map { [voidTag("input", [("type", "hidden"), ("name", "path"), ("value", $0.formPath)])] } ?? []) + children)
    }

    private func form(_ action: String, _ unit: ReviewUnit, label: String, describedBy: String, key: String) -> BodyNode {
        postForm(
            action, unit,
            children: [tag("button", [("type", "submit"), ("aria-describedby", describedBy), ("data-key", key)], .plain(label + " (\(key))"))])
    }

    /// Another place for an item: one of the kind's groups, or under another item of the sections group.
    private func moveForm(_ unit: ReviewUnit) -> BodyNode {
        let here = Array(unit.path.dropLast())
        let titles = Dictionary(units.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        let hasChildren = units.contains { $0.path.count > unit.path.count && Array($0.path.prefix(unit.path.count)) == unit.path }
        let targets = ReviewUnit.moveTargets(in: file.value).filter { target in
            target != here && !(target.count == 3 && (hasChildren || Array(unit.path.prefix(2)) == Array(target.prefix(2)) && unit.depth == 0))
        }
        guard !targets.isEmpty else { return .empty }
        let options = targets.map { target in
            tag(
                "option", [("value", target.joined(separator: "/"))],
                .plain(target.count == 1 ? text("groep \(target[0])", "group \(target[0])") : text("onder \(target[1]) \(titles[Array(target.prefix(2))] ?? "")", "under \(target[1]) \(titles[Array(target.prefix(2))] ?? "")")))
        }
        return folded(
            "move", unit, summary: text("Verplaatsen", "Move"), label: text("Naar", "To"),
            control: { tag("select", [("id", $0), ("name", "to")], children: options) }, button: text("Verplaatsen", "Move"))
    }

    /// Another item this one goes up in (its quotes, facets and years join the other's).
    private func mergeForm(_ unit: ReviewUnit) -> BodyNode {
        let hasChildren = units.contains { $0.path.count > unit.path.count && Array($0.path.prefix(unit.path.count)) == unit.path }
        let others = units.filter { !$0.isProgramme && !$0.isBudgetLine && $0.path != unit.path }
        guard !hasChildren, !others.isEmpty else { return .empty }
        let options = others.map { tag("option", [("value", $0.formPath)], .plain("\($0.id) — \($0.title)")) }
        return folded(
            "merge", unit, summary: text("Samenvoegen", "Merge"), label: text("Laten opgaan in", "Merge into"),
            control: { tag("select", [("id", $0), ("name", "to")], children: options) }, button: text("Samenvoegen", "Merge"))
    }

    /// An item's years, typed as a list.
    private func yearsForm(_ unit: ReviewUnit) -> BodyNode {
        let current = (unit.value["years"]?.elements.compactMap(\.string) ?? []).joined(separator: ", ")
        return folded(
            "years", unit, summary: text("Jaren wijzigen", "Change years"), label: text("Jaren (zoals 2025, 2026)", "Years (such as 2025, 2026)"),
            control: { voidTag("input", [("id", $0), ("name", "yearlist"), ("value", current), ("maxlength", "100")]) },
            button: text("Jaren opslaan", "Save years"))
    }

    /// An item's title as a person rewrites it: one line.
    private func titleForm(_ unit: ReviewUnit) -> BodyNode {
        let current = unit.value["title"]?.string ?? ""
        return folded(
            "title", unit, summary: text("Titel wijzigen", "Change title"), label: text("Titel", "Title"),
            control: { voidTag("input", [("id", $0), ("name", "title"), ("value", current), ("maxlength", "300")]) },
            button: text("Titel opslaan", "Save title"))
    }

    /// The programme's own fields a draft guesses: title, author's name, adoption status, period.
    private func programmeForm(_ unit: ReviewUnit) -> BodyNode {
        let title = unit.value["title"]?.string ?? ""
        let adoption = unit.value["adoption_status"]?.string ?? ""
        let author = unit.value["author"]?["name"]?.string ?? ""
        let authorType = unit.value["author"]?["type"]?.string
        let period = unit.value["period"]
        let authorTypes = Self.options(Author.AuthorType.allCases.map { ($0.rawValue, $0.label) }, selected: authorType)
        let options = Self.options(AdoptionStatus.allCases.map { ($0.rawValue, $0.label) }, selected: adoption)
        return foldedForm(
            "programme", unit, summary: text("Programmagegevens wijzigen", "Change the programme's fields"),
            fields: [
                field("programme-title", text("Titel", "Title"), voidTag("input", [("id", "programme-title"), ("name", "title"), ("value", title), ("maxlength", "300")])),
                field("programme-author-type", text("Soort auteur", "Kind of author"), tag("select", [("id", "programme-author-type"), ("name", "authortype")], children: authorTypes)),
                field("programme-author", text("Auteur (de gemeente of de partij)", "Author (the municipality or the party)"), voidTag("input", [("id", "programme-author"), ("name", "author"), ("value", author), ("maxlength", "300")])),
                field("programme-adoption", text("Vaststelling", "Adoption status"), tag("select", [("id", "programme-adoption"), ("name", "adoption")], children: options)),
                field("programme-from", text("Eerste jaar (leeg: geen periode)", "First year (empty: no period)"), voidTag("input", [("id", "programme-from"), ("name", "from"), ("value", period?["from"]?.string ?? ""), ("maxlength", "4"), ("inputmode", "numeric")])),
                field("programme-until", text("Laatste jaar (leeg: open einde)", "Last year (empty: open-ended)"), voidTag("input", [("id", "programme-until"), ("name", "until"), ("value", period?["to"]?.string ?? ""), ("maxlength", "4"), ("inputmode", "numeric")])),
                tag("button", [("type", "submit")], .plain(text("Programmagegevens opslaan", "Save the programme's fields"))),
            ])
    }

    /// The programme's own fields as the page shows them: who wrote it, adoption status, period and budget.
    private func programmeFacts(_ unit: ReviewUnit) -> [(String, String)] {
        var facts: [(String, String)] = []
        if let author = unit.value["author"] {
            let type = author["type"]?.string.flatMap(Author.AuthorType.init(rawValue:))?.label.text(language)
            facts.append((text("auteur", "author"), (author["name"]?.string ?? "") + (type.map { " (\($0))" } ?? "")))
        }
        if let adoption = unit.value["adoption_status"]?.string {
            facts.append((text("vaststelling", "adoption status"), AdoptionStatus(rawValue: adoption)?.label.text(language) ?? adoption))
        }
        if let from = unit.value["period"]?["from"]?.string.flatMap({ Int($0) }) {
            let period = Period(from: from, to: unit.value["period"]?["to"]?.string.flatMap { Int($0) })
            facts.append((text("periode", "period"), period.label(language)))
        }
        facts.append((text("begroting", "budget"), budgetState(unit.value["budget"])))
        return facts
    }

    /// The budget's state in words: lines, none and why, or unknown.
    private func budgetState(_ budget: YAMLValue?) -> String {
        if let lines = budget?["lines"]?.elements, !lines.isEmpty {
            return text("\(lines.count) begrotingsregels", "\(lines.count) budget lines")
        }
        if let reason = budget?["none"]?.string { return text("geen: ", "none: ") + reason }
        if budget?.string == "unknown" { return text("onbekend: het document zegt niets over geld", "unknown: the document says nothing about money") }
        return text("niet ingevuld", "not filled in")
    }

    /// What the programme says about money: while it has lines they stay (each is removed on its own);
    /// without lines, `unknown` or `none` with the reason and the passage that says so.
    private func budgetForm(_ unit: ReviewUnit) -> BodyNode {
        let budget = unit.value["budget"]
        let lines = budget?["lines"]?.elements.count ?? 0
        let summaryText = text("Begroting wijzigen", "Change the budget")
        guard lines == 0 else {
            return tag(
                "details", [("class", "picker")], tag("summary", [], .plain(summaryText)),
                .p(
                    .id("budget-lines-kept"),
                    .plain(
                        text(
                            "De begroting heeft \(lines) regels; die blijven staan. Noemt het document geen bedragen, verwijder dan elke regel (Verwijderen bij de regel); daarna kiest u hier 'onbekend' of 'geen'.",
                            "The budget has \(lines) lines; they stay. When the document states no amounts, remove each line (Remove at the line); then choose 'unknown' or 'none' here."))))
        }
        let current = budget?["none"] != nil ? "none" : "unknown"
        let states = Self.options(
            [
                ("unknown", LocalizedText(nl: "onbekend: het document zegt niets over geld", en: "unknown: the document says nothing about money")),
                ("none", LocalizedText(nl: "geen: het document zegt dat er geen begroting is", en: "none: the document says there is no budget")),
            ], selected: current)
        let hasQuote = !(budget?["evidence"]?.elements.isEmpty ?? true)
        return foldedForm(
            "budget", unit, summary: summaryText,
            fields: [
                field("budget-state", text("Begroting", "Budget"), tag("select", [("id", "budget-state"), ("name", "budget")], children: states)),
                field("budget-reason", text("Waarom er geen begroting is (bij 'geen')", "Why there is no budget (with 'none')"), voidTag("input", [("id", "budget-reason"), ("name", "reason"), ("value", budget?["none"]?.string ?? ""), ("maxlength", "300")])),
                field(
                    "budget-quote",
                    hasQuote
                        ? text("Passage die dat zegt (leeg: het citaat blijft)", "Passage that says so (empty: the quote stays)")
                        : text("Passage uit de brontekst die dat zegt (bij 'geen')", "Passage of the source text that says so (with 'none')"),
                    tag("textarea", [("id", "budget-quote"), ("name", "quote"), ("rows", "3"), ("maxlength", "2000")])),
                field("budget-section", text("Kop waaronder de passage staat", "Heading the passage stands under"), voidTag("input", [("id", "budget-section"), ("name", "section"), ("maxlength", "300")])),
                tag("button", [("type", "submit")], .plain(text("Begroting opslaan", "Save the budget"))),
            ])
    }

    /// A budget line's kind of money, from the model's list, and its label as the document has it.
    private func budgetLineForm(_ unit: ReviewUnit) -> BodyNode {
        let kinds = Self.options(BudgetKind.allCases.map { ($0.rawValue, $0.label) }, selected: unit.value["kind"]?.string)
        let precisions = Self.options(BudgetPrecision.allCases.map { ($0.rawValue, $0.label) }, selected: unit.value["precision"]?.string)
        let prefix = "budget-line-\(unit.id)"
        return foldedForm(
            "budget-line", unit, summary: text("Soort, omschrijving en nauwkeurigheid wijzigen", "Change kind, label and precision"),
            fields: [
                field("\(prefix)-label", text("Omschrijving", "Label"), voidTag("input", [("id", "\(prefix)-label"), ("name", "label"), ("value", unit.value["label"]?.string ?? ""), ("maxlength", "300")])),
                field("\(prefix)-kind", text("Soort geld", "Kind of money"), tag("select", [("id", "\(prefix)-kind"), ("name", "kind")], children: kinds)),
                field(
                    "\(prefix)-precision", text("Nauwkeurigheid", "Precision"),
                    tag("select", [("id", "\(prefix)-precision"), ("name", "precision")], children: precisions)),
                tag("button", [("type", "submit"), ("aria-describedby", "item-\(unit.id)-title")], .plain(text("Regel opslaan", "Save line"))),
            ])
    }

    /// Another kind for a draft: its source is drafted again in that kind, replacing every edit so far.
    /// Offered only while the file has review marks: a reviewed programme is not drafted over.
    private func kindForm() -> BodyNode {
        let kind = file.value["kind"]?.string
        let others = ProgrammeKinds().all.filter { $0.id != kind }
        guard marks > 0, source != nil, !others.isEmpty else { return .empty }
        let options = Self.options(others.map { ($0.id, $0.label) }, selected: nil)
        let current = ProgrammeKinds().all.first { $0.id == kind }.map { text($0.label.nl, $0.label.en) } ?? kind ?? ""
        return tag(
            "details", [("class", "picker"), ("id", "kind")],
            tag("summary", [], .plain(text("Soort programma: \(current) — een andere soort kiezen", "Kind of programme: \(current) — choose another kind"))),
            postForm(
                "kind",
                children: [
                    .p(
                        .id("kind-warning"),
                        .plain(
                            text(
                                "Een andere soort leest de brontekst opnieuw in als die soort, zoals bij het inlezen: alle wijzigingen die tot nu toe in dit bestand zijn gemaakt worden vervangen. Ongedaan maken (u) brengt de vorige versie terug.",
                                "Another kind reads the source text again as that kind, as the upload does: every change made to this file so far is replaced. Undo (u) brings the previous version back."))),
                    field("kind-choice", text("Soort programma", "Kind of programme"), tag("select", [("id", "kind-choice"), ("name", "kind")], children: options)),
                    tag("button", [("type", "submit"), ("aria-describedby", "kind-warning")], .plain(text("Opnieuw inlezen als deze soort", "Read again as this kind"))),
                ]))
    }

    /// A folded form of several fields for an item: its summary opens it, then the fields and the button.
    private func foldedForm(_ action: String, _ unit: ReviewUnit, summary: String, fields: [BodyNode]) -> BodyNode {
        tag(
            "details", [("class", "picker")],
            tag("summary", [], .plain(summary)),
            postForm(action, unit, children: fields))
    }

    /// The options of a closed list the model labels, each in Dutch and English, never a bare id; the
    /// current one selected.
    static func options(_ choices: [(id: String, label: LocalizedText)], selected: String?) -> [BodyNode] {
        choices.map { choice in
            tag(
                "option", [("value", choice.id)] + (choice.id == selected ? [("selected", "selected")] : []),
                .plain("\(choice.label.nl) / \(choice.label.en)"))
        }
    }

    /// A folded form of one labelled control for an item: open its summary, change, save.
    private func folded(
        _ action: String, _ unit: ReviewUnit, summary: String, label: String, control: (String) -> BodyNode, button: String
    ) -> BodyNode {
        let id = "\(action)-\(unit.id)"
        return tag(
            "details", [("class", "picker")],
            tag("summary", [], .plain(summary)),
            postForm(
                action, unit, attributes: [("class", "status-form")],
                children: [
                    tag("label", [("for", id)], .plain(label)),
                    control(id),
                    tag("button", [("type", "submit"), ("aria-describedby", "item-\(unit.id)-title")], .plain(button)),
                ]))
    }

    /// A budget line's amount per year: a row per year it has, and one more to add a year.
    private func amountsForm(_ unit: ReviewUnit) -> BodyNode {
        let current = (unit.value["amounts"]?.entries ?? []).map { ($0.key, $0.value.string ?? "") }
        let rows = (current + [("", "")]).enumerated().map { index, row in
            let year = "year-\(unit.id)-\(index)"
            let amount = "amount-\(unit.id)-\(index)"
            return tag(
                "div", [("class", "status-form")],
                tag("label", [("for", year)], .plain(text("Jaar", "Year"))),
                voidTag("input", [("id", year), ("name", "years[]"), ("value", row.0), ("size", "5"), ("maxlength", "4")]),
                tag("label", [("for", amount)], .plain(text("Bedrag in euro's", "Amount in euros"))),
                voidTag("input", [("id", amount), ("name", "amounts[]"), ("value", row.1), ("size", "14"), ("maxlength", "30")]))
        }
        let period = unit.value["period_amount"]
        let prefix = "amounts-\(unit.id)"
        func input(_ name: String, _ label: String, value: String?, size: Int) -> BodyNode {
            field(
                "\(prefix)-\(name)", label,
                voidTag("input", [("id", "\(prefix)-\(name)"), ("name", name), ("value", value ?? ""), ("size", String(size)), ("maxlength", "30")]))
        }
        return foldedForm(
            "amounts", unit, summary: text("Bedragen wijzigen", "Change amounts"),
            fields: rows + [
                .p(.class("meta"), .plain(text("Een leeg bedrag haalt dat jaar weg.", "An empty amount removes that year."))),
                .p(.plain(text("Of, als het document één bedrag voor meer jaren noemt:", "Or, when the document states one amount for several years:"))),
                input("from", text("Eerste jaar", "First year"), value: period?["from"]?.string, size: 5),
                input("until", text("Laatste jaar", "Last year"), value: period?["to"]?.string, size: 5),
                input("periodamount", text("Bedrag voor de periode in euro's", "Amount for the period in euros"), value: period?["amount"]?.string, size: 14),
                .p(.plain(text("Of, als het document geen jaren bij het bedrag noemt:", "Or, when the document states no years with the amount:"))),
                input("undated", text("Bedrag zonder jaren in euro's", "Amount without years in euros"), value: unit.value["undated_amount"]?.string, size: 14),
                tag("button", [("type", "submit"), ("aria-describedby", "item-\(unit.id)-title")], .plain(text("Bedragen opslaan", "Save amounts"))),
            ])
    }

    /// A small form for one of an item's quotes or reasons.
    private func indexed(_ action: String, _ unit: ReviewUnit, index: Int, label: String, describedBy: String) -> BodyNode {
        postForm(
            action, unit, attributes: [("class", "inline")],
            children: [
                voidTag("input", [("type", "hidden"), ("name", "index"), ("value", String(index))]),
                tag("button", [("type", "submit"), ("class", "small"), ("aria-describedby", describedBy)], .plain(label)),
            ])
    }

    /// The facets an item's pickers change, in the order the page shows them.
    static let pickedFacets: [TaxonomyFacet] = [.theme, .instrument, .role, .targetGroup]

    private func facetName(_ facet: TaxonomyFacet) -> (plural: String, primary: String, others: String) {
        switch facet {
        case .theme: (text("Thema's", "Themes"), text("Eerste thema", "Primary theme"), text("Andere thema's", "Other themes"))
        case .instrument:
            (text("Instrumenten", "Instruments"), text("Eerste instrument", "Primary instrument"), text("Andere instrumenten", "Other instruments"))
        case .role: (text("Rollen", "Roles"), text("Eerste rol", "Primary role"), text("Andere rollen", "Other roles"))
        case .targetGroup:
            (text("Doelgroepen", "Target groups"), text("Eerste doelgroep", "Primary target group"), text("Andere doelgroepen", "Other target groups"))
        case .itemStatus: (text("Status", "Status"), text("Status", "Status"), "")
        }
    }

    /// Ids of one facet chosen from the taxonomy, labelled in Dutch and English: the primary one, then any others.
    private func picker(_ unit: ReviewUnit, facet: TaxonomyFacet) -> BodyNode {
        guard let taxonomy = check.taxonomy else { return .empty }
        let current = unit.value[facet.pluginKey]?.elements.compactMap(\.string) ?? []
        let prefix = "\(facet.pluginKey)-\(unit.id)"
        let names = facetName(facet)
        func label(_ entry: TaxonomyEntry) -> String { "\(entry.label.nl) / \(entry.label.en)" }
        let entries = taxonomy.entries(facet)
        let primaryOptions =
            [tag("option", [("value", "")], .plain(text("(geen)", "(none)")))]
            + entries.map { entry in
                tag("option", [("value", entry.id)] + (current.first == entry.id ? [("selected", "selected")] : []), .plain(label(entry)))
            }
        let others = entries.map { entry in
            tag(
                "div", [("class", "choice")],
                voidTag(
                    "input",
                    [("type", "checkbox"), ("id", "\(prefix)-\(entry.id)"), ("name", "ids[]"), ("value", entry.id)]
                        // The primary is ticked too: choosing another primary keeps it among the others
                        // instead of dropping a suggestion no one removed.
                        + (current.contains(entry.id) ? [("checked", "checked")] : [])),
                tag("label", [("for", "\(prefix)-\(entry.id)")], .plain(label(entry))))
        }
        return tag(
            "details", [("class", "picker"), ("data-facet", facet.pluginKey)],
            tag("summary", [], .plain(text("\(names.plural) wijzigen", "Change \(names.plural.lowercased())"))),
            postForm(
                "facet", unit,
                children: [
                    voidTag("input", [("type", "hidden"), ("name", "facet"), ("value", facet.pluginKey)]),
                    field("\(prefix)-primary", names.primary, tag("select", [("id", "\(prefix)-primary"), ("name", "primary")], children: primaryOptions)),
                    tag("fieldset", [("class", "choices")], children: [tag("legend", [], .plain(names.others))] + others),
                    tag("button", [("type", "submit")], .plain(text("\(names.plural) opslaan", "Save \(names.plural.lowercased())"))),
                ]))
    }

    /// The item's status, one of the taxonomy's item statuses.
    private func statusPicker(_ unit: ReviewUnit) -> BodyNode {
        guard let taxonomy = check.taxonomy else { return .empty }
        let current = unit.value["status"]?.string
        let id = "status-\(unit.id)"
        let options = Self.options(taxonomy.itemStatuses.map { ($0.id, $0.label) }, selected: current)
        return postForm(
            "status", unit, attributes: [("class", "status-form")],
            children: [
                tag("label", [("for", id)], .plain(text("Status", "Status"))),
                tag("select", [("id", id), ("name", "status")], children: options),
                tag("button", [("type", "submit"), ("aria-describedby", "item-\(unit.id)-title")], .plain(text("Status opslaan", "Save status"))),
            ])
    }

    /// A new item from a passage copied out of the source text: the passage becomes its quote, checked
    /// against the source when it is saved.
    private func newItemForm() -> BodyNode {
        guard source != nil, let details = ProgrammeKinds().details(of: file.value["kind"]?.string ?? "") else { return .empty }
        let groups = details.groups.map { group in tag("option", [("value", group.key)], .plain("\(text(group.label.nl, group.label.en)) (\(group.key))")) }
        let themes =
            [tag("option", [("value", "")], .plain(text("(later kiezen)", "(choose later)")))]
            + (check.taxonomy?.themes ?? []).map { entry in tag("option", [("value", entry.id)], .plain("\(entry.label.nl) / \(entry.label.en)")) }
        let targets = units.filter { !$0.isProgramme && !$0.isBudgetLine }.map { unit in
            tag("option", [("value", unit.formPath)], .plain("\(unit.id) — \(unit.title)"))
        }
        return tag(
            "section", [("class", "new-item"), ("aria-labelledby", "new-item-heading")],
            .h2(.id("new-item-heading"), .plain(text("Nieuw onderdeel of citaat uit een passage", "New item or quote from a passage"))),
            .p(
                .plain(
                    text(
                        "Selecteer een passage in de brontekst hierboven met de muis (of kopieer en plak haar hier): zij wordt het citaat van het nieuwe onderdeel, letterlijk.",
                        "Select a passage in the source text above with the mouse (or copy and paste it here): it becomes the new item's quote, verbatim."))),
            .p(.id("selection-status"), .attribute(named: "aria-live", value: "polite"), .class("meta")),
            postForm(
                "add",
                children: [
                    field("new-quote", text("Passage (citaat)", "Passage (quote)"), tag("textarea", [("id", "new-quote"), ("name", "quote"), ("rows", "4"), ("required", "required"), ("maxlength", "2000")])),
                    field("new-title", text("Titel", "Title"), voidTag("input", [("id", "new-title"), ("name", "title"), ("required", "required"), ("maxlength", "300")])),
                    field("new-section", text("Sectie (kop waaronder de passage staat)", "Section (heading the passage stands under)"), voidTag("input", [("id", "new-section"), ("name", "section"), ("required", "required"), ("maxlength", "300")])),
                    field("new-group", text("Groep", "Group"), tag("select", [("id", "new-group"), ("name", "group")], children: groups)),
                    field("new-primary", text("Eerste thema", "Primary theme"), tag("select", [("id", "new-primary"), ("name", "primary")], children: themes)),
                    tag("button", [("type", "submit"), ("id", "new-item-button")], .plain(text("Onderdeel toevoegen", "Add item"))),
                    field("new-path", text("Of: citaat toevoegen aan onderdeel", "Or: add as a quote to item"), tag("select", [("id", "new-path"), ("name", "path")], children: targets)),
                    tag(
                        "button", [("type", "submit"), ("id", "add-quote-button"), ("formaction", "\(address)/quote"), ("formnovalidate", "formnovalidate")],
                        .plain(text("Citaat toevoegen", "Add quote"))),
                ]))
    }

    private func finish() -> BodyNode {
        let ready = marks == 0 && check.errors.isEmpty && check.otherErrors == 0
        let explanation =
            ready
            ? text(
                "Alles is nagekeken en geldig: Klaar importeert de plugins in de database.",
                "Everything is reviewed and valid: Klaar (done) imports the plugins into the database.")
            : text(
                "Klaar importeert zodra geen onderdeel meer na te kijken is en de validatie slaagt (nu: \(marks) na te kijken, \(check.errors.count) problemen hier, \(check.otherErrors) in andere bestanden).",
                "Klaar (done) imports once no part is left to review and validation passes (now: \(marks) to review, \(check.errors.count) problems here, \(check.otherErrors) in other files).")
        return tag(
            "section", [("class", "finish"), ("aria-labelledby", "finish-heading")],
            .h2(.id("finish-heading"), .plain(text("Klaar", "Done"))),
            .p(.id("finish-explanation"), .plain(explanation)),
            postForm("finish", children: [tag("button", [("type", "submit"), ("aria-describedby", "finish-explanation"), ("id", "finish-button")], .plain("Klaar"))]))
    }

    /// The source document with every quote of the items marked, each reachable from its item by a link.
    private func sourceText() -> BodyNode {
        guard let source else {
            return .p(
                .class("notice"),
                .plain(
                    text(
                        "Het brondocument staat niet in \(file.municipality)/sources/; de citaten kunnen niet worden getoond of gecontroleerd.",
                        "The source document is not in \(file.municipality)/sources/; quotes cannot be shown or checked.")))
        }
        var marks: [(range: Range<String.Index>, id: String)] = []
        for unit in units {
            for (index, evidence) in (unit.value["evidence"]?.elements ?? []).enumerated() {
                guard let quote = evidence["quote"]?.string, !quote.isEmpty, let range = Self.place(of: quote, in: source) else { continue }
                marks.append((range, "src-\(unit.id)-\(index)"))
            }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var nodes: [BodyNode] = []
        var position = source.startIndex
        for mark in marks where mark.range.lowerBound >= position {
            nodes.append(.plain(String(source[position..<mark.range.lowerBound])))
            nodes.append(tag("mark", [("id", mark.id)], .plain(String(source[mark.range]))))
            position = mark.range.upperBound
        }
        nodes.append(.plain(String(source[position...])))
        return tag(
            "pre", [("class", "source-text"), ("tabindex", "0"), ("aria-labelledby", "source-heading")], children: nodes)
    }

    /// Where a quote stands in the source, compared as `validate` compares: white space of any kind and
    /// length (a quote over a line break) and typographic quotes aside. The mark then covers the source's
    /// own text, so the page shows the document as it is.
    static func place(of quote: String, in source: String) -> Range<String.Index>? {
        if let exact = source.range(of: quote) { return exact }
        let words = QuoteChecker.normalise(quote).split(separator: " ").map { word in
            NSRegularExpression.escapedPattern(for: String(word))
                .replacingOccurrences(of: "'", with: "['‘’‚′]")
                .replacingOccurrences(of: "\"", with: "[\"“”„″]")
        }
        guard !words.isEmpty, let pattern = try? NSRegularExpression(pattern: words.joined(separator: "\\s+")),
            let match = pattern.firstMatch(in: source, range: NSRange(source.startIndex..., in: source))
        else { return nil }
        return Range(match.range, in: source)
    }
}

extension ReviewPage {
    /// The start page: every programme file in the folder, drafts first with their count of review marks.
    static func start(
        entries: [ReviewWorkspace.Entry], municipalities: [String], directory: String, token: String, language: Language,
        notice: LocalizedText? = nil
    ) -> String {
        func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        let suffix = language == .en ? "?lang=en" : ""
        let rows = entries.map { entry in
            let state: String =
                switch entry.reviewMarks {
                case nil: text("onleesbaar", "unreadable")
                case 0?: text("nagekeken", "reviewed")
                case let count?: text("concept: \(count) na te kijken", "draft: \(count) to review")
                }
            return tag(
                "li", [],
                tag("a", [("href", "/review/\(entry.municipality)/\(entry.name)\(suffix)")], .plain(entry.title)),
                .plain(" — \(entry.municipality)/\(entry.name) — \(state)"))
        }
        let list: BodyNode =
            entries.isEmpty
                ? .p(
                    .class("empty"),
                    .plain(
                        text(
                            "Nog geen programmabestanden in deze map. Lees hieronder een document in.",
                            "No programme files in this folder yet. Read a document below.")))
                : tag("ul", [("class", "entries")], children: rows)
        var noticeNode: BodyNode = .empty
        if let notice { noticeNode = .p(.class("notice"), .id("start-notice"), .attribute(named: "role", value: "alert"), .plain(notice.text(language))) }
        return page(
            title: text("Programma's nakijken", "Review programmes"), language: language, path: "/",
            .h1(.plain(text("Programma's nakijken", "Review programmes"))),
            noticeNode,
            .p(.plain(text("Map: \(directory). Concepten staan bovenaan.", "Folder: \(directory). Drafts come first."))),
            .h2(.plain(text("Openen", "Open"))),
            list,
            uploadForm(municipalities: municipalities, token: token, language: language))
    }

    /// A document to draft, for a municipality in the folder or a new one; works without script.
    private static func uploadForm(municipalities: [String], token: String, language: Language) -> BodyNode {
        func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        func input(_ name: String, _ extra: [(String, String)] = []) -> BodyNode {
            voidTag("input", [("id", name), ("name", name)] + extra)
        }
        let choices =
            municipalities.map { slug in tag("option", [("value", slug)], .plain(slug)) }
            + [tag("option", [("value", "new")] + (municipalities.isEmpty ? [("selected", "selected")] : []), .plain(text("een nieuwe gemeente (hieronder)", "a new municipality (below)")))]
        let provinces =
            [tag("option", [("value", "")], .plain(text("(kies)", "(choose)")))]
            + NewMunicipality.provinces.map { tag("option", [("value", $0)], .plain($0)) }
        let kinds =
            [tag("option", [("value", "")], .plain(text("laat inclusiebench kiezen", "let inclusiebench choose")))]
            + Drafter.kinds.map { tag("option", [("value", $0)], .plain($0)) }
        return tag(
            "section", [("class", "upload"), ("aria-labelledby", "upload-heading")],
            .h2(.id("upload-heading"), .plain(text("Een document inlezen", "Read a document"))),
            .p(.plain(text(
                "inclusiebench maakt er een concept van (zoals inclusiebench draft) en opent het om na te kijken. Een .txt-, .md- of .pdf-bestand van hoogstens \(DocumentReader.maximumPDFBytes / 1_000_000) MB.",
                "inclusiebench drafts it (as inclusiebench draft does) and opens it for review. A .txt, .md or .pdf file of at most \(DocumentReader.maximumPDFBytes / 1_000_000) MB."))),
            tag(
                "form", [("method", "post"), ("action", "/start"), ("enctype", "multipart/form-data"), ("id", "upload-form")],
                children: [voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)])]
                    + (language == .en ? [voidTag("input", [("type", "hidden"), ("name", "lang"), ("value", "en")])] : []) + [
                        field("document", text("Document", "Document"), input("document", [("type", "file"), ("required", "required"), ("accept", ".txt,.md,.pdf,text/plain,text/markdown,application/pdf")])),
                        field("municipality", text("Gemeente", "Municipality"), tag("select", [("id", "municipality"), ("name", "municipality")], children: choices)),
                        tag(
                            "fieldset", [("class", "new-municipality")],
                            tag("legend", [], .plain(text("Nieuwe gemeente", "New municipality"))),
                            field("new_name", text("Naam", "Name"), input("new_name", [("maxlength", "100")])),
                            field("new_slug", text("Korte naam (slug)", "Short name (slug)"), input("new_slug", [("maxlength", "60"), ("pattern", "[a-z0-9]+(-[a-z0-9]+)*")]), hint: text("kleine letters, cijfers en streepjes, zoals den-haag", "lower-case letters, digits and dashes, such as den-haag")),
                            field("new_province", text("Provincie", "Province"), tag("select", [("id", "new_province"), ("name", "new_province")], children: provinces)),
                            field("new_cbs_code", text("CBS-code", "CBS code"), input("new_cbs_code", [("maxlength", "6")]), hint: text("GM en vier cijfers, zoals GM0363", "GM and four digits, such as GM0363")),
                            field("new_population", text("Inwonertal", "Population"), input("new_population", [("inputmode", "numeric"), ("maxlength", "12")])),
                            field("new_reference_date", text("Peildatum van het inwonertal", "Reference date of the population"), input("new_reference_date", [("maxlength", "10"), ("placeholder", "2025-01-01")]), hint: text("jaar-maand-dag, zoals 2025-01-01", "year-month-day, such as 2025-01-01")),
                            field("new_publisher", text("Bron van het inwonertal", "Publisher of the population"), input("new_publisher", [("maxlength", "100"), ("value", "CBS")]))),
                        field("kind", text("Soort programma (niet verplicht)", "Kind of programme (optional)"), tag("select", [("id", "kind"), ("name", "kind")], children: kinds)),
                        tag("button", [("type", "submit"), ("id", "upload-button")], .plain(text("Inlezen en nakijken", "Read and review"))),
                    ]))
    }

    /// A refused request's page: what went wrong and where to go, with the status it is refused with.
    static func refusal(_ status: HTTPResponse.Status, _ message: LocalizedText, language: Language) -> Response {
        let heading = language == .nl ? "Dit kan niet" : "This cannot be done"
        let html = page(
            title: heading, language: language, path: "/",
            .h1(.plain(heading)), .p(.id("refusal"), .plain(message.text(language))),
            .p(tag("a", [("href", language == .en ? "/?lang=en" : "/")], .plain(language == .nl ? "Naar de startpagina" : "To the start page"))))
        return .html(html, status: status)
    }

    /// The frame every review page shares, with `serve`'s stylesheet, skip link and language switch.
    static func page(title: String, language: Language, path: String, _ content: BodyNode...) -> String {
        pageFrame(
            title: title + " — inclusiebench review", language: language,
            navigation: [tag("a", [("href", language == .en ? "/?lang=en" : "/"), ("class", "brand")], .plain("inclusiebench review"))],
            switchLanguage: path + (language == .nl ? "?lang=en" : ""),
            footer: language == .nl
                ? "Elke wijziging wordt meteen opgeslagen in het programmabestand en daarna gevalideerd."
                : "Every change is saved to the programme file at once and validated after.",
            content,
            // The one script: selection, keys and scrolling to quotes. Every form works without it.
            script: tag("script", [("src", "/review.js")]))
    }

    /// What the review adds to `serve`'s stylesheet: the two columns and the items' frames.
    static let css = """

        .review { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
        @media (max-width: 60rem) { .review { grid-template-columns: 1fr; } }
        .source { position: sticky; top: 0; }
        .source-text { white-space: pre-wrap; max-height: 85vh; overflow: auto; border: 1px solid var(--line); padding: .75rem; font-size: .9rem; }
        .source-text mark:target { outline: 3px solid #b45309; }
        .item { border: 1px solid var(--line); border-left: 6px solid var(--line); padding: .5rem 1rem; margin: .75rem 0; }
        .item.suggested { border-left-color: #b45309; }
        .item[data-depth="1"] { margin-left: 1.5rem; }
        .item:target { outline: 3px solid #1d4ed8; }
        .item dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
        .item dd { margin: 0; }
        .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0; }
        .problems .error { color: #9b1c1c; }
        .problems .warning { color: var(--warn); }
        .new-item form, .upload form, .new-municipality { display: flex; flex-direction: column; gap: .5rem; }
        .upload { max-width: 40rem; }
        .upload fieldset { flex-direction: column; align-items: stretch; }
        form.inline { display: inline; margin-left: .5rem; }
        button.small { font-size: .8rem; padding: 0 .4rem; }
        .field { display: flex; flex-direction: column; gap: .15rem; }
        .toolbar { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: baseline; }
        .keys dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
        .keys dd { margin: 0; }
        .item:focus { outline: 3px solid #1d4ed8; }
        .source-text mark.current { outline: 3px solid #1d4ed8; }
        .new-item textarea, .picker textarea { font: inherit; }
        .status-form { display: flex; gap: .5rem; align-items: center; margin: .25rem 0; }
        .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .25rem 1rem; }
        .done { border: 2px solid #166534; padding: .5rem 1rem; }
        .meta { color: var(--muted); }
        """
}

extension ReviewUnit {
    /// The lists an item can be moved to: the programme kind's groups, and the children of each item in the
    /// group its draft layout nests under (an action programme's execution lines hold `activities`).
    static func moveTargets(in programme: YAMLValue) -> [[String]] {
        guard let details = ProgrammeKinds().details(of: programme["kind"]?.string ?? "") else { return [] }
        let groups = details.groups.map { [$0.key] }
        guard let childKey = details.draftLayout.childKey else { return groups }
        let parents = units(in: programme).filter { $0.depth == 0 && $0.group == details.draftLayout.sections && !$0.isBudgetLine }
        return groups + parents.map { $0.path + [childKey] }
    }
}
