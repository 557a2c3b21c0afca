import Foundation
import InclusieModel
import InclusiePlugins

/// Writes a draft programme as a plugin file in its kind's native shape, every suggestion marked unreviewed.
///
/// The file passes `validate --sources` as written; a person reviews it by checking each item and removing
/// its `review: suggested` and `suggested_by:` lines.
public struct DraftWriter: Sendable {
    public var programmeID: String
    public var municipalityName: String
    public var sourceFile: String
    public var date: String

    /// The kinds this build knows: each kind's adapter says where a draft's items go.
    public var kinds: ProgrammeKinds

    public init(
        programmeID: String, municipalityName: String, sourceFile: String, date: String, kinds: ProgrammeKinds = ProgrammeKinds()
    ) {
        self.kinds = kinds
        self.programmeID = programmeID
        self.municipalityName = municipalityName
        self.sourceFile = sourceFile
        self.date = date
    }

    public func yaml(_ draft: DraftProgramme) -> String {
        let authorName = draft.author.type == "party" ? draft.author.name ?? "Partij (naam invullen)" : municipalityName
        let period = draft.period.map { "\($0.from)–\($0.to.map(String.init) ?? "")" }
        // The programme's own fields are guesses as much as the items are: one mark, every reason.
        let reasons = [
            "title: eerste kop van het document / the document's first heading",
            "kind: \(draft.kind) ← \(draft.kindReason)",
            "adoption_status: \(draft.adoptionStatus) ← \(draft.adoptionReason)",
            "author: \(draft.author.type) \(authorName) ← \(draft.author.reason)",
            period.map { "period: \($0) ← eerste jaarreeks bovenaan, of de vaakst genoemde / first year range at the top, or the most frequent" }
                ?? "period: geen jaarreeks gevonden / no year range found",
            draft.budgetReason,
        ]
        let programme = YAMLValue.fields([
            "kind": .text(draft.kind),
            "id": .text(programmeID),
            "title": .quoted(draft.title),
            "author": .fields(["type": .text(draft.author.type), "name": .quoted(authorName)]),
            "period": draft.period.map { .fields(["from": .text(String($0.from)), "to": $0.to.map { .text(String($0)) }], flow: true) },
            "adoption_status": .text(draft.adoptionStatus),
            "source": .quoted(sourceFile),
            "note": .quoted(
                "Concept gemaakt door inclusiebench draft op \(date). Titel, soort, vaststelling, auteur, periode en begroting zijn suggesties: zie suggested_by."
            ),
        ])
        let comments = [
            "Concept van inclusiebench draft (\(date)). Nog niet nagekeken: controleer elk onderdeel en haal",
            "daarna 'review: suggested' en 'suggested_by:' weg. / Draft, not reviewed yet.",
        ]
        let marked = Self.marked(programme, reasons: reasons, evidence: [Evidence(quote: draft.title, section: draft.title)])
        return YAMLValueWriter.yaml(.mapping(marked.entries + [.init(key: "budget", value: budget(draft))] + body(draft), flow: false), comments: comments)
    }

    /// `value` with the review mark, the reasons for what was suggested, and the evidence, in that order.
    private static func marked(_ value: YAMLValue, reasons: [String], evidence: [Evidence]) -> YAMLValue {
        var marked = value
        marked.set("review", to: .text("suggested"))
        marked.set("suggested_by", to: .sequence(reasons.map(YAMLValue.quoted), flow: false))
        marked.set("evidence", to: .evidence(evidence))
        return marked
    }

    /// The budget as the text states it. An amount or money without years is written for the programme's
    /// period when the text states one (`period_amount`, never spread over the years); without a period it is
    /// an `undated_amount`, an amount whose years are not stated. Either way the line carries a review mark.
    private func budget(_ draft: DraftProgramme) -> YAMLValue {
        switch draft.budgetState {
        case .unknown:
            return .text("unknown")
        case .none:
            return .fields([
                "none": .quoted("Het document zegt dat er geen eigen budget is; kijk het citaat na."),
                "evidence": .evidence([draft.budgetEvidence]),
            ])
        case .amountYearsNotStated, .statedAmountNotStated:
            let amount = draft.budgetState == .amountYearsNotStated ? draft.undatedAmount?.pluginEuros : nil
            let stated = YAMLValue.text(amount ?? "not-stated")
            let range = draft.period.flatMap { period in period.to.map { (from: period.from, to: $0) } }
            let yearsReason =
                range == nil
                ? "jaren: de tekst noemt geen jaren en geen periode bij het bedrag / years: the text states neither years nor a period with the amount"
                : "periode: die van het programma, de tekst noemt geen jaren bij het bedrag / the programme's period; the text gives no years"
            let line = YAMLValue.fields([
                "id": .text("b-1"),
                "label": .quoted(ItemCollector.titleWords(draft.budgetEvidence.quote)),
                "kind": .text("own-programme-money"),
                "precision": .text("exact"),
                "period_amount": range.map { .fields(["from": .text(String($0.from)), "to": .text(String($0.to)), "amount": stated], flow: true) },
                "undated_amount": range == nil ? stated : nil,
            ])
            let marked = Self.marked(line, reasons: [draft.budgetReason, yearsReason], evidence: [draft.budgetEvidence])
            return .fields(["lines": .sequence([marked], flow: false)])
        case .amounts:
            let lines = draft.budgetLines.map { line in
                let amounts = line.amounts.map { YAMLValue.Entry(key: String($0.year), value: .text($0.amount?.pluginEuros ?? "not-stated")) }
                let value = YAMLValue.fields([
                    "id": .text(line.id),
                    "label": .quoted(line.label),
                    "kind": .text("own-programme-money"),
                    "precision": .text("exact"),
                    "amounts": .mapping(amounts, flow: false),
                ])
                let guess = "soort: own-programme-money is een gok; kies de juiste soort / kind is a guess"
                return Self.marked(value, reasons: [line.reason, guess], evidence: [line.evidence])
            }
            return .fields(["lines": .sequence(lines, flow: false)])
        }
    }

