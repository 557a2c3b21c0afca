import InclusieModel
import InclusiePlugins

/// A part of a programme a person reviews: an item (in its group, perhaps under another item) or a budget
/// line, found in the plugin's own tree and addressed by its path of keys and ids.
public struct ReviewUnit: Sendable, Equatable {
    /// Keys and ids from the top of the file: `["execution_lines", "d-3"]`, `["pillars", "p-1", "activities", "p-1.2"]`,
    /// `["budget", "lines", "b-1"]`.
    public var path: [String]
    public var value: YAMLValue
    /// 0 for a group's item or a budget line, 1 for an item under another item.
    public var depth: Int

    /// The programme itself when the path is empty: `draft` marks its own fields (title, kind, adoption
    /// status, author, period, budget) for review too.
    public var isProgramme: Bool { path.isEmpty }
    public var id: String { path.last ?? "programme" }
    /// The key of the list it stands in: the programme's native group (`execution_lines`) or `lines`.
    public var group: String { path.count >= 2 ? path[path.count - 2] : "" }
    /// The path as a form sends it: `programme` for the programme itself.
    public var formPath: String { path.isEmpty ? "programme" : path.joined(separator: "/") }
    public var isBudgetLine: Bool { path.first == "budget" }
    /// Still marked `review: suggested` by the drafter.
    public var isSuggestion: Bool { value["review"] != nil }
    public var title: String { value["title"]?.string ?? value["label"]?.string ?? id }
    /// Why each suggestion was made, as the drafter wrote it.
    public var reasons: [String] { value["suggested_by"]?.elements.compactMap(\.string) ?? [] }

    /// Top-level keys that hold no items.
    static let notItemGroups: Set<String> = ["evidence", "partners", "budget", "author", "period"]

    /// Every item and budget line in the file, in file order, children right after their parent.
    public static func units(in programme: YAMLValue) -> [ReviewUnit] {
        var units: [ReviewUnit] = []
        if programme["review"] != nil { units.append(ReviewUnit(path: [], value: programme, depth: 0)) }
        func items(in list: YAMLValue, path: [String], depth: Int) {
            for element in list.elements {
                guard let id = element["id"]?.string, element["title"] != nil else { continue }
                units.append(ReviewUnit(path: path + [id], value: element, depth: depth))
                guard depth == 0 else { continue }
                for entry in element.entries where isItemList(entry.value) {
                    items(in: entry.value, path: path + [id, entry.key], depth: depth + 1)
                }
            }
        }
        for entry in programme.entries where !notItemGroups.contains(entry.key) && isItemList(entry.value) {
            items(in: entry.value, path: [entry.key], depth: 0)
        }
        for line in programme["budget"]?["lines"]?.elements ?? [] {
            guard let id = line["id"]?.string else { continue }
            units.append(ReviewUnit(path: ["budget", "lines", id], value: line, depth: 0))
        }
        return units
    }

    /// A list of mappings that have ids and titles: a group of items.
    private static func isItemList(_ value: YAMLValue) -> Bool {
        guard case .sequence(let elements, _) = value, !elements.isEmpty else { return false }
        return elements.allSatisfy { $0["id"]?.string != nil && $0["title"] != nil }
    }

