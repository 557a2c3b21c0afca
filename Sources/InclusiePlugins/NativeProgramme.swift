import InclusieModel
import Yams

/// The parts every programme file shares, whatever its kind: who, what, when, which source, and the money.
struct NativeHeader: Decodable {
    static let keys: Set<String> = [
        "kind", "id", "title", "author", "period", "date", "adoption_status", "source", "note", "evidence",
        "partners", "budget",
    ]

    struct NativeAuthor: Decodable {
        var type: String
        var name: String
    }

    struct NativePeriod: Decodable {
        var from: Int
        var to: Int
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

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func key(_ name: String) -> AnyKey { AnyKey(stringValue: name) }
        kind = try container.decode(String.self, forKey: key("kind"))
        id = try container.decode(String.self, forKey: key("id"))
        title = try container.decode(String.self, forKey: key("title"))
        let nativeAuthor = try container.decode(NativeAuthor.self, forKey: key("author"))
        author = Author(
            type: try parseEnum(Author.AuthorType.self, nativeAuthor.type, at: decoder.codingPath + [key("author")]),
            name: nativeAuthor.name)
        period = try container.decodeIfPresent(NativePeriod.self, forKey: key("period")).map {
            Period(from: $0.from, to: $0.to)
        }
        date = try container.decodeIfPresent(String.self, forKey: key("date"))
        adoptionStatus = try parseEnum(
            AdoptionStatus.self, try container.decode(String.self, forKey: key("adoption_status")),
            at: decoder.codingPath + [key("adoption_status")])
        source = try container.decode(String.self, forKey: key("source"))
        note = try container.decodeIfPresent(String.self, forKey: key("note"))
        evidence = try container.decodeIfPresent([NativeEvidence].self, forKey: key("evidence")) ?? []
        partners = try container.decodeIfPresent([NativePartner].self, forKey: key("partners")) ?? []
        budget = try container.decode(NativeBudget.self, forKey: key("budget"))
    }
}

/// A programme file: the shared header plus the body in the kind's native shape.
struct NativeProgramme<Body: NativeBody>: Decodable {
    var header: NativeHeader
    var body: Body

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: NativeHeader.keys.union(Body.keys))
        header = try NativeHeader(from: decoder)
        body = try Body(from: decoder)
    }
}

/// The kind-specific top level of a programme file.
protocol NativeBody: Decodable {
    /// The top-level keys of this native shape, besides the shared header's.
    static var keys: Set<String> { get }
}

/// The budget part: either a table of lines, or `none:` with the reason there is no budget.
struct NativeBudget: Decodable {
    var line: Int?
    var noneReason: String?
    var note: String?
    var evidence: [NativeEvidence]
    var lines: [NativeBudgetLine]

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["none", "note", "evidence", "lines"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        line = decoder.mark?.line
        noneReason = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "none"))
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
                    nl: "de begroting heeft geen 'lines' en geen 'none'; voeg de begrotingsregels toe, of 'none: <waarom er geen begroting is>'",
                    en: "the budget has neither 'lines' nor 'none'; add the budget lines, or 'none: <why there is no budget>'"))
        }
    }
}

/// One budget line with an amount in euros per year.
struct NativeBudgetLine: Decodable {
    static let keys: Set<String> = [
        "id", "label", "block", "kind", "precision", "instrument", "theme", "partner", "item", "amounts", "note",
        "evidence", "review", "suggested_by",
    ]

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
        line = decoder.mark?.line
        id = try container.decode(String.self, forKey: key("id"))
        label = try container.decode(String.self, forKey: key("label"))
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
            if text == "not-stated" { return YearAmount(year: year, amount: nil) }
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
                    at: path + [yearKey],
                    LocalizedText(
                        nl: "het bedrag '\(text)' voor \(year) \(reason.nl); schrijf euro's in cijfers met hoogstens twee decimalen (bv. 23200 of 23200.50), of 'not-stated' als het document geen bedrag noemt",
                        en: "the amount '\(text)' for \(year) \(reason.en); write euros as digits with at most two decimals (e.g. 23200 or 23200.50), or 'not-stated' when the document gives no amount"))
            }
            return YearAmount(year: year, amount: amount)
        }.sorted { $0.year < $1.year }
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
