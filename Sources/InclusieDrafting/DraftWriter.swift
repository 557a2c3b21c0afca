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
        var out: [String] = []
        out.append("# Concept van inclusiebench draft (\(date)). Nog niet nagekeken: controleer elk onderdeel en haal")
        out.append("# daarna 'review: suggested' en 'suggested_by:' weg. / Draft, not reviewed yet.")
        out.append("kind: \(draft.kind)")
        out.append("id: \(programmeID)")
        out.append("title: \(YAMLScalar.doubleQuoted(draft.title))")
        out.append("author:")
        out.append("  type: \(draft.author.type)")
        let authorName = draft.author.type == "party" ? draft.author.name ?? "Partij (naam invullen)" : municipalityName
        out.append("  name: \(YAMLScalar.doubleQuoted(authorName))")
        if let period = draft.period {
            out.append("period: { from: \(period.from)" + (period.to.map { ", to: \($0)" } ?? "") + " }")
        }
        out.append("adoption_status: \(draft.adoptionStatus)")
        out.append("source: \(YAMLScalar.doubleQuoted(sourceFile))")
        out.append(
            "note: "
                + YAMLScalar.doubleQuoted(
                    "Concept gemaakt door inclusiebench draft op \(date). Titel, soort, vaststelling, auteur, periode en begroting zijn suggesties: zie suggested_by."
                ))
        // The programme's own fields are guesses as much as the items are: one mark, every reason.
        out.append("review: suggested")
        out.append("suggested_by:")
        let period = draft.period.map { "\($0.from)–\($0.to.map(String.init) ?? "")" }
        for reason in [
            "title: eerste kop van het document / the document's first heading",
            "kind: \(draft.kind) ← \(draft.kindReason)",
            "adoption_status: \(draft.adoptionStatus) ← \(draft.adoptionReason)",
            "author: \(draft.author.type) \(authorName) ← \(draft.author.reason)",
            period.map { "period: \($0) ← eerste jaarreeks bovenaan, of de vaakst genoemde / first year range at the top, or the most frequent" }
                ?? "period: geen jaarreeks gevonden / no year range found",
            draft.budgetReason,
        ] {
            out.append("  - \(YAMLScalar.doubleQuoted(reason))")
        }
        out.append("evidence:")
        out.append("  - quote: \(YAMLScalar.doubleQuoted(draft.title))")
        out.append("    section: \(YAMLScalar.doubleQuoted(draft.title))")
        out += budget(draft)
        out.append("")
        out += body(draft)
        return out.joined(separator: "\n") + "\n"
    }

    /// The budget as the text states it. An amount or money without years is written for the programme's
    /// period when the text states one (`period_amount`, never spread over the years); without a period it is
    /// an `undated_amount`, an amount whose years are not stated. Either way the line carries a review mark.
    private func budget(_ draft: DraftProgramme) -> [String] {
        func evidence(_ indent: String) -> [String] {
            [
                "\(indent)- quote: \(YAMLScalar.doubleQuoted(draft.budgetEvidence.quote))",
                "\(indent)  section: \(YAMLScalar.doubleQuoted(draft.budgetEvidence.section))",
            ]
        }
        switch draft.budgetState {
        case .unknown:
            return ["budget: unknown"]
        case .none:
            return [
                "budget:",
                "  none: " + YAMLScalar.doubleQuoted("Het document zegt dat er geen eigen budget is; kijk het citaat na."),
                "  evidence:",
            ] + evidence("    ")
        case .amountYearsNotStated, .statedAmountNotStated:
            let amount = draft.budgetState == .amountYearsNotStated ? draft.undatedAmount.map(euros) ?? "not-stated" : "not-stated"
            let amountLine: String
            let yearsReason: String
            if let period = draft.period, let to = period.to {
                amountLine = "      period_amount: { from: \(period.from), to: \(to), amount: \(amount) }"
                yearsReason = "periode: die van het programma, de tekst noemt geen jaren bij het bedrag / the programme's period; the text gives no years"
            } else {
                amountLine = "      undated_amount: \(amount)"
                yearsReason = "jaren: de tekst noemt geen jaren en geen periode bij het bedrag / years: the text states neither years nor a period with the amount"
            }
            return [
                "budget:", "  lines:", "    - id: b-1", "      label: \(YAMLScalar.doubleQuoted(ItemCollector.titleWords(draft.budgetEvidence.quote)))",
                "      kind: own-programme-money", "      precision: exact", amountLine,
                "      review: suggested", "      suggested_by:",
                "        - \(YAMLScalar.doubleQuoted(draft.budgetReason))",
                "        - \(YAMLScalar.doubleQuoted(yearsReason))",
                "      evidence:",
            ] + evidence("        ")
        case .amounts:
            break
        }
        var out = ["budget:", "  lines:"]
        for line in draft.budgetLines {
            out.append("    - id: \(line.id)")
            out.append("      label: \(YAMLScalar.doubleQuoted(line.label))")
            out.append("      kind: own-programme-money")
            out.append("      precision: exact")
            out.append("      amounts:")
            for amount in line.amounts {
                out.append("        \(amount.year): \(amount.amount.map(euros) ?? "not-stated")")
            }
            out.append("      review: suggested")
            out.append("      suggested_by:")
            out.append("        - \(YAMLScalar.doubleQuoted(line.reason))")
            out.append("        - \(YAMLScalar.doubleQuoted("soort: own-programme-money is een gok; kies de juiste soort / kind is a guess"))")
            out.append("      evidence:")
            out.append("        - quote: \(YAMLScalar.doubleQuoted(line.evidence.quote))")
            out.append("          section: \(YAMLScalar.doubleQuoted(line.evidence.section))")
        }
        return out
    }

    private func euros(_ money: Money) -> String {
        money.cents % 100 == 0 ? "\(money.cents / 100)" : String(format: "%d.%02d", money.cents / 100, money.cents % 100)
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
    private func body(_ draft: DraftProgramme) -> [String] {
        var out: [String] = []
        let layout = Self.layout(draft, kinds: kinds)
        let numberChildren = kinds.details(of: draft.kind)?.draftLayout.numbersChildren ?? false
        let keys = layout.map(\.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for key in keys {
            out.append("\(key):")
            for (_, item, childKey) in layout.filter({ $0.key == key }) {
                out += lines(item, indent: "  ", number: item.number)
                guard let childKey else { continue }
                let kids = draft.items.filter { $0.parentID == item.id && $0.group == nil }
                guard !kids.isEmpty else { continue }
                out.append("    \(childKey):")
                for (position, kid) in kids.enumerated() {
                    let number = kid.number ?? (numberChildren ? "\(position + 1)" : nil)
                    out += lines(kid, indent: "      ", number: number)
                }
            }
        }
        return out
    }

    private func lines(_ item: DraftItem, indent: String, number: String?) -> [String] {
        var out = ["\(indent)- id: \(item.id)"]
        let inner = indent + "  "
        if let number { out.append("\(inner)number: \(YAMLScalar.doubleQuoted(number))") }
        out.append("\(inner)title: \(YAMLScalar.doubleQuoted(item.title))")
        out.append("\(inner)status: \(item.status)")
        var reasons = [item.statusReason]
        for (facet, _) in Suggester.facets {
            let suggestions = item.suggestions[facet] ?? []
            guard !suggestions.isEmpty else { continue }
            out.append("\(inner)\(facet.pluginKey): [\(suggestions.map(\.id).joined(separator: ", "))]")
            reasons += suggestions.map { "\(facet.pluginKey): \($0.id) ← \($0.reason)" }
        }
        if !item.years.isEmpty { out.append("\(inner)years: [\(item.years.map(String.init).joined(separator: ", "))]") }
        if let similar = item.similarExample { reasons.append("lijkt op / similar to: \(similar)") }
        out.append("\(inner)review: suggested")
        out.append("\(inner)suggested_by:")
        out += reasons.map { "\(inner)  - \(YAMLScalar.doubleQuoted($0))" }
        out.append("\(inner)evidence:")
        for evidence in item.evidence {
            out.append("\(inner)  - quote: \(YAMLScalar.doubleQuoted(evidence.quote))")
            out.append("\(inner)    section: \(YAMLScalar.doubleQuoted(evidence.section))")
        }
        return out
    }
}