    /// The path a form sends, read back: `programme` is the programme itself.
    public static func path(fromForm text: String) -> [String] {
        text == "programme" ? [] : text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether a path sent by a page can name a unit: steps are keys and ids (`a-z 0-9 _ - .`), never `..`;
    /// empty for the programme itself.
    public static func isWellFormed(_ path: [String]) -> Bool {
        path.isEmpty || (2...6).contains(path.count)
            && path.allSatisfy { step in
                !step.isEmpty && step.count <= 100 && !step.contains("..")
                    && step.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
            }
    }
}

/// The changes a review page makes to a programme's tree.
public enum ReviewEdit: Sendable, Equatable {
    /// The suggestions are right: the review mark and its reasons go.
    case accept([String])
    /// The item or line is not part of the programme.
    case remove([String])
    /// New ids for one facet (`themes`, `instruments`, `roles`, `target_groups`), the primary one first.
    case setFacet([String], key: String, ids: [String])
    /// The item's status, from the taxonomy's item statuses.
    case setStatus([String], status: String)
    /// A new item at the end of a native group, its quote a passage of the source (checked verbatim by the
    /// caller), made by a person: so it carries no review mark.
    case addItem(group: String, title: String, quote: String, section: String, themes: [String])
    /// One more quote for an item, a passage of the source (checked verbatim by the caller).
    case addQuote([String], quote: String, section: String)
    /// One of several quotes goes (a weak one, say); an item's last quote stays, for `validate` wants one.
    case removeQuote([String], index: Int)
    /// One suggestion is right: its reason goes, and with the last reason the review mark.
    case acceptReason([String], index: Int)
    /// The years an item is active, in order; none removes the key.
    case setYears([String], years: [Int])
    /// A budget line's money in one of its three shapes; the other two go, for a line has one.
    case setAmounts([String], LineAmounts)
    /// An item to the end of another list: a group (`[execution_lines]`) or another item's children
    /// (`[execution_lines, d-7, activities]`). The caller offers only the kind's own places.
    case move([String], to: [String])
    /// One item goes up in another: its quotes, facets and years join the other's (whose primary ones stay
    /// first), and a review mark with its reasons comes along. An item with children is not merged.
    case merge([String], into: [String])
    /// An item's title, as a person writes it (a budget line has a label, not a title).
    case setTitle([String], title: String)
    /// The programme's own fields a draft guesses: title, who wrote it (a municipality or a party) and
    /// their name, adoption status and period (`to` nil: open-ended; `from` nil: no period).
    case setProgrammeFields(title: String, authorType: Author.AuthorType, authorName: String, adoptionStatus: String, from: Int?, to: Int?)
    /// What the programme says about money while it has no budget lines. A programme with lines keeps them:
    /// they are removed one by one first, so no line goes unseen.
    case setBudget(BudgetChoice)
    /// A budget line's kind of money, its label (a line has a label where an item has a title) and
    /// whether its amounts are exact or indicative.
    case setBudgetLine([String], kind: BudgetKind, label: String, precision: BudgetPrecision)
    /// One of an item's quotes becomes an item of its own right after it, titled with the quote's first
    /// words and with the same facets; the item keeps its other quotes.
    case split([String], quote: Int, title: String)

    /// Keys an item's facet lists stand before, in the order `draft` and the format documentation use.
    static let keysAfterFacets = ["owner", "contact_points", "years", "related", "note", "review", "suggested_by", "evidence"]

