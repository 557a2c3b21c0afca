import InclusieModel
import Yams

/// The parts every programme file shares, whatever its kind: who, what, when, which source, and the money.
struct NativeHeader: Decodable {
    static let keys: Set<String> = [
        "kind", "id", "title", "author", "period", "date", "adoption_status", "source", "note", "evidence",
        "partners", "budget", "label", "coverage", "coverage_reason", "review", "suggested_by",
    ]

    struct NativeAuthor: Decodable {
        var type: String
        var name: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, name
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            name = try requiredText(container, .name, at: decoder.codingPath)
        }
    }

    /// `to` may be left out: an open-ended period.
    struct NativePeriod: Decodable {
        var from: Int
        var to: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case from, to
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try container.decode(DecimalInt.self, forKey: .from).value
            to = try container.decodeIfPresent(DecimalInt.self, forKey: .to)?.value
        }
    }

    var kind: String
    var id: String
    var title: String
    var author: Author
    var period: Period?
    var date: String?
    var adoptionStatus: AdoptionStatus
    var source: String
    var note: String?
    var evidence: [NativeEvidence]
    var partners: [NativePartner]
    var budget: NativeBudget
    var label: String?
    var coverage: Coverage
    /// `suggested` while the programme's own fields (title, kind, adoption status, author, period, budget
    /// state) are the guesses of `inclusiebench draft`, not yet checked by a person.
    var review: String?
    var suggestedBy: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func key(_ name: String) -> AnyKey { AnyKey(stringValue: name) }
        func problem(at name: String, nl: String, en: String) -> DecodingError { dataCorrupted(at: decoder.codingPath + [key(name)], LocalizedText(nl: nl, en: en)) }
        review = try container.decodeIfPresent(String.self, forKey: key("review"))
        suggestedBy = try container.decodeIfPresent([String].self, forKey: key("suggested_by")) ?? []
        if let review, review != "suggested" {
            throw problem(
                at: "review",
                nl: "'review: \(review)' kent de tool niet; schrijf 'review: suggested', of haal de regel weg als je de programmagegevens hebt nagekeken",
                en: "the tool does not know 'review: \(review)'; write 'review: suggested', or remove the line once you have reviewed the programme's fields")
        }
        label = try container.decodeIfPresent(String.self, forKey: key("label"))
        let coverageReason = try container.decodeIfPresent(String.self, forKey: key("coverage_reason"))
        switch try container.decodeIfPresent(String.self, forKey: key("coverage")) {
        case nil, "complete":
            guard coverageReason == nil else {
                throw problem(
                    at: "coverage_reason",
                    nl: "'coverage_reason' hoort bij 'coverage: partial'; schrijf 'coverage: partial' erboven, of haal de reden weg",
                    en: "'coverage_reason' belongs with 'coverage: partial'; write 'coverage: partial' above it, or remove the reason")
            }
            coverage = .complete
        case "partial":
            guard let reason = coverageReason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw problem(
                    at: "coverage",
                    nl: "'coverage: partial' heeft een reden nodig; voeg 'coverage_reason: <waarop het plugin gebaseerd is, bv. alleen de samenvatting>' toe",
                    en: "'coverage: partial' needs a reason; add 'coverage_reason: <what the plugin is based on, e.g. only the summary>'")
            }
            coverage = .partial(reason: reason)
        case let other?:
            throw problem(
                at: "coverage",
                nl: "'\(other)' is hier niet toegestaan; gebruik 'partial' (met 'coverage_reason') of laat 'coverage' weg",
                en: "'\(other)' is not allowed here; use 'partial' (with 'coverage_reason') or leave 'coverage' out")
        }
        kind = try container.decode(String.self, forKey: key("kind"))
        id = try requiredText(container, key("id"), at: decoder.codingPath)
        title = try requiredText(container, key("title"), at: decoder.codingPath)
        let nativeAuthor = try container.decode(NativeAuthor.self, forKey: key("author"))
        author = Author(
            type: try parseEnum(Author.AuthorType.self, nativeAuthor.type, at: decoder.codingPath + [key("author")]),
            name: nativeAuthor.name)
        period = try container.decodeIfPresent(NativePeriod.self, forKey: key("period")).map {
            Period(from: $0.from, to: $0.to)
        }
        date = try container.decodeIfPresent(ISODate.self, forKey: key("date"))?.text
        adoptionStatus = try parseEnum(
            AdoptionStatus.self, try container.decode(String.self, forKey: key("adoption_status")),
            at: decoder.codingPath + [key("adoption_status")])
        source = try requiredText(container, key("source"), at: decoder.codingPath)
        note = try container.decodeIfPresent(String.self, forKey: key("note"))
        evidence = try container.decodeIfPresent([NativeEvidence].self, forKey: key("evidence")) ?? []
        partners = try container.decodeIfPresent([NativePartner].self, forKey: key("partners")) ?? []
        budget = try container.decode(NativeBudget.self, forKey: key("budget"))
    }
}