    /// The native key each drafted item stands under, by id: a top-level group (`policy_themes`) or a child
    /// key (`proposals`). The evaluation reads it to check that party chapters give proposals.
    public static func nativeKeys(of draft: DraftProgramme, kinds: ProgrammeKinds = ProgrammeKinds()) -> [String: String] {
        var keys: [String: String] = [:]
        for (key, parent, childKey) in layout(draft, kinds: kinds) {
            keys[parent.id] = key
            if let childKey {
                for child in draft.items where child.parentID == parent.id && child.group == nil { keys[child.id] = childKey }
            }
        }
        return keys
    }

    /// Which key holds each top-level item, and which key its children stand under, from the kind's draft
    /// layout. An item the drafter put in one of the kind's own groups (`core_values`, `aims` …) stands
    /// under that key. With loose items, a section with prose of its own and no children ("4 Gelijke kansen"
    /// above 4.1 and 4.2) introduces what follows and stands with the loose items (a party's preamble).
    private static func layout(_ draft: DraftProgramme, kinds: ProgrammeKinds) -> [(key: String, item: DraftItem, childKey: String?)] {
        let layout = kinds.details(of: draft.kind)?.draftLayout ?? DraftLayout(sections: "policy_themes")
        let grouped = draft.items.filter { $0.group != nil }.map { ($0.group!, $0, String?.none) }
        let parents = draft.items.filter { $0.parentID == nil && $0.group == nil }
        guard let childKey = layout.childKey else {
            return grouped + draft.items.filter { $0.group == nil }.map { (layout.sections, $0, nil) }
        }
        guard let looseItems = layout.looseItems else {
            return grouped + parents.map { (layout.sections, $0, childKey) }
        }
        let introduces = { (item: DraftItem) in
            item.isSection && item.evidence.count > 1 && !draft.items.contains { $0.parentID == item.id }
        }
        return grouped + parents.filter { !$0.isSection || introduces($0) }.map { (looseItems, $0, nil) }
            + parents.filter { $0.isSection && !introduces($0) }.map { (layout.sections, $0, childKey) }
    }

    /// The items in the kind's native shape: keys in the order they first occur, each key's items together.
    private func body(_ draft: DraftProgramme) -> [YAMLValue.Entry] {
        let layout = Self.layout(draft, kinds: kinds)
        let numberChildren = kinds.details(of: draft.kind)?.draftLayout.numbersChildren ?? false
        let keys = layout.map(\.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return keys.map { key in
            let items = layout.filter { $0.key == key }.map { _, item, childKey in
                var value = Self.value(item, number: item.number)
                let kids = draft.items.filter { $0.parentID == item.id && $0.group == nil }
                if let childKey, !kids.isEmpty {
                    let numbered = kids.enumerated().map { position, kid in
                        Self.value(kid, number: kid.number ?? (numberChildren ? "\(position + 1)" : nil))
                    }
                    value.set(childKey, to: .sequence(numbered, flow: false))
                }
                return value
            }
            return YAMLValue.Entry(key: key, value: .sequence(items, flow: false))
        }
    }

    private static func value(_ item: DraftItem, number: String?) -> YAMLValue {
        var value = YAMLValue.fields([
            "id": .text(item.id), "number": number.map(YAMLValue.quoted), "title": .quoted(item.title), "status": .text(item.status),
        ])
        var reasons = [item.statusReason]
        for (facet, _) in Suggester.facets {
            let suggestions = item.suggestions[facet] ?? []
            guard !suggestions.isEmpty else { continue }
            value.set(facet.pluginKey, to: .idList(suggestions.map(\.id)))
            reasons += suggestions.map { "\(facet.pluginKey): \($0.id) ← \($0.reason)" }
        }
        if !item.years.isEmpty { value.set("years", to: .idList(item.years.map(String.init))) }
        if let similar = item.similarExample { reasons.append("lijkt op / similar to: \(similar)") }
        return marked(value, reasons: reasons, evidence: item.evidence)
    }
}