    /// Applies the edit; refuses a path that names no item of this programme.
    public func apply(to programme: YAMLValue) throws(ReviewError) -> YAMLValue {
        var result = programme
        let found: Bool
        switch self {
        case .accept(let path):
            found = Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                unit.remove("review")
                unit.remove("suggested_by")
            }
        case .remove(let path):
            found = Self.isUnit(path, in: programme) && result.removeElement(at: path)
        case .setFacet(let path, let key, let ids):
            found = !path.isEmpty && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                unit.set(key, to: .idList(ids), before: Self.keysAfterFacets)
            }
        case .setTitle(let path, let title):
            found = !path.isEmpty && path.first != "budget" && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                unit.set("title", to: .quoted(title))
            }
        case .setProgrammeFields(let title, let authorType, let authorName, let adoptionStatus, let from, let to):
            found = result.update(at: []) { unit in
                unit.set("title", to: .quoted(title))
                _ = unit.update(at: ["author"]) { author in
                    author.set("type", to: .scalar(authorType.rawValue, quoted: false), before: ["name"])
                    author.set("name", to: .quoted(authorName))
                }
                unit.set("adoption_status", to: .scalar(adoptionStatus, quoted: false))
                if let from {
                    let bounds = [("from", from)] + (to.map { [("to", $0)] } ?? [])
                    unit.set("period", to: .mapping(bounds.map { .init(key: $0.0, value: .scalar(String($0.1), quoted: false)) }, flow: true))
                } else {
                    unit.remove("period")
                }
            }
        case .setBudget(let choice):
            let budget = programme["budget"]
            guard (budget?["lines"]?.elements ?? []).isEmpty else {
                throw ReviewError(
                    LocalizedText(
                        nl: "de begroting heeft nog regels; verwijder die eerst één voor één als het document geen bedragen noemt",
                        en: "the budget still has lines; remove them one by one first when the document states no amounts"))
            }
            switch choice {
            case .unknown:
                result.set("budget", to: .scalar("unknown", quoted: false))
            case .none(let reason, let quote):
                // A statement that there is no budget needs a quote; one already there stays unless replaced.
                let kept = budget?["evidence"].flatMap { $0.elements.isEmpty ? nil : $0 }
                guard let evidence = quote.map({ YAMLValue.evidence([$0]) }) ?? kept else {
                    throw ReviewError(
                        LocalizedText(
                            nl: "geef de passage uit de brontekst die zegt dat er geen begroting is",
                            en: "give the passage of the source text that says there is no budget"))
                }
                // Block style whatever was there: a budget left without lines was written `budget: {}`.
                var statement = YAMLValue.mapping([], flow: false)
                if case .mapping(let entries, _)? = budget { statement = .mapping(entries, flow: false) }
                statement.remove("lines")
                statement.set("none", to: .quoted(reason), before: ["note", "evidence"])
                statement.set("evidence", to: evidence)
                result.set("budget", to: statement)
            }
            found = true
        case .setBudgetLine(let path, let kind, let label, let precision):
            found = path.first == "budget" && Self.isUnit(path, in: programme) && result.update(at: path) { line in
                line.set("label", to: .quoted(label))
                // In the format's order: label, block, kind, precision, the links, the amounts.
                let links = ["instrument", "theme", "partner", "item"]
                line.set("kind", to: .scalar(kind.rawValue, quoted: false), before: ["precision"] + links + LineAmounts.keys)
                line.set("precision", to: .scalar(precision.rawValue, quoted: false), before: links + LineAmounts.keys)
            }
        case .setStatus(let path, let status):
            found = !path.isEmpty && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                unit.set("status", to: .text(status), before: ["themes", "instruments", "roles", "target_groups"] + Self.keysAfterFacets)
            }
        case .addQuote(let path, let quote, let section):
            found = !path.isEmpty && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                let added = YAMLValue.evidence([Evidence(quote: quote, section: section)])
                if case .sequence(let elements, let flow)? = unit["evidence"] {
                    unit.set("evidence", to: .sequence(elements + added.elements, flow: flow))
                } else {
                    unit.set("evidence", to: added)
                }
            }
        case .removeQuote(let path, let index):
            let count = programme.value(at: path)?["evidence"]?.elements.count ?? 0
            found = Self.isUnit(path, in: programme) && count > 1 && (0..<count).contains(index) && result.update(at: path) { unit in
                if case .sequence(var elements, let flow)? = unit["evidence"] {
                    elements.remove(at: index)
                    unit.set("evidence", to: .sequence(elements, flow: flow))
                }
            }
        case .acceptReason(let path, let index):
            let reasons = programme.value(at: path)?["suggested_by"]?.elements ?? []
            found = Self.isUnit(path, in: programme) && reasons.indices.contains(index) && result.update(at: path) { unit in
                var left = reasons
                left.remove(at: index)
                if left.isEmpty {
                    unit.remove("review")
                    unit.remove("suggested_by")
                } else if case .sequence(_, let flow)? = unit["suggested_by"] {
                    unit.set("suggested_by", to: .sequence(left, flow: flow))
                }
            }
        case .setYears(let path, let years):
            found = !path.isEmpty && path.first != "budget" && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                if years.isEmpty {
                    unit.remove("years")
                } else {
                    unit.set("years", to: .sequence(years.map { .scalar(String($0), quoted: false) }, flow: true), before: Self.keysAfterYears)
                }
            }
        case .setAmounts(let path, let amounts):
            found = path.first == "budget" && Self.isUnit(path, in: programme) && result.update(at: path) { unit in
                let after = ["note", "review", "suggested_by", "evidence"]
                for key in LineAmounts.keys { unit.remove(key) }
                switch amounts {
                case .perYear(let years) where years.isEmpty:
                    break
                case .perYear(let years):
                    let entries = years.map { YAMLValue.Entry(key: String($0.year), value: .scalar($0.euros, quoted: false)) }
                    unit.set("amounts", to: .mapping(entries, flow: false), before: after)
                case .period(let from, let to, let euros):
                    let bounds = [("from", String(from)), ("to", String(to)), ("amount", euros)]
                    unit.set(
                        "period_amount", to: .mapping(bounds.map { .init(key: $0.0, value: .scalar($0.1, quoted: false)) }, flow: true),
                        before: after)
                case .undated(let euros):
                    unit.set("undated_amount", to: .scalar(euros, quoted: false), before: after)
                }
            }
        case .move(let path, let destination):
            let unit = ReviewUnit.units(in: programme).first { $0.path == path }
            // An item with children of its own stays at the top: the review's trees are two deep.
            let hasChildren = ReviewUnit.units(in: programme).contains { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
            let underItself = destination.count == 3 && destination.prefix(2) == path.prefix(2) && path.count == 2
            guard let unit, !unit.isBudgetLine, !unit.isProgramme, destination.count == 1 || destination.count == 3,
                destination != Array(path.dropLast()), !underItself, !(destination.count == 3 && hasChildren)
            else {
                found = false
                break
            }
            found = result.removeElement(at: path) && {
                if destination.count == 1 {
                    if result[destination[0]] == nil { result.set(destination[0], to: .sequence([], flow: false)) }
                    return result.update(at: destination) { list in
                        if case .sequence(let elements, let flow) = list { list = .sequence(elements + [unit.value], flow: flow) }
                    }
                }
                return result.update(at: Array(destination.prefix(2))) { parent in
                    if case .sequence(let elements, let flow)? = parent[destination[2]] {
                        parent.set(destination[2], to: .sequence(elements + [unit.value], flow: flow))
                    } else {
                        parent.set(destination[2], to: .sequence([unit.value], flow: false))
                    }
                }
            }()
        case .merge(let path, let target):
            let all = ReviewUnit.units(in: programme)
            let hasChildren = all.contains { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
            guard let unit = all.first(where: { $0.path == path }), let into = all.first(where: { $0.path == target }), path != target,
                !unit.isBudgetLine, !unit.isProgramme, !into.isBudgetLine, !into.isProgramme, !hasChildren
            else {
                found = false
                break
            }
            found = result.update(at: target) { item in
                for key in ["themes", "instruments", "roles", "target_groups"] {
                    let ids = (into.value[key]?.elements ?? []) + (unit.value[key]?.elements ?? []).filter { !(into.value[key]?.elements ?? []).contains($0) }
                    if !ids.isEmpty { item.set(key, to: .sequence(ids, flow: true), before: Self.keysAfterFacets) }
                }
                let years = Set(((into.value["years"]?.elements ?? []) + (unit.value["years"]?.elements ?? [])).compactMap(\.string)).sorted()
                if !years.isEmpty { item.set("years", to: .sequence(years.map { .scalar($0, quoted: false) }, flow: true), before: Self.keysAfterYears) }
                if unit.isSuggestion {
                    item.set("review", to: .scalar("suggested", quoted: false), before: ["suggested_by", "evidence"])
                    item.set("suggested_by", to: .sequence(into.reasons.map { .text($0) } + unit.reasons.map { .text($0) }, flow: false), before: ["evidence"])
                }
                item.set("evidence", to: .sequence((into.value["evidence"]?.elements ?? []) + (unit.value["evidence"]?.elements ?? []), flow: false))
            } && result.removeElement(at: path)
        case .split(let path, let index, let title):
            let all = ReviewUnit.units(in: programme)
            let quotes = programme.value(at: path)?["evidence"]?.elements ?? []
            guard let unit = all.first(where: { $0.path == path }), !unit.isBudgetLine, !unit.isProgramme, quotes.count > 1,
                quotes.indices.contains(index)
            else {
                found = false
                break
            }
            let id = Self.newID(in: path.first, among: all)
            var copy = unit.value
            copy.set("id", to: .text(id))
            copy.set("title", to: .quoted(title))
            copy.remove("number")
            for entry in copy.entries where entry.value.elements.first?["id"] != nil && entry.value.elements.first?["title"] != nil {
                copy.remove(entry.key)
            }
            copy.set("evidence", to: .sequence([quotes[index]], flow: false))
            found = result.update(at: path) { item in
                var kept = quotes
                kept.remove(at: index)
                item.set("evidence", to: .sequence(kept, flow: false))
            } && result.update(at: Array(path.dropLast())) { list in
                guard case .sequence(var elements, let flow) = list, let position = elements.firstIndex(where: { $0["id"]?.string == path.last }) else { return }
                elements.insert(copy, at: position + 1)
                list = .sequence(elements, flow: flow)
            }
        case .addItem(let group, let title, let quote, let section, let themes):
            let id = Self.newID(in: group, among: ReviewUnit.units(in: programme))
            let item = YAMLValue.fields([
                "id": .text(id),
                "title": .quoted(title),
                "themes": .idList(themes),
                "evidence": .evidence([Evidence(quote: quote, section: section)]),
            ])
            if result[group] == nil {
                result.set(group, to: .sequence([item], flow: false))
            } else {
                result.update(at: [group]) { list in
                    if case .sequence(let elements, let flow) = list { list = .sequence(elements + [item], flow: flow) }
                }
            }
            found = true
        }
        guard found else {
            throw ReviewError(
                LocalizedText(
                    nl: "dit onderdeel staat niet (meer) in het programma; laad de pagina opnieuw",
                    en: "this part is not (or no longer) in the programme; reload the page"))
        }
        return result
    }

    /// An id for a new item of `group` that no part of the file has: the prefix the group's ids share (`d`
    /// for `d-1`, `d-4`), which `validate` expects of a new one too, or `n` (new) for a group without
    /// items; then the first number free.
    static func newID(in group: String?, among units: [ReviewUnit]) -> String {
        let ids = units.filter { $0.path.first == group }.map(\.id)
        let prefixes = ids.compactMap { id in id.range(of: #"^[a-z]+(?=-\d)"#, options: .regularExpression).map { String(id[$0]) } }
        let prefix = prefixes.first.flatMap { first in prefixes.allSatisfy { $0 == first } ? first : nil } ?? "n"
        let taken = Set(units.map(\.id))
        return (1...).lazy.map { "\(prefix)-\($0)" }.first { !taken.contains($0) }!
    }

    static let keysAfterYears = ["related", "note", "review", "suggested_by", "evidence"]

    private static func isUnit(_ path: [String], in programme: YAMLValue) -> Bool {
        ReviewUnit.units(in: programme).contains { $0.path == path }
    }
}

/// A budget line's money as the document states it: an amount per year, one amount for a period, or an
/// amount whose years are not stated (`amounts`, `period_amount`, `undated_amount`). Euros as plugins
/// write them (`23200.50`).
public enum LineAmounts: Sendable, Equatable {
    /// None removes every amount, which `validate` then asks for.
    case perYear([YearAmount])
    case period(from: Int, to: Int, euros: String)
    case undated(euros: String)

    /// The keys of the three shapes, which a line has one of.
    static let keys = ["amounts", "period_amount", "undated_amount"]
}

/// What a person says of a programme's money once it has no budget lines.
public enum BudgetChoice: Sendable, Equatable {
    /// The document says nothing about money: `budget: unknown`.
    case unknown
    /// The document says there is no budget: why, and the passage that says so (checked verbatim by the
    /// caller); nil keeps the quote the budget has.
    case none(reason: String, quote: Evidence?)
}

/// One year's amount of a budget line, as a person typed it and the plugin writes it.
public struct YearAmount: Sendable, Equatable {
    public var year: Int
    /// Euros as plugins write them: digits, and a point with at most two decimals.
    public var euros: String

    public init(year: Int, euros: String) {
        self.year = year
        self.euros = euros
    }

    /// A year as people write one in a programme: four digits between 1900 and 2100.
    public static func year(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 4, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(trimmed), (1900...2100).contains(year) else {
            return nil
        }
        return year
    }

    /// Years written with commas or spaces (`2025, 2026`); nil when any of them is no year.
    public static func years(_ text: String) -> [Int]? {
        var years: [Int] = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            guard let year = year(String(word)) else { return nil }
            if !years.contains(year) { years.append(year) }
        }
        return years.sorted()
    }
}