/// A programme file: the shared header plus the groups of items its kind's details name.
struct NativeProgramme<Kind: ProgrammeAdapter>: Decodable {
    var header: NativeHeader
    var groups: NativeGroups

    init(from decoder: any Decoder) throws {
        let details = Kind.details
        let (container, keys) = try knownKeys(in: decoder, allowed: NativeHeader.keys.union(details.groupKeys))
        header = try NativeHeader(from: decoder)
        groups = try NativeGroups(container, keys: keys, groups: details.groups)
    }
}

/// The budget part: a table of lines, `none:` with the reason there is no budget, or `unknown` when the
/// document says nothing about money.
struct NativeBudget: Decodable {
    var line: Int?
    var isUnknown = false
    var noneReason: String?
    var note: String?
    var evidence: [NativeEvidence] = []
    var lines: [NativeBudgetLine] = []

    init(from decoder: any Decoder) throws {
        line = decoder.yamlLine
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            guard word == "unknown" else {
                throw dataCorrupted(
                    at: decoder.codingPath,
                    LocalizedText(
                        nl: "'budget: \(word)' kan niet; schrijf 'budget: unknown' als het document niets over geld zegt, of 'lines:' of 'none:' eronder",
                        en: "'budget: \(word)' is not possible; write 'budget: unknown' when the document says nothing about money, or 'lines:' or 'none:' under it"))
            }
            isUnknown = true
            return
        }
        try rejectUnknownKeys(in: decoder, allowed: ["none", "note", "evidence", "lines"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        noneReason = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "none"))
        if let noneReason, isBlank(noneReason) {
            throw dataCorrupted(
                at: decoder.codingPath + [AnyKey(stringValue: "none")],
                LocalizedText(
                    nl: "'none' is leeg; schrijf waarom er geen begroting is, in de woorden van het document",
                    en: "'none' is empty; write why there is no budget, in the document's words"))
        }
        note = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "note"))
        evidence = try container.decodeIfPresent([NativeEvidence].self, forKey: AnyKey(stringValue: "evidence")) ?? []
        lines = try container.decodeIfPresent([NativeBudgetLine].self, forKey: AnyKey(stringValue: "lines")) ?? []
        if noneReason != nil && !lines.isEmpty {
            throw dataCorrupted(
                at: decoder.codingPath,
                LocalizedText(
                    nl: "de begroting heeft zowel 'none' als 'lines'; houd de begrotingsregels, of houd 'none' met de reden",
                    en: "the budget has both 'none' and 'lines'; keep the lines, or keep 'none' with its reason"))
        }
        if noneReason == nil && lines.isEmpty {
            throw dataCorrupted(
                at: decoder.codingPath,
                LocalizedText(
                    nl: "de begroting heeft geen 'lines' en geen 'none'; voeg de begrotingsregels toe, 'none: <waarom er geen begroting is>', of schrijf 'budget: unknown' als het document niets over geld zegt",
                    en: "the budget has neither 'lines' nor 'none'; add the budget lines, 'none: <why there is no budget>', or write 'budget: unknown' when the document says nothing about money"))
        }
    }
}

/// One budget line with an amount in euros per year.
struct NativeBudgetLine: Decodable {
    static let keys: Set<String> = [
        "id", "label", "block", "kind", "precision", "instrument", "theme", "partner", "item", "amounts", "note",
        "evidence", "period_amount", "undated_amount", "review", "suggested_by",
    ]

    /// `period_amount: { from: 2020, to: 2022, amount: 1700000 }`: one sum for the whole period.
    struct NativePeriodAmount: Decodable {
        var from: Int
        var to: Int
        var amount: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case from, to, amount
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try container.decode(DecimalInt.self, forKey: .from).value
            to = try container.decode(DecimalInt.self, forKey: .to).value
            amount = try container.decode(String.self, forKey: .amount)
        }
    }

    var line: Int?
    var id: String
    var label: String
    var block: String?
    var kind: BudgetKind
    var precision: BudgetPrecision
    var instrument: String?
    var theme: String?
    var partner: String?
    var item: String?
    var amounts: [YearAmount]
    var periodAmount: PeriodAmount?
    var undatedAmount: UndatedAmount?
    var note: String?
    var evidence: [NativeEvidence]
    /// `suggested` while the line is a candidate found by `inclusiebench draft`, not yet checked by a person.
    var review: String?
    var suggestedBy: [String]

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: Self.keys)
        let container = try decoder.container(keyedBy: AnyKey.self)
        func key(_ name: String) -> AnyKey { AnyKey(stringValue: name) }
        func optional(_ name: String) throws -> String? { try container.decodeIfPresent(String.self, forKey: key(name)) }
        line = decoder.yamlLine
        id = try requiredText(container, key("id"), at: decoder.codingPath)
        label = try requiredText(container, key("label"), at: decoder.codingPath)
        block = try optional("block")
        kind = try parseEnum(
            BudgetKind.self, try container.decode(String.self, forKey: key("kind")),
            at: decoder.codingPath + [key("kind")])
        precision = try parseEnum(
            BudgetPrecision.self, try container.decode(String.self, forKey: key("precision")),
            at: decoder.codingPath + [key("precision")])
        instrument = try optional("instrument")
        theme = try optional("theme")
        partner = try optional("partner")
        item = try optional("item")
        note = try optional("note")
        evidence = try container.decodeIfPresent([NativeEvidence].self, forKey: key("evidence")) ?? []
        review = try optional("review")
        suggestedBy = try container.decodeIfPresent([String].self, forKey: key("suggested_by")) ?? []

        // `undated_amount: 145000`: the document states the amount but no years, neither per year nor a period.
        if let text = try container.decodeIfPresent(String.self, forKey: key("undated_amount")) {
            let path = decoder.codingPath + [key("undated_amount")]
            if let other = ["amounts", "period_amount"].first(where: { container.contains(key($0)) }) {
                throw dataCorrupted(
                    at: path,
                    LocalizedText(
                        nl: "begrotingsregel '\(id)' heeft zowel '\(other)' als 'undated_amount'; gebruik 'undated_amount' alleen als het document bij het bedrag geen jaren noemt, anders alleen '\(other)'",
                        en: "budget line '\(id)' has both '\(other)' and 'undated_amount'; use 'undated_amount' only when the document states no years with the amount, otherwise only '\(other)'"))
            }
            undatedAmount = UndatedAmount(amount: try Self.amount(text, for: "'undated_amount'", at: path))
            amounts = []
            return
        }
        if let native = try container.decodeIfPresent(NativePeriodAmount.self, forKey: key("period_amount")) {
            let path = decoder.codingPath + [key("period_amount")]
            guard !container.contains(key("amounts")) else {
                throw dataCorrupted(
                    at: path,
                    LocalizedText(
                        nl: "begrotingsregel '\(id)' heeft zowel 'amounts' als 'period_amount'; gebruik 'amounts' als het document per jaar een bedrag noemt, anders alleen 'period_amount'",
                        en: "budget line '\(id)' has both 'amounts' and 'period_amount'; use 'amounts' when the document gives an amount per year, otherwise only 'period_amount'"))
            }
            guard native.from <= native.to else {
                throw dataCorrupted(
                    at: path,
                    LocalizedText(
                        nl: "de periode \(native.from)–\(native.to) loopt achteruit; schrijf 'period_amount: { from: 2020, to: 2022, amount: 1700000 }'",
                        en: "the period \(native.from)–\(native.to) runs backwards; write 'period_amount: { from: 2020, to: 2022, amount: 1700000 }'"))
            }
            periodAmount = PeriodAmount(
                from: native.from, to: native.to,
                amount: try Self.amount(native.amount, for: "\(native.from)–\(native.to)", at: path + [key("amount")]))
            amounts = []
            return
        }
        guard container.contains(key("amounts")) else {
            throw dataCorrupted(
                at: decoder.codingPath,
                LocalizedText(
                    nl: "begrotingsregel '\(id)' heeft geen bedrag; schrijf 'amounts: { 2024: 50000 }' met een bedrag per jaar, 'period_amount: { from: 2024, to: 2026, amount: 150000 }' voor één bedrag voor een periode, of 'undated_amount: 145000' als het document bij het bedrag geen jaren noemt",
                    en: "budget line '\(id)' has no amount; write 'amounts: { 2024: 50000 }' with an amount per year, 'period_amount: { from: 2024, to: 2026, amount: 150000 }' for one amount for a period, or 'undated_amount: 145000' when the document states no years with the amount"))
        }
        let amountsContainer = try container.nestedContainer(keyedBy: AnyKey.self, forKey: key("amounts"))
        let path = decoder.codingPath + [key("amounts")]
        amounts = try amountsContainer.allKeys.map { yearKey in
            guard let year = Int(yearKey.stringValue), (1900...2100).contains(year) else {
                throw dataCorrupted(
                    at: path + [yearKey],
                    LocalizedText(
                        nl: "'\(yearKey.stringValue)' is geen jaartal; schrijf een jaar zoals 2023",
                        en: "'\(yearKey.stringValue)' is not a year; write a year such as 2023"))
            }
            let text = try amountsContainer.decode(String.self, forKey: yearKey)
            return YearAmount(year: year, amount: try Self.amount(text, for: String(year), at: path + [yearKey]))
        }.sorted { $0.year < $1.year }
    }

    /// An amount in euros as written, or nil for `not-stated`; `span` names the year or period in messages.
    private static func amount(_ text: String, for span: String, at path: [any CodingKey]) throws -> Money? {
        if text == "not-stated" { return nil }
        let amount: Money
        do throws(Money.ParseError) {
            amount = try Money.parseEuros(text)
        } catch {
            let reason =
                switch error {
                case .negative: LocalizedText(nl: "is negatief", en: "is negative")
                case .tooManyDecimals: LocalizedText(nl: "heeft meer dan twee decimalen", en: "has more than two decimals")
                case .notANumber: LocalizedText(nl: "is geen getal", en: "is not a number")
                }
            throw dataCorrupted(
                at: path,
                LocalizedText(
                    nl: "het bedrag '\(text)' voor \(span) \(reason.nl); schrijf euro's in cijfers met hoogstens twee decimalen (bv. 23200 of 23200.50), of 'not-stated' als het document geen bedrag noemt",
                    en: "the amount '\(text)' for \(span) \(reason.en); write euros as digits with at most two decimals (e.g. 23200 or 23200.50), or 'not-stated' when the document gives no amount"))
        }
        guard amount <= PluginLimits.maximumAmount else {
            throw dataCorrupted(
                at: path,
                LocalizedText(
                    nl: "het bedrag '\(text)' voor \(span) is groter dan \(PluginLimits.maximumAmount.formatted(.nl)), de grens voor één regel; controleer het aantal nullen, of splits het bedrag over regels",
                    en: "the amount '\(text)' for \(span) is larger than \(PluginLimits.maximumAmount.formatted(.en)), the limit for one line; check the number of zeros, or split it over lines"))
        }
        return amount
    }
}

/// Reads a closed set of words (statuses, kinds) and names the allowed ones when the word is not among them.
func parseEnum<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ text: String, at path: [any CodingKey]) throws -> E
where E.RawValue == String {
    if let value = E(rawValue: text) { return value }
    let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
    throw dataCorrupted(
        at: path,
        LocalizedText(
            nl: "'\(text)' is hier niet toegestaan; gebruik een van: \(allowed)",
            en: "'\(text)' is not allowed here; use one of: \(allowed)"))
}
